// Start-up times, interleaved, medians, as ratios to a bare `node -e 0`: `quantum eval`, `show`, `list`,
// `--version`, and the terminal UI's first paint (the time until its first frame is on the terminal, in a pseudo
// terminal made by `script`, where there is one). Usage: node bench/startup.mjs [runs]
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const runs = Number(process.argv[2] ?? 15);
const bin = new URL('../bin/quantum.js', import.meta.url).pathname;
const commands = {
  'node -e 0': ['-e', '0'],
  'quantum eval': [bin, 'eval', '323-3-2 III', '--date', '2024-05-01'],
  'quantum show': [bin, 'show', '225-5'],
  'quantum list': [bin, 'list', 'proxenetisme'],
  'quantum --version': [bin, '--version'],
};
const script = existsSync('/usr/bin/script') ? '/usr/bin/script' : null;

/** Milliseconds until the UI's first frame (its search line) is written to the pseudo terminal. */
function firstPaint() {
  return new Promise((done) => {
    const t = process.hrtime.bigint();
    const p = spawn(script, ['-qfec', `${process.execPath} ${bin} tui`, '/dev/null'], { env: { ...process.env, COLUMNS: '80', LINES: '24', NO_COLOR: '1' } });
    let out = '';
    p.stdout.on('data', (b) => {
      out += b.toString();
      if (out.includes('Recherche')) { const ms = Number(process.hrtime.bigint() - t) / 1e6; p.kill('SIGKILL'); done(ms); }
    });
    p.on('exit', () => done(NaN));
  });
}

const times = Object.fromEntries([...Object.keys(commands), ...(script ? ['quantum tui, first paint'] : [])].map((k) => [k, []]));
for (let i = 0; i < runs; i++) {
  for (const [name, argv] of Object.entries(commands)) {
    const t = process.hrtime.bigint();
    execFileSync(process.execPath, argv, { stdio: 'ignore' });
    times[name].push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  if (script) times['quantum tui, first paint'].push(await firstPaint());
}
const median = (a) => [...a].filter((x) => !Number.isNaN(x)).sort((x, y) => x - y)[Math.floor(a.length / 2)];
const base = median(times['node -e 0']);
console.log(`node ${process.version}, median of ${runs} interleaved runs`);
for (const [name, t] of Object.entries(times)) console.log(`${name.padEnd(26)} ${median(t).toFixed(0).padStart(5)} ms  ${(median(t) / base).toFixed(2)}x`);
