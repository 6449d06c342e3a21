import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bandFor, bandNotes, parseDoraBands, placeValue } from '@/server/metrics/dora-bands';
import { doraFigure, doraFigureText, durationText, frequencyText, percentText } from '@/server/metrics/figure-format';

const file = path.join(process.cwd(), 'server/metrics/dora-bands-2024.yaml');
const bands = parseDoraBands(fs.readFileSync(file, 'utf8'), 'dora-bands-2024.yaml');
const published = (metric: keyof typeof bands.metrics) => bands.metrics[metric].bands.map(({ band, published: words, at_least, at_most }) => ({ band, words, at_least, at_most }));

describe('the 2024 bands file holds the published 2024 clusters exactly', () => {
  it('is labelled 2024', () => {
    expect(bands.version).toBe(2024);
    expect(bands.source).toBe('Accelerate State of DevOps Report 2024');
  });

  it('deployment frequency: on demand / daily-weekly / weekly-monthly / monthly-6-monthly', () => {
    expect(published('deployment_frequency')).toEqual([
      { band: 'elite', words: 'on demand (multiple deploys per day)', at_least: 1, at_most: undefined },
      { band: 'high', words: 'between once per day and once per week', at_least: 0.142857, at_most: 1 },
      { band: 'medium', words: 'between once per week and once per month', at_least: 0.033333, at_most: 0.142857 },
      { band: 'low', words: 'between once per month and once every six months', at_least: 0.005556, at_most: 0.033333 },
    ]);
  });

  it('lead time: under 1 day / 1 day-1 week / 1 week-1 month / 1-6 months', () => {
    expect(published('lead_time_hours')).toEqual([
      { band: 'elite', words: 'less than one day', at_least: undefined, at_most: 24 },
      { band: 'high', words: 'between one day and one week', at_least: 24, at_most: 168 },
      { band: 'medium', words: 'between one week and one month', at_least: 168, at_most: 720 },
      { band: 'low', words: 'between one month and six months', at_least: 720, at_most: 4320 },
    ]);
  });

  it('change failure rate: 5% / 20% / 10% / 40%', () => {
    expect(published('change_failure_rate')).toEqual([
      { band: 'elite', words: '5%', at_least: undefined, at_most: 0.05 },
      { band: 'high', words: '20%', at_least: undefined, at_most: 0.2 },
      { band: 'medium', words: '10%', at_least: undefined, at_most: 0.1 },
      { band: 'low', words: '40%', at_least: undefined, at_most: 0.4 },
    ]);
  });

  it('recovery: under 1 hour / under 1 day / under 1 day / 1 week to 1 month', () => {
    expect(published('recovery_hours')).toEqual([
      { band: 'elite', words: 'less than one hour', at_least: undefined, at_most: 1 },
      { band: 'high', words: 'less than one day', at_least: undefined, at_most: 24 },
      { band: 'medium', words: 'less than one day', at_least: undefined, at_most: 24 },
      { band: 'low', words: 'between one week and one month', at_least: 168, at_most: 720 },
    ]);
  });
});

describe('placing a value', () => {
  it('takes the best cluster that holds it', () => {
    expect(bandFor(bands, 'deployment_frequency', 3)).toBe('elite');
    expect(bandFor(bands, 'deployment_frequency', 0.5)).toBe('high');
    expect(bandFor(bands, 'deployment_frequency', 1 / 14)).toBe('medium');
    expect(bandFor(bands, 'deployment_frequency', 0.01)).toBe('low');
    expect(bandFor(bands, 'lead_time_hours', 2)).toBe('elite');
    expect(bandFor(bands, 'lead_time_hours', 100)).toBe('high');
    expect(bandFor(bands, 'lead_time_hours', 2000)).toBe('low');
    expect(bandFor(bands, 'change_failure_rate', 0.05)).toBe('elite');
    expect(bandFor(bands, 'change_failure_rate', 0.0504)).toBe('high');
    expect(bandFor(bands, 'change_failure_rate', 0.3)).toBe('low');
    expect(bandFor(bands, 'recovery_hours', 0.5)).toBe('elite');
    expect(bandFor(bands, 'recovery_hours', 300)).toBe('low');
    expect(placeValue(bands, 'recovery_hours', null)).toBeNull();
  });

  it('names a tie where two clusters publish the same range', () => {
    expect(placeValue(bands, 'recovery_hours', 10)).toEqual({ band: 'high', tiedWith: ['medium'] });
    expect(placeValue(bands, 'recovery_hours', 0.5)).toEqual({ band: 'elite', tiedWith: [] });
  });

  it('places no band in a gap between the clusters, instead of inventing one', () => {
    expect(placeValue(bands, 'recovery_hours', 72)).toEqual({ band: null, tiedWith: [] });
    expect(placeValue(bands, 'recovery_hours', 1000)).toEqual({ band: null, tiedWith: [] });
    expect(placeValue(bands, 'lead_time_hours', 5000)).toEqual({ band: null, tiedWith: [] });
    expect(placeValue(bands, 'change_failure_rate', 0.45)).toEqual({ band: null, tiedWith: [] });
    expect(placeValue(bands, 'deployment_frequency', 0)).toEqual({ band: null, tiedWith: [] });
  });

  it('lists the gaps and overlaps of each metric for the page note', () => {
    expect(bandNotes(bands, 'recovery_hours')).toEqual({
      gaps: [
        { from: 24, to: 168 },
        { from: 720, to: null },
      ],
      overlaps: [{ better: 'high', worse: 'medium', isSameRange: true }],
    });
    expect(bandNotes(bands, 'change_failure_rate')).toEqual({ gaps: [{ from: 0.4, to: null }], overlaps: [{ better: 'high', worse: 'medium', isSameRange: false }] });
    expect(bandNotes(bands, 'lead_time_hours')).toEqual({ gaps: [{ from: 4320, to: null }], overlaps: [] });
    expect(bandNotes(bands, 'deployment_frequency')).toEqual({ gaps: [{ from: 0, to: 0.005556 }], overlaps: [] });
  });
});

