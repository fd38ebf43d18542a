// The CLI as a few bundled files (dist/bundle/): one file to load instead of about 200 modules, which takes
// `quantum eval` from 339 ms to 294 ms (bench/startup.mjs), and every batch worker likewise. The
// library (dist/index.js) stays the plain tsc output. ink and react stay outside: only `quantum tui` loads them.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

const outdir = new URL('../dist/bundle/', import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { main: 'src/cli/main.ts', 'batch-worker': 'src/cli/batch-worker.ts' },
  outdir,
  bundle: true,
  splitting: true,          // the TUI and the code the worker shares with the CLI are chunks of their own
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  external: ['ink', 'react', 'react/*'],
  minifySyntax: true,
  minifyWhitespace: true,
  legalComments: 'linked',  // licences of bundled packages kept beside the bundle
  logLevel: 'warning',
});

// The shipped rules as validated now (dist/rules.snapshot.json): loadRules uses it while the files still hash the
// same, and skips zod at start-up (`quantum eval` about 50 ms sooner). Broken rules simply leave no snapshot.
const { writeRulesSnapshot, SNAPSHOT_FILE } = await import('../dist/rules/load.js');
rmSync(SNAPSHOT_FILE, { force: true });
try {
  writeRulesSnapshot();
} catch (e) {
  console.warn(`no rules snapshot: ${e.message.split('\n')[0]}`);
}
