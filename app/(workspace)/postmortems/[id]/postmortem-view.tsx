'use client';
// One post-mortem: its summary, timeline, contributing factors (each can become evidence of a
// pain theme), action items and stats, and the infrastructure flag a person confirms.
import { formatDay } from '@/app/_components/format';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { Button } from '@/app/_components/button';
import { FormError } from '@/app/_components/field';
import { Markdown } from '@/app/_components/markdown';
import { PageHeader, Panel } from '@/app/_components/page-header';
import { SaveEvidenceDialog, type EvidenceSourceRef } from '@/app/_components/save-evidence';
import { useCanEdit } from '@/app/_components/session-context';
import { ErrorState, LoadingState } from '@/app/_components/states';
import { Table, Td, Th } from '@/app/_components/table';
import { useToast } from '@/app/_components/toast';
import { describeError, useTRPC } from '@/app/_trpc/client';
import { InfrastructureBadge, minutesLabel } from '@/app/(workspace)/postmortems/postmortems-view';

/** The rows of a Markdown timeline table (time, event), or null when the timeline is not a table. */
function timelineRows(markdown: string): string[][] | null {
  const rows = markdown
    .split('\n')
    .filter((line) => line.trim().startsWith('|') && !/^\s*\|[\s:|-]+\|?\s*$/.test(line))
    .map((line) => line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim()));
  return rows.length >= 2 ? rows : null;
}

