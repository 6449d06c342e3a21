'use client';
// The first rows of a ticket export as the import would read them, or the problems that stop it.
import type { RouterOutputs } from '@/server/root';
import { FormError } from '@/app/_components/field';
import { Table, Td, Th } from '@/app/_components/table';

type Preview = RouterOutputs['imports']['preview'];

export function PreviewRows({ rows, blocking }: { rows: Preview['rows']; blocking: Preview['problems'] }) {
  return (
    blocking.length > 0 ? (
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
          {rows.map((row) => (
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
    )
  );
}
