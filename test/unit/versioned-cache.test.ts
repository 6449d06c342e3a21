// The versioned cache computes a value once per key and version, computes again when the version
// moves or the value is too old, forgets a failed computation, and prunes its change log now and then.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createVersionedCache } from '@/server/lib/versioned-cache';

function setup(options: { maxAgeMs?: number; maxEntries?: number } = {}) {
  const state = { version: 'v1', prunes: 0 };
  const db = {};
  const cached = createVersionedCache<object>({
    version: async () => state.version,
    prune: async () => {
      state.prunes += 1;
    },
    ...options,
  });
  return { state, db, cached };
}

afterEach(() => vi.useRealTimers());

describe('createVersionedCache', () => {
  it('computes once per key and version', async () => {
    const { state, db, cached } = setup();
    const compute = vi.fn(async () => ({ answer: 42 }));
    const first = await cached(db, 'a', compute);
    expect(await cached(db, 'a', compute)).toBe(first);
    expect(compute).toHaveBeenCalledTimes(1);
    await cached(db, 'b', compute);
    expect(compute).toHaveBeenCalledTimes(2);
    state.version = 'v2';
    expect(await cached(db, 'a', compute)).not.toBe(first);
    expect(compute).toHaveBeenCalledTimes(3);
  });

  it('keeps a separate cache per database', async () => {
    const { db, cached } = setup();
    const compute = vi.fn(async () => 1);
    await cached(db, 'a', compute);
    await cached({}, 'a', compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('shares one computation between callers that arrive while it runs', async () => {
    const { db, cached } = setup();
    let finish!: (value: number) => void;
    const compute = vi.fn(() => new Promise<number>((resolve) => (finish = resolve)));
    const both = Promise.all([cached(db, 'a', compute), cached(db, 'a', compute)]);
    await vi.waitFor(() => expect(compute).toHaveBeenCalledTimes(1));
    finish(7);
    expect(await both).toEqual([7, 7]);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('forgets a computation that failed', async () => {
    const { db, cached } = setup();
    const compute = vi.fn().mockRejectedValueOnce(new Error('connection lost')).mockResolvedValueOnce('fine');
    await expect(cached(db, 'a', compute)).rejects.toThrow('connection lost');
    expect(await cached(db, 'a', compute)).toBe('fine');
  });

  it('computes again once a value is older than its maximum age, and prunes the change log every ten minutes', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-26T10:00:00Z') });
    const { state, db, cached } = setup({ maxAgeMs: 60_000 });
    const compute = vi.fn(async () => 'value');
    await cached(db, 'a', compute);
    vi.setSystemTime(new Date('2026-11-26T10:00:59Z'));
    await cached(db, 'a', compute);
    expect(compute).toHaveBeenCalledTimes(1);
    vi.setSystemTime(new Date('2026-11-26T10:01:01Z'));
    await cached(db, 'a', compute);
    expect(compute).toHaveBeenCalledTimes(2);
    expect(state.prunes).toBe(0);
    vi.setSystemTime(new Date('2026-11-26T10:10:01Z'));
    await cached(db, 'a', compute);
    expect(state.prunes).toBe(1);
  });

  it('drops the oldest key beyond its size', async () => {
    const { db, cached } = setup({ maxEntries: 2 });
    const compute = vi.fn(async () => 'value');
    for (const key of ['a', 'b', 'c', 'a']) await cached(db, key, compute);
    expect(compute).toHaveBeenCalledTimes(4);
  });
});
