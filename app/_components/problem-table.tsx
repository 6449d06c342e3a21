// The problems of an uploaded file, by row and column (and file, for an upload of several), as
// every import shows them; `total` says how many there were when only the first ones are shown.
import { Table, Td, Th } from './table';

export interface FileProblemRow {
  row: number;
  column?: string;
  file?: string;
  message: string;
}

export function ProblemTable({ problems, total = problems.length }: { problems: FileProblemRow[]; total?: number }) {
  const hasFiles = problems.some((problem) => problem.file);
  return (
    <div className="flex flex-col gap-2">
      <Table caption="Problems in the file">
        <thead>
          <tr>
            {hasFiles && <Th>File</Th>}
            <Th>Row</Th>
            <Th>Column</Th>
            <Th>Problem</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {problems.map((problem, index) => (
            <tr key={index}>
              {hasFiles && <Td className="break-all">{problem.file ?? '—'}</Td>}
              <Td>{problem.row.toLocaleString('en')}</Td>
              <Td>{problem.column || '—'}</Td>
              <Td>{problem.message}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {total > problems.length && <p className="text-sm text-slate-600">Showing the first {problems.length.toLocaleString('en')} of {total.toLocaleString('en')} problems.</p>}
    </div>
  );
}
