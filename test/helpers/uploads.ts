// Multipart uploads the way the Imports page and a nightly job send them: fields first, then files.
import fs from 'node:fs';
import path from 'node:path';

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
