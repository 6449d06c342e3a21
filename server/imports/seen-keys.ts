// The keys an import has met so far, each with the row it first appeared in and a tag (the hash of
// what that row said): enough to tell an exact repeat from the same key with other content. Held
// in typed arrays outside the JavaScript heap, about 80 bytes per key for a Jira key and a ticket
// hash (a Map of strings and objects held ~180 on the heap, which the collector let grow about 4x
// before each full collection, so an import's memory grew with its file). Keys are copied, never
// kept as slices of the file's text. Pure.

const ENTRY_FIELDS = 6; // key hash, key start, key length, row, tag start, tag length
const EMPTY = 0;

/** FNV-1a over the UTF-16 code units of a text. */
function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash | 0;
}

function grown<T extends Int32Array | Uint16Array | Uint8Array>(array: T, needed: number, make: (length: number) => T): T {
  if (needed <= array.length) return array;
  let length = array.length;
  while (length < needed) length *= 2;
  const next = make(length);
  next.set(array);
  return next;
}

export class SeenKeys {
  /** Open addressing: entry index + 1 per slot, EMPTY where none; the length is a power of two. */
  private slots = new Int32Array(1024);
  private entries = new Int32Array(512 * ENTRY_FIELDS);
  private keyChars = new Uint16Array(8192);
  private tagBytes = new Uint8Array(16384);
  private keyCharsUsed = 0;
  private tagBytesUsed = 0;
  size = 0;

  /**
   * The first row of `key` and whether it had the same tag; when the key is new, null, and the key
   * is recorded with this row and tag. A tag is ASCII (a hash in text form).
   */
  firstOrAdd(key: string, row: number, tag: string): { row: number; isSameTag: boolean } | null {
    const hash = hashText(key);
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (;;) {
      const found = this.slots[slot];
      if (found === EMPTY) break;
      const at = (found - 1) * ENTRY_FIELDS;
      if (this.entries[at] === hash && this.isKeyAt(at, key)) return { row: this.entries[at + 3], isSameTag: this.isTagAt(at, tag) };
      slot = (slot + 1) & mask;
    }
    this.add(slot, hash, key, row, tag);
    return null;
  }

  private isKeyAt(at: number, key: string): boolean {
    const start = this.entries[at + 1];
    if (this.entries[at + 2] !== key.length) return false;
    for (let index = 0; index < key.length; index += 1) if (this.keyChars[start + index] !== key.charCodeAt(index)) return false;
    return true;
  }

  private isTagAt(at: number, tag: string): boolean {
    const start = this.entries[at + 4];
    if (this.entries[at + 5] !== tag.length) return false;
    for (let index = 0; index < tag.length; index += 1) if (this.tagBytes[start + index] !== tag.charCodeAt(index)) return false;
    return true;
  }

  private add(slot: number, hash: number, key: string, row: number, tag: string) {
    const index = this.size;
    this.size += 1;
    this.entries = grown(this.entries, this.size * ENTRY_FIELDS, (length) => new Int32Array(length));
    this.keyChars = grown(this.keyChars, this.keyCharsUsed + key.length, (length) => new Uint16Array(length));
    this.tagBytes = grown(this.tagBytes, this.tagBytesUsed + tag.length, (length) => new Uint8Array(length));
    const at = index * ENTRY_FIELDS;
    this.entries[at] = hash;
    this.entries[at + 1] = this.keyCharsUsed;
    this.entries[at + 2] = key.length;
    this.entries[at + 3] = row;
    this.entries[at + 4] = this.tagBytesUsed;
    this.entries[at + 5] = tag.length;
    for (let offset = 0; offset < key.length; offset += 1) this.keyChars[this.keyCharsUsed + offset] = key.charCodeAt(offset);
    this.keyCharsUsed += key.length;
    for (let offset = 0; offset < tag.length; offset += 1) {
      const code = tag.charCodeAt(offset);
      if (code > 0x7f) throw new Error('A SeenKeys tag is ASCII.');
      this.tagBytes[this.tagBytesUsed + offset] = code;
    }
    this.tagBytesUsed += tag.length;
    this.slots[slot] = index + 1;
    // At most half full, so a probe ends soon.
    if (this.size * 2 > this.slots.length) this.rehash();
  }

  private rehash() {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let index = 0; index < this.size; index += 1) {
      let slot = this.entries[index * ENTRY_FIELDS] & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = index + 1;
    }
    this.slots = slots;
  }

  /** Bytes held (for the notes on memory per key). */
  get bytes(): number {
    return this.slots.byteLength + this.entries.byteLength + this.keyChars.byteLength + this.tagBytes.byteLength;
  }
}
