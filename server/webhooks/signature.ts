// Signing webhook deliveries with the webhook's shared secret, so a receiver can check that a
// message comes from this Frictionlog and was not replayed. Pure.
//
//   X-Frictionlog-Timestamp: <unix seconds>
//   X-Frictionlog-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-frictionlog-signature';
export const TIMESTAMP_HEADER = 'x-frictionlog-timestamp';

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64url')}`;
}

export function signPayload(input: { secret: string; timestamp: number; body: string }): string {
  return `v1=${createHmac('sha256', input.secret).update(`${input.timestamp}.${input.body}`).digest('hex')}`;
}

/** What a receiver does: recompute the signature and refuse old timestamps (replays). */
export function isValidSignature(input: {
  secret: string;
  timestamp: number;
  body: string;
  signature: string;
  nowSeconds: number;
  toleranceSeconds?: number;
}): boolean {
  if (Math.abs(input.nowSeconds - input.timestamp) > (input.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signPayload(input));
  const given = Buffer.from(input.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
