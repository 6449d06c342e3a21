// One search box over interviews, shadowing notes, friction events, evidence, developers, pain
// themes, tickets, post-mortems, roadmap requests and (anonymous) survey comments:
// PostgreSQL full-text search, ranked, with the matching words highlighted and a link to the
// exact spot of each result.
import type { EvidenceSourceKind } from '@/db/types';
import type { Db } from '@/server/db';
import { SOURCE_LABELS } from '@/server/evidence/rules';
import { markdownToPlainText } from '@/server/lib/markdown-text';
import { TENURE_LABELS } from '@/server/lib/tenure';
import { THEME_STATUS_LABELS } from '@/server/themes/rules';
import { answerAnchor, NOTES_ANCHOR } from '@/server/interviews/rules';
import { formatTimestamp } from '@/server/interviews/parse-transcript';
import { turnAnchor } from '@/server/interviews/transcript-rules';
import { eventAnchor, formatOffset, FRICTION_LABELS, SCENARIO_LABELS, SESSION_NOTES_ANCHOR } from '@/server/shadowing/rules';
import * as queries from './queries';
import { cleanSearchText, limitSearchTerms, MAX_SEARCH_TERMS, parseHighlights, SEARCH_GROUPS, type SearchGroup, type SnippetPart } from './search-text';

export interface SearchResult {
  group: SearchGroup;
  kind: queries.HitKind;
  id: string;
  title: string;
  /** Where in the source: "Q2. What took longer than you expected?", "Overall notes", … */
  context: string;
  /** App path to the exact spot. */
  path: string;
  date: string | null;
  snippet: SnippetPart[];
}

export interface SearchOutcome {
  query: string;
  /** False when the text has no word to search for (only stop words or symbols). */
  hasWords: boolean;
  /** Set when only the first words were searched (a pasted paragraph). */
  notice: string | null;
  results: SearchResult[];
  totals: Record<SearchGroup, number>;
  total: number;
}

const snippetOf = (headline: string) => parseHighlights(markdownToPlainText(headline).replace(/\s+/g, ' ').trim());

export async function search(db: Db, input: { text: string; groups?: SearchGroup[]; limit: number; offset: number }): Promise<SearchOutcome> {
  const limited = limitSearchTerms(cleanSearchText(input.text));
  const text = limited.text;
  const notice = limited.isShortened ? `Only the first ${MAX_SEARCH_TERMS} different words were searched.` : null;
  const totals = Object.fromEntries(SEARCH_GROUPS.map((group) => [group, 0])) as Record<SearchGroup, number>;
  const empty = (hasWords: boolean): SearchOutcome => ({ query: text, hasWords, notice, results: [], totals, total: 0 });
  if (!text) return empty(false);

  const groups = input.groups ?? [];
  const ranked = await queries.rankMatches(db, { text, groups, limit: input.limit, offset: input.offset });
  for (const [group, count] of ranked.totals) totals[group] = count;
  const counted: readonly SearchGroup[] = groups.length > 0 ? groups : SEARCH_GROUPS;
  let total = 0;
  for (const group of counted) total += totals[group];
  if (ranked.hits.length === 0) return { ...empty(total > 0 || (await queries.hasSearchableWords(db, { text }))), total };

  const idsOf = (kind: queries.HitKind) => ranked.hits.filter((hit) => hit.kind === kind).map((hit) => hit.id);
  const described = await describeHits(db, { idsOf, text });

  const results: SearchResult[] = [];
  for (const hit of ranked.hits) {
    const details = described.get(`${hit.kind}:${hit.id}`);
    // A row deleted between the two steps is left out rather than shown half-empty.
    if (details) results.push({ group: hit.group, kind: hit.kind, id: hit.id, ...details });
  }
  return { query: text, hasWords: true, notice, results, totals, total };
}

type Described = Map<string, Omit<SearchResult, 'group' | 'kind' | 'id'>>;

