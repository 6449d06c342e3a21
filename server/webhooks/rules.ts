// Outbound webhooks: what a valid receiver address is, and when a failed
// delivery is tried again. Pure.
import { z } from 'zod';

export const MAX_WEBHOOK_URL = 2000;

export const webhookUrlSchema = z
  .string({ message: 'Enter the address that receives the webhook' })
  .trim()
  .min(1, 'Enter the address that receives the webhook, e.g. https://hooks.slack.com/services/…')
  .max(MAX_WEBHOOK_URL, `Keep the address under ${MAX_WEBHOOK_URL} characters`)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
    } catch {
      return false;
    }
  }, 'Use an http:// or https:// address, e.g. https://hooks.slack.com/services/…');

export const webhookNameSchema = z
  .string({ message: 'Name the webhook' })
  .trim()
  .min(1, 'Name the webhook after where it posts, e.g. "#platform-roadmap on Slack"')
  .max(120, 'Keep the name under 120 characters');

/** Seconds to wait after the nth failed attempt (1-based); after the last one the delivery fails. */
export const RETRY_DELAYS_SECONDS = [10, 60, 300, 1800, 7200];
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;

/** When to try again after `attempts` failed attempts, or null when it is time to give up. */
export function nextAttemptAfterFailure(attempts: number, now: Date): Date | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  return new Date(now.getTime() + RETRY_DELAYS_SECONDS[attempts - 1] * 1000);
}

/** One line for the delivery log about an answer that was not a success. */
export function describeFailedAnswer(status: number, location: string | null): string {
  if (status >= 300 && status < 400) {
    return `The receiver answered ${status}, a redirect${location ? ` to ${location.slice(0, 200)}` : ''}. Webhooks do not follow redirects: use the final address.`;
  }
  return `The receiver answered ${status}.`;
}
