// Loads a rules directory: reads (read.ts), validates (zod + integrity), indexes. With read.ts, the only modules
// that read rules/.
import { writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import type { z } from 'zod';
import { resolve } from 'node:path';
import { jsonPath } from '../core/json-path.js';
import type { Article, Code, Provision, Rules } from '../core/model.js';
import { itemSub, qualify } from '../core/model.js';
import { freezeRules } from '../core/freeze.js';
import { hayOf } from '../core/describe.js';
import { aggravationsFile, articleFile, codesFile, cumulationFile, datasetFile, minorsFile, parametersFile, repentisFile, specialityFile, provision as provisionSchema, recidiveFile, version as versionSchema } from '../schema/rules.js';
import { DEFAULT_RULES_DIR, dataFileOf, fromSnapshot, haysFileOf, listRulesFiles, manifestOf, notesFileOf, parseRulesFiles, readRulesDir, RulesError, SNAPSHOT_FILE, uniformProvision, type RulesIssue, type RulesRead, type Shapes, type Snapshot } from './read.js';

export { DEFAULT_RULES_DIR, RulesError, SNAPSHOT_FILE, type RulesIssue, type RulesRead } from './read.js';

/** The keys of a version and of a loaded provision, from the schemas: nothing the schemas declare is dropped. */
export const SHAPES: Shapes = {
  version: Object.keys(versionSchema.shape),
  provision: [...Object.keys(provisionSchema.shape), 'code', 'article', 'file'],
};

type DatedList = [string, { from: string; to: string | null }[]][];
/**
 * The general part (rules/general/): one entry per kind of file, its schema, where its dated values are (checked
 * for order and gaps), and which part of the loaded rules it becomes. A new general rule adds its file here.
 */
const GENERAL_FILES = {
  'general/parameters.json': { schema: parametersFile, into: 'general', pick: (g: z.infer<typeof parametersFile>) => g.parameters, dated: (g: z.infer<typeof parametersFile>): DatedList => Object.entries(g.parameters).map(([n, p]) => [`parameters.${n}.values`, p.values]) },
  'general/recidive.json': { schema: recidiveFile, into: 'recidive', pick: ({ $schema: _, ...r }: z.infer<typeof recidiveFile>) => r, dated: (r: z.infer<typeof recidiveFile>): DatedList => r.rules.map((x, i) => [`rules[${i}].values`, x.values]) },
  'general/aggravations.json': { schema: aggravationsFile, into: 'aggravations', pick: ({ $schema: _, ...a }: z.infer<typeof aggravationsFile>) => a, dated: (a: z.infer<typeof aggravationsFile>): DatedList => a.aggravations.map((x, i) => [`aggravations[${i}].values`, x.values]) },
  'general/minors.json': { schema: minorsFile, into: 'minors', pick: ({ $schema: _, ...m }: z.infer<typeof minorsFile>) => m, dated: (m: z.infer<typeof minorsFile>): DatedList => [['versions', m.versions]] },
  'general/repentis.json': { schema: repentisFile, into: 'repentis', pick: ({ $schema: _, ...r }: z.infer<typeof repentisFile>) => r, dated: (r: z.infer<typeof repentisFile>): DatedList => r.texts.map((x, i) => [`texts[${i}].versions`, x.versions]) },
  'general/speciality.json': { schema: specialityFile, into: 'speciality', pick: ({ $schema: _, ...sp }: z.infer<typeof specialityFile>) => sp, dated: (sp: z.infer<typeof specialityFile>): DatedList => [...sp.clauses.map((x, i): DatedList[number] => [`clauses[${i}]`, [x]]), ...sp.exclusions.map((x, i): DatedList[number] => [`exclusions[${i}]`, [x]])] },
  'general/cumulation.json': { schema: cumulationFile, into: 'cumulation', pick: ({ $schema: _, ...c }: z.infer<typeof cumulationFile>) => c, dated: (c: z.infer<typeof cumulationFile>): DatedList => c.clauses.map((x, i) => [`clauses[${i}].versions`, x.versions]) },
} as const;
type GeneralKey = (typeof GENERAL_FILES)[keyof typeof GENERAL_FILES]['into'];

function validate<T>(schema: z.ZodType<T>, data: unknown, file: string, issues: RulesIssue[]): T | undefined {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  for (const i of r.error.issues) issues.push({ file, path: jsonPath(i.path), message: i.message });
  return undefined;
}

/** Writes the snapshot of a rules directory that loaded without error (the build calls this). */
export function writeRulesSnapshot(dir: string = DEFAULT_RULES_DIR, file: string = SNAPSHOT_FILE): void {
  const issues: RulesIssue[] = [];
  const manifest = manifestOf(dir, listRulesFiles(dir, issues));
  const r = loadRules(dir, { snapshot: false });
  const provisions = [...r.provisions.values()];
  // Each provision's JSON without its notes, one after the other in the data file; the notes in their own file.
  const index: Snapshot['index'] = [];
  const parts: Buffer[] = [];
  let at = 0;
  for (const p of provisions) {
    const bytes = Buffer.from(JSON.stringify({ ...p, versions: p.versions.map(({ note: _n, ...v }) => v) }));
    index.push([p.ref, at, at + bytes.length, p.kind]);
    parts.push(bytes);
    at += bytes.length;
  }
  writeFileSync(dataFileOf(file), Buffer.concat(parts));
  writeFileSync(notesFileOf(file), JSON.stringify(provisions.map((p) => p.versions.map((v) => v.note ?? null))));
  const { provisions: _p, articles, aliases, ...rest } = r;
  writeFileSync(haysFileOf(file), JSON.stringify(provisions.map((p) => hayOf(r, p))));
  const snap: Snapshot = { hash: r.dataset.hash, manifest: issues.length ? null : manifest, shapes: SHAPES, index, rules: { ...rest, articles: [...articles.values()], aliases: [...aliases] } };
  writeFileSync(file, JSON.stringify(snap));
}

/** The file name of an article: as printed, a space (in "24 bis") written "_". */
export const articleFileName = (article: string) => `${article.replace(/ /g, '_')}.json`;

/** One article file: checked, its provisions indexed under their qualified refs. */
function addArticle(file: string, data: unknown, codes: Map<string, Code>, out: { provisions: Map<string, Provision>; articles: Map<string, Article>; aliases: Map<string, string> }, issues: RulesIssue[]): void {
  const a = validate(articleFile, data, file, issues);
  if (!a) return;
  const dir = dirname(file);
  if (a.code !== dir) issues.push({ file, path: 'code', message: `the file says code "${a.code}" but lives in ${dir}/` });
  if (!codes.has(a.code)) issues.push({ file, path: 'code', message: `unknown code "${a.code}" (codes.json lists ${[...codes.keys()].join(', ')})` });
  if (basename(file) !== articleFileName(a.article)) issues.push({ file, path: 'article', message: `the file of article ${a.article} must be named ${articleFileName(a.article)}` });
  const article = qualify(a.code, a.article);
  const refs: string[] = [];
  a.provisions.forEach((p, i) => {
    const at = `provisions[${i}]`;
    const ref = qualify(a.code, p.ref);
    if (p.ref !== a.article && !p.ref.startsWith(`${a.article} `)) issues.push({ file, path: `${at}.ref`, message: `${p.ref} is not a subdivision of article ${a.article}` });
    if (out.provisions.has(ref)) issues.push({ file, path: `${at}.ref`, message: `${ref} is defined twice (also in ${out.provisions.get(ref)!.file})` });
    checkProvision(p, file, at, issues);
    out.provisions.set(ref, uniformProvision({ ...p, ref, code: a.code, article, file } as Provision, SHAPES));
    refs.push(ref);
    for (const alias of p.aliases ?? []) {
      if (out.aliases.has(alias)) issues.push({ file, path: `${at}.aliases`, message: `alias "${alias}" already names ${out.aliases.get(alias)}` });
      out.aliases.set(alias, ref);
    }
  });
  out.articles.set(article, { article, code: a.code, label: a.label, refs, file, keywords: a.keywords });
}

/** Versions contiguous, a repeal where the last one ends, items listed twice only over periods that do not overlap. */
function checkProvision(p: z.infer<typeof provisionSchema>, file: string, at: string, issues: RulesIssue[]): void {
  checkDated(p.versions, file, `${at}.versions`, issues);
  const last = p.versions[p.versions.length - 1]!;
  if (p.repealed && last.to !== p.repealed.from) issues.push({ file, path: `${at}.repealed.from`, message: `the repeal date must be the last version's "to" (${last.to})` });
  if (!p.repealed && last.to !== null) issues.push({ file, path: `${at}.versions[${p.versions.length - 1}].to`, message: 'the last version ends but the provision has no "repealed"' });
  const bySub = new Map<string, { from: string; to: string | null }[]>();
  (p.items ?? []).forEach((it, j) => {
    if (typeof it !== 'string' && it.from && it.to && it.to <= it.from) issues.push({ file, path: `${at}.items[${j}].to`, message: `ends (${it.to}) on or before it starts (${it.from})` });
    const list = bySub.get(itemSub(it)) ?? [];
    list.push(typeof it === 'string' ? { from: '0000-00-00', to: null } : { from: it.from ?? '0000-00-00', to: it.to ?? null });
    bySub.set(itemSub(it), list);
  });
  for (const [sub, periods] of bySub) {
    const sorted = [...periods].sort((a, b) => a.from.localeCompare(b.from));
    if (sorted.some((x, i) => i > 0 && (sorted[i - 1]!.to === null || sorted[i - 1]!.to! > x.from))) issues.push({ file, path: `${at}.items`, message: `item ${sub} is listed more than once with overlapping dates` });
  }
}

/** The rules a directory's files make, or the issues that stop them (never a partial set). */
function build(raw: [string, unknown][], digest: string, issues: RulesIssue[]): Rules {
  const out = { provisions: new Map<string, Provision>(), articles: new Map<string, Article>(), aliases: new Map<string, string>() };
  const general: Partial<Record<GeneralKey, unknown>> = {};
  const byName = new Map(raw);
  const dataset = byName.has('dataset.json') ? validate(datasetFile, byName.get('dataset.json'), 'dataset.json', issues) : undefined;
  const codesData = byName.has('codes.json') ? validate(codesFile, byName.get('codes.json'), 'codes.json', issues) : undefined;
  const codes = new Map((codesData?.codes ?? []).map((c) => [c.id, c]));
  for (const name of ['dataset.json', 'codes.json']) if (!byName.has(name) && !issues.some((i) => i.file === name)) issues.push({ file: name, path: '', message: 'this file is missing' });
  for (const [file, data] of raw) {
    controlCharacters(data, file, '', issues);
    if (file === 'dataset.json' || file === 'codes.json') continue;
    const g = GENERAL_FILES[file as keyof typeof GENERAL_FILES];
    if (g) {
      const v = validate(g.schema as z.ZodType<unknown>, data, file, issues);
      if (v) { g.dated(v as never).forEach(([path, values]) => checkDated(values, file, path, issues)); general[g.into] = g.pick(v as never); }
    } else if (file.startsWith('general/')) {
      issues.push({ file, path: '', message: `unknown file in general/ (expected ${Object.keys(GENERAL_FILES).map((f) => f.slice(8)).join(', ')})` });
    } else addArticle(file, data, codes, out, issues);
  }
  crossIndex(out, issues);
  for (const [name, g] of Object.entries(GENERAL_FILES)) if (!(g.into in general) && !issues.some((i) => i.file === name)) issues.push({ file: name, path: '', message: 'this file of the general part is missing' });
  if (issues.length) throw new RulesError(issues);
  return freezeRules({ dataset: { version: dataset!.version, hash: digest }, codes: codesData!.codes, ...out, ...(general as Pick<Rules, GeneralKey>) });
}

/** Rule strings reach terminals (labels, notes, sources): a control character in one is refused, with its path. */
function controlCharacters(o: unknown, file: string, path: string, issues: RulesIssue[]): void {
  if (typeof o === 'string') {
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(o)) issues.push({ file, path, message: 'control characters are not allowed in rule strings' });
  } else if (Array.isArray(o)) o.forEach((x, i) => controlCharacters(x, file, `${path}[${i}]`, issues));
  else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) controlCharacters(v, file, path ? `${path}.${k}` : k, issues);
}

