// Reads a rules directory and, when it is the shipped one unchanged since the build, returns the build's
// snapshot of it. No zod here: the command line loads the validating loader (load.ts, with zod) only when the
// snapshot cannot serve, and starts sooner.
import { jsonShape } from '../core/json-shape.js';
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article, Lang, Provision, Rules } from '../core/model.js';
import { MESSAGES, type RulesIssueKey, type RulesIssues } from '../messages/index.js';
import { deepFreeze, freezeRules } from '../core/freeze.js';
import { LazyProvisions, type SnapshotEntry } from './lazy.js';

/**
 * The keys of a version and of a provision, in the zod schemas' order (load.ts gives them from the schemas; the
 * snapshot carries them). Objects parsed from JSON take their hidden class from their own keys: the engine would
 * meet a dozen shapes of version and V8 would deoptimise it each time a new one came. Built with every key in one
 * order (undefined where the file has none; JSON leaves those out), they have one shape; and since the keys come
 * from the schemas, a field added to a schema is never dropped here.
 */
export interface Shapes { version: string[]; provision: string[] }

/** A copy of an object with exactly these keys, in this order (undefined where it has none). */
export function withKeys<T extends object>(o: T, keys: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = (o as Record<string, unknown>)[k];
  return out as T;
}

/** A provision with every key in one order, and its versions likewise. */
export function uniformProvision(p: Provision, shapes: Shapes): Provision {
  const out = withKeys(p, shapes.provision);
  out.versions = p.versions.map((v) => withKeys(v, shapes.version));
  return out;
}

/** A problem in a rules directory: the file, the JSON path in it (as written there), what is wrong, in words. */
export interface RulesIssue { file: string; path: string; message: string }

/**
 * The problems found in a rules directory, each put into words as it is found, in the language asked for (French
 * unless told otherwise, as everywhere in quantum): the checks name a message and its figures, never a sentence.
 */
export class Issues {
  readonly list: RulesIssue[];
  constructor(readonly lang: Lang = 'fr', found: readonly RulesIssue[] = []) { this.list = [...found]; }
  add<K extends RulesIssueKey>(file: string, path: string, key: K, ...params: Parameters<RulesIssues[K]>): void {
    const phrase = MESSAGES[this.lang].rules.issues[key] as (...p: Parameters<RulesIssues[K]>) => string;
    this.list.push({ file, path, message: phrase(...params) });
  }
  /** A problem already in words (zod's own messages, in the same language). */
  push(issue: RulesIssue): void { this.list.push(issue); }
  /** Whether a file has a problem already (a file that could not be read is not also reported missing). */
  about(file: string): boolean { return this.list.some((i) => i.file === file); }
  get length(): number { return this.list.length; }
}

/** The problems as lines, each naming its file and path: the first 20, then how many more. */
export function issueLines(issues: readonly RulesIssue[], lang: Lang = 'fr'): string[] {
  const m = MESSAGES[lang].rules;
  const lines = issues.slice(0, 20).map((i) => m.line(i));
  if (issues.length > 20) lines.push(m.more({ count: issues.length - 20 }));
  return lines;
}

export class RulesError extends Error {
  readonly code = 'RULES_ERROR' as const;
  constructor(readonly issues: RulesIssue[], lang: Lang = 'fr') {
    super(issueLines(issues, lang).join('\n'));
    this.name = 'RulesError';
  }
}

/** The rules shipped with the package. */
export const DEFAULT_RULES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../rules');

const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** A rules directory as a whole: far above the shipped one (a few MB), far below what would exhaust memory. */
const MAX_DIR_BYTES = 64 * 1024 * 1024;

function readBytes(dir: string, file: string, issues: Issues): Buffer | undefined {
  const full = join(dir, file);
  try {
    const st = lstatSync(full);
    if (!st.isFile()) { issues.add(file, '', 'R_NOT_FILE'); return undefined; }
    if (st.size > MAX_FILE_BYTES) { issues.add(file, '', 'R_FILE_TOO_LARGE', { size: st.size, max: MAX_FILE_BYTES }); return undefined; }
    return readFileSync(full);
  } catch (e) {
    issues.add(file, '', 'R_CANNOT_READ', { reason: systemReason(e) });
    return undefined;
  }
}

/** The system's code for a failure (put into words by the messages), or its own message when it has none. */
const systemReason = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/**
 * A rules directory as read: each JSON file's bytes (in name order, general/ last), and the hash of them all.
 * The bytes are hashed as they are: checking the snapshot parses nothing but the snapshot.
 */
export interface RulesRead { files: [string, Buffer][]; digest: string; issues: RulesIssue[] }

/** Far deeper than any rule file nests (about 10 levels). */
const MAX_RULES_DEPTH = 64;

