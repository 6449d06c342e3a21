// Which edits a survey with responses can take without breaking the answers already collected:
// rewording, reordering, adding choices and adding optional questions are fine; removing or
// retyping a question, removing or renaming a choice, or making a question required are not. Pure.
import type { QuestionKind } from './rules';
import { QUESTION_KIND_LABELS } from './rules';

export interface SavedQuestion {
  id: string;
  kind: QuestionKind;
  prompt: string;
  isRequired: boolean;
  options: string[];
}

export interface EditedQuestion {
  id?: string | null;
  kind: QuestionKind;
  prompt: string;
  isRequired: boolean;
  options: string[];
}

const short = (prompt: string) => `"${prompt.length > 60 ? `${prompt.slice(0, 60)}…` : prompt}"`;

/** The reasons the edit would break collected answers; empty when it is safe. */
export function findBreakingEdits(saved: SavedQuestion[], edited: EditedQuestion[]): string[] {
  const problems: string[] = [];
  const byId = new Map(edited.filter((question) => question.id).map((question) => [question.id!, question]));
  for (const before of saved) {
    const after = byId.get(before.id);
    if (!after) {
      problems.push(`${short(before.prompt)} already has answers, so it cannot be removed.`);
      continue;
    }
    if (after.kind !== before.kind) {
      problems.push(
        `${short(before.prompt)} already has answers as ${QUESTION_KIND_LABELS[before.kind].toLowerCase()}; it cannot become ${QUESTION_KIND_LABELS[after.kind].toLowerCase()}.`,
      );
    }
    const removed = before.options.filter((option) => !after.options.includes(option));
    if (removed.length > 0) {
      problems.push(`${short(before.prompt)}: the choice "${removed[0]}" may already be chosen, so it cannot be removed or renamed (adding choices is fine).`);
    }
    if (after.isRequired && !before.isRequired) {
      problems.push(`${short(before.prompt)} cannot become required: earlier respondents were allowed to skip it.`);
    }
  }
  for (const added of edited.filter((question) => !question.id)) {
    if (added.isRequired) problems.push(`New question ${short(added.prompt)} must be optional: earlier respondents never saw it.`);
  }
  return problems;
}
