// One roadmap item on the public board: its title, target quarter, why it is there (the pain
// themes it answers, in public words) and its votes.
import Link from 'next/link';
import { quarterLabel } from '@/server/roadmap/lanes';
import { pluralise } from '../_lib/format';
import { VoteButton } from './votes';

export interface CardData {
  id: string;
  title: string;
  targetQuarter: string | null;
  votes: number;
  isVotable: boolean;
  themes: { title: string; affectedDevelopers: number }[];
}

export function WhyList({ themes }: { themes: CardData['themes'] }) {
  if (themes.length === 0) return null;
  return (
    <ul className="mt-1 space-y-1 text-sm text-slate-700">
      {themes.map((theme) => (
        <li key={theme.title}>
          “{theme.title}” <span className="whitespace-nowrap text-slate-600">— affects {pluralise(theme.affectedDevelopers, 'developer')}</span>
        </li>
      ))}
    </ul>
  );
}

export function ItemCard({ card }: { card: CardData }) {
  return (
    <li className="break-inside-avoid rounded-lg border border-slate-200 bg-white p-4 shadow-sm print:shadow-none">
      <h3 className="font-semibold text-slate-900">
        <Link href={`/roadmap/items/${card.id}`} className="hover:underline">
          {card.title}
        </Link>
      </h3>
      {card.targetQuarter && <p className="mt-0.5 text-xs text-slate-600">Aiming for {quarterLabel(card.targetQuarter)}</p>}
      {card.themes.length > 0 && (
        <div className="mt-2">
          <p className="text-xs font-semibold tracking-wide text-slate-600 uppercase">Why</p>
          <WhyList themes={card.themes} />
        </div>
      )}
      <div className="mt-3">
        {card.isVotable ? (
          <VoteButton target={{ kind: 'item', id: card.id }} title={card.title} votes={card.votes} />
        ) : (
          <p className="text-sm text-slate-700">{pluralise(card.votes, 'vote')}</p>
        )}
      </div>
    </li>
  );
}
