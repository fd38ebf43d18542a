// Loads a rules directory: reads (read.ts), validates (zod + integrity), indexes. With read.ts, the only modules
// that read rules/.
import { writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { z } from 'zod';
import { resolve } from 'node:path';
import { jsonPath } from '../core/json-path.js';
import type { Article, Code, Lang, Provision, Rules } from '../core/model.js';
import { MESSAGES, type SchemaIssueKey } from '../messages/index.js';
import { itemSub, qualify } from '../core/model.js';
import { freezeRules } from '../core/freeze.js';
import { hayOf } from '../core/describe.js';
import { sortByRef } from '../core/refs.js';
import { aggravationsFile, articleFile, codesFile, cumulationFile, datasetFile, minorsFile, parametersFile, repentisFile, specialityFile, provision as provisionSchema, recidiveFile, version as versionSchema } from '../schema/rules.js';
import { DEFAULT_RULES_DIR, dataFileOf, fromSnapshot, haysFileOf, Issues, listRulesFiles, manifestOf, notesFileOf, parseRulesFiles, readRulesDir, RulesError, SNAPSHOT_FILE, uniformProvision, type RulesRead, type Shapes, type Snapshot } from './read.js';

export { DEFAULT_RULES_DIR, Issues, RulesError, SNAPSHOT_FILE, type RulesIssue, type RulesRead } from './read.js';

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

// zod's own messages (a wrong type, an unknown field) in the issues' language, given to each parse rather than set
// in zod's global configuration, which other parses rely on.
const ZOD_MESSAGES: Record<Lang, z.core.$ZodErrorMap> = { fr: z.locales.fr().localeError, en: z.locales.en().localeError };

/** A message the schemas name by key (src/schema/rules.ts), or null for one zod worded. */
const schemaKey = (message: string, lang: Lang): SchemaIssueKey | null =>
  (/^R_[A-Z_]+$/.test(message) && message in MESSAGES[lang].rules.issues ? message as SchemaIssueKey : null);

function validate<T>(schema: z.ZodType<T>, data: unknown, file: string, issues: Issues): T | undefined {
  const r = schema.safeParse(data, { error: ZOD_MESSAGES[issues.lang] });
  if (r.success) return r.data;
  for (const i of r.error.issues) {
    const key = schemaKey(i.message, issues.lang);
    if (key) issues.add(file, jsonPath(i.path), key);
    else issues.push({ file, path: jsonPath(i.path), message: i.message });
  }
  return undefined;
}

/** Writes the snapshot of a rules directory that loaded without error (the build calls this). */
export function writeRulesSnapshot(dir: string = DEFAULT_RULES_DIR, file: string = SNAPSHOT_FILE): void {
  const issues = new Issues();
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
  const order = sortByRef(provisions.map((p) => p.ref), (ref) => ref);
  const snap: Snapshot = { hash: r.dataset.hash, manifest: issues.length ? null : manifest, shapes: SHAPES, index, order, rules: { ...rest, articles: [...articles.values()], aliases: [...aliases] } };
  writeFileSync(file, JSON.stringify(snap));
}

/** The file name of an article: as printed, a space (in "24 bis") written "_". */
export const articleFileName = (article: string) => `${article.replace(/ /g, '_')}.json`;

/** One article file: checked, its provisions indexed under their qualified refs. */
function addArticle(file: string, data: unknown, codes: Map<string, Code>, out: { provisions: Map<string, Provision>; articles: Map<string, Article>; aliases: Map<string, string> }, issues: Issues): void {
  const a = validate(articleFile, data, file, issues);
  if (!a) return;
  const dir = dirname(file);
  if (a.code !== dir) issues.add(file, 'code', 'R_CODE_DIR', { code: a.code, dir });
  if (!codes.has(a.code)) issues.add(file, 'code', 'R_UNKNOWN_CODE', { code: a.code, known: [...codes.keys()] });
  if (basename(file) !== articleFileName(a.article)) issues.add(file, 'article', 'R_FILE_NAME', { article: a.article, name: articleFileName(a.article) });
  const article = qualify(a.code, a.article);
  const refs: string[] = [];
  a.provisions.forEach((p, i) => {
    const at = `provisions[${i}]`;
    const ref = qualify(a.code, p.ref);
    if (p.ref !== a.article && !p.ref.startsWith(`${a.article} `)) issues.add(file, `${at}.ref`, 'R_NOT_SUBDIVISION', { ref: p.ref, article: a.article });
    if (out.provisions.has(ref)) issues.add(file, `${at}.ref`, 'R_DEFINED_TWICE', { ref, file: out.provisions.get(ref)!.file });
    checkProvision(p, file, at, issues);
    out.provisions.set(ref, uniformProvision({ ...p, ref, code: a.code, article, file } as Provision, SHAPES));
    refs.push(ref);
    for (const alias of p.aliases ?? []) {
      if (out.aliases.has(alias)) issues.add(file, `${at}.aliases`, 'R_ALIAS_TWICE', { alias, ref: out.aliases.get(alias)! });
      out.aliases.set(alias, ref);
    }
  });
  out.articles.set(article, { article, code: a.code, label: a.label, refs, file, keywords: a.keywords });
}

/** Versions contiguous, a repeal where the last one ends, items listed twice only over periods that do not overlap. */
function checkProvision(p: z.infer<typeof provisionSchema>, file: string, at: string, issues: Issues): void {
  checkDated(p.versions, file, `${at}.versions`, issues);
  const last = p.versions[p.versions.length - 1]!;
  if (p.repealed && last.to !== p.repealed.from) issues.add(file, `${at}.repealed.from`, 'R_REPEAL_DATE', { to: last.to });
  if (!p.repealed && last.to !== null) issues.add(file, `${at}.versions[${p.versions.length - 1}].to`, 'R_LAST_ENDS');
  const bySub = new Map<string, { from: string; to: string | null }[]>();
  (p.items ?? []).forEach((it, j) => {
    if (typeof it !== 'string' && it.from && it.to && it.to <= it.from) issues.add(file, `${at}.items[${j}].to`, 'R_ENDS_BEFORE', { from: it.from, to: it.to });
    const list = bySub.get(itemSub(it)) ?? [];
    list.push(typeof it === 'string' ? { from: '0000-00-00', to: null } : { from: it.from ?? '0000-00-00', to: it.to ?? null });
    bySub.set(itemSub(it), list);
  });
  for (const [sub, periods] of bySub) {
    const sorted = [...periods].sort((a, b) => a.from.localeCompare(b.from));
    if (sorted.some((x, i) => i > 0 && (sorted[i - 1]!.to === null || sorted[i - 1]!.to! > x.from))) issues.add(file, `${at}.items`, 'R_ITEM_OVERLAP', { sub });
  }
}

/** The rules a directory's files make, or the issues that stop them (never a partial set). */
function build(raw: [string, unknown][], digest: string, issues: Issues): Rules {
  const out = { provisions: new Map<string, Provision>(), articles: new Map<string, Article>(), aliases: new Map<string, string>() };
  const general: Partial<Record<GeneralKey, unknown>> = {};
  const byName = new Map(raw);
  const dataset = byName.has('dataset.json') ? validate(datasetFile, byName.get('dataset.json'), 'dataset.json', issues) : undefined;
  const codesData = byName.has('codes.json') ? validate(codesFile, byName.get('codes.json'), 'codes.json', issues) : undefined;
  const codes = new Map((codesData?.codes ?? []).map((c) => [c.id, c]));
  for (const name of ['dataset.json', 'codes.json']) if (!byName.has(name) && !issues.about(name)) issues.add(name, '', 'R_MISSING_FILE');
  for (const [file, data] of raw) {
    controlCharacters(data, file, '', issues);
    if (file === 'dataset.json' || file === 'codes.json') continue;
    const g = GENERAL_FILES[file as keyof typeof GENERAL_FILES];
    if (g) {
      const v = validate(g.schema as z.ZodType<unknown>, data, file, issues);
      if (v) { g.dated(v as never).forEach(([path, values]) => checkDated(values, file, path, issues)); general[g.into] = g.pick(v as never); }
    } else if (file.startsWith('general/')) {
      issues.add(file, '', 'R_UNKNOWN_GENERAL', { expected: Object.keys(GENERAL_FILES).map((f) => f.slice(8)) });
    } else addArticle(file, data, codes, out, issues);
  }
  crossIndex(out, issues);
  for (const [name, g] of Object.entries(GENERAL_FILES)) if (!(g.into in general) && !issues.about(name)) issues.add(name, '', 'R_MISSING_GENERAL');
  if (issues.length) throw new RulesError(issues.list, issues.lang);
  return freezeRules({ dataset: { version: dataset!.version, hash: digest }, codes: codesData!.codes, ...out, ...(general as Pick<Rules, GeneralKey>) });
}

// Control characters, and the invisible format characters that reorder or hide text (bidi overrides and isolates,
// zero-width characters, BOM): the same set src/io/terminal.ts escapes.
// eslint-disable-next-line no-control-regex
const FORMAT_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
/** Rule strings reach terminals (labels, notes, sources): a control character in one is refused, with its path. */
function controlCharacters(o: unknown, file: string, path: string, issues: Issues): void {
  if (typeof o === 'string') {
    if (FORMAT_CHARACTERS.test(o)) issues.add(file, path, 'R_CONTROL');
  } else if (Array.isArray(o)) o.forEach((x, i) => controlCharacters(x, file, `${path}[${i}]`, issues));
  else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) controlCharacters(v, file, path ? `${path}.${k}` : k, issues);
}

