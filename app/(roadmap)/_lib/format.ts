// Dates on public pages: days only, in UTC, the same on the server and in the browser.
const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export function formatDay(date: Date): string {
  return DAY.format(date);
}

export function pluralise(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}
