'use client';
// The Imports page: upload a ticket export or post-mortems, see what the file is and how its
// columns map to ticket fields, correct the mapping, watch the upload and import progress, read
// the report, and roll back an import from the history.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ImportReport } from '@/server/imports/report';
import { CSV_TICKET_FORMATS, FIELD_LABELS, FORMAT_LABELS, REQUIRED_FIELDS, TICKET_FIELDS, TICKET_FORMATS, type ColumnMapping } from '@/server/imports/ticket-formats';
import { Button } from '@/app/_components/button';
import { Dialog } from '@/app/_components/dialog';
import { FileDrop } from '@/app/_components/file-drop';
import { FormError, SelectField, TextField } from '@/app/_components/field';
import { Badge, PageHeader, Panel } from '@/app/_components/page-header';
import { useCanEdit } from '@/app/_components/session-context';
import { EmptyState, ErrorState, LoadingState } from '@/app/_components/states';
import { Table, Td, Th } from '@/app/_components/table';
import { useToast } from '@/app/_components/toast';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { ImportReportView, STATUS_LABELS } from './import-report';
import { formatBytes, uploadImport, type UploadProgress } from './upload-import';
import { SegmentedControl } from '@/app/_components/segmented-control';

const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
const SAMPLE_BYTES = 1_000_000;
const isCsvFormat = (format: string | null | undefined) => (CSV_TICKET_FORMATS as readonly string[]).includes(format ?? '');
const isTicketFormat = (format: string | null | undefined): format is (typeof TICKET_FORMATS)[number] => (TICKET_FORMATS as readonly string[]).includes(format ?? '');
// The zones this browser knows, UTC first (the default).
const TIME_ZONES = ['UTC', ...(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC') : [])];

function ProgressBar({ progress }: { progress: UploadProgress }) {
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

function useUpload(onFinished: () => void) {
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

function MappingEditor({
  columns,
  mapping,
  onChange,
}: {
  columns: { name: string; count: number }[];
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
}) {
  const options = columns.filter((column) => column.name !== '').map((column) => ({ value: column.name, label: column.count > 1 ? `${column.name} (${column.count} columns)` : column.name }));
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium text-slate-800">Columns to ticket fields</legend>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {TICKET_FIELDS.map((field) => (
          <SelectField
            key={field}
            label={`${FIELD_LABELS[field]}${REQUIRED_FIELDS.includes(field) ? ' (required)' : ''}`}
            value={mapping[field] ?? ''}
            placeholder="Not in this file"
            options={options}
            onChange={(event) => onChange({ ...mapping, [field]: event.target.value || null })}
          />
        ))}
      </div>
    </fieldset>
  );
}

