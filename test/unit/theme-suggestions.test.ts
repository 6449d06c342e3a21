// The theme-suggestion model on small hand-made sets: fits with their words, groups of items that
// fit no theme, and the quality measures the bench prints.
import { describe, expect, it } from 'vitest';
import { clusterUntagged } from '@/server/themes/cluster-untagged';
import { suggestThemes } from '@/server/themes/suggest-themes';
import { adjustedRandIndex, CodedFileError, parseCodedCsv, rankByCommonest, scoreRankings, splitCoded } from '@/server/themes/suggestion-quality';
import { extractTerms, TermVocabulary } from '@/server/themes/text-terms';

const themes = [
  {
    id: 'docs',
    title: 'Documentation is out of date',
    examples: ['The docs describe an old version of the API', 'Outdated documentation sent me the wrong way', 'The README is years old'],
  },
  {
    id: 'slow',
    title: 'Builds are slow',
    examples: ['A full build takes forty minutes', 'Waiting on slow builds all afternoon', 'The build cache never hits so builds are slow'],
  },
  { id: 'empty', title: 'Access requests take a week', examples: [] },
];

describe('extractTerms', () => {
  it('stems words, drops stopwords and numbers, and pairs neighbours into phrases within a clause', () => {
    const terms = extractTerms("Our builds slowing down; it's 40 minutes | Docs");
    expect(terms.map((term) => term.key)).toEqual(['build', 'slow', 'build slow', 'minut', 'doc']);
    expect(terms.find((term) => term.key === 'build slow')?.surface).toBe('builds slowing');
  });

  it('numbers the same terms in the same order as the vocabulary the model scores with', () => {
    const vocabulary = new TermVocabulary();
    const texts = ["Our builds slowing down; it's 40 minutes | Docs", 'Slow builds: the docs are slow too', 'a I 12 the'];
    for (const text of texts) {
      expect(vocabulary.termIds(text).map((id) => vocabulary.keys[id])).toEqual(extractTerms(text).map((term) => term.key));
    }
    expect(vocabulary.idOf('build slow')).toBe(vocabulary.termIds('builds slow')[2]);
  });
});

describe('suggestThemes', () => {
  it('ranks the theme an item fits first and says which words made it fit', () => {
    const fits = suggestThemes(themes, [
      { id: 'a', text: 'Our documentation is outdated again' },
      { id: 'b', text: 'The build is slow, forty minutes of waiting' },
    ]);
    expect(fits.get('a')?.[0]).toMatchObject({ themeId: 'docs' });
    expect(fits.get('a')?.[0].words).toEqual(expect.arrayContaining(['documentation']));
    expect(fits.get('b')?.[0]).toMatchObject({ themeId: 'slow' });
    expect(fits.get('b')?.[0].words.join(' ')).toMatch(/forty minutes|build/);
  });

  it('lets a theme with no evidence yet fit through the words of its title', () => {
    const fits = suggestThemes(themes, [{ id: 'c', text: 'My access request has been open for a week' }]);
    expect(fits.get('c')?.[0]).toMatchObject({ themeId: 'empty' });
  });

  it('suggests nothing for an item that shares no word with any theme, and respects the limit', () => {
    const fits = suggestThemes(themes, [
      { id: 'd', text: 'Lunch options are limited' },
      { id: 'e', text: 'Slow builds and outdated docs and access requests' },
    ], { limit: 2 });
    expect(fits.get('d')).toEqual([]);
    expect(fits.get('e')).toHaveLength(2);
  });

  it('scores an answer by its best part too, so one clear part is not drowned by the others', () => {
    const fits = suggestThemes(themes, [{ id: 'f', text: 'Hard to find colleagues | meetings all day | builds are slow' }]);
    expect(fits.get('f')?.[0]).toMatchObject({ themeId: 'slow', words: expect.arrayContaining(['builds']) });
  });
});

