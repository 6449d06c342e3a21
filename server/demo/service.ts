// The demo workspace: loads realistic discovery notes (teams, developers, interviews, shadowing
// sessions, evidence tagged into pain themes) in one transaction, records every row it created,
// and removes exactly those rows again. Rows people added on top of the demo are kept: a theme
// someone tagged their own evidence into, or a developer their own interview refers to.
import { randomUUID } from 'node:crypto';
import type { Db } from '@/server/db';
import { AppError } from '@/server/errors';
import * as evidenceQueries from '@/server/evidence/queries';
import { isExcerptInSource, resolveEvidenceCost } from '@/server/evidence/rules';
import type { EvidenceSource } from '@/server/evidence/evidence-source';
import * as interviewQueries from '@/server/interviews/queries';
import { loadInterviewSource } from '@/server/interviews/service-evidence-source';
import * as participantQueries from '@/server/participants/queries';
import * as shadowingQueries from '@/server/shadowing/queries';
import { parseOffset } from '@/server/shadowing/rules';
import { loadShadowingSource } from '@/server/shadowing/service-evidence-source';
import * as themeQueries from '@/server/themes/queries';
import { DEMO_DEVELOPERS, DEMO_EVIDENCE, DEMO_INTERVIEWS, DEMO_SESSIONS, DEMO_TEAMS, DEMO_THEMES, type DemoEvidence } from './demo-content';
import * as queries from './queries';

export interface DemoStatus {
  isLoaded: boolean;
  developers: number;
  interviews: number;
  shadowingSessions: number;
  evidence: number;
  themes: number;
}

