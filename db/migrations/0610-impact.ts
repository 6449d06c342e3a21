// Before and after: a shipped roadmap item names the in-flow rating flow it changed, so its impact
// view can compare that flow's ratings before and after the ship date. Frozen.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('roadmap_items')
    .addColumn('rating_flow_id', 'uuid', (col) => col.references('rating_flows.id').onDelete('set null'))
    .execute();
}
