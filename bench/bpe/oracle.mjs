// Reference encoder for Assay's BPE tests and benchmark: runs js-tiktoken (installed under
// MODULES_DIR/node_modules) on JSONL input and writes one line of space-separated ids per record.
//
//   node oracle.mjs encode MODULES_DIR ENCODING IN.jsonl OUT.txt [--time]
//     IN.jsonl: one object per line, {"t": text, "s": 1 when special tokens are allowed}
//     --time: encode everything once to warm up the JIT, then time a second pass and print
//             {"ms": wall milliseconds of that pass, "cpu_ms": its CPU milliseconds (all threads),
//              "chars": total UTF-16 length} on stdout
//   node oracle.mjs classes OUT.bin
//     one byte per code point 0..0x10FFFF: the character-class bits of the tiktoken patterns
//     under this node's Unicode tables (bit values as Assay.Text.Bpe.CharClass).
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [mode, ...rest] = process.argv.slice(2);

if (mode === "classes") {
  const out = new Uint8Array(0x110000);
  const tests = [
    [1, /^\p{L}$/u], [2, /^\p{N}$/u], [4, /^\s$/u], [8, /^[\r\n]$/u],
    [16, /^[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]$/u], [32, /^[\p{Ll}\p{Lm}\p{Lo}\p{M}]$/u],
  ];
  for (let cp = 0; cp < 0x110000; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const s = String.fromCodePoint(cp);
    let bits = 0;
    for (const [bit, re] of tests) if (re.test(s)) bits |= bit;
    out[cp] = bits;
  }
  fs.writeFileSync(rest[0], out);
  process.exit(0);
}

if (mode !== "encode") {
  console.error("usage: node oracle.mjs encode MODULES_DIR ENCODING IN.jsonl OUT.txt [--time] | classes OUT.bin");
  process.exit(2);
}

const [modulesDir, encoding, input, output, timeFlag] = rest;
const pkg = path.join(modulesDir, "node_modules", "js-tiktoken", "dist");
const { Tiktoken } = await import(pathToFileURL(path.join(pkg, "lite.js")).href);
const ranks = (await import(pathToFileURL(path.join(pkg, "ranks", `${encoding}.js`)).href)).default;
const enc = new Tiktoken(ranks);

const records = fs.readFileSync(input, "utf8").split("\n").filter((l) => l.length > 0).map((l) => JSON.parse(l));
const results = new Array(records.length);
if (timeFlag === "--time") for (const r of records) enc.encode(r.t, r.s ? "all" : [], []);
let chars = 0;
const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
for (let i = 0; i < records.length; i++) {
  const r = records[i];
  chars += r.t.length;
  results[i] = enc.encode(r.t, r.s ? "all" : [], []);
}
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
fs.writeFileSync(output, results.map((ids) => ids.join(" ")).join("\n") + "\n");
if (timeFlag === "--time") console.log(JSON.stringify({ ms, cpu_ms: cpuMs, chars }));
