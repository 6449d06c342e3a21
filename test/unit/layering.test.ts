// The lint step is what keeps the layering of DESIGN.md from drifting; this proves each rule fires.
import fs from 'node:fs';
import path from 'node:path';
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
    for (const source of ['kysely', '@trpc/server', 'next/headers', '../db', './queries', './queries-figures', './rest', './service-ranking']) {
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

describe('one REST layout', () => {
  it('refuses a service or query touching Request or Response, and lets rest.ts do it', async () => {
    const http = 'export function f(req: Request): Response {\n  return new Response(req.url);\n}\n';
    for (const file of ['server/themes/service.ts', 'server/themes/service-suggestions.ts', 'server/themes/queries.ts']) {
      const ids = await ruleIds(http, file);
      expect(ids, file).toContain('no-restricted-syntax');
      expect(ids, file).toContain('no-restricted-globals');
    }
    expect(await ruleIds(`import { getDb } from '@/server/db';\nexport const x = getDb;\n${http}`, 'server/themes/rest.ts')).toEqual([]);
  });

  it('keeps app/api route files to exports of server/<domain>/rest.ts handlers', () => {
    const routes: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name === 'route.ts') routes.push(full);
      }
    };
    walk(path.join(process.cwd(), 'app', 'api'));
    expect(routes.length).toBeGreaterThan(5);
    for (const route of routes) {
      const code = fs
        .readFileSync(route, 'utf8')
        .split('\n')
        .filter((line) => line.trim() && !line.startsWith('//'));
      for (const line of code) {
        expect(line, route).toMatch(/^export (\{ [^}]+ \} from '@\/server\/([a-z-]+\/rest|trpc-http)'|const dynamic = 'force-dynamic');$/);
      }
    }
  });
});
