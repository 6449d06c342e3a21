// Tickets: the overview of the Tickets page (top categories, weekly volume), repeat-question
// clusters, editable category rules (re-applied to every ticket when they change), and turning
// tickets into evidence in one step: each ticket one evidence item, attributed to its requester,
// with no time of its own unless the PM enters minutes: how long a ticket stayed open is context,
// not time lost (DESIGN.md "Ticket time is not wait time").
import type { Db } from '@/server/db';
import { AppError } from '@/server/errors';
import { getThemeNumbers } from '@/server/inventory/service-ranking';
import { saveEvidenceItems, tagEvidence } from '@/server/themes/service-tagging';
import { categorize, compileRules, MAX_RULES } from './categorize';
import { clusterQuestions } from './cluster-questions';
import { findSimilarPairs } from './similar-titles';
import * as queries from './queries';
import * as reads from './queries-read';
import { loadTicketSource } from './service-evidence-source';
import { ticketTimes, type TicketTimeChoice } from './service-ticket-time';
import { waitMinutes } from './wait-time';

export const MAX_CLUSTER_TITLES = 2000;
export const SIMILARITY = { strict: 0.7, normal: 0.5, loose: 0.35 } as const;
export type Similarity = keyof typeof SIMILARITY;

export async function getTicketOverview(db: Db, filter: reads.TicketFilter) {
  const [summary, categories, weekly] = await Promise.all([
    reads.summarizeTickets(db, filter),
    reads.listTopCategories(db, { ...filter, limit: 12 }),
    reads.listWeeklyVolume(db, filter),
  ]);
  return { summary, categories, weekly };
}

export async function listRepeatQuestions(db: Db, input: reads.TicketFilter & { similarity: Similarity; minAsked: number; limit: number }) {
  const found = await reads.listQuestionNodes(db, { ...input, limit: MAX_CLUSTER_TITLES });
  const nodes = found ?? [];
  const pairs = findSimilarPairs(nodes.map((node) => node.norm), SIMILARITY[input.similarity]);
  const clusters = clusterQuestions({
    nodes: nodes.map((node) => ({
      norm: node.norm,
      title: node.title,
      ticketIds: node.ticketIds,
      requesterKeys: node.requesterKeys.filter((key): key is string => key !== null),
      categories: node.categories.filter((category): category is string => category !== null),
      firstOpened: node.firstOpened,
      lastOpened: node.lastOpened,
    })),
    pairs,
    minAsked: input.minAsked,
  }).slice(0, input.limit);

  // Which themes each cluster already feeds, with the numbers the pain inventory shows for them.
  const tagged = await reads.findTicketIdsInThemes(db, { ticketIds: clusters.flatMap((cluster) => cluster.ticketIds) });
  const themesOfTicket = new Map<string, Set<string>>();
  for (const row of tagged) {
    const set = themesOfTicket.get(row.source_id) ?? new Set<string>();
    set.add(row.theme_id);
    themesOfTicket.set(row.source_id, set);
  }
  const themeIds = [...new Set(tagged.map((row) => row.theme_id))];
  const numbers = await getThemeNumbers(db, { themeIds });
  const titles = new Map((await reads.listThemeTitles(db, { ids: themeIds })).map((theme) => [theme.id, theme.title]));
  return {
    isCapped: nodes.length >= MAX_CLUSTER_TITLES,
    /** Reading the titles ran out of time: no clusters are shown, and the page says so. */
    isTimedOut: found === null,
    clusters: clusters.map((cluster) => {
      const ids = new Set(cluster.ticketIds.flatMap((id) => [...(themesOfTicket.get(id) ?? [])]));
      const inEvidence = cluster.ticketIds.filter((id) => themesOfTicket.has(id)).length;
      return {
        ...cluster,
        ticketsInThemes: inEvidence,
        themes: [...ids].map((id) => {
          const theme = numbers.get(id);
          return {
            id,
            title: titles.get(id) ?? theme?.title ?? '',
            affectedDevelopers: theme?.affectedDevelopers ?? 0,
            unattributedMentions: theme?.unattributedMentions ?? 0,
            hoursPerDeveloperPerMonth: theme?.hoursPerDeveloperPerMonth ?? null,
            score: theme?.score ?? null,
            evidenceCount: theme?.evidenceCount ?? 0,
          };
        }),
      };
    }),
  };
}

export async function getTicket(db: Db, input: { id: string }) {
  const row = await reads.getTicket(db, input);
  if (!row) throw new AppError('NOT_FOUND', 'This ticket is no longer here. It may have been removed by rolling back its import.');
  const evidence = await reads.findTicketEvidence(db, { ticketIds: [row.id] });
  return { ...row, waitMinutes: waitMinutes(row.openedAt, row.resolvedAt), evidenceIds: evidence.map((item) => item.id) };
}

