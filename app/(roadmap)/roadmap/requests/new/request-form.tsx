'use client';
// The request form: title (with "Is it one of these? Vote instead"), details, optional email,
// and a honeypot field people never see.
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import { LANE_SHORT_LABELS } from '@/server/roadmap/lanes';
import { Button } from '@/app/_components/button';
import { FormError, SelectField, TextAreaField, TextField } from '@/app/_components/field';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { rememberNewRequest } from '@/app/(roadmap)/_components/new-request-thanks';
import { VoteButton, VotesProvider } from '@/app/(roadmap)/_components/votes';

/** The server's limit (MAX_REQUEST_DETAILS in server/requests/rules.ts), shown while typing. */
const MAX_DETAILS = 4000;

function useDebounced(value: string, ms: number) {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function Suggestions({ title }: { title: string }) {
  const trpc = useTRPC();
  const query = useDebounced(title.trim(), 250);
  const similar = useQuery({ ...trpc.requests.similar.queryOptions({ title: query }), enabled: query.length >= 3, placeholderData: keepPreviousData });
  const items = similar.data?.items ?? [];
  const requests = similar.data?.requests ?? [];
  const hasAny = query.length >= 3 && items.length + requests.length > 0;
  return (
    <div aria-live="polite">
      {hasAny && (
        <section aria-labelledby="similar" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
          <h2 id="similar" className="text-sm font-semibold text-amber-900">
            Is it one of these? Vote instead
          </h2>
          <p className="text-xs text-amber-900">A vote on an existing item counts more than a second request.</p>
          <VotesProvider itemIds={items.filter((item) => item.isVotable).map((item) => item.id)} requestIds={requests.map((request) => request.id)}>
            <ul className="mt-3 flex flex-col gap-3">
              {items.map((item) => (
                <li key={item.id} className="flex flex-col gap-1 sm:flex-row sm:items-center sm:justify-between">
                  <span className="text-sm">
                    <Link href={`/roadmap/items/${item.id}`} className="font-medium text-slate-900 underline">
                      {item.title}
                    </Link>{' '}
                    <span className="text-slate-700">(on the roadmap: {LANE_SHORT_LABELS[item.lane]})</span>
                  </span>
                  {item.isVotable && <VoteButton target={{ kind: 'item', id: item.id }} title={item.title} votes={item.votes} />}
                </li>
              ))}
              {requests.map((request) => (
                <li key={request.id} className="flex flex-col gap-1 sm:flex-row sm:items-center sm:justify-between">
                  <span className="text-sm">
                    <Link href={`/roadmap/requests/${request.id}`} className="font-medium text-slate-900 underline">
                      {request.title}
                    </Link>{' '}
                    <span className="text-slate-700">(asked by another developer)</span>
                  </span>
                  <VoteButton target={{ kind: 'request', id: request.id }} title={request.title} votes={request.votes} />
                </li>
              ))}
            </ul>
          </VotesProvider>
        </section>
      )}
    </div>
  );
}

export function RequestForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [title, setTitle] = useState('');
  const [details, setDetails] = useState('');
  const [email, setEmail] = useState('');
  const [website, setWebsite] = useState('');
  const [boardId, setBoardId] = useState('');
  const boards = useQuery(trpc.requests.boards.queryOptions());
  const submit = useMutation(
    trpc.requests.submit.mutationOptions({
      onSuccess: (result) => {
        rememberNewRequest(result.id);
        router.push(`/roadmap/requests/${result.id}`);
      },
    }),
  );
  const error = submit.error ? describeError(submit.error) : null;

  function send(event: FormEvent) {
    event.preventDefault();
    submit.mutate({ title, details, email, website, boardId: boardId || null });
  }

  return (
    <form onSubmit={send} noValidate aria-label="Ask for something" className="mt-6 flex flex-col gap-4">
      <FormError message={error?.message} fieldErrors={error?.fieldErrors} />
      <TextField
        label="What do you need?"
        hint="A few words, e.g. “A preview environment for every pull request”."
        value={title}
        maxLength={200}
        onChange={(event) => setTitle(event.target.value)}
        error={error?.fieldErrors.title}
        autoComplete="off"
      />
      <Suggestions title={title} />
      <TextAreaField
        label="Details (optional)"
        hint={`What are you trying to do, and what gets in the way? ${details.length.toLocaleString('en')} of ${MAX_DETAILS.toLocaleString('en')} characters.`}
        rows={6}
        value={details}
        onChange={(event) => setDetails(event.target.value)}
        error={error?.fieldErrors.details}
      />
      {boards.data && boards.data.length > 0 && (
        <SelectField
          label="Board (optional)"
          hint="The part of the platform it is about; the roadmap can be filtered by board."
          value={boardId}
          onChange={(event) => setBoardId(event.target.value)}
          placeholder="No particular board"
          options={boards.data.map((board) => ({ value: board.id, label: board.name }))}
          error={error?.fieldErrors.boardId}
        />
      )}
      <TextField
        label="Your email (optional)"
        hint="Only the platform team sees it, to get back to you. It also counts your vote once."
        type="email"
        autoComplete="email"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={error?.fieldErrors.email}
      />
      {/* The honeypot: hidden from people and screen readers; bots fill it and are refused. */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label htmlFor="website">Leave this field empty</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" value={website} onChange={(event) => setWebsite(event.target.value)} />
      </div>
      <p className="text-xs text-slate-600">Your request is public: the title and details appear on its page. Your email does not.</p>
      <div>
        <Button type="submit" isBusy={submit.isPending}>
          Send request
        </Button>
      </div>
    </form>
  );
}
