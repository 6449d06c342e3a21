// The ranking's maintained input at the grain a write touches (issue 19): one row per (theme,
// developer) with that developer's items, largest recurring estimate, single occurrences added up,
// source kinds and two strongest items; the theme's unattributed evidence is one more row under
// the nil uuid. theme_figures becomes the per-theme fold of those rows (items, kinds, developers,
// the two strongest items, and the median of the developers' monthly minutes for the window it was
// folded with), so the unfiltered ranking reads a few hundred rows. Triggers now mark the pairs a
// write touches (a tag added or removed, an item edited or deleted); the reader recomputes those
// pairs from the developer's own evidence (an index lookup) and refolds their themes. Whole-theme
// markers (theme_figures_stale) remain for truncates, repairs and this migration. Frozen.
import { sql, type Kysely, type RawBuilder } from 'kysely';

/** The participant key of a theme's unattributed evidence. */
const NIL = sql.raw(`'00000000-0000-0000-0000-000000000000'::uuid`);

/**
 * A trigger function marking the pairs `pairs` selects. The update of an existing marker takes its
 * row lock, so a reader clearing markers waits for this write to commit (see queries-figures.ts).
 */
async function markPairsFunction(db: Kysely<any>, name: string, pairs: RawBuilder<unknown>, returns: 'null' | 'old' = 'null') {
  await sql`
    create or replace function ${sql.id(name)}() returns trigger language plpgsql as $$
    begin
      insert into theme_figures_stale_pairs (theme_id, participant_key)
      ${pairs}
      on conflict (theme_id, participant_key) do update set marked_at = now();
      return ${sql.raw(returns)};
    end
    $$`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table theme_developer_figures (
      theme_id uuid not null references themes(id) on delete cascade,
      participant_key uuid not null,
      items integer not null,
      largest_recurring float8,
      single_minutes float8,
      kinds integer not null,
      quote_ids uuid[] not null,
      quote_minutes numeric[] not null,
      quote_dates date[] not null,
      primary key (theme_id, participant_key)
    )`.execute(db);
  // A segment's figures (a team, a tenure band, a background) read its developers' pairs from this
  // index alone: an index-only scan, where the rows themselves lie in theme order.
  await sql`create index theme_developer_figures_participant_idx on theme_developer_figures (participant_key) include (theme_id, items, largest_recurring, single_minutes, kinds)`.execute(db);
  await sql`
    create table theme_figures_stale_pairs (
      theme_id uuid not null,
      participant_key uuid not null,
      marked_at timestamptz not null default now(),
      primary key (theme_id, participant_key)
    )`.execute(db);

  // The per-theme rows are refolded from the pairs on the first read (every theme is marked below).
  await sql`delete from theme_figures`.execute(db);
  await sql`
    alter table theme_figures
      drop column unattributed_kinds, drop column participant_ids, drop column items,
      drop column largest_recurring, drop column single_minutes, drop column kinds,
      add column kinds integer not null,
      add column developers integer not null,
      add column window_months float8 not null,
      add column timed_developers integer not null,
      add column median_low float8,
      add column median_high float8`.execute(db);

  // Tags added or removed: the pairs of their items (an item deleted marks its pairs before its
  // tags go, below).
  await markPairsFunction(db, 'mark_tag_themes_stale', sql`
    select distinct t.theme_id, coalesce(e.participant_id, ${NIL}) from changed_tags t join evidence e on e.id = t.evidence_id`);
  await markPairsFunction(db, 'mark_moved_tag_themes_stale', sql`
    select t.theme_id, coalesce(e.participant_id, ${NIL}) from old_tags t join evidence e on e.id = t.evidence_id
    union select t.theme_id, coalesce(e.participant_id, ${NIL}) from new_tags t join evidence e on e.id = t.evidence_id`);
  // Evidence edited in what the figures read (developer, kind, minutes, rate, severity, source
  // kind, date): its pairs before and after, in each theme it is tagged with.
  await markPairsFunction(db, 'mark_evidence_themes_stale', sql`
    select distinct et.theme_id, k.participant_key
    from old_evidence o
    join changed_evidence n on n.id = o.id
    cross join lateral (values (coalesce(o.participant_id, ${NIL})), (coalesce(n.participant_id, ${NIL}))) k(participant_key)
    join evidence_themes et on et.evidence_id = n.id
    where (o.participant_id, o.kind, o.minutes_lost, o.occurrences_per_month, o.severity, o.source_kind, o.observed_on)
          is distinct from (n.participant_id, n.kind, n.minutes_lost, n.occurrences_per_month, n.severity, n.source_kind, n.observed_on)`);
  await sql`drop trigger evidence_figures_update on evidence`.execute(db);
  await sql`create trigger evidence_figures_update after update on evidence referencing old table as old_evidence new table as changed_evidence for each statement execute function mark_evidence_themes_stale()`.execute(db);
  // An item deleted: its pairs, while its tags still exist (they go by cascade after this).
  await markPairsFunction(db, 'mark_deleted_evidence_stale', sql`
    select et.theme_id, coalesce(old.participant_id, ${NIL}) from evidence_themes et where et.evidence_id = old.id`, 'old');
  await sql`create trigger evidence_figures_delete before delete on evidence for each row execute function mark_deleted_evidence_stale()`.execute(db);

  // Existing data: every theme is computed on the first read.
  await sql`insert into theme_figures_stale (theme_id) select id from themes on conflict (theme_id) do nothing`.execute(db);
}
