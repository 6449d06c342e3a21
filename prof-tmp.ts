import fs from 'node:fs';
import { suggestThemes } from '@/server/themes/suggest-themes';
import { clusterUntagged } from '@/server/themes/cluster-untagged';
import { parseCodedCsv } from '@/server/themes/suggestion-quality';
const items = fs.readdirSync('test/fixtures/coded').filter((f) => f.endsWith('.csv')).flatMap((f) => parseCodedCsv(fs.readFileSync('test/fixtures/coded/' + f, 'utf8')).map((x) => ({ ...x, f })));
const themes = new Map<string, string[]>();
for (const it of items) { const k = it.f + it.themes[0]; const l = themes.get(k) ?? []; if (l.length < 40) l.push(it.text); themes.set(k, l); }
const untagged = Array.from({ length: 10000 }, (_, i) => ({ id: String(i), text: items[i % items.length].text + ` (#${i})` }));
let t = performance.now();
const fits = suggestThemes([...themes].map(([id, ex]) => ({ id, title: id, examples: ex })), untagged, { limit: 6, minScore: 0.12 });
console.log('fit', Math.round(performance.now() - t)); t = performance.now();
const c = clusterUntagged(untagged.slice(0, 3000));
console.log('cluster', Math.round(performance.now() - t), c.length);
