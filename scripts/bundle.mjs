// The CLI as a few bundled files (dist/bundle/): one file to load instead of about 200 modules, which takes
// `quantum eval` from 339 ms to 294 ms (bench/startup.mjs). The library (dist/index.js) stays the plain tsc
// output. ink and react stay outside: only `quantum tui` loads them.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

const outdir = new URL('../dist/bundle/', import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });
const common = {
  outdir,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  minifySyntax: true,
  minifyWhitespace: true,
  legalComments: 'linked',  // licences of bundled packages kept beside the bundle
  logLevel: 'warning',
};
// `./oneshot.js` (eval, show, list) stays a file of its own, built below: the split build leaves it out.
const oneshotApart = { name: 'oneshot-apart', setup(b) { b.onResolve({ filter: /\/(oneshot|tui)\.js$/ }, (a) => ({ path: `./${a.path.split('/').pop()}`, external: true })); } };
// yargs guesses a version when it is built, walking up from the bundle for a package.json (a directory listing
// per level, about 5 ms at every start); quantum passes its own (main.ts), so the walk stands down: nothing found.
const noFindUp = { name: 'no-find-up', setup(b) { b.onResolve({ filter: /^escalade\/sync$/ }, () => ({ path: 'escalade-sync', namespace: 'no-find-up' })); b.onLoad({ filter: /.*/, namespace: 'no-find-up' }, () => ({ contents: 'export default function findUp() { return undefined; }' })); } };
// string-width (three copies, through yargs, cliui and wrap-ansi) builds an Intl.Segmenter and Unicode property
// regexes when its module loads (the RGI_Emoji one alone about 10 ms): yargs measures text only to print help, so
// the module's body runs at its first call instead. Its imports stay at the top; its default export is its only
// export (a build fails loudly below if a new version changes that).
const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(b) {
    b.onLoad({ filter: /[\\/]string-width[\\/]index\.js$/ }, (a) => {
      const src = readFileSync(a.path, 'utf8');
      const lines = src.split('\n');
      const imports = lines.filter((l) => l.startsWith('import '));
      const body = lines.filter((l) => !l.startsWith('import ')).join('\n');
      const decl = 'export default function stringWidth(';
      if (body.split(decl).length !== 2 || /^export /m.test(body.replace(decl, ''))) throw new Error(`lazy-string-width: unexpected exports in ${a.path}`);
      const lazy = `${imports.join('\n')}\nfunction init() {\n${body.replace(decl, 'function stringWidth(')}\nreturn stringWidth;\n}\nlet impl;\nexport default function stringWidth(...args) { impl ??= init(); return impl(...args); }\n`;
      return { contents: lazy, loader: 'js', resolveDir: dirname(a.path) };
    });
  },
};
await build({
  ...common,
  entryPoints: { main: 'src/cli/main.ts' },
  splitting: true,
  external: ['ink', 'react', 'react/*'],
  plugins: [oneshotApart, noFindUp, lazyStringWidth],
});
// eval, show and list in one file, not split: Node loads one 400 KB file faster than the thirty chunks it would
// otherwise take (module resolution and linking per file; bench/startup.mjs). What they import lazily (the
// validating loader and its zod, for a rules directory other than the shipped one) stays lazy inside the file.
// The validating loader (a rules directory other than the shipped one) and the whole of zod it needs (about 600 KB
// with zod's locales) are a file of their own, imported by eval, show, list and the UI only when they need it:
// Node then never compiles them at start-up (bench/startup.mjs).
const loaderApart = { name: 'loader-apart', setup(b) { b.onResolve({ filter: /\/rules\/(load|checked)\.js$/ }, (a) => (a.kind === 'dynamic-import' ? { path: `./rules-${a.path.match(/(load|checked)\.js$/)[1]}.js`, external: true } : undefined)); } };
await build({ ...common, entryPoints: { oneshot: 'src/cli/oneshot.ts' }, external: ['ink', 'react', 'react/*'], plugins: [loaderApart] });
await build({ ...common, entryPoints: { 'rules-load': 'src/rules/load.ts', 'rules-checked': 'src/rules/checked.ts' } });
// The terminal UI in one file with ink, react and yoga, react in its production build: Node loads it in about half
// the time it takes to resolve and run ink's hundred modules and react's development build (bench/startup.mjs,
// first paint). Only `quantum tui` loads it.
await build({
  ...common, entryPoints: { tui: 'src/cli/tui.ts' }, minifyIdentifiers: true,
  define: { 'process.env.NODE_ENV': '"production"' },
  // ink loads react's devtools only when DEV=true (never here): an empty module stands in for the optional package.
  plugins: [loaderApart, { name: 'no-devtools', setup(b) { b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'empty' })); b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export default {}; export const connectToDevTools = () => {};' })); } }],
  // react and some of ink's dependencies are CommonJS and call require() for Node's modules.
  banner: { js: "import { createRequire as __quantumRequire } from 'node:module'; const require = __quantumRequire(import.meta.url);" },
});
// The batch worker on its own, not sharing chunks with the CLI: it then holds only what a worker runs (the
// engine and zod/mini, about 220 KB instead of a 680 KB chunk with all of zod), and each worker starts sooner.
await build({ ...common, entryPoints: { 'batch-worker': 'src/cli/batch-worker.ts' } });

// The shipped rules as validated now (dist/rules.snapshot.json): loadRules uses it while the files still hash the
// same, and skips zod at start-up (`quantum eval` about 50 ms sooner). Broken rules simply leave no snapshot.
const { writeRulesSnapshot, SNAPSHOT_FILE } = await import('../dist/rules/load.js');
rmSync(SNAPSHOT_FILE, { force: true });
try {
  writeRulesSnapshot();
} catch (e) {
  console.warn(`no rules snapshot: ${e.message.split('\n')[0]}`);
}
