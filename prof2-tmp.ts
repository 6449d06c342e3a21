import fs from 'node:fs';
import { extractTerms } from '@/server/themes/text-terms';
import { parseCodedCsv } from '@/server/themes/suggestion-quality';
const items = fs.readdirSync('test/fixtures/coded').filter((f) => f.endsWith('.csv')).flatMap((f) => parseCodedCsv(fs.readFileSync('test/fixtures/coded/' + f, 'utf8')));
const texts = Array.from({ length: 10000 }, (_, i) => items[i % items.length].text + ` (#${i})`);
for (let r = 0; r < 3; r++) { const t = performance.now(); let n = 0; for (const x of texts) n += extractTerms(x).length; console.log('terms', n, Math.round(performance.now() - t)); }
let t = performance.now(); let n = 0; for (const x of texts) n += (x.toLowerCase().match(/[a-z]+/g) ?? []).length; console.log('plain', n, Math.round(performance.now() - t));
