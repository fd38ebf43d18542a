// Reads a rules directory and, when it is the shipped one unchanged since the build, returns the build's
// snapshot of it. No zod here: the command line loads the validating loader (load.ts, with zod) only when the
// snapshot cannot serve, and starts sooner.
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article, Provision, Rules, Version } from '../core/model.js';

/**
 * A version with every key, in one order (undefined where the file has none; JSON leaves those out). Objects
 * parsed from JSON take their hidden class from their own keys: the engine would meet a dozen shapes of version
 * and V8 would deoptimise it each time a new one came.
 */
function uniformVersion(v: Version): Version {
  return { from: v.from, to: v.to, amendedBy: v.amendedBy, sources: v.sources, status: v.status, note: v.note, notice: v.notice, penalty: v.penalty,
    attempt: v.attempt, safetyPeriod: v.safetyPeriod, recidiveClause: v.recidiveClause, complementary: v.complementary };
}
/** A provision with every key, in one order, and uniform versions (see uniformVersion). */
export function uniformProvision(p: Provision): Provision {
  return { ref: p.ref, article: p.article, kind: p.kind, label: p.label, rule: p.rule, appliesTo: p.appliesTo, aliases: p.aliases,
    items: p.items, circumstances: p.circumstances, repealed: p.repealed, versions: p.versions.map(uniformVersion), file: p.file };
}

export interface RulesIssue { file: string; path: string; message: string }

export class RulesError extends Error {
  readonly code = 'RULES_ERROR' as const;
  constructor(readonly issues: RulesIssue[]) {
    super(issues.slice(0, 20).map((i) => `${i.file}${i.path ? ` at ${i.path}` : ''}: ${i.message}`).join('\n')
      + (issues.length > 20 ? `\n… and ${issues.length - 20} more` : ''));
    this.name = 'RulesError';
  }
}

/** The rules shipped with the package. */
export const DEFAULT_RULES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../rules');

const MAX_FILE_BYTES = 2 * 1024 * 1024;

function readBytes(dir: string, file: string, issues: RulesIssue[]): Buffer | undefined {
  const full = join(dir, file);
  try {
    const st = lstatSync(full);
    if (!st.isFile()) { issues.push({ file, path: '', message: 'not a regular file (links are not followed)' }); return undefined; }
    if (st.size > MAX_FILE_BYTES) { issues.push({ file, path: '', message: `file too large (${st.size} bytes; at most ${MAX_FILE_BYTES})` }); return undefined; }
    return readFileSync(full);
  } catch (e) {
    issues.push({ file, path: '', message: `cannot read: ${(e as Error).message}` });
    return undefined;
  }
}

/**
 * A rules directory as read: each JSON file's bytes (in name order, general/ last), and the hash of them all.
 * The bytes are hashed as they are: checking the snapshot parses nothing but the snapshot.
 */
export interface RulesRead { files: [string, Buffer][]; digest: string; issues: RulesIssue[] }

/** The files of a read directory, parsed; a file that is not JSON is an issue naming it. */
export function parseRulesFiles(read: RulesRead, issues: RulesIssue[]): [string, unknown][] {
  const raw: [string, unknown][] = [];
  for (const [file, bytes] of read.files) {
    const text = bytes.toString('utf8');
    try {
      raw.push([file, JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)]);
    } catch (e) {
      issues.push({ file, path: '', message: `not valid JSON: ${(e as Error).message}` });
    }
  }
  return raw;
}

export function readRulesDir(dir: string): RulesRead {
  const issues: RulesIssue[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch (e) {
    throw new RulesError([{ file: dir, path: '', message: `cannot read the rules directory: ${(e as Error).message}` }]);
  }
  const hash = createHash('sha256');
  // general/ must be a real directory: links are never followed (no loops, nothing outside the tree).
  let generalFiles: string[] = [];
  if (entries.includes('general')) {
    if (!lstatSync(join(dir, 'general')).isDirectory()) issues.push({ file: 'general', path: '', message: 'not a directory (links are not followed)' });
    else generalFiles = readdirSync(join(dir, 'general')).sort().filter((f) => f.endsWith('.json')).map((f) => `general/${f}`);
  }
  const files = [...entries.filter((f) => f.endsWith('.json')), ...generalFiles];
  const read: [string, Buffer][] = [];
  for (const file of files) {
    const bytes = readBytes(dir, file, issues);
    if (bytes === undefined) continue;
    hash.update(file).update('\0').update(bytes).update('\0');
    read.push([file, bytes]);
  }
  return { files: read, digest: `sha256:${hash.digest('hex')}`, issues };
}

/**
 * The shipped rules as checked at build time (npm run build): used only when the files read now hash to the
 * same value, so an edited file is always validated again. It saves the zod validation at every start-up.
 */
export const SNAPSHOT_FILE = resolve(dirname(fileURLToPath(import.meta.url)), '../rules.snapshot.json');

export interface Snapshot { hash: string; rules: Omit<Rules, 'provisions' | 'articles' | 'aliases'> & { provisions: Provision[]; articles: Article[]; aliases: [string, string][] } }

export function fromSnapshot(file: string, hash: string): Rules | null {
  let snap: Snapshot;
  try {
    snap = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  } catch {
    return null; // no snapshot (a source checkout, a custom build): validate as usual
  }
  if (snap.hash !== hash) return null;
  const r = snap.rules;
  return { ...r, provisions: new Map(r.provisions.map((p) => [p.ref, uniformProvision(p)])), articles: new Map(r.articles.map((a) => [a.article, a])), aliases: new Map(r.aliases) };
}

/**
 * The shipped rules from the build's snapshot, if `dir` is the shipped directory and its files still hash the
 * same; null otherwise (then load.ts reads and validates them, given `read` so as not to read them twice).
 */
export function rulesFromSnapshot(dir: string): { rules: Rules | null; read: RulesRead } {
  const read = readRulesDir(dir);
  const rules = resolve(dir) === DEFAULT_RULES_DIR && read.issues.length === 0 ? fromSnapshot(SNAPSHOT_FILE, read.digest) : null;
  return { rules, read };
}
