// The generated parts of docs/contract.md: field tables from the zod schemas (src/schema, their descriptions
// included), the error codes, the codes of the law and the CSV columns. `npm run docs` rewrites them between their
// markers; test/docs.test.ts fails when the file and the schemas disagree. Needs the build (dist/).
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

const root = new URL('..', import.meta.url);
const dist = (p) => import(new URL(`dist/${p}`, root).href);

const typeOf = (s) => {
  if (!s) return 'any';
  if (s.anyOf) return s.anyOf.map(typeOf).join(' \\| ');
  if (s.enum) return s.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' \\| ');
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
  const t = Array.isArray(s.type) ? s.type.join(' \\| ') : s.type ?? 'any';
  if (t === 'array') return `array of ${typeOf(s.items)}`;
  return s.format === 'date' ? 'date (YYYY-MM-DD)' : t;
};

/** Every field of a JSON Schema object, depth first, as table rows: path, type, required, description. */
function rows(schema, path = '', out = []) {
  const object = schema.type === 'object' ? schema : schema.anyOf?.find((x) => x.type === 'object');
  for (const [name, s] of Object.entries(object?.properties ?? {})) {
    const p = path ? `${path}.${name}` : name;
    const required = (object.required ?? []).includes(name) ? 'yes' : 'no';
    out.push(`| \`${p}\` | ${typeOf(s)} | ${required} | ${(s.description ?? '').replace(/\|/g, '\\|')} |`);
    const inner = s.type === 'array' ? s.items : s;
    const nested = inner?.type === 'object' || inner?.anyOf?.some((x) => x.type === 'object');
    if (nested) rows(inner, s.type === 'array' ? `${p}[]` : p, out);
  }
  return out;
}

const table = (schema) => ['| field | type | required | meaning |', '|---|---|---|---|', ...rows(schema)].join('\n');

export async function generated() {
  const [c, r, codes, csv, batch] = await Promise.all([dist('schema/case.js'), dist('schema/result.js'), Promise.resolve(JSON.parse(readFileSync(new URL('rules/codes.json', root), 'utf8'))), dist('io/csv.js'), dist('io/batch.js')]);
  const json = (s, io) => z.toJSONSchema(s, { io, unrepresentable: 'any' });
  return {
    case: table(json(c.caseSchema, 'input')),
    result: table(json(r.result, 'output')),
    error: table(json(r.errorResult, 'output')),
    batch: table(json(r.batchFields, 'output')),
    'error-codes': r.errorCode.options.map((x) => `\`${x}\``).join(', '),
    reasons: r.reason.options.map((x) => `\`${x}\``).join(', '),
    codes: ['| short name | code | also written |', '|---|---|---|', ...codes.codes.map((x) => `| \`${x.id}\` | ${x.label.fr} | ${x.names.map((n) => `\`${n}\``).join(', ')} |`)].join('\n'),
    'csv-input': batch.CSV_COLUMNS.map((x) => `\`${x}\``).join(', '),
    'csv-output': csv.CSV_OUTPUT_COLUMNS.map((x) => `\`${x}\``).join(', '),
  };
}

/** The file with each marked block replaced by its generated text. */
export async function render(text) {
  const g = await generated();
  return text.replace(/(<!-- generated:([a-z-]+) -->\n)[\s\S]*?(\n<!-- \/generated -->)/g, (_, open, name, close) => {
    if (!(name in g)) throw new Error(`docs/contract.md: no generated block named ${name}`);
    return `${open}${g[name]}${close}`;
  });
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  const file = new URL('docs/contract.md', root);
  writeFileSync(file, await render(readFileSync(file, 'utf8')));
  console.log('docs/contract.md: generated blocks written');
}
