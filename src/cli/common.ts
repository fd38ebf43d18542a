// What every command shares: exit codes, the two kinds of error a user can meet, the rules, dates and input files.
import { isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { QuantumError } from '../core/contract.js';
import type { Lang, Rules } from '../core/model.js';
import { MESSAGES } from '../messages/index.js';
import { DEFAULT_RULES_DIR, issueLines, type RulesError, rulesFromSnapshot, type SnapshotOptions } from '../rules/read.js';
import { parseUserDate } from '../io/dates.js';

export const EXIT = { ok: 0, input: 1, usage: 2, internal: 70, sigint: 130, sigpipe: 141, sigterm: 143 } as const;

export interface Common { rules?: string; lang: Lang; json: boolean }

/** A usage error (exit 2): a message key of src/messages (cli.usage) and its figures, put into words at the end. */
// The commands that answer one question (eval, show, list) are a bundle of their own (scripts/bundle.mjs), with
// their own copy of these classes: an error is recognised by its name, never by instanceof.
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(readonly key: string, readonly params: Record<string, unknown> = {}) { super(key); }
  text(lang: Lang): string {
    const phrase = MESSAGES[lang].cli.usage[this.key];
    return phrase ? phrase(this.params) : this.key;
  }
}

/**
 * An input error (exit 1): printed once, as the chosen format says (JSON on stdout, text on stderr). `lines`: its
 * message as the separate problems it lists (a RULES_ERROR's issues), which text shows one per line.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(readonly error: QuantumError, readonly id: string | null = null, readonly lines?: readonly string[]) { super(error.message); }
}
export const isInputError = (e: unknown): e is InputError => e instanceof Error && e.name === 'InputError';
export const isUsageError = (e: unknown): e is UsageError => e instanceof Error && e.name === 'UsageError';

export function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A date option as written (YYYY-MM-DD or DD/MM/YYYY); a wrong or impossible date is a usage error. */
export function dateOption(name: string, v: unknown): string | undefined {
  if (v === undefined) return undefined;
  const iso = parseUserDate(String(v));
  if (!iso) throw new UsageError('U_DATE', { name: `--${name}`, value: String(v) });
  return iso;
}

/**
 * A date option of the catalogue commands (show, list, diff): read as dateOption, and within the dates quantum
 * takes (1900 to 2199, as eval and the contract): outside, an input error naming the option, as in eval.
 */
export function catalogueDate(name: string, v: unknown, lang: Lang): string | undefined {
  const iso = dateOption(name, v);
  if (iso && (iso < '1900-01-01' || iso > '2199-12-31')) {
    throw new InputError({ code: 'INVALID_CASE', path: name, message: MESSAGES[lang].errors.E_OPTION_DATE_RANGE({ name: `--${name}` }) });
  }
  return iso;
}

/** A whole-number option within bounds. */
export function wholeOption(name: string, v: unknown, min: number, max?: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || (max !== undefined && v > max)) throw new UsageError('U_WHOLE', { name, min, max });
  return v;
}

/** The narrowest --width text output takes (eval, show, list); the UI names it to a terminal too narrow for it. */
export const MIN_TEXT_WIDTH = 40;
/** The widest --width text output takes. */
const MAX_TEXT_WIDTH = 1000;
/**
 * The width text output fits: --width (checked), else the terminal's within the same bounds (a terminal narrower
 * than 40 columns gets 40-column lines, which it wraps), else 80 (eval, show, list, diff).
 */
export function textWidth(width: number | undefined): number {
  if (width !== undefined) return wholeOption('width', width, MIN_TEXT_WIDTH, MAX_TEXT_WIDTH);
  return Math.min(MAX_TEXT_WIDTH, Math.max(MIN_TEXT_WIDTH, process.stdout.columns || 80));
}

