// One embedded data folder serves one process: a lock file in the PGlite folder names the process
// that holds it. A second process is refused at start; a lock left by a killed process is taken over.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const LOCK_FILE_NAME = 'frictionlog.lock';

interface LockOwner {
  pid: number;
  hostname: string;
  /** Milliseconds since the epoch when the lock was taken. */
  startedAt: number;
}

export class DataFolderInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    const where = owner.hostname === os.hostname() ? '' : ` on host ${owner.hostname}`;
    super(
      `Frictionlog cannot start: the data folder ${path.resolve(dataDir)} is in use by process ${owner.pid}${where} ` +
        `(since ${new Date(owner.startedAt).toISOString()}). One PGlite folder serves one process: stop that process, ` +
        `or give this one another FRICTIONLOG_DATA_DIR, or use PostgreSQL (DATABASE_URL) to run several.`,
    );
    this.name = 'DataFolderInUseError';
  }
}

// Folders this process holds, so that a second open in the same process is refused too.
const heldHere = new Set<string>();

function readOwner(file: string): LockOwner | null {
  try {
    const value = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockOwner>;
    if (typeof value.pid !== 'number' || typeof value.hostname !== 'string' || typeof value.startedAt !== 'number') return null;
    return { pid: value.pid, hostname: value.hostname, startedAt: value.startedAt };
  } catch {
    return null;
  }
}

/** When the process with this pid started (Linux /proc), to tell a reused pid from the lock's owner. */
function processStartMs(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const startTicks = Number(fields[19]);
    const bootSeconds = Number(/^btime (\d+)$/m.exec(fs.readFileSync('/proc/stat', 'utf8'))?.[1]);
    if (!Number.isFinite(startTicks) || !Number.isFinite(bootSeconds)) return null;
    return bootSeconds * 1000 + (startTicks / 100) * 1000;
  } catch {
    return null;
  }
}

/** A lock whose process is gone (or whose pid now belongs to a later process) blocks nobody. */
function isStale(owner: LockOwner | null): boolean {
  if (!owner) return true;
  if (owner.hostname !== os.hostname()) return false;
  // This process does not hold it (checked by the caller), so it was left by an earlier life of
  // this pid: a container restarted with the same pid 1, say.
  if (owner.pid === process.pid) return true;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
  const started = processStartMs(owner.pid);
  // Clock ticks round to 10 ms; a second of slack covers them and the time to write the file.
  return started !== null && started > owner.startedAt + 1000;
}

/** Takes the folder's lock or throws DataFolderInUseError; returns the release function. */
export function lockDataFolder(dataDir: string): () => void {
  const resolved = path.resolve(dataDir);
  const file = path.join(resolved, LOCK_FILE_NAME);
  const me: LockOwner = { pid: process.pid, hostname: os.hostname(), startedAt: Date.now() };
  if (heldHere.has(resolved)) throw new DataFolderInUseError(dataDir, readOwner(file) ?? me);
  fs.mkdirSync(resolved, { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const text = fs.readFileSync(file, 'utf8');
      const owner = readOwner(file);
      if (attempt > 0 || !isStale(owner)) throw new DataFolderInUseError(dataDir, owner ?? { pid: 0, hostname: 'unknown', startedAt: 0 });
      // Only remove the stale lock if nobody replaced it since it was read.
      if (fs.readFileSync(file, 'utf8') === text) fs.rmSync(file, { force: true });
    }
  }
  heldHere.add(resolved);
  let isReleased = false;
  const release = () => {
    if (isReleased) return;
    isReleased = true;
    heldHere.delete(resolved);
    process.off('exit', release);
    const owner = readOwner(file);
    if (owner?.pid === me.pid && owner.startedAt === me.startedAt) fs.rmSync(file, { force: true });
  };
  process.on('exit', release);
  return release;
}
