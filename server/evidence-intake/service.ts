// Saving evidence from any source kind: createEvidence() reads the source through the registry
// (service-sources.ts) and saves the item with its tags (server/themes/service-tagging.ts). Every
// channel people save from by hand feeds the pain inventory through here.
import type { Db } from '@/server/db';
import type { NewEvidence } from '@/server/evidence/service';
import { saveEvidenceItems } from '@/server/themes/service-tagging';
import { evidenceSources } from './service-sources';

export async function createEvidence(db: Db, input: NewEvidence & { createdBy: string | null }) {
  const { themeIds, newThemeTitle, createdBy, ...item } = input;
  const result = await saveEvidenceItems(db, { items: [item], themeIds, newThemeTitle, createdBy }, evidenceSources);
  return { id: result.ids[0], themeIds: result.themeIds };
}
