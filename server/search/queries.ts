// Full-text search queries. Step one ranks every match across the five kinds of text in one
// statement over the GIN-indexed vectors (transcript turns among them); step two builds highlighted snippets (ts_headline is
// costly) only for the page of results shown.
import { sql } from 'kysely';
import type { Db } from '../db';
import { HEADLINE_OPTIONS, type SearchGroup } from './search-text';

const ENGLISH = sql`'english'::regconfig`;
/** Must stay the exact expression of the participants_search_idx index. */
const participantVector = sql`to_tsvector('english'::regconfig, p.display_name || ' ' || coalesce(p.background, ''))`;

export type HitKind = 'answer' | 'interview-notes' | 'transcript-turn' | 'session-notes' | 'friction-event' | 'evidence' | 'participant';

export interface Hit {
  kind: HitKind;
  group: SearchGroup;
  id: string;
  rank: number;
}

/**
 * Every match, ranked: one page of hits and the number of matches per group, in one statement so
 * that the matching runs once. Ties in rank are ordered by id, so pages never overlap; the page is
 * taken with a top-N sort, never a sort of every match.
 */
export async function rankMatches(db: Db, input: { text: string; groups: SearchGroup[]; limit: number; offset: number }) {
  const groupFilter = input.groups.length > 0 ? sql`where grp in (${sql.join(input.groups)})` : sql``;
  const result = await sql<{ row_type: 'hit' | 'total'; kind: HitKind | null; grp: SearchGroup; id: string | null; rank: number | null; total: number | null }>`
    with q as (select websearch_to_tsquery(${ENGLISH}, ${input.text}) as query),
    hits as (
      select 'answer' as kind, 'interview' as grp, a.id, ts_rank(a.body_vector, q.query, 1) as rank
        from interview_answers a, q where a.body_vector @@ q.query
      union all
      select 'interview-notes', 'interview', i.id, ts_rank(i.notes_vector, q.query, 1)
        from interviews i, q where i.notes_vector @@ q.query
      union all
      select 'transcript-turn', 'interview', t.id, ts_rank(t.body_vector, q.query, 1)
        from interview_transcript_turns t, q where t.body_vector @@ q.query
      union all
      select 'session-notes', 'shadowing', s.id, ts_rank(s.notes_vector, q.query, 1)
        from shadowing_sessions s, q where s.notes_vector @@ q.query
      union all
      select 'friction-event', 'friction', f.id, ts_rank(f.note_vector, q.query, 1)
        from friction_events f, q where f.note_vector @@ q.query
      union all
      select 'evidence', 'evidence', e.id, ts_rank(e.search_vector, q.query, 1)
        from evidence e, q where e.search_vector @@ q.query
      union all
      select 'participant', 'participant', p.id, ts_rank(${participantVector}, q.query, 1) * 2
        from participants p, q where ${participantVector} @@ q.query
    ),
    page as (
      select kind, grp, id, rank from hits ${groupFilter}
        order by rank desc, id
        limit ${input.limit} offset ${input.offset}
    )
    select 'hit' as row_type, kind, grp, id, rank, null::int as total from page
    union all
    select 'total', null, grp, null, null, count(*)::int from hits group by grp
  `.execute(db);
  const hits: Hit[] = [];
  const totals = new Map<SearchGroup, number>();
  for (const row of result.rows) {
    if (row.row_type === 'hit') hits.push({ kind: row.kind!, group: row.grp, id: row.id!, rank: Number(row.rank) });
    else totals.set(row.grp, row.total!);
  }
  // The same order as the page was taken in (a union keeps no order of its own).
  hits.sort((a, b) => b.rank - a.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { hits, totals };
}

/** True when the text has at least one word to search for (not only stop words or symbols). */
export async function hasSearchableWords(db: Db, input: { text: string }): Promise<boolean> {
  const result = await sql<{ nodes: number }>`select numnode(websearch_to_tsquery(${ENGLISH}, ${input.text}))::int as nodes`.execute(db);
  return result.rows[0].nodes > 0;
}

const headline = (column: ReturnType<typeof sql>, text: string) =>
  sql<string>`ts_headline(${ENGLISH}, ${column}, websearch_to_tsquery(${ENGLISH}, ${text}), ${HEADLINE_OPTIONS})`;

export async function describeAnswers(db: Db, input: { ids: string[]; text: string }) {
  if (input.ids.length === 0) return [];
  return db
    .selectFrom('interview_answers as a')
    .innerJoin('interviews as i', 'i.id', 'a.interview_id')
    .innerJoin('participants as p', 'p.id', 'i.participant_id')
    .select([
      'a.id',
      'a.position',
      'a.prompt',
      'i.id as interview_id',
      'i.interviewed_on',
      'i.status',
      'p.display_name as participant_name',
      headline(sql`a.body`, input.text).as('headline'),
    ])
    .where('a.id', 'in', input.ids)
    .execute();
}

export async function describeInterviewNotes(db: Db, input: { ids: string[]; text: string }) {
  if (input.ids.length === 0) return [];
  return db
    .selectFrom('interviews as i')
    .innerJoin('participants as p', 'p.id', 'i.participant_id')
    .select(['i.id', 'i.interviewed_on', 'i.status', 'p.display_name as participant_name', headline(sql`i.notes`, input.text).as('headline')])
    .where('i.id', 'in', input.ids)
    .execute();
}

export async function describeTranscriptTurns(db: Db, input: { ids: string[]; text: string }) {
  if (input.ids.length === 0) return [];
  return db
    .selectFrom('interview_transcript_turns as t')
    .innerJoin('interviews as i', 'i.id', 't.interview_id')
    .innerJoin('participants as p', 'p.id', 'i.participant_id')
    .select([
      't.id',
      't.position',
      't.speaker_name',
      't.start_ms',
      'i.id as interview_id',
      'i.interviewed_on',
      'p.display_name as participant_name',
      headline(sql`t.body`, input.text).as('headline'),
    ])
    .where('t.id', 'in', input.ids)
    .execute();
}

export async function describeSessions(db: Db, input: { ids: string[]; text: string }) {
  if (input.ids.length === 0) return [];
  return db
    .selectFrom('shadowing_sessions as s')
    .innerJoin('participants as p', 'p.id', 's.participant_id')
    .select([
      's.id',
      's.scenario',
      's.focus',
      sql<string>`coalesce(s.started_at, s.created_at)::date`.as('on_date'),
      'p.display_name as participant_name',
      headline(sql`s.focus || ' — ' || s.notes`, input.text).as('headline'),
    ])
    .where('s.id', 'in', input.ids)
    .execute();
}

export async function describeEvents(db: Db, input: { ids: string[]; text: string }) {
  if (input.ids.length === 0) return [];
  return db
    .selectFrom('friction_events as f')
    .innerJoin('shadowing_sessions as s', 's.id', 'f.session_id')
    .innerJoin('participants as p', 'p.id', 's.participant_id')
    .select([
      'f.id',
      'f.kind',
      'f.offset_seconds',
      'f.minutes_lost',
      's.id as session_id',
      's.scenario',
      sql<string>`coalesce(s.started_at, s.created_at)::date`.as('on_date'),
      'p.display_name as participant_name',
      headline(sql`f.note`, input.text).as('headline'),
    ])
    .where('f.id', 'in', input.ids)
    .execute();
}

export async function describeEvidence(db: Db, input: { ids: string[]; text: string }) {
  if (input.ids.length === 0) return [];
  return db
    .selectFrom('evidence as e')
    .leftJoin('participants as p', 'p.id', 'e.participant_id')
    .select([
      'e.id',
      'e.source_kind',
      'e.source_path',
      'e.observed_on',
      'p.display_name as participant_name',
      headline(sql`e.excerpt`, input.text).as('headline'),
    ])
    .where('e.id', 'in', input.ids)
    .execute();
}

export async function describeParticipants(db: Db, input: { ids: string[]; text: string }) {
  if (input.ids.length === 0) return [];
  return db
    .selectFrom('participants as p')
    .leftJoin('teams as t', 't.id', 'p.team_id')
    .select([
      'p.id',
      'p.display_name',
      'p.tenure_band',
      'p.background',
      'p.archived_at',
      't.name as team_name',
      headline(sql`p.display_name || ' · ' || coalesce(p.background, '')`, input.text).as('headline'),
    ])
    .where('p.id', 'in', input.ids)
    .execute();
}