/** Aliases that shadow a ref, and rules that name provisions the data lacks. */
function crossIndex(out: { provisions: Map<string, Provision>; articles: Map<string, Article>; aliases: Map<string, string> }, issues: Issues): void {
  for (const [alias, ref] of out.aliases) {
    if (out.provisions.has(alias) || out.articles.has(alias)) issues.add(out.provisions.get(ref)!.file, 'aliases', 'R_ALIAS_COLLIDES', { alias });
  }
  for (const p of out.provisions.values()) {
    for (const target of p.appliesTo ?? []) if (!out.provisions.has(target)) issues.add(p.file, 'appliesTo', 'R_APPLIES_TO', { ref: p.ref, target });
  }
}

/**
 * Reads and checks a rules directory; throws RulesError naming each file and JSON path at fault, in `lang` (French
 * by default). The shipped directory may come from the build's snapshot when its files are unchanged (`snapshot:
 * false` never does). `read`, the directory as already read, carries its problems worded in the same language.
 */
export function loadRules(dir: string = DEFAULT_RULES_DIR, options: { snapshot?: string | false; read?: RulesRead; lang?: Lang } = {}): Rules {
  const lang = options.lang ?? 'fr';
  if (lang !== 'fr' && lang !== 'en') throw new RangeError(`loadRules: lang must be "fr" or "en", not ${JSON.stringify(lang)}`);
  const read = options.read ?? readRulesDir(dir, lang);
  const issues = new Issues(lang, read.issues);
  const snapshot = options.snapshot ?? (resolve(dir) === DEFAULT_RULES_DIR ? SNAPSHOT_FILE : false);
  if (snapshot && issues.length === 0) {
    const r = fromSnapshot(snapshot, read.digest);
    if (r) return r;
  }
  return build(parseRulesFiles(read, issues), read.digest, issues);
}

/** Versions (or parameter values) are ordered, non-empty and contiguous: each ends where the next begins. */
function checkDated(values: { from: string; to: string | null }[], file: string, path: string, issues: Issues): void {
  values.forEach((v, i) => {
    if (v.to !== null && v.to <= v.from) issues.add(file, `${path}[${i}].to`, 'R_ENDS_BEFORE', { from: v.from, to: v.to });
    const next = values[i + 1];
    if (next) {
      if (v.to === null) issues.add(file, `${path}[${i}].to`, 'R_OPEN_ENDED');
      else if (next.from < v.to) issues.add(file, `${path}[${i + 1}].from`, 'R_OVERLAP', { to: v.to });
      else if (next.from > v.to) issues.add(file, `${path}[${i + 1}].from`, 'R_GAP', { to: v.to });
    }
  });
}

export function relativeRulesPath(dir: string, file: string): string {
  return relative(process.cwd(), join(dir, file));
}
