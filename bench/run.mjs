// `npm run bench [-- N]`: generates N synthetic cases (1 bad line in 1000), runs `quantum batch` on them and, in
// the same run, a bare JSONL passthrough on the same input; prints cases/s, the ratio, and peak memory.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

const N = Number(process.argv[2] ?? 100_000);
// The CLI serves the shipped rules from the build's snapshot while the files hash the same; after an edit it
// validates them at every start-up, which would be measured too.
{
  const { rulesFromSnapshot } = await import(new URL('../dist/rules/read.js', import.meta.url).href);
  if (!rulesFromSnapshot(new URL('../rules', import.meta.url).pathname).rules) console.warn('bench: the rules changed since the last build (stale snapshot); run `npm run build` first for start-up as shipped');
}
const root = new URL('..', import.meta.url).pathname;
const keep = process.env.BENCH_KEEP;
const dir = mkdtempSync(join(tmpdir(), 'quantum-bench-'));
// The inputs and outputs (gigabytes at 1 000 000 cases) go when the bench ends, however it ends.
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));
const input = join(dir, 'cases.jsonl');

// Deterministic pseudo-random generator (mulberry32, 32-bit integer arithmetic), so two runs bench the same
// input. (A float LCG used before lost precision past 2^53 and cycled after about 1 700 cases.)
let seed = 42;
const rnd = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (a) => a[Math.floor(rnd() * a.length)];
// Code pénal and the other codes courts judge most (docs/coverage.md): drink-driving, licence, insurance, drugs,
// theft, violence, immigration, labour, tax, procedure.
const refs = ['323-3-2 I', '323-3-2 III', '225-5', '225-7', '225-8', '225-9', '324-1', '324-2 2°', '450-1', '222-23', '222-24 8°',
  '227-23 al. 4', '227-22 al. 1', '222-34', '222-37', 'R625-1', '225-10-1', '227-25', '222-29-1', '227-24',
  'route L234-1 I', 'route L221-2 I', 'route L324-2 I', 'route L235-1 I', 'route L233-1 I', 'route R413-14-1', 'CSP L3421-1',
  '311-3', '222-13 al. 1', '433-7 al. 1', '434-27 al. 2', 'travail L8224-1', 'CESEDA L821-1', 'CPP 55-1 al. 4', 'presse 32 al. 1', 'CGI 1741 al. 1'];
