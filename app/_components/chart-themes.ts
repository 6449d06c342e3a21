// What the quadrant chart draws, picked from inventory rows on the server: only these fields
// travel to the browser, not whole rows with their quotes.
import type { ChartTheme } from './quadrant-chart';

export function toChartTheme(theme: ChartTheme): ChartTheme {
  const { rank, title, affectedDevelopers, hoursPerDeveloperPerMonth, score, quadrant, href } = theme;
  return { rank, title, affectedDevelopers, hoursPerDeveloperPerMonth, score, quadrant, href };
}
