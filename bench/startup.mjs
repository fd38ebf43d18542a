// Start-up time of `quantum eval` (the bundled CLI), interleaved with the same command run from the unbundled
// modules of dist/cli, and with ink + react preloaded (what an eager import of the terminal UI would cost).
// Usage: node bench/startup.mjs [runs]
import { execFileSync } from 'node:child_process';

const runs = Number(process.argv[2] ?? 20);
const bin = new URL('../bin/quantum.js', import.meta.url).pathname;
const args = ['eval', '323-3-2 III', '--date', '2024-05-01'];
const plain = new URL('../dist/cli/main.js', import.meta.url).href;
const variants = {
  'quantum eval': [bin, ...args],
  'same, unbundled': ['--input-type=module', '-e', `const { main } = await import(${JSON.stringify(plain)}); process.exitCode = await main(${JSON.stringify(args)});`],
  'same, ink preloaded': ['--import', 'ink', '--import', 'react', bin, ...args],
};
const times = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
for (let i = 0; i < runs; i++) {
  for (const [name, argv] of Object.entries(variants)) {
    const t = process.hrtime.bigint();
    execFileSync(process.execPath, argv, { stdio: 'ignore' });
    times[name].push(Number(process.hrtime.bigint() - t) / 1e6);
  }
}
const median = (a) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)];
const base = median(times['quantum eval']);
for (const [name, t] of Object.entries(times)) console.log(`${name.padEnd(22)} median ${median(t).toFixed(0)} ms  (${(median(t) / base).toFixed(2)}x)`);
