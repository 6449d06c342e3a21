// Recognises database errors that mean something to the user (a duplicate), by SQLSTATE code.
// Both pg and PGlite put the code on the error object.
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const candidate = error as { code?: string; constraint?: string } | null;
  if (candidate?.code !== '23505') return false;
  return constraint === undefined || candidate.constraint === constraint;
}
