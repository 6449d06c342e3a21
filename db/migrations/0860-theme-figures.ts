// The ranking's maintained input (issue 19): per theme, each developer's figures over all of the
// theme's evidence (items, largest recurring estimate, single occurrences added up, source kinds)
// and its strongest items, so that the first inventory after a write reads a few hundred rows
// instead of aggregating every evidence row. Statement-level triggers mark the themes a write
// touches as stale (tags added, removed or moved, evidence edited or deleted); the reader
// recomputes only those, from the evidence, before it ranks. Participants and themes are joined at
// read time (archive, team, status, merges), so their writes mark nothing. Frozen.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('theme_figures')
    .addColumn('theme_id', 'uuid', (col) => col.primaryKey().references('themes.id').onDelete('cascade'))
    .addColumn('evidence_count', 'integer', (col) => col.notNull())
    .addColumn('unattributed_items', 'integer', (col) => col.notNull())
    .addColumn('unattributed_kinds', 'integer', (col) => col.notNull())
    // One entry per developer, in the same order in every array.
    .addColumn('participant_ids', sql`uuid[]`, (col) => col.notNull())
    .addColumn('items', sql`integer[]`, (col) => col.notNull())
    .addColumn('largest_recurring', sql`float8[]`, (col) => col.notNull())
    .addColumn('single_minutes', sql`float8[]`, (col) => col.notNull())
    .addColumn('kinds', sql`integer[]`, (col) => col.notNull())
    // The theme's strongest items, strongest first (the inventory's quotes without a filter).
    .addColumn('quote_ids', sql`uuid[]`, (col) => col.notNull())
    .addColumn('computed_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('theme_figures_stale')
    .addColumn('theme_id', 'uuid', (col) => col.primaryKey())
    .addColumn('marked_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  // Tags added or removed: their themes. The update of an existing marker takes its row lock, so
  // a reader clearing markers waits for this write to commit (see queries-figures.ts).
  await sql`
    create function mark_tag_themes_stale() returns trigger language plpgsql as $$
    begin
      insert into theme_figures_stale (theme_id) select distinct theme_id from changed_tags
      on conflict (theme_id) do update set marked_at = now();
      return null;
    end
    $$`.execute(db);
  await sql`
    create function mark_moved_tag_themes_stale() returns trigger language plpgsql as $$
    begin
      insert into theme_figures_stale (theme_id)
      select theme_id from old_tags union select theme_id from new_tags
      on conflict (theme_id) do update set marked_at = now();
      return null;
    end
    $$`.execute(db);
  // Evidence edited (minutes, rate, kind, developer, source, date, text): the themes it is tagged
  // with. A deleted item's tags go by cascade, which the tag triggers see.
  await sql`
    create function mark_evidence_themes_stale() returns trigger language plpgsql as $$
    begin
      insert into theme_figures_stale (theme_id)
      select distinct et.theme_id from evidence_themes et join changed_evidence e on e.id = et.evidence_id
      on conflict (theme_id) do update set marked_at = now();
      return null;
    end
    $$`.execute(db);
  await sql`
    create function mark_all_themes_stale() returns trigger language plpgsql as $$
    begin
      insert into theme_figures_stale (theme_id) select id from themes
      on conflict (theme_id) do update set marked_at = now();
      return null;
    end
    $$`.execute(db);

  await sql`create trigger evidence_themes_figures_insert after insert on evidence_themes referencing new table as changed_tags for each statement execute function mark_tag_themes_stale()`.execute(db);
  await sql`create trigger evidence_themes_figures_delete after delete on evidence_themes referencing old table as changed_tags for each statement execute function mark_tag_themes_stale()`.execute(db);
  await sql`create trigger evidence_themes_figures_update after update on evidence_themes referencing old table as old_tags new table as new_tags for each statement execute function mark_moved_tag_themes_stale()`.execute(db);
  await sql`create trigger evidence_figures_update after update on evidence referencing new table as changed_evidence for each statement execute function mark_evidence_themes_stale()`.execute(db);
  await sql`create trigger evidence_themes_figures_truncate after truncate on evidence_themes for each statement execute function mark_all_themes_stale()`.execute(db);

  // Existing data: every theme is computed on the first read.
  await sql`insert into theme_figures_stale (theme_id) select id from themes`.execute(db);
}
