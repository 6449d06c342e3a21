// One PGlite folder serves one process (issue 15, failure 1), with real child processes: a second
// process is refused at start naming the folder and the holder's pid; a lock left by a process
// killed with SIGKILL does not block the next start, and the data written before the kill is there.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE_NAME } from '@/db/pglite-lock';
import { dbKind } from '@/test/helpers/db';

const HOLDER = path.resolve(__dirname, '../helpers/pglite-holder.ts');
const children: ChildProcess[] = [];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'frictionlog-lock-'));
const dataDir = path.join(dir, 'pglite');

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Run {
  child: ChildProcess;
  /** Resolves with the first line printed, or with the exit code and stderr when it exits first. */
  outcome: Promise<{ ready: string } | { exitCode: number | null; stderr: string }>;
}

function startHolder(action: 'write' | 'read'): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, dataDir, action], { cwd: path.resolve(__dirname, '../..'), stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  const outcome = new Promise<{ ready: string } | { exitCode: number | null; stderr: string }>((resolve) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = /ready.*/.exec(stdout)?.[0];
      if (line) resolve({ ready: line });
    });
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (exitCode) => resolve({ exitCode, stderr }));
  });
  return { child, outcome };
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.on('exit', () => resolve())));

describe.runIf(dbKind === 'pglite')('one process per PGlite folder', () => {
  // Four real processes, the first migrating a new folder: about 20 s on a quiet machine, but a CI
  // run beside other work (load average 20 on two cores) once needed more than 120 s. The test is
  // about the lock, not the time, so it waits for as long as the machine needs.
  it('refuses a second process, takes over the lock of a killed one and releases it on a clean stop', { timeout: 400_000 }, async () => {
    const first = startHolder('write');
    expect(await first.outcome).toEqual({ ready: 'ready rows=1' });
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_FILE_NAME), 'utf8')).pid).toBe(first.child.pid);

    const second = startHolder('write');
    const refused = await second.outcome;
    expect(refused).toMatchObject({ exitCode: 1 });
    const message = (refused as { stderr: string }).stderr;
    expect(message).toContain(`the data folder ${dataDir} is in use by process ${first.child.pid}`);

    // kill -9: no exit handler runs, the lock file stays behind with a dead pid.
    first.child.kill('SIGKILL');
    await exited(first.child);
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE_NAME))).toBe(true);

    const third = startHolder('read');
    expect(await third.outcome).toEqual({ ready: 'ready rows=1' });
    third.child.kill('SIGTERM');
    await exited(third.child);
    expect(third.child.exitCode).toBe(0);
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE_NAME))).toBe(false);

    const fourth = startHolder('read');
    expect(await fourth.outcome).toEqual({ ready: 'ready rows=1' });
    fourth.child.kill('SIGTERM');
    await exited(fourth.child);
  });
});
