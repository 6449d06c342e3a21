// `npm run check:figures`: recomputes the ranking's maintained figures (theme_figures) from the
// evidence and compares them with what is stored; exits non-zero and names the themes that
// differ. Meant for a nightly job; a difference means a write path the triggers do not see.
// With --repair, differing themes are marked stale so that the next read recomputes them.
import { sql } from 'kysely';
import { createDb } from '@/db/create-db';
import { getDbConfig } from '@/server/db';
import { findDriftedThemeFigures, refreshThemeFigures } from '@/server/inventory/queries-figures';

async function main() {
  const repair = process.argv.includes('--repair');
  const handle = await createDb(getDbConfig());
  try {
    const started = performance.now();
    const drifted = await findDriftedThemeFigures(handle.db);
    const ms = Math.round(performance.now() - started);
    if (drifted.length === 0) {
      console.log(`Ranking figures match a full recomputation (${ms} ms).`);
      return;
    }
    console.error(`Ranking figures differ from a full recomputation for ${drifted.length} theme(s): ${drifted.join(', ')}`);
    if (repair) {
      await sql`insert into theme_figures_stale (theme_id) select unnest(${drifted}::uuid[]) on conflict (theme_id) do update set marked_at = now()`.execute(handle.db);
      await refreshThemeFigures(handle.db);
      console.error('Marked stale and recomputed.');
    }
    process.exitCode = 1;
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
