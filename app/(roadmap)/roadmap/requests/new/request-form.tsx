'use client';
// The request form: title (with "Is it one of these? Vote instead"), details, optional email,
// and a honeypot field people never see.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { LANE_SHORT_LABELS } from '@/server/roadmap/lanes';
import { Button } from '@/app/_components/button';
import { FormError, SelectField, TextAreaField, TextField } from '@/app/_components/field';
import { useFormMutation } from '@/app/_components/use-form-mutation';
import { useTRPC } from '@/app/_trpc/client';
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
  const boards = useQuery(trpc.requests.boards.queryOptions());
  const form = useFormMutation({
    initialValues: { title: '', details: '', email: '', website: '', boardId: '' },
    mutation: trpc.requests.submit.mutationOptions(),
    toInput: (values) => ({ ...values, boardId: values.boardId || null }),
    onSuccess: (result) => {
      rememberNewRequest(result.id);
      router.push(`/roadmap/requests/${result.id}`);
    },
  });
  const { values } = form;

  return (
    <form onSubmit={form.submit} noValidate aria-label="Ask for something" className="mt-6 flex flex-col gap-4">
      <FormError {...form.formError} />
      <TextField
        label="What do you need?"
        hint="A few words, e.g. “A preview environment for every pull request”."
        {...form.field('title')}
        maxLength={200}
        autoComplete="off"
      />
      <Suggestions title={values.title} />
      <TextAreaField
        label="Details (optional)"
        hint={`What are you trying to do, and what gets in the way? ${values.details.length.toLocaleString('en')} of ${MAX_DETAILS.toLocaleString('en')} characters.`}
        rows={6}
        {...form.field('details')}
      />
      {boards.data && boards.data.length > 0 && (
        <SelectField
          label="Board (optional)"
          hint="The part of the platform it is about; the roadmap can be filtered by board."
          {...form.field('boardId')}
          placeholder="No particular board"
          options={boards.data.map((board) => ({ value: board.id, label: board.name }))}
        />
      )}
      {/* No name attribute, unlike the fields above: a send before the page is live (no JavaScript) must not put the email in the URL. */}
      <TextField
        label="Your email (optional)"
        hint="Only the platform team sees it, to get back to you. It also counts your vote once."
        type="email"
        autoComplete="email"
        value={values.email}
        onChange={(event) => form.set('email', event.target.value)}
        error={form.errorFor('email')}
      />
      {/* The honeypot: hidden from people and screen readers; bots fill it and are refused. */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label htmlFor="website">Leave this field empty</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" value={values.website} onChange={(event) => form.set('website', event.target.value)} />
      </div>
      <p className="text-xs text-slate-600">Your request is public: the title and details appear on its page. Your email does not.</p>
      <div>
        <Button type="submit" isBusy={form.isPending}>
          Send request
        </Button>
      </div>
    </form>
  );
}