/** Aliases that shadow a ref, and rules that name provisions the data lacks. */
function crossIndex(out: { provisions: Map<string, Provision>; articles: Map<string, Article>; aliases: Map<string, string> }, issues: RulesIssue[]): void {
  for (const [alias, ref] of out.aliases) {
    if (out.provisions.has(alias) || out.articles.has(alias)) issues.push({ file: out.provisions.get(ref)!.file, path: 'aliases', message: `alias "${alias}" collides with a provision ref` });
  }
  for (const p of out.provisions.values()) {
    for (const target of p.appliesTo ?? []) if (!out.provisions.has(target)) issues.push({ file: p.file, path: 'appliesTo', message: `${p.ref} applies to ${target}, which is not in the rules` });
  }
}

/**
 * Reads and checks a rules directory; throws RulesError naming each file and JSON path at fault. The shipped
 * directory may come from the build's snapshot when its files are unchanged (`snapshot: false` never does).
 */
export function loadRules(dir: string = DEFAULT_RULES_DIR, options: { snapshot?: string | false; read?: RulesRead } = {}): Rules {
  const read = options.read ?? readRulesDir(dir);
  const issues = [...read.issues];
  const snapshot = options.snapshot ?? (resolve(dir) === DEFAULT_RULES_DIR ? SNAPSHOT_FILE : false);
  if (snapshot && issues.length === 0) {
    const r = fromSnapshot(snapshot, read.digest);
    if (r) return r;
  }
  return build(parseRulesFiles(read, issues), read.digest, issues);
}

/** Versions (or parameter values) are ordered, non-empty and contiguous: each ends where the next begins. */
function checkDated(values: { from: string; to: string | null }[], file: string, path: string, issues: RulesIssue[]): void {
  values.forEach((v, i) => {
    if (v.to !== null && v.to <= v.from) issues.push({ file, path: `${path}[${i}].to`, message: `ends (${v.to}) on or before it starts (${v.from})` });
    const next = values[i + 1];
    if (next) {
      if (v.to === null) issues.push({ file, path: `${path}[${i}].to`, message: 'only the last version may be open-ended (to: null)' });
      else if (next.from < v.to) issues.push({ file, path: `${path}[${i + 1}].from`, message: `overlaps the previous version (which ends ${v.to})` });
      else if (next.from > v.to) issues.push({ file, path: `${path}[${i + 1}].from`, message: `gap after the previous version (which ends ${v.to}); versions must be contiguous` });
    }
  });
}

export function relativeRulesPath(dir: string, file: string): string {
  return relative(process.cwd(), join(dir, file));
}
