// zod schemas for fields that several domains validate the same way, with messages written for
// the person filling the form.
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './auth/password-policy';

export const MAX_NAME = 120;

export const personName = z
  .string({ message: 'Enter a name' })
  .trim()
  .min(1, 'Enter a name')
  .max(MAX_NAME, `Keep the name under ${MAX_NAME} characters`);

export const email = z
  .string({ message: 'Enter an email address' })
  .trim()
  .max(254, 'This email address is too long')
  .pipe(z.email({ message: 'Enter a valid email address, like ana@example.com' }));

export const optionalEmail = z
  .string()
  .trim()
  .max(254, 'This email address is too long')
  .transform((value) => (value === '' ? null : value))
  .pipe(z.email({ message: 'Enter a valid email address, like ana@example.com' }).nullable())
  .nullish()
  .transform((value) => value ?? null);

/** Length only: the other rules need the account's email and name (server/auth/password-rules.ts). */
export const newPassword = z
  .string({ message: 'Enter a password' })
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters for the password`)
  .max(MAX_PASSWORD_LENGTH, `Keep the password under ${MAX_PASSWORD_LENGTH} characters`);

export const role = z.enum(['admin', 'editor', 'viewer'], { message: 'Choose admin, editor or viewer' });

export const id = z.uuid({ message: 'This id is not valid' });
