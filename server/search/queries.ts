// Full-text search queries. Step one ranks every match across every kind of text in one statement
// over the GIN-indexed vectors (one branch per kind, written once from the table of sources below);
// step two builds highlighted snippets (ts_headline is costly) only for the page of results shown.
// Survey comments are described by survey and question only: never the response's team, tenure
// or date, so a result cannot point at who answered.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '@/server/db';
import { HEADLINE_OPTIONS, type SearchGroup } from './search-text';

const ENGLISH = sql`'english'::regconfig`;
/** Must stay the exact expression of the participants_search_idx index. */
const participantVector = sql`to_tsvector('english'::regconfig, p.display_name || ' ' || coalesce(p.background, ''))`;

export type HitKind =
  | 'answer'
  | 'interview-notes'
  | 'transcript-turn'
  | 'session-notes'
  | 'friction-event'
  | 'evidence'
  | 'participant'
  | 'ticket'
  | 'theme'
  | 'request'
  | 'postmortem'
  | 'survey-comment';

export interface Hit {
  kind: HitKind;
  group: SearchGroup;
  /** The row's id; a survey comment's is `<response id>:<question id>` (an answer has no id of its own). */
  id: string;
  rank: number;
}

interface Source {
  kind: HitKind;
  group: SearchGroup;
  /** `<table> <alias>`. */
  from: RawBuilder<unknown>;
  id: RawBuilder<unknown>;
  vector: RawBuilder<unknown>;
  /** Names count double: a developer found by name is what the person looked for. */
  weight?: number;
  where?: RawBuilder<unknown>;
}

/**
 * A ticket's vector is in ticket_search from shortly after its import commits (migration 0950).
 * Until then (its batch is still pending, or it was written without an import) it is matched by
 * computing its vector, found through the batch indexes, so search finds every committed ticket.
 */
const ticketVector = sql`to_tsvector('english'::regconfig, x.title || ' ' || x.body)`;
const pendingTicket = sql`(x.inserted_batch_id = any(array(select batch_id from ticket_search_pending))
    or x.updated_batch_id = any(array(select batch_id from ticket_search_pending)) or x.inserted_batch_id is null)
  and not exists (select 1 from ticket_search s where s.ticket_id = x.id)`;
/** A ticket of `tickets x` whose text matches the query, by its stored vector or, pending, its computed one. */
const ticketMatch = (query: RawBuilder<unknown>) =>
  sql`(x.id in (select s.ticket_id from ticket_search s where s.vector @@ ${query}) or (${pendingTicket} and ${ticketVector} @@ ${query}))`;

/** Every kind of text search reads, with its stored (or indexed) vector. */
const SOURCES: Source[] = [
  { kind: 'answer', group: 'interview', from: sql`interview_answers x`, id: sql`x.id`, vector: sql`x.body_vector` },
  { kind: 'interview-notes', group: 'interview', from: sql`interviews x`, id: sql`x.id`, vector: sql`x.notes_vector` },
  { kind: 'transcript-turn', group: 'interview', from: sql`interview_transcript_turns x`, id: sql`x.id`, vector: sql`x.body_vector` },
  { kind: 'session-notes', group: 'shadowing', from: sql`shadowing_sessions x`, id: sql`x.id`, vector: sql`x.notes_vector` },
  { kind: 'friction-event', group: 'friction', from: sql`friction_events x`, id: sql`x.id`, vector: sql`x.note_vector` },
  { kind: 'evidence', group: 'evidence', from: sql`evidence x`, id: sql`x.id`, vector: sql`x.search_vector` },
  { kind: 'participant', group: 'participant', from: sql`participants p`, id: sql`p.id`, vector: participantVector, weight: 2 },
  { kind: 'ticket', group: 'ticket', from: sql`ticket_search s join tickets x on x.id = s.ticket_id`, id: sql`x.id`, vector: sql`s.vector` },
  { kind: 'ticket', group: 'ticket', from: sql`tickets x`, id: sql`x.id`, vector: ticketVector, where: pendingTicket },
  // A merged theme lives on in the theme it was merged into.
  { kind: 'theme', group: 'theme', from: sql`themes x`, id: sql`x.id`, vector: sql`x.search_vector`, where: sql`x.merged_into_id is null` },
  { kind: 'request', group: 'request', from: sql`roadmap_requests x`, id: sql`x.id`, vector: sql`x.search_vector` },
  { kind: 'postmortem', group: 'postmortem', from: sql`postmortems x`, id: sql`x.id`, vector: sql`x.search_vector` },
  {
    kind: 'survey-comment',
    group: 'survey',
    from: sql`survey_answers x`,
    id: sql`x.response_id::text || ':' || x.question_id::text`,
    vector: sql`x.text_vector`,
  },
];

