// Which normalised titles are similar, the way pg_trgm measures it (the share of trigrams two
// titles have in common, each word padded with two spaces before and one after), found without
// comparing every pair: titles are probed through an index of their rarest trigrams (prefix
// filtering; two sets that share enough trigrams always share one of those), and a pair already
// joined through others is not measured again. Thousands of near-identical titles then cost
// milliseconds, where comparing every pair in the database took minutes. Pure.

/** The trigrams of a normalised title (lower case, words separated by single spaces). */
export function titleTrigrams(norm: string): string[] {
  const set = new Set<string>();
  for (const word of norm.split(' ')) {
    if (!word) continue;
    const chars = [...`  ${word} `];
    for (let index = 0; index + 3 <= chars.length; index += 1) set.add(chars[index] + chars[index + 1] + chars[index + 2]);
  }
  return [...set];
}

/** pg_trgm's similarity of two titles: trigrams in common over trigrams in either. */
export function titleSimilarity(a: string, b: string): number {
  const left = new Set(titleTrigrams(a));
  const right = titleTrigrams(b);
  if (left.size === 0 || right.length === 0) return 0;
  let common = 0;
  for (const trigram of right) if (left.has(trigram)) common += 1;
  return common / (left.size + right.length - common);
}

const EPSILON = 1e-9;

/**
 * Pairs of titles with similarity at least `threshold`, enough of them to join every group of
 * titles that pg_trgm's pairs would join (a spanning forest: a pair whose titles are already
 * joined through others is left out).
 */
export function findSimilarPairs(norms: string[], threshold: number): [string, string][] {
  const unique = [...new Set(norms)].filter(Boolean);
  const ids = new Map<string, number>();
  const frequency: number[] = [];
  const sets = unique.map((norm) =>
    titleTrigrams(norm).map((trigram) => {
      let id = ids.get(trigram);
      if (id === undefined) {
        id = ids.size;
        ids.set(trigram, id);
        frequency.push(0);
      }
      frequency[id] += 1;
      return id;
    }),
  );
  // Rarest trigrams first: the prefixes that are indexed and probed are then short lists.
  for (const set of sets) set.sort((a, b) => frequency[a] - frequency[b] || a - b);
  const sorted = sets.map((set) => Int32Array.from(set).sort());
  const order = unique.map((_, index) => index).sort((a, b) => sets[a].length - sets[b].length);

  const parent = unique.map((_, index) => index);
  const find = (node: number): number => {
    while (parent[node] !== node) {
      parent[node] = parent[parent[node]];
      node = parent[node];
    }
    return node;
  };
  const overlap = (a: Int32Array, b: Int32Array) => {
    let common = 0;
    for (let i = 0, j = 0; i < a.length && j < b.length; ) {
      if (a[i] === b[j]) {
        common += 1;
        i += 1;
        j += 1;
      } else if (a[i] < b[j]) i += 1;
      else j += 1;
    }
    return common;
  };

  const index = new Map<number, number[]>();
  const marked = new Int32Array(unique.length).fill(-1);
  const pairs: [string, string][] = [];
  for (const x of order) {
    const size = sets[x].length;
    const prefix = size - Math.ceil(threshold * size - EPSILON) + 1;
    const candidates: number[] = [];
    for (let position = 0; position < prefix; position += 1) {
      for (const y of index.get(sets[x][position]) ?? []) {
        if (marked[y] === x || sets[y].length < threshold * size - EPSILON) continue;
        marked[y] = x;
        candidates.push(y);
      }
    }
    for (const y of candidates) {
      const [rootX, rootY] = [find(x), find(y)];
      if (rootX === rootY) continue;
      const common = overlap(sorted[x], sorted[y]);
      if (common / (size + sets[y].length - common) < threshold - EPSILON) continue;
      parent[rootY] = rootX;
      pairs.push([unique[x], unique[y]]);
    }
    for (let position = 0; position < prefix; position += 1) {
      const list = index.get(sets[x][position]);
      if (list) list.push(x);
      else index.set(sets[x][position], [x]);
    }
  }
  return pairs;
}
