// `node bench/records.mjs [FILE]`: the per-record cost of `quantum batch` in one thread, without start-up or
// I/O (parse, validate, evaluate, write the line into a byte sink), for profiling the engine's bulk path.
import { readFileSync } from 'node:fs';
import { loadRules } from '../dist/rules/load.js';
import { evaluateRecord } from '../dist/io/batch.js';
import { ByteSink } from '../dist/io/sink.js';

const file = process.argv[2];
if (!file) { console.error('usage: node bench/records.mjs CASES.jsonl [rounds]'); process.exit(2); }
const records = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((text, i) => ({ line: i + 1, text }));
const rules = loadRules();
const opts = { format: 'jsonl', output: 'jsonl', trace: false, today: '2026-11-29', lang: 'fr', maxChars: 1e6, maxCharges: 10_000, maxResult: 32 * 1024 * 1024 };
const work = { block: { bytes: new Uint8Array(), line: 1, tooLong: [] } };
const sink = new ByteSink();
for (let round = 0; round < Number(process.argv[3] ?? 3); round++) {
  const t0 = performance.now();
  let bytes = 0;
  for (let i = 0; i < records.length; i++) {
    evaluateRecord(rules, records[i], opts, work, sink);
    if ((i & 255) === 255) bytes += sink.take().length;
  }
  bytes += sink.take().length;
  const ms = performance.now() - t0;
  console.log(`round ${round + 1}: ${records.length} records in ${ms.toFixed(0)} ms, ${(ms * 1000 / records.length).toFixed(2)} µs/record, ${(bytes / records.length).toFixed(0)} B/line`);
}
