import { describe, expect, it } from 'vitest';
import { describeHistoryValue, evidenceChanges, type CorrectableEvidence } from '@/server/evidence/corrections';

const item: CorrectableEvidence = {
  minutes_lost: 60,
  occurrences_per_month: 1,
  kind: 'single',
  severity: null,
  participant_id: 'p1',
  excerpt: 'Need access to the staging database',
};

describe('evidenceChanges', () => {
  it('lists only the fields whose stored value changes, old and new as text', () => {
    expect(evidenceChanges(item, { ...item })).toEqual([]);
    expect(evidenceChanges(item, { ...item, minutes_lost: 240, participant_id: null })).toEqual([
      { field: 'participant_id', oldValue: 'p1', newValue: null },
      { field: 'minutes_lost', oldValue: '60', newValue: '240' },
    ]);
    expect(evidenceChanges(item, { ...item, kind: 'recurring', occurrences_per_month: 4, excerpt: 'staging database' }).map((change) => change.field)).toEqual([
      'excerpt',
      'kind',
      'occurrences_per_month',
    ]);
  });

  it('compares numbers as numbers (a numeric column read back as text is no change)', () => {
    expect(evidenceChanges({ ...item, minutes_lost: '60' as unknown as number }, item)).toEqual([]);
    expect(evidenceChanges({ ...item, minutes_lost: null }, { ...item, minutes_lost: 0 })).toEqual([{ field: 'minutes_lost', oldValue: null, newValue: '0' }]);
  });
});

describe('describeHistoryValue', () => {
  it('writes each value as people read it', () => {
    const names = new Map([['p1', 'Ada']]);
    expect(describeHistoryValue('minutes_lost', '1440', names)).toBe('1,440 min');
    expect(describeHistoryValue('minutes_lost', null, names)).toBe('no minutes');
    expect(describeHistoryValue('occurrences_per_month', '0.5', names)).toBe('0.5 a month');
    expect(describeHistoryValue('severity', '3', names)).toBe('3 of 5');
    expect(describeHistoryValue('kind', 'recurring', names)).toBe('recurring estimate');
    expect(describeHistoryValue('participant_id', 'p1', names)).toBe('Ada');
    expect(describeHistoryValue('participant_id', 'p2', names)).toBe('a developer no longer in the directory');
    expect(describeHistoryValue('participant_id', null, names)).toBe('unattributed');
    expect(describeHistoryValue('excerpt', 'Waiting', names)).toBe('“Waiting”');
  });
});
