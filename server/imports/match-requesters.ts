// Requesters are developers: a requester whose email matches a participant is that participant;
// one without an email matches a participant of the same name; anyone else is new to the
// directory. Pure: the directory is passed in, new participants are handed back to be created.

export interface DirectoryEntry {
  id: string;
  display_name: string;
  email: string | null;
}

export interface NewRequester {
  key: string;
  displayName: string;
  email: string | null;
}

export const MAX_DISPLAY_NAME = 120;

export class RequesterMatcher {
  private readonly byEmail = new Map<string, string>();
  private readonly byName = new Map<string, string>();
  private readonly pending = new Map<string, NewRequester>();

  constructor(entries: DirectoryEntry[]) {
    for (const entry of entries) this.add(entry.id, entry.display_name, entry.email);
  }

  private add(id: string, name: string | null, email: string | null) {
    if (email && !this.byEmail.has(email.toLowerCase())) this.byEmail.set(email.toLowerCase(), id);
    if (name && !this.byName.has(name.toLowerCase())) this.byName.set(name.toLowerCase(), id);
  }

  /** The identity that makes two tickets the same developer's, or null for no requester. */
  static keyOf(name: string | null, email: string | null): string | null {
    if (email) return `email:${email.toLowerCase()}`;
    if (name) return `name:${name.toLowerCase()}`;
    return null;
  }

  /** The participant's id, or the key of a requester to create first (see takeNew). */
  resolve(name: string | null, email: string | null): { participantId: string } | { newKey: string } | null {
    const key = RequesterMatcher.keyOf(name, email);
    if (!key) return null;
    const known = email ? this.byEmail.get(email.toLowerCase()) : this.byName.get(name!.toLowerCase());
    if (known) return { participantId: known };
    if (!this.pending.has(key)) {
      const displayName = (name || email!).slice(0, MAX_DISPLAY_NAME);
      this.pending.set(key, { key, displayName, email: email?.toLowerCase() ?? null });
    }
    return { newKey: key };
  }

  /** Requesters met since the last call that the directory does not have yet. */
  takeNew(): NewRequester[] {
    const list = [...this.pending.values()];
    this.pending.clear();
    return list;
  }

  /** Records the id a new requester got, so later rows find it. */
  created(requester: NewRequester, id: string) {
    this.add(id, requester.email ? null : requester.displayName, requester.email);
    if (requester.email) this.byEmail.set(requester.email, id);
    else this.byName.set(requester.displayName.toLowerCase(), id);
  }

  idOf(key: string): string | undefined {
    if (key.startsWith('email:')) return this.byEmail.get(key.slice(6));
    return this.byName.get(key.slice(5));
  }
}
