// The public board's documents (the page per question, the JSON API's body), each rendered once
// per version of the board's data. The version is read from the roadmap's change log (items,
// public themes, publications, requests, votes: migration 0760) and the pain inventory's (the
// theme numbers on cards) at most once every VERSION_CHECK_MS per process, so another process's
// write shows within about a second. When a newer version is known, one render of it runs per
// question (single flight) while the document before it is still served, for at most STALE_MS.
// This process's own editorial writes forget the version (the next visit waits for the new one);
// a voter's browser carries BOARD_FRESH_COOKIE for a few seconds and gets a fresh read instead.
//
// The state lives on globalThis, per database: the HTTP server's hook (service-board-fast-path.ts, loaded
// by instrumentation.ts in its own bundle) reads the same documents as the route handlers.
import { changeLogVersion, pruneChangeLog } from '@/server/change-log/queries';
import type { Db } from '@/server/db';
import { preparedBody, type PreparedBody } from './prepared-body';

/** A change in one process reaches every other one within this time (the version is re-read at most this often). */
export const VERSION_CHECK_MS = 1000;
/** Once a newer version is known, the document before it is served for at most this long while the new one renders. */
export const STALE_MS = 1000;
/** A version that replaced its predecessor within this time is compressed quickly; one that lasts this long is compressed again at the best quality. */
export const SHORT_LIVED_MS = 5000;
/** Set on a voter's browser for a few seconds: its next board is read fresh, never older than its vote. */
export const BOARD_FRESH_COOKIE = 'fl_board_fresh';
export const BOARD_FRESH_SECONDS = 10;

const MAX_QUESTIONS = 200;
const KEEP_CHANGES_MS = 60 * 60_000;
const PRUNE_EVERY_MS = 10 * 60_000;

export interface BoardDocument {
  version: string;
  /** When the version this document was rendered for was read (its data is no older). */
  versionReadAt: number;
  renderedAt: number;
  page: PreparedBody;
  /** Compressed at the quick settings (see SHORT_LIVED_MS). */
  isQuick: boolean;
}

export type RenderBody = (options: { quick: boolean }) => Promise<PreparedBody>;

interface Question {
  doc: BoardDocument | null;
  rendering: { version: string; promise: Promise<BoardDocument> } | null;
  /** The latest route handler's render for this question (the hook has no renderer of its own). */
  render: RenderBody;
  /** When a newer version than the document's was first seen. */
  staleSince: number | null;
  /** A version whose render failed (e.g. a board that is gone): the route handler answers it. */
  failedVersion: string | null;
  isUpgrading: boolean;
}

export interface BoardState {
  version: string | null;
  /** When the read that returned `version` started. */
  confirmedAt: number;
  reading: { startedAt: number; promise: Promise<{ version: string; readAt: number }> } | null;
  /** This process wrote at this time: older reads and the documents of older versions are not served. */
  noStaleBefore: number;
  lastPrune: number;
  questions: Map<string, Question>;
  /** The hook's index (service-board-fast-path.ts): a request's coding and address to its question and headers. */
  served: Map<string, { key: string; headers: Record<string, number | string | string[]> }>;
  /** Addresses the route handlers answered, to their question. */
  urls: Map<string, string>;
}

const globalForBoard = globalThis as unknown as { frictionlogBoardStates?: WeakMap<Db, BoardState> };

export function boardState(db: Db): BoardState {
  const states = (globalForBoard.frictionlogBoardStates ??= new WeakMap());
  let state = states.get(db);
  if (!state) {
    state = { version: null, confirmedAt: 0, reading: null, noStaleBefore: 0, lastPrune: Date.now(), questions: new Map(), served: new Map(), urls: new Map() };
    states.set(db, state);
  }
  return state;
}

/** Forgets the version this process saw: its own writes then show on its next visit at once. */
export function forgetBoardVersion(db: Db): void {
  const state = boardState(db);
  state.confirmedAt = 0;
  state.noStaleBefore = Date.now();
}

/** The version confirmed within the last VERSION_CHECK_MS (and after this process's last write), else null. */
export function knownBoardVersion(state: BoardState, now = Date.now()): string | null {
  return state.version !== null && state.confirmedAt >= state.noStaleBefore && now - state.confirmedAt < VERSION_CHECK_MS ? state.version : null;
}

