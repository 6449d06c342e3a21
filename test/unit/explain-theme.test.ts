// "How was this computed?": the explanation is the ranking's own computation taken apart, and
// the help page's worked example is computed by it.
import { describe, expect, it } from 'vitest';
import { describeDeveloperTime, describeExplanation, describeItemTime, explainTheme, type ExplainableEvidence } from '@/server/inventory/explain-theme';
import { rankThemes } from '@/server/inventory/rank-themes';
import { computeWorkedExample, WORKED_EXAMPLE_EVIDENCE, WORKED_EXAMPLE_WINDOW } from '@/server/inventory/worked-example';

describe('the help page’s worked example', () => {
  const { explanation, ranked } = computeWorkedExample();

  it('has the numbers the help page states, the same as the ranking', () => {
    expect(explanation).toMatchObject({ affectedDevelopers: 4, activeAffectedDevelopers: 3, unattributedMentions: 1, developersWithTimeData: 3, medianMinutes: 600, hoursPerDeveloperPerMonth: 10, score: 40, reach: 0.1 });
    expect(ranked).toMatchObject({ affectedDevelopers: 4, unattributedMentions: 1, hoursPerDeveloperPerMonth: 10, score: 40, reach: 0.1, developersWithTimeData: 3 });
    expect(WORKED_EXAMPLE_WINDOW).toEqual({ from: '2026-01-01', to: '2026-03-31', months: 90 / 30.44 });
  });

  it('says per developer which figure counted', () => {
    const byName = Object.fromEntries(explanation.developers.map((developer) => [developer.name, developer]));
    expect(byName.Ana).toMatchObject({ largestRecurring: 120, singleMinutes: 120, monthlyMinutes: 120, larger: 'recurring', singleCount: 2 });
    expect(byName.Ana.singlePerMonth).toBeCloseTo(120 / (90 / 30.44), 9);
    expect(byName.Bo).toMatchObject({ largestRecurring: 120, singleMinutes: 2010, larger: 'single' });
    expect(byName.Bo.monthlyMinutes).toBeCloseTo(2010 / (90 / 30.44), 9);
    expect(byName['Dee (archived since)']).toMatchObject({ isActive: false, monthlyMinutes: 600, larger: 'recurring' });
    expect(byName.Cy).toMatchObject({ monthlyMinutes: null, larger: null });
    // The costliest developer first, developers without time data last.
    expect(explanation.developers.map((developer) => developer.name)).toEqual(['Bo', 'Dee (archived since)', 'Ana', 'Cy']);
  });

  it('puts it in words', () => {
    const steps = describeExplanation(explanation);
    expect(steps).toEqual([
      'Window: 2026-01-01 to 2026-03-31, 2.96 months. Single occurrences (a ticket, a friction event, a post-mortem factor) are spread over it; it never counts as less than one month.',
      'Affected developers: 4 (plus 1 unattributed mention, shown beside and never added in).',
      'Hours lost per affected developer per month: the median of the 3 developers with time data (120 min, 600 min, 680 min) = 600 min = 10 h.',
      'Score: 4 affected developers × 10 h = 40 developer-hours lost per month.',
      'Reach: 3 of 30 active developers = 10% (1 affected developer archived since: their evidence counts, their reach does not).',
    ]);
    const bo = explanation.developers[0];
    expect(describeDeveloperTime(bo, explanation.window)).toBe(
      'Largest recurring estimate 120 min a month; 2 single occurrences adding up to 2,010 min over 2.96 months = 680 min a month. Counts 680 min a month (the single occurrences are larger; the larger counts, not the sum).',
    );
    expect(bo.items.map(describeItemTime)).toEqual(['severity 5 (1,920 min), once', '60 min × 2 a month = 120 min a month', '90 min, once']);
    expect(describeDeveloperTime(explanation.developers[3], explanation.window)).toBe('No time data: counted as affected, left out of the median.');
  });
});

describe('explainTheme', () => {
  it('agrees with the ranking on random evidence and windows', () => {
    let seed = 11;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let round = 0; round < 30; round += 1) {
      const evidence: ExplainableEvidence[] = Array.from({ length: 40 }, (_, index) => {
        const isSingle = random() < 0.5;
        const timing = random();
        return {
          themeId: 't',
          evidenceId: `e${index}`,
          participantId: random() < 0.1 ? null : `p${Math.floor(random() * 8)}`,
          participantName: 'Someone',
          isParticipantActive: random() < 0.8,
          sourceKind: isSingle ? 'ticket' : 'interview',
          kind: isSingle ? 'single' : 'recurring',
          minutesLost: timing < 0.5 ? Math.round(random() * 500) : null,
          severity: timing >= 0.5 && timing < 0.8 ? 1 + Math.floor(random() * 5) : null,
          occurrencesPerMonth: isSingle ? 1 : [0.5, 1, 4][Math.floor(random() * 3)],
          observedOn: '2026-02-01',
          sourcePath: '/x',
          excerpt: 'x',
        };
      });
      const window = { from: '2026-01-01', to: '2026-06-30', months: 1 + random() * 11 };
      const explanation = explainTheme({ evidence, window, directorySize: 6, maxItemsPerDeveloper: 2 });
      const [ranked] = rankThemes({ themes: [{ id: 't', title: 'T' }], evidence, directorySize: 6, windowMonths: window.months });
      expect(explanation).toMatchObject({
        affectedDevelopers: ranked.affectedDevelopers,
        unattributedMentions: ranked.unattributedMentions,
        hoursPerDeveloperPerMonth: ranked.hoursPerDeveloperPerMonth,
        score: ranked.score,
        reach: ranked.reach,
        developersWithTimeData: ranked.developersWithTimeData,
      });
      expect(explanation.reach ?? 0).toBeLessThanOrEqual(1);
      for (const developer of explanation.developers) {
        expect(developer.items.length).toBeLessThanOrEqual(2);
        expect(developer.items.length + developer.hiddenItems).toBe(evidence.filter((item) => item.participantId === developer.participantId).length);
      }
    }
  });

  it('counts an evidence row once even when it arrives twice', () => {
    const [first] = WORKED_EXAMPLE_EVIDENCE;
    const explanation = explainTheme({ evidence: [first, { ...first }], window: WORKED_EXAMPLE_WINDOW, directorySize: 3 });
    expect(explanation).toMatchObject({ evidenceCount: 1, affectedDevelopers: 1, medianMinutes: 120 });
  });
});
