// Baseline for `npm run bench`: the least a JSONL tool can do. Parse each line, write a small object back.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

const rl = createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity });
let n = 0;
const out = [];
for await (const line of rl) {
  n++;
  if (!line.trim()) continue;
  let ok = true, id = `line-${n}`;
  try { const c = JSON.parse(line); if (c && c.id) id = c.id; } catch { ok = false; }
  out.push(JSON.stringify({ id, ok, line: n }));
  if (out.length >= 256) { if (!process.stdout.write(out.join('\n') + '\n')) await new Promise((r) => process.stdout.once('drain', r)); out.length = 0; }
}
process.stdout.write(out.length ? out.join('\n') + '\n' : '');
