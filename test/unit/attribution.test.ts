// Quotes outside the workspace are attributed only as precisely as at least five active
// developers of the directory match.
import { describe, expect, it } from 'vitest';
import { attributeAnonymously, countMatching, type DirectoryProfileCount } from '@/server/inventory/attribution';

const group = (background: string | null, tenureBand: DirectoryProfileCount['tenureBand'], teamName: string | null, count: number): DirectoryProfileCount => ({
  background,
  tenureBand,
  teamName,
  count,
});
const ana = { background: 'backend', tenureBand: '1-3y' as const, teamName: 'Payments' };

describe('attributeAnonymously', () => {
  it('keeps every part when at least five active developers match it', () => {
    expect(attributeAnonymously(ana, [group('backend', '1-3y', 'Payments', 5)])).toBe('backend developer, 1-3 years, Team Payments');
  });

  it('drops the team, then the tenure, then the background, down to "a developer"', () => {
    const directory = [group('backend', '1-3y', 'Payments', 2), group('backend', '1-3y', 'Search', 3), group('backend', '5y+', 'Search', 1), group('frontend', '1-3y', 'Payments', 9)];
    expect(attributeAnonymously(ana, directory)).toBe('backend developer, 1-3 years');
    expect(attributeAnonymously(ana, directory.slice(0, 1).concat(group('backend', '5y+', 'Search', 3)))).toBe('backend developer');
    expect(attributeAnonymously(ana, [group('backend', '1-3y', 'Payments', 4), group('frontend', '1-3y', 'Payments', 20)])).toBe('a developer');
    expect(attributeAnonymously(ana, [])).toBe('a developer');
  });

  it('matches backgrounds whatever their case and spaces', () => {
    expect(countMatching({ background: ' Backend', tenureBand: null, teamName: null }, [group('backend', '1-3y', 'A', 2), group('BACKEND ', null, null, 3)])).toBe(5);
    expect(attributeAnonymously({ ...ana, background: 'Backend' }, [group('backend', '1-3y', 'Payments', 5)])).toBe('Backend developer, 1-3 years, Team Payments');
  });

  it('states only the parts a developer has, and says "unattributed" for no developer', () => {
    const noBackground = { background: null, tenureBand: '5y+' as const, teamName: 'Search' };
    expect(attributeAnonymously(noBackground, [group('data', '5y+', 'Search', 3), group(null, '5y+', 'Search', 2)])).toBe('developer, 5+ years, Team Search');
    expect(attributeAnonymously(noBackground, [group('data', '5y+', 'Search', 3), group(null, '5y+', 'Core', 1)])).toBe('a developer');
    expect(attributeAnonymously(null, [group('backend', '1-3y', 'Payments', 50)])).toBe('unattributed');
  });
});
