'use client';
// Sends an export to /api/imports with XMLHttpRequest, which reports upload progress, and reads
// the JSON lines the server streams back: progress while it imports, then the report.
import type { ImportReport } from '@/server/imports/report';

export interface UploadProgress {
  sentBytes: number;
  totalBytes: number;
  rowsRead: number;
  rowsWritten: number;
  isUploaded: boolean;
}

export type UploadResult = { report: ImportReport; error?: undefined } | { report?: undefined; error: { status: number; message: string } };

type Line = { type: 'progress'; rowsRead: number; rowsWritten: number } | { type: 'report'; report: ImportReport } | { type: 'error'; status: number; message: string };

function parseLines(text: string): Line[] {
  const lines: Line[] = [];
  for (const raw of text.split('\n')) {
    if (!raw.trim()) continue;
    try {
      lines.push(JSON.parse(raw) as Line);
    } catch {
      // A line still arriving; it is read again with the rest of the response.
    }
  }
  return lines;
}

export function uploadImport(form: FormData, onProgress: (progress: UploadProgress) => void): { done: Promise<UploadResult>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const progress: UploadProgress = { sentBytes: 0, totalBytes: 0, rowsRead: 0, rowsWritten: 0, isUploaded: false };
  const done = new Promise<UploadResult>((resolve) => {
    xhr.open('POST', '/api/imports');
    xhr.upload.onprogress = (event) => {
      progress.sentBytes = event.loaded;
      progress.totalBytes = event.lengthComputable ? event.total : progress.totalBytes;
      onProgress({ ...progress });
    };
    xhr.upload.onload = () => {
      progress.isUploaded = true;
      progress.sentBytes = progress.totalBytes;
      onProgress({ ...progress });
    };
    xhr.onprogress = () => {
      const last = parseLines(xhr.responseText).filter((line) => line.type === 'progress').at(-1);
      if (last && last.type === 'progress') {
        progress.rowsRead = last.rowsRead;
        progress.rowsWritten = last.rowsWritten;
        onProgress({ ...progress });
      }
    };
    xhr.onload = () => {
      const lines = parseLines(xhr.responseText);
      const final = lines.find((line) => line.type === 'report' || line.type === 'error');
      if (final?.type === 'report') resolve({ report: final.report });
      else if (final?.type === 'error') resolve({ error: { status: final.status, message: final.message } });
      else resolve({ error: { status: xhr.status, message: 'The import ended without a report. Try again; the history shows whether anything was written.' } });
    };
    xhr.onerror = () => resolve({ error: { status: 0, message: 'Frictionlog cannot be reached. Check your connection and try again.' } });
    xhr.onabort = () => resolve({ error: { status: 0, message: 'The upload was cancelled; nothing was imported.' } });
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