/**
 * Turns tickets into evidence tagged to themes. A ticket that is already evidence keeps its one
 * item, which is tagged into the themes too, so doing this twice changes nothing.
 */
export async function ticketsToEvidence(
  db: Db,
  input: {
    ticketIds: string[];
    themeIds: string[];
    newThemeTitle: string | null;
    minutesLost: number | null;
    /** How new items get their time (service-ticket-time.ts); by default the minutes typed, or none. */
    timeChoice?: TicketTimeChoice;
    createdBy: string;
  },
) {
  const ids = [...new Set(input.ticketIds)];
  if (input.themeIds.length === 0 && !input.newThemeTitle) {
    throw new AppError('BAD_REQUEST', 'Choose a pain theme, or write a new one.', { field: 'themeIds' });
  }
  const tickets = await reads.findTicketsForEvidence(db, { ids });
  if (tickets.length < ids.length) {
    throw new AppError('NOT_FOUND', `${ids.length - tickets.length} of the selected tickets are no longer here. Reload and select again.`, { field: 'ticketIds' });
  }
  const existing = new Map<string, string>();
  for (const item of await reads.findTicketEvidence(db, { ticketIds: ids })) if (!existing.has(item.source_id)) existing.set(item.source_id, item.id);
  const fresh = tickets.filter((ticket) => !existing.has(ticket.id));
  const times = await ticketTimes(db, {
    tickets: fresh,
    choice: input.timeChoice ?? (input.minutesLost === null ? 'none' : 'entered'),
    minutesLost: input.minutesLost,
  });
  let themeIds = input.themeIds;
  let created: string[] = [];
  if (fresh.length > 0 || input.newThemeTitle) {
    // The tickets' own loader: the registry (server/evidence-intake) imports this folder.
    const result = await saveEvidenceItems(
      db,
      {
        items: fresh.map((ticket) => ({
          sourceKind: 'ticket' as const,
          sourceId: ticket.id,
          excerpt: ticket.title,
          ...times.get(ticket.id),
        })),
        themeIds: input.themeIds,
        newThemeTitle: input.newThemeTitle,
        createdBy: input.createdBy,
      },
      { ticket: loadTicketSource },
    );
    themeIds = result.themeIds;
    created = result.ids;
  }
  const reused = [...existing.values()];
  if (reused.length > 0) await tagEvidence(db, { evidenceIds: reused, themeIds });
  const numbers = await getThemeNumbers(db, { themeIds });
  return {
    created: created.length,
    alreadyEvidence: reused.length,
    themes: themeIds.map((id) => {
      const theme = numbers.get(id);
      return { id, title: theme?.title ?? '', affectedDevelopers: theme?.affectedDevelopers ?? 0, score: theme?.score ?? null };
    }),
  };
}

// ---- Category rules ----------------------------------------------------------------------------

const CATEGORIZE_PAGE = 2000;

/** Applies the rules to every ticket again, a page at a time, writing only what changed. */
async function recategorizeAll(db: Db): Promise<number> {
  const compiled = compileRules((await queries.listRules(db)).map((rule) => ({ matchOn: rule.matchOn, pattern: rule.pattern, category: rule.category })));
  let afterId: string | null = null;
  let changed = 0;
  for (;;) {
    const page = await queries.listTicketsForCategorizing(db, { afterId, limit: CATEGORIZE_PAGE });
    if (page.length === 0) break;
    const updates = page
      .map((ticket) => ({ id: ticket.id, before: ticket.category, category: categorize({ ...ticket, exportCategory: ticket.export_category }, compiled) }))
      .filter((ticket) => ticket.category !== ticket.before)
      .map(({ id, category }) => ({ id, category }));
    await queries.setCategories(db, { rows: updates });
    changed += updates.length;
    afterId = page[page.length - 1].id;
  }
  return changed;
}

export async function addRule(db: Db, input: { matchOn: 'keyword' | 'label'; pattern: string; category: string; createdBy: string }) {
  return db.transaction().execute(async (trx) => {
    if ((await queries.countRules(trx)) >= MAX_RULES) throw new AppError('BAD_REQUEST', `Keep at most ${MAX_RULES} category rules.`);
    const rule = await queries.insertRule(trx, input);
    const recategorized = await recategorizeAll(trx);
    return { id: rule.id, recategorized };
  });
}

export async function removeRule(db: Db, input: { id: string }) {
  return db.transaction().execute(async (trx) => {
    if (!(await queries.deleteRule(trx, input))) throw new AppError('NOT_FOUND', 'This rule no longer exists.');
    return { recategorized: await recategorizeAll(trx) };
  });
}
