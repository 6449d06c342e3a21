'use client';
// Sending an import from the Imports page: the upload with its progress bar (bytes sent, rows
// read and written) and the report or error it ends with. Used by the ticket and post-mortem forms.
import { useState } from 'react';
import type { ImportReport } from '@/server/imports/report';
import { formatBytes, uploadImport, type UploadProgress } from './upload-import';

export function ProgressBar({ progress }: { progress: UploadProgress }) {
  const percent = progress.totalBytes > 0 ? Math.round((progress.sentBytes / progress.totalBytes) * 100) : 0;
  return (
    <div className="flex flex-col gap-2" aria-live="polite">
      <div
        role="progressbar"
        aria-label="Upload and import progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-brand-600 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-sm text-slate-700">
        {progress.isUploaded ? 'Finishing: writing the last rows and saving the import…' : `Uploading and importing: ${percent}% of ${formatBytes(progress.totalBytes)} sent`}
        {progress.rowsRead > 0 && ` · ${progress.rowsRead.toLocaleString('en')} rows read, ${progress.rowsWritten.toLocaleString('en')} written`}
      </p>
    </div>
  );
}

export function useUpload(onFinished: () => void) {
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [result, setResult] = useState<{ report?: ImportReport; error?: string } | null>(null);
  async function start(form: FormData, totalBytes: number) {
    setResult(null);
    setProgress({ sentBytes: 0, totalBytes, rowsRead: 0, rowsWritten: 0, isUploaded: false });
    const outcome = await uploadImport(form, setProgress).done;
    setProgress(null);
    setResult(outcome.report ? { report: outcome.report } : { error: outcome.error?.message });
    onFinished();
  }
  return { progress, result, start, reset: () => setResult(null) };
}
