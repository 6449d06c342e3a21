// Procedures of the developer directory: participants, teams and the directory CSV import.
import { z } from 'zod';
import * as fields from '@/server/fields';
import { bodyBytesForText, createRouter, editorProcedure, memberProcedure } from '@/server/trpc';
import * as service from './service';
import { getDeveloperProfile } from './service-profile';
import { MAX_BACKGROUND, MAX_TEAM_NAME } from './parse-directory-csv';
import * as queries from './queries';
import { TENURE_BANDS } from '@/server/lib/tenure';

export const MAX_DIRECTORY_FILE_CHARS = 10_000_000;

const tenureBand = z.enum(TENURE_BANDS as [string, ...string[]], {
  message: `Choose a tenure band: ${TENURE_BANDS.join(', ')}`,
}) as z.ZodType<NonNullable<queries.ParticipantValues['tenure_band']>>;

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `Keep the ${label} under ${max} characters`)
    .nullish()
    .transform((value) => (value ? value : null));

const participantInput = z.object({
  displayName: fields.personName,
  email: fields.optionalEmail,
  teamId: fields.id.nullish().transform((value) => value ?? null),
  tenureBand: tenureBand.nullish().transform((value) => value ?? null),
  background: optionalText(MAX_BACKGROUND, 'background'),
});

const directoryFile = z.object({
  text: z
    .string()
    .max(MAX_DIRECTORY_FILE_CHARS, 'The file is larger than 10 MB. Split it into smaller files.'),
});

/** Rows selected in the directory for a bulk action: a page holds at most 500. */
const selectedIds = z.array(fields.id).min(1, 'Select at least one developer').max(500, 'Select at most 500 developers at once');

const teamName = z
  .string({ message: 'Enter a team name' })
  .trim()
  .min(1, 'Enter a team name')
  .max(MAX_TEAM_NAME, `Keep the team name under ${MAX_TEAM_NAME} characters`);

export const participantsRouter = createRouter({
  list: memberProcedure
    .input(
      z.object({
        search: z.string().trim().max(200).optional(),
        teamId: fields.id.optional(),
        tenureBand: tenureBand.optional(),
        background: z.string().trim().max(MAX_BACKGROUND).optional(),
        status: z.enum(['active', 'archived', 'all']).default('active'),
        sort: z.enum(queries.SORT_KEYS).default('name'),
        direction: z.enum(['asc', 'desc']).default('asc'),
        limit: z.number().int().min(1).max(500).default(50),
        offset: z.number().int().min(0).default(0),
      }),
    )
    .query(({ ctx, input }) => queries.listParticipants(ctx.db, input)),

  get: memberProcedure
    .input(z.object({ id: fields.id }))
    .query(({ ctx, input }) => queries.getParticipant(ctx.db, input).then((row) => row ?? null)),

  /** A developer's page: interviews, shadowing, tickets, evidence and the pain themes they are affected by. */
  profile: memberProcedure.input(z.object({ id: fields.id })).query(({ ctx, input }) => getDeveloperProfile(ctx.db, input)),

  backgrounds: memberProcedure.query(({ ctx }) => queries.listBackgrounds(ctx.db)),

  create: editorProcedure.input(participantInput).mutation(({ ctx, input }) => service.createParticipant(ctx.db, input)),

  update: editorProcedure
    .input(participantInput.extend({ id: fields.id }))
    .mutation(({ ctx, input }) => service.editParticipant(ctx.db, input)),

  setArchived: editorProcedure
    .input(z.object({ id: fields.id, isArchived: z.boolean() }))
    .mutation(({ ctx, input }) => service.archiveParticipant(ctx.db, input)),

  archiveMany: editorProcedure
    .input(z.object({ ids: selectedIds, isArchived: z.boolean() }))
    .mutation(({ ctx, input }) => service.archiveParticipants(ctx.db, input)),

  moveToTeam: editorProcedure
    .input(z.object({ ids: selectedIds, teamId: fields.id.nullable() }))
    .mutation(({ ctx, input }) => service.moveParticipantsToTeam(ctx.db, input)),

  previewImport: editorProcedure
    .meta({ access: 'editor', maxBodyBytes: bodyBytesForText(MAX_DIRECTORY_FILE_CHARS) })
    .input(directoryFile)
    .mutation(({ ctx, input }) => service.previewDirectoryImport(ctx.db, input)),

  import: editorProcedure
    .meta({ access: 'editor', maxBodyBytes: bodyBytesForText(MAX_DIRECTORY_FILE_CHARS) })
    .input(directoryFile.extend({ skipBadRows: z.boolean().default(false) }))
    .mutation(({ ctx, input }) => service.importDirectory(ctx.db, input)),
});

export const teamsRouter = createRouter({
  list: memberProcedure.query(({ ctx }) => queries.listTeams(ctx.db)),

  create: editorProcedure.input(z.object({ name: teamName })).mutation(({ ctx, input }) => service.createTeam(ctx.db, input)),

  rename: editorProcedure
    .input(z.object({ id: fields.id, name: teamName }))
    .mutation(({ ctx, input }) => service.renameTeam(ctx.db, input)),

  delete: editorProcedure
    .input(z.object({ id: fields.id, moveMembersTo: fields.id.nullable().optional() }))
    .mutation(({ ctx, input }) => service.deleteTeam(ctx.db, input)),
});