function TicketImport({ onImported }: { onImported: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [file, setFile] = useState<File | null>(null);
  const [sample, setSample] = useState<{ text: string; isTruncated: boolean } | null>(null);
  const [rejection, setRejection] = useState<string | null>(null);
  const [format, setFormat] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [isMonthFirst, setMonthFirst] = useState(false);
  const [sourceName, setSourceName] = useState('');
  const [isSkipBadRows, setSkipBadRows] = useState(false);
  const [mappingName, setMappingName] = useState('');
  // null: the zone this source's last import used (remembered per source), UTC for a new source.
  const [chosenZone, setChosenZone] = useState<string | null>(null);
  const remembered = useQuery({
    ...trpc.imports.timeZoneOf.queryOptions({ format: isTicketFormat(format) ? format : 'csv', sourceName: sourceName.trim() || null }),
    enabled: isCsvFormat(format),
  });
  const timeZone = chosenZone ?? remembered.data?.timeZone ?? 'UTC';
  const preview = useMutation(
    trpc.imports.preview.mutationOptions({
      onSuccess: (data) => {
        setFormat(data.format);
        setMapping(data.mapping);
      },
    }),
  );
  const mappings = useQuery(trpc.imports.mappings.queryOptions());
  const saveMapping = useMutation(
    trpc.imports.saveMapping.mutationOptions({
      onSuccess: async (saved) => {
        await queryClient.invalidateQueries({ queryKey: trpc.imports.mappings.queryKey() });
        toast(`Mapping "${saved.name}" saved`);
      },
    }),
  );
  const upload = useUpload(onImported);

  async function choose(chosen: File) {
    setRejection(null);
    upload.reset();
    setFile(chosen);
    setFormat(null);
    setMapping(null);
    if (/\.zip$/i.test(chosen.name)) {
      // A Slack export is a zip: nothing to preview as text; the server reads its channels.
      preview.reset();
      setSample(null);
      setFormat('slack');
      return;
    }
    const text = await chosen.slice(0, SAMPLE_BYTES).text();
    const next = { text, isTruncated: chosen.size > SAMPLE_BYTES };
    setSample(next);
    preview.mutate({ fileName: chosen.name, sample: next.text, isTruncated: next.isTruncated });
  }

  function refresh(changes: { format?: string; mapping?: ColumnMapping | null; isMonthFirst?: boolean; timeZone?: string }) {
    if (!file || !sample) return;
    const nextFormat = changes.format ?? format;
    const nextMapping = changes.mapping === undefined ? mapping : changes.mapping;
    preview.mutate({
      fileName: file.name,
      sample: sample.text,
      isTruncated: sample.isTruncated,
      format: (nextFormat as (typeof TICKET_FORMATS)[number]) ?? null,
      mapping: nextMapping,
      isMonthFirst: changes.isMonthFirst ?? isMonthFirst,
      timeZone: changes.timeZone ?? timeZone,
    });
  }

  function startImport() {
    if (!file || !format) return;
    const form = new FormData();
    form.append('format', format);
    if (isCsvFormat(format) && mapping) form.append('mapping', JSON.stringify({ columns: mapping, isMonthFirst }));
    if (format === 'csv' && sourceName.trim()) form.append('sourceName', sourceName.trim());
    if (isCsvFormat(format)) form.append('timeZone', timeZone);
    form.append('skipBadRows', String(isSkipBadRows));
    form.append('file', file, file.name);
    void upload.start(form, file.size);
  }

  const data = preview.data;
  const isPostmortems = data?.format === 'postmortem-csv' || data?.format === 'postmortem-markdown';
  const blocking = data?.problems.filter((problem) => problem.message) ?? [];
  const savedForFormat = (mappings.data ?? []).filter((saved) => saved.format === format);
  const saveError = saveMapping.error ? describeError(saveMapping.error) : null;

  return (
    <div className="flex flex-col gap-5">
      <FileDrop
        label="Choose an export"
        accept=".csv,.json,.jsonl,.ndjson,.txt,.zip,text/csv,application/json,application/zip"
        maxBytes={MAX_UPLOAD_BYTES}
        onFile={(chosen) => void choose(chosen)}
        onReject={setRejection}
      />
      <p className="-mt-3 text-xs text-slate-600">
        Jira &ldquo;Export issues to CSV&rdquo; (current or all fields), GitHub issues as JSON or JSON Lines (the API&rsquo;s or <code>gh issue list --json</code>),
        ServiceNow incidents CSV, Zendesk tickets CSV, Linear&rsquo;s CSV export, a Slack workspace export (.zip: each question a ticket, thread replies as
        comments), or any other CSV with your own mapping. Only a title is required: without a key
        each ticket is keyed by its content, and without a creation date it still counts. Up to 200 MB.
      </p>
      <FormError message={rejection ?? (preview.error ? describeError(preview.error).message : null)} />
      {preview.isPending && <LoadingState label="Reading the first rows…" />}

      {file && format === 'slack' && !data && !upload.progress && !upload.result && (
        <Panel title={`Slack workspace export: ${file.name}`} description={formatBytes(file.size)}>
          <div className="flex flex-col gap-4">
            <p className="text-sm text-slate-700">
              Each top-level message in the export&rsquo;s channels becomes a ticket (key: channel and timestamp), its thread replies its comments, its author the
              requester (name and email from users.json), and a white check mark reaction marks it resolved. Joins, bot messages and other system messages are skipped
              and counted in the report.
            </p>
            <label className="flex items-start gap-2 text-sm text-slate-800">
              <input type="checkbox" className="mt-0.5" checked={isSkipBadRows} onChange={(event) => setSkipBadRows(event.target.checked)} />
              <span>Skip bad messages: import the good ones and list the rest in the report.</span>
            </label>
            <div>
              <Button onClick={startImport}>
                Import {file.name} ({formatBytes(file.size)})
              </Button>
            </div>
          </div>
        </Panel>
      )}
      {file && data && !upload.progress && !upload.result && (
        <Panel title={`Preview of ${file.name}`} description={`${formatBytes(file.size)}. ${data.detectedFormat ? `This looks like a ${FORMAT_LABELS[data.detectedFormat]}.` : ''}`}>
          {isPostmortems ? (
            <p className="text-sm text-slate-700">This file holds post-mortems. Choose &ldquo;Post-mortems&rdquo; above to import it.</p>
          ) : (
            <div className="flex flex-col gap-4">
              <SelectField
                label="Format"
                className="sm:w-80"
                value={format ?? ''}
                options={TICKET_FORMATS.map((value) => ({ value, label: FORMAT_LABELS[value] }))}
                onChange={(event) => {
                  setFormat(event.target.value);
                  refresh({ format: event.target.value, mapping: null });
                }}
              />
              {isCsvFormat(format) && mapping && (
                <>
                  {savedForFormat.length > 0 && (
                    <SelectField
                      label="Use a saved mapping"
                      className="sm:w-80"
                      value=""
                      placeholder="Choose…"
                      options={savedForFormat.map((saved) => ({ value: saved.id, label: saved.name }))}
                      onChange={(event) => {
                        const saved = savedForFormat.find((entry) => entry.id === event.target.value);
                        if (!saved) return;
                        const value = saved.mapping as unknown as { columns: ColumnMapping; isMonthFirst?: boolean };
                        setMapping(value.columns);
                        setMonthFirst(Boolean(value.isMonthFirst));
                        if (format === 'csv') setSourceName(saved.name);
                        setMappingName(saved.name);
                        refresh({ mapping: value.columns, isMonthFirst: Boolean(value.isMonthFirst) });
                      }}
                    />
                  )}
                  <MappingEditor
                    columns={data.columns}
                    mapping={mapping}
                    onChange={(next) => {
                      setMapping(next);
                      refresh({ mapping: next });
                    }}
                  />
                  <label className="flex items-center gap-2 text-sm text-slate-800">
                    <input
                      type="checkbox"
                      checked={isMonthFirst}
                      onChange={(event) => {
                        setMonthFirst(event.target.checked);
                        refresh({ isMonthFirst: event.target.checked });
                      }}
                    />
                    Dates like 03/04/2025 are month first (US style)
                  </label>
                  <SelectField
                    label="Time zone of dates written without one"
                    className="sm:w-80"
                    value={timeZone}
                    options={TIME_ZONES.map((zone) => ({ value: zone, label: zone }))}
                    hint="Remembered for the next import from this source. Dates with a zone or offset keep theirs."
                    onChange={(event) => {
                      setChosenZone(event.target.value);
                      refresh({ timeZone: event.target.value });
                    }}
                  />
                  {!mapping.created && (
                    <div className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-slate-800" role="note">
                      <p>
                        No column is mapped to Created: the tickets import without a date. They count for repeat questions, categories and evidence, and the report
                        and the weekly volume say how many have no date.
                      </p>
                      {data.dateStandIns.length > 0 && (
                        <div className="mt-2 flex flex-wrap items-center gap-2">
                          <span>Or use another date column as a stand-in:</span>
                          {data.dateStandIns.map((name) => (
                            <Button
                              key={name}
                              variant="secondary"
                              onClick={() => {
                                const next = { ...mapping, created: name };
                                setMapping(next);
                                refresh({ mapping: next });
                              }}
                            >
                              Use &ldquo;{name}&rdquo;
                            </Button>
                          ))}
                        </div>
                      )}
                    </div>
                  )}
                  <div className="flex flex-wrap items-end gap-2">
                    <TextField label="Save this mapping as" value={mappingName} onChange={(event) => setMappingName(event.target.value)} error={saveError?.fieldErrors.name} placeholder="e.g. Platform help desk" />
                    <Button
                      variant="secondary"
                      isBusy={saveMapping.isPending}
                      onClick={() => saveMapping.mutate({ name: mappingName, format: format as (typeof CSV_TICKET_FORMATS)[number], columns: mapping, isMonthFirst })}
                    >
                      Save mapping
                    </Button>
                  </div>
                  {saveError && !saveError.fieldErrors.name && <FormError message={saveError.message} />}
                  {format === 'csv' && (
                    <TextField
                      label="Where these tickets come from"
                      className="sm:w-80"
                      value={sourceName}
                      onChange={(event) => setSourceName(event.target.value)}
                      hint="Tickets are matched by this name and their key, so importing the same sheet again changes nothing."
                      placeholder="e.g. Platform help desk"
                    />
                  )}
                </>
              )}

              {blocking.length > 0 ? (
                <div className="flex flex-col gap-2">
                  <FormError message="The file cannot be imported as it is:" />
                  <ul className="list-disc pl-5 text-sm text-red-800">
                    {blocking.map((problem, index) => (
                      <li key={index}>
                        Row {problem.row}
                        {problem.column ? `, column "${problem.column}"` : ''}: {problem.message}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : (
                <Table caption="The first rows as tickets">
                  <thead>
                    <tr>
                      <Th>Row</Th>
                      <Th>Key</Th>
                      <Th>Title</Th>
                      <Th>Requester</Th>
                      <Th>Created</Th>
                      <Th>Category</Th>
                      <Th>Labels</Th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {data.rows.map((row) => (
                      <tr key={row.row}>
                        <Td>{row.row}</Td>
                        {row.isPullRequest ? (
                          <Td colSpan={6} className="text-slate-600">
                            A pull request: skipped
                          </Td>
                        ) : row.record ? (
                          <>
                            <Td className="whitespace-nowrap">{row.record.externalKey}</Td>
                            <Td>{row.record.title}</Td>
                            <Td>{row.record.requesterEmail ?? row.record.requesterName ?? '—'}</Td>
                            <Td className="whitespace-nowrap">{row.record.openedAt?.slice(0, 16).replace('T', ' ') ?? 'No date'}</Td>
                            <Td>{row.record.exportCategory ?? '—'}</Td>
                            <Td>{row.record.labels.join(', ') || '—'}</Td>
                          </>
                        ) : (
                          <Td colSpan={6} className="text-red-800">
                            {row.problems.map((problem) => `${problem.column ? `${problem.column}: ` : ''}${problem.message}`).join(' ')}
                          </Td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </Table>
              )}
              <label className="flex items-start gap-2 text-sm text-slate-800">
                <input type="checkbox" className="mt-0.5" checked={isSkipBadRows} onChange={(event) => setSkipBadRows(event.target.checked)} />
                <span>
                  Skip bad rows: import the good rows and list the rest in the report. Without this, one bad row stops the import and nothing is written.
                </span>
              </label>
              <div>
                <Button onClick={startImport} disabled={blocking.length > 0 || !format}>
                  Import {file.name} ({formatBytes(file.size)})
                </Button>
              </div>
            </div>
          )}
        </Panel>
      )}
      {upload.progress && <ProgressBar progress={upload.progress} />}
      {upload.result?.error && <FormError message={upload.result.error} />}
      {upload.result?.report && (
        <Panel title={`Report: ${upload.result.report.fileName}`}>
          <ImportReportView report={upload.result.report} />
        </Panel>
      )}
    </div>
  );
}

function PostmortemImport({ onImported }: { onImported: () => void }) {
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
      <FileDrop label="Choose post-mortems" accept=".md,.markdown,.csv,text/markdown,text/csv" maxBytes={2 * 1024 * 1024} onFiles={choose} onReject={setRejection} />
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

type HistoryRow = { id: string; file_name: string; status: string };

function ReportDialog({ id, onClose }: { id: string | null; onClose: () => void }) {
  const trpc = useTRPC();
  const batch = useQuery({ ...trpc.imports.get.queryOptions({ id: id ?? '00000000-0000-4000-8000-000000000000' }), enabled: Boolean(id) });
  return (
    <Dialog title={batch.data ? `Report: ${batch.data.file_name}` : 'Import report'} isOpen={Boolean(id)} onClose={onClose}>
      {batch.isPending ? (
        <LoadingState />
      ) : batch.isError ? (
        <ErrorState message={describeError(batch.error).message} />
      ) : (
        <ImportReportView
          report={{
            kind: batch.data.kind,
            status: batch.data.status,
            message: batch.data.error,
            rowsRead: batch.data.rows_read,
            inserted: batch.data.inserted,
            updated: batch.data.updated,
            unchanged: batch.data.unchanged,
            skipped: batch.data.skipped,
            participantsCreated: batch.data.participants_created,
            problemCount: batch.data.problem_count,
            problems: batch.data.problems,
            notes: batch.data.notes,
          }}
        />
      )}
    </Dialog>
  );
}

function RollbackDialog({ batch, onClose }: { batch: HistoryRow | null; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const rollback = useMutation(
    trpc.imports.rollback.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries();
        toast(`Rolled back: ${result.removed} removed, ${result.restored} restored`);
        onClose();
      },
    }),
  );
  return (
    <Dialog title="Roll back this import?" isOpen={Boolean(batch)} onClose={onClose}>
      {batch && (
        <div className="flex flex-col gap-4 text-sm text-slate-800">
          <p>
            Everything <strong>{batch.file_name}</strong> added is removed, everything it updated is put back as it was, and developers it added to the directory
            are removed when nothing else refers to them.
          </p>
          <FormError message={rollback.error ? describeError(rollback.error).message : null} />
          <div className="flex gap-2">
            <Button variant="danger" isBusy={rollback.isPending} onClick={() => rollback.mutate({ id: batch.id })}>
              Roll back
            </Button>
            <Button variant="ghost" onClick={onClose}>
              Keep it
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}

function ImportHistory() {
  const trpc = useTRPC();
  const canEdit = useCanEdit();
  const history = useQuery(trpc.imports.history.queryOptions({ limit: 50 }));
  const [reportId, setReportId] = useState<string | null>(null);
  const [rollingBack, setRollingBack] = useState<HistoryRow | null>(null);

  return (
    <Panel title="Import history" description="Every import with its report. A finished import can be rolled back.">
      {history.isPending ? (
        <LoadingState label="Loading the history…" />
      ) : history.isError ? (
        <ErrorState message={describeError(history.error).message} onRetry={() => history.refetch()} />
      ) : history.data.total === 0 ? (
        <EmptyState title="Nothing imported yet">Imports you run here or through the API (POST /api/v1/imports) are listed with their reports.</EmptyState>
      ) : (
        <Table caption="Imports, newest first">
          <thead>
            <tr>
              <Th>When</Th>
              <Th>File</Th>
              <Th>Format</Th>
              <Th>Status</Th>
              <Th>Read</Th>
              <Th>New</Th>
              <Th>Updated</Th>
              <Th>Unchanged</Th>
              <Th>Problems</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {history.data.rows.map((row) => {
              const status = STATUS_LABELS[row.status] ?? STATUS_LABELS.completed;
              return (
                <tr key={row.id}>
                  <Td className="whitespace-nowrap">
                    {row.created_at.toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })}
                    <span className="block text-xs text-slate-600">{row.via === 'api' ? 'API' : (row.created_by_name ?? '')}</span>
                  </Td>
                  <Td className="max-w-64 min-w-40 [overflow-wrap:anywhere]">{row.file_name}</Td>
                  <Td>{FORMAT_LABELS[row.format]}</Td>
                  <Td>
                    <Badge tone={status.tone}>{status.label}</Badge>
                  </Td>
                  <Td>{row.rows_read.toLocaleString('en')}</Td>
                  <Td>{row.inserted.toLocaleString('en')}</Td>
                  <Td>{row.updated.toLocaleString('en')}</Td>
                  <Td>{row.unchanged.toLocaleString('en')}</Td>
                  <Td>{row.problem_count.toLocaleString('en')}</Td>
                  <Td className="whitespace-nowrap text-right">
                    <Button variant="ghost" size="sm" aria-label={`Report of ${row.file_name}`} onClick={() => setReportId(row.id)}>
                      Report
                    </Button>
                    {canEdit && row.status === 'completed' && (
                      <Button variant="ghost" size="sm" aria-label={`Roll back ${row.file_name}`} onClick={() => setRollingBack(row)}>
                        Roll back
                      </Button>
                    )}
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      <ReportDialog id={reportId} onClose={() => setReportId(null)} />
      <RollbackDialog batch={rollingBack} onClose={() => setRollingBack(null)} />
    </Panel>
  );
}

export function ImportsView() {
  const canEdit = useCanEdit();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<'tickets' | 'postmortems'>('tickets');
  // An import changes tickets, post-mortems, the directory and the history: every cached read.
  const refreshAll = () => void queryClient.invalidateQueries();

  return (
    <>
      <PageHeader
        title="Imports"
        description="Bring in support tickets and post-mortems, the quantitative half of the pain inventory. An import is all or nothing unless you choose to skip bad rows, importing the same file again changes nothing, and any import can be rolled back."
      />
      <div className="flex flex-col gap-6">
        {canEdit ? (
          <Panel>
            <SegmentedControl
              label="What are you importing?"
              className="mb-5"
              options={[
                { value: 'tickets', label: 'Support tickets' },
                { value: 'postmortems', label: 'Post-mortems' },
              ]}
              value={kind}
              onChange={setKind}
            />
            {kind === 'tickets' ? <TicketImport onImported={refreshAll} /> : <PostmortemImport onImported={refreshAll} />}
          </Panel>
        ) : (
          <EmptyState title="Viewers cannot import">Ask an editor or admin of your workspace to import ticket exports and post-mortems. The history below shows what came in.</EmptyState>
        )}
        <ImportHistory />
      </div>
    </>
  );
}
