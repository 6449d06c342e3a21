'use client';
// A quoted survey answer or rating comment with "Save as evidence" (the words selected in it, or
// all of it), and the pager under a list of them.
import { useRef, type ReactNode } from 'react';
import { Button } from '@/app/_components/button';

/** The words a person selected inside the element; the whole text when nothing in it is selected. */
function selectedTextWithin(element: HTMLElement | null, fallback: string): string {
  const selection = window.getSelection();
  if (!element || !selection || selection.isCollapsed || selection.rangeCount === 0) return fallback;
  if (!element.contains(selection.getRangeAt(0).commonAncestorContainer)) return fallback;
  return selection.toString().trim() || fallback;
}

export function EvidenceQuote({ text, canSave, onSave, children }: { text: string; canSave: boolean; onSave: (excerpt: string) => void; children?: ReactNode }) {
  const quote = useRef<HTMLQuoteElement>(null);
  const selected = useRef<string | null>(null);
  return (
    <>
      <blockquote ref={quote} className="whitespace-pre-line text-slate-900">
        {children ?? text}
      </blockquote>
      {canSave && (
        <div className="mt-2">
          <Button
            variant="secondary"
            size="sm"
            // The selection is read before the click can move focus away from it.
            onMouseDown={() => {
              selected.current = selectedTextWithin(quote.current, text);
            }}
            onClick={() => {
              const excerpt = selected.current ?? selectedTextWithin(quote.current, text);
              selected.current = null;
              onSave(excerpt);
            }}
          >
            Save as evidence
          </Button>
        </div>
      )}
    </>
  );
}

export function Pager({
  label,
  offset,
  pageSize,
  total,
  onChange,
  labels = ['Previous', 'Next'],
}: {
  label: string;
  offset: number;
  pageSize: number;
  total: number;
  onChange: (offset: number) => void;
  labels?: [string, string];
}) {
  if (total <= pageSize) return null;
  return (
    <nav aria-label={label} className="mt-4 flex items-center justify-between text-sm">
      <Button variant="secondary" size="sm" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - pageSize))}>
        {labels[0]}
      </Button>
      <span className="text-slate-600">
        {offset + 1}-{Math.min(total, offset + pageSize)} of {total}
      </span>
      <Button variant="secondary" size="sm" disabled={offset + pageSize >= total} onClick={() => onChange(offset + pageSize)}>
        {labels[1]}
      </Button>
    </nav>
  );
}
