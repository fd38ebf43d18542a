// The engine: a pure function of (rules, case) -> result with a trace. No fs, no clock, no process. Each charge goes
// through the pipeline of law modules (charge.ts, pipeline.ts); the case's total is the concours (law/concours.ts).
// Speed lives outside: fast.ts passes a memoising charge evaluator, proven equal to this one by tests.
import type { Decimal } from 'decimal.js';
import type { Case, Charge, ChargeResult, ErrorResult, Outcome, Result, Step, Warning } from './contract.js';
import { CONTRACT_VERSION } from './contract.js';
import type { IsoDate, Lang, Rules } from './model.js';
import { say } from '../messages/index.js';
import { renderError, type ErrorDraft } from './errors.js';
import { deepFreeze } from './freeze.js';
import type { StepDraft } from './steps.js';
import { explain } from './explain.js';
import { FINISHERS, PREPARERS } from './pipeline.js';
import { evaluateCharge, isError, type ChargeOutcome } from './charge.js';
import { concours, type Part, type Totals } from './law/concours.js';
import { cumulation, type Cumulation } from './law/cumulation.js';
import type { CaseCtx, WarningDraft } from './law/types.js';

export interface EvaluateOptions {
  /** Today's date: the default date of facts and of judgment (the engine has no clock). */
  today: IsoDate;
  lang?: Lang;
  /** Include the per-charge steps and the trace (default true). */
  trace?: boolean;
  /** Small results for bulk use: versions without their source lists, default fields left out (default false). */
  lean?: boolean;
}

/** How a case evaluates each charge: the plain pipeline, or a memoising wrapper around it (fast.ts). */
export type ChargeEvaluator = (c: CaseCtx, charge: Charge, i: number) => ChargeOutcome;

const NO_PRIORS: readonly never[] = Object.freeze([]);

function fail(c: Case, e: ErrorDraft, lang: Lang): ErrorResult {
  return { contract: CONTRACT_VERSION, id: c.id ?? null, ok: false, error: renderError(e, lang) };
}

export function caseContext(rules: Rules, c: Case, options: EvaluateOptions): CaseCtx {
  return {
    rules, lang: options.lang ?? 'fr', trace: options.trace !== false, lean: options.lean === true,
    date: c.date ?? options.today, judgment: c.judgmentDate ?? options.today, judgmentDefault: c.judgmentDate === undefined, legal: c.offender?.type === 'legal',
    birthDate: c.offender?.birthDate ?? null, priors: [], warnings: [],
  };
}

export function evaluateCase(rules: Rules, c: Case, options: EvaluateOptions, evaluate: ChargeEvaluator = evaluateCharge): Outcome {
  const ctx = caseContext(rules, c, options);
  const priors = c.offender?.priors ?? NO_PRIORS;
  for (let k = 0; k < PREPARERS.length; k++) {
    const e = PREPARERS[k]!.prepare!(ctx, priors);
    if (e) return fail(c, e, ctx.lang);
  }
  const charges: ChargeResult[] = [];
  // Each charge's fine as computed, exact (the result shows it cut to the cent), for 132-3 and 132-7.
  const fines: (Decimal | null)[] = [], finesWithoutExcuse: (Decimal | null)[] = [];
  const drafts: (readonly StepDraft[])[] | null = ctx.trace ? [] : null;
  for (let i = 0; i < c.charges.length; i++) {
    const r = evaluate(ctx, c.charges[i]!, i);
    if (isError(r)) return fail(c, r, ctx.lang);
    charges.push(r.result);
    fines.push(r.fine);
    finesWithoutExcuse.push(r.fineWithoutExcuse);
    drafts?.push(r.steps ?? []);
  }
  for (let k = 0; k < FINISHERS.length; k++) FINISHERS[k]!.finish!(ctx);
  const plan = cumulation(ctx, c.charges, charges);
  if ('key' in plan) return fail(c, plan, ctx.lang);
  const totals = concours(ctx, charges, fines, plan);
  withoutExcuse(ctx, totals, charges, fines, finesWithoutExcuse, plan);
  // A charge whose law of that date is not held is left out of the total: the total says so, never "none".
  const notHeld = charges.filter((ch) => ch.reason === 'LAW_NOT_HELD').map((ch) => ch.ref);
  if (notHeld.length) totals.total.notComputed = notHeld;
  const result: Result = {
    contract: CONTRACT_VERSION, id: c.id ?? null, ok: true, dataset: rules.dataset,
    date: ctx.date, judgmentDate: ctx.judgment, offender: ctx.legal ? 'legal' : 'natural',
    charges, total: totals.total, arithmetic: totals.arithmetic, warnings: warningList(ctx.warnings, ctx.lang, ctx.lean),
  };
  if (c.judgmentDate === undefined) result.judgmentDateDefault = true;
  if (c.date === undefined) result.dateDefault = true;
  if (!ctx.lean) addTrace(result, drafts, totals.steps, ctx.lang);
  return result;
}

