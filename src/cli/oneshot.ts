// The commands that answer one question and exit (eval, show, list), as one module: the build bundles it into one
// file of its own (scripts/bundle.mjs), the engine and zod/mini included, which Node loads faster than the dozens of
// shared chunks the split build would give it (bench/startup.mjs).
export { evalCommand } from './eval.js';
export { showCommand, listCommand } from './catalogue.js';