export async function getDemoStatus(db: Db): Promise<DemoStatus> {
  const counts = await queries.countDemoRows(db);
  return {
    isLoaded: counts.size > 0,
    developers: counts.get('participants') ?? 0,
    interviews: counts.get('interviews') ?? 0,
    shadowingSessions: counts.get('shadowing_sessions') ?? 0,
    evidence: counts.get('evidence') ?? 0,
    themes: counts.get('themes') ?? 0,
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** The demo covers a quarter: the directory was built twelve weeks ago, the interviews and sessions since. */
const DIRECTORY_DAYS_AGO = 84;

function daysBefore(today: Date, days: number): Date {
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - days * DAY_MS);
}

/** Loads the demo workspace. Refused while a demo is loaded; all or nothing. */
export async function loadDemo(db: Db, input: { createdBy: string | null; today?: Date }): Promise<DemoStatus> {
  const today = input.today ?? new Date();
  await db.transaction().execute(async (trx) => {
    await queries.lockDemoRecords(trx);
    if ((await queries.countDemoRows(trx)).size > 0) {
      throw new AppError('CONFLICT', 'The demo workspace is already loaded. Remove it first to load it again.');
    }

    // Teams: an existing team of the same name is used as it is, and is not the demo's to remove.
    const teamIds = new Map((await participantQueries.findTeamsByName(trx, { names: DEMO_TEAMS })).map((team) => [team.name.toLowerCase(), team.id]));
    const newTeams = await participantQueries.insertTeams(trx, { names: DEMO_TEAMS.filter((name) => !teamIds.has(name.toLowerCase())) });
    for (const team of newTeams) teamIds.set(team.name.toLowerCase(), team.id);
    await queries.recordDemoRows(trx, { entity: 'teams', ids: newTeams.map((team) => team.id) });

    const participants = await participantQueries.insertParticipants(trx, {
      values: DEMO_DEVELOPERS.map((developer) => ({
        display_name: developer.name,
        email: null,
        team_id: teamIds.get(developer.team.toLowerCase()) ?? null,
        tenure_band: developer.tenureBand,
        background: developer.background,
        origin: 'manual' as const,
      })),
    });
    const participantIds = new Map(DEMO_DEVELOPERS.map((developer, index) => [developer.key, participants[index].id]));
    await queries.recordDemoRows(trx, { entity: 'participants', ids: participants.map((row) => row.id) });

    const guide = await interviewQueries.findDefaultGuide(trx);
    const prompts = guide ? ((await interviewQueries.listGuideQuestions(trx, { guideIds: [guide.id] })).get(guide.id) ?? []).map((q) => q.prompt) : [];
    const interviewIds = new Map<string, string>();
    for (const interview of DEMO_INTERVIEWS) {
      const row = await interviewQueries.insertInterview(trx, {
        values: {
          participant_id: participantIds.get(interview.developer)!,
          interviewed_on: daysBefore(today, interview.daysAgo).toISOString().slice(0, 10),
          interviewer_id: input.createdBy,
          guide_id: guide?.id ?? null,
          guide_title: guide?.title ?? 'Discovery interview',
          notes: interview.notes,
          status: interview.status,
          created_by: input.createdBy,
        },
        prompts,
        answers: interview.answers,
      });
      interviewIds.set(interview.developer, row.id);
    }
    await queries.recordDemoRows(trx, { entity: 'interviews', ids: [...interviewIds.values()] });

    const sessionIds = new Map<string, string>();
    const eventIds = new Map<string, string>();
    for (const [index, session] of DEMO_SESSIONS.entries()) {
      const startedAt = new Date(daysBefore(today, session.daysAgo).getTime() + (9 + index) * 60 * 60 * 1000);
      const row = await shadowingQueries.insertSession(trx, {
        values: {
          participant_id: participantIds.get(session.developer)!,
          scenario: session.scenario,
          focus: session.focus,
          notes: session.notes,
          observer_id: input.createdBy,
          started_at: startedAt,
          ended_at: new Date(startedAt.getTime() + session.minutes * 60 * 1000),
          created_by: input.createdBy,
        },
      });
      sessionIds.set(session.key, row.id);
      for (const event of session.events) {
        const id = randomUUID();
        await shadowingQueries.insertEvent(trx, {
          id,
          sessionId: row.id,
          values: { offset_seconds: parseOffset(event.at)!, kind: event.kind, note: event.note, minutes_lost: event.minutesLost },
        });
        eventIds.set(`${session.key}:${event.key}`, id);
      }
    }
    await queries.recordDemoRows(trx, { entity: 'shadowing_sessions', ids: [...sessionIds.values()] });

    const themeIds = new Map<string, string>();
    for (const [key, theme] of Object.entries(DEMO_THEMES)) {
      themeIds.set(key, (await themeQueries.insertTheme(trx, { title: theme.title, description: theme.description, createdBy: input.createdBy })).id);
    }
    await queries.recordDemoRows(trx, { entity: 'themes', ids: [...themeIds.values()] });

    // Evidence goes through the same source loaders as evidence saved by hand, so every excerpt
    // is checked to be words of its source and links to its exact spot.
    const sourceOf = async (item: DemoEvidence): Promise<{ kind: 'interview' | 'shadowing'; id: string; source: EvidenceSource | null }> => {
      if (item.source.kind === 'interview') {
        const id = interviewIds.get(item.source.developer)!;
        return { kind: 'interview', id, source: await loadInterviewSource(trx, { sourceId: id, anchor: item.source.anchor }) };
      }
      const id = sessionIds.get(item.source.session)!;
      const anchor = item.source.kind === 'event' ? `event-${eventIds.get(`${item.source.session}:${item.source.event}`)}` : 'notes';
      return { kind: 'shadowing', id, source: await loadShadowingSource(trx, { sourceId: id, anchor }) };
    };
    const rows: evidenceQueries.NewEvidenceRow[] = [];
    for (const item of DEMO_EVIDENCE) {
      const { kind, id, source } = await sourceOf(item);
      if (!source || !isExcerptInSource(item.excerpt, source.text)) throw new Error(`Demo evidence is not in its source: "${item.excerpt}"`);
      const cost = resolveEvidenceCost({ sourceKind: kind, minutesLost: item.minutesLost, occurrencesPerMonth: item.occurrencesPerMonth, severity: item.severity });
      if (!cost.ok) throw new Error(`Demo evidence "${item.excerpt}": ${cost.message}`);
      rows.push({
        source_kind: kind,
        source_id: id,
        source_path: source.path,
        excerpt: item.excerpt,
        participant_id: source.participantId,
        minutes_lost: cost.cost.minutesLost,
        occurrences_per_month: cost.cost.occurrencesPerMonth,
        severity: cost.cost.severity,
        kind: cost.cost.kind,
        minutes_origin: cost.cost.minutesOrigin,
        observed_on: source.observedOn,
        created_by: input.createdBy,
      });
    }
    const evidenceIds = await evidenceQueries.insertEvidence(trx, { rows });
    await evidenceQueries.insertTags(trx, {
      pairs: DEMO_EVIDENCE.flatMap((item, index) => (item.theme ? [{ evidence_id: evidenceIds[index], theme_id: themeIds.get(item.theme)! }] : [])),
    });
    await queries.recordDemoRows(trx, { entity: 'evidence', ids: evidenceIds });
    await queries.backdateDemoRows(trx, { directorySince: daysBefore(today, DIRECTORY_DAYS_AGO) });
  });
  return getDemoStatus(db);
}

export interface DemoRemoval {
  evidence: number;
  interviews: number;
  shadowingSessions: number;
  themes: number;
  developers: number;
  teams: number;
  /** Demo themes kept because someone tagged their own evidence into them. */
  keptThemes: number;
  /** Demo developers kept because someone's own interview, session or evidence refers to them. */
  keptDevelopers: number;
}

/** Removes what the demo created, in one transaction. */
export async function removeDemo(db: Db): Promise<DemoRemoval> {
  return db.transaction().execute(async (trx) => {
    await queries.lockDemoRecords(trx);
    const ids = async (entity: queries.DemoEntity) => queries.listDemoIds(trx, { entity });
    const [evidenceIds, interviewIds, sessionIds, themeIds, participantIds, teamIds] = await Promise.all([
      ids('evidence'),
      ids('interviews'),
      ids('shadowing_sessions'),
      ids('themes'),
      ids('participants'),
      ids('teams'),
    ]);
    if ([evidenceIds, interviewIds, sessionIds, themeIds, participantIds, teamIds].every((list) => list.length === 0)) {
      throw new AppError('NOT_FOUND', 'There is no demo workspace to remove.');
    }
    const evidence = await queries.deleteDemoEvidence(trx, { evidenceIds, interviewIds, sessionIds });
    const interviews = await queries.deleteRows(trx, { table: 'interviews', ids: interviewIds });
    const shadowingSessions = await queries.deleteRows(trx, { table: 'shadowing_sessions', ids: sessionIds });
    const themes = await queries.deleteUnusedThemes(trx, { ids: themeIds });
    const developers = await queries.deleteUnreferencedParticipants(trx, { ids: participantIds });
    const teams = await queries.deleteEmptyTeams(trx, { ids: teamIds });
    await queries.clearDemoRecords(trx);
    return {
      evidence,
      interviews,
      shadowingSessions,
      themes: themes.deleted,
      developers: developers.deleted,
      teams,
      keptThemes: themes.kept,
      keptDevelopers: developers.kept,
    };
  });
}
