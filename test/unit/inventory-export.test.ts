import { describe, expect, it } from 'vitest';
import { csvCell, escapeMarkdown, inventoryToCsv, inventoryToMarkdown } from '@/server/inventory/inventory-export';
import type { Inventory, InventoryTheme } from '@/server/inventory/inventory-model';

const theme: InventoryTheme = {
  rank: 1,
  themeId: 't1',
  title: 'Setting up a *new* service | takes two days',
  evidenceCount: 4,
  affectedDevelopers: 3,
  unattributedMentions: 1,
  reach: 0.3,
  hoursPerDeveloperPerMonth: 12.5,
  score: 37.5,
  developersWithTimeData: 2,
  sourceKinds: ['interview', 'ticket'],
  isSingleSource: false,
  status: 'confirmed',
  isMvpFocus: true,
  quadrant: 'do-first',
  quotes: [
    {
      evidenceId: 'e1',
      excerpt: '=cmd|"/c calc"!A1 I waited <b>two</b> days',
      sourceKind: 'interview',
      sourcePath: '/x',
      observedOn: '2026-10-01',
      attribution: 'backend developer, 1-3 years, Team Payments',
      participantName: null,
      monthlyMinutes: 960,
    },
  ],
};
const inventory: Inventory = {
  filter: { teamId: '4f6c2a9e-3b1d-4c8e-9f0a-1b2c3d4e5f60' },
  filterLabel: 'Team Payments',
  sort: 'score',
  directorySize: 10,
  themes: [theme],
  themesWithoutEvidence: 2,
  splits: { developers: 3, hours: 12.5 },
  window: { from: '2026-01-01', to: '2026-11-26', months: 330 / 30.44 },
  generatedAt: new Date('2026-11-26T10:00:00Z'),
};

describe('Markdown export', () => {
  it('writes the ranking, the MVP focus and the quotes, escaping what people typed', () => {
    const markdown = inventoryToMarkdown(inventory, { hasNames: false });
    expect(markdown).toContain('# Pain inventory');
    expect(markdown).toContain('- Developers in the directory (segment): 10');
    expect(markdown).toContain('- Generated: 2026-11-26');
    expect(markdown).toContain('**#1 Setting up a \\*new\\* service \\| takes two days**: 37.5 developer-hours lost per month');
    expect(markdown).toContain('| 1 | Setting up a \\*new\\* service \\| takes two days (MVP focus) | 3 | 1 | 30% | 12.5 | 37.5 | 2 (interview, ticket) | Do first |');
    expect(markdown).toContain('> =cmd\\|"/c calc"\\!A1 I waited \\<b\\>two\\</b\\> days');
    expect(markdown).toContain('> - backend developer, 1-3 years, Team Payments, interview, 2026-10-01');
  });

  it('says so when nothing is ranked', () => {
    expect(inventoryToMarkdown({ ...inventory, themes: [] }, { hasNames: false })).toContain('No pain theme has evidence for this filter.');
  });

  it('escapes one line of Markdown', () => {
    expect(escapeMarkdown('  a\n# b [c](d) `e`  ')).toBe('a \\# b \\[c\\](d) \\`e\\`');
  });
});

describe('CSV export', () => {
  it('writes one row per theme, numbers raw, quotes that cannot run as formulas', () => {
    const csv = inventoryToCsv({ ...inventory, themes: [{ ...theme, quotes: [{ ...theme.quotes[0], participantName: 'Ana Okafor' }] }] });
    expect(csv.startsWith('\uFEFFrank,theme,status,')).toBe(true);
    const row = csv.trim().split('\r\n')[1];
    expect(row).toBe(
      `1,Setting up a *new* service | takes two days,confirmed,true,Do first,3,1,30,12.5,37.5,2,4,interview ticket,false,"'=cmd|""/c calc""!A1 I waited <b>two</b> days","Ana Okafor (backend developer, 1-3 years, Team Payments)",,`,
    );
  });

  it('quotes cells and neutralises formula characters', () => {
    expect([csvCell(null), csvCell(3.5), csvCell(true), csvCell('plain'), csvCell('a,b'), csvCell('say "hi"'), csvCell('+1'), csvCell('-x'), csvCell('@me')]).toEqual([
      '',
      '3.5',
      'true',
      'plain',
      '"a,b"',
      '"say ""hi"""',
      "'+1",
      "'-x",
      "'@me",
    ]);
  });
});
