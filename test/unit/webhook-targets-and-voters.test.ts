// Pure rules of issue 15: which addresses a webhook may reach in every spelling, client keys of
// addresses, and signed voter cookies.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { clientKeyOfAddress } from '@/server/client-address';
import { hashEmail, newVoterToken, signVoterToken, verifyVoterCookie } from '@/server/roadmap/voter';
import { classifyAddress, hostOf, isMetadataHost } from '@/server/webhooks/target-rules';

describe('webhook target addresses', () => {
  it.each([
    ['93.184.215.14', 'public'],
    ['2606:2800:21f:cb07:6820:80da:af6b:8b2c', 'public'],
    ['127.0.0.1', 'private'],
    ['::1', 'private'],
    ['::ffff:127.0.0.1', 'private'],
    ['10.0.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fd00::1', 'private'],
    ['169.254.169.254', 'forbidden'],
    ['::ffff:169.254.169.254', 'forbidden'],
    ['fe80::1', 'forbidden'],
    ['0.0.0.0', 'forbidden'],
    ['::', 'forbidden'],
    ['255.255.255.255', 'forbidden'],
    ['224.0.0.1', 'forbidden'],
    ['2001:db8::1', 'forbidden'],
    ['not an address', 'forbidden'],
  ])('classifies %s as %s', (address, verdict) => {
    expect(classifyAddress(address)).toBe(verdict);
  });

  it('reads decimal, hexadecimal and bracketed hosts as the address they stand for', () => {
    expect(hostOf(new URL('http://2130706433/'))).toEqual({ address: '127.0.0.1', name: null });
    expect(hostOf(new URL('http://0x7f.1/'))).toEqual({ address: '127.0.0.1', name: null });
    expect(hostOf(new URL('http://[::1]:8080/'))).toEqual({ address: '::1', name: null });
    expect(hostOf(new URL('http://Hooks.Example.com./x'))).toEqual({ address: null, name: 'hooks.example.com' });
    expect(isMetadataHost('METADATA.google.internal.')).toBe(true);
  });
});

describe('client keys', () => {
  it('keys IPv4 (also IPv4-mapped) by address and IPv6 by its /64', () => {
    expect(clientKeyOfAddress('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(clientKeyOfAddress('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientKeyOfAddress('2001:db8:1:2:bbbb::2')).toBe('2001:db8:1:2::/64');
    expect(clientKeyOfAddress('direct')).toBeNull();
    expect(clientKeyOfAddress(undefined)).toBeNull();
  });
});

describe('voter cookies', () => {
  const key = randomBytes(32);
  it('accepts only a token this key signed', () => {
    const token = newVoterToken();
    const cookie = signVoterToken(key, token);
    expect(verifyVoterCookie(key, cookie)).toBe(token);
    expect(verifyVoterCookie(randomBytes(32), cookie)).toBeNull();
    expect(verifyVoterCookie(key, token)).toBeNull();
    expect(verifyVoterCookie(key, `${newVoterToken()}.${cookie.split('.')[1]}`)).toBeNull();
    expect(verifyVoterCookie(key, `${cookie}.x`)).toBeNull();
  });

  it('keys email hashes, so the same email hashes differently under another key', () => {
    expect(hashEmail(key, ' Ana@Example.com')).toBe(hashEmail(key, 'ana@example.com'));
    expect(hashEmail(key, 'ana@example.com')).not.toBe(hashEmail(randomBytes(32), 'ana@example.com'));
  });
});
