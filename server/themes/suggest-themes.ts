// The theme-suggestion model: "fits theme X" for an untagged item, learned from the evidence already
// tagged to each theme, with the words that made it fit. A lexical model (TF-IDF over stemmed words
// and two-word phrases, nearest theme centroid), so every suggestion can say why. Pure: no database,
// no network. Its quality on human-coded survey answers is measured by bench/theme-suggestions.ts.
import { extractTerms, TermVocabulary, titleText, type Term } from './text-terms';

export interface ThemeExamples {
  id: string;
  title: string;
  /** Texts of the items already tagged to this theme. */
  examples: string[];
}

export interface SuggestionItem {
  id: string;
  text: string;
}

export interface ThemeFit {
  themeId: string;
  /** Cosine similarity (0 to 1) to what the theme's examples say; comparable between themes. */
  score: number;
  /** The item's words or phrases that the theme's examples share, strongest first. */
  words: string[];
}

export interface SuggestOptions {
  /** Suggestions kept per item. */
  limit?: number;
  /** A fit below this is not offered: the item shares too little with the theme. */
  minScore?: number;
}

/**
 * Settings measured on the four coded files (bench/theme-suggestions.ts, README "Theme suggestions").
 * The title counts as half an example; each item's best-matching part counts as much as the whole.
 */
const TITLE_WEIGHT = 0.5;
const PART_WEIGHT = 0.5;
/** An untagged item is learned from only when it already fits this well (so an item that shares one
 * stray word with a theme does not teach the theme its other words). */
const LEARN_FROM = 0.1;
/** Untagged items a theme learns from (its surest ones), in one round. */
const LEARNED_PER_THEME = 30;

/** Where one answer or quote changes subject: "a | b", a new line, a new sentence. */
const PART_BREAK = /\s*\|\s*|\n+|(?<=[.!?])\s+/u;

/** A theme's centroid: term id to weight. */
type Vector = Map<number, number>;

/** A text's weighted terms, unit length: term ids (each once) and their weights. */
interface Document {
  ids: Int32Array;
  weights: Float64Array;
}

/** Inverse document frequency over every text the model sees (tagged and untagged). */
export function inverseDocumentFrequency(texts: Term[][]): Map<string, number> {
  const documentFrequency = new Map<string, number>();
  for (const terms of texts) {
    for (const key of new Set(terms.map((term) => term.key))) {
      documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1);
    }
  }
  const idf = new Map<string, number>();
  const total = texts.length;
  for (const [key, frequency] of documentFrequency) idf.set(key, idfOf(total, frequency));
  return idf;
}

const idfOf = (total: number, frequency: number) => Math.log((1 + total) / (1 + frequency)) + 1;

/** The same idf by term id (1 for a term in no text, such as a title's own word). */
function idfById(texts: number[][], vocabularySize: number): Float64Array {
  const frequency = new Int32Array(vocabularySize);
  const lastSeen = new Int32Array(vocabularySize).fill(-1);
  texts.forEach((ids, textIndex) => {
    for (const id of ids) {
      if (lastSeen[id] === textIndex) continue;
      lastSeen[id] = textIndex;
      frequency[id] += 1;
    }
  });
  const idf = new Float64Array(vocabularySize).fill(1);
  for (let id = 0; id < vocabularySize; id += 1) if (frequency[id] > 0) idf[id] = idfOf(texts.length, frequency[id]);
  return idf;
}

/** Sublinear term frequency times idf, unit length. */
function weigh(termIds: number[], idf: Float64Array): Document {
  const sorted = Int32Array.from(termIds).sort();
  let distinct = 0;
  for (let index = 0; index < sorted.length; index += 1) if (index === 0 || sorted[index] !== sorted[index - 1]) distinct += 1;
  const ids = new Int32Array(distinct);
  const weights = new Float64Array(distinct);
  let slot = -1;
  let count = 0;
  const close = () => {
    if (slot >= 0) weights[slot] = (1 + Math.log(count)) * idf[ids[slot]];
  };
  for (let index = 0; index < sorted.length; index += 1) {
    if (index === 0 || sorted[index] !== sorted[index - 1]) {
      close();
      slot += 1;
      ids[slot] = sorted[index];
      count = 0;
    }
    count += 1;
  }
  close();
  let sumOfSquares = 0;
  for (const weight of weights) sumOfSquares += weight * weight;
  const length = Math.sqrt(sumOfSquares);
  if (length > 0) for (let index = 0; index < weights.length; index += 1) weights[index] /= length;
  return { ids, weights };
}

