// `npm run build` ends here: makes the migrated PGlite template (db/pglite-template.ts) that a new
// embedded data folder starts from, so the first start of the built app runs no migration.
import fs from 'node:fs';
import { ensureTemplate, templatePath } from '@/db/pglite-template';

async function main() {
  const file = templatePath();
  if (fs.existsSync(file)) {
    console.log(`PGlite template of the current migrations: ${file}`);
    return;
  }
  const started = performance.now();
  await ensureTemplate(file);
  console.log(`PGlite template made in ${Math.round(performance.now() - started)} ms: ${file}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
