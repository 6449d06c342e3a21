// Numbers in the roadmap editor and the request inbox (dates: app/_components/format.ts).

/** Hours with one decimal under 10, whole hours above. */
export function formatHours(hours: number): string {
  return hours < 10 ? String(Math.round(hours * 10) / 10) : Math.round(hours).toLocaleString('en');
}
