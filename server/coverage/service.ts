// The coverage view: the directory's developers and the matrix of who has been interviewed.
import type { Db } from '@/server/db';
import { TENURE_LABELS } from '@/server/lib/tenure';
import { buildCoverage } from './coverage-matrix';
import * as queries from './queries';

export async function getCoverage(db: Db) {
  const rows = await queries.listCoverageDevelopers(db);
  const developers = rows.map((row) => ({
    id: row.id,
    name: row.display_name,
    teamId: row.team_id,
    teamName: row.team_name,
    tenureBand: row.tenure_band,
    background: row.background,
    interviews: row.interviews ?? 0,
    lastInterviewedOn: row.last_interviewed_on ?? null,
    shadowingSessions: row.shadowing_sessions ?? 0,
  }));
  return { ...buildCoverage(developers, TENURE_LABELS), developers };
}
