import { describe, expect, it } from 'vitest';
import { cleanSearchText, HIGHLIGHT_END as E, HIGHLIGHT_START as S, parseHighlights } from '@/server/search/search-text';

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
