'use client';
// A survey's results: response count and rate, the headline score and its health band, the
// quarterly trend across runs, each question's numbers, breakdowns by team and tenure (small
// groups hidden), and the free-text answers, searchable, each one a click from evidence.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import type { RouterOutputs } from '@/server/root';
import { Button, ButtonLink } from '@/app/_components/button';
import { SelectField } from '@/app/_components/field';
import { Badge, Panel } from '@/app/_components/page-header';
import { DistributionChart, TrendChart } from '@/app/_components/score-charts';
import { useShipMarkers } from '@/app/_components/use-ship-markers';
import { useCanEdit } from '@/app/_components/session-context';
import { EmptyState, ErrorState, LoadingState } from '@/app/_components/states';
import { Table, Td, Th } from '@/app/_components/table';
import { useToast } from '@/app/_components/toast';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { formatRate, formatScore, HealthBadge } from '@/app/(workspace)/surveys/survey-format';
import { FreeTextAnswers } from './free-text-answers';
import { downloadText } from './survey-share';
import { trendInput } from './inputs';

type Outputs = RouterOutputs['surveys'];
type Survey = Outputs['get'];
type Results = Outputs['results'];
type Question = Results['questions'][number];

function Stat({ label, value, children }: { label: string; value: string; children?: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-3xl font-semibold text-slate-900 tabular-nums">{value}</dd>
      {children && <dd className="mt-1 text-sm text-slate-600">{children}</dd>}
    </div>
  );
}

