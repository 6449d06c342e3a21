'use client';
// The survey builder: title, dates, who may answer, what to ask about the respondent, and the
// questions. Once a survey has responses, controls that would break collected answers are locked
// (the server refuses such edits too, with the reason).
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/app/_components/button';
import { FormError, SelectField, TextAreaField, TextField } from '@/app/_components/field';
import { Panel } from '@/app/_components/page-header';
import { useToast } from '@/app/_components/toast';
import { useFormMutation } from '@/app/_components/use-form-mutation';
import { useTRPC, useTRPCClient } from '@/app/_trpc/client';
import { isChoiceKind, QUESTION_KIND_LABELS, QUESTION_KINDS, type QuestionKind, type SurveyDraft } from '@/server/surveys/rules';

interface QuestionRow {
  key: string;
  id: string | null;
  kind: QuestionKind;
  prompt: string;
  isRequired: boolean;
  optionsText: string;
  /** As saved, to know what may no longer change once there are responses. */
  saved: { kind: QuestionKind; isRequired: boolean } | null;
}

let rowCounter = 0;
const toRow = (question: SurveyDraft['questions'][number]): QuestionRow => ({
  key: `q${++rowCounter}`,
  id: question.id ?? null,
  kind: question.kind,
  prompt: question.prompt,
  isRequired: question.isRequired,
  optionsText: question.options.join('\n'),
  saved: question.id ? { kind: question.kind, isRequired: question.isRequired } : null,
});

const KIND_OPTIONS = QUESTION_KINDS.map((kind) => ({ value: kind, label: QUESTION_KIND_LABELS[kind] }));

