// The evidence loader of post-mortems: an excerpt may come from the summary, one contributing
// factor (anchor `factor-<n>`), or anywhere in the post-mortem; it links back to that spot.
// Post-mortems belong to no single developer, so their evidence is unattributed.
import type { SourceLoader } from '@/server/evidence/evidence-source';
import * as queries from './queries';

export const loadPostmortemSource: SourceLoader = async (db, input) => {
  const row = await queries.findPostmortemForEvidence(db, { id: input.sourceId });
  if (!row) return null;
  const observedOn = row.incident_date ?? row.created_at.toISOString().slice(0, 10);
  const factor = /^factor-(\d+)$/.exec(input.anchor ?? '');
  if (factor) {
    const factorText = row.contributing_factors[Number(factor[1]) - 1];
    if (factorText === undefined) return null;
    // The page shows the factor without Markdown emphasis; an excerpt may be taken from either.
    const text = `${factorText}\n${factorText.replace(/[*_`]/g, '')}`;
    return { text, path: `/postmortems/${row.id}#factor-${factor[1]}`, participantId: null, observedOn };
  }
  if (input.anchor === 'summary') return { text: row.summary, path: `/postmortems/${row.id}#summary`, participantId: null, observedOn };
  const text = [row.title, row.summary, row.timeline, ...row.contributing_factors, ...row.action_items, row.lessons, row.body].join('\n');
  return { text, path: `/postmortems/${row.id}`, participantId: null, observedOn };
};
