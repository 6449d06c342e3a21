// Walks every procedure of the app router, as anonymous and as a viewer, and proves the
// refusals. New procedures are covered without anyone adding them to a list.
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/create-db';
import { appRouter } from '@/server/root';
import type { ProcedureMeta } from '@/server/trpc';
import { callerAs, createUser } from '@/test/helpers/callers';
import { startWorkspace } from '@/test/helpers/workspace';

interface ProcedureInfo {
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  meta: ProcedureMeta;
  hasOutputSchema: boolean;
}

const procedures: ProcedureInfo[] = Object.entries(
  (appRouter._def as unknown as { procedures: Record<string, { _def: Record<string, unknown> }> }).procedures,
).map(([path, procedure]) => ({
  path,
  type: procedure._def.type as ProcedureInfo['type'],
  meta: procedure._def.meta as ProcedureMeta,
  hasOutputSchema: 'output' in procedure._def,
}));

async function call(caller: ReturnType<typeof callerAs>, path: string): Promise<unknown> {
  const fn = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (fn as (input: unknown) => Promise<unknown>)(undefined);
}

async function errorCodeOf(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    return error instanceof TRPCError ? error.code : 'NOT_A_TRPC_ERROR';
  }
}

let handle: DbHandle;
startWorkspace({ roles: [] }, (ws) => ({ handle } = ws));

describe('every procedure declares who may call it', () => {
  it('has a known access level', () => {
    expect(procedures.length).toBeGreaterThan(10);
    for (const procedure of procedures) {
      expect(['public', 'member', 'self', 'editor', 'admin'], procedure.path).toContain(procedure.meta?.access);
    }
  });

  it('changes workspace data only through editor or admin procedures', () => {
    const viewerWrites = procedures.filter((p) => p.type === 'mutation' && p.meta.access === 'member');
    expect(viewerWrites.map((p) => p.path)).toEqual([]);
  });

  it('gives every public procedure its own output schema, so no private field leaks by accident', () => {
    const unchecked = procedures.filter((p) => p.meta.access === 'public' && !p.hasOutputSchema);
    expect(unchecked.map((p) => p.path)).toEqual([]);
  });
});

describe('anonymous callers', () => {
  const workspace = procedures.filter((p) => p.meta?.access !== 'public');
  it.each(workspace.map((p) => [p.path]))('%s refuses an anonymous caller', async (path) => {
    expect(await errorCodeOf(call(callerAs(handle, null), path))).toBe('UNAUTHORIZED');
  });
});

describe('viewers', () => {
  const writes = procedures.filter((p) => p.meta?.access === 'editor' || p.meta?.access === 'admin');
  it.each(writes.map((p) => [p.path]))('%s refuses a viewer', async (path) => {
    const viewer = await createUser(handle, 'viewer');
    expect(await errorCodeOf(call(callerAs(handle, viewer), path))).toBe('FORBIDDEN');
  });

  const adminOnly = procedures.filter((p) => p.meta?.access === 'admin');
  it.each(adminOnly.map((p) => [p.path]))('%s refuses an editor', async (path) => {
    const editor = await createUser(handle, 'editor');
    expect(await errorCodeOf(call(callerAs(handle, editor), path))).toBe('FORBIDDEN');
  });
});
