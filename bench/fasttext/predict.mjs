// Oracle for Assay's fastText reader: predicts with fasttext.wasm.js (fastText compiled to
// WebAssembly) under node, so the C# tests and benchmark compare against fastText itself.
//
//   node predict.mjs --pkg DIR --model FILE --input IN.jsonl --output OUT.jsonl [--k 3]
//   node predict.mjs --pkg DIR --model FILE --input IN.jsonl --bench SECONDS
//
// IN.jsonl: one {"text": ...} per line. OUT.jsonl: one {"labels": [...], "probs": [...]} per
// input line, in order. --bench times only the predict loop (model already loaded), repeating
// over the lines until SECONDS have passed, and prints {"predictions", "seconds", "per_second",
// "cpu_seconds", "per_cpu_second"}.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
for (const required of ['pkg', 'model', 'input'])
  if (!args[required]) { console.error(`missing --${required}`); process.exit(2); }

const pkgMain = pathToFileURL(path.join(args.pkg, 'dist', 'main', 'node.mjs')).href;
const { getFastTextModule, getFastTextClass } = await import(pkgMain);
const FastText = await getFastTextClass({ getFastTextModule });
const model = await new FastText().loadModel(pathToFileURL(path.resolve(args.model)).href);

const texts = readFileSync(args.input, 'utf8').split('\n').filter(l => l.length > 0).map(l => JSON.parse(l).text);
const k = Number(args.k ?? 1);

function predict(text) {
  const v = model.predict(text, k, 0);
  const labels = [], probs = [];
  for (let i = 0; i < v.size(); i++) { const [p, l] = v.get(i); probs.push(p); labels.push(l); }
  v.delete();
  return { labels, probs };
}

if (args.bench) {
  const budget = Number(args.bench) * 1000;
  for (const t of texts.slice(0, 200)) predict(t); // warm-up
  let n = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  let now = start;
  do {
    for (const t of texts) { model.predict(t, 1, 0).delete(); n++; }
    now = performance.now();
  } while (now - start < budget);
  const seconds = (now - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  // per_cpu_second: predictions per second of CPU time, less disturbed by other load on a shared machine.
  console.log(JSON.stringify({ predictions: n, seconds, per_second: n / seconds, cpu_seconds: cpuSeconds, per_cpu_second: n / cpuSeconds }));
} else {
  if (!args.output) { console.error('missing --output'); process.exit(2); }
  writeFileSync(args.output, texts.map(t => JSON.stringify(predict(t))).join('\n') + '\n');
}
