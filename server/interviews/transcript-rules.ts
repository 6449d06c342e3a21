// What a transcript import may be (size, speaker roles), the spot of a turn (`t-3`) evidence can be
// taken from, and the address that opens a recording at a given second. Pure.
import { z } from 'zod';
import type { SpeakerRole } from '@/db/types';

/** A two-hour call's transcript is well under 1 MB; 5 MB leaves room and refuses a video by mistake. */
export const MAX_TRANSCRIPT_BYTES = 5_000_000;
export const MAX_TURNS = 20_000;
export const SPEAKER_ROLES: readonly SpeakerRole[] = ['interviewer', 'participant'];
export const SPEAKER_ROLE_LABELS: Record<SpeakerRole, string> = { interviewer: 'Interviewer', participant: 'Participant' };

export const transcriptContentSchema = z
  .string({ message: 'Choose a transcript file' })
  .min(1, 'The transcript file is empty')
  .max(MAX_TRANSCRIPT_BYTES, `The transcript is larger than ${MAX_TRANSCRIPT_BYTES / 1_000_000} MB: export the transcript (.vtt, .srt or .txt), not the recording`);

export const transcriptFileNameSchema = z.string().trim().min(1, 'The file needs a name').max(200, 'Keep the file name under 200 characters');

export const recordingUrlSchema = z
  .string()
  .trim()
  .max(2000, 'Keep the address under 2,000 characters')
  .refine((value) => /^https?:\/\/[^\s]+$/i.test(value) && URL.canParse(value), 'Paste the recording’s address, starting with https://');

/** The key a speaker's role is remembered under: the name, trimmed and lower-cased. */
export const speakerKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** The anchor of a transcript turn: `t-3` is the third turn. */
export const turnAnchor = (position: number) => `t-${position}`;

export function parseTurnAnchor(anchor: string): number | null {
  const match = /^t-([1-9]\d{0,4})$/.exec(anchor);
  return match ? Number(match[1]) : null;
}

/** The app path evidence from a turn links to: it opens the recording there, or the turn. */
export const turnPath = (interviewId: string, position: number) => `/interviews/${interviewId}/turns/${position}`;

/**
 * The recording's address at a second: YouTube takes `t=83` in the query; other players (Loom,
 * Vimeo, a video file, most company video tools) read the W3C media fragment `#t=83`.
 */
export function recordingAt(url: string, seconds: number): string {
  const at = Math.max(0, Math.floor(seconds));
  const parsed = new URL(url);
  if (/(^|\.)(youtube\.com|youtu\.be)$/i.test(parsed.hostname)) {
    parsed.searchParams.set('t', String(at));
    return parsed.toString();
  }
  parsed.hash = `t=${at}`;
  return parsed.toString();
}
