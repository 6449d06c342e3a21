// Evidence says how it costs time (DESIGN.md "Ranking"): a recurring estimate (minutes x
// occurrences per month) or a single occurrence (minutes, dated, no rate), and where its minutes
// came from, so a ticket's wall-clock wait is never mistaken for time a person entered. Frozen.
//
// Backfill: interview, survey and request items are recurring; ticket, shadowing, post-mortem and
// rating items are single, unless someone gave them a rate (occurrences per month other than 1),
// which made them recurring estimates. Ticket items whose minutes equal the ticket's wait at the
// time they were saved (the old silent default of the cluster-to-evidence dialog) lose them;
// every other item with minutes keeps them as entered by a person.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('evidence')
    .addColumn('kind', 'text', (col) => col.check(sql`kind in ('recurring', 'single')`))
    .addColumn('minutes_origin', 'text', (col) => col.check(sql`minutes_origin in ('entered', 'category_rule', 'working_hours')`))
    .execute();

  // The ticket's wait as the old default computed it: to its resolution, or (still open then) to
  // when the evidence was saved; rounded to minutes and capped at a month. Within two minutes of
  // either is the default, not a person's figure.
  await sql`
    update evidence set minutes_lost = null
    from tickets
    where evidence.source_kind = 'ticket' and tickets.id = evidence.source_id and evidence.minutes_lost is not null
      and (
        (tickets.resolved_at is not null
          and abs(evidence.minutes_lost - least(43200, greatest(0, round(extract(epoch from (tickets.resolved_at - tickets.opened_at)) / 60)))) <= 2)
        or abs(evidence.minutes_lost - least(43200, greatest(0, round(extract(epoch from (evidence.created_at - tickets.opened_at)) / 60)))) <= 2
      )`.execute(db);

  await sql`
    update evidence set
      kind = case
        when source_kind in ('interview', 'survey', 'request') or occurrences_per_month <> 1 then 'recurring'
        else 'single'
      end,
      minutes_origin = case when minutes_lost is null then null else 'entered' end`.execute(db);

  // Writers that predate the kind (imports, seeds, other code paths) get the same defaults.
  await sql`
    create function evidence_fill_kind() returns trigger language plpgsql as $$
    begin
      if new.kind is null then
        new.kind := case
          when new.source_kind in ('interview', 'survey', 'request') or new.occurrences_per_month <> 1 then 'recurring'
          else 'single'
        end;
      end if;
      if new.minutes_lost is null then
        new.minutes_origin := null;
      elsif new.minutes_origin is null then
        new.minutes_origin := 'entered';
      end if;
      return new;
    end
    $$`.execute(db);
  await sql`create trigger evidence_fill_kind before insert or update on evidence for each row execute function evidence_fill_kind()`.execute(db);

  await sql`alter table evidence alter column kind set not null`.execute(db);
  // A single occurrence has no rate of its own.
  await sql`alter table evidence add constraint evidence_single_has_no_rate check (kind = 'recurring' or occurrences_per_month = 1)`.execute(db);
}
