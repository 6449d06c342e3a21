// No two domain folders of server/ import each other: shared pieces move down a level (a pure file
// in the lower folder, or server/lib/). This walks every import between server/<domain>/ folders
// and refuses any cycle among them, of two folders or more.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SERVER = path.join(process.cwd(), 'server');

function filesIn(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesIn(full) : /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function domainOf(file: string): string | null {
  const parts = path.relative(SERVER, file).split(path.sep);
  return parts.length > 1 && !parts[0].startsWith('..') ? parts[0] : null;
}

/** from -> to -> the first import that makes the edge, for the message. */
function domainEdges(): Map<string, Map<string, string>> {
  const edges = new Map<string, Map<string, string>>();
  for (const file of filesIn(SERVER)) {
    const from = domainOf(file);
    if (!from) continue;
    const source = fs.readFileSync(file, 'utf8');
    for (const match of source.matchAll(/(?:import|export)\s[^'";]*?from\s+['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const specifier = match[1] ?? match[2];
      const target = specifier.startsWith('@/') ? path.join(process.cwd(), specifier.slice(2)) : specifier.startsWith('.') ? path.resolve(path.dirname(file), specifier) : null;
      const to = target && domainOf(target);
      if (!to || to === from || to === 'lib') continue;
      if (!edges.has(from)) edges.set(from, new Map());
      if (!edges.get(from)!.has(to)) edges.get(from)!.set(to, `${path.relative(process.cwd(), file)} imports ${specifier}`);
    }
  }
  return edges;
}

describe('domain folders', () => {
  it('never import each other', () => {
    const edges = domainEdges();
    const mutual: string[] = [];
    for (const [from, targets] of edges) {
      for (const [to, why] of targets) {
        const back = edges.get(to)?.get(from);
        if (from < to && back) mutual.push(`${from} <-> ${to}: ${why}; ${back}`);
      }
    }
    expect(mutual).toEqual([]);
  });

  it('never import each other through other folders either (no cycle of any length)', () => {
    const edges = domainEdges();
    // Depth-first: a folder met again while still on the path closes a cycle.
    const done = new Set<string>();
    const cycles: string[] = [];
    const visit = (folder: string, trail: string[]) => {
      const at = trail.indexOf(folder);
      if (at !== -1) {
        const loop = [...trail.slice(at), folder];
        cycles.push(loop.slice(1).map((to, i) => edges.get(loop[i])!.get(to)!).join('; '));
        return;
      }
      if (done.has(folder)) return;
      for (const to of edges.get(folder)?.keys() ?? []) visit(to, [...trail, folder]);
      done.add(folder);
    };
    for (const folder of [...edges.keys()].sort()) visit(folder, []);
    expect(cycles).toEqual([]);
  });

  it('server/lib imports no domain folder', () => {
    expect(domainEdges().get('lib') ?? new Map()).toEqual(new Map());
  });
});
