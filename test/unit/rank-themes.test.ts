import { describe, expect, it } from 'vitest';
import {
  aggregateDevelopers,
  developerMonthlyMinutes,
  median,
  monthlyMinutes,
  rankThemes as rankThemesOverWindow,
  rankThemeSummaries,
  resolveWindow,
  summariseEvidence,
  windowMonthsBetween,
  type RankingEvidence,
} from '@/server/inventory/rank-themes';

/** Most cases below are about one month: a window of one month unless said otherwise. */
const rankThemes = (input: Omit<Parameters<typeof rankThemesOverWindow>[0], 'windowMonths'> & { windowMonths?: number }) =>
  rankThemesOverWindow({ windowMonths: 1, ...input });

let counter = 0;
function item(themeId: string, participantId: string | null, overrides: Partial<RankingEvidence> = {}): RankingEvidence {
  return {
    themeId,
    evidenceId: `e${++counter}`,
    participantId,
    isParticipantActive: true,
    sourceKind: 'interview',
    kind: 'recurring',
    minutesLost: null,
    occurrencesPerMonth: 1,
    severity: null,
    ...overrides,
  };
}

const themes = [
  { id: 'a', title: 'New services take two days' },
  { id: 'b', title: 'CI is flaky' },
  { id: 'c', title: 'Nobody knows who owns DNS' },
];

