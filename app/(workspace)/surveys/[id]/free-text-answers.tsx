'use client';
// Free-text answers of a survey: full-text search (stemmed, so "deploying" finds "deploy"), and
// "Save as evidence" on the whole answer or the words selected in it, always unattributed.
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button } from '@/app/_components/button';
import { SelectField, TextField } from '@/app/_components/field';
import { Panel } from '@/app/_components/page-header';
import { SaveEvidenceDialog, type EvidenceSourceRef } from '@/app/_components/save-evidence';
import { useCanEdit } from '@/app/_components/session-context';
import { EmptyState, ErrorState, LoadingState } from '@/app/_components/states';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { EvidenceQuote, Pager } from '@/app/(workspace)/surveys/evidence-quote';
import { useHash } from '@/app/(workspace)/surveys/use-location';
import { ThemeFits, useDismissFitCallbacks } from '@/app/_components/theme-fits';
import { FREE_TEXT_PAGE, freeTextInput } from './inputs';

const ANSWER_ANCHOR = /^#answer-([0-9a-f-]{36})$/i;

export function FreeTextAnswers({ surveyId, questions }: { surveyId: string; questions: { id: string; prompt: string }[] }) {
  const trpc = useTRPC();
  const canEdit = useCanEdit();
  const [questionId, setQuestionId] = useState('');
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  // A link back from evidence (#answer-<id>) opens on that one answer, until the reader searches.
  const hash = useHash();
  const [isAnchorDismissed, setAnchorDismissed] = useState(false);
  const responseId = isAnchorDismissed ? null : (ANSWER_ANCHOR.exec(hash)?.[1] ?? null);
  const [source, setSource] = useState<EvidenceSourceRef | null>(null);

  const answers = useQuery({
    ...trpc.surveys.freeText.queryOptions(freeTextInput(surveyId, { questionId, responseId, search, offset })),
    placeholderData: keepPreviousData,
  });
  // "Fits theme X" beside the answers of this page that are not evidence yet (editors, who can save them).
  const pageAnswers = (answers.data?.rows ?? []).map((row) => ({ responseId: row.responseId, questionId: row.questionId }));
  const fits = useQuery({
    ...trpc.themes.suggestForSurveyAnswers.queryOptions({ surveyId, answers: pageAnswers }),
    enabled: canEdit && pageAnswers.length > 0,
  });
  const dismissFit = useMutation(trpc.themes.dismissAnswerFit.mutationOptions(useDismissFitCallbacks(() => fits.refetch())));
  const fitsOf = (row: { responseId: string; questionId: string }) =>
    fits.data?.answers.find((answer) => answer.responseId === row.responseId && answer.questionId === row.questionId)?.fits ?? [];
  const promptOf = (id: string) => questions.find((question) => question.id === id)?.prompt ?? '';

  function submit(event: FormEvent) {
    event.preventDefault();
    setSearch(draft.trim());
    setAnchorDismissed(true);
    setOffset(0);
  }

  const total = answers.data?.total ?? 0;
  return (
    <Panel
      title="Free-text answers"
      description="Anonymous, in no particular order. Select words in an answer, then save them as evidence for a pain theme. Where an answer shares words with a theme’s evidence, it says which theme it fits."
    >
      {/* Not useFormMutation: a search form, no mutation (saving an answer as evidence is SaveEvidenceDialog's form). */}
      <form role="search" aria-label="Search free-text answers" onSubmit={submit} className="mb-4 grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        {questions.length > 1 ? (
          <SelectField
            label="Question"
            value={questionId}
            onChange={(event) => {
              setQuestionId(event.target.value);
              setOffset(0);
            }}
            placeholder="Every free-text question"
            options={questions.map((question) => ({ value: question.id, label: question.prompt.length > 70 ? `${question.prompt.slice(0, 70)}…` : question.prompt }))}
          />
        ) : (
          <div className="hidden sm:block" />
        )}
        <TextField label="Search the answers" type="search" placeholder="e.g. docs, slow builds" value={draft} onChange={(event) => setDraft(event.target.value)} />
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      {responseId && (
        <p className="mb-3 text-sm text-slate-700">
          Showing the answer this evidence came from.{' '}
          <button type="button" className="font-medium text-brand-700 hover:underline" onClick={() => setAnchorDismissed(true)}>
            Show every answer
          </button>
        </p>
      )}
      {answers.isPending ? (
        <LoadingState label="Loading answers…" />
      ) : answers.isError ? (
        <ErrorState message={describeError(answers.error).message} onRetry={() => answers.refetch()} />
      ) : total === 0 ? (
        <EmptyState title={search ? `No answer mentions “${search}”` : 'No free-text answers yet'}>
          {search ? 'Search finds words and their forms (deploy, deploying, deployed). Try another word.' : 'Answers appear here as developers send them.'}
        </EmptyState>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-600" aria-live="polite">
            {total} answer{total === 1 ? '' : 's'}
            {search ? ` mention${total === 1 ? 's' : ''} “${search}”` : ''}
          </p>
          <ul className="flex flex-col gap-3">
            {answers.data.rows.map((row) => (
              <li key={`${row.responseId}:${row.questionId}`} id={`answer-${row.responseId}`} className="rounded-md border border-slate-200 bg-slate-50 p-3">
                {!questionId && questions.length > 1 && <p className="mb-1 text-xs font-medium text-slate-600">{promptOf(row.questionId)}</p>}
                <EvidenceQuote
                  text={row.text}
                  canSave={canEdit}
                  onSave={(excerpt) =>
                    setSource({ kind: 'survey', id: row.responseId, anchor: row.questionId, label: 'an anonymous survey answer', excerpt, participant: null })
                  }
                >
                  {row.segments.map((segment, index) =>
                    segment.isMatch ? (
                      <mark key={index} className="rounded bg-amber-100 px-0.5 text-slate-900">
                        {segment.text}
                      </mark>
                    ) : (
                      <span key={index}>{segment.text}</span>
                    ),
                  )}
                </EvidenceQuote>
                <ThemeFits
                  fits={fitsOf(row)}
                  label={row.text.slice(0, 60)}
                  canSave={canEdit}
                  onSave={(fit) =>
                    setSource({
                      kind: 'survey',
                      id: row.responseId,
                      anchor: row.questionId,
                      label: 'an anonymous survey answer',
                      excerpt: row.text,
                      participant: null,
                      themeIds: [fit.themeId],
                    })
                  }
                  onDismiss={(fit) => dismissFit.mutate({ surveyId, responseId: row.responseId, questionId: row.questionId, themeId: fit.themeId })}
                />
              </li>
            ))}
          </ul>
          <Pager label="Pages of answers" offset={offset} pageSize={FREE_TEXT_PAGE} total={total} onChange={setOffset} />
        </>
      )}
      <SaveEvidenceDialog source={source} onClose={() => setSource(null)} onSaved={() => fits.refetch()} />
    </Panel>
  );
}
