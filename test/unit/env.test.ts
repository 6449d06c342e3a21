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

  it('takes an smtp:// or smtps:// SMTP_URL and names anything else', () => {
    expect(parseEnv({ SMTP_URL: 'smtp://user:secret@mail.example.com:587' }).SMTP_URL).toBe('smtp://user:secret@mail.example.com:587');
    expect(parseEnv({}).SMTP_URL).toBeUndefined();
    expect(() => parseEnv({ SMTP_URL: 'mail.example.com' })).toThrow(/SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(() => parseEnv({ SMTP_URL: 'https://mail.example.com' })).toThrow(/SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
  });

  it('treats an empty variable as unset', () => {
    expect(parseEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });
});
