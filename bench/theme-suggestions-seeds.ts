// Theme-suggestion quality over several splits: every coded CSV of a folder (default
// test/fixtures/coded/) at seeds 1-5 (or --first N to --first N + seeds - 1) with 5 examples per
// theme, so a target is judged on the average of the splits rather than on one lucky split. Prints
// one row per file and seed, then per file and overall the averages of both baselines (commonest
// theme, plain TF-IDF centroid) and the model. Nothing here is tuned: the model's settings are fixed
// in server/themes/suggest-themes.ts.
// Run:  npx tsx bench/theme-suggestions-seeds.ts [FOLDER] [--seeds 5] [--first 1]
import fs from 'node:fs';
import path from 'node:path';
import { suggestThemes } from '@/server/themes/suggest-themes';
import { parseCodedCsv, rankByCommonest, rankByPlainCentroid, scoreRankings, splitCoded, type Scores } from '@/server/themes/suggestion-quality';
import { printTable } from './lib';

const EXAMPLES = 5;

function readArguments(argv: string[]): { folder: string; seeds: number; first: number } {
  let folder = path.join(process.cwd(), 'test/fixtures/coded');
  const numbers = { '--seeds': 5, '--first': 1 };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    if (argument === '--seeds' || argument === '--first') {
      const value = Number(argv[index + 1]);
      index += 1;
      if (!Number.isInteger(value) || value < 1) {
        console.error(`${argument} needs a whole number of at least 1.`);
        process.exit(1);
      }
      numbers[argument] = value;
    } else folder = argument;
  }
  return { folder, seeds: numbers['--seeds'], first: numbers['--first'] };
}

const mean = (list: Scores[], key: keyof Scores) => (list.reduce((sum, scores) => sum + scores[key], 0) / list.length).toFixed(3);
const triple = (list: Scores[]) => `${mean(list, 'top1')} / ${mean(list, 'top3')} / ${mean(list, 'macroF1')}`;

function main(): void {
  const { folder, seeds, first } = readArguments(process.argv.slice(2));
  const files = fs.readdirSync(folder).filter((name) => name.endsWith('.csv')).sort();
  if (files.length === 0) {
    console.error(`No .csv file in ${folder}.`);
    process.exit(1);
  }
  const rows: Record<string, string>[] = [];
  const averages: Record<string, string>[] = [];
  const all = { commonest: [] as Scores[], plain: [] as Scores[], model: [] as Scores[] };
  let beaten = 0;
  for (const name of files) {
    const items = parseCodedCsv(fs.readFileSync(path.join(folder, name), 'utf8'));
    const file = { commonest: [] as Scores[], plain: [] as Scores[], model: [] as Scores[] };
    for (let seed = first; seed < first + seeds; seed += 1) {
      const split = splitCoded(items, EXAMPLES, seed);
      const texts = split.heldOut.map((item) => item.text);
      const fits = suggestThemes(
        split.themes.map((theme) => ({ id: theme, title: theme, examples: split.examples.get(theme) ?? [] })),
        texts.map((text, index) => ({ id: String(index), text })),
        { limit: 3 },
      );
      const scores = scoreRankings(split.themes, split.heldOut, texts.map((_, index) => (fits.get(String(index)) ?? []).map((fit) => fit.themeId)));
      const plain = scoreRankings(split.themes, split.heldOut, rankByPlainCentroid(split.themes, split.examples, texts));
      const commonest = scoreRankings(split.themes, split.heldOut, rankByCommonest(split.themes, split.heldOut));
      file.model.push(scores);
      file.plain.push(plain);
      file.commonest.push(commonest);
      if (scores.macroF1 > plain.macroF1 && scores.macroF1 > commonest.macroF1) beaten += 1;
      rows.push({
        file: name,
        seed: String(seed),
        'plain F1': plain.macroF1.toFixed(2),
        top1: scores.top1.toFixed(2),
        top3: scores.top3.toFixed(2),
        macroF1: scores.macroF1.toFixed(2),
      });
    }
    averages.push({ file: name, 'commonest top1/top3/F1': triple(file.commonest), 'plain top1/top3/F1': triple(file.plain), 'model top1/top3/F1': triple(file.model) });
    all.model.push(...file.model);
    all.plain.push(...file.plain);
    all.commonest.push(...file.commonest);
  }
  printTable(rows);
  averages.push({ file: 'average', 'commonest top1/top3/F1': triple(all.commonest), 'plain top1/top3/F1': triple(all.plain), 'model top1/top3/F1': triple(all.model) });
  printTable(averages);
  console.log(`model beats both baselines' macro-F1 on ${beaten} of ${all.model.length} file-and-seed runs`);
  console.log(`commonest theme average: top1 ${mean(all.commonest, 'top1')} top3 ${mean(all.commonest, 'top3')} macroF1 ${mean(all.commonest, 'macroF1')}`);
  console.log(`plain TF-IDF average: top1 ${mean(all.plain, 'top1')} top3 ${mean(all.plain, 'top3')} macroF1 ${mean(all.plain, 'macroF1')}`);
  console.log(
    `average over ${files.length} files x ${seeds} seeds (${first}-${first + seeds - 1}): ` +
      `top1 ${mean(all.model, 'top1')} top3 ${mean(all.model, 'top3')} macroF1 ${mean(all.model, 'macroF1')}`,
  );
}

main();