export function PostmortemView({ id }: { id: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const canEdit = useCanEdit();
  const postmortem = useQuery(trpc.postmortems.get.queryOptions({ id }));
  const [source, setSource] = useState<EvidenceSourceRef | null>(null);
  const flag = useMutation(
    trpc.postmortems.setInfrastructure.mutationOptions({
      onSuccess: async (_result, variables) => {
        await queryClient.invalidateQueries({ queryKey: trpc.postmortems.pathKey() });
        toast(variables.isInfrastructure === null ? 'Review cleared' : variables.isInfrastructure ? 'Marked as infrastructure-related' : 'Marked as not infrastructure-related');
      },
    }),
  );
  const eyebrow = (
    <Link href="/postmortems" className="hover:underline">
      Post-mortems
    </Link>
  );
  if (postmortem.isPending) return <LoadingState label="Loading the post-mortem…" />;
  if (postmortem.isError) return (<><PageHeader eyebrow={eyebrow} title="Post-mortem" /><ErrorState message={describeError(postmortem.error).message} /></>);
  const data = postmortem.data;
  const timeline = timelineRows(data.timeline);
  const themesOf = (anchor: string) => data.evidence.filter((item) => item.sourcePath.endsWith(`#${anchor}`) && item.themeTitle);

  return (
    <>
      <PageHeader eyebrow={eyebrow} title={data.title} description={[data.incidentDate ?? 'Date unknown', data.category, data.severity].filter(Boolean).join(' · ')} />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="flex flex-col gap-6">
          <Panel title="Summary">{data.summary ? <Markdown>{data.summary}</Markdown> : <p className="text-sm text-slate-600">No summary in the file.</p>}</Panel>
          <Panel title="Contributing factors" description={canEdit ? 'Turn a factor into evidence of a pain theme. Post-mortem evidence counts as a mention: it has no single developer.' : undefined}>
            {data.contributingFactors.length === 0 ? (
              <p className="text-sm text-slate-600">The post-mortem lists no contributing factors or root cause.</p>
            ) : (
              <ol className="flex flex-col gap-3">
                {data.contributingFactors.map((factor, index) => {
                  const anchor = `factor-${index + 1}`;
                  const tagged = themesOf(anchor);
                  return (
                    <li key={anchor} id={anchor} className="flex flex-col gap-2 rounded-md border border-slate-200 p-3 sm:flex-row sm:items-start sm:justify-between">
                      <div className="min-w-0 text-sm text-slate-800">
                        <Markdown>{factor}</Markdown>
                        {tagged.map((item) => (
                          <p key={`${item.id}-${item.themeId}`} className="text-xs text-green-900">
                            Evidence of {item.themeTitle}
                          </p>
                        ))}
                      </div>
                      {canEdit && (
                        <Button
                          variant="secondary"
                          size="sm"
                          aria-label={`Save as evidence: contributing factor ${index + 1}`}
                          onClick={() => setSource({ kind: 'postmortem', id: data.id, anchor, label: `${data.title}, factor ${index + 1}`, excerpt: factor.replace(/\*\*/g, ''), participant: null })}
                        >
                          Save as evidence
                        </Button>
                      )}
                    </li>
                  );
                })}
              </ol>
            )}
          </Panel>
          {data.timeline && (
            <Panel title="Timeline">
              {timeline ? (
                <Table caption="Timeline of the incident">
                  <thead>
                    <tr>
                      {timeline[0].map((cell, index) => (
                        <Th key={index}>{cell}</Th>
                      ))}
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {timeline.slice(1).map((row, index) => (
                      <tr key={index}>
                        {row.map((cell, cellIndex) => (
                          <Td key={cellIndex} className={cellIndex === 0 ? 'whitespace-nowrap' : undefined}>
                            {cell.replace(/\*\*/g, '')}
                          </Td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </Table>
              ) : (
                <pre tabIndex={0} aria-label="Timeline of the incident" className="max-h-96 overflow-auto text-xs whitespace-pre-wrap text-slate-800">
                  {data.timeline}
                </pre>
              )}
            </Panel>
          )}
          {data.actionItems.length > 0 && (
            <Panel title="Action items">
              <ul className="flex flex-col gap-2">
                {data.actionItems.map((item, index) => (
                  <li key={index}>
                    <Markdown>{item}</Markdown>
                  </li>
                ))}
              </ul>
            </Panel>
          )}
          {data.lessons && (
            <Panel title="Lessons learned">
              <Markdown>{data.lessons}</Markdown>
            </Panel>
          )}
        </div>
        <div className="flex flex-col gap-6">
          <Panel title="Infrastructure-related?">
            <div className="flex flex-col gap-3 text-sm text-slate-800">
              <InfrastructureBadge value={data.isInfrastructure} keywords={data.infrastructureKeywords} />
              {data.infrastructureKeywords.length > 0 ? (
                <p>Words that suggest it: {data.infrastructureKeywords.join(', ')}.</p>
              ) : (
                <p>No infrastructure words were found in the title, summary or contributing factors.</p>
              )}
              {data.reviewedAt && (
                <p className="text-xs text-slate-600">
                  Reviewed by {data.reviewedByName ?? 'a former member'} on {formatDay(data.reviewedAt)}.
                </p>
              )}
              <FormError message={flag.error ? describeError(flag.error).message : null} />
              {canEdit && (
                <div className="flex flex-wrap gap-2">
                  <Button size="sm" variant={data.isInfrastructure === true ? 'primary' : 'secondary'} aria-pressed={data.isInfrastructure === true} onClick={() => flag.mutate({ id: data.id, isInfrastructure: true })}>
                    Infrastructure-related
                  </Button>
                  <Button size="sm" variant={data.isInfrastructure === false ? 'primary' : 'secondary'} aria-pressed={data.isInfrastructure === false} onClick={() => flag.mutate({ id: data.id, isInfrastructure: false })}>
                    Not infrastructure
                  </Button>
                  {data.isInfrastructure !== null && (
                    <Button size="sm" variant="ghost" onClick={() => flag.mutate({ id: data.id, isInfrastructure: null })}>
                      Clear
                    </Button>
                  )}
                </div>
              )}
            </div>
          </Panel>
          <Panel title="Stats">
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-slate-600">Date</dt>
              <dd>{data.incidentDate ?? 'Unknown'}</dd>
              <dt className="text-slate-600">Category</dt>
              <dd>{data.category ?? '—'}</dd>
              <dt className="text-slate-600">Severity</dt>
              <dd>{data.severity ?? '—'}</dd>
              <dt className="text-slate-600">Time to detection</dt>
              <dd>{minutesLabel(data.detectionMinutes)}</dd>
              <dt className="text-slate-600">Time to recovery</dt>
              <dd>{minutesLabel(data.recoveryMinutes)}</dd>
              <dt className="text-slate-600">Evidence</dt>
              <dd>{data.evidence.length ? `${new Set(data.evidence.map((item) => item.id)).size} item(s) in the pain inventory` : 'None yet'}</dd>
            </dl>
          </Panel>
        </div>
      </div>
      <SaveEvidenceDialog source={source} onClose={() => setSource(null)} onSaved={() => void postmortem.refetch()} />
    </>
  );
}