function normalise(vector: Vector): Vector {
  let sumOfSquares = 0;
  for (const value of vector.values()) sumOfSquares += value * value;
  const length = Math.sqrt(sumOfSquares);
  if (length === 0) return vector;
  for (const [key, value] of vector) vector.set(key, value / length);
  return vector;
}

function addInto(target: Vector, source: Document, factor: number): void {
  for (let index = 0; index < source.ids.length; index += 1) {
    const id = source.ids[index];
    target.set(id, (target.get(id) ?? 0) + source.weights[index] * factor);
  }
}

function dot(document: Document, theme: Vector): number {
  let sum = 0;
  for (let index = 0; index < document.ids.length; index += 1) sum += document.weights[index] * (theme.get(document.ids[index]) ?? 0);
  return sum;
}

/**
 * The item's words that carry most of the fit, as written, strongest first. A shared phrase is
 * shown instead of its two words ("staging database", not "staging" and "database").
 */
function explain(terms: Term[], item: Document, theme: Vector, vocabulary: TermVocabulary, count = 4): string[] {
  const itemWeight = new Map<number, number>();
  item.ids.forEach((id, index) => itemWeight.set(id, item.weights[index]));
  const weightOf = new Map<string, { surface: string; weight: number }>();
  for (const term of terms) {
    if (weightOf.has(term.key)) continue;
    const id = vocabulary.idOf(term.key);
    const weight = id === undefined ? 0 : (itemWeight.get(id) ?? 0) * (theme.get(id) ?? 0);
    if (weight > 0) weightOf.set(term.key, { surface: term.surface, weight });
  }
  const shown: { surface: string; weight: number }[] = [];
  const used = new Set<string>();
  const phrases = [...weightOf.entries()].filter(([key]) => key.includes(' ')).sort((a, b) => b[1].weight - a[1].weight);
  for (const [key, phrase] of phrases) {
    const words = key.split(' ');
    if (words.some((word) => used.has(word))) continue;
    for (const word of words) used.add(word);
    shown.push({ surface: phrase.surface, weight: phrase.weight + words.reduce((sum, word) => sum + (weightOf.get(word)?.weight ?? 0), 0) });
  }
  for (const [key, word] of weightOf) if (!key.includes(' ') && !used.has(key)) shown.push(word);
  return shown
    .sort((a, b) => b.weight - a.weight)
    .slice(0, count)
    .map((entry) => entry.surface);
}

function centroid(examples: Document[], title: Document | null, learned: Document[]): Vector {
  const vector: Vector = new Map();
  for (const document of examples) addInto(vector, document, 1 / Math.max(1, examples.length));
  for (const document of learned) addInto(vector, document, 1 / Math.max(1, learned.length));
  if (title) addInto(vector, title, TITLE_WEIGHT / Math.sqrt(Math.max(1, examples.length)));
  return normalise(vector);
}

/** The parts of a text where it changes subject, each with something to count. */
function partTextsOf(text: string): string[] {
  return text.split(PART_BREAK).filter((part) => part.trim() !== '');
}

/** Term ids per part (parts with no term left out): phrases never span parts. */
function partIdsOf(text: string, vocabulary: TermVocabulary): number[][] {
  return partTextsOf(text)
    .map((part) => vocabulary.termIds(part))
    .filter((ids) => ids.length > 0);
}

function bestPart<T>(parts: T[], score: (part: T) => number): T {
  return parts.reduce((top, part) => (score(part) > score(top) ? part : top), parts[0]);
}

export interface ThemeModel {
  /** The themes an item fits, best first, without their words (cheap). */
  rank(itemId: string): { themeId: string; score: number }[];
  /** The item's words that made it fit the theme. */
  explain(itemId: string, themeId: string): string[];
}

/**
 * Learns the themes from their examples and scores every item. Themes without
 * examples still fit through their title's words. Steps, each measured to help on the coded files:
 * 1. an example tagged to several themes gives each theme only its parts that read like that theme;
 * 2. an item scores by its whole text and by its best-matching part (answers often list several pains);
 * 3. each theme then learns from the untagged items it is surest of (one round of self-training).
 */
