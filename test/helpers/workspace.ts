// The setup most integration files share: a test database for the file, callers of the app router
// signed in with the roles the file needs, the tables it fills cleared after each test, and the
// database closed at the end. The file's own variables get the handle and callers in beforeAll:
//   let handle: TestDb; let editor: Caller;
//   startWorkspace({ clear: ['evidence'] }, (ws) => ({ handle, editor } = ws));
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Database, Role } from '@/db/types';
import { callerWithRole } from './callers';
import { createTestDb, type TestDb } from './db';

export type Caller = Awaited<ReturnType<typeof callerWithRole>>;

export interface Workspace {
  handle: TestDb;
  editor: Caller;
  viewer: Caller;
  admin: Caller;
}

/**
 * Registers the file's hooks: `roles` are signed in (editor when not given), `clear` lists tables
 * emptied after each test, in that order; `onReady` receives the workspace once it is set up.
 */
export function startWorkspace(options: { roles?: Role[]; clear?: (keyof Database)[] }, onReady: (workspace: Workspace) => void): Workspace {
  const workspace = {} as Workspace;
  beforeAll(async () => {
    workspace.handle = await createTestDb();
    for (const role of options.roles ?? ['editor']) workspace[role] = await callerWithRole(workspace.handle, role);
    onReady(workspace);
  });
  afterAll(async () => workspace.handle?.close());
  if (options.clear?.length) {
    afterEach(async () => {
      for (const table of options.clear!) await workspace.handle.db.deleteFrom(table).execute();
    });
  }
  return workspace;
}
