// The API over loaded rules: evaluate cases, resolve refs, search and describe the catalogue. Typed with the
// contract's types (docs/contract.md). The command line and the terminal UI use this API and nothing deeper; the
// library's entry point (index.ts) adds loadRules, which brings zod's validating API: the CLI loads that only when
// the build's snapshot of the rules is stale, so that `quantum eval` does not pay for it.
import type { Case, Outcome, QuantumError } from './core/contract.js';
import type { Item, Lang, Provision, Rules } from './core/model.js';
import { CONTRACT_VERSION } from './core/contract.js';
import { evaluateCase } from './core/engine.js';
import { evaluateCaseFast } from './core/fast.js';
import { parseRef as parseRefWith, resolveRef } from './core/refs.js';
import { renderError } from './core/errors.js';
import { isByPredicate, PENAL_CODE, qualify } from './core/model.js';
import { parseCase } from './io/case.js';
import { say } from './messages/index.js';
import type { Aggravation } from './core/model.js';
import { describeProvision as describeOn, type ProvisionView, searchAggravations as aggravationsFor, searchRefs as refsFor } from './core/describe.js';

export { parseCase } from './io/case.js';
export { parseRef, canonical } from './core/refs.js';
export { compareRefs, sortByRef, kindOf, type ProvisionView } from './core/describe.js';
export { FORMATS, type FormatName } from './io/formats.js';
export type * from './core/contract.js';
export type { Rules, Provision, Version, Lang, Code } from './core/model.js';

