'use client';
// The column mapping of a CSV ticket import: one select per ticket field, listing the file's columns.
import { SelectField } from '@/app/_components/field';
import { FIELD_LABELS, REQUIRED_FIELDS, TICKET_FIELDS, type ColumnMapping } from '@/server/imports/ticket-formats';

export function MappingEditor({
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
