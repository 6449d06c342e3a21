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
    at_least: z.number({ message: 'at_least must be a number' }).min(0, 'at_least cannot be negative').optional(),
    at_most: z.number({ message: 'at_most must be a number' }).min(0, 'at_most cannot be negative').optional(),
  })
  .strict();

const metricSchema = z
  .object({
    label: z.string({ message: 'label is required' }).min(1),
    unit: z.string({ message: 'unit is required' }).min(1),
    better: z.enum(['higher', 'lower'], { message: 'better must be "higher" or "lower"' }),
    bands: z.array(bandSchema).min(1, 'list at least one band'),
  })
  .strict()
  .superRefine((metric, ctx) => {
    const limit = metric.better === 'higher' ? 'at_least' : 'at_most';
    metric.bands.forEach((band, index) => {
      const isLast = index === metric.bands.length - 1;
      if (band[limit] === undefined && !(metric.better === 'lower' && isLast)) {
        ctx.addIssue({ code: 'custom', path: ['bands', index, limit], message: `${limit} is required for this band` });
      }
      const other = metric.better === 'higher' ? 'at_most' : 'at_least';
      if (band[other] !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['bands', index, other], message: `use ${limit} here: lower is ${metric.better === 'lower' ? 'better' : 'worse'}` });
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

/** The band a value falls in, or null when the value is unknown (no data in the period). */
export function bandFor(bands: DoraBands, metric: DoraMetric, value: number | null): BandName | null {
  if (value === null || Number.isNaN(value)) return null;
  const config = bands.metrics[metric];
  for (const band of config.bands) {
    if (config.better === 'higher' ? value >= (band.at_least ?? 0) : band.at_most === undefined || value <= band.at_most) return band.band;
  }
  return config.bands[config.bands.length - 1].band;
}
