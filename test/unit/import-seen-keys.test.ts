// The keys an import has met (issue 14, point 5: memory that does not grow with the file): the
// first row of each key and whether a repeat says the same, kept outside the JavaScript heap and
// answering exactly as a Map of the keys would, through growth, colliding hashes and any text.
import { describe, expect, it } from 'vitest';
import { SeenKeys } from '@/server/imports/seen-keys';

describe('SeenKeys', () => {
  it('records a new key and answers its first row and whether a repeat has the same tag', () => {
    const seen = new SeenKeys();
    expect(seen.firstOrAdd('PLAT-1', 2, 'h2:abc')).toBeNull();
    expect(seen.firstOrAdd('PLAT-1', 5, 'h2:abc')).toEqual({ row: 2, isSameTag: true });
    expect(seen.firstOrAdd('PLAT-1', 6, 'h2:abd')).toEqual({ row: 2, isSameTag: false });
    expect(seen.firstOrAdd('PLAT-1', 7, 'h2:ab')).toEqual({ row: 2, isSameTag: false });
    expect(seen.firstOrAdd('PLAT-10', 8, 'h2:abc')).toBeNull();
    expect(seen.firstOrAdd('', 9, '')).toBeNull();
    expect(seen.firstOrAdd('', 10, '')).toEqual({ row: 9, isSameTag: true });
    expect(seen.size).toBe(3);
  });

  it('agrees with a Map over 100,000 keys of any text (growth, long and non-ASCII keys)', () => {
    const seen = new SeenKeys();
    const reference = new Map<string, { row: number; tag: string }>();
    let state = 7;
    const random = () => {
      state = (state * 1664525 + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
    const wrong: string[] = [];
    for (let row = 2; row < 200_002; row += 1) {
      const number = Math.floor(random() * 100_000);
      const key = number % 5 === 0 ? `Søren Ødegaard ✓ ${number} ${'x'.repeat(number % 40)}` : `BULK-${number}`;
      const tag = `h2:${Math.floor(random() * 3)}`;
      const expected = reference.get(key);
      const answer = seen.firstOrAdd(key, row, tag);
      if (!expected) reference.set(key, { row, tag });
      const isRight = expected ? answer?.row === expected.row && answer.isSameTag === (expected.tag === tag) : answer === null;
      if (!isRight) wrong.push(`row ${row}, key ${key}`);
    }
    expect(wrong).toEqual([]);
    expect(seen.size).toBe(reference.size);
  });

  it('tells apart keys whose hashes collide', () => {
    // FNV-1a collisions are rare; a table this full probes past many neighbours, and equal
    // hashes are compared by their text. Two-character keys cover every pair of code units below 300.
    const seen = new SeenKeys();
    let row = 0;
    let found = 0;
    for (let a = 0; a < 300; a += 1) for (let b = 0; b < 300; b += 1) if (seen.firstOrAdd(String.fromCharCode(a, b), (row += 1), 't')) found += 1;
    expect(found).toBe(0);
    expect(seen.firstOrAdd(String.fromCharCode(299, 299), 0, 't')).toEqual({ row: 90_000, isSameTag: true });
  });
});
