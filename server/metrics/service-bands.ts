// Loads the DORA bands configuration once: the versioned 2024 file in this folder, or the file
// DORA_BANDS_FILE names. Read at start-up so a broken file stops the server with its line number.
import fs from 'node:fs';
import path from 'node:path';
import { getEnv } from '@/server/env';
import { parseDoraBands, type DoraBands } from './dora-bands';

export const DEFAULT_BANDS_FILE = 'server/metrics/dora-bands-2024.yaml';

let cached: DoraBands | undefined;

export function getDoraBands(): DoraBands {
  if (!cached) {
    const file = getEnv().DORA_BANDS_FILE ?? DEFAULT_BANDS_FILE;
    // The file is read from the working directory at run time, not bundled: tell Turbopack not to trace it.
    let text: string;
    try {
      text = fs.readFileSync(path.resolve(/*turbopackIgnore: true*/ process.cwd(), file), 'utf8');
    } catch {
      throw new Error(`DORA bands file ${file} cannot be read: check DORA_BANDS_FILE.`);
    }
    cached = parseDoraBands(text, file);
  }
  return cached;
}
