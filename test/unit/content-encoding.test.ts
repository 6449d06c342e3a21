// Choosing the precompressed coding of a response from Accept-Encoding (server/lib/content-encoding.ts).
import { describe, expect, it } from 'vitest';
import { preferredEncoding } from '@/server/lib/content-encoding';

describe('preferredEncoding', () => {
  it.each([
    [null, 'identity'],
    ['', 'identity'],
    ['gzip', 'gzip'],
    ['gzip, deflate, br, zstd', 'br'],
    ['deflate', 'identity'],
    ['br;q=0, gzip;q=0.5', 'gzip'],
    ['gzip;q=0.2, br;q=0.8', 'br'],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['*', 'br'],
    ['*;q=0.5, br;q=0', 'gzip'],
    ['identity;q=0, gzip;q=0', 'identity'],
    ['GZIP ; Q=0.9', 'gzip'],
    ['gzip;q=nonsense', 'identity'],
  ])('reads %j as %s', (header, expected) => {
    expect(preferredEncoding(header)).toBe(expected);
  });
});
