// The pure side of request emails: the text of each outcome, signed unsubscribe tokens, retries.
import { describe, expect, it } from 'vitest';
import { composeRequestEmail, describeSmtpUrl, nextEmailAttempt, signUnsubscribeToken, verifyUnsubscribeToken } from '@/server/request-emails/rules';

const ID = '3f1c2a4e-8b7d-4c6e-9f00-1234567890ab';

describe('unsubscribe tokens', () => {
  it('verify only under the key they were signed with, and only unchanged', () => {
    const token = signUnsubscribeToken('key-1', ID);
    expect(verifyUnsubscribeToken('key-1', token)).toBe(ID);
    expect(verifyUnsubscribeToken('key-2', token)).toBeNull();
    expect(verifyUnsubscribeToken('key-1', token.replace(ID, ID.replace('3f', '4f')))).toBeNull();
    expect(verifyUnsubscribeToken('key-1', `${token}x`)).toBeNull();
    expect(verifyUnsubscribeToken('key-1', '')).toBeNull();
  });
});

describe('composeRequestEmail', () => {
  it('says what happened, links the request, and ends with the unsubscribe link', () => {
    const mail = composeRequestEmail({
      request: { title: 'Faster CI', url: 'https://x/roadmap/requests/1' },
      outcome: { event: 'declined', reason: 'Out of scope.' },
      unsubscribeUrl: 'https://x/roadmap/unsubscribe?token=t',
    });
    expect(mail.subject).toBe('Declined: Faster CI');
    expect(mail.body).toContain('https://x/roadmap/requests/1');
    expect(mail.body).toContain('Out of scope.');
    expect(mail.body.trim().endsWith('https://x/roadmap/unsubscribe?token=t')).toBe(true);
  });
});

it('retries after 1, 5, 30, 120 and 720 minutes, then gives up', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  expect([1, 2, 3, 4, 5, 6].map((attempt) => nextEmailAttempt(attempt, now)?.toISOString() ?? null)).toEqual([
    '2026-01-01T00:01:00.000Z',
    '2026-01-01T00:05:00.000Z',
    '2026-01-01T00:30:00.000Z',
    '2026-01-01T02:00:00.000Z',
    '2026-01-01T12:00:00.000Z',
    null,
  ]);
});

it('describes the SMTP server without its password', () => {
  expect(describeSmtpUrl('smtps://user:secret@mail.example.com:465')).toBe('smtps://mail.example.com:465');
});
