// Generates a large pain inventory straight in SQL (same statements on PostgreSQL and PGlite):
// developers across teams, tenure bands and backgrounds; themes whose popularity follows a
// power law; evidence with minutes, a severity or neither, tagged into one theme (some into two,
// a few left untagged). Deterministic: the same sizes give the same rows.
//   import { seedInventory } from './seed-inventory';   or   npx tsx bench/seed-inventory.ts <postgres url>
import { sql, type Kysely } from 'kysely';
import type { Database } from '@/db/types';

export interface InventorySize {
  developers: number;
  teams: number;
  themes: number;
  evidence: number;
}

export const BENCH_SIZE: InventorySize = { developers: 2_000, teams: 25, themes: 300, evidence: 200_000 };

export async function seedInventory(db: Kysely<Database>, size: InventorySize = BENCH_SIZE): Promise<void> {
  await sql`select setseed(0.42)`.execute(db);
  await sql`insert into teams (name) select 'Team ' || lpad(i::text, 3, '0') from generate_series(1, ${size.teams}::int) i`.execute(db);
  await sql`
    with t as (select array_agg(id order by name) as ids from teams)
    insert into participants (display_name, email, team_id, tenure_band, background, origin)
    select 'Developer ' || i, 'dev' || i || '@bench.example', t.ids[1 + (i % array_length(t.ids, 1))],
           (array['<1y', '1-3y', '3-5y', '5y+'])[1 + (i % 4)],
           (array['backend', 'frontend', 'mobile', 'data', 'SRE'])[1 + ((i / 4) % 5)],
           'directory-import'
    from generate_series(1, ${size.developers}::int) i, t`.execute(db);
  await sql`insert into themes (title, status) select 'Pain theme ' || lpad(i::text, 4, '0'), case when i % 10 = 0 then 'confirmed' else 'candidate' end from generate_series(1, ${size.themes}::int) i`.execute(db);
  await sql`
    with p as (select array_agg(id order by display_name) as ids from participants),
         r as (select i, random() as who, random() as cost, random() as kind, random() as day, random() as amount, random() as often from generate_series(1, ${size.evidence}::int) i)
    insert into evidence (source_kind, source_id, source_path, excerpt, participant_id, minutes_lost, occurrences_per_month, severity, observed_on)
    select (array['interview', 'shadowing', 'ticket', 'postmortem', 'survey', 'rating', 'request'])[1 + floor(power(r.kind, 1.5) * 7)::int],
           gen_random_uuid(), '/bench', 'Bench evidence ' || r.i || ': waiting on another team again',
           case when r.who < 0.05 then null else p.ids[1 + floor(r.who * array_length(p.ids, 1))::int % array_length(p.ids, 1)] end,
           case when r.cost < 0.6 then round((5 + r.amount * 475)::numeric, 0) end,
           (array[0.5, 1, 1, 2, 4, 8])[1 + floor(r.often * 6)::int],
           case when r.cost >= 0.6 and r.cost < 0.9 then 1 + floor(r.amount * 5)::int end,
           date '2025-01-01' + floor(r.day * 700)::int
    from r, p`.execute(db);
  await sql`
    with th as (select array_agg(id order by title) as ids from themes)
    insert into evidence_themes (evidence_id, theme_id)
    select e.id, th.ids[1 + floor(power(random(), 2) * array_length(th.ids, 1))::int]
    from evidence e, th
    where random() >= 0.03`.execute(db);
  await sql`
    with th as (select array_agg(id order by title) as ids from themes)
    insert into evidence_themes (evidence_id, theme_id)
    select e.id, th.ids[1 + floor(random() * array_length(th.ids, 1))::int]
    from evidence e, th
    where random() < 0.15
    on conflict do nothing`.execute(db);
  await sql`analyze`.execute(db);
}