const branchOf = (source: Source) =>
  sql`select ${sql.lit(source.kind)} as kind, ${sql.lit(source.group)} as grp, ${source.id}::text as id,
      ts_rank(${source.vector}, q.query, 1)${source.weight ? sql` * ${sql.lit(source.weight)}` : sql``} as rank
    from ${source.from}, q where ${source.vector} @@ q.query${source.where ? sql` and ${source.where}` : sql``}`;

/** Ids compare byte by byte (uuids and composite ids alike), in SQL and here. */
const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every match, ranked: one page of hits and the number of matches per group, in one statement so
 * that the matching runs once. Ties in rank are ordered by id, so pages never overlap; the page is
 * taken with a top-N sort, never a sort of every match.
 */
export async function rankMatches(db: Db, input: { text: string; groups: SearchGroup[]; limit: number; offset: number }) {
  const groupFilter = input.groups.length > 0 ? sql`where grp in (${sql.join(input.groups)})` : sql``;
  const result = await sql<{ row_type: 'hit' | 'total'; kind: HitKind | null; grp: SearchGroup; id: string | null; rank: number | null; total: number | null }>`
    with q as (select websearch_to_tsquery(${ENGLISH}, ${input.text}) as query),
    hits as (${sql.join(SOURCES.map(branchOf), sql` union all `)}),
    page as (
      select kind, grp, id, rank from hits ${groupFilter}
        order by rank desc, id collate "C"
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
  hits.sort((a, b) => b.rank - a.rank || compareIds(a.id, b.id));
  return { hits, totals };
}

/** True when the text has at least one word to search for (not only stop words or symbols). */
export async function hasSearchableWords(db: Db, input: { text: string }): Promise<boolean> {
  const result = await sql<{ nodes: number }>`select numnode(websearch_to_tsquery(${ENGLISH}, ${input.text}))::int as nodes`.execute(db);
  return result.rows[0].nodes > 0;
}

const headline = (column: RawBuilder<unknown>, text: string) =>
  sql<string>`ts_headline(${ENGLISH}, ${column}, websearch_to_tsquery(${ENGLISH}, ${text}), ${HEADLINE_OPTIONS})`;

/**
 * Interview answers and transcript turns, in one statement: both are a numbered passage of an
 * interview (an answer under its question, a turn under its speaker and time).
 */
export async function describeInterviewPassages(db: Db, input: { answerIds: string[]; turnIds: string[]; text: string }) {
  if (input.answerIds.length + input.turnIds.length === 0) return [];
  const result = await sql<{
    kind: 'answer' | 'transcript-turn';
    id: string;
    position: number;
    label: string;
    start_ms: number | null;
    interview_id: string;
    interviewed_on: string;
    participant_name: string;
    headline: string;
  }>`
    with passages as (
      select 'answer' as kind, a.id, a.interview_id, a.position, a.prompt as label, null::int as start_ms, a.body
        from interview_answers a where a.id = any(${input.answerIds}::uuid[])
      union all
      select 'transcript-turn', t.id, t.interview_id, t.position, t.speaker_name, t.start_ms, t.body
        from interview_transcript_turns t where t.id = any(${input.turnIds}::uuid[])
    )
    select x.kind, x.id, x.position, x.label, x.start_ms, i.id as interview_id, i.interviewed_on::text as interviewed_on,
      p.display_name as participant_name, ${headline(sql`x.body`, input.text)} as headline
    from passages x join interviews i on i.id = x.interview_id join participants p on p.id = i.participant_id
  `.execute(db);
  return result.rows;
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

/** Tickets by key, title and status; the requester is left out (the ticket's page shows it). */
export async function describeTickets(db: Db, input: { ids: string[]; text: string }) {
  if (input.ids.length === 0) return [];
  return db
    .selectFrom('tickets as t')
    .select([
      't.id',
      't.source',
      't.external_key',
      't.title',
      't.status',
      sql<string | null>`t.opened_at::date::text`.as('on_date'),
      headline(sql`t.title || ' — ' || t.body`, input.text).as('headline'),
    ])
    .where('t.id', 'in', input.ids)
    .execute();
}

export async function describeThemes(db: Db, input: { ids: string[]; text: string }) {
  if (input.ids.length === 0) return [];
  return db
    .selectFrom('themes as t')
    .select(['t.id', 't.title', 't.status', headline(sql`t.title || ' — ' || t.description`, input.text).as('headline')])
    .where('t.id', 'in', input.ids)
    .execute();
}

/** Roadmap requests by title and status; the submitter's email never leaves the inbox. */
export async function describeRequests(db: Db, input: { ids: string[]; text: string }) {
  if (input.ids.length === 0) return [];
  return db
    .selectFrom('roadmap_requests as r')
    .select([
      'r.id',
      'r.title',
      'r.status',
      sql<string>`r.created_at::date::text`.as('on_date'),
      headline(sql`r.title || ' — ' || r.details`, input.text).as('headline'),
    ])
    .where('r.id', 'in', input.ids)
    .execute();
}

export async function describePostmortems(db: Db, input: { ids: string[]; text: string }) {
  if (input.ids.length === 0) return [];
  return db
    .selectFrom('postmortems as m')
    .select([
      'm.id',
      'm.external_key',
      'm.title',
      'm.severity',
      'm.incident_date',
      headline(sql`m.summary || ' — ' || m.lessons || ' — ' || m.timeline || ' — ' || m.body`, input.text).as('headline'),
    ])
    .where('m.id', 'in', input.ids)
    .execute();
}

/**
 * Free-text survey answers (ids `<response id>:<question id>`): the comment, its question and its
 * survey. Nothing of the response itself (team, tenure, date) is read.
 */
export async function describeSurveyComments(db: Db, input: { ids: string[]; text: string }) {
  const pairs = input.ids.map((id) => id.split(':')).filter((pair) => pair.length === 2);
  if (pairs.length === 0) return [];
  return db
    .selectFrom('survey_answers as a')
    .innerJoin('survey_questions as q', 'q.id', 'a.question_id')
    .innerJoin('surveys as s', 's.id', 'q.survey_id')
    .select([
      sql<string>`a.response_id::text || ':' || a.question_id::text`.as('id'),
      'a.response_id',
      'a.question_id',
      'q.position',
      'q.prompt',
      's.id as survey_id',
      's.title as survey_title',
      headline(sql`a.text_value`, input.text).as('headline'),
    ])
    .where('a.response_id', 'in', pairs.map(([responseId]) => responseId))
    .where('a.question_id', 'in', pairs.map(([, questionId]) => questionId))
    .execute();
}

// ---- Jump to (the command palette) -----------------------------------------------------------------

export interface JumpTarget {
  kind: 'theme' | 'developer' | 'interview' | 'ticket';
  id: string;
  label: string;
  detail: string | null;
  date: string | null;
}

/** `%word%` for ILIKE, with the pattern characters of the typed text taken literally. */
const containing = (word: string) => `%${word.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/**
 * What a name or key typed into the palette points at: themes by statement, developers by name,
 * interviews by developer, tickets by key or words; a few of each, every typed word matching.
 */
export async function findJumpTargets(db: Db, input: { words: string[]; text: string; limit: number }): Promise<JumpTarget[]> {
  const allOf = (column: RawBuilder<unknown>) => sql.join(input.words.map((word) => sql`${column} ilike ${containing(word)}`), sql` and `);
  const [themes, developers, interviews, tickets] = await Promise.all([
    sql<JumpTarget>`select 'theme' as kind, id, title as label, status as detail, null as date from themes
      where merged_into_id is null and ${allOf(sql`title`)} order by (status = 'archived'), title limit ${input.limit}`.execute(db),
    sql<JumpTarget>`select 'developer' as kind, p.id, p.display_name as label, t.name as detail, null as date
      from participants p left join teams t on t.id = p.team_id
      where ${allOf(sql`p.display_name`)} order by (p.archived_at is not null), p.display_name limit ${input.limit}`.execute(db),
    sql<JumpTarget>`select 'interview' as kind, i.id, 'Interview with ' || p.display_name as label, i.status as detail, i.interviewed_on::text as date
      from interviews i join participants p on p.id = i.participant_id
      where ${allOf(sql`p.display_name`)} order by i.interviewed_on desc, i.id limit ${input.limit}`.execute(db),
    sql<JumpTarget>`select 'ticket' as kind, id, external_key || ': ' || title as label, status as detail, opened_at::date::text as date from tickets
      x where external_key ilike ${containing(input.text)} or ${ticketMatch(sql`websearch_to_tsquery(${ENGLISH}, ${input.text})`)}
      order by (external_key ilike ${containing(input.text)}) desc, opened_at desc nulls last, id limit ${input.limit}`.execute(db),
  ]);
  return [...themes.rows, ...developers.rows, ...interviews.rows, ...tickets.rows];
}
