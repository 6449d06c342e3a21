// One roadmap item on the public board: its title, target quarter, why it is there (the pain
// themes it answers, in public words) and its votes. Classes in public.css: cards repeat.
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
    <ul className="rm-why-list">
      {themes.map((theme) => (
        <li key={theme.title}>
          {`“${theme.title}” `}
          <span>{`— affects ${pluralise(theme.affectedDevelopers, 'developer')}`}</span>
        </li>
      ))}
    </ul>
  );
}

export function ItemCard({ card }: { card: CardData }) {
  return (
    <li className="rm-card">
      <h3>
        <Link href={`/roadmap/items/${card.id}`}>{card.title}</Link>
      </h3>
      {card.targetQuarter && <p className="rm-meta">{`Aiming for ${quarterLabel(card.targetQuarter)}`}</p>}
      {card.themes.length > 0 && (
        <>
          <p className="rm-why">Why</p>
          <WhyList themes={card.themes} />
        </>
      )}
      {card.isVotable ? (
        <VoteButton target={{ kind: 'item', id: card.id }} title={card.title} votes={card.votes} />
      ) : (
        <p className="rm-votes">{pluralise(card.votes, 'vote')}</p>
      )}
    </li>
  );
}
