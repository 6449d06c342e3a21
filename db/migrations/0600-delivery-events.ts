// Delivery events for measuring adoption and DORA: services (with the day their repository was
// created) and production deployments, each idempotent on the sender's event id. Frozen.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('delivery_services')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('key', 'text', (col) => col.notNull().unique())
    .addColumn('team_id', 'uuid', (col) => col.references('teams.id').onDelete('set null'))
    .addColumn('repository_created_at', 'timestamptz')
    .addColumn('created_event_id', 'text', (col) => col.unique())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('deployments')
    .addColumn('id', 'bigserial', (col) => col.primaryKey())
    .addColumn('event_id', 'text', (col) => col.notNull().unique())
    .addColumn('service_id', 'uuid', (col) => col.notNull().references('delivery_services.id').onDelete('cascade'))
    .addColumn('team_id', 'uuid', (col) => col.references('teams.id').onDelete('set null'))
    .addColumn('via_platform', 'boolean', (col) => col.notNull())
    .addColumn('commit_at', 'timestamptz', (col) => col.notNull())
    .addColumn('deployed_at', 'timestamptz', (col) => col.notNull())
    .addColumn('outcome', 'text', (col) => col.notNull().check(sql`outcome in ('success', 'failure')`))
    .addColumn('recovered_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('deployments_order_check', sql`deployed_at >= commit_at and (recovered_at is null or recovered_at >= deployed_at)`)
    .execute();
  await db.schema.createIndex('deployments_deployed_at_idx').on('deployments').column('deployed_at').execute();
  await db.schema.createIndex('deployments_service_idx').on('deployments').columns(['service_id', 'deployed_at']).execute();
}
