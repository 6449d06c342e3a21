// A deployments CSV (one row per production deployment) turned into the same events the API takes,
// remembering each event's row and each field's column for error messages. Pure.
import type { CsvTable, FileProblem } from '@/server/lib/csv';

const COLUMNS = {
  eventId: ['eventid', 'id', 'deploymentid'],
  service: ['service', 'servicename'],
  team: ['team'],
  viaPlatform: ['viaplatform', 'platform'],
  commitAt: ['committime', 'commitat', 'committedat'],
  deployedAt: ['deploytime', 'deployedat', 'deploymenttime'],
  outcome: ['outcome', 'result', 'status'],
  recoveredAt: ['recoveredat', 'recoverytime', 'recovered'],
} as const;
type Field = keyof typeof COLUMNS;
const REQUIRED: Field[] = ['eventId', 'service', 'viaPlatform', 'commitAt', 'deployedAt', 'outcome'];

const normalise = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, '');

/** '2026-03-01 10:00' without a zone is read as UTC; anything with a zone keeps it. */
function toIsoTime(value: string): string {
  const plain = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2}(\.\d+)?)?$/.exec(value);
  return plain ? `${plain[1]}T${plain[2]}${plain[3] ?? ':00'}Z` : value;
}

function toBoolean(value: string): boolean | string {
  const key = value.trim().toLowerCase();
  if (['yes', 'y', 'true', '1'].includes(key)) return true;
  if (['no', 'n', 'false', '0'].includes(key)) return false;
  return value;
}

export function csvRowsToEvents(
  table: CsvTable,
): { events: Record<string, unknown>[]; rows: number[]; columnOf: (field: string | null) => string | undefined } | { problems: FileProblem[] } {
  const positions = new Map<Field, number>();
  table.header.forEach((name, index) => {
    const key = normalise(name);
    for (const [field, aliases] of Object.entries(COLUMNS) as [Field, readonly string[]][]) {
      if (aliases.includes(key) && !positions.has(field)) positions.set(field, index);
    }
  });
  const missing = REQUIRED.filter((field) => !positions.has(field));
  if (missing.length > 0) {
    return {
      problems: [
        {
          row: 1,
          message: `The header row is missing ${missing.join(', ')}. Expected columns: event_id, service, team, via_platform, commit_time, deploy_time, outcome, recovered_at.`,
        },
      ],
    };
  }
  const cell = (cells: string[], field: Field) => {
    const index = positions.get(field);
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };
  const events = table.records.map(({ cells }) => ({
    eventId: cell(cells, 'eventId'),
    service: cell(cells, 'service'),
    team: cell(cells, 'team') || null,
    viaPlatform: toBoolean(cell(cells, 'viaPlatform')),
    commitAt: toIsoTime(cell(cells, 'commitAt')),
    deployedAt: toIsoTime(cell(cells, 'deployedAt')),
    outcome: cell(cells, 'outcome').toLowerCase(),
    recoveredAt: cell(cells, 'recoveredAt') ? toIsoTime(cell(cells, 'recoveredAt')) : null,
  }));
  return {
    events,
    rows: table.records.map((record) => record.row),
    columnOf: (field) => {
      const index = field ? positions.get(field as Field) : undefined;
      return index === undefined ? undefined : table.header[index];
    },
  };
}
