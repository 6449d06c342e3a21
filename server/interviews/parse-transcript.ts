// Reads an interview transcript into speaker turns: WebVTT (Zoom, Teams, Google Meet: cue settings,
// multi-line cues, `<v Name>` voice tags, NOTE/STYLE/REGION blocks), SRT, and the plain-text exports
// of those tools and Otter (`Speaker Name  00:01:23` above the words, or `[00:01:23] Speaker: text`).
// Byte-order mark and CRLF are accepted. Consecutive cues of one speaker become one turn. Problems
// name the line. Pure. Written here rather than taken from a package: the subtitle parsers on npm
// read cues but not speakers (`Name:` prefixes, voice tags) nor the plain-text exports.

export type TranscriptFormat = 'webvtt' | 'srt' | 'plain';

export interface TranscriptTurn {
  speaker: string;
  /** Milliseconds from the start of the recording. */
  startMs: number;
  text: string;
}

export interface ParsedTranscript {
  format: TranscriptFormat;
  turns: TranscriptTurn[];
}

export class TranscriptError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line ? `Line ${line}: ${message}` : message);
    this.name = 'TranscriptError';
  }
}

/** Used when a cue names no speaker and none came before it. */
export const UNNAMED_SPEAKER = 'Speaker';

interface Cue {
  line: number;
  startMs: number;
  speaker: string | null;
  text: string;
}

const TIMESTAMP = /^(?:(\d{1,3}):)?([0-5]?\d):([0-5]\d)(?:[.,](\d{1,3}))?$/;

