'use client';
// The survey form a developer answers without an account, also shown as the editor's preview.
// Big tap targets on a phone, native radio groups (arrow keys move between scores), each
// question a fieldset with its problem announced beside it. Answers go to the public REST endpoint.
import { useRouter } from 'next/navigation';
import { useId, useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import { Button } from '@/app/_components/button';
import { controlClass } from '@/app/_components/field';
import { isScaleKind, scaleEnds, SCALE_RANGES, type QuestionKind, type ScaleKind } from '@/server/surveys/rules';
import { TENURE_BANDS, TENURE_LABELS } from '@/server/lib/tenure';

export interface PublicQuestion {
  id: string;
  kind: QuestionKind;
  prompt: string;
  isRequired: boolean;
  options: string[];
}

export interface PublicSurvey {
  title: string;
  intro: string;
  asksTeam: boolean;
  asksTenure: boolean;
  /** An open link that takes one answer per browser (never for an invitation or the preview). */
  oneAnswerPerBrowser?: boolean;
  teams: string[];
  questions: PublicQuestion[];
}

type AnswerValue = number | string | string[];

const isAnswered = (value: AnswerValue | undefined) =>
  value !== undefined && !(typeof value === 'string' && value.trim() === '') && !(Array.isArray(value) && value.length === 0);

function ScaleChoices({ kind, name, value, hintId, onChange }: { kind: ScaleKind; name: string; value: AnswerValue | undefined; hintId: string; onChange: (value: number) => void }) {
  const { min, max } = SCALE_RANGES[kind];
  const columns = kind === 'scale_5' ? 'grid-cols-5' : kind === 'enps' ? 'grid-cols-6 sm:grid-cols-11' : 'grid-cols-5 sm:grid-cols-10';
  return (
    <>
      <div className={`mt-3 grid gap-2 ${columns}`}>
        {Array.from({ length: max - min + 1 }, (_, index) => min + index).map((score) => (
          <label key={score} className="relative block">
            <input
              type="radio"
              name={name}
              value={score}
              checked={value === score}
              onChange={() => onChange(score)}
              className="peer absolute inset-0 size-full cursor-pointer opacity-0"
            />
            <span className="flex h-11 items-center justify-center rounded-md border border-slate-400 bg-white text-base font-medium text-slate-900 peer-checked:border-brand-600 peer-checked:bg-brand-600 peer-checked:text-white peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600">
              {score}
            </span>
          </label>
        ))}
      </div>
      <p id={hintId} className="mt-1 flex justify-between text-xs text-slate-600">
        <span>
          {min} = {scaleEnds(kind).low}
        </span>
        <span>
          {max} = {scaleEnds(kind).high}
        </span>
      </p>
    </>
  );
}

function QuestionField({
  question,
  number,
  value,
  problem,
  onChange,
}: {
  question: PublicQuestion;
  number: number;
  value: AnswerValue | undefined;
  problem: string | undefined;
  onChange: (value: AnswerValue) => void;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const marker = question.isRequired ? <span className="text-red-700"> *<span className="sr-only"> (required)</span></span> : <span className="text-sm font-normal text-slate-600"> (optional)</span>;
  const prompt = (
    <>
      <span className="mr-1 text-slate-500">{number}.</span>
      {question.prompt}
      {marker}
    </>
  );
  const error = problem && (
    <p id={errorId} className="mt-2 text-sm font-medium text-red-700">
      {problem}
    </p>
  );

  if (question.kind === 'free_text') {
    return (
      <div id={`question-${question.id}`} tabIndex={-1} className="outline-none">
        <label htmlFor={id} className="block font-medium text-slate-900">
          {prompt}
        </label>
        <textarea
          id={id}
          className={`${controlClass} mt-2`}
          rows={4}
          maxLength={5000}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? errorId : undefined}
        />
        {error}
      </div>
    );
  }

  const describedBy = [isScaleKind(question.kind) ? hintId : null, problem ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset id={`question-${question.id}`} tabIndex={-1} aria-describedby={describedBy} aria-invalid={problem ? true : undefined} className="min-w-0 outline-none">
      <legend className="font-medium text-slate-900">{prompt}</legend>
      {isScaleKind(question.kind) ? (
        <ScaleChoices kind={question.kind} name={question.id} value={value} hintId={hintId} onChange={onChange} />
      ) : (
        <div className="mt-3 flex flex-col gap-2">
          {question.options.map((option) => {
            const isMultiple = question.kind === 'multiple_choice';
            const selected = Array.isArray(value) ? value : [];
            const isChecked = isMultiple ? selected.includes(option) : value === option;
            return (
              <label key={option} className="flex min-h-11 cursor-pointer items-center gap-3 rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                <input
                  type={isMultiple ? 'checkbox' : 'radio'}
                  name={question.id}
                  value={option}
                  checked={isChecked}
                  onChange={() => onChange(isMultiple ? (isChecked ? selected.filter((other) => other !== option) : [...selected, option]) : option)}
                  className="size-4 accent-brand-600"
                />
                <span>{option}</span>
              </label>
            );
          })}
        </div>
      )}
      {error}
    </fieldset>
  );
}

/** The browser's own note that it answered this survey: '1', nothing about the answer. */
const answeredKey = (slug: string) => `frictionlog:answered:${slug}`;
const ignoreStorageEvents = () => () => undefined;

function readAnswered(slug: string): boolean {
  try {
    return window.localStorage.getItem(answeredKey(slug)) === '1';
  } catch {
    // Storage blocked by the browser: the cookie the server set still says it.
    return false;
  }
}

function markAnswered(slug: string) {
  try {
    window.localStorage.setItem(answeredKey(slug), '1');
  } catch {
    // Storage blocked by the browser: the cookie the server set still says it.
    return;
  }
}

export function SurveyForm({ slug, invitation, survey, isPreview = false }: { slug: string; invitation?: string | null; survey: PublicSurvey; isPreview?: boolean }) {
  const isOncePerBrowser = Boolean(survey.oneAnswerPerBrowser) && !isPreview && !invitation;
  const hasAnswered = useSyncExternalStore(ignoreStorageEvents, () => isOncePerBrowser && readAnswered(slug), () => false);
  if (hasAnswered) return <AlreadyAnswered />;
  return <SurveyQuestions slug={slug} invitation={invitation} survey={survey} isPreview={isPreview} isOncePerBrowser={isOncePerBrowser} />;
}

/** Said the same way by the page (the cookie) and the form (local storage). */
export function AlreadyAnswered() {
  return (
    <div role="status" className="rounded-md border border-slate-200 bg-slate-50 px-4 py-3 text-slate-800">
      <p className="font-medium">This browser has already answered this survey.</p>
      <p className="mt-1 text-sm text-slate-600">
        Each browser answers once, so every answer counts once. Your answer is not linked to you or to this browser. If someone else shares this
        computer, they can answer from their own device.
      </p>
    </div>
  );
}

function SurveyQuestions({
  slug,
  invitation,
  survey,
  isPreview,
  isOncePerBrowser,
}: {
  slug: string;
  invitation?: string | null;
  survey: PublicSurvey;
  isPreview: boolean;
  isOncePerBrowser: boolean;
}) {
  // Not on useFormMutation: an anonymous answerer has no tRPC session; the answer goes to the public
  // REST endpoint (answered before Next.js, server/rest-fast-path.ts), and the preview sends nothing.
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>({});
  const [team, setTeam] = useState('');
  const [tenure, setTenure] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [previewNote, setPreviewNote] = useState<string | null>(null);
  const [isSending, setSending] = useState(false);

  function show(found: Record<string, string>, text: string) {
    setProblems(found);
    setMessage(text);
    const first = survey.questions.find((question) => found[question.id]);
    if (first) requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>(`#question-${CSS.escape(first.id)}`)?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPreviewNote(null);
    const missing = Object.fromEntries(
      survey.questions.filter((question) => question.isRequired && !isAnswered(answers[question.id])).map((question) => [question.id, 'This question needs an answer.']),
    );
    if (Object.keys(missing).length > 0) {
      show(missing, `${Object.keys(missing).length === 1 ? 'One question needs' : `${Object.keys(missing).length} questions need`} an answer.`);
      return;
    }
    if (!survey.questions.some((question) => isAnswered(answers[question.id]))) {
      show({}, 'Answer at least one question before sending.');
      return;
    }
    setProblems({});
    setMessage(null);
    if (isPreview) {
      setPreviewNote('This is a preview: the answers are fine, and they were not saved.');
      return;
    }
    setSending(true);
    try {
      const response = await fetch(`/api/v1/surveys/${encodeURIComponent(slug)}/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ answers, team: team || null, tenureBand: tenure || null, invitation: invitation ?? null }),
      });
      if (response.status === 201) {
        if (isOncePerBrowser) markAnswered(slug);
        router.push(`/s/${encodeURIComponent(slug)}/thanks`);
        return;
      }
      const body = (await response.json().catch(() => null)) as { error?: { message?: string; details?: { problems?: { questionId: string; message: string }[] } } } | null;
      const found = Object.fromEntries((body?.error?.details?.problems ?? []).map((problem) => [problem.questionId, problem.message]));
      show(found, Object.keys(found).length > 0 ? 'Some answers need a look: see the questions marked below.' : (body?.error?.message ?? 'Your answers could not be sent. Try again.'));
    } catch {
      show({}, 'Your answers could not be sent: the connection failed. Check it and send again; nothing was lost on this page.');
    } finally {
      setSending(false);
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={survey.title} className="flex flex-col gap-8">
      {message && (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </div>
      )}
      {survey.questions.map((question, index) => (
        <QuestionField
          key={question.id}
          question={question}
          number={index + 1}
          value={answers[question.id]}
          problem={problems[question.id]}
          onChange={(value) => setAnswers((current) => ({ ...current, [question.id]: value }))}
        />
      ))}
      {((survey.asksTeam && survey.teams.length > 0) || survey.asksTenure) && (
        <fieldset className="rounded-lg border border-slate-200 bg-slate-50 p-4">
          <legend className="px-1 text-sm font-medium text-slate-900">About you (optional)</legend>
          <p className="text-sm text-slate-600">Results by team or tenure are only shown for groups of five or more answers.</p>
          <div className="mt-3 grid gap-3 sm:grid-cols-2">
            {survey.asksTeam && survey.teams.length > 0 && (
              <label className="text-sm text-slate-800">
                <span className="mb-1 block font-medium">Your team</span>
                <select className={controlClass} value={team} onChange={(event) => setTeam(event.target.value)}>
                  <option value="">Prefer not to say</option>
                  {survey.teams.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {survey.asksTenure && (
              <label className="text-sm text-slate-800">
                <span className="mb-1 block font-medium">How long you have been here</span>
                <select className={controlClass} value={tenure} onChange={(event) => setTenure(event.target.value)}>
                  <option value="">Prefer not to say</option>
                  {TENURE_BANDS.map((band) => (
                    <option key={band} value={band}>
                      {TENURE_LABELS[band]}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
        </fieldset>
      )}
      {isOncePerBrowser && (
        <p className="text-sm text-slate-600">
          One answer per browser: once you send, this browser remembers that it has already answered (in the browser only; your answer is not linked
          to it).
        </p>
      )}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
        <Button type="submit" isBusy={isSending} className="h-11 w-full text-base sm:w-auto">
          Send answers
        </Button>
        {previewNote && (
          <p role="status" className="text-sm text-green-800">
            {previewNote}
          </p>
        )}
      </div>
    </form>
  );
}
