// The developer directory: adding and editing participants one at a time, and importing a
// directory CSV all-or-nothing (re-importing the same file changes nothing).
import type { Db } from '@/server/db';
import { AppError } from '@/server/errors';
import { isUniqueViolation } from '@/server/lib/db-errors';
import type { FileProblem } from '@/server/lib/csv';
import { parseDirectoryCsv, type DirectoryRow } from './parse-directory-csv';
import * as queries from './queries';

export interface ParticipantInput {
  displayName: string;
  email: string | null;
  teamId: string | null;
  tenureBand: queries.ParticipantValues['tenure_band'];
  background: string | null;
}

const DUPLICATE_EMAIL = 'Another developer in the directory already has this email.';

async function toValues(db: Db, input: ParticipantInput): Promise<queries.ParticipantValues> {
  if (input.teamId && !(await queries.teamExists(db, { id: input.teamId }))) {
    throw new AppError('BAD_REQUEST', 'This team does not exist any more. Pick another team.', { field: 'teamId' });
  }
  return {
    display_name: input.displayName,
    email: input.email,
    team_id: input.teamId,
    tenure_band: input.tenureBand,
    background: input.background,
  };
}

async function rethrowDuplicate<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', DUPLICATE_EMAIL, { field: 'email' });
    throw error;
  }
}

export async function createParticipant(db: Db, input: ParticipantInput) {
  const values = await toValues(db, input);
  const [row] = await rethrowDuplicate(() => queries.insertParticipants(db, { values: [{ ...values, origin: 'manual' }] }));
  return row;
}

export async function editParticipant(db: Db, input: ParticipantInput & { id: string }) {
  const values = await toValues(db, input);
  const row = await rethrowDuplicate(() => queries.updateParticipant(db, { id: input.id, values }));
  if (!row) throw new AppError('NOT_FOUND', 'This developer is no longer in the directory.');
  return row;
}

export async function archiveParticipant(db: Db, input: { id: string; isArchived: boolean }) {
  const row = await queries.setParticipantArchived(db, input);
  if (!row) throw new AppError('NOT_FOUND', 'This developer is no longer in the directory.');
  return row;
}

// ---- Several developers at once ----------------------------------------------------------------

/** Every selected developer must still be in the directory; otherwise nothing is changed. */
async function requireAllParticipants(db: Db, ids: string[]) {
  const found = await queries.countParticipantsByIds(db, { ids });
  if (found !== ids.length) {
    const missing = ids.length - found;
    throw new AppError('BAD_REQUEST', `${missing} of the selected developers ${missing === 1 ? 'is' : 'are'} no longer in the directory. Reload the list and select again.`, {
      field: 'ids',
    });
  }
}

export async function archiveParticipants(db: Db, input: { ids: string[]; isArchived: boolean }) {
  const ids = [...new Set(input.ids)];
  return db.transaction().execute(async (trx) => {
    await requireAllParticipants(trx, ids);
    return { changed: await queries.setParticipantsArchived(trx, { ids, isArchived: input.isArchived }), selected: ids.length };
  });
}

export async function moveParticipantsToTeam(db: Db, input: { ids: string[]; teamId: string | null }) {
  const ids = [...new Set(input.ids)];
  return db.transaction().execute(async (trx) => {
    if (input.teamId && !(await queries.teamExists(trx, { id: input.teamId }))) {
      throw new AppError('BAD_REQUEST', 'This team does not exist any more. Pick another team.', { field: 'teamId' });
    }
    await requireAllParticipants(trx, ids);
    return { changed: await queries.moveParticipantsToTeam(trx, { ids, teamId: input.teamId }), selected: ids.length };
  });
}

// ---- Import ------------------------------------------------------------------------------------

export interface DirectoryPlan {
  recordCount: number;
  isFileRefused: boolean;
  inserts: DirectoryRow[];
  updates: { id: string; row: DirectoryRow }[];
  unchanged: number;
  newTeams: string[];
  problems: FileProblem[];
}

type Existing = Awaited<ReturnType<typeof queries.findParticipantsForMatching>>[number];

/**
 * Matches each row to an existing developer: by email when the row has one, otherwise by name
 * among developers without an email. That makes a second import of the same file a no-op.
 */
