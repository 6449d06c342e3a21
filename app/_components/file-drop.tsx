'use client';
// Choose a file by drag-and-drop or the file picker; the file is read in the browser as text.
import { useId, useState, type DragEvent } from 'react';

export function FileDrop({
  label,
  accept,
  maxBytes,
  onFile,
  onReject,
}: {
  label: string;
  accept: string;
  maxBytes: number;
  onFile: (file: File) => void;
  onReject: (message: string) => void;
}) {
  const id = useId();
  const [isOver, setOver] = useState(false);

  function take(file: File | undefined) {
    if (!file) return;
    if (file.size > maxBytes) {
      onReject(`${file.name} is ${(file.size / 1_000_000).toFixed(1)} MB; the limit is ${maxBytes / 1_000_000} MB.`);
      return;
    }
    onFile(file);
  }

  function drop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    take(event.dataTransfer.files[0]);
  }

  return (
    <div
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      className={`rounded-lg border-2 border-dashed px-6 py-8 text-center ${isOver ? 'border-brand-600 bg-brand-50' : 'border-slate-300 bg-white'}`}
    >
      <p className="text-sm text-slate-700">Drop a file here, or</p>
      <label htmlFor={id} className="mt-2 inline-block cursor-pointer rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700">
        {label}
      </label>
      <input
        id={id}
        type="file"
        accept={accept}
        className="sr-only"
        onChange={(event) => {
          take(event.target.files?.[0]);
          event.target.value = '';
        }}
      />
    </div>
  );
}