export function SurveyBuilder({
  initial,
  surveyId,
  responseCount = 0,
  onSaved,
}: {
  initial: SurveyDraft;
  surveyId?: string;
  responseCount?: number;
  onSaved: (id: string) => void;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const toast = useToast();
  // The survey's settings as they are, its questions as rows being edited (row keys made once).
  const [start] = useState(() => {
    const { questions, ...settings } = initial;
    return { ...settings, rows: questions.map(toRow) };
  });
  const hasResponses = responseCount > 0;

  const form = useFormMutation({
    initialValues: start,
    // One form for both: creating sends the draft, saving sends {id, draft}.
    mutation: {
      mutationFn: (draft: SurveyDraft) => (surveyId ? client.surveys.update.mutate({ id: surveyId, draft }) : client.surveys.create.mutate(draft)),
    },
    toInput: ({ rows, ...settings }): SurveyDraft => ({
      ...settings,
      questions: rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        prompt: row.prompt,
        isRequired: row.isRequired,
        options: isChoiceKind(row.kind) ? row.optionsText.split('\n').map((option) => option.trim()).filter(Boolean) : [],
      })),
    }),
    // Saving is refused at `draft.title`, creating at `title`: the same fields either way.
    fieldErrorPath: (path) => path.replace(/^draft\./, ''),
    onSuccess: async ({ id }) => {
      await queryClient.invalidateQueries({ queryKey: trpc.surveys.pathKey() });
      toast(surveyId ? 'Survey saved' : 'Survey created');
      onSaved(id);
    },
  });
  const { rows, ...draft } = form.values;
  const error = form.error;
  // A question's message may sit deeper than its field (`questions.0.options.2`): the first one shows.
  const fieldError = (path: string) => form.errorFor(path)?.[0] ?? Object.entries(error?.fieldErrors ?? {}).find(([other]) => other.startsWith(`${path}.`))?.[1][0];
  const problems = (error?.details?.problems as string[] | undefined) ?? [];
  const setRows = (next: QuestionRow[]) => form.set('rows', next);

  function change(key: string, changes: Partial<QuestionRow>) {
    setRows(rows.map((row) => (row.key === key ? { ...row, ...changes } : row)));
  }

  function move(index: number, by: -1 | 1) {
    const next = [...rows];
    [next[index], next[index + by]] = [next[index + by], next[index]];
    setRows(next);
  }

  return (
    <form onSubmit={form.submit} noValidate aria-label={surveyId ? 'Edit survey' : 'New survey'} className="flex flex-col gap-6">
      <FormError message={error?.message} fieldErrors={problems.length > 0 ? {} : error?.fieldErrors} />
      {problems.length > 1 && (
        <ul className="list-disc pl-5 text-sm text-red-800">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <Panel title="About the survey">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField className="sm:col-span-2" label="Title" {...form.field('title')} />
          <TextAreaField
            className="sm:col-span-2"
            label="Introduction (optional)"
            hint="Shown above the questions. Say how long it takes and that answers are anonymous."
            rows={3}
            {...form.field('intro')}
          />
          <TextField label="Quarter" hint="The point on the trend, like 2026-Q3." {...form.field('quarter')} />
          <div className="grid grid-cols-2 gap-3">
            <TextField label="Opens on" type="date" {...form.field('opensOn')} />
            <TextField label="Closes on" type="date" {...form.field('closesOn')} />
          </div>
          <fieldset>
            <legend className="mb-1 text-sm font-medium text-slate-800">Who can answer</legend>
            <div className="flex flex-col gap-1 text-sm text-slate-800">
              <label className="flex items-center gap-2">
                <input type="radio" name="access" checked={draft.access === 'link'} onChange={() => form.set('access', 'link')} />
                Anyone with the link
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" name="access" checked={draft.access === 'invitation'} onChange={() => form.set('access', 'invitation')} />
                Only developers with a single-use invitation link
              </label>
              {draft.access === 'link' && (
                <label className="mt-1 flex items-start gap-2">
                  <input
                    type="checkbox"
                    className="mt-1"
                    checked={draft.oneAnswerPerBrowser ?? true}
                    onChange={(e) => form.set('oneAnswerPerBrowser', e.target.checked)}
                  />
                  <span>
                    One answer per browser
                    <span className="block text-xs text-slate-600">
                      A browser that answered sees &ldquo;this browser has already answered&rdquo;. It is marked in the browser only (a cookie and local storage): nothing
                      stored ties the browser to its answer. Switch off for a shared kiosk or laptop.
                    </span>
                  </span>
                </label>
              )}
            </div>
          </fieldset>
          <fieldset>
            <legend className="mb-1 text-sm font-medium text-slate-800">Ask respondents (they may skip it)</legend>
            <div className="flex flex-col gap-1 text-sm text-slate-800">
              <label className="flex items-center gap-2">
                <input type="checkbox" checked={draft.asksTeam} onChange={(e) => form.set('asksTeam', e.target.checked)} />
                Their team
              </label>
              <label className="flex items-center gap-2">
                <input type="checkbox" checked={draft.asksTenure} onChange={(e) => form.set('asksTenure', e.target.checked)} />
                Their tenure band
              </label>
            </div>
          </fieldset>
        </div>
      </Panel>

      <Panel
        title="Questions"
        description={
          hasResponses
            ? `This survey has ${responseCount} response${responseCount === 1 ? '' : 's'}: you can reword questions, add choices and add optional questions. Removing or retyping a question would break the answers already collected.`
            : 'Keep it short: a 1-10 score and one open question get the most answers.'
        }
      >
        <ol className="flex flex-col gap-4">
          {rows.map((row, index) => {
            const isLocked = hasResponses && row.saved !== null;
            return (
              <li key={row.key} className="rounded-lg border border-slate-200 p-3 sm:p-4">
                <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
                  <h3 className="text-sm font-semibold text-slate-900">Question {index + 1}</h3>
                  <div className="flex gap-1">
                    <Button variant="ghost" size="sm" disabled={index === 0} onClick={() => move(index, -1)} aria-label={`Move question ${index + 1} up`}>
                      Up
                    </Button>
                    <Button variant="ghost" size="sm" disabled={index === rows.length - 1} onClick={() => move(index, 1)} aria-label={`Move question ${index + 1} down`}>
                      Down
                    </Button>
                    <Button
                      variant="ghost"
                      size="sm"
                      disabled={isLocked || rows.length === 1}
                      title={isLocked ? 'It has answers: removing it would lose them' : undefined}
                      onClick={() => setRows(rows.filter((other) => other.key !== row.key))}
                      aria-label={`Remove question ${index + 1}`}
                    >
                      Remove
                    </Button>
                  </div>
                </div>
                <div className="grid gap-3 sm:grid-cols-3">
                  <TextField
                    className="sm:col-span-2"
                    label="Question"
                    value={row.prompt}
                    onChange={(e) => change(row.key, { prompt: e.target.value })}
                    error={fieldError(`questions.${index}.prompt`)}
                  />
                  <SelectField
                    label="Type"
                    value={row.kind}
                    disabled={isLocked}
                    hint={isLocked ? 'Fixed: it has answers.' : undefined}
                    onChange={(e) => change(row.key, { kind: e.target.value as QuestionKind })}
                    options={KIND_OPTIONS}
                    error={fieldError(`questions.${index}.kind`)}
                  />
                  {isChoiceKind(row.kind) && (
                    <TextAreaField
                      className="sm:col-span-3"
                      label="Choices, one per line"
                      hint={isLocked ? 'You can add choices; removing or renaming one would change collected answers.' : undefined}
                      rows={4}
                      value={row.optionsText}
                      onChange={(e) => change(row.key, { optionsText: e.target.value })}
                      error={fieldError(`questions.${index}.options`)}
                    />
                  )}
                  <label className="flex items-center gap-2 text-sm text-slate-800 sm:col-span-3">
                    <input
                      type="checkbox"
                      checked={row.isRequired}
                      disabled={hasResponses && (row.saved === null || !row.saved.isRequired) && !row.isRequired}
                      onChange={(e) => change(row.key, { isRequired: e.target.checked })}
                    />
                    Needs an answer
                  </label>
                </div>
              </li>
            );
          })}
        </ol>
        <div className="mt-4">
          <Button
            variant="secondary"
            disabled={rows.length >= 50}
            onClick={() => setRows([...rows, toRow({ kind: 'free_text', prompt: '', isRequired: false, options: [] })])}
          >
            Add question
          </Button>
        </div>
      </Panel>
      <div>
        <Button type="submit" isBusy={form.isPending}>
          {surveyId ? 'Save changes' : 'Create survey'}
        </Button>
      </div>
    </form>
  );
}
