// DORA performance bands read from a versioned configuration file (YAML), never hard-coded in
// logic. Pure: the file's text in, a checked configuration or an error naming the line out.
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { z } from 'zod';

export const DORA_METRICS = ['deployment_frequency', 'lead_time_hours', 'change_failure_rate', 'recovery_hours'] as const;
export type DoraMetric = (typeof DORA_METRICS)[number];
export const BAND_NAMES = ['elite', 'high', 'medium', 'low'] as const;
export type BandName = (typeof BAND_NAMES)[number];

const bandSchema = z
  .object({
    band: z.enum(BAND_NAMES, { message: `band must be one of ${BAND_NAMES.join(', ')}` }),
    published: z.string({ message: 'published is required: the words the report uses for this cluster' }).trim().min(1, 'published is required'),
    at_least: z.number({ message: 'at_least must be a number' }).min(0, 'at_least cannot be negative').optional(),
    at_most: z.number({ message: 'at_most must be a number' }).min(0, 'at_most cannot be negative').optional(),
  })
  .strict()
  .superRefine((band, ctx) => {
    if (band.at_least === undefined && band.at_most === undefined) {
      ctx.addIssue({ code: 'custom', path: ['at_most'], message: 'give at_least, at_most or both: the values this cluster covers' });
    }
    if (band.at_least !== undefined && band.at_most !== undefined && band.at_least > band.at_most) {
      ctx.addIssue({ code: 'custom', path: ['at_least'], message: 'at_least is above at_most' });
    }
  });

const metricSchema = z
  .object({
    label: z.string({ message: 'label is required' }).min(1),
    unit: z.string({ message: 'unit is required' }).min(1),
    better: z.enum(['higher', 'lower'], { message: 'better must be "higher" or "lower"' }),
    bands: z.array(bandSchema).min(1, 'list at least one band'),
  })
  .strict()
  .superRefine((metric, ctx) => {
    metric.bands.forEach((band, index) => {
      const previous = metric.bands[index - 1];
      if (previous && BAND_NAMES.indexOf(band.band) <= BAND_NAMES.indexOf(previous.band)) {
        ctx.addIssue({ code: 'custom', path: ['bands', index, 'band'], message: `list the bands best first, each once (${BAND_NAMES.join(', ')})` });
      }
    });
  });

const configSchema = z
  .object({
    version: z.union([z.number(), z.string()], { message: 'version is required' }),
    source: z.string().optional(),
    metrics: z.object(Object.fromEntries(DORA_METRICS.map((metric) => [metric, metricSchema])) as Record<DoraMetric, typeof metricSchema>).strict(),
  })
  .strict();

export type DoraBands = z.infer<typeof configSchema>;

export class BandsFileError extends Error {
  constructor(fileName: string, line: number | null, message: string) {
    super(`DORA bands file ${fileName}${line ? `, line ${line}` : ''}: ${message}`);
    this.name = 'BandsFileError';
  }
}

/** The YAML node at a path, to point an error at its line. */
function nodeAt(root: Node | null, path: PropertyKey[]): Node | null {
  let node: Node | null = root;
  let found: Node | null = root;
  for (const key of path) {
    if (isMap(node)) node = (node.get(key as string, true) as Node | undefined) ?? null;
    else if (isSeq(node)) node = (node.get(key as number, true) as Node | undefined) ?? null;
    else node = null;
    if (!node) break;
    found = node;
  }
  return found;
}

export function parseDoraBands(text: string, fileName: string): DoraBands {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    const [error] = document.errors;
    throw new BandsFileError(fileName, lineCounter.linePos(error.pos[0]).line, error.message.split('\n')[0]);
  }
  const result = configSchema.safeParse(document.toJS());
  if (!result.success) {
    const [issue] = result.error.issues;
    const node = nodeAt(document.contents as Node | null, issue.path);
    const line = node?.range ? lineCounter.linePos(node.range[0]).line : null;
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    throw new BandsFileError(fileName, line, `${where}${issue.message}`);
  }
  return result.data;
}

export type BandRange = { at_least?: number; at_most?: number };

/** What placing a value needs of a configuration: each metric's bands, best first. */
export type BandsLike = { metrics: Record<DoraMetric, { bands: (BandRange & { band: BandName })[] }> };

const holds = (range: BandRange, value: number) => (range.at_least === undefined || value >= range.at_least) && (range.at_most === undefined || value <= range.at_most);
const sameRange = (a: BandRange, b: BandRange) => a.at_least === b.at_least && a.at_most === b.at_most;
const inside = (inner: BandRange, outer: BandRange) =>
  (outer.at_least === undefined || (inner.at_least !== undefined && inner.at_least >= outer.at_least)) &&
  (outer.at_most === undefined || (inner.at_most !== undefined && inner.at_most <= outer.at_most));

/**
 * Where a value sits among the published clusters: the best band whose range holds it, and any
 * band that publishes the very same range (the clusters do not tell them apart). `band` is null
 * when no cluster covers the value: a gap, which the page names instead of inventing a band.
 */
export interface Placement {
  band: BandName | null;
  /** Worse bands with the same published range as `band`: "high or medium". */
  tiedWith: BandName[];
}

/** The placement of a value, or null when the value is unknown (no data in the period). */
export function placeValue(bands: BandsLike, metric: DoraMetric, value: number | null): Placement | null {
  if (value === null || Number.isNaN(value)) return null;
  const list = bands.metrics[metric].bands;
  const best = list.find((band) => holds(band, value));
  if (!best) return { band: null, tiedWith: [] };
  return { band: best.band, tiedWith: list.filter((band) => band !== best && sameRange(band, best)).map((band) => band.band) };
}

/** The band a value falls in; null when the value is unknown or in a gap between the clusters. */
export function bandFor(bands: BandsLike, metric: DoraMetric, value: number | null): BandName | null {
  return placeValue(bands, metric, value)?.band ?? null;
}

export interface BandNotes {
  /** Values no published cluster covers, from `from` to `to` (null: without end). */
  gaps: { from: number; to: number | null }[];
  /** A worse band that can never be reached: it publishes the same range as a better one, or a range inside it. */
  overlaps: { better: BandName; worse: BandName; isSameRange: boolean }[];
}

/** Where the published clusters of a metric leave a gap or overlap: what the page notes. */
export function bandNotes(bands: BandsLike, metric: DoraMetric): BandNotes {
  const list = bands.metrics[metric].bands;
  const points = [...new Set([0, ...list.flatMap((band) => [band.at_least, band.at_most]).filter((value): value is number => value !== undefined)])].sort((a, b) => a - b);
  const covered = (value: number) => list.some((band) => holds(band, value));
  const gaps: BandNotes['gaps'] = [];
  const add = (from: number, to: number | null) => {
    const last = gaps.at(-1);
    if (last && last.to === from) last.to = to;
    else gaps.push({ from, to });
  };
  points.forEach((point, index) => {
    const next = points[index + 1];
    if (next === undefined) {
      if (!covered(point + 1)) add(point, null);
    } else if (!covered((point + next) / 2)) add(point, next);
  });
  const overlaps: BandNotes['overlaps'] = [];
  list.forEach((worse, index) => {
    const better = list.slice(0, index).find((candidate) => inside(worse, candidate));
    if (better) overlaps.push({ better: better.band, worse: worse.band, isSameRange: sameRange(better, worse) });
  });
  return { gaps, overlaps };
}
