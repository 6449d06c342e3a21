// The outcome side of the dashboard: support load (tickets per week and category, repeat
// questions, self-service ratio), satisfaction (the quarterly survey and the in-flow ratings), and
// the ship dates of roadmap items that every trend line marks.
import type { Db } from '@/server/db';
import { getLatestSatisfactionTrend } from '@/server/surveys/service-results';
import { getTicketOverview, listRepeatQuestions } from '@/server/tickets/service';
import { dashboardWindow, quartersBetween, weekOf, weeksBetween } from './definitions';
import { markersFor, OTHER_CATEGORIES, repeatQuestionShare, selfServiceSeries, selfServiceTotal, weeklyByCategory } from './outcome-definitions';
import * as queries from './queries';
import * as outcomeQueries from './queries-outcomes';
import { cachedDelivery, deliveryKey } from './service-cache';

/** Categories drawn one by one on the ticket chart; the rest are summed as "Other categories". */
const CHART_CATEGORIES = 5;

const day = (date: Date) => date.toISOString().slice(0, 10);

export async function listShipMarkers(db: Db, input: { from?: Date } = {}) {
  const items = await outcomeQueries.listShippedItems(db, input);
  return items.map((item) => ({ id: item.id, title: item.title, shippedAt: new Date(item.shippedAt) }));
}

export async function getOutcomes(db: Db, input: { quarters: number }, now = new Date()) {
  const window = dashboardWindow(input.quarters, now);
  const weeks = weeksBetween(window.from, now);
  const quarters = quartersBetween(window.from, now);
  const ticketFilter = { from: day(window.from), to: day(now) };

  const [overview, repeats, taskWeeks, manualWorkWeeks, shipped, flows, ratingWeeks, satisfaction] = await Promise.all([
    getTicketOverview(db, ticketFilter),
    listRepeatQuestions(db, { ...ticketFilter, similarity: 'normal', minAsked: 2, limit: 10_000 }),
    cachedDelivery(db, deliveryKey('task-weeks', now, input.quarters), () => queries.taskWeeks(db, window)),
    queries.manualWorkTicketWeeks(db, window),
    listShipMarkers(db, { from: window.from }),
    outcomeQueries.listRatingFlows(db),
    outcomeQueries.weeklyRatingsByFlow(db, { from: new Date(`${weeks[0]}T00:00:00Z`) }),
    getLatestSatisfactionTrend(db),
  ]);

  const selfService = selfServiceSeries({
    weeks,
    tasks: new Map(taskWeeks.map((row) => [row.week, row])),
    manualWorkTickets: new Map(manualWorkWeeks.map((row) => [row.week, row.tickets])),
  });
  const chartCategories = overview.categories.slice(0, CHART_CATEGORIES).map((category) => category.category);
  const hasOther = overview.categories.length > CHART_CATEGORIES;

  return {
    window: { from: window.from, to: now, weeks, quarters },
    shipped: shipped.map((item) => ({ ...item, week: weekOf(item.shippedAt) })),
    markers: { weekly: markersFor(shipped, weeks, 'week'), quarterly: markersFor(shipped, quarters, 'quarter') },
    support: {
      tickets: overview.summary.ticketCount,
      requesters: overview.summary.requesterCount,
      categories: overview.categories.map((category) => ({ category: category.category, tickets: category.ticketCount, requesters: category.requesterCount })),
      chartCategories: hasOther ? [...chartCategories, OTHER_CATEGORIES] : chartCategories,
      weekly: weeklyByCategory({ weeks, rows: overview.weekly, categories: chartCategories }),
      repeatQuestions: { ...repeatQuestionShare({ tickets: overview.summary.ticketCount, clusters: repeats.clusters }), isCapped: repeats.isCapped },
      selfService: { weekly: selfService, total: selfServiceTotal(selfService) },
    },
    satisfaction: {
      survey: satisfaction && {
        id: satisfaction.surveyId,
        title: satisfaction.title,
        bands: satisfaction.bands,
        points: satisfaction.points.map((point) => ({ quarter: point.quarter, mean: point.mean, answers: point.answerCount })),
      },
      flows: flows
        .filter((flow) => ratingWeeks.some((row) => row.flowId === flow.id))
        .map((flow) => {
          const rows = new Map(ratingWeeks.filter((row) => row.flowId === flow.id).map((row) => [row.week, row]));
          return {
            key: flow.key,
            name: flow.name,
            weekly: weeks.map((week) => ({ week, mean: rows.get(week)?.mean ?? null, count: rows.get(week)?.count ?? 0 })),
          };
        }),
    },
  };
}