async function planDirectoryImport(db: Db, text: string): Promise<DirectoryPlan & { teamIds: Map<string, string> }> {
  const parsed = parseDirectoryCsv(text);
  if (parsed.isFileRefused) {
    return { recordCount: parsed.recordCount, isFileRefused: true, inserts: [], updates: [], unchanged: 0, newTeams: [], problems: parsed.problems, teamIds: new Map() };
  }
  const existing = await queries.findParticipantsForMatching(db);
  const byEmail = new Map<string, Existing>();
  const byNameWithoutEmail = new Map<string, Existing>();
  for (const participant of existing) {
    if (participant.email) byEmail.set(participant.email.toLowerCase(), participant);
    else if (!byNameWithoutEmail.has(participant.display_name.toLowerCase())) {
      byNameWithoutEmail.set(participant.display_name.toLowerCase(), participant);
    }
  }

  // One team per name in any letter case, spelled as it first appears in the file.
  const spellings = new Map<string, string>();
  for (const row of parsed.rows) if (row.team && !spellings.has(row.team.toLowerCase())) spellings.set(row.team.toLowerCase(), row.team);
  const teamNames = [...spellings.values()];
  const knownTeams = await queries.findTeamsByName(db, { names: teamNames });
  const teamIds = new Map(knownTeams.map((team) => [team.name.toLowerCase(), team.id]));
  const newTeams = teamNames.filter((name) => !teamIds.has(name.toLowerCase()));

  const plan: DirectoryPlan = {
    recordCount: parsed.recordCount,
    isFileRefused: false,
    inserts: [],
    updates: [],
    unchanged: 0,
    newTeams,
    problems: parsed.problems,
  };
  for (const row of parsed.rows) {
    const match = row.email ? byEmail.get(row.email.toLowerCase()) : byNameWithoutEmail.get(row.name.toLowerCase());
    if (!match) {
      plan.inserts.push(row);
      continue;
    }
    // undefined for a team this import creates: then the row cannot equal what is stored.
    const teamId = row.team ? teamIds.get(row.team.toLowerCase()) : null;
    const isSame =
      match.display_name === row.name &&
      match.email === row.email &&
      match.team_id === teamId &&
      match.tenure_band === row.tenureBand &&
      match.background === row.background;
    if (isSame) plan.unchanged += 1;
    else plan.updates.push({ id: match.id, row });
  }
  return { ...plan, teamIds };
}

export interface DirectoryPreview {
  totalRows: number;
  /** A problem concerns the whole file: skipping bad rows cannot import it. */
  isFileRefused: boolean;
  /** Rows that have at least one problem (what "skip bad rows" leaves out). */
  badRows: number;
  sample: DirectoryRow[];
  toInsert: number;
  toUpdate: number;
  unchanged: number;
  newTeams: string[];
  problems: FileProblem[];
}

export async function previewDirectoryImport(db: Db, input: { text: string }): Promise<DirectoryPreview> {
  const plan = await planDirectoryImport(db, input.text);
  const rows = [...plan.inserts, ...plan.updates.map((update) => update.row)].sort((a, b) => a.row - b.row);
  return {
    totalRows: plan.recordCount,
    isFileRefused: plan.isFileRefused,
    badRows: new Set(plan.problems.map((problem) => problem.row)).size,
    sample: rows.slice(0, 20),
    toInsert: plan.inserts.length,
    toUpdate: plan.updates.length,
    unchanged: plan.unchanged,
    newTeams: plan.newTeams,
    problems: plan.problems.slice(0, 500),
  };
}

export interface DirectoryImportResult {
  inserted: number;
  updated: number;
  unchanged: number;
  teamsCreated: number;
  /** The rows left out with "skip bad rows", each problem by row and column. */
  skipped: FileProblem[];
  skippedRows: number;
}

/**
 * All or nothing: any problem in the file refuses the whole import and writes nothing. With
 * skipBadRows, rows with a problem are left out (and listed in the result) and the others are
 * imported in one transaction; a problem with the file itself still refuses it.
 */
