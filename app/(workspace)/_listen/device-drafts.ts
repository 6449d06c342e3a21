'use client';
// Unsaved changes kept on this device (localStorage), so that leaving, reloading or losing the
// connection never loses what was typed. Each browser tab writes under its own key; a page that
// opens adopts every key of its record, so a closed tab's changes are not lost either.
import { newId } from './new-id';

export interface DeviceDraftEntry {
  /** The stored value the change was made on top of (for conflict detection on the server). */
  base: string | null;
  value: string | null;
}

export type DeviceDraft = Record<string, DeviceDraftEntry>;

const PREFIX = 'frictionlog:draft:';

function tabId(): string {
  const key = 'frictionlog:tab';
  let id = sessionStorage.getItem(key);
  if (!id) {
    id = newId();
    sessionStorage.setItem(key, id);
  }
  return id;
}

const keyOf = (record: string, tab: string) => `${PREFIX}${record}:${tab}`;

function parse(text: string | null): DeviceDraft {
  if (!text) return {};
  try {
    const parsed = JSON.parse(text) as { entries?: DeviceDraft };
    return parsed.entries ?? {};
  } catch (error) {
    // A damaged entry (another version of the app, a manual edit) cannot be used; start afresh.
    console.warn('Ignoring an unreadable draft kept on this device', error);
    return {};
  }
}

/** Reads this record's drafts from every tab, this tab's own winning, and takes them over. */
export function adoptDeviceDraft(record: string): DeviceDraft {
  const own = keyOf(record, tabId());
  const merged: DeviceDraft = {};
  const others: string[] = [];
  for (let index = 0; index < localStorage.length; index += 1) {
    const key = localStorage.key(index);
    if (key && key.startsWith(`${PREFIX}${record}:`) && key !== own) others.push(key);
  }
  for (const key of others) Object.assign(merged, parse(localStorage.getItem(key)));
  Object.assign(merged, parse(localStorage.getItem(own)));
  for (const key of others) localStorage.removeItem(key);
  return merged;
}

/** Writes this tab's unsaved changes; false when the browser refused (storage full or blocked). */
export function keepDeviceDraft(record: string, entries: DeviceDraft): boolean {
  try {
    const key = keyOf(record, tabId());
    if (Object.keys(entries).length === 0) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify({ savedAt: new Date().toISOString(), entries }));
    return true;
  } catch (error) {
    console.warn('This browser did not keep the draft on the device', error);
    return false;
  }
}

/** Records (e.g. `interview:<id>`) with changes kept on this device and not saved yet. */
export function listDeviceDrafts(kind: string): string[] {
  const records = new Set<string>();
  for (let index = 0; index < localStorage.length; index += 1) {
    const key = localStorage.key(index);
    if (!key?.startsWith(`${PREFIX}${kind}:`)) continue;
    const [, id] = key.slice(PREFIX.length).split(':');
    if (id && Object.keys(parse(localStorage.getItem(key))).length > 0) records.add(id);
  }
  return [...records];
}
