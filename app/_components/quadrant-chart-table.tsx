'use client';
// The quadrant chart's numbers as a table, under the chart: for screen readers and for reading
// exact values. Open or closed is the chart's state: a click on a grouped marker opens it.
import { formatHours, QUADRANT_LABELS } from '@/server/inventory/inventory-model';
import type { ChartTheme } from './quadrant-chart';

export function QuadrantTable({ themes, isOpen, onToggle }: { themes: ChartTheme[]; isOpen: boolean; onToggle: (isOpen: boolean) => void }) {
  return (
    <details className="no-print text-sm" open={isOpen} onToggle={(event) => onToggle(event.currentTarget.open)}>
      <summary className="cursor-pointer font-medium text-brand-700">The chart as a table</summary>
      {/* Rendered once opened: a large inventory would otherwise weigh on every page load. */}
      {isOpen && (
        <div className="mt-2 overflow-x-auto">
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">Themes by affected developers and hours lost per developer</caption>
            <thead>
              <tr className="text-slate-700">
                <th scope="col" className="py-1 pr-3">Rank</th>
                <th scope="col" className="py-1 pr-3">Pain theme</th>
                <th scope="col" className="py-1 pr-3 text-right">Affected developers</th>
                <th scope="col" className="py-1 pr-3 text-right">Hours per developer per month</th>
                <th scope="col" className="py-1 pr-3 text-right">Score</th>
                <th scope="col" className="py-1">Quadrant</th>
              </tr>
            </thead>
            <tbody>
              {themes.map((theme) => (
                <tr key={theme.rank} className="border-t border-slate-100">
                  <td className="py-1 pr-3">{theme.rank}</td>
                  <td className="py-1 pr-3">{theme.href ? <a href={theme.href} className="text-brand-700 underline">{theme.title}</a> : theme.title}</td>
                  <td className="py-1 pr-3 text-right">{theme.affectedDevelopers}</td>
                  <td className="py-1 pr-3 text-right">{formatHours(theme.hoursPerDeveloperPerMonth)}</td>
                  <td className="py-1 pr-3 text-right">{formatHours(theme.score)}</td>
                  <td className="py-1">{theme.quadrant ? QUADRANT_LABELS[theme.quadrant] : 'Not plotted'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
