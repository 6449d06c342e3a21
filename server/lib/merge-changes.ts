// Three-way merge of an autosave (interview answers, shadowing notes) against what is stored now.
// Every change carries the value its tab last saw (its base): when the stored value still equals
// the base, nobody else changed it and the change applies; when it does not, another tab or person
// changed it first and the change is refused as a conflict, so two tabs never silently overwrite
// each other. Pure.

export interface FieldChange {
  field: string;
  /** The value this tab last saw from the server. */
  base: string | null;
  value: string | null;
}

export interface FieldConflict {
  field: string;
  /** What is stored now (another tab's or person's version). */
  theirs: string | null;
  /** What this tab tried to save. */
  yours: string | null;
}

export interface MergeResult {
  apply: { field: string; value: string | null }[];
  conflicts: FieldConflict[];
  /** Fields the interview does not have (e.g. a question the guide never had). */
  unknown: string[];
}

export function mergeChanges(current: Record<string, string | null>, changes: FieldChange[]): MergeResult {
  const result: MergeResult = { apply: [], conflicts: [], unknown: [] };
  // The last change of a field wins within one save (a queue can hold the same field twice).
  const latest = new Map<string, FieldChange>();
  for (const change of changes) {
    const earlier = latest.get(change.field);
    latest.set(change.field, earlier ? { ...change, base: earlier.base } : change);
  }
  for (const change of latest.values()) {
    if (!Object.prototype.hasOwnProperty.call(current, change.field)) {
      result.unknown.push(change.field);
      continue;
    }
    const stored = current[change.field];
    if (stored === change.value) continue;
    if (stored === change.base) result.apply.push({ field: change.field, value: change.value });
    else result.conflicts.push({ field: change.field, theirs: stored, yours: change.value });
  }
  return result;
}