export function fitThemes(themes: ThemeExamples[], items: SuggestionItem[], options: SuggestOptions = {}): ThemeModel {
  const limit = options.limit ?? 3;
  const minScore = options.minScore ?? 0;
  const vocabulary = new TermVocabulary();
  const examplePartIds = themes.map((theme) => theme.examples.map((text) => partIdsOf(text, vocabulary)));
  // Phrases never span parts, so an item's terms are its parts' terms together.
  const itemPartIds = items.map((item) => partIdsOf(item.text, vocabulary));
  const itemIds = itemPartIds.map((parts) => parts.flat());
  const titleIds = themes.map((theme) => vocabulary.termIds(titleText(theme.title)));
  const exampleIds = examplePartIds.map((list) => list.map((parts) => parts.flat()));
  const idf = idfById([...exampleIds.flat(), ...itemIds], vocabulary.keys.length);
  const itemDocuments = itemIds.map((ids) => weigh(ids, idf));
  const itemParts = itemPartIds.map((parts) => (parts.length > 1 ? parts.map((ids) => weigh(ids, idf)) : []));
  const titles = titleIds.map((ids) => (ids.length > 0 ? weigh(ids, idf) : null));

  // 1. Split multi-theme examples between their themes.
  const wholeExamples = exampleIds.map((list) => list.map((ids) => weigh(ids, idf)));
  const firstCentroids = themes.map((_, index) => centroid(wholeExamples[index], titles[index], []));
  const themesOfText = new Map<string, number[]>();
  themes.forEach((theme, index) => {
    for (const text of theme.examples) themesOfText.set(text, [...(themesOfText.get(text) ?? []), index]);
  });
  const exampleDocuments = themes.map((theme, themeIndex) =>
    theme.examples.map((text, exampleIndex) => {
      const labels = themesOfText.get(text) ?? [themeIndex];
      const parts = examplePartIds[themeIndex][exampleIndex];
      if (labels.length < 2 || parts.length < 2) return wholeExamples[themeIndex][exampleIndex];
      const mine = parts.filter((ids) => {
        const document = weigh(ids, idf);
        return bestPart(labels, (label) => dot(document, firstCentroids[label])) === themeIndex;
      });
      return mine.length === 0 ? wholeExamples[themeIndex][exampleIndex] : weigh(mine.flat(), idf);
    }),
  );

  // 2. Score by whole text and best part.
  // What the tagged evidence (and title) alone says: the words shown come from here.
  const taughtCentroids = themes.map((_, index) => centroid(exampleDocuments[index], titles[index], []));
  let centroids = taughtCentroids;
  let scores = scoreItems(centroids, itemDocuments, itemParts, vocabulary.keys.length);

  // 3. Learn from the surest untagged items: the part that reads like the theme, not the others.
  const surest = surestItems(scores);
  const learned = themes.map((_, themeIndex) =>
    surest
      .filter((choice) => choice.themeIndex === themeIndex)
      .sort((a, b) => b.margin - a.margin)
      .slice(0, LEARNED_PER_THEME)
      .map((choice) => {
        const parts = itemParts[choice.itemIndex];
        return parts.length > 1 ? bestPart(parts, (part) => dot(part, centroids[themeIndex])) : itemDocuments[choice.itemIndex];
      }),
  );
  centroids = themes.map((_, index) => centroid(exampleDocuments[index], titles[index], learned[index]));
  scores = scoreItems(centroids, itemDocuments, itemParts, vocabulary.keys.length);

  const indexOf = new Map(items.map((item, itemIndex) => [item.id, itemIndex]));
  const themeIndexOf = new Map(themes.map((theme, themeIndex) => [theme.id, themeIndex]));
  const explainFit = (itemIndex: number, themeIndex: number) => {
    // The words the item shares with the theme's tagged evidence (not with what it learned from
    // other untagged items), from the part that fits best, else from the whole item. Only the
    // items asked about are explained, so their words (as written) are read again here.
    const taught = taughtCentroids[themeIndex];
    const text = items[itemIndex].text;
    const parts = itemParts[itemIndex];
    if (parts.length > 1) {
      const partTexts = partTextsOf(text).filter((part) => extractTerms(part).length > 0);
      const best = bestPart(parts.map((_, index) => index), (index) => dot(parts[index], taught));
      const words = explain(extractTerms(partTexts[best] ?? ''), parts[best], taught, vocabulary);
      if (words.length > 0) return words;
    }
    return explain(extractTerms(text), itemDocuments[itemIndex], taught, vocabulary);
  };
  return {
    rank(itemId) {
      const itemIndex = indexOf.get(itemId);
      if (itemIndex === undefined) return [];
      return themes
        .map((theme, themeIndex) => ({ themeId: theme.id, score: Math.round(scores[themeIndex][itemIndex] * 1000) / 1000 }))
        .filter((fit) => fit.score > minScore)
        .sort((a, b) => b.score - a.score)
        .slice(0, limit);
    },
    explain(itemId, themeId) {
      const itemIndex = indexOf.get(itemId);
      const themeIndex = themeIndexOf.get(themeId);
      return itemIndex === undefined || themeIndex === undefined ? [] : explainFit(itemIndex, themeIndex);
    },
  };
}

