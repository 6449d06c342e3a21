// A survey's results: per-question numbers, breakdowns by team and tenure with small groups
// hidden, the quarterly trend across the runs of its series, free-text answers with full-text
// search, and the CSV export of the responses as stored.
import type { Db } from '@/server/db';
import { AppError } from '@/server/errors';
import * as participantQueries from '@/server/participants/queries';
import { TENURE_BANDS, TENURE_LABELS } from '@/server/lib/tenure';
import { csvOf, segmentsOf } from './export-csv';
import * as queries from './queries';
import * as results from './queries-results';
import { headlineOf, isChoiceKind, isScaleKind, SATISFACTION_BANDS, SCALE_RANGES, type ScaleKind } from './rules';
import {
  breakdownOf,
  distributionOf,
  enpsOf,
  healthOf,
  hiddenGroupsOf,
  meanOf,
  responseRateExceeds,
  responseRateOf,
  totalOf,
  type GroupScores,
  type ScoreCount,
} from './statistics';

async function requireSurvey(db: Db, id: string) {
  const survey = await queries.findSurvey(db, { id });
  if (!survey) throw new AppError('NOT_FOUND', 'This survey no longer exists.');
  return survey;
}

const NOT_REPORTED = '';

function scoresOf<T extends { score: number; count: number }>(rows: T[], test: (row: T) => boolean): ScoreCount[] {
  return rows.filter(test).map((row) => ({ score: row.score, count: row.count }));
}

function scaleSummary(kind: ScaleKind, counts: ScoreCount[]) {
  const mean = meanOf(counts);
  return {
    ...SCALE_RANGES[kind],
    mean,
    distribution: distributionOf(counts, SCALE_RANGES[kind]),
    enps: kind === 'enps' ? enpsOf(counts) : null,
    health: kind === 'scale_10' && mean !== null ? healthOf(mean) : null,
  };
}

type Dimension = 'team' | 'tenure_band';

/** A group's name as people read it: tenure bands by their label ('1-3 years'), not their code. */
function groupLabel(dimension: Dimension, key: string): string {
  if (key === NOT_REPORTED) return 'Not reported';
  return dimension === 'tenure_band' ? (TENURE_LABELS[key as keyof typeof TENURE_LABELS] ?? key) : key;
}

async function breakdownsBy(db: Db, questions: { id: string; kind: ScaleKind }[], dimension: Dimension) {
  const rows = await results.countScoresByGroup(db, { questionIds: questions.map((question) => question.id), dimension });
  if (!rows.some((row) => row.group !== null)) return null;
  const labels = [...new Set(rows.map((row) => row.group ?? NOT_REPORTED))];
  const rank = (label: string) =>
    label === NOT_REPORTED ? Number.MAX_SAFE_INTEGER : dimension === 'tenure_band' ? TENURE_BANDS.indexOf(label as (typeof TENURE_BANDS)[number]) : 0;
  labels.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return questions.map((question) => {
    const groups: GroupScores[] = labels.map((label) => ({
      key: label,
      counts: scoresOf(rows, (row) => row.question_id === question.id && (row.group ?? NOT_REPORTED) === label),
    }));
    return {
      questionId: question.id,
      groups: breakdownOf(groups, { isEnps: question.kind === 'enps' }).map((group) => ({
        ...group,
        label: groupLabel(dimension, group.key),
        isNotReported: group.key === NOT_REPORTED,
      })),
    };
  });
}

export async function getSurveyResults(db: Db, input: { id: string }) {
  const survey = await requireSurvey(db, input.id);
  const questions = await queries.listQuestions(db, { surveyIds: [survey.id] });
  const scale = questions.filter((question) => isScaleKind(question.kind)) as ((typeof questions)[number] & { kind: ScaleKind })[];
  const choice = questions.filter((question) => isChoiceKind(question.kind));
  const ids = (list: { id: string }[]) => list.map((question) => question.id);
  const [responseCount, answerCounts, scores, choices, byTeam, byTenure] = await Promise.all([
    results.countResponses(db, { surveyId: survey.id }),
    results.countAnswersByQuestion(db, { questionIds: ids(questions) }),
    results.countScores(db, { questionIds: ids(scale) }),
    results.countChoices(db, { questionIds: ids(choice) }),
    breakdownsBy(db, scale, 'team'),
    breakdownsBy(db, scale, 'tenure_band'),
  ]);
  return {
    responseCount,
    headlineQuestionId: headlineOf(questions)?.id ?? null,
    questions: questions.map((question) => {
      const answerCount = answerCounts.find((row) => row.question_id === question.id)?.count ?? 0;
      const base = { id: question.id, seriesKey: question.series_key, kind: question.kind, prompt: question.prompt, isRequired: question.is_required, answerCount };
      if (isScaleKind(question.kind)) {
        return { ...base, scale: scaleSummary(question.kind, scoresOf(scores, (row) => row.question_id === question.id)), choices: null };
      }
      if (isChoiceKind(question.kind)) {
        const counted = choices.filter((row) => row.question_id === question.id);
        return {
          ...base,
          scale: null,
          choices: question.options.map((option) => ({ option, count: counted.find((row) => row.choice === option)?.count ?? 0 })),
        };
      }
      return { ...base, scale: null, choices: null };
    }),
    breakdowns: { team: byTeam, tenure: byTenure },
  };
}