describe('a figure beside a band never contradicts it', () => {
  it('writes 5.04% with the decimals that keep it out of the elite band', () => {
    expect(percentText(0.0504).text).toBe('5%');
    expect(doraFigureText(bands, 'change_failure_rate', 0.0504)).toBe('5.04%');
    expect(doraFigureText(bands, 'change_failure_rate', 0.05)).toBe('5%');
    expect(doraFigureText(bands, 'change_failure_rate', 0.1234)).toBe('12%');
    expect(doraFigureText(bands, 'change_failure_rate', 0.2004)).toBe('20.04%');
    expect(doraFigureText(bands, 'change_failure_rate', null)).toBe('—');
  });

  it('does the same for durations and frequencies', () => {
    expect(durationText(24.3).text).toBe('24 h');
    expect(doraFigureText(bands, 'recovery_hours', 24.3)).toBe('24.3 h');
    expect(doraFigureText(bands, 'lead_time_hours', 23.8)).toBe('24 h'); // 24 h is still elite: no extra decimal
    expect(doraFigureText(bands, 'lead_time_hours', 24.2)).toBe('24.2 h');
    expect(doraFigureText(bands, 'lead_time_hours', 30)).toBe('30 h');
    // 167.5 h is in the gap between one day and one week; "7.0 days" would read as low.
    expect(durationText(167.5).text).toBe('7.0 days');
    expect(doraFigureText(bands, 'recovery_hours', 167.5)).toBe('6.98 days');
    // Just under once a week is medium; "4.3 a month" (0.1433 a day) would read as high.
    expect(frequencyText(0.1428).text).toBe('4.3 a month');
    expect(doraFigureText(bands, 'deployment_frequency', 0.1428)).toBe('4.28 a month');
    expect(doraFigureText(bands, 'deployment_frequency', 0.5)).toBe('3.5 a week');
  });

  it('keeps every value of a fine sweep in its own band', () => {
    for (const metric of ['change_failure_rate', 'lead_time_hours', 'recovery_hours', 'deployment_frequency'] as const) {
      const limits = bands.metrics[metric].bands.flatMap((band) => [band.at_least, band.at_most]).filter((value): value is number => value !== undefined);
      for (const limit of limits) {
        for (const factor of [0.97, 0.999, 0.9999, 1, 1.0001, 1.001, 1.03]) {
          const value = limit * factor;
          expect(placeValue(bands, metric, doraFigure(bands, metric, value).shown), `${metric} ${value}`).toEqual(placeValue(bands, metric, value));
        }
      }
    }
  });
});

describe('parseDoraBands', () => {
  const valid = fs.readFileSync(file, 'utf8');

  it('names the line of YAML that does not parse', () => {
    const lines = valid.split('\n');
    const index = lines.findIndex((line) => line.includes('label: Lead time for changes'));
    lines[index] = '   label: Lead time for changes'; // one space short
    expect(() => parseDoraBands(lines.join('\n'), 'custom.yaml')).toThrow(new RegExp(`^DORA bands file custom\\.yaml, line ${index + 1}: `));
  });

  it('names the line and field of a wrong value', () => {
    const lines = valid.split('\n');
    const index = lines.findIndex((line) => line.includes("published: 'between one day and one week', at_least: 24, at_most: 168"));
    lines[index] = lines[index].replace('at_most: 168', 'at_most: soon');
    expect(() => parseDoraBands(lines.join('\n'), 'custom.yaml')).toThrow(
      `DORA bands file custom.yaml, line ${index + 1}: metrics.lead_time_hours.bands.1.at_most: at_most must be a number`,
    );
  });

  it('refuses an unknown band name, bands out of order, a band without limits and a missing metric', () => {
    expect(() => parseDoraBands(valid.replace('band: elite, published', 'band: superb, published'), 'x.yaml')).toThrow(/band must be one of/);
    expect(() => parseDoraBands(valid.replace("{ band: medium, published: '10%'", "{ band: high, published: '10%'"), 'x.yaml')).toThrow(/list the bands best first/);
    expect(() => parseDoraBands(valid.replace("published: '40%', at_most: 0.4", "published: '40%'"), 'x.yaml')).toThrow(/give at_least, at_most or both/);
    const withoutRecovery = valid.slice(0, valid.indexOf('  recovery_hours:'));
    expect(() => parseDoraBands(withoutRecovery, 'x.yaml')).toThrow(/metrics\.recovery_hours/);
  });
});
