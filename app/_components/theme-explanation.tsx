// "How was this computed?": a theme's numbers taken apart (server/inventory/explain-theme.ts), as
// steps in words and a per-developer table. No hooks, so the help page renders its worked example
// on the server with the very same component and code.
import type { ReactNode } from 'react';
import { EVIDENCE_KIND_LABELS, SOURCE_LABELS } from '@/server/evidence/rules';
import {
  describeDeveloperTime,
  describeExplanation,
  describeItemTime,
  formatMinutes,
  type ExplainedDeveloper,
  type ThemeExplanation,
} from '@/server/inventory/explain-theme';
import { Table, Td, Th } from './table';
import { DeveloperLink } from '@/app/_components/developer-link';
import { SourceLink } from '@/app/_components/source-link';

const LARGER_LABELS = { recurring: 'Recurring estimate', single: 'Single occurrences', equal: 'Equal' } as const;

export function ThemeExplanationView({
  explanation,
  caption,
  developerAction,
  hasDeveloperLinks = false,
}: {
  explanation: ThemeExplanation;
  caption: string;
  /** Names link to the developers' pages (in the workspace; the help page's example has no real developers). */
  hasDeveloperLinks?: boolean;
  /** Something to do with one developer's row, e.g. show only their evidence below. */
  developerAction?: (developer: ExplainedDeveloper) => ReactNode;
}) {
  const steps = describeExplanation(explanation);
  return (
    <div className="flex flex-col gap-3">
      <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-800">
        {steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      {explanation.developers.length === 0 ? (
        <p className="text-sm text-slate-600">No evidence from a known developer in this view.</p>
      ) : (
        <Table caption={caption}>
          <thead>
            <tr>
              <Th>Developer</Th>
              <Th>Their evidence: kind, minutes, rate</Th>
              <Th className="text-right">Largest recurring estimate, a month</Th>
              <Th className="text-right">Single occurrences, spread over the window</Th>
              <Th className="text-right">Counted, a month</Th>
              <Th>The larger</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {explanation.developers.map((developer) => (
              <tr key={developer.participantId}>
                <Td className="font-medium">
                  {hasDeveloperLinks ? <DeveloperLink id={developer.participantId} name={developer.name} /> : developer.name}
                  {!developer.isActive && <span className="block text-xs font-normal text-slate-600">archived</span>}
                  {developerAction?.(developer)}
                </Td>
                <Td>
                  <ul className="space-y-1">
                    {developer.items.map((item) => (
                      <li key={item.evidenceId}>
                        <span className="font-medium">{SOURCE_LABELS[item.sourceKind]}</span>, {item.observedOn} · {EVIDENCE_KIND_LABELS[item.kind].toLowerCase()}:{' '}
                        {describeItemTime(item)}
                        {item.sourcePath && (
                          <>
                            {' '}
                            <SourceLink href={item.sourcePath} className="text-brand-700 underline" aria-label={`Open the ${SOURCE_LABELS[item.sourceKind].toLowerCase()} of ${item.observedOn}`}>
                              open
                            </SourceLink>
                          </>
                        )}
                      </li>
                    ))}
                    {developer.hiddenItems > 0 && <li className="text-slate-600">and {developer.hiddenItems} more, counted too</li>}
                  </ul>
                  <p className="mt-1 text-xs text-slate-600">{describeDeveloperTime(developer, explanation.window)}</p>
                </Td>
                <Td className="text-right whitespace-nowrap">{developer.largestRecurring === null ? '—' : formatMinutes(developer.largestRecurring)}</Td>
                <Td className="text-right whitespace-nowrap">
                  {developer.singleMinutes === null ? '—' : `${formatMinutes(developer.singleMinutes)} → ${formatMinutes(developer.singlePerMonth!)}`}
                </Td>
                <Td className="text-right font-semibold whitespace-nowrap">
                  {developer.monthlyMinutes === null ? <span className="font-normal text-slate-600">no time data</span> : formatMinutes(developer.monthlyMinutes)}
                </Td>
                <Td>{developer.larger ? LARGER_LABELS[developer.larger] : '—'}</Td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t border-slate-200 bg-slate-50">
              <Td className="font-medium" colSpan={4}>
                Median over {explanation.developersWithTimeData} developer{explanation.developersWithTimeData === 1 ? '' : 's'} with time data
              </Td>
              <Td className="text-right font-semibold">{explanation.medianMinutes === null ? 'unknown' : formatMinutes(explanation.medianMinutes)}</Td>
              <Td />
            </tr>
          </tfoot>
        </Table>
      )}
    </div>
  );
}