/** The trend of one scale question across the runs of the survey's series, one point per quarter. */
export async function getSurveyTrend(db: Db, input: { id: string; seriesKey?: string | null }) {
  const survey = await requireSurvey(db, input.id);
  const [runs, seriesQuestions, ownQuestions, directorySize] = await Promise.all([
    queries.listSeriesRuns(db, { seriesId: survey.series_id }),
    results.listSeriesQuestions(db, { seriesIds: [survey.series_id] }),
    queries.listQuestions(db, { surveyIds: [survey.id] }),
    participantQueries.countActiveParticipants(db),
  ]);
  const scaleQuestions = seriesQuestions.filter((question) => isScaleKind(question.kind));
  const chosen =
    scaleQuestions.find((question) => question.series_key === input.seriesKey) ??
    scaleQuestions.find((question) => question.series_key === headlineOf(ownQuestions)?.series_key) ??
    headlineOf(scaleQuestions);
  if (!chosen) return { questions: [], seriesKey: null, kind: null, bands: null, directorySize, points: [] };
  const scores = await results.countSeriesScores(db, { seriesId: survey.series_id, seriesKey: chosen.series_key });
  const kind = chosen.kind as ScaleKind;
  return {
    questions: scaleQuestions.map((question) => ({ seriesKey: question.series_key, kind: question.kind, prompt: question.prompt })),
    seriesKey: chosen.series_key,
    kind,
    bands: kind === 'scale_10' ? SATISFACTION_BANDS : null,
    /** Active developers in the directory today: the trend's response rate divides by it (DESIGN.md). */
    directorySize,
    points: runs.map((run) => {
      const counts = scoresOf(scores, (row) => row.survey_id === run.id);
      const responseCount = run.response_count ?? 0;
      return {
        surveyId: run.id,
        quarter: run.quarter,
        title: run.title,
        origin: run.origin,
        responseCount,
        responseRate: responseRateOf(responseCount, directorySize),
        isResponseRateCapped: responseRateExceeds(responseCount, directorySize),
        answerCount: totalOf(counts),
        mean: meanOf(counts),
        enps: kind === 'enps' ? (enpsOf(counts)?.score ?? null) : null,
      };
    }),
  };
}

/**
 * The platform satisfaction trend: the series of the most recent survey whose headline 1-10
 * question has scores (the quarterly satisfaction score), or null when no survey has one.
 */
export async function getLatestSatisfactionTrend(db: Db) {
  const latest = await results.findLatestScoredSurvey(db);
  if (!latest) return null;
  return { surveyId: latest.id, title: latest.title, quarter: latest.quarter, prompt: latest.prompt, ...(await getSurveyTrend(db, { id: latest.id })) };
}

/** Free-text answers, searchable by words (stemmed: "deploying" finds "deploy"), never by who wrote them. */
export async function listFreeTextAnswers(
  db: Db,
  input: { id: string; questionId?: string | null; responseId?: string | null; search?: string | null; limit: number; offset: number },
) {
  const survey = await requireSurvey(db, input.id);
  const questions = (await queries.listQuestions(db, { surveyIds: [survey.id] })).filter((question) => question.kind === 'free_text');
  if (input.questionId && !questions.some((question) => question.id === input.questionId)) {
    throw new AppError('BAD_REQUEST', 'This question is not a free-text question of this survey.', { field: 'questionId' });
  }
  const questionIds = input.questionId ? [input.questionId] : questions.map((question) => question.id);
  const search = input.search?.trim() || undefined;
  const { rows, total } = await results.listTextAnswers(db, { questionIds, search, responseId: input.responseId ?? undefined, limit: input.limit, offset: input.offset });
  return {
    total,
    rows: rows.map((row) => ({ responseId: row.response_id, questionId: row.question_id, text: row.text, segments: segmentsOf(row.marked_text) })),
  };
}

/**
 * Every response: the day, the self-reported team and tenure band, the answers. The same
 * group-size rule as the results: a team or tenure band with fewer than 5 responses is blanked,
 * and so is any group whose count would let a reader work a blanked one out from the total.
 */
export async function exportSurveyCsv(db: Db, input: { id: string }) {
  const survey = await requireSurvey(db, input.id);
  const [questions, { responses, answers }] = await Promise.all([
    queries.listQuestions(db, { surveyIds: [survey.id] }),
    results.listResponsesForExport(db, { surveyId: survey.id }),
  ]);
  const byResponse = new Map<string, Map<string, string>>();
  for (const answer of answers) {
    const value = answer.score !== null ? String(answer.score) : answer.choices ? answer.choices.join('; ') : (answer.text_value ?? '');
    const row = byResponse.get(answer.response_id) ?? new Map<string, string>();
    row.set(answer.question_id, value);
    byResponse.set(answer.response_id, row);
  }
  const hiddenOf = (values: (string | null)[]) => {
    const counts = new Map<string, number>();
    for (const value of values) counts.set(value ?? NOT_REPORTED, (counts.get(value ?? NOT_REPORTED) ?? 0) + 1);
    return hiddenGroupsOf([...counts].map(([key, count]) => ({ key, count })));
  };
  const hiddenTeams = hiddenOf(responses.map((response) => response.team));
  const hiddenTenures = hiddenOf(responses.map((response) => response.tenure_band));
  const shown = (value: string | null, hidden: Set<string>, label: (value: string) => string = (text) => text) =>
    value === null || hidden.has(value) ? '' : label(value);
  const header = ['Response date', 'Team', 'Tenure band', ...questions.map((question, index) => `Q${index + 1}. ${question.prompt}`)];
  const lines = responses.map((response) => [
    response.submitted_on,
    shown(response.team, hiddenTeams),
    shown(response.tenure_band, hiddenTenures, (band) => groupLabel('tenure_band', band)),
    ...questions.map((question) => byResponse.get(response.id)?.get(question.id) ?? ''),
  ]);
  const name = `${survey.title} ${survey.quarter}`.replace(/[^\w -]+/g, '').trim().replace(/\s+/g, '-').toLowerCase() || 'survey';
  return { fileName: `${name}.csv`, text: csvOf([header, ...lines]), blankedGroups: hiddenTeams.size + hiddenTenures.size };
}
