// The dashboard's delivery figures aggregate every deployment in the window (about a second at one
// million events), and are read far more often than deployments arrive: they are cached per
// question under the version of deployments, delivery services and teams (migration 0630). The
// key holds the UTC day too, so the window and its weeks move on at midnight.
import { changeLogHooks } from '@/server/change-log/queries';
import type { Db } from '@/server/db';
import { createVersionedCache } from '@/server/lib/versioned-cache';

export const cachedDelivery = createVersionedCache<Db>(changeLogHooks('delivery_changes'));

export const deliveryKey = (name: string, now: Date, ...parts: unknown[]) => JSON.stringify([name, now.toISOString().slice(0, 10), ...parts]);
