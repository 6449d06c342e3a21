'use client';
// Turning selected words into evidence: remembers what is selected inside one spot (rendered
// text or a text box) and offers a button that opens the shared "Save as evidence" dialog with
// those words. The button keeps the selection when pressed, and works from the keyboard.
import { useCallback, useEffect, useState, type SyntheticEvent } from 'react';
import { Button } from '@/app/_components/button';

export function useSelectedText() {
  const [text, setText] = useState('');
  const [container, setContainer] = useState<HTMLDivElement | null>(null);

  useEffect(() => {
    const onChange = () => {
      const selection = document.getSelection();
      if (!container || !selection) return;
      // A selection inside a text box is tracked by the box's own onSelect.
      if (document.activeElement instanceof HTMLTextAreaElement && container.contains(document.activeElement)) return;
      if (selection.rangeCount === 0 || selection.isCollapsed) {
        if (container.contains(document.activeElement) || !container.contains(selection.anchorNode)) setText('');
        return;
      }
      const range = selection.getRangeAt(0);
      setText(container.contains(range.commonAncestorContainer) ? selection.toString() : '');
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [container]);

  /** Spread on a textarea inside the container. */
  const onSelect = useCallback((event: SyntheticEvent<HTMLTextAreaElement>) => {
    const box = event.currentTarget;
    setText(box.value.slice(box.selectionStart, box.selectionEnd));
  }, []);

  /** Pass as `ref` of the element around the text. */
  return { text: text.trim(), bindContainer: setContainer, onSelect };
}

export function SaveSelectionButton({ text, onSave, label = 'Save selection as evidence' }: { text: string; onSave: (excerpt: string) => void; label?: string }) {
  const [hint, setHint] = useState('');
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        variant="secondary"
        size="sm"
        // Pressing the button must not clear the words selected on the page.
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => {
          if (!text) {
            setHint('Select the words that show the friction first, then press this button.');
            return;
          }
          setHint('');
          onSave(text);
        }}
      >
        {label}
      </Button>
      <span aria-live="polite" className="text-xs text-slate-600">
        {hint || (text ? `${text.length > 60 ? `“${text.slice(0, 57)}…”` : `“${text}”`} selected` : '')}
      </span>
    </div>
  );
}
