// Pain themes: creating them and resolving which live theme an id stands for (a merged theme
// forwards to the theme it was merged into).
import type { Db } from '../db';
import { AppError } from '../errors';
import * as queries from './queries';

export async function createTheme(db: Db, input: { title: string; description?: string; createdBy: string | null }) {
  return queries.insertTheme(db, { title: input.title, description: input.description ?? '', createdBy: input.createdBy });
}

/** Maps each id to the live theme it stands for, following merges. Refuses unknown ids. */
export async function resolveThemeIds(db: Db, input: { ids: string[] }): Promise<string[]> {
  const resolved = new Set<string>();
  for (const id of new Set(input.ids)) {
    let current = id;
    for (let hops = 0; ; hops += 1) {
      const [theme] = await queries.findThemes(db, { ids: [current] });
      if (!theme) throw new AppError('NOT_FOUND', 'This theme no longer exists. Reload and pick another theme.', { field: 'themeIds' });
      if (!theme.merged_into_id) break;
      if (hops > 50) throw new AppError('CONFLICT', 'This theme is part of a merge loop.', { field: 'themeIds' });
      current = theme.merged_into_id;
    }
    resolved.add(current);
  }
  return [...resolved];
}
