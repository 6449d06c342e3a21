// Kysely queries for the server's own secrets (migration 0750).
import type { Db } from '@/server/db';

/** Stores the secret unless one of that name exists, and returns the one that is kept. */
export async function insertOrGetSecret(db: Db, input: { name: string; value: string }): Promise<string> {
  await db.insertInto('server_secrets').values(input).onConflict((oc) => oc.column('name').doNothing()).execute();
  const row = await db.selectFrom('server_secrets').select('value').where('name', '=', input.name).executeTakeFirstOrThrow();
  return row.value;
}