/** "01:02:03.500", "02:03.5", "1:02:03,500" (SRT) or "1:23" → milliseconds; null when not a time. */
export function parseTimestamp(text: string): number | null {
  const match = TIMESTAMP.exec(text.trim());
  if (!match) return null;
  const [, hours, minutes, seconds, fraction] = match;
  const millis = fraction ? Number(fraction.padEnd(3, '0')) : 0;
  return ((Number(hours ?? 0) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000 + millis;
}

/** 83_000 → "00:01:23"; the form the page shows and a person types. */
export function formatTimestamp(ms: number): string {
  const total = Math.floor(ms / 1000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', lrm: '', rlm: '' };

function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** A `Name: words` prefix as Zoom and SRT exports write it: a short name, then a colon. */
const NAME_PREFIX = /^([\p{L}][\p{L}\p{N} .'’()-]{0,48}?):\s+(.*)$/u;

function splitSpeakerPrefix(text: string): { speaker: string | null; text: string } {
  const match = NAME_PREFIX.exec(text);
  if (!match || match[1].trim().split(/\s+/).length > 5) return { speaker: null, text };
  return { speaker: match[1].trim(), text: match[2] };
}

/** The words of a WebVTT or SRT cue payload, with the speaker of a `<v Name>` tag or `Name:` prefix. */
function readPayload(lines: string[]): { speaker: string | null; text: string } {
  let speaker: string | null = null;
  const joined = lines.join(' ');
  const voice = /<v(?:\.[^\s>]*)?\s+([^>]+)>/.exec(joined);
  if (voice) speaker = voice[1].trim();
  const text = decodeEntities(joined.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
  if (speaker) return { speaker, text };
  return splitSpeakerPrefix(text);
}

function normalise(content: string): string[] {
  return content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
}

/** Blocks of non-empty lines, each with the 1-based line number it starts on. */
function blocksOf(lines: string[]): { line: number; lines: string[] }[] {
  const blocks: { line: number; lines: string[] }[] = [];
  let current: { line: number; lines: string[] } | null = null;
  lines.forEach((text, index) => {
    if (text.trim() === '') {
      current = null;
      return;
    }
    if (!current) {
      current = { line: index + 1, lines: [] };
      blocks.push(current);
    }
    current.lines.push(text);
  });
  return blocks;
}

function readTiming(text: string, line: number): number {
  const [start, rest] = text.split('-->');
  if (rest === undefined) throw new TranscriptError('a cue needs a timing line like "00:01:23.000 --> 00:01:25.000".', line);
  const startMs = parseTimestamp(start);
  // The end time is followed by cue settings in WebVTT ("align:start position:10%").
  const endMs = parseTimestamp(rest.trim().split(/\s+/)[0] ?? '');
  if (startMs === null || endMs === null) throw new TranscriptError(`"${text.trim()}" is not a timing like "00:01:23.000 --> 00:01:25.000".`, line);
  if (endMs < startMs) throw new TranscriptError('the cue ends before it starts.', line);
  return startMs;
}

function parseCueBlocks(lines: string[], format: 'webvtt' | 'srt'): Cue[] {
  const cues: Cue[] = [];
  for (const block of blocksOf(lines)) {
    const first = block.lines[0].trim();
    if (format === 'webvtt' && (/^WEBVTT/.test(first) || /^(NOTE|STYLE|REGION)(\s|$)/.test(first))) continue;
    // An identifier line (a number in SRT, any text in WebVTT) may come before the timing.
    const timingIndex = block.lines.findIndex((text) => text.includes('-->'));
    if (timingIndex < 0 || timingIndex > 1) {
      throw new TranscriptError('a cue needs a timing line like "00:01:23.000 --> 00:01:25.000".', block.line);
    }
    const startMs = readTiming(block.lines[timingIndex], block.line + timingIndex);
    const payload = readPayload(block.lines.slice(timingIndex + 1));
    if (payload.text === '') continue;
    cues.push({ line: block.line, startMs, speaker: payload.speaker, text: payload.text });
  }
  return cues;
}

/** `[00:01:23] Speaker: text`, `00:01:23 Speaker: text`. */
const BRACKETED_LINE = /^\[?(\d{1,3}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?)\]?\s+(.+)$/;
/** `Speaker Name  00:01:23` (Otter, Meet): a heading with the speaker and time, words below. */
const HEADING_LINE = /^(.{1,60}?)\s+(\d{1,3}:\d{2}(?::\d{2})?)\s*$/;

function parsePlain(lines: string[]): Cue[] {
  const cues: Cue[] = [];
  let open: Cue | null = null;
  lines.forEach((raw, index) => {
    const text = raw.trim();
    const line = index + 1;
    if (text === '') {
      open = null;
      return;
    }
    const heading = HEADING_LINE.exec(text);
    if (heading && parseTimestamp(heading[2]) !== null && heading[1].trim().split(/\s+/).length <= 5 && !heading[1].includes(':')) {
      open = { line, startMs: parseTimestamp(heading[2])!, speaker: heading[1].trim(), text: '' };
      cues.push(open);
      return;
    }
    const bracketed = BRACKETED_LINE.exec(text);
    if (bracketed && parseTimestamp(bracketed[1]) !== null) {
      const payload = splitSpeakerPrefix(bracketed[2]);
      open = { line, startMs: parseTimestamp(bracketed[1])!, speaker: payload.speaker, text: payload.text };
      cues.push(open);
      return;
    }
    if (!open) {
      throw new TranscriptError(
        'this line has no time. Plain-text transcripts need "Speaker Name  00:01:23" above the words, or "[00:01:23] Speaker: words".',
        line,
      );
    }
    open.text = open.text ? `${open.text} ${text}` : text;
  });
  return cues.filter((cue) => cue.text !== '');
}

function detectFormat(lines: string[]): TranscriptFormat {
  const first = lines.find((line) => line.trim() !== '')?.trim() ?? '';
  if (/^WEBVTT(\s|$)/.test(first)) return 'webvtt';
  const second = lines[lines.findIndex((line) => line.trim() !== '') + 1] ?? '';
  if (/^\d+$/.test(first) && second.includes('-->')) return 'srt';
  return 'plain';
}

/** Parses a transcript; throws TranscriptError naming the line of the first problem. */
export function parseTranscript(content: string): ParsedTranscript {
  if (content.includes('\u0000')) throw new TranscriptError('This file is not a text transcript (it contains binary data).');
  const lines = normalise(content);
  const format = detectFormat(lines);
  const cues = format === 'plain' ? parsePlain(lines) : parseCueBlocks(lines, format);
  if (cues.length === 0) {
    throw new TranscriptError('The transcript has no cues: no timed words were found. Export it from Zoom, Teams, Meet or Otter as WebVTT, SRT or text.');
  }
  const turns: TranscriptTurn[] = [];
  let previous: Cue | null = null;
  for (const cue of cues) {
    if (previous && cue.startMs < previous.startMs) {
      throw new TranscriptError(
        `the time ${formatTimestamp(cue.startMs)} comes before the previous one (${formatTimestamp(previous.startMs)}); timestamps must be in order.`,
        cue.line,
      );
    }
    const speaker = cue.speaker ?? turns.at(-1)?.speaker ?? UNNAMED_SPEAKER;
    const last = turns.at(-1);
    if (last && last.speaker === speaker) last.text = `${last.text} ${cue.text}`;
    else turns.push({ speaker, startMs: cue.startMs, text: cue.text });
    previous = cue;
  }
  return { format, turns };
}
