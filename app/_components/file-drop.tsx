'use client';
// Choose a file (or several) by drag-and-drop or the file picker; files over the size limit are
// refused here, before anything is read or sent.
import { useId, useState, type DragEvent } from 'react';

export function FileDrop({
  label,
  accept,
  maxBytes,
  onFile,
  onFiles,
  onReject,
}: {
  label: string;
  accept: string;
  maxBytes: number;
  onFile?: (file: File) => void;
  /** Set to accept several files at once (drop or pick); each is checked against maxBytes. */
  onFiles?: (files: File[]) => void;
  onReject: (message: string) => void;
}) {
  const id = useId();
  const [isOver, setOver] = useState(false);

  function take(list: FileList | null | undefined) {
    const files = [...(list ?? [])];
    if (files.length === 0) return;
    const tooLarge = files.find((file) => file.size > maxBytes);
    if (tooLarge) {
      onReject(`${tooLarge.name} is ${(tooLarge.size / 1_000_000).toFixed(1)} MB; the limit is ${maxBytes / 1_000_000} MB.`);
      return;
    }
    if (onFiles) onFiles(files);
    else onFile?.(files[0]);
  }

  function drop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    take(event.dataTransfer.files);
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
      <p className="text-sm text-slate-700">{onFiles ? 'Drop files here, or' : 'Drop a file here, or'}</p>
      <label htmlFor={id} className="mt-2 inline-block cursor-pointer rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700">
        {label}
      </label>
      <input
        id={id}
        type="file"
        accept={accept}
        multiple={Boolean(onFiles)}
        className="sr-only"
        onChange={(event) => {
          take(event.target.files);
          event.target.value = '';
        }}
      />
    </div>
  );
}