/** A JSON path as issues write it: `provisions[0].versions[1].penalty`. */
const pathText = (path: (string | number)[]) => path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${k}` : k)).join('');

/** The files of a read directory, parsed; a file that is not JSON is an issue naming it. */
export function parseRulesFiles(read: RulesRead, issues: Issues): [string, unknown][] {
  const raw: [string, unknown][] = [];
  for (const [file, bytes] of read.files) {
    const text = bytes.toString('utf8');
    try {
      const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      const value: unknown = JSON.parse(json);
      // Nesting that would exhaust the stack of the checks that walk the data: refused here, with the file named.
      const shape = jsonShape(json, MAX_RULES_DEPTH);
      if (shape?.problem === 'deep') { issues.add(file, '', 'R_TOO_DEEP', { max: MAX_RULES_DEPTH }); continue; }
      // A key given twice: JSON.parse keeps the last value unseen (a "months" of 36 then 60 would give 60).
      if (shape?.problem === 'duplicate') { issues.add(file, pathText(shape.path), 'R_DUPLICATE_KEY', { key: shape.key }); continue; }
      raw.push([file, value]);
    } catch (e) {
      issues.add(file, '', 'R_NOT_JSON', { detail: (e as Error).message });
    }
  }
  return raw;
}

/** Top-level files of a rules directory; every other JSON file is in a code's directory or in general/. */
const TOP_FILES = ['dataset.json', 'codes.json'];
/** Directories that hold no rule files. */
const NOT_RULES = new Set(['schema']);

/** The JSON files of a subdirectory, as `dir/file.json`; links are never followed (no loops, nothing outside the tree). */
function jsonFilesIn(dir: string, sub: string, issues: Issues): string[] {
  if (!lstatSync(join(dir, sub)).isDirectory()) { issues.add(sub, '', 'R_NOT_DIR'); return []; }
  return readdirSync(join(dir, sub)).sort().filter((f) => f.endsWith('.json')).map((f) => `${sub}/${f}`);
}

/** The rule files of a directory, in load order (name order, general/ last); problems with its layout go to `issues`. */
export function listRulesFiles(dir: string, issues: Issues = new Issues()): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch (e) {
    const lost = new Issues(issues.lang);
    lost.add(dir, '', 'R_CANNOT_READ_DIR', { reason: systemReason(e) });
    throw new RulesError(lost.list, lost.lang);
  }
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.endsWith('.json')) {
      if (TOP_FILES.includes(entry)) files.push(entry);
      else issues.add(entry, '', 'R_TOP_LEVEL', { entry, files: TOP_FILES });
      continue;
    }
    if (NOT_RULES.has(entry) || entry.startsWith('.')) continue;
    const st = lstatSync(join(dir, entry));
    if (st.isDirectory() || st.isSymbolicLink()) files.push(...jsonFilesIn(dir, entry, issues));
  }
  // general/ last: the articles' files come first, in name order, then the general part.
  return files.sort((a, b) => Number(a.startsWith('general/')) - Number(b.startsWith('general/')) || (a < b ? -1 : a > b ? 1 : 0));
}

/** A rules directory as read; its problems are put into words in `lang`. */
export function readRulesDir(dir: string, lang: Lang = 'fr'): RulesRead {
  const issues = new Issues(lang);
  const files = listRulesFiles(dir, issues);
  const hash = createHash('sha256');
  const read: [string, Buffer][] = [];
  let total = 0;
  for (const file of files) {
    const bytes = readBytes(dir, file, issues);
    if (bytes === undefined) continue;
    total += bytes.length;
    if (total > MAX_DIR_BYTES) { issues.add(file, '', 'R_DIR_TOO_LARGE', { max: MAX_DIR_BYTES }); break; }
    hash.update(file).update('\0').update(bytes).update('\0');
    read.push([file, bytes]);
  }
  return { files: read, digest: `sha256:${hash.digest('hex')}`, issues: issues.list };
}

/**
 * The rules directory's own modification time and each subdirectory's, then each rule file's name, size and
 * modification time: while they are all as at build time, the snapshot is used without listing the directories or
 * reading the files (a few hundred stat calls instead of reading and hashing them; a file added, removed or renamed
 * changes its directory's time). Any difference, a touched file included, falls back to the hash of the bytes,
 * which decides.
 */
export function manifestOf(dir: string, files: string[]): string | null {
  try {
    const dirs = ['.', ...new Set(files.filter((f) => f.includes('/')).map((f) => f.slice(0, f.indexOf('/'))))];
    const lines = dirs.map((d) => `${d}/\t-\t${lstatSync(join(dir, d)).mtimeMs}`);
    for (const f of files) { const st = lstatSync(join(dir, f)); lines.push(`${f}\t${st.size}\t${st.mtimeMs}`); }
    return lines.join('\n');
  } catch {
    return null;
  }
}

/** Whether every directory and file a manifest names is as it records them (the same listing, then). */
export function manifestHolds(dir: string, manifest: string): boolean {
  try {
    for (const line of manifest.split('\n')) {
      const [name, size, time] = line.split('\t') as [string, string, string];
      const st = lstatSync(join(dir, name));
      if (String(st.mtimeMs) !== time || (size !== '-' && String(st.size) !== size)) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * The shipped rules as checked at build time (npm run build): used only when the files read now hash to the
 * same value, so an edited file is always validated again. It saves the zod validation at every start-up.
 */
export const SNAPSHOT_FILE = resolve(dirname(fileURLToPath(import.meta.url)), '../rules.snapshot.json');

/**
 * The build's snapshot: the validated rules as JSON, but each provision's JSON in a data file beside it, found by
 * its byte range in `index` (so that a command parses only the provisions it needs: lazy.ts); the versions' notes
 * (what was read where: reference for maintainers, a third of the data) in a third file, one array per provision,
 * one entry per version, in the index's order.
 */
export interface Snapshot {
  hash: string; manifest: string | null; shapes: Shapes; index: SnapshotEntry[];
  /** The refs in catalogue order (compareRefs), sorted at build time for the UI's first screen and `list`. */
  order?: string[];
  rules: Omit<Rules, 'provisions' | 'articles' | 'aliases'> & { articles: Article[]; aliases: [string, string][] };
}
export const dataFileOf = (file: string) => file.replace(/\.json$/, '.data');
/** Each provision's search text (describe.ts, hayOf), in the index's order: read by the first search only. */
export const haysFileOf = (file: string) => file.replace(/\.json$/, '.hays.json');

/** The search texts of a snapshot, read when first asked for; none (undefined) if their file is missing. */
function lazyHays(file: string, index: Snapshot['index']): { get(ref: string): string | undefined } {
  let map: Map<string, string> | null = null;
  return {
    get(ref) {
      if (!map) {
        const list = readJson<string[]>(haysFileOf(file));
        map = new Map(list && list.length === index.length ? index.map(([r], i) => [r, list[i]!]) : []);
      }
      return map.get(ref);
    },
  };
}
export const notesFileOf = (file: string) => file.replace(/\.json$/, '.notes.json');

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null; // no snapshot (a source checkout, a custom build): validate as usual
  }
}

export interface SnapshotOptions {
  /** The versions' notes (default true; commands that never show them leave them on disk). */
  notes?: boolean;
  /** Provisions parsed when first asked for (default false: all at once, in a plain Map). */
  lazy?: boolean;
}

/** The rules of a snapshot; null when a file it needs is missing or does not match. */
function snapshotRules(file: string, snap: Snapshot, options: SnapshotOptions): Rules | null {
  let data: Buffer;
  try { data = readFileSync(dataFileOf(file)); } catch { return null; }
  const list = options.notes !== false ? readJson<(string | null)[][]>(notesFileOf(file)) : null;
  if (options.notes !== false && (!list || list.length !== snap.index.length)) return null;
  const position = new Map(snap.index.map(([ref], i) => [ref, i]));
  const make = (ref: string, raw: unknown): Provision => {
    const u = uniformProvision(raw as Provision, snap.shapes);
    if (list) { const notes = list[position.get(ref)!]!; u.versions.forEach((v, k) => { v.note = notes[k] ?? undefined; }); }
    return deepFreeze(u);
  };
  const lazy = new LazyProvisions(snap.index, data, make);
  const r = snap.rules;
  const searchHays = lazyHays(file, snap.index);
  const order = snap.order?.length === snap.index.length ? snap.order : undefined;
  return freezeRules({ ...r, provisions: options.lazy ? lazy : new Map(lazy), articles: new Map(r.articles.map((a) => [a.article, a])), aliases: new Map(r.aliases), searchHays, ...(order && { order }) });
}

/** The rules of a snapshot file made from files that hash to `hash`; null otherwise. */
export function fromSnapshot(file: string, hash: string, options: SnapshotOptions = {}): Rules | null {
  const snap = readJson<Snapshot>(file);
  return snap && snap.hash === hash ? snapshotRules(file, snap, options) : null;
}

/**
 * The shipped rules from the build's snapshot, if `dir` is the shipped directory and its files are unchanged (same
 * names, sizes and times, or else the same hash); null otherwise (then load.ts reads and validates them, given
 * `read`, when it was read, so as not to read them twice). The problems met reading are worded in `lang`.
 */
export function rulesFromSnapshot(dir: string, options: SnapshotOptions = {}, lang: Lang = 'fr'): { rules: Rules | null; read: RulesRead | null } {
  if (resolve(dir) !== DEFAULT_RULES_DIR) return { rules: null, read: readRulesDir(dir, lang) };
  const snap = readJson<Snapshot>(SNAPSHOT_FILE);
  if (snap?.manifest && manifestHolds(dir, snap.manifest)) {
    const rules = snapshotRules(SNAPSHOT_FILE, snap, options);
    if (rules) return { rules, read: null };
  }
  const read = readRulesDir(dir, lang);
  const rules = snap && read.issues.length === 0 && snap.hash === read.digest ? snapshotRules(SNAPSHOT_FILE, snap, options) : null;
  return { rules, read };
}
