// The ranked inventory is an aggregation over every evidence row (hundreds of milliseconds at
// 200,000 rows), read far more often than its inputs change: results are cached per question
// (filter, sort, page) under the version of evidence, tags, themes, participants and teams.
import { changeLogHooks } from '@/server/change-log/queries';
import type { Db } from '@/server/db';
import { createVersionedCache } from '@/server/lib/versioned-cache';

export const cachedInventory = createVersionedCache<Db>(changeLogHooks('inventory_changes'));