describe('clusterUntagged', () => {
  it('groups items sharing a specific phrase, titles the group with it, and honours dismissals', () => {
    const items = [
      { id: '1', text: 'The VPN drops during deploys' },
      { id: '2', text: 'VPN drops every hour' },
      { id: '3', text: 'When the VPN drops I lose my shell' },
      { id: '4', text: 'Coffee machine is broken' },
      { id: '5', text: 'The office is cold' },
    ];
    const [group] = clusterUntagged(items);
    expect(group).toMatchObject({ itemIds: ['1', '2', '3'], title: 'Vpn drops', key: 'vpn drop' });
    // Dismissed: the same items are not proposed together again, under any of their shared words.
    expect(clusterUntagged(items, { dismissed: new Map([['vpn drop', new Set(['1', '2', '3'])]]) })).toEqual([]);
    // A new item with the words can still form a group with others that were not dismissed.
    const more = [...items, { id: '6', text: 'VPN drops again' }, { id: '7', text: 'the vpn drops' }, { id: '8', text: 'vpn drops daily' }];
    expect(clusterUntagged(more, { maxShare: 1, dismissed: new Map([['vpn drop', new Set(['1', '2', '3'])]]) })[0].itemIds).toEqual(['6', '7', '8']);
  });

  it('proposes nothing below the smallest group size', () => {
    expect(clusterUntagged([{ id: '1', text: 'VPN drops' }, { id: '2', text: 'VPN drops' }])).toEqual([]);
  });
});

describe('suggestion quality', () => {
  const csv = 'text;themes\nslow builds;build\nforty minute build;build\nbuild cache misses;build,cache\nold docs;docs\noutdated docs;docs\nwrong docs;docs\n';

  it('reads a coded CSV and names the row of a problem', () => {
    expect(parseCodedCsv(csv)[2]).toEqual({ text: 'build cache misses', themes: ['build', 'cache'] });
    expect(() => parseCodedCsv('words;labels\na;b\n')).toThrow(/header must be `text;themes`/);
    expect(() => parseCodedCsv('text;themes\nno theme here;\n')).toThrow('Row 2: no theme is given.');
  });

  it('splits N examples per theme, leaves out themes too small to test, and refuses fewer than 2 themes', () => {
    const split = splitCoded(parseCodedCsv(csv), 2, 1);
    expect(split.themes).toEqual(['build', 'docs']);
    expect(split.skipped).toEqual([{ theme: 'cache', count: 1 }]);
    expect(split.examples.get('docs')).toHaveLength(2);
    expect(split.heldOut).toHaveLength(2);
    expect(() => splitCoded(parseCodedCsv(csv), 3, 1)).toThrow(CodedFileError);
  });

  it('scores top-1, top-3 and a macro-F1 where always guessing one theme scores low', () => {
    const heldOut = [
      { text: 'a', themes: ['x'] },
      { text: 'b', themes: ['y'] },
      { text: 'c', themes: ['y', 'z'] },
      { text: 'd', themes: ['z'] },
    ];
    const perfect = scoreRankings(['x', 'y', 'z'], heldOut, [['x'], ['y'], ['z'], ['z']]);
    expect(perfect).toEqual({ top1: 1, top3: 1, macroF1: expect.closeTo(0.889, 3) });
    const always = scoreRankings(['x', 'y', 'z'], heldOut, heldOut.map(() => ['y', 'x', 'z']));
    expect(always.top1).toBe(0.5);
    expect(always.top3).toBe(1);
    expect(always.macroF1).toBeCloseTo(0.222, 3);
    expect(rankByCommonest(['x', 'y', 'z'], heldOut)).toEqual(heldOut.map(() => ['y', 'z', 'x']));
  });

  it('computes the adjusted Rand index: 1 for the same grouping, about 0 for an unrelated one', () => {
    expect(adjustedRandIndex(['a', 'a', 'b', 'b'], ['1', '1', '2', '2'])).toBe(1);
    expect(adjustedRandIndex(['a', 'a', 'b', 'b'], ['1', '2', '1', '2'])).toBeCloseTo(-0.5, 5);
    expect(adjustedRandIndex(['a', 'a', 'a'], ['1', '2', '3'])).toBe(0);
  });
});
