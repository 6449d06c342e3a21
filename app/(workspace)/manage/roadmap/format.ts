// Numbers and dates in the roadmap editor and the request inbox.
const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

export function formatDay(date: Date): string {
  return DAY.format(date);
}

/** Hours with one decimal under 10, whole hours above. */
export function formatHours(hours: number): string {
  return hours < 10 ? String(Math.round(hours * 10) / 10) : Math.round(hours).toLocaleString('en');
}
