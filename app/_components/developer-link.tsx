// A developer's name as a link to their page (/directory/<id>) inside the workspace. Public pages
// never show names, so they never use it.
import Link from 'next/link';

export function developerPath(id: string): string {
  return `/directory/${id}`;
}

export function DeveloperLink({ id, name, className = '' }: { id: string | null | undefined; name: string; className?: string }) {
  if (!id) return <>{name}</>;
  return (
    <Link href={developerPath(id)} prefetch={false} className={`text-brand-700 underline decoration-slate-300 underline-offset-2 hover:decoration-current ${className}`}>
      {name}
    </Link>
  );
}
