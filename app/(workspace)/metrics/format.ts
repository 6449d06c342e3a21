// How the dashboard writes its numbers.
export const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);

export function duration(hours: number | null): string {
  if (hours === null) return '—';
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${hours < 10 ? hours.toFixed(1) : Math.round(hours)} h`;
  return `${(hours / 24).toFixed(hours < 240 ? 1 : 0)} days`;
}

export function frequency(perDay: number | null): string {
  if (perDay === null) return '—';
  if (perDay >= 1) return `${perDay.toFixed(1)} a day`;
  if (perDay * 7 >= 1) return `${(perDay * 7).toFixed(1)} a week`;
  return `${(perDay * 30).toFixed(1)} a month`;
}

/** A day as '26 Nov 2026', in UTC like every period on the dashboard. */
export const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
