// One charge: resolve the provision and its version, then fold over the pipeline of law modules (pipeline.ts).
import type { Decimal } from 'decimal.js';
import type { Charge, ChargeResult, VersionOut } from './contract.js';
import type { Version } from './model.js';
import { at } from './dates.js';
import { moneyString } from './money.js';
import { resolveRef, tierOn, type Resolution } from './refs.js';
import { draft, type ErrorDraft } from './errors.js';
import { deepFreeze } from './freeze.js';
import type { Steps } from './steps.js';
import { CHARGE_PIPELINE } from './pipeline.js';
import { usesInputs } from './law/special.js';
import type { CaseCtx, ChargeModule, ChargeState } from './law/types.js';

/** A charge's result, its steps, and its fines exact (the result cuts them to the cent), for the concours. */
export type ChargeOutcome = { result: ChargeResult; steps: Steps; fine: Decimal | null; fineWithoutExcuse: Decimal | null } | ErrorDraft;
export const isError = (o: ChargeOutcome): o is ErrorDraft => 'key' in o;

const versionOuts = new WeakMap<Version, VersionOut>();
const leanVersionOuts = new WeakMap<Version, VersionOut>();
/** The contract's view of a version: one frozen object per version, shared by every result that cites it. */
export function versionOut(v: Version, lean: boolean): VersionOut {
  const cache = lean ? leanVersionOuts : versionOuts;
  let out = cache.get(v);
  if (!out) {
    out = deepFreeze(lean ? { from: v.from, to: v.to, source: v.amendedBy, status: v.status } : { from: v.from, to: v.to, source: v.amendedBy, status: v.status, sources: v.sources });
    cache.set(v, out);
  }
  return out;
}

/** Nothing a user gave is silently dropped: an amount or predicate the provision never uses is an error. */
function unusedInput(c: CaseCtx, r: Extract<Resolution, { ok: true }>, charge: Charge, path: string): ErrorDraft | null {
  if (charge.amount === undefined && charge.predicate === undefined) return null;
  const uses = usesInputs(c.rules, r.provision);
  if (charge.amount !== undefined && !uses.amount) return draft('INVALID_CASE', `${path}.amount`, 'E_UNUSED_AMOUNT', { ref: r.ref });
  if (charge.predicate !== undefined && !uses.predicate) return draft('INVALID_CASE', `${path}.predicate`, 'E_UNUSED_PREDICATE', { ref: r.ref });
  return null;
}

/** A ref as the catalogue names it when it resolves, else as written (its error, if any, is reported elsewhere). */
function canonicalRef(rules: CaseCtx['rules'], text: string): string {
  const r = resolveRef(rules, text, '');
  return r.ok ? r.ref : text;
}

/** The charge's result, built with its keys in one order (one object shape; lean results leave defaults out). */
function chargeResult(s: ChargeState, c: CaseCtx, r: Extract<Resolution, { ok: true }>): ChargeResult {
  const { lean, lang } = c;
  const punishable = s.stop === null;
  const out: ChargeResult = {
    ref: s.ref, input: !lean || s.charge.ref !== s.ref ? s.charge.ref : undefined,
    label: (r.sharedTiers ? c.rules.articles.get(s.provision.article)!.label : s.provision.label)[lang],
    date: !lean || s.date !== c.date ? s.date : undefined,
    punishable, reason: s.stop, version: s.v0 ? versionOut(s.v0, lean) : null,
    nature: punishable ? s.nature : null, prison: punishable ? s.penalty.prison : null,
    fine: punishable && s.penalty.fine ? moneyString(s.penalty.fine) : null,
    attempt: !lean || s.charge.attempt ? s.charge.attempt === true : undefined,
    accomplice: !lean || s.charge.accomplice ? s.charge.accomplice === true : undefined,
    steps: !lean ? [] : undefined,
  };
  if (s.charge.predicate) {
    // As the ref: the catalogue's name of the predicate, and what was written when it differs.
    out.predicate = s.penalty.predicateRef ?? canonicalRef(c.rules, s.charge.predicate);
    if (out.predicate !== s.charge.predicate) out.predicateInput = s.charge.predicate;
  }
  if (s.repentis) out.repentis = s.repentis;
  if (s.minority) out.minority = s.minority;
  if (!punishable) return out;
  if (s.withoutExcuse) out.withoutExcuse = { prison: s.withoutExcuse.prison, fine: s.withoutExcuse.fine ? moneyString(s.withoutExcuse.fine) : null };
  if (s.prisonFrom !== s.v0 || s.fineFrom !== s.v0) out.appliedVersions = { prison: versionOut(s.prisonFrom!, lean), fine: versionOut(s.fineFrom!, lean) };
  if (s.recidive) out.recidive = s.recidive;
  if (s.aggravations) out.aggravations = s.aggravations;
  // Lean (batch) results leave the list out: it is reference material, not a figure of the case.
  const list = !lean ? s.v0!.complementary?.filter((x) => (x.persons ?? 'both') === 'both' || x.persons === (c.legal ? 'legal' : 'natural')) : undefined;
  if (list?.length) out.complementary = list.map((x) => ({ article: x.article, label: x.label[lang] }));
  if (s.penalty.tier) out.tier = s.penalty.tier[lang];
  if (s.fineNotComputed) out.fineNotComputed = true;
  if (s.safety) out.safetyPeriod = true;
  return out;
}

