// The problems of an uploaded file, by row and column, as every import shows them.
import { Table, Td, Th } from './table';

export interface FileProblemRow {
  row: number;
  column?: string;
  message: string;
}

export function ProblemTable({ problems }: { problems: FileProblemRow[] }) {
  return (
    <Table caption="Problems in the file">
      <thead>
        <tr>
          <Th>Row</Th>
          <Th>Column</Th>
          <Th>Problem</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {problems.map((problem, index) => (
          <tr key={index}>
            <Td>{problem.row}</Td>
            <Td>{problem.column ?? '—'}</Td>
            <Td>{problem.message}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
