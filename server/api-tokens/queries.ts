// Kysely queries for API tokens. Only the SHA-256 of a token is stored.
import type { Db } from '@/server/db';

export async function insertApiToken(db: Db, input: { name: string; tokenHash: string; tokenPrefix: string; createdBy: string }) {
  return db
    .insertInto('api_tokens')
    .values({ name: input.name, token_hash: input.tokenHash, token_prefix: input.tokenPrefix, created_by: input.createdBy })
    .returning(['id', 'name', 'token_prefix as tokenPrefix', 'created_at as createdAt'])
    .executeTakeFirstOrThrow();
}

export async function listApiTokens(db: Db) {
  return db
    .selectFrom('api_tokens')
    .leftJoin('users', 'users.id', 'api_tokens.created_by')
    .select([
      'api_tokens.id',
      'api_tokens.name',
      'api_tokens.token_prefix as tokenPrefix',
      'api_tokens.created_at as createdAt',
      'api_tokens.last_used_at as lastUsedAt',
      'api_tokens.revoked_at as revokedAt',
      'users.name as createdByName',
    ])
    .orderBy('api_tokens.created_at', 'desc')
    .execute();
}

export async function findApiTokenByHash(db: Db, input: { tokenHash: string }) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'revoked_at', 'last_used_at'])
    .where('token_hash', '=', input.tokenHash)
    .executeTakeFirst();
}

export async function touchApiToken(db: Db, input: { id: string }) {
  await db.updateTable('api_tokens').set({ last_used_at: new Date() }).where('id', '=', input.id).execute();
}

export async function revokeApiToken(db: Db, input: { id: string }) {
  return db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('id', '=', input.id)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
}
