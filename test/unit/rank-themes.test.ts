import { describe, expect, it } from 'vitest';
import {
  median,
  minutesByDeveloper,
  monthlyMinutes,
  rankThemes,
  rankThemeSummaries,
  summariseEvidence,
  type RankingEvidence,
} from '@/server/ranking/rank-themes';

let counter = 0;
function item(themeId: string, participantId: string | null, overrides: Partial<RankingEvidence> = {}): RankingEvidence {
  return {
    themeId,
    evidenceId: `e${++counter}`,
    participantId,
    sourceKind: 'interview',
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
  it('counts a developer once however many quotes they gave, and sums their time', () => {
    const [ranked] = rankThemes({
      themes: [themes[0]],
      directorySize: 10,
      evidence: [
        item('a', 'ana', { minutesLost: 60, occurrencesPerMonth: 2 }),
        item('a', 'ana', { minutesLost: 30 }),
        item('a', 'ana', { minutesLost: 30 }),
      ],
    });
    expect(ranked).toMatchObject({ affectedDevelopers: 1, evidenceCount: 3, hoursPerDeveloperPerMonth: 3, score: 3, reach: 0.1 });
  });

  it('never counts unattributed evidence as a developer, nor in the severity', () => {
    const [ranked] = rankThemes({
      themes: [themes[0]],
      directorySize: 4,
      evidence: [item('a', null, { minutesLost: 6000 }), item('a', null), item('a', 'bo', { minutesLost: 120 })],
    });
    expect(ranked).toMatchObject({ affectedDevelopers: 1, unattributedMentions: 2, hoursPerDeveloperPerMonth: 2, score: 2, reach: 0.25 });
  });

  it('takes the median of per-developer monthly sums, leaving out developers without time data', () => {
    const [ranked] = rankThemes({
      themes: [themes[0]],
      directorySize: 0,
      evidence: [
        item('a', 'ana', { minutesLost: 60 }), // 60
        item('a', 'bo', { minutesLost: 30, occurrencesPerMonth: 4 }), // 120
        item('a', 'bo', { severity: 2 }), // +60 = 180
        item('a', 'cy', { severity: 5 }), // 1920
        item('a', 'dee'), // no time data: counts for frequency only
      ],
    });
    // Median of [60, 180, 1920] = 180 minutes = 3 hours; 4 affected developers.
    expect(ranked).toMatchObject({
      affectedDevelopers: 4,
      developersWithTimeData: 3,
      hoursPerDeveloperPerMonth: 3,
      score: 12,
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

describe('rankThemeSummaries (the per-developer sums the SQL makes)', () => {
  it('gives the same ranking from summaries as from raw rows', () => {
    const evidence = [
      item('a', 'ana', { minutesLost: 60, sourceKind: 'ticket' }),
      item('a', 'bo', { severity: 3 }),
      item('a', null, { minutesLost: 999, sourceKind: 'survey' }),
      item('b', 'ana', { minutesLost: 30, occurrencesPerMonth: 8 }),
      item('c', 'cy'),
    ];
    const summaries = summariseEvidence(evidence);
    expect(summaries.get('a')).toEqual({
      themeId: 'a',
      evidenceCount: 3,
      unattributedMentions: 1,
      developerMinutes: [60, 240],
      sourceKinds: ['interview', 'ticket', 'survey'],
    });
    expect(summaries.get('c')?.developerMinutes).toEqual([null]);
    expect(rankThemeSummaries({ themes, summaries, directorySize: 5 })).toEqual(rankThemes({ themes, evidence, directorySize: 5 }));
  });

  it('sums a developer’s items, keeping null only when none has time data', () => {
    const sums = minutesByDeveloper([item('a', 'ana'), item('a', 'ana', { minutesLost: 10, occurrencesPerMonth: 3 }), item('a', 'bo'), item('a', null, { minutesLost: 5 })]);
    expect([...sums.entries()]).toEqual([
      ['ana', 30],
      ['bo', null],
    ]);
  });

  it('computes the worked example of the help page', () => {
    // Ana 960 + severity 2 (60) = 1,020 min; Bo 480; Cy no time; one anonymous survey answer.
    const [ranked] = rankThemes({
      themes: [themes[0]],
      directorySize: 30,
      evidence: [
        item('a', 'ana', { minutesLost: 960 }),
        item('a', 'ana', { severity: 2, sourceKind: 'ticket' }),
        item('a', 'bo', { minutesLost: 480, sourceKind: 'ticket' }),
        item('a', 'cy', { sourceKind: 'shadowing' }),
        item('a', null, { severity: 4, sourceKind: 'survey' }),
      ],
    });
    expect(ranked).toMatchObject({
      affectedDevelopers: 3,
      unattributedMentions: 1,
      hoursPerDeveloperPerMonth: 12.5,
      score: 37.5,
      reach: 0.1,
      developersWithTimeData: 2,
      sourceKinds: ['interview', 'shadowing', 'ticket', 'survey'],
    });
  });
});
