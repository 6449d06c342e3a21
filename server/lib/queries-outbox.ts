// The claim step of the two outboxes (request_emails and webhook_deliveries): a process takes the
// due rows for a while, so another process skips them (skip locked, then the lock time) and a row is
// never sent twice at once. Each outbox's queries.ts names the columns it reads back.
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '@/db/types';
import type { Db } from '@/server/db';

type OutboxTable = 'request_emails' | 'webhook_deliveries';

/** The columns the claim reads and writes, which both outboxes have. */
interface OutboxRow {
  id: string;
  status: string;
  next_attempt_at: Date | null;
  locked_until: Date | null;
}

/** Claims up to `limit` pending rows due by `now` for `lockSeconds`; returns the named columns of each. */
export async function claimDueRows<Table extends OutboxTable, Column extends keyof Selectable<Database[Table]> & string>(
  db: Db,
  table: Table,
  columns: readonly Column[],
  input: { now: Date; limit: number; lockSeconds: number },
): Promise<Pick<Selectable<Database[Table]>, Column>[]> {
  // One query text for both tables: the builder is typed over the columns they share.
  const outbox = db as unknown as Kysely<{ outbox: OutboxRow }>;
  const name = table as unknown as 'outbox';
  const due = outbox
    .selectFrom(name)
    .select('id')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', input.now)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', input.now)]))
    .orderBy('next_attempt_at')
    .limit(input.limit)
    .forUpdate()
    .skipLocked();
  const rows = await outbox
    .updateTable(name)
    .set({ locked_until: new Date(input.now.getTime() + input.lockSeconds * 1000) })
    .where('id', 'in', due)
    .returning(columns as unknown as readonly 'id'[])
    .execute();
  return rows as unknown as Pick<Selectable<Database[Table]>, Column>[];
}
