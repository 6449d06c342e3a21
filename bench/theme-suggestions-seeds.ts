// Theme-suggestion quality over several splits: every coded CSV of a folder (default
// test/fixtures/coded/) at seeds 1-5 with 5 examples per theme, so a target is judged on the average
// of the splits rather than on one lucky split. Prints one row per file and seed, the model beside the
// plain TF-IDF baseline, then the averages. Nothing here is tuned: the model's settings are fixed in
// server/themes/suggest-themes.ts. Run:  npx tsx bench/theme-suggestions-seeds.ts [FOLDER] [--seeds 5]
import fs from 'node:fs';
import path from 'node:path';
import { suggestThemes } from '@/server/themes/suggest-themes';
import { parseCodedCsv, rankByPlainCentroid, scoreRankings, splitCoded, type Scores } from '@/server/themes/suggestion-quality';
import { printTable } from './lib';

const EXAMPLES = 5;

function readArguments(argv: string[]): { folder: string; seeds: number } {
  let folder = path.join(process.cwd(), 'test/fixtures/coded');
  let seeds = 5;
  for (let index = 0; index < argv.length; index += 1) {
    if (argv[index] === '--seeds') {
      seeds = Number(argv[index + 1]);
      index += 1;
      if (!Number.isInteger(seeds) || seeds < 1) {
        console.error('--seeds needs a whole number of at least 1.');
        process.exit(1);
      }
    } else folder = argv[index];
  }
  return { folder, seeds };
}

function main(): void {
  const { folder, seeds } = readArguments(process.argv.slice(2));
  const files = fs.readdirSync(folder).filter((name) => name.endsWith('.csv')).sort();
  if (files.length === 0) {
    console.error(`No .csv file in ${folder}.`);
    process.exit(1);
  }
  const rows: Record<string, string>[] = [];
  const model: Scores[] = [];
  const plain: Scores[] = [];
  let beaten = 0;
  for (const name of files) {
    const items = parseCodedCsv(fs.readFileSync(path.join(folder, name), 'utf8'));
    for (let seed = 1; seed <= seeds; seed += 1) {
      const split = splitCoded(items, EXAMPLES, seed);
      const texts = split.heldOut.map((item) => item.text);
      const fits = suggestThemes(
        split.themes.map((theme) => ({ id: theme, title: theme, examples: split.examples.get(theme) ?? [] })),
        texts.map((text, index) => ({ id: String(index), text })),
        { limit: 3 },
      );
      const scores = scoreRankings(split.themes, split.heldOut, texts.map((_, index) => (fits.get(String(index)) ?? []).map((fit) => fit.themeId)));
      const baseline = scoreRankings(split.themes, split.heldOut, rankByPlainCentroid(split.themes, split.examples, texts));
      model.push(scores);
      plain.push(baseline);
      if (scores.macroF1 > baseline.macroF1) beaten += 1;
      rows.push({
        file: name,
        seed: String(seed),
        'plain F1': baseline.macroF1.toFixed(2),
        top1: scores.top1.toFixed(2),
        top3: scores.top3.toFixed(2),
        macroF1: scores.macroF1.toFixed(2),
      });
    }
  }
  printTable(rows);
  const mean = (list: Scores[], key: keyof Scores) => (list.reduce((sum, scores) => sum + scores[key], 0) / list.length).toFixed(3);
  console.log(`model beats plain TF-IDF macro-F1 on ${beaten} of ${model.length} file-and-seed runs`);
  console.log(`plain TF-IDF average: top1 ${mean(plain, 'top1')} top3 ${mean(plain, 'top3')} macroF1 ${mean(plain, 'macroF1')}`);
  console.log(`average over ${files.length} files x ${seeds} seeds: top1 ${mean(model, 'top1')} top3 ${mean(model, 'top3')} macroF1 ${mean(model, 'macroF1')}`);
}

main();