/**
 * When the court may set a minor's excuse aside on some charge (CJPM L121-7): the total then, each such charge at
 * its maxima without the excuse, the others as they are.
 */
function withoutExcuse(ctx: CaseCtx, totals: Totals, charges: ChargeResult[], fines: (Decimal | null)[], without: (Decimal | null)[], plan: Cumulation): void {
  if (!charges.some((ch) => ch.withoutExcuse)) return;
  const parts: Part[] = charges.map((ch) => (ch.withoutExcuse ? { ref: ch.ref, punishable: ch.punishable, nature: ch.nature, prison: ch.withoutExcuse.prison, fine: ch.withoutExcuse.fine } : ch));
  const alt = concours(ctx, parts, charges.map((ch, i) => (ch.withoutExcuse ? without[i]! : fines[i]!)), plan, false);
  totals.total.withoutExcuse = { prison: alt.total.prison, fine: alt.total.fine, ...(alt.total.prisonParts && { prisonParts: alt.total.prisonParts }) };
  totals.steps?.push({ rule: 'L121-7', code: 'TOTAL_WITHOUT_EXCUSE', params: { prison: alt.total.prison, fine: alt.total.fine } });
}

/** The per-charge steps and the trace, in words. */
function addTrace(result: Result, drafts: (readonly StepDraft[])[] | null, totalSteps: StepDraft[] | null, lang: Lang): void {
  const render = (s: StepDraft, ref?: string): Step => {
    const step: Step = { rule: s.rule, code: s.code, text: explain(s, lang) };
    if (ref) step.ref = ref;
    if (s.params) step.params = s.params;
    return step;
  };
  result.charges.forEach((ch, i) => { ch.steps = drafts ? drafts[i]!.map((s) => render(s)) : []; });
  result.trace = drafts ? [
    ...result.charges.flatMap((ch, i) => drafts[i]!.map((s) => render(s, ch.ref))),
    ...(totalSteps ?? []).map((s) => render(s)),
  ] : [];
}

/**
 * The start of every result's list of warnings. A `[]` literal is an array of small integers to V8, a list of
 * warnings an array of objects: two hidden classes, and code compiled for the first deoptimises at the first
 * warning. This array once held an object, so its copies are arrays of objects, empty or not.
 */
const NO_WARNINGS: Warning[] = [{} as Warning];
NO_WARNINGS.pop();
function warningList(drafts: WarningDraft[], lang: Lang, lean: boolean): Warning[] {
  const out = NO_WARNINGS.slice();
  if (drafts.length) for (const w of dedupe(drafts)) out.push(renderWarning(w, lang, lean));
  return out;
}

const renderedWarnings = new Map<string, Warning>();
/** A warning in words; the same warning recurs across a batch, so it is rendered once, frozen and shared. */
function renderWarning(w: WarningDraft, lang: Lang, lean: boolean): Warning {
  if (w.rendered && w.rendered.lang === lang && w.rendered.lean === lean) return w.rendered.warning;
  const k = `${lang}|${lean ? 1 : 0}|${w.code}|${w.key}|${w.ref}|${w.status ?? ''}|${JSON.stringify(w.params ?? null)}`;
  let out = renderedWarnings.get(k);
  if (!out) {
    out = { code: w.code, ref: w.ref, message: say(lang, 'warnings', w.key, w.params) };
    if (w.status) out.status = w.status;
    if (renderedWarnings.size > 10_000) renderedWarnings.clear();
    renderedWarnings.set(k, Object.freeze(out));
  }
  w.rendered = { lang, lean, warning: out };
  return out;
}

function dedupe(ws: WarningDraft[]): WarningDraft[] {
  if (ws.length < 2) return ws;
  const seen = new Set<string>();
  return ws.filter((w) => {
    const k = (w.dedupeKey ??= `${w.key}|${w.ref}|${w.params?.from ?? ''}|${w.params?.article ?? ''}`);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export { deepFreeze };
