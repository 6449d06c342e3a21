// How the dashboard writes its figures (percentages, durations, frequencies), and the rule that a
// figure beside a DORA band never contradicts it: rounding must not carry a value across a band's
// limit (5.04% is "high", so it cannot read "5%", the elite limit). Pure.
import { type BandsLike, type DoraMetric, placeValue } from './dora-bands';

export interface Shown {
  text: string;
  /** The value the text states, in the figure's own unit: what a reader would compare with a band. */
  shown: number;
}

const roundTo = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** A share as a percentage, whole by default; `extra` more decimals when asked. */
export function percentText(value: number, extra = 0): Shown {
  const percent = roundTo(value * 100, extra);
  return { text: `${percent.toFixed(extra)}%`, shown: percent / 100 };
}

/** Hours as minutes, hours or days, whichever reads best; `extra` more decimals when asked. */
export function durationText(hours: number, extra = 0): Shown {
  if (hours < 1) {
    const minutes = roundTo(hours * 60, extra);
    return { text: `${minutes.toFixed(extra)} min`, shown: minutes / 60 };
  }
  if (hours < 48) {
    const digits = (hours < 10 ? 1 : 0) + extra;
    const value = roundTo(hours, digits);
    return { text: `${value.toFixed(digits)} h`, shown: value };
  }
  const digits = (hours < 240 ? 1 : 0) + extra;
  const days = roundTo(hours / 24, digits);
  return { text: `${days.toFixed(digits)} days`, shown: days * 24 };
}

/** Deployments per day as a day, week or month rate (a month is 30 days), one decimal by default. */
export function frequencyText(perDay: number, extra = 0): Shown {
  const digits = 1 + extra;
  if (perDay >= 1) {
    const value = roundTo(perDay, digits);
    return { text: `${value.toFixed(digits)} a day`, shown: value };
  }
  if (perDay * 7 >= 1) {
    const value = roundTo(perDay * 7, digits);
    return { text: `${value.toFixed(digits)} a week`, shown: value / 7 };
  }
  const value = roundTo(perDay * 30, digits);
  return { text: `${value.toFixed(digits)} a month`, shown: value / 30 };
}

const FORMAT_OF: Record<DoraMetric, (value: number, extra?: number) => Shown> = {
  deployment_frequency: frequencyText,
  lead_time_hours: durationText,
  change_failure_rate: percentText,
  recovery_hours: durationText,
};

const MAX_EXTRA_DIGITS = 6;

/**
 * A DORA figure written with as few decimals as keep it in its own band: more decimals only when
 * the rounded text would read as another band (or as a gap). '—' for no data.
 */
export function doraFigure(bands: BandsLike, metric: DoraMetric, value: number): Shown {
  const key = (number: number) => JSON.stringify(placeValue(bands, metric, number));
  const wanted = key(value);
  let shown = FORMAT_OF[metric](value);
  for (let extra = 1; key(shown.shown) !== wanted && extra <= MAX_EXTRA_DIGITS; extra += 1) shown = FORMAT_OF[metric](value, extra);
  return shown;
}

export function doraFigureText(bands: BandsLike, metric: DoraMetric, value: number | null): string {
  return value === null || Number.isNaN(value) ? '—' : doraFigure(bands, metric, value).text;
}
