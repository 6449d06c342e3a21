'use client';
// The survey builder: title, dates, who may answer, what to ask about the respondent, and the
// questions. Once a survey has responses, controls that would break collected answers are locked
// (the server refuses such edits too, with the reason).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button } from '@/app/_components/button';
import { FormError, SelectField, TextAreaField, TextField } from '@/app/_components/field';
import { Panel } from '@/app/_components/page-header';
import { useToast } from '@/app/_components/toast';
import { describeError, useTRPC } from '@/app/_trpc/client';
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
  const queryClient = useQueryClient();
  const toast = useToast();
  const [draft, setDraft] = useState(() => ({ ...initial, questions: undefined }));
  const [rows, setRows] = useState<QuestionRow[]>(() => initial.questions.map(toRow));
  const hasResponses = responseCount > 0;

  const options = {
    onSuccess: async ({ id }: { id: string }) => {
      await queryClient.invalidateQueries({ queryKey: trpc.surveys.pathKey() });
      toast(surveyId ? 'Survey saved' : 'Survey created');
      onSaved(id);
    },
  };
  const create = useMutation(trpc.surveys.create.mutationOptions(options));
  const update = useMutation(trpc.surveys.update.mutationOptions(options));
  const mutation = surveyId ? update : create;
  const error = mutation.error ? describeError(mutation.error) : null;
  // Creating validates the draft itself, saving validates {id, draft}: the same paths either way.
  const fieldErrors = Object.fromEntries(Object.entries(error?.fieldErrors ?? {}).map(([path, messages]) => [path.replace(/^draft\./, ''), messages]));
  const fieldError = (path: string) => fieldErrors[path]?.[0] ?? Object.entries(fieldErrors).find(([other]) => other.startsWith(`${path}.`))?.[1][0];
  const problems = (error?.details?.problems as string[] | undefined) ?? [];

  function change(key: string, changes: Partial<QuestionRow>) {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...changes } : row)));
  }

  function move(index: number, by: -1 | 1) {
    setRows((current) => {
      const next = [...current];
      [next[index], next[index + by]] = [next[index + by], next[index]];
      return next;
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const value: SurveyDraft = {
      ...draft,
      questions: rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        prompt: row.prompt,
        isRequired: row.isRequired,
        options: isChoiceKind(row.kind) ? row.optionsText.split('\n').map((option) => option.trim()).filter(Boolean) : [],
      })),
    };
    if (surveyId) update.mutate({ id: surveyId, draft: value });
    else create.mutate(value);
  }

  return (
    <form onSubmit={submit} noValidate aria-label={surveyId ? 'Edit survey' : 'New survey'} className="flex flex-col gap-6">
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
          <TextField className="sm:col-span-2" label="Title" value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} error={fieldError('title')} />
          <TextAreaField
            className="sm:col-span-2"
            label="Introduction (optional)"
            hint="Shown above the questions. Say how long it takes and that answers are anonymous."
            rows={3}
            value={draft.intro}
            onChange={(e) => setDraft({ ...draft, intro: e.target.value })}
            error={fieldError('intro')}
          />
          <TextField label="Quarter" hint="The point on the trend, like 2026-Q3." value={draft.quarter} onChange={(e) => setDraft({ ...draft, quarter: e.target.value })} error={fieldError('quarter')} />
          <div className="grid grid-cols-2 gap-3">
            <TextField label="Opens on" type="date" value={draft.opensOn} onChange={(e) => setDraft({ ...draft, opensOn: e.target.value })} error={fieldError('opensOn')} />
            <TextField label="Closes on" type="date" value={draft.closesOn} onChange={(e) => setDraft({ ...draft, closesOn: e.target.value })} error={fieldError('closesOn')} />
          </div>
          <fieldset>
            <legend className="mb-1 text-sm font-medium text-slate-800">Who can answer</legend>
            <div className="flex flex-col gap-1 text-sm text-slate-800">
              <label className="flex items-center gap-2">
                <input type="radio" name="access" checked={draft.access === 'link'} onChange={() => setDraft({ ...draft, access: 'link' })} />
                Anyone with the link
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" name="access" checked={draft.access === 'invitation'} onChange={() => setDraft({ ...draft, access: 'invitation' })} />
                Only developers with a single-use invitation link
              </label>
              {draft.access === 'link' && (
                <label className="mt-1 flex items-start gap-2">
                  <input
                    type="checkbox"
                    className="mt-1"
                    checked={draft.oneAnswerPerBrowser ?? true}
                    onChange={(e) => setDraft({ ...draft, oneAnswerPerBrowser: e.target.checked })}
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
                <input type="checkbox" checked={draft.asksTeam} onChange={(e) => setDraft({ ...draft, asksTeam: e.target.checked })} />
                Their team
              </label>
              <label className="flex items-center gap-2">
                <input type="checkbox" checked={draft.asksTenure} onChange={(e) => setDraft({ ...draft, asksTenure: e.target.checked })} />
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
                      onClick={() => setRows((current) => current.filter((other) => other.key !== row.key))}
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
            onClick={() => setRows((current) => [...current, toRow({ kind: 'free_text', prompt: '', isRequired: false, options: [] })])}
          >
            Add question
          </Button>
        </div>
      </Panel>
      <div>
        <Button type="submit" isBusy={mutation.isPending}>
          {surveyId ? 'Save changes' : 'Create survey'}
        </Button>
      </div>
    </form>
  );
}
