// `npm run build` ends here: makes the migrated PGlite template folder (db/pglite-template.ts) that
// a new embedded data folder is copied from, so the first start of the built app runs no migration.
import { ensureTemplate, isNewPgliteFolder, templatePath } from '@/db/pglite-template';

async function main() {
  const dir = templatePath();
  if (!isNewPgliteFolder(dir)) {
    console.log(`PGlite template of the current migrations: ${dir}`);
    return;
  }
  const started = performance.now();
  await ensureTemplate(dir);
  console.log(`PGlite template made in ${Math.round(performance.now() - started)} ms: ${dir}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
