// The adoption headline: one figure, one definition, one label, read by Home and by the metrics
// page alike (DESIGN.md: services whose latest deployment went through the platform, over the
// services that deployed), for the last full week, with the week before to say which way it moved.
import type { Db } from '@/server/db';
import { ADOPTION_EXPLANATION, ADOPTION_LABEL, ADOPTION_TARGET, adoptionSeries, adoptionStatus, weekOf } from './definitions';
import { reviewWeeks } from './review-weeks';
import * as queries from './queries';
import { cachedDelivery, deliveryKey } from './service-cache';

async function computeAdoptionHeadline(db: Db, input: { teamId?: string }, now: Date) {
  const weeks = reviewWeeks(now);
  const [rows, extent] = await Promise.all([
    queries.adoptionRows(db, { from: weeks.weekBefore.start, to: weeks.lastWeek.end, teamId: input.teamId, period: 'week' }),
    queries.deliveryExtent(db),
  ]);
  const [before, last] = adoptionSeries(rows, [weekOf(weeks.weekBefore.start), weekOf(weeks.lastWeek.start)]);
  return {
    hasDeliveryData: extent.first !== null,
    label: ADOPTION_LABEL,
    explanation: ADOPTION_EXPLANATION,
    week: weeks.lastWeek,
    services: last.services,
    platformServices: last.platformServices,
    serviceShare: last.serviceShare,
    previousServiceShare: before.serviceShare,
    deployments: last.deployments,
    platformDeployments: last.platformDeployments,
    deploymentShare: last.deploymentShare,
    target: ADOPTION_TARGET,
    status: adoptionStatus(last.serviceShare),
  };
}

export function getAdoptionHeadline(db: Db, input: { teamId?: string } = {}, now = new Date()) {
  return cachedDelivery(db, deliveryKey('adoption-headline', now, input.teamId ?? null), () => computeAdoptionHeadline(db, input, now));
}