export interface EvaluateOptions {
  /** Default date of facts and of judgment (YYYY-MM-DD); defaults to today's date (UTC). */
  today?: string;
  lang?: Lang;
  trace?: boolean;
  /** Most charges accepted in one case (default 10 000). */
  maxCharges?: number;
  /** Small results for bulk use (no trace, no source lists, default fields left out). */
  lean?: boolean;
  /** With lean: reuse identical charges' results, frozen (default true). */
  memo?: boolean;
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

const optionError = (lang: Lang, path: string, key: string, params: Record<string, unknown> = {}): Outcome =>
  ({ contract: CONTRACT_VERSION, id: null, ok: false, error: { code: 'INVALID_CASE', path, message: say(lang, 'errors', key, params) } });

/** The options (read once by optionsOnce), checked: a wrong one is an error result naming it, never a silent default. */
function checkOptions(o: EvaluateOptions): Outcome | null {
  const lang: Lang = o.lang === 'en' ? 'en' : 'fr';
  if (o.lang !== undefined && o.lang !== 'fr' && o.lang !== 'en') return optionError(lang, 'options.lang', 'E_OPTION_LANG', { value: JSON.stringify(o.lang) });
  if (o.today !== undefined && (typeof o.today !== 'string' || !isIsoDate(o.today) || o.today < '1900-01-01' || o.today > '2199-12-31')) return optionError(lang, 'options.today', 'E_OPTION_TODAY', { value: JSON.stringify(o.today) });
  if (o.maxCharges !== undefined && (!Number.isInteger(o.maxCharges) || o.maxCharges < 1)) return optionError(lang, 'options.maxCharges', 'E_OPTION_MAX', { value: String(o.maxCharges) });
  for (const k of ['trace', 'lean', 'memo'] as const) if (o[k] !== undefined && typeof o[k] !== 'boolean') return optionError(lang, `options.${k}`, 'E_OPTION_BOOL', { name: k });
  // A lean result has no trace: asking for both would drop one unsaid.
  if (o.lean === true && o.trace === true) return optionError(lang, 'options.trace', 'E_OPTION_LEAN_TRACE');
  return null;
}
const isIsoDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/**
 * The case as plain JSON data: its own properties only (nothing inherited through a prototype), getters read once,
 * proxies unwrapped; input that JSON cannot hold (a cycle, a BigInt, a throwing getter) is refused.
 */
function plainCase(input: unknown, lang: Lang): { ok: true; value: unknown } | { ok: false; error: Outcome } {
  try {
    return { ok: true, value: input === undefined ? undefined : JSON.parse(JSON.stringify(input)) };
  } catch (e) {
    // JSON.stringify's own words (English) for what it cannot hold are said in the user's language.
    const key = e instanceof TypeError && /circular/i.test(e.message) ? 'E_NOT_PLAIN_CYCLE' : e instanceof TypeError && /BigInt/.test(e.message) ? 'E_NOT_PLAIN_BIGINT' : 'E_NOT_PLAIN';
    return { ok: false, error: { contract: CONTRACT_VERSION, id: null, ok: false, error: { code: 'INVALID_CASE', path: null, message: say(lang, 'errors', key, { detail: detailOf(e) }) } } };
  }
}

/** A thrown value's first line, whatever was thrown (null, a number, an object whose getters throw). */
function detailOf(e: unknown): string {
  try {
    const m = e !== null && typeof e === 'object' && 'message' in e ? (e as { message: unknown }).message : e;
    return String(m).split('\n')[0]!.slice(0, 200);
  } catch {
    return '?';
  }
}

/** The options read once, each getter once (a later read could differ), or the error their reading gave. */
const OPTION_NAMES = ['lang', 'today', 'maxCharges', 'trace', 'lean', 'memo'];
function optionsOnce(o: EvaluateOptions): EvaluateOptions | Outcome {
  if (o === null || typeof o !== 'object') return optionError('fr', 'options', 'E_OPTIONS');
  try {
    const { lang, today, maxCharges, trace, lean, memo } = o;
    // An option misspelt ({ langue: 'en' }) would be ignored unseen: refused, named.
    const unknown = Object.keys(o).find((k) => !OPTION_NAMES.includes(k));
    if (unknown !== undefined) return optionError(lang === 'en' ? 'en' : 'fr', `options.${unknown}`, 'E_OPTION_UNKNOWN', { name: JSON.stringify(unknown), known: OPTION_NAMES.join(', ') });
    return { lang, today, maxCharges, trace, lean, memo };
  } catch (e) {
    return optionError('fr', 'options', 'E_NOT_PLAIN', { detail: detailOf(e) });
  }
}

/** Whether a value is rules as loadRules returns them (a wrong first argument is an error result, not a TypeError). */
const isRules = (r: unknown): r is Rules => {
  if (r === null || typeof r !== 'object') return false;
  const x = r as Partial<Rules>;
  return typeof x.provisions?.get === 'function' && typeof x.articles?.get === 'function' && Array.isArray(x.codes)
    && typeof x.dataset?.hash === 'string' && typeof x.recidive === 'object' && x.recidive !== null && typeof x.aggravations === 'object' && x.aggravations !== null;
};

/** Evaluates one case (validated here: untrusted input is fine). Never throws for bad input: an error result. */
export function evaluate(rules: Rules, input: unknown, given: EvaluateOptions = {}): Outcome {
  const read = optionsOnce(given);
  if ('contract' in read) return read;
  const options = read;
  const bad = checkOptions(options);
  if (bad) return bad;
  const lang = options.lang ?? 'fr';
  if (!isRules(rules)) return optionError(lang, 'rules', 'E_RULES_ARG');
  const plain = plainCase(input, lang);
  if (!plain.ok) return plain.error;
  const parsed = parseCase(plain.value, { ...(options.maxCharges !== undefined && { maxCharges: options.maxCharges }), owned: true, lang });
  if (!parsed.ok) return { contract: CONTRACT_VERSION, id: parsed.id, ok: false, error: parsed.error };
  const opts = { today: options.today ?? todayIso(), lang, trace: options.trace ?? !options.lean, lean: options.lean === true, memo: options.memo !== false };
  try {
    return opts.lean ? evaluateCaseFast(rules, parsed.case as Case, opts) : evaluateCase(rules, parsed.case as Case, opts);
  } catch (e) {
    // Rules that only look like loadRules' (or a defect): an error result, never a throw.
    return { contract: CONTRACT_VERSION, id: parsed.case.id ?? null, ok: false, error: { code: 'INVALID_CASE', path: null, message: say(lang, 'errors', 'E_INTERNAL', { detail: detailOf(e) }) } };
  }
}

/**
 * Evaluates cases from any iterable or async iterable (an array, a generator, a stream of parsed lines),
 * yielding one outcome per case, in order. Bad cases yield error outcomes; nothing is skipped.
 */
export async function* evaluateMany(
  rules: Rules,
  cases: Iterable<unknown> | AsyncIterable<unknown>,
  options: EvaluateOptions = {},
): AsyncGenerator<Outcome, void, undefined> {
  // The options read once (a getter that throws, null): an error result, as evaluate gives; today fixed for the run.
  const read = optionsOnce(options);
  if ('contract' in read) { yield read; return; }
  const opts = { ...read, today: read.today ?? todayIso() };
  if (cases === null || typeof cases !== 'object' || !(Symbol.iterator in cases || Symbol.asyncIterator in cases)) {
    yield optionError(read.lang === 'en' ? 'en' : 'fr', 'cases', 'E_CASES_ITERABLE');
    return;
  }
  // A plain iterable is read without awaiting its items: a case is data, never a promise to resolve (an object with
  // a `then` method is evaluated as it is, like evaluate does, not followed).
  if (Symbol.iterator in Object(cases)) {
    for (const c of cases as Iterable<unknown>) yield evaluate(rules, c, opts);
    return;
  }
  for await (const c of cases) yield evaluate(rules, c, opts);
}

/** The provision a ref names (forgiving input, docs/contract.md "Refs"), or an error in words. */
export function resolve(rules: Rules, ref: string, lang: Lang = 'fr'): { ok: true; ref: string; provision: Provision; items?: Item[] } | { ok: false; error: QuantumError } {
  rulesOf('resolve', rules);
  langOf('resolve', lang);
  if (typeof ref !== 'string') throw new TypeError(say('fr', 'errors', 'E_ARG_REF', { fn: 'resolve', got: ref === null ? 'null' : typeof ref }));
  const r = resolveRef(rules, ref, 'ref');
  // `items`: the subdivisions the ref names within its provision (presse 24 al. 6), when it names one.
  return r.ok ? { ok: true, ref: r.ref, provision: r.provision, ...(r.items && { items: r.items }) } : { ok: false, error: renderError(r.error, lang) };
}

/** Whether a provision's penalty follows another offence that the charge must name (450-1; 324-4 when required). */
export function needsPredicate(p: Provision): boolean {
  return p.versions.some((v) => v.penalty && (isByPredicate(v.penalty) || ('heavierPredicate' in v.penalty && v.penalty.heavierPredicate?.required === true)));
}

/** The provisions of the article a ref names on its own ("323-3-2"): each tier, offences first; none otherwise. */
export function articleOf(rules: Rules, ref: string): Provision[] {
  const p = parseRefWith(ref, rules.codes);
  if (!p || p.subs.length) return [];
  const article = rules.articles.get(qualify(p.code ?? PENAL_CODE, p.article));
  if (!article) return [];
  const all = article.refs.map((r) => rules.provisions.get(r)!);
  return [...all.filter((x) => x.kind === 'offence'), ...all.filter((x) => x.kind !== 'offence')];
}

/**
 * A ref that names no provision, or several, given to describeProvision: `error` is what evaluate would say of it
 * (UNKNOWN_PROVISION, AMBIGUOUS_PROVISION with its suggestions…).
 */
export class ProvisionError extends Error {
  override readonly name = 'ProvisionError';
  constructor(readonly error: QuantumError) { super(error.message); }
}

/** A catalogue function's argument as a user gives it; anything else is a TypeError that says what is expected. */
function wordsOf(fn: string, words: unknown): string[] {
  if (typeof words === 'string') return [words];
  if (Array.isArray(words) && words.every((w) => typeof w === 'string')) return words as string[];
  throw new TypeError(say('fr', 'errors', 'E_ARG_WORDS', { fn, got: words === null ? 'null' : Array.isArray(words) ? 'array' : typeof words }));
}
/** A language the messages hold, or a TypeError naming the function (an unknown one would fail deep inside). */
function langOf(fn: string, lang: unknown): Lang {
  if (lang === 'fr' || lang === 'en') return lang;
  throw new TypeError(say('fr', 'errors', 'E_ARG_LANG', { fn, got: JSON.stringify(lang) ?? String(lang) }));
}
function rulesOf(fn: string, rules: unknown): Rules {
  if (!isRules(rules)) throw new TypeError(`${fn} : ${say('fr', 'errors', 'E_RULES_ARG')}`);
  return rules;
}

/**
 * The provisions that match words, best first (an exact ref, then whole words, then beginnings): `words` is what a
 * user types, a string ("blanchiment aggravé", "225-8") or its words (["blanchiment", "aggravé"]).
 */
export function searchProvisions(rules: Rules, words: string | readonly string[]): Provision[] {
  const r = rulesOf('searchProvisions', rules);
  return refsFor(r, wordsOf('searchProvisions', words)).map((ref) => r.provisions.get(ref)!);
}

/** searchProvisions' refs, in the same order, making only the provisions asked for (a long list shown a screen at a time). */
export function searchRefs(rules: Rules, words: string | readonly string[]): string[] {
  return refsFor(rulesOf('searchRefs', rules), wordsOf('searchRefs', words));
}

/** The general aggravations (132-76, 421-3…) whose article or label holds every word. */
export function searchAggravations(rules: Rules, words: string | readonly string[]): Aggravation[] {
  return aggravationsFor(rulesOf('searchAggravations', rules), wordsOf('searchAggravations', words));
}

/**
 * A provision as the catalogue shows it on a date (default: today): its version then, penalty, class. `provision` is
 * a Provision (from searchProvisions, resolve) or a ref as a user writes it ("450-1", "art. 323-3-2, III"); a ref
 * that names none or several throws a ProvisionError saying which (in `lang`), a date that is not YYYY-MM-DD a
 * TypeError.
 */
export function describeProvision(rules: Rules, provision: Provision | string, date: string = todayIso(), lang: Lang = 'fr'): ProvisionView {
  const r = rulesOf('describeProvision', rules);
  langOf('describeProvision', lang);
  if (typeof date !== 'string' || !isIsoDate(date)) throw new TypeError(say(lang, 'errors', 'E_ARG_DATE', { fn: 'describeProvision', value: JSON.stringify(date) }));
  if (typeof provision === 'string') {
    const found = resolve(r, provision, lang);
    if (!found.ok) throw new ProvisionError(found.error);
    return describeOn(r, found.provision, date);
  }
  if (provision === null || typeof provision !== 'object' || !Array.isArray((provision as Provision).versions)) {
    throw new TypeError(say(lang, 'errors', 'E_ARG_PROVISION', { fn: 'describeProvision' }));
  }
  return describeOn(r, provision, date);
}