/** A RulesError, from this bundle or from the validating loader's (bundled apart, with its own copy of the class). */
const isRulesError = (e: unknown): e is RulesError => e instanceof Error && e.name === 'RulesError' && Array.isArray((e as RulesError).issues);
/** A RulesError as an input error: one message for JSON, and its issues apart, each a line of its own in text. */
function rulesInputError(e: unknown, lang: Lang): unknown {
  if (!isRulesError(e)) return e;
  const lines = issueLines(e.issues, lang);
  return new InputError({ code: 'RULES_ERROR', path: e.issues[0]?.file ?? null, message: lines.join('\n') }, null, lines);
}

export type FirstRead = ReturnType<typeof rulesFromSnapshot> & { dir: string; lang: Lang };
/** The shipped rules, unchanged since the build, from the build's snapshot, at once (rules: null otherwise). */
export function shippedRules(argv: Common, options: SnapshotOptions = {}): FirstRead {
  const dir = argv.rules ?? DEFAULT_RULES_DIR;
  try {
    return { ...rulesFromSnapshot(dir, options, argv.lang), dir, lang: argv.lang };
  } catch (e) {
    throw rulesInputError(e, argv.lang);
  }
}

/**
 * Any other rules directory: the validating loader (and zod) is imported only then, so most commands start sooner.
 * Its problems are worded in the command's language, as the read that found the first ones.
 */
export async function validatedRules(first: FirstRead): Promise<Rules> {
  try {
    // The cross-references too (penaltyOf to nothing, a loop of references, a fine over its class): a directory
    // `rules validate` refuses is refused by every command, never used half-checked.
    return (await import('../rules/checked.js')).loadCheckedRules(first.dir, { lang: first.lang, ...(first.read && { read: first.read }) });
  } catch (e) {
    throw rulesInputError(e, first.lang);
  }
}

/**
 * The rules of a command; `notes: false` when it never shows the versions' notes (they then stay on disk), `lazy`
 * when it looks at a few provisions only (each is parsed from the snapshot when first asked for).
 */
export async function loadRulesFor(argv: Common, options: SnapshotOptions = {}): Promise<Rules> {
  const first = shippedRules(argv, options);
  return first.rules ?? validatedRules(first);
}

/**
 * A file (or standard input for "-") read whole, but never more than `max` bytes: `--case /dev/zero` stops at the
 * limit with an error instead of filling the memory.
 */
export function readLimited(file: string, max: number, lang: Lang): string {
  const e = MESSAGES[lang].errors;
  // What cannot be read (missing, a directory, unreadable, too big) is a READ_ERROR; what was read and is not JSON, a PARSE_ERROR.
  const fail = (reason: string): never => { throw new InputError({ code: 'READ_ERROR', path: null, message: e.E_READ({ file, reason }) }); };
  let fd: number;
  try { fd = file === '-' ? 0 : openSync(file, 'r'); } catch (e) { return fail((e as NodeJS.ErrnoException).code ?? (e as Error).message); }
  try {
    if (file !== '-' && fstatSync(fd).isDirectory()) fail('EISDIR');
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(65536);
      let n: number;
      try { n = readSync(fd, buf, 0, buf.length, null); } catch (e) { if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue; if ((e as NodeJS.ErrnoException).code === 'EOF') break; return fail((e as NodeJS.ErrnoException).code ?? (e as Error).message); }
      if (n === 0) break;
      total += n;
      if (total > max) throw new InputError({ code: 'READ_ERROR', path: null, message: e.E_READ({ file, reason: '', tooBig: max }) });
      chunks.push(buf.subarray(0, n));
    }
    const bytes = Buffer.concat(chunks);
    // Bytes that are not UTF-8 would be read as U+FFFD, silently: refused, with the first line at fault.
    if (!isUtf8(bytes)) {
      const line = bytes.toString('latin1').split('\n').findIndex((l) => !isUtf8(Buffer.from(l, 'latin1'))) + 1;
      throw new InputError({ code: 'PARSE_ERROR', path: null, message: MESSAGES[lang].errors.E_UTF8({ line }) });
    }
    return bytes.toString('utf8').replace(/^\uFEFF/, '');
  } finally {
    if (file !== '-') closeSync(fd);
  }
}
