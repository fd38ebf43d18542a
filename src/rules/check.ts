// Developer aid for rule authors: validates rule files against the schema, then the whole directory's
// integrity (dates, refs, aliases). Usage: npx tsx src/rules/check.ts rules/225-7.json ...   (or no file: all)
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { articleFile, generalFile } from './schema.js';
import { loadRules, RulesError, DEFAULT_RULES_DIR } from './load.js';

let bad = 0;
const files = process.argv.slice(2);
for (const f of files) {
  const data = JSON.parse(readFileSync(f, 'utf8'));
  const r = (f.includes('general/') ? generalFile : articleFile).safeParse(data);
  if (r.success) { console.log(`ok ${f}`); continue; }
  bad++;
  for (const i of r.error.issues) console.log(`${f} at ${i.path.join('.')}: ${i.message}`);
}
const dir = files.length ? dirname(files[0]!.replace(/\/general\/[^/]+$/, '/x')) : DEFAULT_RULES_DIR;
try {
  const rules = loadRules(dir);
  console.log(`ok: ${dir} loads (${rules.provisions.size} provisions)`);
} catch (e) {
  bad++;
  console.log(e instanceof RulesError ? e.message : String(e));
}
process.exit(bad ? 1 : 0);
