// Quality of the theme suggestions against a human coding. Usage:
//   npx tsx bench/theme-suggestions.ts FILE [--examples 5] [--seed 1]
// FILE is a coded CSV (`text;themes`, themes comma-separated, see test/fixtures/coded/). N items per
// theme are the tagged examples, the rest is held out; the last line is
//   top1 0.xx top3 0.xx macroF1 0.xx ari 0.xx
// Two baselines measured in the same run are printed before it. Bad input exits non-zero.
import fs from 'node:fs';
import { clusterUntagged } from '@/server/themes/cluster-untagged';
import { suggestThemes } from '@/server/themes/suggest-themes';
import {
  adjustedRandIndex,
  CodedFileError,
  parseCodedCsv,
  rankByCommonest,
  rankByPlainCentroid,
  scoreRankings,
  splitCoded,
  type Scores,
} from '@/server/themes/suggestion-quality';

const USAGE = 'usage: npx tsx bench/theme-suggestions.ts FILE [--examples 5] [--seed 1]';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function readArguments(argv: string[]): { file: string; examples: number; seed: number } {
  let file: string | undefined;
  let examples = 5;
  let seed = 1;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    if (argument === '--examples' || argument === '--seed') {
      const value = argv[index + 1];
      if (value === undefined || !/^\d+$/.test(value)) fail(`${argument} needs a whole number.\n${USAGE}`);
      if (argument === '--examples') examples = Number(value);
      else seed = Number(value);
      index += 1;
    } else if (argument.startsWith('--')) fail(`Unknown option ${argument}.\n${USAGE}`);
    else if (file === undefined) file = argument;
    else fail(`Only one FILE is read; got also ${argument}.\n${USAGE}`);
  }
  if (file === undefined) fail(USAGE);
  if (examples < 1) fail('--examples must be at least 1.');
  return { file, examples, seed };
}

const format = (value: number) => value.toFixed(2);
const line = (scores: Scores) => `top1 ${format(scores.top1)} top3 ${format(scores.top3)} macroF1 ${format(scores.macroF1)}`;

function main(): void {
  const { file, examples, seed } = readArguments(process.argv.slice(2));
  if (!fs.existsSync(file)) fail(`No such file: ${file}`);
  let split;
  try {
    const items = parseCodedCsv(fs.readFileSync(file, 'utf8'));
    split = splitCoded(items, examples, seed);
  } catch (error) {
    if (error instanceof CodedFileError) fail(`${file}: ${error.message}`);
    throw error;
  }
  const { themes, heldOut } = split;
  console.log(`${file}: ${themes.length} themes, ${examples} examples each, ${heldOut.length} held-out items, seed ${seed}`);
  for (const { theme, count } of split.skipped) {
    console.log(`  left out theme ${theme}: ${count} coded item(s), not more than ${examples} examples`);
  }

  const byFrequency = rankByCommonest(themes, heldOut);
  const commonest = scoreRankings(themes, heldOut, byFrequency);
  console.log(`baseline commonest theme (${byFrequency[0]?.[0] ?? 'none'}):  ${line(commonest)}`);
  const texts = heldOut.map((item) => item.text);
  const plain = scoreRankings(themes, heldOut, rankByPlainCentroid(themes, split.examples, texts));
  console.log(`baseline plain TF-IDF centroid:  ${line(plain)}`);

  const started = performance.now();
  const fits = suggestThemes(
    themes.map((theme) => ({ id: theme, title: theme, examples: split.examples.get(theme) ?? [] })),
    heldOut.map((item, index) => ({ id: String(index), text: item.text })),
    { limit: 3 },
  );
  const ranked = heldOut.map((_, index) => (fits.get(String(index)) ?? []).map((fit) => fit.themeId));
  const model = scoreRankings(themes, heldOut, ranked);
  const clusters = clusterUntagged(heldOut.map((item, index) => ({ id: String(index), text: item.text })));
  const clusterOf = new Map<string, string>();
  clusters.forEach((cluster, index) => cluster.itemIds.forEach((id) => clusterOf.set(id, `c${index}`)));
  const found = heldOut.map((_, index) => clusterOf.get(String(index)) ?? `single${index}`);
  const ari = adjustedRandIndex(heldOut.map((item) => item.themes[0]), found);
  const elapsed = performance.now() - started;
  console.log(
    `model: ${clusters.length} clusters over ${clusterOf.size} of ${heldOut.length} items; ${Math.round(elapsed)} ms ` +
      `(F1 ratio to plain TF-IDF ${format(model.macroF1 / Math.max(0.01, plain.macroF1))}x)`,
  );
  console.log(`${line(model)} ari ${format(ari)}`);
}

main();
