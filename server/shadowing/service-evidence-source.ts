// Shadowing sessions as a source of evidence: an excerpt comes from one friction event's note
// (`event-<id>`: its note, or its kind and minutes lost as describeFrictionEvent() words them, so an
// event without a note can be evidence too), the session's notes (`notes`), or anywhere in the
// session when no spot is given.
import type { Db } from '@/server/db';
import type { EvidenceSource } from '@/server/evidence/evidence-source';
import { selectableText } from '@/server/lib/markdown-text';
import * as queries from './queries';
import { describeFrictionEvent, parseShadowingAnchor, SESSION_NOTES_ANCHOR } from './rules';

const SPOT_SEPARATOR = '\n\uffff\n';

export async function loadShadowingSource(db: Db, input: { sourceId: string; anchor: string | null }): Promise<EvidenceSource | null> {
  const session = await queries.findShadowingSource(db, { id: input.sourceId });
  if (!session) return null;
  const base = { participantId: session.participant_id, observedOn: session.observed_on };
  const path = `/shadowing/${session.id}`;
  const notesText = selectableText(`${session.focus}\n\n${session.notes}`);
  if (!input.anchor) {
    return { ...base, text: [notesText, ...session.events.map((event) => event.note)].join(SPOT_SEPARATOR), path };
  }
  const spot = parseShadowingAnchor(input.anchor);
  if (spot === 'notes') return { ...base, text: notesText, path: `${path}#${SESSION_NOTES_ANCHOR}` };
  const event = spot === null ? undefined : session.events.find((candidate) => candidate.id === spot.eventId);
  // An unknown spot has no text, so no excerpt can match it.
  if (!event) return { ...base, text: '', path };
  const text = [event.note, describeFrictionEvent({ kind: event.kind, minutesLost: event.minutesLost === null ? null : Number(event.minutesLost) })]
    .filter(Boolean)
    .join(SPOT_SEPARATOR);
  return { ...base, text, path: `${path}#event-${event.id}` };
}
