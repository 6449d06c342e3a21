// Why an item is on the public roadmap: the pain themes it answers, in public words, and how many
// developers each affects (the board itself is plain HTML: server/roadmap/board-html.ts).
import { pluralise } from '@/app/(roadmap)/_lib/format';

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
