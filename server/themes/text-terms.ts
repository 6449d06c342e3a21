// Turns free text into the terms the theme-suggestion model counts: stemmed words and two-word
// phrases, each remembering the surface words it came from so a suggestion can show them. Pure.
import { stemmer } from 'stemmer';

/** Common English words that say nothing about a pain (plus survey filler like "would", "able"). */
const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are aren as at be because been before being below ' +
    'between both but by can cannot could couldn did didn do does doesn doing don down during each else etc even ' +
    'ever every few for from further get gets getting got had hadn has hasn have haven having he her here hers herself ' +
    'him himself his how however i if in into is isn it its itself just let like ll make makes many may me might more ' +
    'most much must mustn my myself need needs no nor not now of off often on once one only or other others our ours ' +
    'ourselves out over own per quite rather re really s same shan she should shouldn so some something still such ' +
    't than that the their theirs them themselves then there these they thing things this those though through to too ' +
    'under until up upon us use used uses using ve very via want was wasn way we well were weren what when where which ' +
    'while who whom why will with within without won would wouldn yet you your yours yourself yourselves e g eg ie ' +
    'able lot lots sometimes always usually maybe bit kind sort'
  ).split(' '),
);

export interface Term {
  /** The stem, or two stems joined by a space for a phrase. */
  key: string;
  /** The words as written (lower-cased), for explaining a suggestion. */
  surface: string;
}

/** Stemming is the costliest step and words repeat: remember each word's stem (bounded). */
const stems = new Map<string, string>();
const MAX_REMEMBERED_STEMS = 200_000;

function stemOf(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = stemmer(word);
    if (stems.size >= MAX_REMEMBERED_STEMS) stems.clear();
    stems.set(word, stem);
  }
  return stem;
}

/** A word, or punctuation that ends a clause (a phrase never spans it), in one pass. */
const TOKEN = /([\p{L}\p{N}]+)(?:['’][\p{L}]+)?|[.,;:!?|()[\]{}"“”\n\r\t/\\-]/gu;
const DIGITS = /^\d+$/u;

/** Stemmed words (and optionally adjacent-word phrases) of a text, stopwords dropped. */
export function extractTerms(text: string, options: { phrases?: boolean } = {}): Term[] {
  const withPhrases = options.phrases ?? true;
  const terms: Term[] = [];
  let previous: Term | null = null;
  for (const match of text.toLowerCase().matchAll(TOKEN)) {
    // The captured word drops a trailing "'s", "'t", "'ll": "notebook's" counts as "notebook".
    const word = match[1];
    if (word === undefined || word.length < 2 || STOPWORDS.has(word) || DIGITS.test(word)) {
      previous = null;
      continue;
    }
    const term = { key: stemOf(word), surface: word };
    terms.push(term);
    if (withPhrases && previous) terms.push({ key: `${previous.key} ${term.key}`, surface: `${previous.surface} ${term.surface}` });
    previous = term;
  }
  return terms;
}

/** A theme title's words as a sentence: "version_control" reads "version control". */
export function titleText(title: string): string {
  return title.replace(/[_-]+/gu, ' ');
}

/**
 * Numbers for terms, so the model counts and scores thousands of texts with arrays instead of a
 * string per word and phrase (the strings and maps were most of its time, most of it garbage
 * collection). `keys[id]` is the term's key as extractTerms writes it.
 */
export class TermVocabulary {
  readonly keys: string[] = [];
  private readonly idOfKey = new Map<string, number>();
  /** A written word's term id, or -1 for a word that is not counted (stopword, number, one letter). */
  private readonly idOfWord = new Map<string, number>();
  private readonly idOfPair = new Map<number, number>();

  idOf(key: string): number | undefined {
    return this.idOfKey.get(key);
  }

  private add(key: string): number {
    let id = this.idOfKey.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.keys.push(key);
      this.idOfKey.set(key, id);
    }
    return id;
  }

  private wordId(word: string): number {
    let id = this.idOfWord.get(word);
    if (id === undefined) {
      id = word.length < 2 || STOPWORDS.has(word) || DIGITS.test(word) ? -1 : this.add(stemOf(word));
      this.idOfWord.set(word, id);
    }
    return id;
  }

  private pairId(first: number, second: number): number {
    // Two ids below 2^26 make one exact number key (below 2^52).
    const pair = first * 67_108_864 + second;
    let id = this.idOfPair.get(pair);
    if (id === undefined) {
      id = this.add(`${this.keys[first]} ${this.keys[second]}`);
      this.idOfPair.set(pair, id);
    }
    return id;
  }

  /** The ids of extractTerms(text): the same terms in the same order. */
  termIds(text: string, into: number[] = []): number[] {
    let previous = -1;
    for (const match of text.toLowerCase().matchAll(TOKEN)) {
      const word = match[1];
      const id = word === undefined ? -1 : this.wordId(word);
      if (id < 0) {
        previous = -1;
        continue;
      }
      into.push(id);
      if (previous >= 0) into.push(this.pairId(previous, id));
      previous = id;
    }
    return into;
  }
}
