// The worked example of the help page ("How the ranking works"): example evidence for one theme,
// taken apart by explainTheme() and ranked by rankThemes(), the same code as every theme's "How
// was this computed?", so the help page can never disagree with the ranking. Pure.
import { explainTheme, type ExplainableEvidence, type ThemeExplanation } from './explain-theme';
import { rankThemes, resolveWindow, type RankedTheme } from './rank-themes';

export const WORKED_EXAMPLE_THEME = { id: 'example', title: 'Setting up a new service takes two days' };
export const WORKED_EXAMPLE_DIRECTORY_SIZE = 30;
export const WORKED_EXAMPLE_WINDOW = resolveWindow({ from: '2026-01-01', to: '2026-03-31', earliestEvidence: null, today: '2026-03-31' });

type ExampleItem = Pick<ExplainableEvidence, 'sourceKind' | 'kind' | 'observedOn' | 'excerpt'> & Partial<Pick<ExplainableEvidence, 'minutesLost' | 'occurrencesPerMonth' | 'severity'>>;

const developers: { name: string | null; isActive: boolean; items: ExampleItem[] }[] = [
  {
    name: 'Ana',
    isActive: true,
    items: [
      { sourceKind: 'interview', kind: 'recurring', observedOn: '2026-01-12', excerpt: 'about 30 minutes, four times a month', minutesLost: 30, occurrencesPerMonth: 4 },
      { sourceKind: 'ticket', kind: 'single', observedOn: '2026-01-20', excerpt: 'Need a database for the new service', minutesLost: 60 },
      { sourceKind: 'ticket', kind: 'single', observedOn: '2026-02-17', excerpt: 'Need DNS for the new service', minutesLost: 60 },
    ],
  },
  {
    name: 'Bo',
    isActive: true,
    items: [
      { sourceKind: 'survey', kind: 'recurring', observedOn: '2026-02-03', excerpt: 'an hour, twice a month', minutesLost: 60, occurrencesPerMonth: 2 },
      { sourceKind: 'shadowing', kind: 'single', observedOn: '2026-03-02', excerpt: 'searched the wiki for the service template', minutesLost: 90 },
      { sourceKind: 'postmortem', kind: 'single', observedOn: '2026-03-10', excerpt: 'the new service waited on a firewall change', severity: 5 },
    ],
  },
  {
    name: 'Dee (archived since)',
    isActive: false,
    items: [{ sourceKind: 'interview', kind: 'recurring', observedOn: '2026-01-05', excerpt: 'a full day every month', minutesLost: 600, occurrencesPerMonth: 1 }],
  },
  { name: 'Cy', isActive: true, items: [{ sourceKind: 'ticket', kind: 'single', observedOn: '2026-02-24', excerpt: 'How do I get a service account?' }] },
  { name: null, isActive: true, items: [{ sourceKind: 'survey', kind: 'recurring', observedOn: '2026-03-15', excerpt: 'setup is slow', severity: 2 }] },
];

/** The example's evidence rows, as the database would give them. */
export const WORKED_EXAMPLE_EVIDENCE: ExplainableEvidence[] = developers.flatMap((developer, index) =>
  developer.items.map((item, position) => ({
    themeId: WORKED_EXAMPLE_THEME.id,
    evidenceId: `example-${index}-${position}`,
    participantId: developer.name ? `developer-${index}` : null,
    participantName: developer.name,
    isParticipantActive: developer.isActive,
    sourceKind: item.sourceKind,
    kind: item.kind,
    minutesLost: item.minutesLost ?? null,
    occurrencesPerMonth: item.occurrencesPerMonth ?? 1,
    severity: item.severity ?? null,
    observedOn: item.observedOn,
    sourcePath: '',
    excerpt: item.excerpt,
  })),
);

export function computeWorkedExample(): { explanation: ThemeExplanation; ranked: RankedTheme } {
  const explanation = explainTheme({ evidence: WORKED_EXAMPLE_EVIDENCE, window: WORKED_EXAMPLE_WINDOW, directorySize: WORKED_EXAMPLE_DIRECTORY_SIZE });
  const [ranked] = rankThemes({
    themes: [WORKED_EXAMPLE_THEME],
    evidence: WORKED_EXAMPLE_EVIDENCE,
    directorySize: WORKED_EXAMPLE_DIRECTORY_SIZE,
    windowMonths: WORKED_EXAMPLE_WINDOW.months,
  });
  return { explanation, ranked };
}
