// Procedures for outbound webhooks: admins only.
import { z } from 'zod';
import * as fields from '@/server/fields';
import { adminProcedure, createRouter } from '@/server/trpc';
import * as queries from './queries';
import { webhookNameSchema, webhookUrlSchema } from './rules';
import * as service from './service';

const settings = {
  name: webhookNameSchema,
  url: webhookUrlSchema,
  onNewRequest: z.boolean(),
  onLaneChange: z.boolean(),
};

export const webhooksRouter = createRouter({
  list: adminProcedure.query(({ ctx }) => queries.listWebhooks(ctx.db)),

  deliveries: adminProcedure
    .input(z.object({ limit: z.number().int().min(1).max(200).default(50) }).optional())
    .query(({ ctx, input }) => service.listDeliveries(ctx.db, { limit: input?.limit ?? 50 })),

  create: adminProcedure
    .input(z.object(settings))
    .mutation(({ ctx, input }) => service.createWebhook(ctx.db, { ...input, createdBy: ctx.user.id })),

  update: adminProcedure
    .input(z.object({ id: fields.id, ...settings, isActive: z.boolean() }))
    .mutation(({ ctx, input }) => service.updateWebhook(ctx.db, input)),

  rotateSecret: adminProcedure.input(z.object({ id: fields.id })).mutation(({ ctx, input }) => service.rotateWebhookSecret(ctx.db, input)),

  delete: adminProcedure.input(z.object({ id: fields.id })).mutation(({ ctx, input }) => service.deleteWebhook(ctx.db, input)),

  sendTest: adminProcedure
    .input(z.object({ id: fields.id }))
    .mutation(({ ctx, input }) => service.sendTestMessage(ctx.db, { id: input.id, by: ctx.user.name })),

  settings: adminProcedure
    .output(z.object({ allowPrivateTargets: z.boolean() }))
    .query(({ ctx }) => service.getWebhookSettings(ctx.db)),

  setAllowPrivateTargets: adminProcedure
    .input(z.object({ isAllowed: z.boolean() }))
    .mutation(({ ctx, input }) => service.setAllowPrivateTargets(ctx.db, input)),

  retry: adminProcedure.input(z.object({ id: fields.id })).mutation(({ ctx, input }) => service.retryDelivery(ctx.db, input)),
});
