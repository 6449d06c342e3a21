import { describe, expect, it } from 'vitest';
import { cleanSearchText, HIGHLIGHT_END as E, HIGHLIGHT_START as S, limitSearchTerms, parseHighlights } from '@/server/search/search-text';

describe('cleanSearchText', () => {
  it('removes control characters and the highlight markers, and collapses spaces', () => {
    expect(cleanSearchText(`  staging\u0000 \t ticket\n${S}x${E}  `)).toBe('staging ticket x');
  });

  it('keeps tsquery syntax as typed: websearch_to_tsquery reads it safely', () => {
    expect(cleanSearchText(`'&|!:*()`)).toBe(`'&|!:*()`);
  });
});

describe('parseHighlights', () => {
  it('splits a headline into plain and matching parts', () => {
    expect(parseHighlights(`I waited for ${S}staging${E} and a ${S}ticket${E}.`)).toEqual([
      { text: 'I waited for ', isMatch: false },
      { text: 'staging', isMatch: true },
      { text: ' and a ', isMatch: false },
      { text: 'ticket', isMatch: true },
      { text: '.', isMatch: false },
    ]);
  });

  it('joins neighbouring matches and survives a missing end marker', () => {
    expect(parseHighlights(`${S}one${E}${S}two${E} rest ${S}open`)).toEqual([
      { text: 'onetwo', isMatch: true },
      { text: ' rest ', isMatch: false },
      { text: 'open', isMatch: true },
    ]);
  });

  it('keeps markup as plain text parts', () => {
    expect(parseHighlights(`<b>${S}x${E}</b>`)).toEqual([
      { text: '<b>', isMatch: false },
      { text: 'x', isMatch: true },
      { text: '</b>', isMatch: false },
    ]);
  });
});

describe('limitSearchTerms', () => {
  it('keeps each word once, phrases and exclusions as typed', () => {
    expect(limitSearchTerms('staging Staging "change request" -kafka staging OR ticket OR wait')).toEqual({
      text: 'staging "change request" -kafka OR ticket OR wait',
      isShortened: false,
    });
  });

  it('searches at most 32 different terms of a pasted paragraph', () => {
    const words = Array.from({ length: 40 }, (_, index) => `word${index}`);
    const result = limitSearchTerms(words.join(' '));
    expect(result.isShortened).toBe(true);
    expect(result.text.split(' ')).toEqual(words.slice(0, 32));
    expect(limitSearchTerms('waiting for the ops ticket '.repeat(36))).toEqual({ text: 'waiting for the ops ticket', isShortened: false });
  });

  it('keeps an unclosed quote as one phrase', () => {
    expect(limitSearchTerms('"finops ((( week')).toEqual({ text: '"finops ((( week', isShortened: false });
  });
});
