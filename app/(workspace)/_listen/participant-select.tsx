'use client';
// Choose a developer from the directory (active ones only: archived developers are not
// interviewed or shadowed).
import { useQuery } from '@tanstack/react-query';
import { SelectField } from '@/app/_components/field';
import { useTRPC } from '@/app/_trpc/client';
import { ACTIVE_DEVELOPERS_INPUT } from './participant-options';

export function ParticipantSelect({
  value,
  onChange,
  error,
  label = 'Developer',
  placeholder = 'Choose a developer',
  extra,
}: {
  value: string;
  onChange: (id: string) => void;
  error?: string | string[] | null;
  label?: string;
  placeholder?: string;
  /** A developer to keep in the list although archived (the one an interview already has). */
  extra?: { id: string; name: string } | null;
}) {
  const trpc = useTRPC();
  const participants = useQuery(trpc.participants.list.queryOptions(ACTIVE_DEVELOPERS_INPUT));
  const options = (participants.data?.rows ?? []).map((row) => ({
    value: row.id,
    label: row.teamName ? `${row.displayName} (${row.teamName})` : row.displayName,
  }));
  if (extra && !options.some((option) => option.value === extra.id)) options.unshift({ value: extra.id, label: `${extra.name} (archived)` });
  return (
    <SelectField
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={error}
      placeholder={participants.isPending ? 'Loading developers…' : placeholder}
      options={options}
      hint={participants.data && participants.data.total === 0 ? 'The directory is empty: add developers first.' : undefined}
    />
  );
}
