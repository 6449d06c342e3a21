// Multipart uploads the way the Imports page and a nightly job send them: fields first, then files.
import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';

export const FIXTURES = path.join(process.cwd(), 'test', 'fixtures');

export function fixture(relative: string): Buffer {
  return fs.readFileSync(path.join(FIXTURES, relative));
}

export function uploadRequest(
  fields: Record<string, string>,
  files: { name: string; content: string | Buffer | Uint8Array }[],
  options: { headers?: Record<string, string>; url?: string } = {},
): Request {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) form.append('file', new Blob([typeof file.content === 'string' ? file.content : new Uint8Array(file.content)]), file.name);
  return new Request(options.url ?? 'http://localhost/api/v1/imports', { method: 'POST', body: form, headers: options.headers });
}

/** A fixture folder zipped the way Slack hands out a workspace export. */
export function zipFixture(relative: string): Buffer {
  const root = path.join(FIXTURES, relative);
  const files: Record<string, Uint8Array> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(root, full).split(path.sep).join('/')] = fs.readFileSync(full);
    }
  };
  walk(root);
  return Buffer.from(zipSync(files));
}