function Trend({ surveyId }: { surveyId: string }) {
  const trpc = useTRPC();
  const markers = useShipMarkers('quarter');
  const [seriesKey, setSeriesKey] = useState<string | null>(null);
  const trend = useQuery(trpc.surveys.trend.queryOptions(trendInput(surveyId, seriesKey)));
  if (trend.isPending) return <LoadingState label="Loading the trend…" />;
  if (trend.isError) return <ErrorState message={describeError(trend.error).message} onRetry={() => trend.refetch()} />;
  const data = trend.data;
  if (!data.kind) return null;
  const isEnps = data.kind === 'enps';
  const domain: [number, number] = isEnps ? [-100, 100] : data.kind === 'scale_5' ? [1, 5] : [1, 10];
  const prompt = data.questions.find((question) => question.seriesKey === data.seriesKey)?.prompt ?? '';
  return (
    <Panel
      title="Trend across quarters"
      description={
        data.points.length < 2
          ? 'One point so far. Run this survey again next quarter, or import last year’s results, to draw the line.'
          : 'Each point is one run of this survey. Healthy above 7.5, warning below 6.5.'
      }
      actions={
        data.questions.length > 1 && (
          <SelectField
            label="Question"
            value={data.seriesKey ?? ''}
            onChange={(event) => setSeriesKey(event.target.value)}
            options={data.questions.map((question) => ({ value: question.seriesKey, label: question.prompt.length > 60 ? `${question.prompt.slice(0, 60)}…` : question.prompt }))}
          />
        )
      }
    >
      <TrendChart
        caption={`${isEnps ? 'eNPS' : 'Mean score'} per quarter: ${prompt}`}
        points={data.points.map((point) => ({ label: point.quarter, value: isEnps ? point.enps : point.mean, count: point.answerCount }))}
        domain={domain}
        bands={data.bands}
        valueName={isEnps ? 'eNPS' : 'Mean'}
        markers={markers}
      />
      <div className="mt-4">
        <Table caption="Response rate per quarter">
          <thead>
            <tr>
              <Th>Quarter</Th>
              <Th className="text-right">Responses</Th>
              <Th className="text-right">Response rate</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {data.points.map((point) => (
              <tr key={point.surveyId}>
                <Td>{point.quarter}</Td>
                <Td className="text-right tabular-nums">{point.responseCount}</Td>
                <Td className="text-right tabular-nums">
                  {formatRate(point.responseRate)}
                  {point.isResponseRateCapped && <span className="block text-xs text-slate-600">more responses than developers: capped</span>}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
        <p className="mt-2 text-xs text-slate-600">
          {data.directorySize > 0
            ? `Response rate = responses ÷ the ${data.directorySize} active developers in the directory today (the same divisor for every quarter, so runs compare). Shown as 100% at most.`
            : 'Response rate = responses ÷ active developers in the directory; add developers to the directory to measure it.'}
        </p>
      </div>
    </Panel>
  );
}

function QuestionResult({ question, index }: { question: Question; index: number }) {
  const title = `${index + 1}. ${question.prompt}`;
  const answered = `${question.answerCount} answer${question.answerCount === 1 ? '' : 's'}`;
  if (question.scale) {
    const { scale } = question;
    return (
      <Panel title={title} description={answered}>
        <div className="mb-3 flex flex-wrap items-center gap-3 text-sm text-slate-800">
          <span>
            Mean <strong className="text-lg tabular-nums">{formatScore(scale.mean, 2)}</strong> on {scale.min}-{scale.max}
          </span>
          <HealthBadge health={scale.health} />
          {scale.enps && (
            <span>
              eNPS <strong className="text-lg tabular-nums">{scale.enps.score}</strong> ({scale.enps.promoters} promoters, {scale.enps.passives} passives,{' '}
              {scale.enps.detractors} detractors)
            </span>
          )}
        </div>
        <DistributionChart caption={`Answers per score: ${question.prompt}`} bars={scale.distribution} />
      </Panel>
    );
  }
  if (question.choices) {
    const max = Math.max(1, ...question.choices.map((choice) => choice.count));
    const shown = question.choices.filter((choice) => choice.count > 0 || question.choices!.length <= 30);
    return (
      <Panel title={title} description={`${answered}${question.kind === 'multiple_choice' ? ' (several choices each)' : ''}`}>
        <Table caption={`Answers per choice: ${question.prompt}`}>
          <thead>
            <tr>
              <Th>Choice</Th>
              <Th className="w-1/2">Answers</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {[...shown]
              .sort((a, b) => b.count - a.count)
              .slice(0, 30)
              .map((choice) => (
                <tr key={choice.option}>
                  <Td>{choice.option}</Td>
                  <Td>
                    <span className="flex items-center gap-2">
                      <span aria-hidden className="h-3 rounded bg-brand-600" style={{ width: `${(choice.count / max) * 80}%`, minWidth: choice.count ? 4 : 0 }} />
                      <span className="tabular-nums">{choice.count}</span>
                    </span>
                  </Td>
                </tr>
              ))}
          </tbody>
        </Table>
        {shown.length > 30 && <p className="mt-2 text-sm text-slate-600">The 30 most chosen of {shown.length} choices.</p>}
      </Panel>
    );
  }
  return (
    <Panel title={title} description={`${answered}, listed under Free-text answers below.`}>
      <p className="text-sm text-slate-700">
        <a href="#free-text" className="font-medium text-brand-700 hover:underline">
          Read and search the answers
        </a>
      </p>
    </Panel>
  );
}

function Breakdowns({ results }: { results: Results }) {
  const dimensions = (
    [
      ['team', 'Team', results.breakdowns.team],
      ['tenure', 'Tenure', results.breakdowns.tenure],
    ] as const
  ).filter(([, , value]) => value !== null);
  const [dimension, setDimension] = useState<string>(dimensions[0]?.[0] ?? 'team');
  const current = dimensions.find(([value]) => value === dimension) ?? dimensions[0];
  if (!current) return null;
  const [, label, breakdown] = current;
  return (
    <Panel
      title="Breakdowns"
      description="Groups with fewer than 5 answers are hidden, and so is any group whose numbers would let a reader work a hidden one out from the total."
      actions={
        dimensions.length > 1 && (
          <SelectField label="By" value={dimension} onChange={(event) => setDimension(event.target.value)} options={dimensions.map(([value, text]) => ({ value, label: text }))} />
        )
      }
    >
      <div className="flex flex-col gap-4">
        {breakdown!.map((entry) => {
          const question = results.questions.find((candidate) => candidate.id === entry.questionId)!;
          const isEnps = question.kind === 'enps';
          if (entry.groups.length === 0) {
            return (
              <p key={entry.questionId} className="text-sm text-slate-700">
                {question.prompt}: every answer comes from one {label.toLowerCase()} group, so a breakdown would show the total. Nothing to break down yet.
              </p>
            );
          }
          return (
            <Table key={entry.questionId} caption={`${question.prompt}, by ${label.toLowerCase()}`}>
              <thead>
                <tr>
                  <Th>
                    {label} <span className="sr-only">for {question.prompt}</span>
                  </Th>
                  <Th className="text-right">Answers</Th>
                  <Th className="text-right">{isEnps ? 'eNPS' : 'Mean'}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {entry.groups.map((group) => (
                  <tr key={group.label}>
                    <Td className={group.isNotReported ? 'text-slate-600 italic' : undefined}>{group.label}</Td>
                    {group.isHidden ? (
                      <Td colSpan={2} className="text-right text-slate-600">
                        {group.hiddenReason === 'too_few' ? 'Too few answers to show (fewer than 5)' : 'Hidden so that a smaller group cannot be worked out from the total'}
                      </Td>
                    ) : (
                      <>
                        <Td className="text-right tabular-nums">{group.count}</Td>
                        <Td className="text-right tabular-nums">{isEnps ? (group.enps?.score ?? '—') : formatScore(group.mean, 2)}</Td>
                      </>
                    )}
                  </tr>
                ))}
              </tbody>
            </Table>
          );
        })}
      </div>
    </Panel>
  );
}

export function SurveyResults({ survey }: { survey: Survey }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const canEdit = useCanEdit();
  const results = useQuery(trpc.surveys.results.queryOptions({ id: survey.id }));
  const [isExporting, setExporting] = useState(false);

  async function exportCsv() {
    setExporting(true);
    try {
      const file = await queryClient.fetchQuery(trpc.surveys.exportCsv.queryOptions({ id: survey.id }, { staleTime: 0 }));
      downloadText(file.fileName, file.text);
      if (file.blankedGroups > 0) toast(`Downloaded; ${file.blankedGroups} small team or tenure group${file.blankedGroups === 1 ? ' was' : 's were'} left blank`);
    } catch (error) {
      toast(describeError(error).message, 'error');
    } finally {
      setExporting(false);
    }
  }

  if (results.isPending) return <LoadingState label="Loading the results…" />;
  if (results.isError) return <ErrorState message={describeError(results.error).message} onRetry={() => results.refetch()} />;
  const data = results.data;
  if (data.responseCount === 0) {
    return (
      <div className="flex flex-col gap-6">
        <EmptyState
          title="No responses yet"
          action={
            <>
              <ButtonLink href={`/surveys/${survey.id}?tab=share`}>Share the link or invite developers</ButtonLink>
              <ButtonLink href={`/surveys/${survey.id}?tab=preview`} variant="secondary">
                Preview the form
              </ButtonLink>
            </>
          }
        >
          {survey.state === 'scheduled'
            ? `The survey opens on ${survey.opensOn}. Share the link now; it starts taking answers that day.`
            : 'Share the public link, or send single-use invitations to the developer directory so the response rate is exact.'}
        </EmptyState>
        {survey.runs.length > 1 && <Trend surveyId={survey.id} />}
      </div>
    );
  }
  const headline = data.questions.find((question) => question.id === data.headlineQuestionId);
  const enps = data.questions.find((question) => question.kind === 'enps')?.scale?.enps;
  const audience = survey.audience;

  return (
    <div className="flex flex-col gap-6">
      <dl className="grid gap-4 sm:grid-cols-3">
        <Stat label="Responses" value={String(data.responseCount)}>
          {survey.origin === 'import' ? 'Imported from a past survey' : `Answered anonymously, ${survey.state === 'open' ? 'still open' : 'closed'}`}
        </Stat>
        <Stat label="Response rate" value={formatRate(survey.responseRate)}>
          {audience
            ? `${data.responseCount} responses ÷ ${audience.size} ${audience.basis === 'directory' ? 'developers in the directory' : audience.basis === 'invitations' ? 'invited developers' : 'who received it'}`
            : 'Add developers to the directory, or send invitations, to measure it'}
          {survey.isResponseRateCapped && (
            <span className="mt-1 block text-amber-800">
              More responses than {audience?.basis === 'directory' ? 'developers in the directory' : 'people asked'}: the link reached people beyond them, so the rate is shown as
              100% at most.
            </span>
          )}
        </Stat>
        {headline?.scale && (
          <Stat label={headline.kind === 'scale_10' ? 'Platform score (1-10)' : `Mean (${headline.scale.min}-${headline.scale.max})`} value={formatScore(headline.scale.mean)}>
            {headline.scale.health ? <HealthBadge health={headline.scale.health} /> : headline.prompt}
          </Stat>
        )}
        {enps && !headline?.scale?.enps && <Stat label="eNPS" value={String(enps.score)}>From -100 to 100</Stat>}
      </dl>

      <Trend surveyId={survey.id} />

      {data.questions.map((question, index) => (
        <QuestionResult key={question.id} question={question} index={index} />
      ))}

      <Breakdowns results={data} />

      {data.questions.some((question) => question.kind === 'free_text') && (
        <section id="free-text" aria-label="Free-text answers" className="scroll-mt-4">
          <FreeTextAnswers surveyId={survey.id} questions={data.questions.filter((question) => question.kind === 'free_text')} />
        </section>
      )}

      {canEdit && (
        <Panel
          title="Export"
          description="Every response: the day, the self-reported team and tenure, the answers. The file follows the same rule as the breakdowns: a team or tenure band with fewer than 5 responses is left blank, and so is any group that would let a reader work a blank one out."
        >
          <div className="flex flex-wrap items-center gap-3">
            <Button variant="secondary" isBusy={isExporting} onClick={exportCsv}>
              Download responses (CSV)
            </Button>
            {survey.origin !== 'import' && (
              <Link href="/surveys/import" className="text-sm font-medium text-brand-700 hover:underline">
                Import a past run into this trend
              </Link>
            )}
            {survey.origin === 'import' && <Badge>Imported</Badge>}
          </div>
        </Panel>
      )}
    </div>
  );
}
