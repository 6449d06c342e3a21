import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/server/env';

describe('parseEnv', () => {
  it('defaults to embedded PGlite on localhost', () => {
    expect(parseEnv({})).toMatchObject({
      DATABASE_URL: undefined,
      FRICTIONLOG_DATA_DIR: './.data/pglite',
      PUBLIC_URL: 'http://localhost:3000',
      TRUST_PROXY: false,
    });
  });

  it('names each malformed variable', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://localhost/db', PUBLIC_URL: 'frictionlog', TRUST_PROXY: 'maybe' })).toThrow(
      /DATABASE_URL: must be a postgres:\/\/[\s\S]*PUBLIC_URL: must be the absolute http\(s\) URL[\s\S]*TRUST_PROXY: must be true or false/,
    );
  });

  it('treats an empty variable as unset', () => {
    expect(parseEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });
});
