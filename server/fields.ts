// zod schemas for fields that several domains validate the same way, with messages written for
// the person filling the form.
import { z } from 'zod';

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

export const newPassword = z
  .string({ message: 'Enter a password' })
  .min(10, 'Use at least 10 characters for the password')
  .max(200, 'Keep the password under 200 characters');

export const role = z.enum(['admin', 'editor', 'viewer'], { message: 'Choose admin, editor or viewer' });

export const id = z.uuid({ message: 'This id is not valid' });
