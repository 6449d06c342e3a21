import { describe, expect, it } from 'vitest';
import { mergeChanges } from '@/server/lib/merge-changes';

describe('mergeChanges', () => {
  const stored = { notes: 'stored notes', 'answer:1': 'first', 'answer:2': '' };

  it('applies a change whose base is what is stored', () => {
    expect(mergeChanges(stored, [{ field: 'answer:2', base: '', value: 'typed' }])).toEqual({ apply: [{ field: 'answer:2', value: 'typed' }], conflicts: [], unknown: [] });
  });

  it('refuses a change made on top of an older version', () => {
    expect(mergeChanges(stored, [{ field: 'notes', base: 'old notes', value: 'mine' }])).toEqual({
      apply: [],
      conflicts: [{ field: 'notes', theirs: 'stored notes', yours: 'mine' }],
      unknown: [],
    });
  });

  it('treats saving what is already stored as done, whatever the base (a retried save)', () => {
    expect(mergeChanges(stored, [{ field: 'answer:1', base: 'something else', value: 'first' }])).toEqual({ apply: [], conflicts: [], unknown: [] });
  });

  it('keeps the first base and the last value when a field comes twice', () => {
    const result = mergeChanges(stored, [
      { field: 'answer:2', base: '', value: 'a' },
      { field: 'answer:2', base: 'a', value: 'ab' },
    ]);
    expect(result.apply).toEqual([{ field: 'answer:2', value: 'ab' }]);
  });

  it('names fields the record does not have', () => {
    expect(mergeChanges(stored, [{ field: 'answer:9', base: '', value: 'x' }]).unknown).toEqual(['answer:9']);
  });

  it('compares null as a value of its own', () => {
    expect(mergeChanges({ interviewerId: null }, [{ field: 'interviewerId', base: null, value: 'u1' }]).apply).toEqual([{ field: 'interviewerId', value: 'u1' }]);
    expect(mergeChanges({ interviewerId: 'u2' }, [{ field: 'interviewerId', base: null, value: 'u1' }]).conflicts).toHaveLength(1);
  });
});
