import { describe, expect, it } from 'vitest';
import { describeField, interviewDateProblem, parseInterviewAnchor } from '@/server/interviews/rules';

describe('interview rules', () => {
  const today = new Date('2026-03-10T12:00:00Z');

  it.each([
    ['2026-03-10', null],
    ['2026-03-11', null],
    ['2026-03-12', 'The interview date is in the future; record an interview once it has happened'],
    ['2026-02-30', 'Use a date like 2026-03-31'],
    ['10/03/2026', 'Use a date like 2026-03-31'],
    ['1999-12-31', 'The interview date is before 2000; check the year'],
  ])('judges the date %s', (value, problem) => {
    expect(interviewDateProblem(value, today)).toBe(problem);
  });

  it('reads the spots of an interview', () => {
    expect(parseInterviewAnchor('q-2')).toBe(2);
    expect(parseInterviewAnchor('notes')).toBe('notes');
    expect(parseInterviewAnchor('q-0')).toBeNull();
    expect(parseInterviewAnchor('q-2; drop table')).toBeNull();
  });

  it('names fields for people', () => {
    expect(describeField('answer:3')).toBe('the answer to question 3');
    expect(describeField('notes')).toBe('the overall notes');
  });
});
