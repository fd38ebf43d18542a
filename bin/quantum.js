#!/usr/bin/env node
// The quantum executable: runs the bundled CLI (built by `npm install` through the prepare script), or the plain
// compiled modules when only `tsc` has run.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/bundle/main.js', import.meta.url);
const plain = new URL('../dist/cli/main.js', import.meta.url);
const entry = existsSync(fileURLToPath(bundle)) ? bundle : plain;
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('quantum: the compiled code is missing; run `npm install` (or `npm run build`) first\n');
  process.exit(1);
}
const { main } = await import(entry.href);
process.exitCode = await main();
