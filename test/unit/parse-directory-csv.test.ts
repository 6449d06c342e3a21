import { describe, expect, it } from 'vitest';
import { parseDirectoryCsv } from '@/server/participants/parse-directory-csv';
import { parseTenureBand } from '@/server/lib/tenure';

const HEADER = 'name,email,team,tenure,background';

describe('parseDirectoryCsv', () => {
  it('reads rows with a BOM, CRLF, quoted commas and multi-line cells', () => {
    const text = `\uFEFF${HEADER}\r\n"Okafor, Ada",ada@example.com,Payments,1-3 years,backend\r\n"Lin\nWei",,Search,<1y,"front, end"\r\n`;
    const { rows, problems } = parseDirectoryCsv(text);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { row: 2, name: 'Okafor, Ada', email: 'ada@example.com', team: 'Payments', tenureBand: '1-3y', background: 'backend' },
      { row: 3, name: 'Lin\nWei', email: null, team: 'Search', tenureBand: '<1y', background: 'front, end' },
    ]);
  });

  it('accepts the columns in any order and letter case', () => {
    const { rows, problems } = parseDirectoryCsv('Team,Background,Name,Tenure,EMAIL\nCore,SRE,Sam,5+,sam@example.com\n');
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({ name: 'Sam', team: 'Core', tenureBand: '5y+', background: 'SRE' });
  });

  it('names the missing header columns', () => {
    const { problems } = parseDirectoryCsv('name,email,team\nAda,ada@example.com,Payments\n');
    expect(problems).toEqual([{ row: 1, message: expect.stringContaining('missing "tenure", "background"') }]);
  });

  it('names the row and column of an unknown tenure band and of a bad email', () => {
    const { rows, problems } = parseDirectoryCsv(`${HEADER}\nAda,ada@example.com,Payments,forever,backend\nBo,not-an-email,Core,1-3y,\n`);
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      {
        row: 2,
        column: 'tenure',
        message: '"forever" is not a tenure. Write a band (<1y, 1-3y, 3-5y, 5y+), a length such as "2 years", "6 months", "18m" or "1y 6m", or a date of joining such as 2024-03-01.',
      },
      { row: 3, column: 'email', message: '"not-an-email" is not a valid email address.' },
    ]);
  });

  it('reports a duplicate email inside the file in any letter case, pointing at the first row', () => {
    const { problems } = parseDirectoryCsv(`${HEADER}\nAda,ada@example.com,,,\nAda Again,ADA@example.com,,,\n`);
    expect(problems).toEqual([{ row: 3, column: 'email', message: 'ADA@example.com already appears in row 2.' }]);
  });

  it('reports broken quoting with its row', () => {
    const { problems } = parseDirectoryCsv(`${HEADER}\nAda,ada@example.com,,,\nBo,"bo@example.com,Core,1-3y,backend\nCy,cy@example.com,,,\n`);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/^Row 3: a quoted cell is never closed/);
  });

  it('refuses binary data and empty files', () => {
    const binary = Array.from({ length: 5 * 1024 }, (_, i) => String.fromCharCode(i % 256)).join('');
    expect(parseDirectoryCsv(binary).problems[0].message).toContain('not a CSV text file');
    expect(parseDirectoryCsv('').problems[0].message).toContain('empty');
    expect(parseDirectoryCsv(`${HEADER}\n`).problems[0].message).toContain('no developers');
  });
});

describe('parseTenureBand', () => {
  it.each([
    ['<1y', '<1y'],
    ['less than 1 year', '<1y'],
    ['1-3 years', '1-3y'],
    ['3-5', '3-5y'],
    ['5y+', '5y+'],
    ['5+ years', '5y+'],
    ['', null],
    ['7 years', undefined],
    ['senior', undefined],
  ])('%s -> %s', (input, expected) => {
    expect(parseTenureBand(input)).toBe(expected);
  });
});
