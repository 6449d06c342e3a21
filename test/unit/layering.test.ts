// The lint step is what keeps the layering of DESIGN.md from drifting; this proves each rule fires.
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

let eslint: ESLint;
// Loading the config and its plugins takes seconds on a busy machine: do it once here, not inside
// the first test's 5 s limit.
beforeAll(async () => {
  eslint = new ESLint({ cwd: process.cwd() });
  await eslint.lintText('export {};\n', { filePath: 'app/warm-up.ts' });
}, 60_000);

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((message) => message.ruleId ?? message.message);
}

describe('layering lint rules', () => {
  it('refuses app/ importing db/', async () => {
    expect(await ruleIds("import { createDb } from '@/db/create-db';\nexport const x = createDb;\n", 'app/example.ts')).toContain(
      '@typescript-eslint/no-restricted-imports',
    );
  });

  it('refuses db/ importing server/ or app/', async () => {
    expect(await ruleIds("import { getEnv } from '../server/env';\nexport const x = getEnv;\n", 'db/example.ts')).toContain(
      '@typescript-eslint/no-restricted-imports',
    );
  });

  it('refuses pure logic importing kysely, tRPC, Next or the database', async () => {
    for (const source of ['kysely', '@trpc/server', 'next/headers', '../db', './queries', './queries-figures']) {
      const ids = await ruleIds(`import * as m from '${source}';\nexport const x = m;\n`, 'server/themes/rank-themes.ts');
      expect(ids, source).toContain('@typescript-eslint/no-restricted-imports');
    }
  });

  it('allows router, queries and service files to use the database', async () => {
    expect(await ruleIds("import { sql } from 'kysely';\nexport const x = sql;\n", 'server/themes/queries.ts')).toEqual([]);
    expect(await ruleIds("import { sql } from 'kysely';\nexport const x = sql;\n", 'server/inventory/queries-figures.ts')).toEqual([]);
  });

  it('refuses process.env outside server/env.ts', async () => {
    expect(await ruleIds('export const x = process.env.SECRET;\n', 'server/themes/service.ts')).toContain('no-restricted-properties');
    expect(await ruleIds('export const x = process.env.SECRET;\n', 'app/page.ts')).toContain('no-restricted-properties');
    expect(await ruleIds('export const x = process.env.SECRET;\n', 'server/env.ts')).toEqual([]);
  });

  it('refuses a public page importing workspace-only code', async () => {
    for (const source of ['../../(workspace)/surveys/surveys-view', '../../_components/app-shell', '../../_components/session-context']) {
      const ids = await ruleIds(`import * as m from '${source}';\nexport const x = m;\n`, 'app/(public)/s/example.tsx');
      expect(ids, source).toContain('@typescript-eslint/no-restricted-imports');
    }
    expect(await ruleIds("import { Button } from '../../_components/button';\nexport const x = Button;\n", 'app/(public)/s/example.tsx')).toEqual([]);
  });
});
