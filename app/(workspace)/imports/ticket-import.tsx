'use client';
// The ticket half of the Imports page: choose an export, see its format and first rows as tickets,
// correct the column mapping (saved mappings, date order, time zone, a stand-in date), then import.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CSV_TICKET_FORMATS, FORMAT_LABELS, TICKET_FORMATS, type ColumnMapping } from '@/server/imports/ticket-formats';
import { Button } from '@/app/_components/button';
import { FileDrop } from '@/app/_components/file-drop';
import { FormError, SelectField, TextField } from '@/app/_components/field';
import { Panel } from '@/app/_components/page-header';
import { LoadingState } from '@/app/_components/states';
import { useToast } from '@/app/_components/toast';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { ImportReportView } from './import-report';
import { MappingEditor } from './mapping-editor';
import { PreviewRows } from './preview-rows';
import { formatBytes } from './upload-import';
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_LABEL } from '@/server/imports/rules';
import { ProgressBar, useUpload } from './upload-progress';

const SAMPLE_BYTES = 1_000_000;
const isCsvFormat = (format: string | null | undefined) => (CSV_TICKET_FORMATS as readonly string[]).includes(format ?? '');
const isTicketFormat = (format: string | null | undefined): format is (typeof TICKET_FORMATS)[number] => (TICKET_FORMATS as readonly string[]).includes(format ?? '');
// The zones this browser knows, UTC first (the default).
const TIME_ZONES = ['UTC', ...(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC') : [])];

export function TicketImport({ onImported }: { onImported: () => void }) {
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
        each ticket is keyed by its content, and without a creation date it still counts. Up to {MAX_UPLOAD_LABEL}.
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

              <PreviewRows rows={data.rows} blocking={blocking} />
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
