// Small builders for integration tests: real rows in the real database, written directly where
// the test is not about how they are made.
import type { DbHandle } from '@/db/create-db';
import type { TenureBand } from '@/db/types';

export async function addParticipant(
  handle: DbHandle,
  values: { name: string; teamName?: string; tenureBand?: TenureBand; background?: string; isArchived?: boolean },
) {
  let teamId: string | null = null;
  if (values.teamName) {
    const existing = await handle.db.selectFrom('teams').select('id').where('name', '=', values.teamName).executeTakeFirst();
    teamId = existing?.id ?? (await handle.db.insertInto('teams').values({ name: values.teamName }).returning('id').executeTakeFirstOrThrow()).id;
  }
  return handle.db
    .insertInto('participants')
    .values({
      display_name: values.name,
      team_id: teamId,
      tenure_band: values.tenureBand ?? null,
      background: values.background ?? null,
      email: null,
      archived_at: values.isArchived ? new Date() : null,
    })
    .returning(['id', 'team_id'])
    .executeTakeFirstOrThrow();
}

export async function addTheme(handle: DbHandle, title: string) {
  return handle.db.insertInto('themes').values({ title }).returning(['id', 'title']).executeTakeFirstOrThrow();
}

let sourceCounter = 0;

/** An evidence row as a source would have saved it, tagged into the given themes. */
export async function addEvidence(
  handle: DbHandle,
  values: {
    themeIds: string[];
    participantId?: string | null;
    sourceKind?: 'interview' | 'shadowing' | 'ticket' | 'postmortem' | 'survey' | 'rating' | 'request';
    minutesLost?: number | null;
    occurrencesPerMonth?: number;
    severity?: number | null;
    /** Recurring estimate or single occurrence; by default the database fills it from the source kind. */
    kind?: 'recurring' | 'single';
    observedOn?: string;
    excerpt?: string;
  },
) {
  const sourceId = `00000000-0000-4000-8000-${String(++sourceCounter).padStart(12, '0')}`;
  const row = await handle.db
    .insertInto('evidence')
    .values({
      source_kind: values.sourceKind ?? 'interview',
      source_id: sourceId,
      source_path: `/test/${sourceId}`,
      excerpt: values.excerpt ?? 'It took two days to get a database',
      participant_id: values.participantId ?? null,
      minutes_lost: values.minutesLost ?? null,
      occurrences_per_month: values.occurrencesPerMonth ?? 1,
      severity: values.severity ?? null,
      kind: values.kind,
      observed_on: values.observedOn ?? '2026-10-01',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (values.themeIds.length > 0) {
    await handle.db
      .insertInto('evidence_themes')
      .values(values.themeIds.map((themeId) => ({ evidence_id: row.id, theme_id: themeId })))
      .execute();
  }
  return row;
}
