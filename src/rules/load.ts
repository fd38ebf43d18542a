// Loads a rules directory: reads (read.ts), validates (zod + integrity), indexes. With read.ts, the only modules
// that read rules/.
import { writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import type { z } from 'zod';
import { jsonPath } from '../core/json-path.js';
import type { AggravationData, Article, GeneralParams, Provision, RecidiveData, Rules } from '../core/model.js';
import { itemSub } from '../core/model.js';
import { aggravationsFile, articleFile, datasetFile, generalFile, recidiveFile } from './schema.js';
import { DEFAULT_RULES_DIR, fromSnapshot, parseRulesFiles, readRulesDir, RulesError, SNAPSHOT_FILE, uniformProvision, type RulesIssue, type RulesRead, type Snapshot } from './read.js';

export { DEFAULT_RULES_DIR, RulesError, SNAPSHOT_FILE, type RulesIssue, type RulesRead } from './read.js';

/** The files of rules/general/: their schema and where their dated values are (checked for order and gaps). */
type DatedList = [string, { from: string; to: string | null }[]][];
const GENERAL_FILES = {
  'general/parameters.json': { schema: generalFile, dated: (g: z.infer<typeof generalFile>): DatedList => Object.entries(g.parameters).map(([n, p]) => [`parameters.${n}.values`, p.values]) },
  'general/recidive.json': { schema: recidiveFile, dated: (r: z.infer<typeof recidiveFile>): DatedList => r.rules.map((x, i) => [`rules[${i}].values`, x.values]) },
  'general/aggravations.json': { schema: aggravationsFile, dated: (a: z.infer<typeof aggravationsFile>): DatedList => a.aggravations.map((x, i) => [`aggravations[${i}].values`, x.values]) },
} as const;


function validate<T>(schema: z.ZodType<T>, data: unknown, file: string, issues: RulesIssue[]): T | undefined {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  for (const i of r.error.issues) issues.push({ file, path: jsonPath(i.path), message: i.message });
  return undefined;
}

/** Writes the snapshot of a rules directory that loaded without error (the build calls this). */
export function writeRulesSnapshot(dir: string = DEFAULT_RULES_DIR, file: string = SNAPSHOT_FILE): void {
  const r = loadRules(dir, { snapshot: false });
  const snap: Snapshot = { hash: r.dataset.hash, rules: { ...r, provisions: [...r.provisions.values()], articles: [...r.articles.values()], aliases: [...r.aliases] } };
  writeFileSync(file, JSON.stringify(snap));
}

/**
 * Reads and checks a rules directory; throws RulesError naming each file and JSON path at fault. The shipped
 * directory may come from the build's snapshot when its files are unchanged (`snapshot: false` never does).
 */
export function loadRules(dir: string = DEFAULT_RULES_DIR, options: { snapshot?: string | false; read?: RulesRead } = {}): Rules {
  const read = options.read ?? readRulesDir(dir);
  const issues = [...read.issues];
  const { digest } = read;
  const snapshot = options.snapshot ?? (resolve(dir) === DEFAULT_RULES_DIR ? SNAPSHOT_FILE : false);
  if (snapshot && issues.length === 0) {
    const r = fromSnapshot(snapshot, digest);
    if (r) return r;
  }
  const raw = parseRulesFiles(read, issues);
  const provisions = new Map<string, Provision>();
  const articles = new Map<string, Article>();
  const aliases = new Map<string, string>();
  const parsed = new Map<string, unknown>();
  let version = '0.0.0';
  for (const [file, data] of raw) {
    if (file === 'dataset.json') {
      const d = validate(datasetFile, data, file, issues);
      if (d) version = d.version;
      continue;
    }
    const general$ = GENERAL_FILES[file as keyof typeof GENERAL_FILES];
    if (general$) {
      const g = validate(general$.schema as z.ZodType<unknown>, data, file, issues);
      if (g) {
        general$.dated(g as never).forEach(([path, values]) => checkDated(values, file, path, issues, false));
        parsed.set(file, g);
      }
      continue;
    }
    if (file.startsWith('general/')) {
      issues.push({ file, path: '', message: 'unknown file in general/ (expected parameters.json, recidive.json, aggravations.json)' });
      continue;
    }
    const a = validate(articleFile, data, file, issues);
    if (!a) continue;
    if (basename(file, '.json') !== a.article) issues.push({ file, path: 'article', message: `the file of article ${a.article} must be named ${a.article}.json` });
    const refs: string[] = [];
    a.provisions.forEach((p, i) => {
      const at = `provisions[${i}]`;
      if (p.ref !== a.article && !p.ref.startsWith(`${a.article} `)) issues.push({ file, path: `${at}.ref`, message: `${p.ref} is not a subdivision of article ${a.article}` });
      if (provisions.has(p.ref)) issues.push({ file, path: `${at}.ref`, message: `${p.ref} is defined twice (also in ${provisions.get(p.ref)!.file})` });
      checkDated(p.versions, file, `${at}.versions`, issues, true);
      const last = p.versions[p.versions.length - 1]!;
      if (p.repealed && last.to !== p.repealed.from) issues.push({ file, path: `${at}.repealed.from`, message: `the repeal date must be the last version's "to" (${last.to})` });
      if (!p.repealed && last.to !== null) issues.push({ file, path: `${at}.versions[${p.versions.length - 1}].to`, message: 'the last version ends but the provision has no "repealed"' });
      // An item may appear more than once only with dated periods that do not overlap.
      const bySub = new Map<string, { from: string; to: string | null }[]>();
      for (const it of p.items ?? []) {
        const list = bySub.get(itemSub(it)) ?? [];
        list.push(typeof it === 'string' ? { from: '0000-00-00', to: null } : { from: it.from ?? '0000-00-00', to: it.to ?? null });
        bySub.set(itemSub(it), list);
      }
      for (const [sub, periods] of bySub) {
        const sorted = [...periods].sort((a, b) => a.from.localeCompare(b.from));
        if (sorted.some((x, i) => i > 0 && (sorted[i - 1]!.to === null || sorted[i - 1]!.to! > x.from))) issues.push({ file, path: `${at}.items`, message: `item ${sub} is listed more than once with overlapping dates` });
      }
      provisions.set(p.ref, uniformProvision({ ...p, article: a.article, file } as Provision));
      refs.push(p.ref);
      for (const alias of p.aliases ?? []) {
        if (aliases.has(alias)) issues.push({ file, path: `${at}.aliases`, message: `alias "${alias}" already names ${aliases.get(alias)}` });
        aliases.set(alias, p.ref);
      }
    });
    articles.set(a.article, { article: a.article, label: a.label, refs, file });
  }
  for (const [alias, ref] of aliases) {
    if (provisions.has(alias) || articles.has(alias)) issues.push({ file: provisions.get(ref)!.file, path: 'aliases', message: `alias "${alias}" collides with a provision ref` });
  }
  for (const p of provisions.values()) {
    for (const target of p.appliesTo ?? []) {
      if (!provisions.has(target)) issues.push({ file: p.file, path: 'appliesTo', message: `${p.ref} applies to ${target}, which is not in the rules` });
    }
  }
  for (const name of Object.keys(GENERAL_FILES)) {
    if (!parsed.has(name) && !issues.some((i) => i.file === name)) issues.push({ file: name, path: '', message: 'this file of the general part is missing' });
  }
  if (issues.length) throw new RulesError(issues);
  return { dataset: { version, hash: digest }, provisions, articles, aliases,
    general: (parsed.get('general/parameters.json') as z.infer<typeof generalFile>).parameters as unknown as GeneralParams,
    recidive: parsed.get('general/recidive.json') as RecidiveData,
    aggravations: parsed.get('general/aggravations.json') as AggravationData,
  };
}

/** Versions (or parameter values) are ordered, non-empty and contiguous: each ends where the next begins. */
function checkDated(values: { from: string; to: string | null }[], file: string, path: string, issues: RulesIssue[], _offence: boolean): void {
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