/** Ranks the themes each item fits with the words that made each fit (see fitThemes). */
export function suggestThemes(
  themes: ThemeExamples[],
  items: SuggestionItem[],
  options: SuggestOptions = {},
): Map<string, ThemeFit[]> {
  const model = fitThemes(themes, items, options);
  const result = new Map<string, ThemeFit[]>();
  for (const item of items) {
    const fits = model
      .rank(item.id)
      .map((fit) => ({ ...fit, words: model.explain(item.id, fit.themeId) }))
      .filter((fit) => fit.words.length > 0);
    result.set(item.id, fits);
  }
  return result;
}

/**
 * Scores[theme][item]: by whole text and best part. The centroids are laid out as one row of theme
 * weights per term they contain, so each item's terms are walked once for all themes.
 */
function scoreItems(centroids: Vector[], items: Document[], parts: Document[][], vocabularySize: number): number[][] {
  const themeCount = centroids.length;
  const rowOf = new Int32Array(vocabularySize).fill(-1);
  let rows = 0;
  for (const centroid of centroids) for (const id of centroid.keys()) if (rowOf[id] < 0) rowOf[id] = rows++;
  const weights = new Float64Array(rows * themeCount);
  centroids.forEach((centroid, themeIndex) => {
    for (const [id, weight] of centroid) weights[rowOf[id] * themeCount + themeIndex] = weight;
  });
  const similarities = (document: Document, into: Float64Array) => {
    into.fill(0);
    for (let index = 0; index < document.ids.length; index += 1) {
      const row = rowOf[document.ids[index]];
      if (row < 0) continue;
      const value = document.weights[index];
      const offset = row * themeCount;
      for (let themeIndex = 0; themeIndex < themeCount; themeIndex += 1) into[themeIndex] += value * weights[offset + themeIndex];
    }
  };
  const scores = centroids.map(() => new Array<number>(items.length).fill(0));
  const whole = new Float64Array(themeCount);
  const part = new Float64Array(themeCount);
  const best = new Float64Array(themeCount);
  items.forEach((item, itemIndex) => {
    similarities(item, whole);
    if (parts[itemIndex].length < 2) {
      for (let themeIndex = 0; themeIndex < themeCount; themeIndex += 1) scores[themeIndex][itemIndex] = whole[themeIndex];
      return;
    }
    best.fill(0);
    for (const document of parts[itemIndex]) {
      similarities(document, part);
      for (let themeIndex = 0; themeIndex < themeCount; themeIndex += 1) best[themeIndex] = Math.max(best[themeIndex], part[themeIndex]);
    }
    for (let themeIndex = 0; themeIndex < themeCount; themeIndex += 1) {
      scores[themeIndex][itemIndex] = (1 - PART_WEIGHT) * whole[themeIndex] + PART_WEIGHT * best[themeIndex];
    }
  });
  return scores;
}

/** For each item with a fit, its best theme and how far ahead of the second that theme is. */
function surestItems(scores: number[][]): { itemIndex: number; themeIndex: number; margin: number }[] {
  const itemCount = scores[0]?.length ?? 0;
  const result: { itemIndex: number; themeIndex: number; margin: number }[] = [];
  for (let itemIndex = 0; itemIndex < itemCount; itemIndex += 1) {
    let first = 0;
    let second = 0;
    let themeIndex = -1;
    scores.forEach((row, index) => {
      const value = row[itemIndex];
      if (value > first) {
        second = first;
        first = value;
        themeIndex = index;
      } else if (value > second) second = value;
    });
    if (themeIndex >= 0 && first >= LEARN_FROM && first > second) result.push({ itemIndex, themeIndex, margin: first - second });
  }
  return result;
}