const NO_PENALTY = { prison: null, fine: null, contraventionFine: false };

/**
 * An article whose tiers differ is ambiguous, unless one tier alone was in force on the date of the facts: the article
 * then had that one (434-35-1 before 2025 was today's al. 2). It is taken, and a NOTE says so.
 */
function onlyTierThen(c: CaseCtx, r: Resolution, input: string, date: string): Resolution {
  const on = tierOn(c.rules, r, date, c.judgment);
  if (on && !on.sharedTiers) c.warnings.push({ code: 'NOTE', ref: on.ref, key: 'W_ONLY_TIER_THEN', params: { input: input.trim(), ref: on.ref, date } });
  return on ?? r;
}

/** A charge resolved and checked, ready for the pipeline; or the error that stops the case. */
export function startCharge(c: CaseCtx, charge: Charge, i: number): { s: ChargeState; r: Extract<Resolution, { ok: true }> } | ErrorDraft {
  const path = `charges[${i}]`;
  const date = charge.date ?? c.date;
  const r = onlyTierThen(c, resolveRef(c.rules, charge.ref, `${path}.ref`), charge.ref, date);
  if (!r.ok) return r.error;
  const { provision, ref } = r;
  if (provision.kind === 'rule') return draft('INVALID_CASE', `${path}.ref`, 'E_RULE_NOT_OFFENCE', { ref, rule: provision.rule ?? provision.label, targets: provision.appliesTo ?? [] });
  if (c.judgment < date) return draft('INVALID_CASE', charge.date ? `${path}.date` : 'judgmentDate', 'E_JUDGMENT_BEFORE_FACTS', { judgment: c.judgment, date, defaulted: c.judgmentDefault });
  const unused = unusedInput(c, r, charge, path);
  if (unused) return unused;
  if (r.within) c.warnings.push({ code: 'NOTE', ref, key: 'W_WITHIN_TIER', params: { ref, within: r.within } });
  const s: ChargeState = {
    charge, provision, ref, items: r.items, date, path, steps: c.trace ? [] : null,
    v0: null, chain: [], prisonFrom: null, fineFrom: null, penalty: NO_PENALTY, nature: null,
    natural: null, recidive: null, aggravations: null, fineNotComputed: false, safety: false, safetyBy: null, repentis: null, minority: null, withoutExcuse: null, stop: null, error: null,
  };
  return { s, r };
}

/** Folds a charge over the modules, in order, until one stops it (not punishable) or finds an error. */
export function runPipeline(s: ChargeState, c: CaseCtx, modules: readonly ChargeModule[] = CHARGE_PIPELINE): ErrorDraft | null {
  for (let k = 0; k < modules.length; k++) {
    modules[k]!.apply(s, c);
    if (s.error) return s.error;
    if (s.stop) break;
  }
  return null;
}

export function evaluateCharge(c: CaseCtx, charge: Charge, i: number): ChargeOutcome {
  const started = startCharge(c, charge, i);
  if ('key' in started) return started;
  const { s, r } = started;
  const e = runPipeline(s, c);
  if (e) return e;
  return { result: chargeResult(s, c, r), steps: s.steps, fine: s.stop ? null : s.penalty.fine, fineWithoutExcuse: s.stop ? null : s.withoutExcuse?.fine ?? null };
}
