// Text is stored as valid text: a NUL byte (PostgreSQL text cannot hold one) or bytes that are not
// UTF-8 in any input are refused with a message naming the field, never a 500 or a silent change.
import { AppError } from './errors';

export type TextProblem = 'nul' | 'invalid-utf8';

const REPLACEMENT = '\uFFFD';

const MESSAGES: Record<TextProblem, string> = {
  nul: 'contains a NUL character (\\0), which text cannot hold. Remove it and send again.',
  'invalid-utf8': 'is not valid UTF-8 text. Save it as UTF-8 and send again.',
};

/** The path of the first string (or key) in a parsed value that holds the given character. */
function findCharacter(value: unknown, character: string, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return value.includes(character) ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findCharacter(item, character, [...path, index]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes(character)) return [...path, key];
      const found = findCharacter(item, character, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

export function textProblemError(problem: TextProblem, path: (string | number)[]): AppError {
  const field = path.join('.');
  return new AppError('BAD_REQUEST', `${field ? `Field "${field}"` : 'The input'} ${MESSAGES[problem]}`, { field: field || undefined });
}

/** Throws a 400 naming the first field with a NUL character. */
export function assertNoNul(value: unknown): void {
  const path = findCharacter(value, '\0');
  if (path) throw textProblemError('nul', path);
}

/**
 * Decodes a body as UTF-8, refusing bytes that are not. To name the field, the body is decoded
 * again with replacement characters and parsed with `parse`, and the first string holding one is named.
 */
export function decodeUtf8(bytes: Uint8Array, parse: (text: string) => unknown = JSON.parse, prefix: (string | number)[] = []): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    let path: (string | number)[] | null = null;
    try {
      path = findCharacter(parse(new TextDecoder().decode(bytes)), REPLACEMENT);
    } catch {
      // Not parseable either: the whole body is named.
    }
    throw textProblemError('invalid-utf8', path ? [...prefix, ...path] : prefix);
  }
}

/**
 * Throws a 400 naming the first field holding U+FFFD. Used where bytes that were not UTF-8 may
 * already have been replaced before the app sees them (a query string normalised by the framework).
 */
export function assertNoReplacement(value: unknown): void {
  const path = findCharacter(value, REPLACEMENT);
  if (path) throw textProblemError('invalid-utf8', path);
}
