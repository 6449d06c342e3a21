// Tenure as people write it in a directory export: bands, lengths in years and months, dates of
// joining (counted to a fixed today), and what is refused, with the message naming what works.
import { describe, expect, it } from 'vitest';
import { bandOfMonths, monthsSinceJoining, parseTenureLength, readTenure } from '@/server/lib/tenure';

const TODAY = new Date(Date.UTC(2026, 11, 5));

describe('parseTenureLength', () => {
  it.each([
    ['2 years', 24],
    ['2 yrs', 24],
    ['1 year', 12],
    ['6 months', 6],
    ['six months', 6],
    ['18m', 18],
    ['18 mo', 18],
    ['1y 6m', 18],
    ['1y6m', 18],
    ['1 year and 6 months', 18],
    ['1 year, 6 months', 18],
    ['1.5 years', 18],
    ['3Y', 36],
    ['0 months', 0],
  ])('reads "%s" as %i months', (text, months) => {
    expect(parseTenureLength(text)).toBe(months);
  });

  it.each(['', 'forever', '2', '2 years ago', '1y 6', 'years', '2 weeks', '1y 2y', 'lots of years', '-2 years'])('refuses "%s"', (text) => {
    expect(parseTenureLength(text)).toBeNull();
  });
});

describe('bandOfMonths', () => {
  it.each([
    [0, '<1y'],
    [11, '<1y'],
    [12, '1-3y'],
    [35, '1-3y'],
    [36, '3-5y'],
    [59, '3-5y'],
    [60, '5y+'],
    [300, '5y+'],
  ])('puts %i months in %s', (months, band) => {
    expect(bandOfMonths(months)).toBe(band);
  });
});

describe('monthsSinceJoining', () => {
  it('counts whole months to today, a day short of a month not counted', () => {
    expect(monthsSinceJoining('2024-12-05', TODAY)).toBe(24);
    expect(monthsSinceJoining('2024-12-06', TODAY)).toBe(23);
    expect(monthsSinceJoining('2024-12', TODAY)).toBe(24);
    expect(monthsSinceJoining('2026-12-05', TODAY)).toBe(0);
  });
  it('tells a future date and refuses dates that do not exist', () => {
    expect(monthsSinceJoining('2027-01-01', TODAY)).toBe('future');
    expect(monthsSinceJoining('2024-02-30', TODAY)).toBeNull();
    expect(monthsSinceJoining('2024-13', TODAY)).toBeNull();
    expect(monthsSinceJoining('05/12/2024', TODAY)).toBeNull();
  });
});

describe('readTenure', () => {
  it.each([
    ['1-3y', '1-3y'],
    ['5+', '5y+'],
    ['2 years', '1-3y'],
    ['6 months', '<1y'],
    ['18m', '1-3y'],
    ['1y 6m', '1-3y'],
    ['3 years', '3-5y'],
    ['5 years', '5y+'],
    ['2024-03-01', '1-3y'],
    ['2021-12-05', '5y+'],
    ['2026-06', '<1y'],
  ])('reads "%s" as %s', (text, band) => {
    expect(readTenure(text, TODAY)).toEqual({ band });
  });

  it('reads an empty cell as unknown', () => {
    expect(readTenure('  ', TODAY)).toEqual({ band: null });
  });

  it('names a future date of joining and explains what it accepts otherwise', () => {
    expect(readTenure('2027-03-01', TODAY)).toEqual({ problem: '"2027-03-01" is a date of joining in the future.' });
    const refused = readTenure('since forever', TODAY);
    expect('problem' in refused && refused.problem).toMatch(/^"since forever" is not a tenure\. Write a band .*"2 years".*"18m".*date of joining/);
  });
});
