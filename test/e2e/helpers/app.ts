// Starts the production build (`next build` must have run) on a free port with a brand-new
// PGlite folder, or on PostgreSQL when a URL is given, and stops it afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@/test/helpers/net';

export interface RunningApp {
  baseUrl: string;
  dataDir: string;
  logs: () => string;
  stop: () => Promise<void>;
}

export async function startApp(options: { env?: Record<string, string> } = {}): Promise<RunningApp> {
  if (!fs.existsSync(path.join(process.cwd(), '.next', 'BUILD_ID'))) {
    throw new Error('No production build found: run `npm run build` before the e2e tests.');
  }
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'frictionlog-e2e-'));
  const baseUrl = `http://localhost:${port}`;
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port)], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      FRICTIONLOG_DATA_DIR: path.join(dataDir, 'pglite'),
      PUBLIC_URL: baseUrl,
      DATABASE_URL: '',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The app exited during start-up:\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/api/trpc/health`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`The app did not start within 90 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  return {
    baseUrl,
    dataDir,
    logs: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        // Killed, not asked: its database is thrown away, and next start's SIGTERM closes the server
        // gracefully, waiting for every open connection (7.5-10.5 s at load 28 with a response
        // body left unread; 0.7-1.2 s against 0.5-0.7 s killed at load 20 otherwise).
        child.kill('SIGKILL');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
