// The search box's text and its highlights. Input is cleaned (no control characters, one space
// between words) and handed to PostgreSQL's websearch_to_tsquery, which accepts any text, so
// tsquery syntax typed by a person (`'&|!:*()`) is read as words, never as operators that fail.
// Highlights come back from ts_headline between two private-use characters and are split here
// into plain segments: the page renders them as text, never as HTML. Pure.

export const MAX_SEARCH = 1000;
/** The command palette's box: a name, a key or a few words. */
export const MAX_JUMP = 200;
/** Words (or "phrases") searched at most: every word must match, so more only slow the search down. */
export const MAX_SEARCH_TERMS = 32;
export const HIGHLIGHT_START = '\ue000';
export const HIGHLIGHT_END = '\ue001';

export const SEARCH_GROUPS = ['interview', 'shadowing', 'friction', 'evidence', 'participant', 'theme', 'ticket', 'postmortem', 'request', 'survey'] as const;
export type SearchGroup = (typeof SEARCH_GROUPS)[number];

export const SEARCH_GROUP_LABELS: Record<SearchGroup, string> = {
  interview: 'Interviews',
  shadowing: 'Shadowing notes',
  friction: 'Friction events',
  evidence: 'Evidence',
  participant: 'Developers',
  theme: 'Pain themes',
  ticket: 'Tickets',
  postmortem: 'Post-mortems',
  request: 'Roadmap requests',
  survey: 'Survey comments',
};

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f\ue000\ue001]/g;

/** The words to search for: control characters (and the highlight markers) removed, spaces collapsed. */
export function cleanSearchText(text: string): string {
  return text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * The terms of the search box, each once (a pasted paragraph repeats words), at most
 * MAX_SEARCH_TERMS of them: words, -excluded words, "quoted phrases" and OR as typed.
 */
export function limitSearchTerms(text: string): { text: string; isShortened: boolean } {
  const terms = text.match(/-?"[^"]*"?|\S+/g) ?? [];
  const seen = new Set<string>();
  const kept: string[] = [];
  let isShortened = false;
  for (const term of terms) {
    const key = term.toLowerCase();
    if (seen.has(key) && key !== 'or') continue;
    seen.add(key);
    if (kept.length >= MAX_SEARCH_TERMS) {
      isShortened = true;
      break;
    }
    kept.push(term);
  }
  return { text: kept.join(' '), isShortened };
}

export interface SnippetPart {
  text: string;
  isMatch: boolean;
}

/** Splits ts_headline output into plain text parts and highlighted parts. */
export function parseHighlights(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (text: string, isMatch: boolean) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.isMatch === isMatch) last.text += text;
    else parts.push({ text, isMatch });
  };
  let rest = headline;
  while (rest.length > 0) {
    const start = rest.indexOf(HIGHLIGHT_START);
    if (start === -1) {
      push(rest, false);
      break;
    }
    push(rest.slice(0, start), false);
    const end = rest.indexOf(HIGHLIGHT_END, start + 1);
    if (end === -1) {
      push(rest.slice(start + 1), true);
      break;
    }
    push(rest.slice(start + 1, end), true);
    rest = rest.slice(end + 1);
  }
  return parts.map((part) => ({ ...part, text: part.text.replace(/[\ue000\ue001]/g, '') })).filter((part) => part.text.length > 0);
}

/** ts_headline options: a couple of short fragments around the matches, marked with the markers. */
export const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;
