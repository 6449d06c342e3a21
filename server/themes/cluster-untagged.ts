// "These N items look like one pain": groups untagged items that fit no theme by the word or phrase
// they share, and proposes a title from their commonest phrase. Explainable by construction: every
// item of a group contains the group's words. Pure.
import { extractTerms, type Term } from './text-terms';
import { inverseDocumentFrequency } from './suggest-themes';

export interface ClusterItem {
  id: string;
  text: string;
}

export interface ItemCluster {
  itemIds: string[];
  /** Proposed theme title, from the phrase the items share most. */
  title: string;
  /** The shared words or phrases (as written), strongest first. */
  words: string[];
  /** Stable identity of the group (its stemmed key and members), so a dismissal can be remembered. */
  key: string;
}

export interface ClusterOptions {
  /** Smallest group worth proposing. */
  minSize?: number;
  /** A word in more than this share of the items is too general to define one pain. */
  maxShare?: number;
  maxClusters?: number;
  /** Groups a person dismissed (by their term): those items are not proposed together again. */
  dismissed?: Map<string, Set<string>>;
}

/** Groups the items; items in no group are left out of the result. */
export function clusterUntagged(items: ClusterItem[], options: ClusterOptions = {}): ItemCluster[] {
  const minSize = options.minSize ?? 3;
  const maxShare = options.maxShare ?? 0.25;
  const maxClusters = options.maxClusters ?? 50;
  const terms = items.map((item) => extractTerms(item.text));
  const idf = inverseDocumentFrequency(terms);
  const keysOf = terms.map((list) => new Set(list.map((term) => term.key)));
  const surfaces = new Map<string, Map<string, number>>();
  for (const list of terms) for (const term of list) countSurface(surfaces, term);

  const postings = new Map<string, number[]>();
  keysOf.forEach((keys, index) => {
    for (const key of keys) {
      const list = postings.get(key);
      if (list) list.push(index);
      else postings.set(key, [index]);
    }
  });
  const tooCommon = Math.max(minSize, Math.floor(items.length * maxShare));
  const dismissedGroups = [...(options.dismissed ?? new Map<string, Set<string>>()).values()];
  const candidates = [...postings.entries()].filter(([, list]) => list.length >= minSize && list.length <= tooCommon);
  /** Leaves out the items of a dismissed group that makes up half or more of this one. */
  const withoutDismissed = (members: number[]) => {
    let kept = members;
    for (const refused of dismissedGroups) {
      const overlap = kept.filter((index) => refused.has(items[index].id)).length;
      if (overlap > 0 && overlap * 2 >= kept.length) kept = kept.filter((index) => !refused.has(items[index].id));
    }
    return kept;
  };

  const assigned = new Array<boolean>(items.length).fill(false);
  const clusters: ItemCluster[] = [];
  while (clusters.length < maxClusters) {
    let bestKey = '';
    let bestMembers: number[] = [];
    let bestScore = 0;
    for (const [key, list] of candidates) {
      const unassigned = list.filter((index) => !assigned[index]);
      if (unassigned.length < minSize) continue;
      const members = dismissedGroups.length ? withoutDismissed(unassigned) : unassigned;
      if (members.length < minSize) continue;
      // Favour phrases and specific words: a group on "version control" says more than one on "work".
      const score = members.length * (key.includes(' ') ? 1.5 : 1) * Math.sqrt(idf.get(key) ?? 1);
      if (score > bestScore) {
        bestScore = score;
        bestKey = key;
        bestMembers = members;
      }
    }
    if (bestMembers.length === 0) break;
    for (const index of bestMembers) assigned[index] = true;
    clusters.push(describe(bestKey, bestMembers, items, keysOf, surfaces));
  }
  return clusters;
}

function countSurface(surfaces: Map<string, Map<string, number>>, term: Term): void {
  const forms = surfaces.get(term.key) ?? new Map<string, number>();
  forms.set(term.surface, (forms.get(term.surface) ?? 0) + 1);
  surfaces.set(term.key, forms);
}

function commonestSurface(surfaces: Map<string, Map<string, number>>, key: string): string {
  const forms = surfaces.get(key);
  if (!forms) return key;
  return [...forms.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
}

function describe(
  key: string,
  members: number[],
  items: ClusterItem[],
  keysOf: Set<string>[],
  surfaces: Map<string, Map<string, number>>,
): ItemCluster {
  // Other words most of the group shares, to explain the group beyond its defining word.
  const shared = new Map<string, number>();
  for (const index of members) for (const other of keysOf[index]) if (other !== key) shared.set(other, (shared.get(other) ?? 0) + 1);
  const alsoShared = [...shared.entries()]
    .filter(([other, count]) => count >= Math.max(2, Math.ceil(members.length / 2)) && !key.split(' ').includes(other))
    .sort((a, b) => b[1] - a[1] || Number(b[0].includes(' ')) - Number(a[0].includes(' ')))
    .slice(0, 3)
    .map(([other]) => commonestSurface(surfaces, other));
  const titlePhrase = key.includes(' ')
    ? commonestSurface(surfaces, key)
    : (alsoShared.find((word) => word.includes(' ') && word.split(' ').includes(commonestSurface(surfaces, key))) ??
      commonestSurface(surfaces, key));
  const title = titlePhrase.charAt(0).toUpperCase() + titlePhrase.slice(1);
  const words = [commonestSurface(surfaces, key), ...alsoShared.filter((word) => word !== titlePhrase)];
  const itemIds = members.map((index) => items[index].id);
  return { itemIds, title, words: [...new Set([titlePhrase, ...words])].slice(0, 4), key };
}
