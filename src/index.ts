// The library API: load the law, evaluate cases, search and describe the catalogue. Typed with the contract's
// types (docs/contract.md). The command line and the terminal UI use this API and nothing deeper.
import type { Case, Outcome, QuantumError } from './core/contract.js';
import type { Lang, Provision, Rules } from './core/model.js';
import { CONTRACT_VERSION } from './core/contract.js';
import { evaluateCase } from './core/engine.js';
import { evaluateCaseFast } from './core/fast.js';
import { parseRef as parseRefWith, resolveRef } from './core/refs.js';
import { renderError } from './core/errors.js';
import { isByPredicate, PENAL_CODE, qualify } from './core/model.js';
import { parseCase } from './io/case.js';

export { loadRules, RulesError, DEFAULT_RULES_DIR } from './rules/load.js';
export { parseCase } from './io/case.js';
export { parseRef, canonical } from './core/refs.js';
export { describeProvision, searchProvisions, compareRefs, type ProvisionView } from './core/describe.js';
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

/** Evaluates one case (validated here: untrusted input is fine). Never throws for bad input. */
export function evaluate(rules: Rules, input: unknown, options: EvaluateOptions = {}): Outcome {
  const lang = options.lang ?? 'fr';
  const parsed = parseCase(input, { ...(options.maxCharges !== undefined && { maxCharges: options.maxCharges }), lang });
  if (!parsed.ok) return { contract: CONTRACT_VERSION, id: parsed.id, ok: false, error: parsed.error };
  const opts = { today: options.today ?? todayIso(), lang, trace: options.trace ?? !options.lean, lean: options.lean === true, memo: options.memo !== false };
  return opts.lean ? evaluateCaseFast(rules, parsed.case as Case, opts) : evaluateCase(rules, parsed.case as Case, opts);
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
  const opts = { ...options, today: options.today ?? todayIso() };
  for await (const c of cases) yield evaluate(rules, c, opts);
}

/** The provision a ref names (forgiving input, docs/contract.md "Refs"), or an error in words. */
export function resolve(rules: Rules, ref: string, lang: Lang = 'fr'): { ok: true; ref: string; provision: Provision } | { ok: false; error: QuantumError } {
  const r = resolveRef(rules, ref, 'ref');
  return r.ok ? { ok: true, ref: r.ref, provision: r.provision } : { ok: false, error: renderError(r.error, lang) };
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
