// Transcript formats, written from their documentation (W3C WebVTT, SubRip) and the exports of
// Zoom, Teams, Meet and Otter: cue settings, multi-line cues, voice tags, BOM, CRLF, and the
// problems a person must be told about (no cues, times out of order, a line without a time).
import { describe, expect, it } from 'vitest';
import { formatTimestamp, parseTimestamp, parseTranscript, TranscriptError } from '@/server/interviews/parse-transcript';

describe('WebVTT', () => {
  it('reads voice tags, cue settings, identifiers, multi-line cues, NOTE and STYLE blocks, BOM and CRLF', () => {
    const vtt = [
      '\uFEFFWEBVTT - Zoom meeting',
      '',
      'STYLE',
      '::cue { color: white }',
      '',
      'NOTE recorded with Teams',
      '',
      '1',
      '00:00:01.000 --> 00:00:04.500 align:start position:10%',
      '<v Priya Shah>How did the last deploy go?</v>',
      '',
      'intro-2',
      '00:00:05.000 --> 00:00:09.000',
      '<v.loud Sam Lee>It took two days',
      'to get a staging database &amp; a DNS name.',
      '',
      '00:00:09.500 --> 00:00:12.000',
      '<v Sam Lee><i>Again</i> this week.',
      '',
      '01:02.000 --> 01:04.000',
      '<v Priya Shah>Why?',
      '',
    ].join('\r\n');
    expect(parseTranscript(vtt)).toEqual({
      format: 'webvtt',
      turns: [
        { speaker: 'Priya Shah', startMs: 1000, text: 'How did the last deploy go?' },
        { speaker: 'Sam Lee', startMs: 5000, text: 'It took two days to get a staging database & a DNS name. Again this week.' },
        { speaker: 'Priya Shah', startMs: 62_000, text: 'Why?' },
      ],
    });
  });

  it('reads Zoom\'s "Name: words" cues and keeps an unnamed cue with the speaker before it', () => {
    const vtt = 'WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nSam Lee: We wait.\n\n2\n00:00:02.000 --> 00:00:03.000\nAlways.\n';
    expect(parseTranscript(vtt).turns).toEqual([{ speaker: 'Sam Lee', startMs: 1000, text: 'We wait. Always.' }]);
  });

  it('says when there are no cues, or a time goes backwards, naming the line', () => {
    expect(() => parseTranscript('WEBVTT\n\nNOTE nothing here\n')).toThrow(/The transcript has no cues/);
    const backwards = 'WEBVTT\n\n00:00:05.000 --> 00:00:06.000\n<v A>one\n\n00:00:02.000 --> 00:00:03.000\n<v B>two\n';
    expect(() => parseTranscript(backwards)).toThrow('Line 6: the time 00:00:02 comes before the previous one (00:00:05); timestamps must be in order.');
    expect(() => parseTranscript('WEBVTT\n\n00:00:xx --> 00:00:03.000\nhi\n')).toThrow(/Line 3: "00:00:xx --> 00:00:03.000" is not a timing/);
  });
});

describe('SRT', () => {
  it('reads numbered cues with comma milliseconds and speaker prefixes', () => {
    const srt = '1\r\n00:00:01,000 --> 00:00:03,000\r\nAna: Tell me about onboarding.\r\n\r\n2\r\n00:00:03,500 --> 00:00:06,000\r\nBo: It took a week\r\nto get access.\r\n';
    expect(parseTranscript(srt)).toEqual({
      format: 'srt',
      turns: [
        { speaker: 'Ana', startMs: 1000, text: 'Tell me about onboarding.' },
        { speaker: 'Bo', startMs: 3500, text: 'It took a week to get access.' },
      ],
    });
  });
});

describe('plain text', () => {
  it('reads Otter and Meet headings ("Speaker Name  00:01:23" above the words)', () => {
    const text = 'Priya Shah  0:03\nHow was your first week?\n\nSam Lee  00:01:23\nSlow. I waited for access\nfor three days.\n';
    expect(parseTranscript(text)).toEqual({
      format: 'plain',
      turns: [
        { speaker: 'Priya Shah', startMs: 3000, text: 'How was your first week?' },
        { speaker: 'Sam Lee', startMs: 83_000, text: 'Slow. I waited for access for three days.' },
      ],
    });
  });

  it('reads "[00:01:23] Speaker: text" lines', () => {
    const text = '[00:00:05] Priya: Where did you get stuck?\n[00:00:09] Sam: The VPN.\n[00:00:12] Sam: Every day.\n';
    expect(parseTranscript(text).turns).toEqual([
      { speaker: 'Priya', startMs: 5000, text: 'Where did you get stuck?' },
      { speaker: 'Sam', startMs: 9000, text: 'The VPN. Every day.' },
    ]);
  });

  it('names the first line without a time, and refuses binary data', () => {
    expect(() => parseTranscript('Hello there\n[00:00:01] A: hi\n')).toThrow(/^Line 1: this line has no time/);
    expect(() => parseTranscript('\u0000PNG')).toThrow(TranscriptError);
    expect(() => parseTranscript('')).toThrow(/no cues/);
  });
});

describe('timestamps', () => {
  it('parses and formats the forms transcripts use', () => {
    expect(parseTimestamp('01:02:03.5')).toBe(3_723_500);
    expect(parseTimestamp('1:23')).toBe(83_000);
    expect(parseTimestamp('00:00:01,250')).toBe(1250);
    expect(parseTimestamp('1:2')).toBeNull();
    expect(formatTimestamp(3_723_500)).toBe('01:02:03');
  });
});