/** Title, context, link and highlighted snippet of each hit of the page, read kind by kind at once. */
async function describeHits(db: Db, input: { idsOf: (kind: queries.HitKind) => string[]; text: string }): Promise<Described> {
  const { idsOf, text } = input;
  const [passages, notes, sessions, events, evidence, participants, tickets, themes, requests, postmortems, comments] = await Promise.all([
    queries.describeInterviewPassages(db, { answerIds: idsOf('answer'), turnIds: idsOf('transcript-turn'), text }),
    queries.describeInterviewNotes(db, { ids: idsOf('interview-notes'), text }),
    queries.describeSessions(db, { ids: idsOf('session-notes'), text }),
    queries.describeEvents(db, { ids: idsOf('friction-event'), text }),
    queries.describeEvidence(db, { ids: idsOf('evidence'), text }),
    queries.describeParticipants(db, { ids: idsOf('participant'), text }),
    queries.describeTickets(db, { ids: idsOf('ticket'), text }),
    queries.describeThemes(db, { ids: idsOf('theme'), text }),
    queries.describeRequests(db, { ids: idsOf('request'), text }),
    queries.describePostmortems(db, { ids: idsOf('postmortem'), text }),
    queries.describeSurveyComments(db, { ids: idsOf('survey-comment'), text }),
  ]);

  const described: Described = new Map();
  for (const row of passages) {
    const isAnswer = row.kind === 'answer';
    described.set(`${row.kind}:${row.id}`, {
      title: `Interview with ${row.participant_name}`,
      context: isAnswer ? `Q${row.position}. ${row.label}` : `Transcript, ${row.label} at ${formatTimestamp(row.start_ms ?? 0)}`,
      path: `/interviews/${row.interview_id}#${isAnswer ? answerAnchor(row.position) : turnAnchor(row.position)}`,
      date: row.interviewed_on,
      snippet: snippetOf(row.headline),
    });
  }
  for (const row of notes) {
    described.set(`interview-notes:${row.id}`, {
      title: `Interview with ${row.participant_name}`,
      context: 'Overall notes',
      path: `/interviews/${row.id}#${NOTES_ANCHOR}`,
      date: row.interviewed_on,
      snippet: snippetOf(row.headline),
    });
  }
  for (const row of sessions) {
    described.set(`session-notes:${row.id}`, {
      title: `Shadowing ${row.participant_name}`,
      context: `${SCENARIO_LABELS[row.scenario]}${row.focus ? `: ${row.focus}` : ''}`,
      path: `/shadowing/${row.id}#${SESSION_NOTES_ANCHOR}`,
      date: row.on_date,
      snippet: snippetOf(row.headline),
    });
  }
  for (const row of events) {
    described.set(`friction-event:${row.id}`, {
      title: `${FRICTION_LABELS[row.kind]} while shadowing ${row.participant_name}`,
      context: `${SCENARIO_LABELS[row.scenario]}, at ${formatOffset(row.offset_seconds)}${row.minutes_lost ? `, ${row.minutes_lost} min lost` : ''}`,
      path: `/shadowing/${row.session_id}#${eventAnchor(row.id)}`,
      date: row.on_date,
      snippet: snippetOf(row.headline),
    });
  }
  for (const row of evidence) {
    described.set(`evidence:${row.id}`, {
      title: row.participant_name ? `Evidence from ${row.participant_name}` : 'Unattributed evidence',
      context: `From ${SOURCE_LABELS[row.source_kind as EvidenceSourceKind].toLowerCase()}`,
      path: row.source_path,
      date: row.observed_on,
      snippet: snippetOf(row.headline),
    });
  }
  for (const row of participants) {
    const facts = [row.team_name ?? 'No team', row.tenure_band ? TENURE_LABELS[row.tenure_band] : null, row.background, row.archived_at ? 'archived' : null];
    described.set(`participant:${row.id}`, {
      title: row.display_name,
      context: facts.filter(Boolean).join(' · '),
      path: `/directory/${row.id}`,
      date: null,
      snippet: snippetOf(row.headline),
    });
  }

  for (const row of tickets) {
    described.set(`ticket:${row.id}`, {
      title: `${row.external_key}: ${row.title}`,
      context: [`Ticket from ${row.source}`, row.status].filter(Boolean).join(' · '),
      path: `/tickets/${row.id}`,
      date: row.on_date,
      snippet: snippetOf(row.headline),
    });
  }
  for (const row of themes) {
    described.set(`theme:${row.id}`, {
      title: row.title,
      context: `Pain theme · ${THEME_STATUS_LABELS[row.status].toLowerCase()}`,
      path: `/themes/${row.id}`,
      date: null,
      snippet: snippetOf(row.headline),
    });
  }
  for (const row of requests) {
    described.set(`request:${row.id}`, {
      title: row.title,
      context: `Roadmap request · ${row.status}`,
      path: `/manage/requests?request=${row.id}`,
      date: row.on_date,
      snippet: snippetOf(row.headline),
    });
  }
  for (const row of postmortems) {
    described.set(`postmortem:${row.id}`, {
      title: row.title,
      context: [`Post-mortem ${row.external_key}`, row.severity ? `severity ${row.severity}` : null].filter(Boolean).join(' · '),
      path: `/postmortems/${row.id}`,
      date: row.incident_date,
      snippet: snippetOf(row.headline),
    });
  }
  // Anonymous: the survey and the question, never who answered or when.
  for (const row of comments) {
    described.set(`survey-comment:${row.id}`, {
      title: `Survey comment in “${row.survey_title}”`,
      context: `Q${row.position + 1}. ${row.prompt}`,
      path: `/surveys/${row.survey_id}?tab=results&question=${row.question_id}#answer-${row.response_id}`,
      date: null,
      snippet: snippetOf(row.headline),
    });
  }
  return described;
}

export interface JumpResult extends queries.JumpTarget {
  path: string;
}

const MAX_JUMP_WORDS = 8;
const JUMP_PATHS: Record<queries.JumpTarget['kind'], (id: string) => string> = {
  theme: (id) => `/themes/${id}`,
  developer: (id) => `/directory/${id}`,
  interview: (id) => `/interviews/${id}`,
  ticket: (id) => `/tickets/${id}`,
};

/** The command palette's places to jump to for the words typed: a few themes, developers, interviews and tickets. */
export async function jump(db: Db, input: { text: string; limit: number }): Promise<{ targets: JumpResult[] }> {
  const text = cleanSearchText(input.text);
  const words = text.split(' ').filter(Boolean).slice(0, MAX_JUMP_WORDS);
  if (words.length === 0) return { targets: [] };
  const targets = await queries.findJumpTargets(db, { words, text, limit: input.limit });
  return { targets: targets.map((target) => ({ ...target, path: JUMP_PATHS[target.kind](target.id) })) };
}
