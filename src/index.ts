// The library API: load the law, evaluate cases. Typed with the contract's types.
import type { Case, Outcome } from './core/contract.js';
import type { Lang, Rules } from './core/model.js';
import { CONTRACT_VERSION } from './core/contract.js';
import { evaluateCase } from './core/engine.js';
import { parseCase } from './io/case.js';

export { loadRules, RulesError, DEFAULT_RULES_DIR } from './rules/load.js';
export { parseCase } from './io/case.js';
export { parseRef, resolveRef } from './core/refs.js';
export type * from './core/contract.js';
export type { Rules, Provision, Version, Lang } from './core/model.js';

export interface EvaluateOptions {
  /** Default date of facts and of judgment; defaults to today's date (UTC). */
  today?: string;
  lang?: Lang;
  trace?: boolean;
  /** Most charges accepted in one case (default 10 000). */
  maxCharges?: number;
  /** Small results for bulk use (no trace, no source lists, default fields left out). */
  lean?: boolean;
  /** With lean: reuse identical charges' results (default true). */
  memo?: boolean;
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Evaluates one case (validated here: untrusted input is fine). Never throws for bad input. */
export function evaluate(rules: Rules, input: unknown, options: EvaluateOptions = {}): Outcome {
  const parsed = parseCase(input, options.maxCharges);
  if (!parsed.ok) return { contract: CONTRACT_VERSION, id: parsed.id, ok: false, error: parsed.error };
  return evaluateCase(rules, parsed.case as Case, {
    today: options.today ?? todayIso(), lang: options.lang ?? 'fr', trace: options.trace ?? !options.lean,
    ...(options.lean !== undefined && { lean: options.lean }), ...(options.memo !== undefined && { memo: options.memo }),
  });
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
