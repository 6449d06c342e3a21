// Repeat questions: tickets whose normalised titles are similar (pairs from similar-titles.ts) are joined
// into clusters, each with the wording asked most often, how many times it was asked and by how
// many developers. Pure: titles and pairs in, clusters out.

export interface QuestionNode {
  /** The normalised title (lower case, no punctuation). */
  norm: string;
  /** The title as most tickets with this normalised form wrote it. */
  title: string;
  ticketIds: string[];
  requesterKeys: string[];
  categories: string[];
  /** Null when none of its tickets has a creation date. */
  firstOpened: string | null;
  lastOpened: string | null;
}

export interface QuestionCluster {
  title: string;
  ticketIds: string[];
  askedCount: number;
  developerCount: number;
  category: string | null;
  firstOpened: string | null;
  lastOpened: string | null;
  variants: string[];
}

function find(parent: Map<string, string>, node: string): string {
  let root = node;
  while (parent.get(root) !== root) root = parent.get(root)!;
  let current = node;
  while (current !== root) {
    const next = parent.get(current)!;
    parent.set(current, root);
    current = next;
  }
  return root;
}

function mostCommon(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [value, count] of counts) if (count > bestCount || (count === bestCount && best !== null && value < best)) [best, bestCount] = [value, count];
  return best;
}

/**
 * Joins similar titles (union-find over the pairs) and keeps clusters asked at least `minAsked`
 * times, the most asked first.
 */
export function clusterQuestions(input: { nodes: QuestionNode[]; pairs: [string, string][]; minAsked?: number }): QuestionCluster[] {
  const minAsked = input.minAsked ?? 2;
  const parent = new Map(input.nodes.map((node) => [node.norm, node.norm]));
  for (const [a, b] of input.pairs) {
    if (!parent.has(a) || !parent.has(b)) continue;
    const [rootA, rootB] = [find(parent, a), find(parent, b)];
    if (rootA !== rootB) parent.set(rootA < rootB ? rootB : rootA, rootA < rootB ? rootA : rootB);
  }
  const groups = new Map<string, QuestionNode[]>();
  for (const node of input.nodes) {
    const root = find(parent, node.norm);
    const list = groups.get(root);
    if (list) list.push(node);
    else groups.set(root, [node]);
  }
  const clusters: QuestionCluster[] = [];
  for (const nodes of groups.values()) {
    const ticketIds = nodes.flatMap((node) => node.ticketIds);
    if (ticketIds.length < minAsked) continue;
    const byAsked = [...nodes].sort((a, b) => b.ticketIds.length - a.ticketIds.length || a.norm.localeCompare(b.norm));
    clusters.push({
      title: byAsked[0].title,
      ticketIds,
      askedCount: ticketIds.length,
      developerCount: new Set(nodes.flatMap((node) => node.requesterKeys)).size,
      category: mostCommon(nodes.flatMap((node) => node.categories)),
      firstOpened: nodes.flatMap((node) => node.firstOpened ?? []).sort()[0] ?? null,
      lastOpened: nodes.flatMap((node) => node.lastOpened ?? []).sort().at(-1) ?? null,
      variants: byAsked.map((node) => node.title).slice(0, 5),
    });
  }
  return clusters.sort((a, b) => b.askedCount - a.askedCount || b.developerCount - a.developerCount || a.title.localeCompare(b.title));
}
