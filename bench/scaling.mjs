// `node bench/scaling.mjs`: how the cost of one case grows with its number of charges (library `evaluate`, one
// process, warm, untraced and traced), and how long loading the rules takes (snapshot, and validating the files).
import { evaluate, loadRules } from '../dist/index.js';
import { rulesFromSnapshot } from '../dist/rules/read.js';

const rules = loadRules();
const today = '2026-11-29';
const refs = ['225-5', '222-13 al. 1', '311-3', 'route L234-1 I', 'CSP L3421-1', '222-37', 'R625-1', '434-27 al. 2', '323-3-2 III', 'travail L8224-1'];
const caseOf = (n) => ({ date: '2024-05-01', judgmentDate: today, charges: Array.from({ length: n }, (_, i) => ({ ref: refs[i % refs.length], ...(i % 7 === 3 && { attempt: true }) })) });

function time(fn, minMs = 300) {
  for (let i = 0; i < 3; i++) fn(); // warm
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < minMs) { fn(); n++; }
  return (performance.now() - t0) / n;
}

console.log('| charges in a case | untraced, per case | per charge | traced, per case | per charge |');
console.log('|---|---|---|---|---|');
for (const n of [1, 10, 100, 1000, 10_000]) {
  const c = caseOf(n);
  const lean = time(() => evaluate(rules, c, { today, trace: false }));
  const traced = time(() => evaluate(rules, c, { today }));
  const ms = (x) => (x < 1 ? x.toFixed(3) : x.toFixed(1));
  console.log(`| ${n} | ${ms(lean)} ms | ${((lean * 1000) / n).toFixed(1)} µs | ${ms(traced)} ms | ${((traced * 1000) / n).toFixed(1)} µs |`);
}
const dir = new URL('../rules', import.meta.url).pathname;
const snap = time(() => rulesFromSnapshot(dir), 500);
const full = time(() => loadRules(dir, { snapshot: false }), 1000);
console.log(`\nrules: ${rules.provisions.size} provisions; from the build's snapshot ${snap.toFixed(1)} ms, validating every file ${full.toFixed(0)} ms`);
