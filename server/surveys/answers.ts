// Checks one submission's answers against the survey's questions and turns them into the values
// stored, or lists every problem by question. Pure.
import { isScaleKind, MAX_FREE_TEXT, SCALE_RANGES, type QuestionKind } from './rules';

export interface QuestionToAnswer {
  id: string;
  kind: QuestionKind;
  isRequired: boolean;
  options: string[];
}

export type StoredAnswer =
  | { questionId: string; score: number; choices: null; text: null }
  | { questionId: string; score: null; choices: string[]; text: null }
  | { questionId: string; score: null; choices: null; text: string };

export interface AnswerProblem {
  questionId: string;
  message: string;
}

/** Drops control characters (NUL cannot even be stored), keeping tabs and line breaks. */
export function withoutControlCharacters(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);

function quoted(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `"${text.length > 60 ? `${text.slice(0, 60)}…` : text}"`;
}

function checkOne(question: QuestionToAnswer, value: unknown): StoredAnswer | string {
  const questionId = question.id;
  if (isScaleKind(question.kind)) {
    const { min, max } = SCALE_RANGES[question.kind];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      return `Choose a whole number from ${min} to ${max}; ${quoted(value)} is not one.`;
    }
    return { questionId, score: value, choices: null, text: null };
  }
  if (question.kind === 'single_choice') {
    if (typeof value !== 'string') return 'Choose one of the choices.';
    if (!question.options.includes(value)) return `${quoted(value)} is not one of the choices.`;
    return { questionId, score: null, choices: [value], text: null };
  }
  if (question.kind === 'multiple_choice') {
    if (!Array.isArray(value) || value.some((choice) => typeof choice !== 'string')) return 'Choose one or more of the choices.';
    const unknown = value.find((choice) => !question.options.includes(choice));
    if (unknown !== undefined) return `${quoted(unknown)} is not one of the choices.`;
    if (new Set(value).size !== value.length) return 'Choose each choice at most once.';
    // Stored in the order the survey offers them, whatever order they were ticked in.
    return { questionId, score: null, choices: question.options.filter((option) => value.includes(option)), text: null };
  }
  if (typeof value !== 'string') return 'Write the answer as text.';
  const text = withoutControlCharacters(value).trim();
  if (text.length > MAX_FREE_TEXT) return `Keep the answer under ${MAX_FREE_TEXT.toLocaleString('en-US')} characters (it has ${text.length.toLocaleString('en-US')}).`;
  return { questionId, score: null, choices: null, text };
}

/** Every answer checked against its question; unknown questions and missing required ones are problems. */
export function checkAnswers(questions: QuestionToAnswer[], submitted: Record<string, unknown>): { answers: StoredAnswer[]; problems: AnswerProblem[] } {
  const answers: StoredAnswer[] = [];
  const problems: AnswerProblem[] = [];
  const known = new Set(questions.map((question) => question.id));
  for (const questionId of Object.keys(submitted)) {
    if (!known.has(questionId)) problems.push({ questionId, message: 'This answer is for a question that is not in this survey.' });
  }
  for (const question of questions) {
    const value = submitted[question.id];
    if (isBlank(value)) {
      if (question.isRequired) problems.push({ questionId: question.id, message: 'This question needs an answer.' });
      continue;
    }
    const result = checkOne(question, value);
    if (typeof result === 'string') problems.push({ questionId: question.id, message: result });
    else answers.push(result);
  }
  return { answers, problems };
}
