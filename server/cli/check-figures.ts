// `npm run check:figures`: recomputes the ranking's maintained figures (theme_developer_figures
// and theme_figures) from the evidence, and the delivery dashboard's (delivery_figures and the
// per-quarter medians, migration 0940) from the deployments, and compares them with what is
// stored; exits non-zero and names the themes and periods that differ. Meant for a nightly job; a
// difference means a write path the triggers do not see. With --repair, differing themes are
// recomputed whole from their evidence, and drifted delivery figures all from the deployments.
import { createDb } from '@/db/create-db';
import { getDbConfig } from '@/server/db';
import { currentWindowMonths, findDriftedThemeFigures, markThemesStale, refreshThemeFigures } from '@/server/inventory/queries-figures';
import { findDriftedDeliveryFigures, rebuildDeliveryFigures } from '@/server/metrics/queries-figures';

async function main() {
  const repair = process.argv.includes('--repair');
  const config = getDbConfig();
  // A nightly job recomputing everything: the app's per-statement bound is not meant for it.
  const handle = await createDb(config.kind === 'postgres' ? { ...config, statementTimeoutMs: undefined } : config);
  try {
    let started = performance.now();
    const windowMonths = await currentWindowMonths(handle.db);
    const drifted = await findDriftedThemeFigures(handle.db, { windowMonths });
    let ms = Math.round(performance.now() - started);
    if (drifted.length === 0) {
      console.log(`Ranking figures match a full recomputation (${ms} ms).`);
    } else {
      console.error(`Ranking figures differ from a full recomputation for ${drifted.length} theme(s): ${drifted.join(', ')}`);
      if (repair) {
        await markThemesStale(handle.db, drifted);
        await refreshThemeFigures(handle.db, { windowMonths });
        console.error('Marked stale and recomputed.');
      }
      process.exitCode = 1;
    }

    started = performance.now();
    const periods = await findDriftedDeliveryFigures(handle.db);
    ms = Math.round(performance.now() - started);
    if (periods.length === 0) {
      console.log(`Delivery figures match a full recomputation (${ms} ms).`);
    } else {
      console.error(`Delivery figures differ from a full recomputation in ${periods.length} period(s): ${periods.join(', ')}`);
      if (repair) {
        await rebuildDeliveryFigures(handle.db);
        console.error('Recomputed from the deployments.');
      }
      process.exitCode = 1;
    }
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
