// The demo's evidence must quote its sources word for word (the loader refuses anything else),
// and refer only to developers, interviews, sessions, events and themes the demo has.
import { describe, expect, it } from 'vitest';
import { DEMO_DEVELOPERS, DEMO_EVIDENCE, DEMO_INTERVIEWS, DEMO_SESSIONS, DEMO_TEAMS, DEMO_THEMES } from '@/server/demo/demo-content';
import { isExcerptInSource } from '@/server/evidence/rules';
import { selectableText } from '@/server/lib/markdown-text';
import { parseOffset } from '@/server/shadowing/rules';

describe('demo content', () => {
  it('has a dozen developers in a few teams, each team with several', () => {
    expect(DEMO_DEVELOPERS).toHaveLength(12);
    for (const developer of DEMO_DEVELOPERS) expect(DEMO_TEAMS).toContain(developer.team);
  });

  it('answers the five discovery questions in each interview', () => {
    for (const interview of DEMO_INTERVIEWS) {
      expect(interview.answers).toHaveLength(5);
      expect(DEMO_DEVELOPERS.some((developer) => developer.key === interview.developer)).toBe(true);
    }
  });

  it('keeps every friction event inside its session', () => {
    for (const session of DEMO_SESSIONS) {
      for (const event of session.events) {
        const offset = parseOffset(event.at);
        expect(offset, event.at).not.toBeNull();
        expect(offset!).toBeLessThanOrEqual(session.minutes * 60);
      }
    }
  });

  it.each(DEMO_EVIDENCE.map((item) => [item.excerpt, item]))('quotes “%s” from its source', (_excerpt, item) => {
    let text = '';
    if (item.source.kind === 'interview') {
      const { developer, anchor } = item.source;
      const interview = DEMO_INTERVIEWS.find((candidate) => candidate.developer === developer)!;
      text = anchor === 'notes' ? interview.notes : interview.answers[Number(anchor.slice(2)) - 1];
    } else {
      const { session: sessionKey } = item.source;
      const session = DEMO_SESSIONS.find((candidate) => candidate.key === sessionKey)!;
      text = item.source.kind === 'event' ? session.events.find((event) => event.key === (item.source as { event: string }).event)!.note : `${session.focus}\n\n${session.notes}`;
    }
    expect(isExcerptInSource(item.excerpt, selectableText(text))).toBe(true);
    if (item.theme) expect(DEMO_THEMES[item.theme]).toBeDefined();
  });
});
