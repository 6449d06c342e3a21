// The one pattern of a UUID as PostgreSQL writes it, for ids read from URLs and anchors before
// they reach a query (a malformed id is "not found", never a database error).
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}
