'use client';
// Opens the browser's print dialog (print or save as PDF); the print stylesheet drops the chrome.
import { Button } from './button';

export function PrintButton({ label = 'Print or PDF' }: { label?: string }) {
  return (
    <Button variant="secondary" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
