// The pain inventory as files a stakeholder can read without Frictionlog: Markdown (a report)
// and CSV (a spreadsheet). Names are left out unless the reader asked for them. Pure.
import { SOURCE_KIND_LABELS } from './inventory-params';
import { formatHours, formatReach, QUADRANT_LABELS, type Inventory, type InventoryQuote, type InventoryTheme } from './inventory-model';

/** Backslash-escapes what Markdown would read as formatting or HTML; one line. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\\`*_[\]<>|#~!]/g, (char) => `\\${char}`);
}

const round = (value: number | null, digits = 2) => (value === null ? '' : String(Math.round(value * 10 ** digits) / 10 ** digits));
const kinds = (theme: InventoryTheme) => theme.sourceKinds.map((kind) => SOURCE_KIND_LABELS[kind].toLowerCase()).join(', ');

function quoteBy(quote: InventoryQuote): string {
  return quote.participantName ? `${quote.participantName} (${quote.attribution})` : quote.attribution;
}

function scoreText(theme: InventoryTheme): string {
  return theme.score === null ? 'unknown (no time data)' : `${formatHours(theme.score)} developer-hours lost per month`;
}

export function inventoryToMarkdown(inventory: Inventory, options: { title?: string; hasNames: boolean }): string {
  const lines: string[] = [];
  lines.push(`# ${escapeMarkdown(options.title ?? 'Pain inventory')}`, '');
  lines.push(
    `Ranked by score: developer-hours lost per month (affected developers x median hours lost per affected developer per month).`,
    '',
    `- Evidence: ${escapeMarkdown(inventory.filterLabel)}`,
    `- Developers in the directory${inventory.filter.teamId || inventory.filter.tenureBand || inventory.filter.background ? ' (segment)' : ''}: ${inventory.directorySize}`,
    `- Window: ${inventory.window.from} to ${inventory.window.to}, ${Math.round(inventory.window.months * 100) / 100} months (single occurrences such as tickets are spread over it; a developer counts the larger of their largest recurring estimate and their single occurrences per month)`,
    `- Generated: ${inventory.generatedAt.toISOString().slice(0, 10)}`,
    `- Quotes: ${options.hasNames ? 'with developer names' : 'attributed by background, tenure and team; names hidden'}`,
    '',
  );
  const focus = inventory.themes.filter((theme) => theme.isMvpFocus);
  if (focus.length > 0) {
    lines.push('## MVP focus', '');
    for (const theme of focus) {
      lines.push(
        `- **#${theme.rank} ${escapeMarkdown(theme.title)}**: ${scoreText(theme)}; ${theme.affectedDevelopers} affected developers; backed by ${theme.evidenceCount} evidence items`,
      );
    }
    lines.push('');
  }
  if (inventory.themes.length === 0) {
    lines.push('No pain theme has evidence for this filter.', '');
    return lines.join('\n');
  }
  lines.push('## Ranking', '');
  lines.push('| Rank | Pain theme | Affected developers | Unattributed mentions | Reach | Hours lost per affected developer per month | Score (developer-hours per month) | Confidence | Quadrant |');
  lines.push('|---:|---|---:|---:|---:|---:|---:|---|---|');
  for (const theme of inventory.themes) {
    lines.push(
      `| ${theme.rank} | ${escapeMarkdown(theme.title)}${theme.isMvpFocus ? ' (MVP focus)' : ''} | ${theme.affectedDevelopers} | ${theme.unattributedMentions} | ${formatReach(theme.reach)} | ${formatHours(theme.hoursPerDeveloperPerMonth)} | ${theme.score === null ? 'unknown' : formatHours(theme.score)} | ${theme.sourceKinds.length} (${kinds(theme)})${theme.isSingleSource ? ', single source' : ''} | ${theme.quadrant ? QUADRANT_LABELS[theme.quadrant] : 'not plotted'} |`,
    );
  }
  lines.push('', '## Themes and their strongest quotes', '');
  for (const theme of inventory.themes) {
    lines.push(`### ${theme.rank}. ${escapeMarkdown(theme.title)}`, '');
    lines.push(
      `- Status: ${theme.status}${theme.isMvpFocus ? ', MVP focus' : ''}`,
      `- Affected developers: ${theme.affectedDevelopers}${theme.unattributedMentions ? ` (plus ${theme.unattributedMentions} unattributed mention${theme.unattributedMentions === 1 ? '' : 's'})` : ''}, reach ${formatReach(theme.reach)}`,
      `- Hours lost per affected developer per month: ${formatHours(theme.hoursPerDeveloperPerMonth)}${theme.hoursPerDeveloperPerMonth === null ? '' : ` (median over ${theme.developersWithTimeData} developer${theme.developersWithTimeData === 1 ? '' : 's'} with time data)`}`,
      `- Score: ${scoreText(theme)}`,
      `- Confidence: ${theme.sourceKinds.length} source kind${theme.sourceKinds.length === 1 ? '' : 's'} (${kinds(theme)})${theme.isSingleSource ? ' - single source, confirm it elsewhere' : ''}; ${theme.evidenceCount} evidence items`,
      '',
    );
    for (const quote of theme.quotes) {
      lines.push(`> ${escapeMarkdown(quote.excerpt)}`, `>`, `> - ${escapeMarkdown(quoteBy(quote))}, ${SOURCE_KIND_LABELS[quote.sourceKind].toLowerCase()}, ${quote.observedOn}`, '');
    }
  }
  return lines.join('\n');
}

/** One CSV cell: quoted when needed, and never read as a formula by a spreadsheet. */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const INVENTORY_CSV_COLUMNS = [
  'rank',
  'theme',
  'status',
  'mvp_focus',
  'quadrant',
  'affected_developers',
  'unattributed_mentions',
  'reach_percent',
  'hours_lost_per_affected_developer_per_month',
  'score_developer_hours_per_month',
  'developers_with_time_data',
  'evidence_items',
  'source_kinds',
  'single_source',
  'quote_1',
  'quote_1_by',
  'quote_2',
  'quote_2_by',
] as const;

export function inventoryToCsv(inventory: Inventory): string {
  const rows = inventory.themes.map((theme) => {
    const [first, second] = theme.quotes;
    return [
      theme.rank,
      theme.title,
      theme.status,
      theme.isMvpFocus,
      theme.quadrant ? QUADRANT_LABELS[theme.quadrant] : '',
      theme.affectedDevelopers,
      theme.unattributedMentions,
      theme.reach === null ? null : Number(round(theme.reach * 100, 1)),
      theme.hoursPerDeveloperPerMonth === null ? null : Number(round(theme.hoursPerDeveloperPerMonth)),
      theme.score === null ? null : Number(round(theme.score)),
      theme.developersWithTimeData,
      theme.evidenceCount,
      theme.sourceKinds.join(' '),
      theme.isSingleSource,
      first?.excerpt ?? null,
      first ? quoteBy(first) : null,
      second?.excerpt ?? null,
      second ? quoteBy(second) : null,
    ];
  });
  // A byte-order mark so that spreadsheet programs read the file as UTF-8.
  return `\uFEFF${[INVENTORY_CSV_COLUMNS as readonly string[], ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
