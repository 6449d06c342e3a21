// Delivery and platform task events as senders post them (API or CSV): validation with every problem named by the
// event's index and field, so a batch is accepted whole or refused whole. Pure.
import { z } from 'zod';

export const MAX_EVENTS_PER_BATCH = 100_000;

const text = (label: string, max: number) =>
  z.string({ message: `${label} is required` }).trim().min(1, `${label} is required`).max(max, `${label} is longer than ${max} characters`);

const timestamp = (label: string) =>
  z.iso
    .datetime({ offset: true, message: `${label} must be an ISO 8601 time with a zone, like 2026-03-31T14:05:00Z` })
    .transform((value) => new Date(value));

export const deploymentEventSchema = z
  .object({
    eventId: text('eventId', 200),
    service: text('service', 200),
    team: text('team', 80).nullish(),
    viaPlatform: z.boolean({ message: 'viaPlatform must be true or false' }),
    commitAt: timestamp('commitAt'),
    deployedAt: timestamp('deployedAt'),
    outcome: z.enum(['success', 'failure'], { message: 'outcome must be "success" or "failure"' }),
    recoveredAt: timestamp('recoveredAt').nullish(),
  })
  .superRefine((event, ctx) => {
    if (event.deployedAt < event.commitAt) {
      ctx.addIssue({ code: 'custom', path: ['deployedAt'], message: 'deployedAt is before commitAt: a change cannot deploy before it is committed' });
    }
    if (event.recoveredAt && event.outcome !== 'failure') {
      ctx.addIssue({ code: 'custom', path: ['recoveredAt'], message: 'recoveredAt is only for failed deployments' });
    }
    if (event.recoveredAt && event.recoveredAt < event.deployedAt) {
      ctx.addIssue({ code: 'custom', path: ['recoveredAt'], message: 'recoveredAt is before deployedAt: recovery cannot come before the failure' });
    }
  });

export const serviceEventSchema = z.object({
  eventId: text('eventId', 200),
  service: text('service', 200),
  team: text('team', 80).nullish(),
  createdAt: timestamp('createdAt'),
});

/** A platform task (create a database, get access, a DNS record…): done self-service, or after waiting for a person. */
export const taskEventSchema = z.object({
  eventId: text('eventId', 200),
  task: text('task', 200),
  team: text('team', 80).nullish(),
  selfService: z.boolean({ message: 'selfService must be true or false' }),
  completedAt: timestamp('completedAt'),
});

export type DeploymentEvent = z.infer<typeof deploymentEventSchema>;
export type TaskEvent = z.infer<typeof taskEventSchema>;
export type ServiceEvent = z.infer<typeof serviceEventSchema>;

export interface EventProblem {
  index: number;
  field: string | null;
  message: string;
}

/** A single event object, an array, or { events: [...] }: every event valid, or every problem listed. */
export function validateEventBatch<T>(
  body: unknown,
  schema: z.ZodType<T>,
): { events: T[]; problems: EventProblem[] } {
  const list = Array.isArray(body) ? body : body && typeof body === 'object' && Array.isArray((body as { events?: unknown }).events) ? (body as { events: unknown[] }).events : [body];
  if (list.length === 0) return { events: [], problems: [{ index: 0, field: null, message: 'The batch is empty: send at least one event.' }] };
  if (list.length > MAX_EVENTS_PER_BATCH) {
    return {
      events: [],
      problems: [{ index: MAX_EVENTS_PER_BATCH, field: null, message: `The batch has ${list.length} events; the limit is ${MAX_EVENTS_PER_BATCH} per request.` }],
    };
  }
  const events: T[] = [];
  const problems: EventProblem[] = [];
  const firstIndexOfId = new Map<string, number>();
  list.forEach((raw, index) => {
    const result = schema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push({ index, field: issue.path.join('.') || null, message: issue.message });
      }
      return;
    }
    const eventId = (result.data as { eventId: string }).eventId;
    const earlier = firstIndexOfId.get(eventId);
    if (earlier !== undefined) {
      problems.push({ index, field: 'eventId', message: `eventId "${eventId}" already appears at index ${earlier} of this batch` });
      return;
    }
    firstIndexOfId.set(eventId, index);
    events.push(result.data);
  });
  return problems.length > 0 ? { events: [], problems } : { events, problems };
}
