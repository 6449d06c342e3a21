// Pure logic of tickets and post-mortems: category rules, repeat-question clusters, wait times,
// requester matching, and reading real post-mortems in Markdown.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RequesterMatcher } from '@/server/imports/match-requesters';
import { findInfrastructureKeywords } from '@/server/postmortems/infrastructure-keywords';
import { listItems, parseDurationMinutes, parsePostmortemMarkdown } from '@/server/postmortems/parse-postmortem-markdown';
import { categorize, compileRules } from '@/server/tickets/categorize';
import { clusterQuestions, type QuestionNode } from '@/server/tickets/cluster-questions';
import { formatWait, waitMinutes } from '@/server/tickets/wait-time';

describe('categorize', () => {
  const rules = compileRules([
    { matchOn: 'label', pattern: 'CI', category: 'Pipelines' },
    { matchOn: 'keyword', pattern: 'Staging DB', category: 'Databases' },
  ]);
  const ticket = { title: 'Access to the staging db', body: '', labels: [], components: [], exportCategory: 'Access' };
  it('takes the first matching rule, else the export category', () => {
    expect(categorize(ticket, rules)).toBe('Databases');
    expect(categorize({ ...ticket, labels: ['ci'] }, rules)).toBe('Pipelines');
    expect(categorize({ ...ticket, title: 'Other' }, rules)).toBe('Access');
    expect(categorize({ ...ticket, title: 'Other', exportCategory: ' ' }, rules)).toBeNull();
  });
});

describe('clusterQuestions', () => {
  const node = (norm: string, ids: string[], requesters: string[], title = norm): QuestionNode => ({
    norm,
    title,
    ticketIds: ids,
    requesterKeys: requesters,
    categories: ['Access'],
    firstOpened: '2025-01-01',
    lastOpened: '2025-02-01',
  });
  it('joins similar titles transitively and counts asks and distinct developers', () => {
    const clusters = clusterQuestions({
      nodes: [node('a', ['1', '2'], ['x', 'y'], 'A?'), node('b', ['3'], ['x']), node('c', ['4'], ['z']), node('d', ['5'], ['w'])],
      pairs: [
        ['a', 'b'],
        ['b', 'c'],
        ['zz', 'a'],
      ],
    });
    expect(clusters).toEqual([
      { title: 'A?', ticketIds: ['1', '2', '3', '4'], askedCount: 4, developerCount: 3, category: 'Access', firstOpened: '2025-01-01', lastOpened: '2025-02-01', variants: ['A?', 'b', 'c'] },
    ]);
  });
});

describe('wait time', () => {
  it('counts minutes to resolution, or until now while open, capped at a month', () => {
    const opened = new Date('2025-01-01T00:00:00Z');
    expect(waitMinutes(opened, new Date('2025-01-01T02:30:00Z'))).toBe(150);
    expect(waitMinutes(opened, null, new Date('2025-01-02T00:00:00Z'))).toBe(1440);
    expect(waitMinutes(opened, new Date('2026-01-01T00:00:00Z'))).toBe(43_200);
    expect([formatWait(45), formatWait(125), formatWait(1500)]).toEqual(['45 min', '2 h 5 min', '1 d 1 h']);
  });
});

describe('RequesterMatcher', () => {
  it('matches by email, then by name for requesters without one, and creates each newcomer once', () => {
    const matcher = new RequesterMatcher([
      { id: 'p1', display_name: 'Ada Okafor', email: 'ADA@example.com' },
      { id: 'p2', display_name: 'Linus', email: null },
    ]);
    expect(matcher.resolve('Someone', 'ada@example.com')).toBe('p1');
    expect(matcher.resolve('linus', null)).toBe('p2');
    const zoe = matcher.resolve('Zoë', 'zoe@example.com');
    expect(zoe).toMatch(/^[0-9a-f-]{36}$/);
    expect(matcher.resolve('Zoë Ø.', 'ZOE@example.com')).toBe(zoe);
    expect(matcher.resolve(null, null)).toBeNull();
    expect(matcher.takeNew()).toEqual([{ id: zoe, displayName: 'Zoë', email: 'zoe@example.com' }]);
    expect(matcher.resolve(null, 'zoe@example.com')).toBe(zoe);
    expect(matcher.takeNew()).toEqual([]);
    const longName = 'x'.repeat(200);
    const long = matcher.resolve(longName, null);
    expect(matcher.resolve(longName.toUpperCase(), null)).toBe(long);
    expect(matcher.takeNew()).toEqual([{ id: long, displayName: 'x'.repeat(120), email: null }]);
  });
});

describe('post-mortems in Markdown', () => {
  it('reads every real DFDS post-mortem with a title, a date and a summary', () => {
    const dir = path.join(process.cwd(), 'test', 'fixtures', 'postmortems-dfds');
    const files = fs.readdirSync(dir).filter((name) => name.endsWith('.md'));
    expect(files.length).toBe(39);
    for (const name of files) {
      const parsed = parsePostmortemMarkdown(name, fs.readFileSync(path.join(dir, name), 'utf8'));
      expect(parsed.problems, name).toBeUndefined();
      expect(parsed.record!.title.length, name).toBeGreaterThan(5);
      expect(parsed.record!.incidentDate, name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(parsed.record!.summary.length, name).toBeGreaterThan(40);
    }
  });

  it('reads front matter, a Date line, stats and lists', () => {
    const text = '---\ntitle: "Queue backlog"\nseverity: SEV1\n---\nIntro text.\n\n## Root cause\n\n1. Consumers were\n   scaled to zero\n2. No alert\n\n# Stats\n\n- Category: Messaging\n- Time to detection: 1 hours 5 minutes\n- Time to recovery: 2 Days\n\nDate: 2024-02-29\n';
    const { record } = parsePostmortemMarkdown('queue.md', text);
    expect(record).toMatchObject({
      externalKey: 'queue',
      title: 'Queue backlog',
      severity: 'SEV1',
      summary: 'Intro text.',
      contributingFactors: ['Consumers were scaled to zero', 'No alert'],
      category: 'Messaging',
      detectionMinutes: 65,
      recoveryMinutes: 2880,
    });
  });

  it('refuses a post-mortem with no title, an empty one and a binary one', () => {
    expect(parsePostmortemMarkdown('x.md', 'Just text\n').problems?.[0]).toMatchObject({ file: 'x.md', row: 1, column: 'title' });
    expect(parsePostmortemMarkdown('x.md', '').problems?.[0].message).toBe('The file is empty.');
    expect(parsePostmortemMarkdown('x.md', '# T\u0000').problems?.[0].message).toMatch(/binary data/);
  });

  it('reads durations and suggests infrastructure', () => {
    expect(['54 minutes', '19 hours 43 minutes.', '11 Days', 'N/A', '279 minutes [^3]', '?'].map(parseDurationMinutes)).toEqual([54, 1183, 15840, null, 279, null]);
    expect(listItems('- a\n  continued\n- b')).toEqual(['a continued', 'b']);
    expect(findInfrastructureKeywords('Kubernetes nodes ran out of IP addresses in the subnet')).toEqual(['kubernetes', 'node', 'network']);
    expect(findInfrastructureKeywords('A typo in the release notes')).toEqual([]);
  });
});
