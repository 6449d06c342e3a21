// The words a person selected inside one element (an answer, a comment), to prefill the excerpt
// of "Save as evidence"; the whole text when nothing in it is selected.
export function selectedTextWithin(element: HTMLElement | null, fallback: string): string {
  const selection = typeof window === 'undefined' ? null : window.getSelection();
  if (!element || !selection || selection.isCollapsed || selection.rangeCount === 0) return fallback;
  const range = selection.getRangeAt(0);
  if (!element.contains(range.commonAncestorContainer)) return fallback;
  const text = selection.toString().trim();
  return text || fallback;
}
