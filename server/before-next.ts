// Answering requests on Node's HTTP server before Next.js sees them (the public board, the public
// submissions): one hook on `Server.prototype.emit` per answerer, and the headers Next.js sends
// read from its own answer so a hook can replay them.
import { Server, type IncomingMessage, type ServerResponse } from 'node:http';

/** Answers the request and returns true, or returns false (or a promise of false) for Next.js. */
export type AnswerBeforeNext = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

export type HeaderMap = Record<string, number | string | string[]>;

// On globalThis: Next.js may load this module once per bundle, and a hook must be installed once.
const globalForHooks = globalThis as unknown as { frictionlogBeforeNext?: Set<string> };
const installed = (globalForHooks.frictionlogBeforeNext ??= new Set());

/**
 * Runs `answer` on every request of every HTTP server of this process before Next.js; a request it
 * does not take (false, a rejected promise or a throw) goes on to Next.js. Installing a name twice
 * is a no-op.
 */
export function installBeforeNext(name: string, answer: AnswerBeforeNext): void {
  if (installed.has(name)) return;
  installed.add(name);
  const emit = Server.prototype.emit as (this: Server, event: string | symbol, ...args: unknown[]) => boolean;
  Server.prototype.emit = function beforeNextEmit(this: Server, event: string | symbol, ...args: unknown[]) {
    if (event !== 'request') return emit.call(this, event, ...args);
    let answered: boolean | Promise<boolean>;
    try {
      answered = answer(args[0] as IncomingMessage, args[1] as ServerResponse);
    } catch {
      answered = false;
    }
    if (answered === true) return true;
    if (answered === false) return emit.call(this, event, ...args);
    void answered.then(
      (isAnswered) => isAnswered || emit.call(this, event, ...args),
      () => emit.call(this, event, ...args),
    );
    return true;
  } as typeof Server.prototype.emit;
}

/** Calls `record` with the status and every header (set before or given to writeHead) Next.js sends on `res`. */
export function onWriteHead(res: ServerResponse, record: (status: unknown, headers: HeaderMap) => void): void {
  const writeHead = res.writeHead;
  res.writeHead = function recordingWriteHead(this: ServerResponse, ...args: unknown[]) {
    const given = [args[1], args[2]].find((arg): arg is HeaderMap => typeof arg === 'object' && arg !== null && !Array.isArray(arg));
    record(args[0], { ...(this.getHeaders() as HeaderMap), ...given });
    return (writeHead as (...rest: unknown[]) => ServerResponse).apply(this, args);
  } as typeof res.writeHead;
}
