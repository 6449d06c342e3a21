// The output schemas of everything public about the roadmap: tRPC procedures, the JSON API and
// the pages built on them. Only the fields listed here leave the server (zod strips the rest),
// so a private field added to a query cannot reach a developer by accident. Pure.
import { z } from 'zod';
import { LANES } from './rules';

const lane = z.enum(LANES);

export const publicThemeSchema = z.object({ title: z.string(), affectedDevelopers: z.number().int() });

export const publicCardSchema = z.object({
  id: z.string(),
  title: z.string(),
  lane,
  targetQuarter: z.string().nullable(),
  votes: z.number().int(),
  isVotable: z.boolean(),
  themes: z.array(publicThemeSchema),
});

export const publicBoardSchema = z.object({
  updatedAt: z.date().nullable(),
  lanes: z.array(z.object({ lane, label: z.string(), items: z.array(publicCardSchema) })),
  shipped: z.array(z.object({ quarter: z.string(), label: z.string(), items: z.array(publicCardSchema) })),
});

export const publicItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  lane,
  targetQuarter: z.string().nullable(),
  votes: z.number().int(),
  isVotable: z.boolean(),
  themes: z.array(publicThemeSchema),
  updatedAt: z.date().nullable(),
  history: z.array(z.object({ fromLane: lane.nullable(), toLane: lane, changedAt: z.date() })),
  /** Developers' requests that became this item (merged or accepted, directly or through other requests). */
  requests: z.array(z.object({ id: z.string(), title: z.string() })),
});

const apiCardSchema = publicCardSchema.extend({ url: z.string() });

/** GET /api/v1/roadmap. */
export const roadmapApiSchema = z.object({
  updatedAt: z.string().nullable(),
  url: z.string(),
  lanes: z.array(z.object({ lane, label: z.string(), items: z.array(apiCardSchema) })),
  shipped: z.array(z.object({ quarter: z.string(), label: z.string(), items: z.array(apiCardSchema) })),
});

export const voteCountSchema = z.object({ votes: z.number().int() });

export const myVotesSchema = z.object({ itemIds: z.array(z.string()), requestIds: z.array(z.string()) });

export const requestStatusSchema = z.enum(['open', 'merged', 'accepted', 'declined']);

/** A request's public page: what was asked and what became of it; never who asked. */
export const publicRequestSchema = z.object({
  id: z.string(),
  title: z.string(),
  details: z.string(),
  status: requestStatusSchema,
  createdAt: z.date(),
  triagedAt: z.date().nullable(),
  declineReason: z.string().nullable(),
  isInPainInventory: z.boolean(),
  votes: z.number().int(),
  isVotable: z.boolean(),
  /** The item it was merged into or accepted as, once that item is on the public roadmap. */
  item: z.object({ id: z.string(), title: z.string(), lane }).nullable(),
  /** The request it was merged into (same ask, other words), if it was. */
  mergedInto: z.object({ id: z.string(), title: z.string() }).nullable(),
  /** Requests merged into this one, directly or through others. */
  mergedRequests: z.array(z.object({ id: z.string(), title: z.string() })),
});

export const similarSchema = z.object({
  items: z.array(z.object({ id: z.string(), title: z.string(), lane, votes: z.number().int(), isVotable: z.boolean() })),
  requests: z.array(z.object({ id: z.string(), title: z.string(), votes: z.number().int() })),
});

export const submittedRequestSchema = z.object({ id: z.string() });

/** The boards (categories) requests are filed under. */
export const publicBoardsSchema = z.array(
  z.object({ id: z.string(), slug: z.string(), name: z.string(), description: z.string(), openRequests: z.number().int() }),
);
