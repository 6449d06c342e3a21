'use client';
// One survey: results, edit, preview, and sharing (public link and invitations), as tabs in the
// address (?tab=…) so each can be linked to. Editors run it again next quarter, close or delete it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { Button } from '@/app/_components/button';
import { PageHeader } from '@/app/_components/page-header';
import { useCanEdit } from '@/app/_components/session-context';
import { EmptyState, ErrorState, LoadingState } from '@/app/_components/states';
import { useToast } from '@/app/_components/toast';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { SurveyForm } from '@/app/(public)/_components/survey-form';
import { SurveyBuilder } from '@/app/(workspace)/surveys/survey-builder';
import { formatDay } from '@/app/_components/format';
import { formatRate, StateBadge } from '@/app/(workspace)/surveys/survey-format';
import { SurveyResults } from './survey-results';
import { SurveyShare } from './survey-share';
import { useConfirm } from '@/app/_components/confirm-dialog';
import { surveyTab, TABS } from './inputs';


export function SurveyView({ id }: { id: string }) {
  const confirm = useConfirm();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const canEdit = useCanEdit();
  const tab = surveyTab(params);
  const survey = useQuery(trpc.surveys.get.queryOptions({ id }));
  const teams = useQuery({ ...trpc.teams.list.queryOptions(), enabled: tab === 'preview' });

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.surveys.pathKey() });
  const onError = (error: unknown) => toast(describeError(error).message, 'error');
  const runAgain = useMutation(
    trpc.surveys.runAgain.mutationOptions({
      onSuccess: async (result) => {
        await refresh();
        toast(`Copied for ${result.quarter}`);
        router.push(`/surveys/${result.id}?tab=edit`);
      },
      onError,
    }),
  );
  const setClosed = useMutation(
    trpc.surveys.setClosed.mutationOptions({
      onSuccess: async (_data, variables) => {
        await refresh();
        toast(variables.isClosed ? 'Survey closed' : 'Survey open again');
      },
      onError,
    }),
  );
  const remove = useMutation(
    trpc.surveys.delete.mutationOptions({
      onSuccess: async () => {
        await refresh();
        toast('Survey deleted');
        router.push('/surveys');
      },
      onError,
    }),
  );

  if (survey.isPending) return <LoadingState label="Loading the survey…" />;
  if (survey.isError) {
    return (
      <>
        <PageHeader eyebrow={<Link href="/surveys" className="hover:underline">Surveys</Link>} title="Survey" />
        <ErrorState message={describeError(survey.error).message} onRetry={() => survey.refetch()} />
      </>
    );
  }
  const data = survey.data;
  const isImported = data.origin === 'import';
  const audience = data.audience
    ? ` (${data.isResponseRateCapped ? 'capped at ' : ''}${formatRate(data.responseRate)} of ${data.audience.size} ${data.audience.basis === 'directory' ? 'developers in the directory' : 'invited'})`
    : '';

  return (
    <>
      <PageHeader
        eyebrow={<Link href="/surveys" className="hover:underline">Surveys</Link>}
        title={data.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <StateBadge state={data.state} isImported={isImported} />
            <span>
              {data.quarter} · {formatDay(data.opensOn)} to {formatDay(data.closesOn)} · {data.responseCount} response{data.responseCount === 1 ? '' : 's'}
              {audience}
            </span>
          </span>
        }
        actions={
          canEdit && (
            <>
              <Button variant="secondary" isBusy={runAgain.isPending} onClick={() => runAgain.mutate({ id })}>
                Run again next quarter
              </Button>
              {!isImported && data.state !== 'scheduled' && (
                <Button variant="secondary" isBusy={setClosed.isPending} onClick={() => setClosed.mutate({ id, isClosed: data.state === 'open' })}>
                  {data.state === 'open' ? 'Close now' : 'Open again'}
                </Button>
              )}
              <Button
                variant="danger"
                isBusy={remove.isPending}
                onClick={() =>
                  confirm.ask({
                    title: `Delete “${data.title}” (${data.quarter})?`,
                    body: `${data.responseCount ? `Its ${data.responseCount} responses are deleted with it. ` : ''}This cannot be undone.`,
                    confirmLabel: 'Delete survey',
                    onConfirm: () => remove.mutate({ id }),
                  })
                }
              >
                Delete
              </Button>
            </>
          )
        }
      />
      <nav aria-label="Survey sections" className="mb-6 flex gap-1 overflow-x-auto border-b border-slate-200">
        {TABS.filter(([value]) => canEdit || value !== 'edit').map(([value, label]) => (
          <Link
            key={value}
            href={`${pathname}?tab=${value}`}
            aria-current={tab === value ? 'page' : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap ${
              tab === value ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-600 hover:text-slate-900'
            }`}
          >
            {label}
          </Link>
        ))}
      </nav>

      {tab === 'results' && <SurveyResults survey={data} />}
      {tab === 'edit' &&
        (isImported ? (
          <EmptyState title="An imported survey cannot be edited">
            It is a record of a past survey. To change it, delete it and import the file again with another mapping.
          </EmptyState>
        ) : canEdit ? (
          <SurveyBuilder
            key={data.questions.map((question) => question.id).join()}
            surveyId={id}
            responseCount={data.responseCount}
            initial={{
              title: data.title,
              intro: data.intro,
              quarter: data.quarter,
              opensOn: data.opensOn,
              closesOn: data.closesOn,
              asksTeam: data.asksTeam,
              asksTenure: data.asksTenure,
              oneAnswerPerBrowser: data.oneAnswerPerBrowser,
              access: data.access,
              questions: data.questions.map(({ id: questionId, kind, prompt, isRequired, options }) => ({ id: questionId, kind, prompt, isRequired, options })),
            }}
            onSaved={() => router.push(`${pathname}?tab=preview`)}
          />
        ) : null)}
      {tab === 'preview' && (
        <div className="rounded-xl border border-dashed border-brand-600 bg-white p-5 sm:p-8">
          <p className="mb-4 text-sm text-brand-700">Preview: this is what developers see. Answers sent from here are checked, not saved.</p>
          <h2 className="text-xl font-semibold text-slate-900">{data.title}</h2>
          {data.intro && <p className="mt-2 whitespace-pre-line text-slate-700">{data.intro}</p>}
          <div className="mt-6">
            <SurveyForm slug={data.slug} isPreview survey={{ ...data, teams: (teams.data ?? []).map((team) => team.name) }} />
          </div>
        </div>
      )}
      {tab === 'share' && <SurveyShare survey={data} />}
      {confirm.dialog}
    </>
  );
}
