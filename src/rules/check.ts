// Developer aid: validates rule files against the schema. Usage: npx tsx src/rules/check.ts rules/225-7.json ...
import { readFileSync } from 'node:fs';
import { articleFile, generalFile } from './schema.js';

let bad = 0;
for (const f of process.argv.slice(2)) {
  const data = JSON.parse(readFileSync(f, 'utf8'));
  const r = (f.includes('general/') ? generalFile : articleFile).safeParse(data);
  if (r.success) { console.log(`ok ${f}`); continue; }
  bad++;
  for (const i of r.error.issues) console.log(`${f} at ${i.path.join('.')}: ${i.message}`);
}
process.exit(bad ? 1 : 0);
