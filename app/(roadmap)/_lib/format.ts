// Numbers on public pages (dates come from app/_components/format.ts like everywhere else).
export function pluralise(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}