// BENCH_INPUT=cp: the input of sessions 1 to 3 (the first twenty refs, Code pénal only; legal persons, no minors,
// repentis or escapes), to compare a build with the ratios measured then on the same kind of input.
const cpOnly = process.env.BENCH_INPUT === 'cp';
if (cpOnly) refs.length = 20;
const lines = [];
for (let i = 0; i < N; i++) {
  if (i % 1000 === 999) { lines.push('{"charges": [ this line is broken'); continue; }
  const y = 1996 + Math.floor(rnd() * 30);
  const date = `${y}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
  const charges = [];
  for (let k = 0, n = 1 + Math.floor(rnd() * 3); k < n; k++) {
    const ref = pick(refs);
    const c = { ref };
    if (ref.startsWith('324')) c.amount = String(Math.floor(rnd() * 5_000_000));
    if (ref === '450-1') c.predicate = pick(['222-37', '222-34', '324-1', '225-8']);
    if (rnd() < 0.1 && !ref.startsWith('R')) c.attempt = true;
    charges.push(c);
  }
  const c = { id: `case-${i}`, date, judgmentDate: '2026-11-29', charges };
  if (cpOnly) {
    if (rnd() < 0.2) c.offender = { type: 'legal' };
    lines.push(JSON.stringify(c));
    continue;
  }
  // Some minors (a birth date 12 to 20 years before the facts), some repentis, some escapes tied to another charge.
  if (rnd() < 0.05) c.offender = { birthDate: `${y - 12 - Math.floor(rnd() * 9)}-06-15` };
  else if (rnd() < 0.2) c.offender = { type: 'legal' };
  if (rnd() < 0.03) charges[0].repentis = pick(['exempt', 'reduced']);
  const escape = charges.findIndex((x) => x.ref === '434-27 al. 2');
  if (escape >= 0 && charges.length > 1) charges[escape].relatedTo = [escape === 0 ? 1 : 0];
  lines.push(JSON.stringify(c));
}
writeFileSync(input, lines.join('\n') + '\n');
if (keep) writeFileSync(keep, lines.join('\n') + '\n');
const distinct = new Set(lines.map((l) => l.replace(/"id":"case-\d+",/, ''))).size;

const time = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
function measure(label, args) {
  const cmd = time ? [time, '-f', '%M', process.execPath, ...args] : [process.execPath, ...args];
  // Output goes to a file, as `quantum batch cases.jsonl > results.jsonl` would: no pipe reader competes for CPU.
  const out = join(dir, `${label.replace(/\W+/g, '_')}.out`);
  const fd = openSync(out, 'w');
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd[0], cmd.slice(1), { stdio: ['ignore', fd, 'pipe'] });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  closeSync(fd);
  const err = r.stderr.toString();
  const kb = time ? Number(err.trim().split('\n').pop()) : NaN;
  let count = 0;
  eachLine(out, () => { count++; });
  return { label, s, kb, code: r.status, count, err };
}

/** Each non-empty line of a file, read in blocks: outputs of a million lines are larger than a string can be. */
function eachLine(file, f) {
  const fd = openSync(file, 'r');
  const buf = Buffer.allocUnsafe(1 << 20);
  const utf8 = new StringDecoder('utf8'); // a character cut between two blocks is joined again
  let rest = '';
  for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0;) {
    const parts = (rest + utf8.write(buf.subarray(0, n))).split('\n');
    rest = parts.pop();
    for (const l of parts) if (l) f(l);
  }
  if (rest) f(rest);
  closeSync(fd);
}

// Each run five times, interleaved, and the median kept: this machine's timings vary by ±20 % run to run.
const all = [
  ['passthrough', [join(root, 'bench/passthrough.mjs'), input]],
  ['batch (default)', [join(root, 'bin/quantum.js'), 'batch', input]],
  ['batch, 96 MB heap', ['--max-old-space-size=96', join(root, 'bin/quantum.js'), 'batch', input]],
  ['batch --workers 1', [join(root, 'bin/quantum.js'), 'batch', input, '--workers', '1']],
  ['batch --workers 2', [join(root, 'bin/quantum.js'), 'batch', input, '--workers', '2']],
  ['batch --workers 0', [join(root, 'bin/quantum.js'), 'batch', input, '--workers', '0']],
];
// BENCH_VARIANTS=default,96 runs the passthrough and only those (names matched by their words).
const only = process.env.BENCH_VARIANTS?.split(',');
const variants = all.filter(([label], i) => i === 0 || !only || only.some((w) => label.includes(w)));
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);
const samples = new Map(variants.map(([label]) => [label, []]));
for (let i = 0; i < REPEAT; i++) for (const [label, args] of variants) samples.get(label).push(measure(label, args));
const median = (runs) => [...runs].sort((a, b) => a.s - b.s)[Math.floor(runs.length / 2)];
const [pass, ...runs] = variants.map(([label]) => median(samples.get(label)));
const cpu = cpus()[0]?.model ?? 'unknown cpu';
console.log(`${N} cases (${Math.floor(N / 1000)} bad lines, ${distinct} distinct), ${cpus().length} cores (${cpu}), node ${process.version}, median of ${REPEAT} runs`);
console.log('run                     time     cases/s   × passthrough   peak RSS   lines   exit');
for (const r of [pass, ...runs]) {
  console.log(`${r.label.padEnd(22)} ${r.s.toFixed(2).padStart(6)} s ${String(Math.round(N / r.s)).padStart(9)} ${(r.s / pass.s).toFixed(2).padStart(10)}      ${(r.kb / 1024).toFixed(0).padStart(5)} MB ${String(r.count).padStart(7)}   ${r.code}`);
}
const bad = runs.filter((r) => r.count !== N || r.code !== 1);
if (bad.length) { console.error('UNEXPECTED: ' + bad.map((r) => `${r.label}: ${r.count} lines, exit ${r.code}\n${r.err}`).join('\n')); process.exitCode = 1; }
const outFile = join(dir, `${runs[0].label.replace(/\W+/g, '_')}.out`);
const errors = {};
let inOrder = true, n = 0;
eachLine(outFile, (l) => { const o = JSON.parse(l); if (o.line !== ++n) inOrder = false; if (!o.ok) errors[o.error.code] = (errors[o.error.code] ?? 0) + 1; });
console.log(`output order preserved (${runs[0].label}): ${inOrder}`);
console.log(`error records: ${JSON.stringify(errors)} (the bad lines are PARSE_ERROR; any UNKNOWN_PROVISION would be a catalogue gap)`);
