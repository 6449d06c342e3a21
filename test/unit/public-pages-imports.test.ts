// Pages without sign-in (every route group but (workspace): the public roadmap, and any other
// public group) must not pull in workspace-only code: the workspace pages, the app shell or the
// session context. This walks every import they reach, transitively.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const PUBLIC_GROUPS = fs
  .readdirSync(path.join(ROOT, 'app'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && /^\(.+\)$/.test(entry.name) && entry.name !== '(workspace)')
  .map((entry) => path.join(ROOT, 'app', entry.name));
const FORBIDDEN = [path.join(ROOT, 'app', '(workspace)') + path.sep, path.join(ROOT, 'app', '_components', 'app-shell.tsx'), path.join(ROOT, 'app', '_components', 'session-context.tsx')];

function filesIn(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesIn(full) : /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/') ? path.join(ROOT, specifier.slice(2)) : specifier.startsWith('.') ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function reachableFrom(entries: string[]): Map<string, string> {
  const seen = new Map<string, string>(entries.map((file) => [file, '(entry)']));
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    const source = fs.readFileSync(file, 'utf8');
    for (const match of source.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g)) {
      const target = resolveImport(file, match[1] ?? match[2] ?? match[3]);
      if (target && !seen.has(target)) {
        seen.set(target, file);
        queue.push(target);
      }
    }
  }
  return seen;
}

describe('public pages', () => {
  it('import no workspace-only code, directly or through other modules', () => {
    expect(PUBLIC_GROUPS.map((dir) => path.basename(dir))).toContain('(roadmap)');
    const reached = reachableFrom(PUBLIC_GROUPS.flatMap(filesIn));
    expect(reached.size).toBeGreaterThan(10);
    const offending = [...reached.entries()]
      .filter(([file]) => FORBIDDEN.some((forbidden) => file === forbidden || file.startsWith(forbidden)))
      .map(([file, via]) => `${path.relative(ROOT, file)} (imported by ${path.relative(ROOT, via)})`);
    expect(offending).toEqual([]);
  });

  it('would notice such an import', () => {
    const reached = reachableFrom([path.join(ROOT, 'app', '(workspace)', 'layout.tsx')]);
    expect([...reached.keys()]).toContain(path.join(ROOT, 'app', '_components', 'app-shell.tsx'));
  });
});