export async function importDirectory(db: Db, input: { text: string; skipBadRows?: boolean }): Promise<DirectoryImportResult> {
  return db.transaction().execute(async (trx) => {
    const plan = await planDirectoryImport(trx, input.text);
    const canSkip = input.skipBadRows === true && !plan.isFileRefused && plan.inserts.length + plan.updates.length + plan.unchanged > 0;
    if (plan.problems.length > 0 && !canSkip) {
      const first = plan.problems[0];
      throw new AppError(
        'BAD_REQUEST',
        `Nothing was imported: the file has ${plan.problems.length} problem${plan.problems.length === 1 ? '' : 's'}. ` +
          `First: row ${first.row}${first.column ? `, column "${first.column}"` : ''}: ${first.message}`,
        { details: { problems: plan.problems.slice(0, 500) } },
      );
    }
    const created = await queries.insertTeams(trx, { names: plan.newTeams });
    for (const team of created) plan.teamIds.set(team.name.toLowerCase(), team.id);
    const valuesOf = (row: DirectoryRow): queries.ParticipantValues => ({
      display_name: row.name,
      email: row.email,
      team_id: row.team ? (plan.teamIds.get(row.team.toLowerCase()) ?? null) : null,
      tenure_band: row.tenureBand,
      background: row.background,
    });

    await rethrowDuplicate(async () => {
      for (let start = 0; start < plan.inserts.length; start += 1000) {
        const chunk = plan.inserts.slice(start, start + 1000);
        await queries.insertParticipants(trx, {
          values: chunk.map((row) => ({ ...valuesOf(row), origin: 'directory-import' as const })),
        });
      }
      for (const update of plan.updates) {
        await queries.updateParticipant(trx, { id: update.id, values: valuesOf(update.row) });
      }
    });
    return {
      inserted: plan.inserts.length,
      updated: plan.updates.length,
      unchanged: plan.unchanged,
      teamsCreated: created.length,
      skipped: plan.problems.slice(0, 500),
      skippedRows: new Set(plan.problems.map((problem) => problem.row)).size,
    };
  });
}

// ---- Teams -------------------------------------------------------------------------------------

const DUPLICATE_TEAM = 'A team with this name already exists.';

export async function createTeam(db: Db, input: { name: string }) {
  try {
    const [team] = await queries.insertTeams(db, { names: [input.name] });
    return team;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', DUPLICATE_TEAM, { field: 'name' });
    throw error;
  }
}

export async function renameTeam(db: Db, input: { id: string; name: string }) {
  try {
    const team = await queries.renameTeam(db, input);
    if (!team) throw new AppError('NOT_FOUND', 'This team no longer exists.');
    return team;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', DUPLICATE_TEAM, { field: 'name' });
    throw error;
  }
}

/**
 * Deletes a team. A team with developers (active or archived) is deleted only when they are moved
 * first (moveMembersTo: another team's id, or null for "no team"), in the same transaction. A team
 * that platform metrics still group deployments, services or tasks under is kept: deleting it would
 * silently take those out of the per-team figures.
 */
export async function deleteTeam(db: Db, input: { id: string; moveMembersTo?: string | null }) {
  return db.transaction().execute(async (trx) => {
    const team = await queries.findTeamUsage(trx, { id: input.id });
    if (!team) throw new AppError('NOT_FOUND', 'This team no longer exists.');
    if (team.metricsRows > 0) {
      throw new AppError(
        'CONFLICT',
        `${team.name} has ${team.metricsRows} deployments, services or platform tasks in the platform metrics; deleting it would take them out of the per-team figures. Rename it instead.`,
      );
    }
    let moved = 0;
    if (team.developers > 0) {
      if (input.moveMembersTo === undefined) {
        throw new AppError('CONFLICT', `${team.name} has ${team.developers} developer${team.developers === 1 ? '' : 's'}. Choose where to move them first.`, {
          field: 'moveMembersTo',
        });
      }
      if (input.moveMembersTo === input.id) {
        throw new AppError('BAD_REQUEST', 'Move the developers to another team than the one you delete.', { field: 'moveMembersTo' });
      }
      if (input.moveMembersTo && !(await queries.teamExists(trx, { id: input.moveMembersTo }))) {
        throw new AppError('BAD_REQUEST', 'The team to move the developers to does not exist any more. Pick another team.', { field: 'moveMembersTo' });
      }
      moved = await queries.moveTeamMembers(trx, { fromTeamId: input.id, toTeamId: input.moveMembersTo });
    }
    await queries.deleteTeam(trx, { id: input.id });
    return { name: team.name, moved };
  });
}

/**
 * Refuses a developer who is missing or archived, naming the field: interviews and shadowing
 * sessions are recorded only with developers active in the directory.
 */
export async function requireActiveParticipant(db: Db, input: { id: string; field?: string }) {
  const field = input.field ?? 'participantId';
  const participant = await queries.getParticipant(db, { id: input.id });
  if (!participant) {
    throw new AppError('BAD_REQUEST', 'This developer is not in the directory. Pick a developer from the list.', { field });
  }
  if (participant.archivedAt) {
    throw new AppError('BAD_REQUEST', `${participant.displayName} is archived. Restore them in the directory first, or pick another developer.`, {
      field,
    });
  }
  return participant;
}
