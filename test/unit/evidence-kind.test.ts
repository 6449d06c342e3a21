// The kind of an evidence item (recurring estimate or single occurrence) checked against its
// source, and the limits of minutes, rate and severity: the rules every writer goes through.
import { describe, expect, it } from 'vitest';
import { DEFAULT_KIND_OF_SOURCE, resolveEvidenceCost } from '@/server/evidence/rules';

describe('resolveEvidenceCost', () => {
  it('defaults the kind from the source: what developers tell is recurring, what happened once is single', () => {
    expect(DEFAULT_KIND_OF_SOURCE).toEqual({
      interview: 'recurring',
      survey: 'recurring',
      request: 'recurring',
      ticket: 'single',
      shadowing: 'single',
      postmortem: 'single',
      rating: 'single',
    });
    expect(resolveEvidenceCost({ sourceKind: 'interview', minutesLost: 30, occurrencesPerMonth: 4 })).toEqual({
      ok: true,
      cost: { kind: 'recurring', minutesLost: 30, occurrencesPerMonth: 4, severity: null, minutesOrigin: 'entered' },
    });
    expect(resolveEvidenceCost({ sourceKind: 'ticket', minutesLost: 45 })).toEqual({
      ok: true,
      cost: { kind: 'single', minutesLost: 45, occurrencesPerMonth: 1, severity: null, minutesOrigin: 'entered' },
    });
    expect(resolveEvidenceCost({ sourceKind: 'ticket', occurrencesPerMonth: 1, severity: 2 })).toMatchObject({ ok: true, cost: { kind: 'single', minutesOrigin: null } });
  });

  it('makes an item with a rate recurring, and keeps a rule’s origin', () => {
    expect(resolveEvidenceCost({ sourceKind: 'shadowing', minutesLost: 10, occurrencesPerMonth: 20 })).toMatchObject({ ok: true, cost: { kind: 'recurring', occurrencesPerMonth: 20 } });
    expect(resolveEvidenceCost({ sourceKind: 'ticket', kind: 'recurring', occurrencesPerMonth: 2, minutesLost: 45, minutesOrigin: 'category_rule' })).toMatchObject({
      ok: true,
      cost: { kind: 'recurring', occurrencesPerMonth: 2, minutesOrigin: 'category_rule' },
    });
    expect(resolveEvidenceCost({ sourceKind: 'interview', kind: 'single', minutesLost: 600 })).toMatchObject({ ok: true, cost: { kind: 'single', occurrencesPerMonth: 1 } });
  });

  it('refuses a kind that contradicts the source, naming the field', () => {
    expect(resolveEvidenceCost({ sourceKind: 'ticket', kind: 'recurring', minutesLost: 45 })).toEqual({
      ok: false,
      field: 'kind',
      message: 'A ticket happened once, on its date. To count it as recurring, say how many times a month it happens (occurrences per month).',
    });
    expect(resolveEvidenceCost({ sourceKind: 'postmortem', kind: 'recurring' })).toMatchObject({ ok: false, field: 'kind' });
    expect(resolveEvidenceCost({ sourceKind: 'ticket', kind: 'single', occurrencesPerMonth: 4 })).toEqual({
      ok: false,
      field: 'occurrencesPerMonth',
      message: 'A single occurrence has no rate of its own: leave occurrences per month empty, or mark the item recurring.',
    });
  });

  it('refuses minutes outside 0-43,200, occurrences outside (0, 10,000] and severities outside 1-5', () => {
    expect(resolveEvidenceCost({ sourceKind: 'interview', minutesLost: -1 })).toMatchObject({ ok: false, field: 'minutesLost', message: 'Minutes lost cannot be negative' });
    expect(resolveEvidenceCost({ sourceKind: 'interview', minutesLost: 43_201 })).toMatchObject({ ok: false, field: 'minutesLost' });
    expect(resolveEvidenceCost({ sourceKind: 'interview', minutesLost: 43_200 })).toMatchObject({ ok: true });
    expect(resolveEvidenceCost({ sourceKind: 'interview', minutesLost: 0 })).toMatchObject({ ok: true });
    expect(resolveEvidenceCost({ sourceKind: 'interview', occurrencesPerMonth: 0 })).toMatchObject({ ok: false, field: 'occurrencesPerMonth', message: 'It must happen more than 0 times a month' });
    expect(resolveEvidenceCost({ sourceKind: 'interview', occurrencesPerMonth: 10_001 })).toMatchObject({ ok: false, field: 'occurrencesPerMonth' });
    expect(resolveEvidenceCost({ sourceKind: 'interview', occurrencesPerMonth: 10_000 })).toMatchObject({ ok: true });
    expect(resolveEvidenceCost({ sourceKind: 'interview', minutesLost: Number.NaN })).toMatchObject({ ok: false, field: 'minutesLost' });
    expect(resolveEvidenceCost({ sourceKind: 'interview', severity: 6 })).toMatchObject({ ok: false, field: 'severity' });
  });
});