/** Reads the version, sharing a read in flight that started at or after `notBefore`. */
export function readBoardVersion(db: Db, notBefore: number): Promise<{ version: string; readAt: number }> {
  const state = boardState(db);
  if (state.reading && state.reading.startedAt >= notBefore) return state.reading.promise;
  const startedAt = Date.now();
  const promise = (async () => {
    if (startedAt - state.lastPrune > PRUNE_EVERY_MS) {
      state.lastPrune = startedAt;
      // Adds a row too, so a version seen before the pruning never comes back.
      await pruneChangeLog(db, { log: 'roadmap_changes', before: new Date(startedAt - KEEP_CHANGES_MS) });
    }
    const parts = await Promise.all([changeLogVersion(db, { log: 'roadmap_changes' }), changeLogVersion(db, { log: 'inventory_changes' })]);
    return { version: parts.join('/'), readAt: startedAt };
  })();
  const reading = { startedAt, promise };
  state.reading = reading;
  // Registered before any caller's continuation, so callers see the state updated.
  promise.then(
    (read) => {
      if (read.readAt >= state.confirmedAt) {
        state.version = read.version;
        state.confirmedAt = read.readAt;
      }
    },
    () => undefined,
  );
  void promise.finally(() => {
    if (state.reading === reading) state.reading = null;
  }).catch(() => undefined);
  return promise;
}

function startRender(state: BoardState, question: Question, version: string, versionReadAt: number): Promise<BoardDocument> {
  if (question.rendering?.version === version) return question.rendering.promise;
  const previous = question.doc;
  const quick = previous !== null && Date.now() - previous.renderedAt < SHORT_LIVED_MS;
  const promise = question.render({ quick }).then((page) => {
    const doc: BoardDocument = { version, versionReadAt, renderedAt: Date.now(), page, isQuick: quick };
    if (!question.doc || question.doc.versionReadAt <= versionReadAt) {
      question.doc = doc;
      question.staleSince = null;
    }
    return doc;
  });
  promise.catch(() => (question.failedVersion = version));
  const rendering = { version, promise };
  question.rendering = rendering;
  void promise
    .finally(() => {
      if (question.rendering === rendering) question.rendering = null;
    })
    .catch(() => undefined);
  return promise;
}

/** A quick-compressed document that lasted: compressed again at the best quality, in the background. */
function upgradeIfLasting(question: Question, doc: BoardDocument, now: number) {
  if (!doc.isQuick || question.isUpgrading || now - doc.renderedAt < SHORT_LIVED_MS) return;
  question.isUpgrading = true;
  preparedBody(doc.page.bodies.identity.toString())
    .then((page) => {
      if (question.doc === doc) question.doc = { ...doc, page, isQuick: false };
    })
    .catch(() => undefined)
    .finally(() => (question.isUpgrading = false));
}

/**
 * The document to serve now without waiting: the one of `version`, or the one before it while
 * `version` renders (started here), for at most STALE_MS and never one older than this process's
 * last write. Null: wait for the render.
 */
export function servableDocument(state: BoardState, key: string, version: string, versionReadAt: number): BoardDocument | null {
  const question = state.questions.get(key);
  const doc = question?.doc;
  if (!question || !doc) return null;
  const now = Date.now();
  if (doc.version === version) {
    question.staleSince = null;
    upgradeIfLasting(question, doc, now);
    return doc;
  }
  if (doc.versionReadAt < state.noStaleBefore || question.failedVersion === version) return null;
  question.staleSince ??= now;
  if (now - question.staleSince >= STALE_MS) return null;
  startRender(state, question, version, versionReadAt).catch(() => undefined);
  return doc;
}

function questionOf(state: BoardState, key: string, render: RenderBody): Question {
  let question = state.questions.get(key);
  if (!question) {
    question = { doc: null, rendering: null, render, staleSince: null, failedVersion: null, isUpgrading: false };
    state.questions.set(key, question);
    if (state.questions.size > MAX_QUESTIONS) state.questions.delete(state.questions.keys().next().value!);
  }
  question.render = render;
  return question;
}

/**
 * The document for a question (route handlers): the current version's, rendered once per version;
 * `fresh` reads the version now and waits for its document (a voter's next visit).
 */
export async function boardDocument(
  db: Db,
  input: { key: string; render: RenderBody; fresh: boolean },
): Promise<BoardDocument> {
  const state = boardState(db);
  const question = questionOf(state, input.key, input.render);
  if (input.fresh) {
    const read = await readBoardVersion(db, Date.now());
    return question.doc?.version === read.version ? question.doc : startRender(state, question, read.version, read.readAt);
  }
  const known = knownBoardVersion(state);
  const read = known !== null ? { version: known, readAt: state.confirmedAt } : await readBoardVersion(db, state.noStaleBefore);
  return servableDocument(state, input.key, read.version, read.readAt) ?? startRender(state, question, read.version, read.readAt);
}

const MAX_ADDRESSES = 1000;

/** Notes that a route handler answered this address with this question (the hook serves it next time). */
export function rememberAddress(db: Db, url: URL, key: string): void {
  const { urls } = boardState(db);
  const address = `${url.pathname}${url.search}`;
  if (urls.get(address) === key) return;
  urls.set(address, key);
  if (urls.size > MAX_ADDRESSES) urls.delete(urls.keys().next().value!);
}