describe('monthlyMinutes and median', () => {
  it('multiplies minutes by occurrences and falls back to the severity scale', () => {
    expect(monthlyMinutes({ minutesLost: 30, severity: 5, occurrencesPerMonth: 4 })).toBe(120);
    expect(monthlyMinutes({ minutesLost: null, severity: 1, occurrencesPerMonth: 2 })).toBe(30);
    expect(monthlyMinutes({ minutesLost: null, severity: 3, occurrencesPerMonth: 1 })).toBe(240);
    expect(monthlyMinutes({ minutesLost: null, severity: 4, occurrencesPerMonth: 1 })).toBe(960);
    expect(monthlyMinutes({ minutesLost: null, severity: 5, occurrencesPerMonth: 1 })).toBe(1920);
    expect(monthlyMinutes({ minutesLost: 0, severity: 5, occurrencesPerMonth: 3 })).toBe(0);
    expect(monthlyMinutes({ minutesLost: null, severity: null, occurrencesPerMonth: 3 })).toBeNull();
  });

  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('rankThemes', () => {
  it('counts a developer once however many quotes they gave, and takes their largest recurring estimate, not the sum', () => {
    const [ranked] = rankThemes({
      themes: [themes[0]],
      directorySize: 10,
      evidence: [
        item('a', 'ana', { minutesLost: 60, occurrencesPerMonth: 2 }),
        item('a', 'ana', { minutesLost: 30 }),
        item('a', 'ana', { minutesLost: 30 }),
      ],
    });
    // Largest of 120, 30 and 30 minutes a month: the same story told three times counts once.
    expect(ranked).toMatchObject({ affectedDevelopers: 1, evidenceCount: 3, hoursPerDeveloperPerMonth: 2, score: 2, reach: 0.1 });
  });

  it('never counts unattributed evidence as a developer, nor in the severity', () => {
    const [ranked] = rankThemes({
      themes: [themes[0]],
      directorySize: 4,
      evidence: [item('a', null, { minutesLost: 6000 }), item('a', null), item('a', 'bo', { minutesLost: 120 })],
    });
    expect(ranked).toMatchObject({ affectedDevelopers: 1, unattributedMentions: 2, hoursPerDeveloperPerMonth: 2, score: 2, reach: 0.25 });
  });

  it('takes the median of per-developer monthly minutes, leaving out developers without time data', () => {
    const [ranked] = rankThemes({
      themes: [themes[0]],
      directorySize: 0,
      evidence: [
        item('a', 'ana', { minutesLost: 60 }), // 60
        item('a', 'bo', { minutesLost: 30, occurrencesPerMonth: 4 }), // 120
        item('a', 'bo', { severity: 2, kind: 'single', sourceKind: 'ticket' }), // 60 over one month: smaller, 120 counts
        item('a', 'bo', { severity: 4, kind: 'single', sourceKind: 'ticket' }), // with it 1,020: larger, 1,020 counts
        item('a', 'cy', { severity: 5 }), // 1920
        item('a', 'dee'), // no time data: counts for frequency only
      ],
    });
    // Median of [60, 1020, 1920] = 1,020 minutes = 17 hours; 4 affected developers.
    expect(ranked).toMatchObject({
      affectedDevelopers: 4,
      developersWithTimeData: 3,
      hoursPerDeveloperPerMonth: 17,
      score: 68,
      reach: null,
    });
  });

  it('ranks by score, then puts themes with unknown severity last by affected developers', () => {
    const ranked = rankThemes({
      themes,
      directorySize: 20,
      evidence: [
        item('a', 'ana', { minutesLost: 60 }),
        item('b', 'ana', { minutesLost: 600 }),
        item('c', 'ana'),
        item('c', 'bo'),
        item('c', 'cy'),
      ],
    });
    expect(ranked.map((theme) => [theme.rank, theme.themeId, theme.score])).toEqual([
      [1, 'b', 10],
      [2, 'a', 1],
      [3, 'c', null],
    ]);
    expect(ranked[2]).toMatchObject({ affectedDevelopers: 3, hoursPerDeveloperPerMonth: null });
  });

  it('breaks ties deterministically: developers, evidence count, title, id', () => {
    const tied = rankThemes({
      themes: [
        { id: 'z', title: 'Same' },
        { id: 'y', title: 'Same' },
        { id: 'x', title: 'Alpha' },
        { id: 'w', title: 'Beta' },
      ],
      directorySize: 5,
      evidence: [
        item('z', 'p1', { minutesLost: 60 }),
        item('y', 'p1', { minutesLost: 60 }),
        item('x', 'p1', { minutesLost: 60 }),
        item('w', 'p1', { minutesLost: 30 }),
        item('w', 'p2', { minutesLost: 90 }),
        item('x', null),
      ],
    });
    // w: 2 developers x median(30, 90)=1h -> 2; x, y, z: 1 x 1h -> 1; x has more evidence; y < z by id.
    expect(tied.map((theme) => theme.themeId)).toEqual(['w', 'x', 'y', 'z']);
    const shuffled = rankThemes({
      themes: [{ id: 'x', title: 'Alpha' }, { id: 'z', title: 'Same' }, { id: 'w', title: 'Beta' }, { id: 'y', title: 'Same' }],
      directorySize: 5,
      evidence: [
        item('x', null),
        item('w', 'p2', { minutesLost: 90 }),
        item('z', 'p1', { minutesLost: 60 }),
        item('x', 'p1', { minutesLost: 60 }),
        item('y', 'p1', { minutesLost: 60 }),
        item('w', 'p1', { minutesLost: 30 }),
      ],
    });
    expect(shuffled.map((theme) => theme.themeId)).toEqual(['w', 'x', 'y', 'z']);
  });

  it('keeps themes without evidence, with zeros and no score', () => {
    const [ranked] = rankThemes({ themes: [themes[0]], directorySize: 3, evidence: [] });
    expect(ranked).toMatchObject({ rank: 1, evidenceCount: 0, affectedDevelopers: 0, unattributedMentions: 0, score: null, reach: 0, sourceKinds: [] });
    expect(ranked.isSingleSource).toBe(false);
  });

  it('lists source kinds in a fixed order and flags a single source kind', () => {
    const ranked = rankThemes({
      themes: [themes[0], themes[1]],
      directorySize: 3,
      evidence: [
        item('a', 'ana', { sourceKind: 'ticket' }),
        item('a', 'bo', { sourceKind: 'interview' }),
        item('a', 'bo', { sourceKind: 'interview' }),
        item('b', 'cy', { sourceKind: 'survey' }),
      ],
    });
    const byId = Object.fromEntries(ranked.map((theme) => [theme.themeId, theme]));
    expect(byId.a).toMatchObject({ sourceKinds: ['interview', 'ticket'], isSingleSource: false });
    expect(byId.b).toMatchObject({ sourceKinds: ['survey'], isSingleSource: true });
  });

  it('counts an evidence row once even when it arrives twice for a theme', () => {
    const duplicate = item('a', 'ana', { minutesLost: 60 });
    const [ranked] = rankThemes({ themes: [themes[0]], directorySize: 1, evidence: [duplicate, { ...duplicate }] });
    expect(ranked).toMatchObject({ evidenceCount: 1, hoursPerDeveloperPerMonth: 1 });
  });
});

describe('rankThemeSummaries (the per-developer figures the SQL makes)', () => {
  it('gives the same ranking from summaries as from raw rows', () => {
    const evidence = [
      item('a', 'ana', { minutesLost: 60, sourceKind: 'ticket', kind: 'single' }),
      item('a', 'ana', { minutesLost: 45, sourceKind: 'ticket', kind: 'single' }),
      item('a', 'bo', { severity: 3 }),
      item('a', null, { minutesLost: 999, sourceKind: 'survey' }),
      item('b', 'ana', { minutesLost: 30, occurrencesPerMonth: 8 }),
      item('b', 'ana', { minutesLost: 10, occurrencesPerMonth: 2 }),
      item('c', 'cy', { isParticipantActive: false }),
    ];
    const summaries = summariseEvidence(evidence);
    expect(summaries.get('a')).toEqual({
      themeId: 'a',
      evidenceCount: 4,
      unattributedMentions: 1,
      developers: [
        { isActive: true, largestRecurring: null, singleMinutes: 105 },
        { isActive: true, largestRecurring: 240, singleMinutes: null },
      ],
      sourceKinds: ['interview', 'ticket', 'survey'],
    });
    expect(summaries.get('b')?.developers).toEqual([{ isActive: true, largestRecurring: 240, singleMinutes: null }]);
    expect(summaries.get('c')?.developers).toEqual([{ isActive: false, largestRecurring: null, singleMinutes: null }]);
    for (const windowMonths of [1, 2.5, 12]) {
      expect(rankThemeSummaries({ themes, summaries, directorySize: 5, windowMonths })).toEqual(rankThemes({ themes, evidence, directorySize: 5, windowMonths }));
    }
  });

  it('keeps a developer without time data as affected, with no figures', () => {
    const developers = aggregateDevelopers([item('a', 'ana'), item('a', 'ana', { minutesLost: 10, occurrencesPerMonth: 3 }), item('a', 'bo'), item('a', null, { minutesLost: 5 })]);
    expect([...developers.entries()]).toEqual([
      ['ana', { isActive: true, largestRecurring: 30, singleMinutes: null }],
      ['bo', { isActive: true, largestRecurring: null, singleMinutes: null }],
    ]);
  });
});

describe('the window single occurrences are spread over', () => {
  it('is days / 30.44, both ends included, never less than one month', () => {
    expect(windowMonthsBetween('2026-03-01', '2026-03-07')).toBe(1);
    expect(windowMonthsBetween('2026-01-01', '2026-01-01')).toBe(1);
    expect(windowMonthsBetween('2026-01-01', '2026-03-31')).toBeCloseTo(90 / 30.44, 12);
    expect(windowMonthsBetween('2025-01-01', '2025-12-31')).toBeCloseTo(365 / 30.44, 12);
    expect(windowMonthsBetween('2026-05-01', '2026-01-01')).toBe(1);
  });

  it('is the date filter, or the earliest evidence in the workspace to today', () => {
    const today = '2026-12-05';
    expect(resolveWindow({ from: '2026-01-01', to: '2026-03-31', earliestEvidence: '2020-01-01', today })).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
    expect(resolveWindow({ earliestEvidence: '2026-06-05', today })).toMatchObject({ from: '2026-06-05', to: today });
    expect(resolveWindow({ from: '2026-11-01', earliestEvidence: null, today })).toMatchObject({ from: '2026-11-01', to: today });
    expect(resolveWindow({ to: '2026-02-01', earliestEvidence: '2026-01-01', today })).toMatchObject({ from: '2026-01-01', to: '2026-02-01' });
    expect(resolveWindow({ earliestEvidence: null, today })).toEqual({ from: today, to: today, months: 1 });
  });
});

describe('DESIGN.md worked examples (Ranking: frequency x severity)', () => {
  const ticket = (participantId: string, overrides: Partial<RankingEvidence> = {}) => item('a', participantId, { sourceKind: 'ticket', kind: 'single', ...overrides });

  it('12 tickets of 60 minutes, one a month, 12-month window: 60 minutes a month, not 12 hours', () => {
    const evidence = Array.from({ length: 12 }, () => ticket('ana', { minutesLost: 60 }));
    const [ranked] = rankThemes({ themes: [themes[0]], directorySize: 10, evidence, windowMonths: 12 });
    expect(ranked.hoursPerDeveloperPerMonth).toBe(1);
    // The same over a calendar year's dates: 365 days / 30.44 = 11.99 months, about 60 minutes.
    const [year] = rankThemes({ themes: [themes[0]], directorySize: 10, evidence, windowMonths: windowMonthsBetween('2025-01-01', '2025-12-31') });
    expect(year.hoursPerDeveloperPerMonth! * 60).toBeCloseTo(60, 0);
  });

  it('interview "30 minutes, 4 times a month" + two 60-minute tickets in a 3-month window: 120, not 160', () => {
    const evidence = [item('a', 'ana', { minutesLost: 30, occurrencesPerMonth: 4 }), ticket('ana', { minutesLost: 60 }), ticket('ana', { minutesLost: 60 })];
    const [ranked] = rankThemes({ themes: [themes[0]], directorySize: 10, evidence, windowMonths: 3 });
    expect(ranked.hoursPerDeveloperPerMonth! * 60).toBe(120);
    expect(developerMonthlyMinutes({ largestRecurring: 120, singleMinutes: 120 }, 3)).toEqual({
      largestRecurring: 120,
      singleMinutes: 120,
      singlePerMonth: 40,
      monthlyMinutes: 120,
      larger: 'recurring',
    });
  });

  it('one ticket open 3 calendar days, no minutes entered: no time data (frequency only)', () => {
    const [ranked] = rankThemes({ themes: [themes[0]], directorySize: 10, evidence: [ticket('ana')] });
    expect(ranked).toMatchObject({ affectedDevelopers: 1, developersWithTimeData: 0, hoursPerDeveloperPerMonth: null, score: null });
  });

  it('the same ticket with the working-hours choice (Mon-Wed), 1-month window: 1,440', () => {
    const [ranked] = rankThemes({ themes: [themes[0]], directorySize: 10, evidence: [ticket('ana', { minutesLost: 3 * 8 * 60 })], windowMonths: 1 });
    expect(ranked.hoursPerDeveloperPerMonth! * 60).toBe(1440);
  });

  it('one 90-minute friction event, window of one week: 90 (the window counts as one month, never less)', () => {
    const evidence = [item('a', 'ana', { sourceKind: 'shadowing', kind: 'single', minutesLost: 90 })];
    const [ranked] = rankThemes({ themes: [themes[0]], directorySize: 10, evidence, windowMonths: windowMonthsBetween('2026-03-01', '2026-03-07') });
    expect(ranked.hoursPerDeveloperPerMonth! * 60).toBe(90);
  });

  it('two developers at 120 and 600: severity = median = 360 min = 6 h; score = 2 x 6 = 12', () => {
    const evidence = [item('a', 'ana', { minutesLost: 120 }), item('a', 'bo', { minutesLost: 600 })];
    const [ranked] = rankThemes({ themes: [themes[0]], directorySize: 10, evidence });
    expect(ranked).toMatchObject({ hoursPerDeveloperPerMonth: 6, score: 12 });
  });

  it('a severity stands in for missing minutes, for single occurrences too', () => {
    const evidence = [ticket('ana', { severity: 3 }), ticket('ana', { severity: 1 })];
    const [ranked] = rankThemes({ themes: [themes[0]], directorySize: 10, evidence, windowMonths: 2 });
    expect(ranked.hoursPerDeveloperPerMonth! * 60).toBe((240 + 15) / 2);
  });
});

describe('reach', () => {
  it('counts active developers on both sides, so it never exceeds 100%', () => {
    // Three affected developers, two of them archived since; the active directory is one developer.
    const evidence = [item('a', 'ana', { minutesLost: 60 }), item('a', 'bo', { isParticipantActive: false }), item('a', 'cy', { isParticipantActive: false })];
    const [ranked] = rankThemes({ themes: [themes[0]], directorySize: 1, evidence });
    expect(ranked).toMatchObject({ affectedDevelopers: 3, reach: 1 });
    const [none] = rankThemes({ themes: [themes[0]], directorySize: 4, evidence: [item('a', 'bo', { isParticipantActive: false })] });
    expect(none).toMatchObject({ affectedDevelopers: 1, reach: 0 });
  });
});
