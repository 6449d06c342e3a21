// Data tables: scroll sideways on a phone, sortable headers announce their order.
import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';

export function Table({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function Th({ children, className = '', ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th scope="col" className={`bg-slate-50 px-3 py-2 text-left text-xs font-semibold tracking-wide text-slate-700 uppercase ${className}`} {...props}>
      {children}
    </th>
  );
}

export function SortableTh({
  label,
  isActive,
  direction,
  onSort,
}: {
  label: string;
  isActive: boolean;
  direction: 'asc' | 'desc';
  onSort: () => void;
}) {
  const ariaSort = isActive ? (direction === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <Th aria-sort={ariaSort}>
      <button type="button" onClick={onSort} className="inline-flex items-center gap-1 uppercase hover:text-slate-900">
        {label}
        <span aria-hidden className={isActive ? 'text-slate-900' : 'text-slate-400'}>
          {isActive && direction === 'desc' ? '▼' : '▲'}
        </span>
      </button>
    </Th>
  );
}

export function Td({ children, className = '', ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return (
    <td className={`px-3 py-2 align-top text-slate-800 ${className}`} {...props}>
      {children}
    </td>
  );
}

export interface Column<Row> {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  className?: string;
}

/**
 * A list of records as a table, a column per field and, last, each row's actions under a header
 * only screen readers hear (the histories of imports, webhooks and share links).
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  rowClassName,
  actions,
  actionsClassName,
}: {
  caption: string;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  rowClassName?: (row: Row) => string | undefined;
  actions?: (row: Row) => ReactNode;
  actionsClassName?: string;
}) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          {columns.map((column, index) => (
            <Th key={index}>{column.header}</Th>
          ))}
          {actions && (
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          )}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => (
          <tr key={rowKey(row)} className={rowClassName?.(row)}>
            {columns.map((column, index) => (
              <Td key={index} className={column.className}>
                {column.cell(row)}
              </Td>
            ))}
            {actions && <Td className={actionsClassName}>{actions(row)}</Td>}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
