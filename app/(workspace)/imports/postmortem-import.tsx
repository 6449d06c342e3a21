'use client';
// The post-mortem half of the Imports page: Markdown files (many at once) or one CSV, then import.
import { MAX_POSTMORTEM_FILE_BYTES } from '@/server/imports/rules';
import { useState } from 'react';
import { Button } from '@/app/_components/button';
import { FileDrop } from '@/app/_components/file-drop';
import { FormError } from '@/app/_components/field';
import { Panel } from '@/app/_components/page-header';
import { ImportReportView } from './import-report';
import { formatBytes } from './upload-import';
import { ProgressBar, useUpload } from './upload-progress';

export function PostmortemImport({ onImported }: { onImported: () => void }) {
  const [files, setFiles] = useState<File[]>([]);
  const [rejection, setRejection] = useState<string | null>(null);
  const [isSkipBadRows, setSkipBadRows] = useState(false);
  const upload = useUpload(onImported);
  const isCsv = files.length === 1 && /\.csv$/i.test(files[0].name);
  const total = files.reduce((sum, file) => sum + file.size, 0);

  function choose(chosen: File[]) {
    upload.reset();
    const csv = chosen.filter((file) => /\.csv$/i.test(file.name));
    const markdown = chosen.filter((file) => /\.(md|markdown)$/i.test(file.name));
    if (csv.length + markdown.length < chosen.length) {
      setRejection('Choose Markdown files (.md) or one post-mortem CSV.');
      return;
    }
    if (csv.length > 0 && (markdown.length > 0 || csv.length > 1)) {
      setRejection('Import Markdown files and a post-mortem CSV separately, one CSV at a time.');
      return;
    }
    setRejection(null);
    setFiles(chosen);
  }

  function startImport() {
    const form = new FormData();
    form.append('format', isCsv ? 'postmortem-csv' : 'postmortem-markdown');
    form.append('skipBadRows', String(isSkipBadRows));
    for (const file of files) form.append('file', file, file.name);
    void upload.start(form, total);
  }

  return (
    <div className="flex flex-col gap-5">
      <FileDrop label="Choose post-mortems" accept=".md,.markdown,.csv,text/markdown,text/csv" maxBytes={MAX_POSTMORTEM_FILE_BYTES} onFiles={choose} onReject={setRejection} />
      <p className="-mt-3 text-xs text-slate-600">
        Markdown post-mortems, many at once (title, date, summary, timeline, contributing factors, action items, stats), or one CSV with a row per incident.
      </p>
      <FormError message={rejection} />
      {files.length > 0 && !upload.progress && !upload.result && (
        <Panel title={`${files.length} file${files.length === 1 ? '' : 's'} chosen`} description={`${formatBytes(total)} in all.`}>
          <ul className="mb-4 max-h-40 overflow-y-auto text-sm text-slate-700">
            {files.map((file) => (
              <li key={file.name} className="truncate">
                {file.name}
              </li>
            ))}
          </ul>
          <label className="mb-4 flex items-start gap-2 text-sm text-slate-800">
            <input type="checkbox" className="mt-0.5" checked={isSkipBadRows} onChange={(event) => setSkipBadRows(event.target.checked)} />
            <span>Skip bad files: import the good ones and list the rest in the report.</span>
          </label>
          <Button onClick={startImport}>
            Import {files.length} post-mortem file{files.length === 1 ? '' : 's'}
          </Button>
        </Panel>
      )}
      {upload.progress && <ProgressBar progress={upload.progress} />}
      {upload.result?.error && <FormError message={upload.result.error} />}
      {upload.result?.report && (
        <Panel title="Report">
          <ImportReportView report={upload.result.report} />
        </Panel>
      )}
    </div>
  );
}
