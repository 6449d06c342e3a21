'use client';
// Upvotes on public pages. The page (often served from the page cache) renders the counts; the
// browser then asks which of them this visitor voted for, so it can offer Undo.
import { useMutation, useQuery } from '@tanstack/react-query';
import { createContext, useContext, useId, useState, useSyncExternalStore, type FormEvent, type ReactNode } from 'react';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { controlClass } from '@/app/_components/field';

type Target = { kind: 'item' | 'request'; id: string };
const keyOf = (target: Target) => `${target.kind}:${target.id}`;
const subscribeToNothing = () => () => undefined;

interface VotesState {
  isVoted: (target: Target) => boolean;
  setVoted: (target: Target, isVoted: boolean) => void;
}

const VotesContext = createContext<VotesState | null>(null);

export function VotesProvider({ itemIds = [], requestIds = [], children }: { itemIds?: string[]; requestIds?: string[]; children: ReactNode }) {
  const trpc = useTRPC();
  const mine = useQuery({ ...trpc.roadmap.myVotes.queryOptions({ itemIds, requestIds }), enabled: itemIds.length + requestIds.length > 0, staleTime: 0 });
  const [changes, setChanges] = useState<Record<string, boolean>>({});
  const voted = new Set([...(mine.data?.itemIds ?? []).map((id) => `item:${id}`), ...(mine.data?.requestIds ?? []).map((id) => `request:${id}`)]);
  const state: VotesState = {
    isVoted: (target) => changes[keyOf(target)] ?? voted.has(keyOf(target)),
    setVoted: (target, isVoted) => setChanges((current) => ({ ...current, [keyOf(target)]: isVoted })),
  };
  return <VotesContext.Provider value={state}>{children}</VotesContext.Provider>;
}

function useVote(target: Target, initialVotes: number) {
  const trpc = useTRPC();
  const votes = useContext(VotesContext);
  const [count, setCount] = useState(initialVotes);
  const [error, setError] = useState<string | null>(null);
  const isVoted = votes?.isVoted(target) ?? false;
  const onSuccess = (isNowVoted: boolean) => (result: { votes: number }) => {
    setCount(result.votes);
    setError(null);
    votes?.setVoted(target, isNowVoted);
  };
  const onError = (cause: unknown) => setError(describeError(cause).message);
  const vote = useMutation(trpc.roadmap.vote.mutationOptions({ onSuccess: onSuccess(true), onError }));
  const unvote = useMutation(trpc.roadmap.unvote.mutationOptions({ onSuccess: onSuccess(false), onError }));
  // Voting needs JavaScript: until the page is live (or without it) the button shows but is off.
  const isLive = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  return {
    count,
    error,
    isVoted,
    isBusy: !isLive || vote.isPending || unvote.isPending,
    toggle: (email: string | null = null) => (isVoted ? unvote.mutate({ target }) : vote.mutate({ target, email })),
  };
}

/** A compact vote button with its count, for cards and suggestion lists (classes in public.css). */
export function VoteButton({ target, title, votes }: { target: Target; title: string; votes: number }) {
  const state = useVote(target, votes);
  const errorId = useId();
  return (
    <div className="rm-votes">
      <button
        type="button"
        aria-pressed={state.isVoted}
        aria-describedby={state.error ? errorId : undefined}
        disabled={state.isBusy}
        onClick={() => state.toggle()}
        className="rm-vote no-print"
      >
        <span aria-hidden>▲</span>
        {state.isVoted ? 'Voted' : 'Vote'}
        <span className="sr-only">{` for ${title}`}</span>
      </button>
      <span aria-live="polite">{`${state.count.toLocaleString('en')} ${state.count === 1 ? 'vote' : 'votes'}`}</span>
      {state.isVoted && <span className="no-print text-xs text-slate-600">Press again to undo</span>}
      {state.error && (
        <p id={errorId} role="alert" className="w-full text-red-700">
          {state.error}
        </p>
      )}
    </div>
  );
}

/**
 * The vote of an item or request page: an optional email makes it count once per person across devices.
 * Not useFormMutation: a vote toggles between two mutations whose count and error useVote shares with VoteButton, which has no form.
 */
export function VoteForm({ target, title, votes }: { target: Target; title: string; votes: number }) {
  const state = useVote(target, votes);
  const [email, setEmail] = useState('');
  const emailId = useId();
  function submit(event: FormEvent) {
    event.preventDefault();
    state.toggle(email.trim() || null);
  }
  return (
    <form onSubmit={submit} className="no-print flex flex-col gap-3" aria-label={`Vote for ${title}`}>
      <p className="text-2xl font-semibold text-slate-900" aria-live="polite">
        {state.count.toLocaleString('en')} {state.count === 1 ? 'vote' : 'votes'}
      </p>
      {!state.isVoted && (
        <div>
          <label htmlFor={emailId} className="mb-1 block text-sm font-medium text-slate-800">
            Your email (optional)
          </label>
          <input
            id={emailId}
            type="email"
            autoComplete="email"
            className={controlClass}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            aria-describedby={`${emailId}-hint`}
          />
          <p id={`${emailId}-hint`} className="mt-1 text-xs text-slate-600">
            Counts your vote once even from another device. Never shown; the platform team does not see who voted.
          </p>
        </div>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" aria-pressed={state.isVoted} disabled={state.isBusy} className="rm-vote">
          <span aria-hidden>▲</span>
          {state.isVoted ? 'Voted — undo' : 'Vote for this'}
        </button>
      </div>
      {state.error && (
        <p role="alert" className="text-sm text-red-700">
          {state.error}
        </p>
      )}
    </form>
  );
}
