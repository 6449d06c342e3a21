// Requesters are developers: a requester whose email matches a participant is that participant;
// one without an email matches a participant of the same name; anyone else is new to the
// directory. No I/O: the directory is passed in; a newcomer gets its id here (a random UUID) and is
// handed back to be created before the first row that names it is written.
import { randomUUID } from 'node:crypto';

export interface DirectoryEntry {
  id: string;
  display_name: string;
  email: string | null;
}

export interface NewRequester {
  id: string;
  displayName: string;
  email: string | null;
}

export const MAX_DISPLAY_NAME = 120;

export class RequesterMatcher {
  private readonly byEmail = new Map<string, string>();
  private readonly byName = new Map<string, string>();
  private pending: NewRequester[] = [];

  constructor(entries: DirectoryEntry[]) {
    for (const entry of entries) this.add(entry.id, entry.display_name, entry.email);
  }

  private add(id: string, name: string | null, email: string | null) {
    if (email && !this.byEmail.has(email.toLowerCase())) this.byEmail.set(email.toLowerCase(), id);
    if (name && !this.byName.has(name.toLowerCase())) this.byName.set(name.toLowerCase(), id);
  }

  /** The participant's id (a newcomer's is made now, see takeNew), or null for no requester. */
  resolve(name: string | null, email: string | null): string | null {
    if (!email && !name) return null;
    const byKey = email ? this.byEmail : this.byName;
    const key = (email || name!).toLowerCase();
    const known = byKey.get(key);
    if (known) return known;
    const requester: NewRequester = { id: randomUUID(), displayName: (name || email!).slice(0, MAX_DISPLAY_NAME), email: email?.toLowerCase() ?? null };
    byKey.set(key, requester.id);
    this.pending.push(requester);
    return requester.id;
  }

  /** Requesters met since the last call that the directory does not have yet: create them first. */
  takeNew(): NewRequester[] {
    const list = this.pending;
    this.pending = [];
    return list;
  }
}
