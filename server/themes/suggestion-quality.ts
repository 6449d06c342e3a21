// Measures theme suggestions against human coding: reads a coded CSV (`text;themes`), splits it into
// N tagged examples per theme and held-out items, and scores top-1, top-3, macro-F1 of the first
// suggestion and the adjusted Rand index of the clusters. Pure; bench/theme-suggestions.ts prints it.
import { parse } from 'csv-parse/sync';

export interface CodedItem {
  text: string;
  themes: string[];
}

export class CodedFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CodedFileError';
  }
}

/** Reads `text;themes` rows; themes are comma-separated. Names the row of any problem. */
export function parseCodedCsv(content: string): CodedItem[] {
  let rows: string[][];
  try {
    rows = parse(content, { bom: true, delimiter: ';', relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    const failure = error as { records?: number };
    throw new CodedFileError(`Row ${(failure.records ?? 0) + 1}: the CSV cannot be read (check its quotes).`);
  }
  if (rows.length === 0) throw new CodedFileError('The file is empty: it needs the header `text;themes`.');
  const header = rows[0].map((cell) => cell.trim().toLowerCase());
  if (header[0] !== 'text' || header[1] !== 'themes') {
    throw new CodedFileError('Row 1: the header must be `text;themes` (separated by a semicolon).');
  }
  return rows.slice(1).map((cells, index) => {
    const text = (cells[0] ?? '').trim();
    const themes = [...new Set((cells[1] ?? '').split(',').map((theme) => theme.trim()).filter(Boolean))];
    if (text === '') throw new CodedFileError(`Row ${index + 2}: the text is empty.`);
    if (themes.length === 0) throw new CodedFileError(`Row ${index + 2}: no theme is given.`);
    return { text, themes };
  });
}

/** A small seeded generator (mulberry32), so a split is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Split {
  /** Themes with enough items to have N examples and something held out. */
  themes: string[];
  /** Themes left out because they have too few items, with their counts. */
  skipped: { theme: string; count: number }[];
  examples: Map<string, string[]>;
  heldOut: CodedItem[];
}

/**
 * Picks `examples` items per theme as the tagged examples (an item picked for one theme counts for
 * all its themes); the rest is held out, keeping only the themes that were evaluated.
 */
export function splitCoded(items: CodedItem[], examples: number, seed: number): Split {
  const counts = new Map<string, number>();
  for (const item of items) for (const theme of item.themes) counts.set(theme, (counts.get(theme) ?? 0) + 1);
  const themes = [...counts.keys()].filter((theme) => (counts.get(theme) ?? 0) > examples).sort();
  const skipped = [...counts.entries()]
    .filter(([theme]) => !themes.includes(theme))
    .map(([theme, count]) => ({ theme, count }))
    .sort((a, b) => a.theme.localeCompare(b.theme));
  if (themes.length < 2) {
    const found = [...counts.entries()].map(([theme, count]) => `${theme} (${count})`).join(', ') || 'none';
    throw new CodedFileError(
      `At least 2 themes need more than ${examples} coded items each (${examples} examples plus some held out); found: ${found}.`,
    );
  }
  const random = seededRandom(seed);
  const order = items.map((_, index) => index);
  for (let index = order.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [order[index], order[other]] = [order[other], order[index]];
  }
  const chosen = new Set<number>();
  const exampleTexts = new Map<string, string[]>(themes.map((theme) => [theme, []]));
  // Rarest themes pick first, so a common theme's examples do not use up a rare theme's items.
  for (const theme of [...themes].sort((a, b) => (counts.get(a) ?? 0) - (counts.get(b) ?? 0))) {
    const have = exampleTexts.get(theme) ?? [];
    for (const index of order) {
      if (have.length >= examples) break;
      if (!chosen.has(index) && items[index].themes.includes(theme)) {
        chosen.add(index);
        for (const label of items[index].themes) {
          const list = exampleTexts.get(label);
          if (list && list.length < examples) list.push(items[index].text);
        }
      }
    }
  }
  const heldOut = items
    .filter((_, index) => !chosen.has(index))
    .map((item) => ({ text: item.text, themes: item.themes.filter((theme) => themes.includes(theme)) }))
    .filter((item) => item.themes.length > 0);
  return { themes, skipped, examples: exampleTexts, heldOut };
}

export interface Scores {
  top1: number;
  top3: number;
  macroF1: number;
}

/** `ranked[i]` is the themes suggested for held-out item i, best first. */
export function scoreRankings(themes: string[], heldOut: CodedItem[], ranked: string[][]): Scores {
  let top1 = 0;
  let top3 = 0;
  const truePositive = new Map<string, number>();
  const predicted = new Map<string, number>();
  const actual = new Map<string, number>();
  heldOut.forEach((item, index) => {
    const suggestions = ranked[index] ?? [];
    const first = suggestions[0];
    if (first !== undefined && item.themes.includes(first)) {
      top1 += 1;
      truePositive.set(first, (truePositive.get(first) ?? 0) + 1);
    }
    if (suggestions.slice(0, 3).some((theme) => item.themes.includes(theme))) top3 += 1;
    if (first !== undefined) predicted.set(first, (predicted.get(first) ?? 0) + 1);
    for (const theme of item.themes) actual.set(theme, (actual.get(theme) ?? 0) + 1);
  });
  const f1s = themes.map((theme) => {
    const hits = truePositive.get(theme) ?? 0;
    const precision = hits / Math.max(1, predicted.get(theme) ?? 0);
    const recall = hits / Math.max(1, actual.get(theme) ?? 0);
    return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  });
  const total = Math.max(1, heldOut.length);
  return { top1: top1 / total, top3: top3 / total, macroF1: f1s.reduce((sum, value) => sum + value, 0) / f1s.length };
}

/**
 * The bench's first baseline: every item gets the same ranking, the themes from commonest to rarest
 * among the held-out items (an oracle of the theme sizes; its macro-F1 is near zero).
 */
export function rankByCommonest(themes: string[], heldOut: CodedItem[]): string[][] {
  const frequency = new Map<string, number>();
  for (const item of heldOut) for (const theme of item.themes) frequency.set(theme, (frequency.get(theme) ?? 0) + 1);
  const byFrequency = [...themes].sort((a, b) => (frequency.get(b) ?? 0) - (frequency.get(a) ?? 0));
  return heldOut.map(() => byFrequency);
}

/** The bench's baseline, plain TF-IDF nearest centroid: lower-cased words, no stemming, no stopwords, no phrases. */
export function rankByPlainCentroid(themes: string[], examples: Map<string, string[]>, texts: string[]): string[][] {
  const words = (text: string) => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const exampleWords = themes.map((theme) => (examples.get(theme) ?? []).map(words));
  const all = [...exampleWords.flat(), ...texts.map(words)];
  const frequency = new Map<string, number>();
  for (const list of all) for (const word of new Set(list)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const vector = (list: string[]) => {
    const counts = new Map<string, number>();
    for (const word of list) counts.set(word, (counts.get(word) ?? 0) + 1);
    const weighted = new Map<string, number>();
    let length = 0;
    for (const [word, count] of counts) {
      const value = count * Math.log(all.length / (frequency.get(word) ?? 1));
      weighted.set(word, value);
      length += value * value;
    }
    for (const [word, value] of weighted) weighted.set(word, value / (Math.sqrt(length) || 1));
    return weighted;
  };
  const centroids = exampleWords.map((lists) => {
    const sum = new Map<string, number>();
    for (const list of lists) for (const [word, value] of vector(list)) sum.set(word, (sum.get(word) ?? 0) + value / lists.length);
    return sum;
  });
  return texts.map((text) => {
    const item = vector(words(text));
    const scored = centroids.map((centroid, index) => {
      let dot = 0;
      for (const [word, value] of item) dot += value * (centroid.get(word) ?? 0);
      return { theme: themes[index], dot };
    });
    return scored.sort((a, b) => b.dot - a.dot).map((entry) => entry.theme);
  });
}

/** Adjusted Rand index of two labelings of the same items (Hubert and Arabie, 1985). */
export function adjustedRandIndex(truth: string[], found: string[]): number {
  const pairs = (n: number) => (n * (n - 1)) / 2;
  const table = new Map<string, number>();
  const rows = new Map<string, number>();
  const columns = new Map<string, number>();
  truth.forEach((label, index) => {
    const cell = `${label}\u0000${found[index]}`;
    table.set(cell, (table.get(cell) ?? 0) + 1);
    rows.set(label, (rows.get(label) ?? 0) + 1);
    columns.set(found[index], (columns.get(found[index]) ?? 0) + 1);
  });
  const index = [...table.values()].reduce((sum, n) => sum + pairs(n), 0);
  const rowPairs = [...rows.values()].reduce((sum, n) => sum + pairs(n), 0);
  const columnPairs = [...columns.values()].reduce((sum, n) => sum + pairs(n), 0);
  const expected = (rowPairs * columnPairs) / Math.max(1, pairs(truth.length));
  const maximum = (rowPairs + columnPairs) / 2;
  if (maximum === expected) return 1;
  return (index - expected) / (maximum - expected);
}
