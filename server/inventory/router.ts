// Procedures of the pain inventory: the ranked page, exports, snapshots and share links, and the
// public view behind a share link (its output schema is the privacy guard: no names, no ids).
import { z } from 'zod';
import * as fields from '@/server/fields';
import { snapshotThemeSchema } from './compare-snapshot';
import { INVENTORY_SORTS, inventoryFilterSchema } from './inventory-params';
import { QUADRANTS } from './inventory-model';
import { SOURCE_KINDS } from '@/server/evidence/rules';
import { createRouter, editorProcedure, memberProcedure, publicProcedure } from '@/server/trpc';
import * as service from './service';

const filter = inventoryFilterSchema.default({});
const sort = z.enum(INVENTORY_SORTS, { message: `Sort by one of: ${INVENTORY_SORTS.join(', ')}` }).default('score');

const snapshotTitle = z
  .string({ message: 'Name the snapshot' })
  .trim()
  .min(1, 'Name the snapshot, e.g. "Baseline before the MVP, Q3"')
  .max(200, 'Keep the name under 200 characters');

const shareLabel = z
  .string({ message: 'Say who the link is for' })
  .trim()
  .min(1, 'Say who the link is for, e.g. "Engineering leadership review"')
  .max(120, 'Keep the label under 120 characters');

/** A share token as newToken() makes them; anything else is not a link of ours. */
const shareToken = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'This link is not valid.');

const publicQuote = z.object({
  excerpt: z.string(),
  attribution: z.string(),
  sourceKind: z.enum(SOURCE_KINDS),
  observedOn: z.string(),
});

const publicTheme = snapshotThemeSchema.omit({ themeId: true, status: true }).extend({
  quadrant: z.enum(QUADRANTS).nullable(),
  quotes: z.array(publicQuote),
});

export const sharedInventoryOutput = z.object({
  label: z.string(),
  inventory: z.object({
    filterLabel: z.string(),
    directorySize: z.number(),
    themesWithoutEvidence: z.number(),
    splits: z.object({ developers: z.number(), hours: z.number() }).nullable(),
    generatedAt: z.date(),
    themes: z.array(publicTheme),
  }),
});

export const inventoryRouter = createRouter({
  view: memberProcedure
    .input(z.object({ filter, sort, page: z.number().int().min(1).max(10_000).default(1) }))
    .query(({ ctx, input }) => service.getInventoryPage(ctx.db, input)),

  export: memberProcedure
    .input(z.object({ filter, sort, format: z.enum(['markdown', 'csv'], { message: 'Export as markdown or csv' }), hasNames: z.boolean().default(false) }))
    .query(({ ctx, input }) => service.exportInventory(ctx.db, input)),

  snapshots: memberProcedure.query(({ ctx }) => service.listSnapshots(ctx.db)),

  snapshot: memberProcedure.input(z.object({ id: fields.id })).query(({ ctx, input }) => service.compareSnapshot(ctx.db, input)),

  freeze: editorProcedure
    .input(z.object({ title: snapshotTitle, filter }))
    .mutation(({ ctx, input }) => service.freezeSnapshot(ctx.db, { ...input, takenBy: ctx.user.id })),

  shares: editorProcedure.query(({ ctx }) => service.listShares(ctx.db)),

  createShare: editorProcedure
    .input(z.object({ label: shareLabel, filter }))
    .mutation(({ ctx, input }) => service.createShare(ctx.db, { ...input, createdBy: ctx.user.id })),

  revokeShare: editorProcedure.input(z.object({ id: fields.id })).mutation(({ ctx, input }) => service.revokeShare(ctx.db, input)),
});

export const sharedInventoryRouter = createRouter({
  view: publicProcedure
    .meta({ access: 'public', rateLimit: service.SHARE_VIEW_LIMIT })
    .input(z.object({ token: shareToken }))
    .output(sharedInventoryOutput)
    .query(({ ctx, input }) => service.viewSharedInventory(ctx.db, { token: input.token })),
});
