// Reading a page's address the same way on the server and in the browser (app/_components/url-params.ts).
import { describe, expect, it } from 'vitest';
import { oneOf, pageOf, toUrlSearchParams } from '@/app/_components/url-params';

describe('url-params', () => {
  it('reads a searchParams prop as the browser reads the address: the first of a repeated name', () => {
    const params = toUrlSearchParams({ q: 'deploy', tag: ['a', 'b'], missing: undefined });
    expect(params.get('q')).toBe('deploy');
    expect(params.getAll('tag')).toEqual(['a', 'b']);
    expect(params.get('tag')).toBe('a');
    expect(params.has('missing')).toBe(false);
  });

  it('takes a known value, and the fallback for an unknown or missing one', () => {
    const sorts = ['name', 'team'] as const;
    expect(oneOf('team', sorts, 'name')).toBe('team');
    expect(oneOf('Team', sorts, 'name')).toBe('name');
    expect(oneOf(null, sorts, null)).toBeNull();
  });

  it('reads the page, 1 when missing, zero, negative or not a number', () => {
    for (const [value, page] of [['3', 3], [null, 1], ['0', 1], ['-2', 1], ['x', 1]] as const) {
      expect(pageOf({ get: () => value })).toBe(page);
    }
  });
});
