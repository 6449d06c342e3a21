// How the dashboard writes its numbers: the pure formatters of server/metrics/figure-format.ts,
// with '—' for no data. DORA figures beside a band go through doraFigureText instead.
import { durationText, frequencyText, percentText } from '@/server/metrics/figure-format';

export const percent = (value: number | null) => (value === null ? '—' : percentText(value).text);

export const duration = (hours: number | null) => (hours === null ? '—' : durationText(hours).text);

export const frequency = (perDay: number | null) => (perDay === null ? '—' : frequencyText(perDay).text);
