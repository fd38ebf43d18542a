// The special part: the penalty one version of a provision sets, for a natural person, before any general rule.
// Its own figures, a contravention class (131-13), a tier that follows the offence referred to (450-1, 222-15), a
// fine raised to a share of a value (324-3), the penalties of a heavier offence of origin (324-4), or those of
// another article ("puni des peines prévues à l'article 434-10").
import type { Reason } from '../contract.js';
import type { ByPredicatePenalty, FineSpec, IsoDate, Label, Nature, Provision, Rules, Version } from '../model.js';
import { isByPredicate, isPenaltyOf } from '../model.js';
import { Money, moneyOf } from '../money.js';
import { at, inForce } from '../dates.js';
import { formsListing } from '../dependencies.js';
import { param, paramArticle } from '../params.js';
import { resolveRef } from '../refs.js';
import { comparePrison, prisonOut } from '../penalty.js';
import { draft, type ErrorDraft } from '../errors.js';
import type { StepDraft, Steps } from '../steps.js';
import { classify } from './classify.js';
import type { Penalty } from './types.js';

export type SpecialOutcome =
  | { ok: true; penalty: Penalty; steps: Steps; versions: Version[]; amountUse: AmountUse; fineSetAside: FineSetAside | null }
  | { ok: false; reason: Reason; steps: Steps; movedTo?: readonly string[] }
  | { ok: false; error: ErrorDraft };

/**
 * What a version makes of the case's `amount`: its proportional fine used it; lacks it (`required` when the text
 * sets no fixed figure, so the fine is missing); or the fine applied has no proportional part.
 */
export type AmountUse = { kind: 'used' } | { kind: 'none' } | { kind: 'missing'; required: boolean; ratio: string; base: Label; article: string }
  // 321-4, 324-4: the predicate's penalties replace the charge's; its fine may itself rise to a share of its proceeds.
  | { kind: 'replaced'; predicate: string; proportional: { ratio: string; base: Label; article: string } | null };
const USED: AmountUse = { kind: 'used' }, NONE: AmountUse = { kind: 'none' };

/** 321-4, 324-4: the charge's own fine, higher than the predicate's, that the predicate's penalties replaced. */
export interface FineSetAside { article: string; predicate: string; own: string; predicateFine: string | null }

export interface SpecialInput {
  ref: string;
  amount?: string | undefined;
  predicate?: string | undefined;
  /** JSON path of the charge, for errors. */
  path: string;
}

function fineOf(rules: Rules, spec: FineSpec | null, date: IsoDate, steps: Steps): { fine: Money | null; contravention: boolean } {
  if (!spec) return { fine: null, contravention: false };
  if ('class' in spec) {
    const table = param(rules, 'contraventionClassFines', date);
    const amount = table?.value[String(spec.class) as '1'];
    if (!table || amount === undefined) return { fine: null, contravention: true };
    steps?.push({ rule: paramArticle(rules, 'contraventionClassFines'), code: 'CONTRAVENTION_CLASS', params: { class: spec.class, fine: amount, status: table.status } });
    return { fine: moneyOf(amount), contravention: true };
  }
  return { fine: 'amount' in spec ? moneyOf(spec.amount) : null, contravention: false };
}

type Max = { ok: true; provision: Provision; ref: string; penalty: Penalty; nature: Nature; version: Version } | { ok: false; reason: Reason; steps: StepDraft[] } | { ok: false; error: ErrorDraft };

/** The maximum another offence carries on a date (a predicate, or the article whose penalties apply), plain. */
function otherMax(rules: Rules, refInput: string, date: IsoDate, path: string, seen: number): Max {
  const r = resolveRef(rules, refInput, path);
  if (!r.ok) return { ok: false, error: r.error };
  if (r.provision.kind === 'rule') return { ok: false, error: draft('INVALID_CASE', path, 'E_PREDICATE_RULE', { ref: r.ref }) };
  const v = at(r.provision.versions, date);
  if (!v || !v.penalty) return { ok: false, reason: 'PREDICATE_NOT_ELIGIBLE', steps: [{ rule: '112-1', code: 'PREDICATE_NOT_IN_FORCE', params: { predicate: r.ref, date } }] };
  if (seen > 4) return { ok: false, reason: 'PREDICATE_NOT_ELIGIBLE', steps: [{ rule: r.provision.article, code: 'PREDICATE_NEEDS_PREDICATE', params: { predicate: r.ref } }] };
  // A predicate whose own penalty follows another offence (224-5-2) is taken at its mildest tier: the case cannot
  // name the offence that one refers to.
  if (isByPredicate(v.penalty)) return mildestTier(rules, r.provision, r.ref, v, v.penalty.byPredicate, date, seen);
  if (isPenaltyOf(v.penalty)) return otherMax(rules, v.penalty.penaltyOf, date, path, seen + 1);
  const f = fineOf(rules, v.penalty.fine, date, null);
  const penalty: Penalty = { prison: prisonOut(v.penalty.prison), fine: f.fine, contraventionFine: f.contravention };
  return { ok: true, provision: r.provision, ref: r.ref, penalty, nature: classify(rules, penalty, date), version: v };
}

function mildestTier(rules: Rules, provision: Provision, ref: string, v: Version, spec: ByPredicatePenalty['byPredicate'], date: IsoDate, seen: number): Max {
  // A text that names the offences it refers to (323-3-1: 323-1 to 323-3): the penalties they reach on that date,
  // not a tier kept for older facts; otherwise every tier that sets its own penalty.
  const reached = spec.predicates ? reachedPenalties(rules, spec, date, seen) : [];
  const candidates = reached.length ? reached : spec.tiers.filter((t) => !t.predicatePenalty).map((t) => tierPenalty(rules, t, date));
  let best: Penalty | null = null;
  for (const penalty of candidates) if (!best || comparePrison(penalty.prison, best.prison) < 0) best = penalty;
  if (!best) return { ok: false, reason: 'PREDICATE_NOT_ELIGIBLE', steps: [{ rule: provision.article, code: 'PREDICATE_NEEDS_PREDICATE', params: { predicate: ref } }] };
  return { ok: true, provision, ref, penalty: best, nature: classify(rules, best, date), version: v };
}

type Tier = ByPredicatePenalty['byPredicate']['tiers'][number];
function tierPenalty(rules: Rules, t: Tier, date: IsoDate): Penalty {
  const f = fineOf(rules, t.fine, date, null);
  return { prison: prisonOut(t.prison), fine: f.fine, contraventionFine: f.contravention };
}

/** The penalties that the provisions of the articles a text names reach through its tiers on a date. */
function reachedPenalties(rules: Rules, spec: ByPredicatePenalty['byPredicate'], date: IsoDate, seen: number): Penalty[] {
  const out: Penalty[] = [];
  for (const article of spec.predicates ?? []) {
    for (const ref of rules.articles.get(article)?.refs ?? []) {
      const pm = otherMax(rules, ref, date, '', seen + 1);
      const t = pm.ok ? tierFor(rules, spec, pm, date) : undefined;
      if (t && pm.ok) out.push(t.predicatePenalty ? pm.penalty : tierPenalty(rules, t, date));
    }
  }
  return out;
}

/** The first tier whose condition the predicate's maximum meets. */
function tierFor(rules: Rules, spec: ByPredicatePenalty['byPredicate'], pm: Extract<Max, { ok: true }>, date: IsoDate): Tier | undefined {
  return spec.tiers.find((t) => {
    const w = t.when;
    if (w.nature && w.nature !== pm.nature) return false;
    if (w.life !== undefined && (pm.penalty.prison?.life ?? false) !== w.life) return false;
    if (w.minMonths !== undefined) {
      const p = pm.penalty.prison;
      if (!p || (!p.life && (p.months ?? 0) < w.minMonths)) return false;
    }
    if (w.circumstance && !(pm.provision.circumstances ?? []).includes(w.circumstance)) return false;
    if (w.organisedGangForm && !hasOrganisedGangForm(rules, pm.provision, pm.ref, date)) return false;
    return true;
  });
}

/** What one version of a provision sets for this charge (natural person, before the general rules). */
/** How many "peines prévues à l'article …" links a penalty may follow; `rules validate` refuses longer chains and cycles. */
export const MAX_PENALTY_OF_LINKS = 5;

export function specialPenalty(rules: Rules, provision: Provision, v: Version, input: SpecialInput, date: IsoDate, trace: boolean, depth = 0): SpecialOutcome {
  const spec = v.penalty!;
  const steps: Steps = trace ? [] : null;
  if (isByPredicate(spec)) return byPredicate(rules, spec.byPredicate, v, input, date, steps);
  if (isPenaltyOf(spec)) return penaltyOf(rules, provision, spec.penaltyOf, v, input, date, trace, depth);
  const f = fineOf(rules, spec.fine, date, steps);
  let penalty: Penalty = { prison: prisonOut(spec.prison), fine: f.fine, contraventionFine: f.contravention };
  steps?.push({ rule: provision.article, code: 'PENALTY', params: { prison: penalty.prison, fine: penalty.fine?.toFixed() ?? null } });
  let amountUse = NONE;
  // 324-3 and the like: the fixed fine may be raised to a share of a value the case gives; some texts set only that.
  if (spec.fine && 'proportional' in spec.fine && spec.fine.proportional) {
    const prop = spec.fine.proportional;
    if (input.amount !== undefined) {
      const share = new Money(input.amount).times(prop.ratio);
      const fine = penalty.fine === null || share.gt(penalty.fine) ? share : penalty.fine;
      steps?.push({ rule: prop.article, code: 'PROPORTIONAL_FINE', params: { ratio: prop.ratio, base: prop.base, amount: input.amount, share: share.toFixed(), fixed: penalty.fine?.toFixed() ?? null, fine: fine.toFixed() } });
      amountUse = USED;
      penalty = prop.legalPersons
        ? { prison: penalty.prison, fine, contraventionFine: penalty.contraventionFine, shareNotMultiplied: { share, fixed: penalty.fine, article: prop.legalPersons.article } }
        : { prison: penalty.prison, fine, contraventionFine: penalty.contraventionFine };
    } else {
      amountUse = { kind: 'missing', required: penalty.fine === null, ratio: prop.ratio, base: prop.base, article: prop.article };
      steps?.push({ rule: prop.article, code: penalty.fine === null ? 'PROPORTIONAL_ONLY_NOT_COMPUTED' : 'PROPORTIONAL_NOT_COMPUTED', params: { ratio: prop.ratio, base: prop.base } });
    }
  }
  if (v.nature) penalty = { ...penalty, nature: v.nature };
  if (spec.heavierPredicate) return heavierPredicate(rules, spec.heavierPredicate, v, penalty, input, date, steps, amountUse);
  return { ok: true, penalty, steps, versions: [v], amountUse, fineSetAside: null };
}

/**
 * "Puni des peines prévues à l'article …": the other provision's penalty on the same date, computed in full for this
 * charge (its proportional fine takes this charge's amount, its tiers this charge's predicate).
 */
function penaltyOf(rules: Rules, provision: Provision, ref: string, v: Version, input: SpecialInput, date: IsoDate, trace: boolean, depth: number): SpecialOutcome {
  const steps: Steps = trace ? [] : null;
  const r = resolveRef(rules, ref, `${input.path}.ref`);
  if (!r.ok) return { ok: false, error: r.error };
  const tv = at(r.provision.versions, date);
  if (!tv?.penalty || depth >= MAX_PENALTY_OF_LINKS) return { ok: false, reason: 'PENALTY_NOT_IN_FORCE', steps: steps && [{ rule: provision.article, code: 'PENALTY_OF_NOT_IN_FORCE', params: { other: r.ref, date } }] };
  const out = specialPenalty(rules, r.provision, tv, input, date, trace, depth + 1);
  if (!out.ok) return out;
  steps?.push({ rule: provision.article, code: 'PENALTY_OF', params: { other: r.ref, prison: out.penalty.prison, fine: out.penalty.fine?.toFixed() ?? null } });
  if (steps && out.steps) steps.push(...out.steps);
  return { ok: true, penalty: { ...out.penalty, predicateRef: out.penalty.predicateRef ?? r.ref }, steps, versions: [v, ...out.versions], amountUse: out.amountUse, fineSetAside: out.fineSetAside };
}

/**
 * 450-1 (2025): a crime "pour lequel la loi prévoit une répression aggravée en cas de commission en bande organisée":
 * one whose organised-gang forms the data lists, or one of those forms itself (222-4, 322-8 1°), on that date.
 */
function hasOrganisedGangForm(rules: Rules, p: Provision, ref: string, date: IsoDate): boolean {
  const inForceOn = (f: { from: IsoDate; to?: IsoDate | null | undefined }) => inForce({ from: f.from, to: f.to ?? null }, date);
  return (p.organisedGangForms ?? []).some(inForceOn) || [ref, p.ref].some((r) => formsListing(rules, r).some(inForceOn));
}

/** 450-1, 222-15: the penalty follows the offence referred to, by tiers. */
function byPredicate(rules: Rules, spec: ByPredicatePenalty['byPredicate'], v: Version, input: SpecialInput, date: IsoDate, steps: Steps): SpecialOutcome {
  if (!input.predicate) {
    // A text that names the offences it refers to: the example and the list come from it.
    const among = spec.predicates && spec.predicates.length <= 20 ? spec.predicates.join(', ') : null;
    return { ok: false, error: draft('MISSING_PREDICATE', `${input.path}.predicate`, 'E_MISSING_PREDICATE', { ref: input.ref, example: spec.predicates?.[0] ?? null, among }) };
  }
  const pm = otherMax(rules, input.predicate, date, `${input.path}.predicate`, 0);
  if (!pm.ok) return 'error' in pm ? pm : { ok: false, reason: pm.reason, steps: steps ? pm.steps : null };
  // The offence prepared or imposed is another one (450-1 preparing 450-1 would be its own measure).
  if (pm.provision.article === spec.article) return { ok: false, error: draft('INVALID_CASE', `${input.path}.predicate`, 'E_PREDICATE_SELF', { ref: input.ref, predicate: pm.ref }) };
  const tier = tierFor(rules, spec, pm, date);
  const pparams = { predicate: pm.ref, nature: pm.nature, prison: pm.penalty.prison, fine: pm.penalty.fine?.toFixed() ?? null };
  if (!tier || (spec.predicates && !spec.predicates.includes(pm.provision.article))) {
    steps?.push({ rule: spec.article, code: 'PREDICATE_NOT_ELIGIBLE', params: pparams });
    const moved = spec.predicatesMoved?.articles.includes(pm.provision.article) ? spec.predicatesMoved.to : undefined;
    return moved ? { ok: false, reason: 'PREDICATE_NOT_ELIGIBLE', steps, movedTo: moved } : { ok: false, reason: 'PREDICATE_NOT_ELIGIBLE', steps };
  }
  const f = tier.predicatePenalty ? null : fineOf(rules, tier.fine, date, steps);
  const penalty: Penalty = f
    ? { prison: prisonOut(tier.prison), fine: f.fine, contraventionFine: f.contravention, predicateRef: pm.ref, tier: tier.label }
    : { prison: pm.penalty.prison, fine: pm.penalty.fine, contraventionFine: false, predicateRef: pm.ref, tier: tier.label };
  steps?.push({ rule: spec.article, code: 'PREDICATE_TIER', params: { ...pparams, tier: tier.label ?? null, resultPrison: penalty.prison, resultFine: penalty.fine?.toFixed() ?? null } });
  return { ok: true, penalty, steps, versions: [v, pm.version], amountUse: NONE, fineSetAside: null };
}

/**
 * 321-4, 324-4: receiving or laundering is punished as the offence the property came from, when that one carries a
 * longer custodial maximum. The texts speak of property coming from "un crime ou un délit" (321-1, 324-1; 222-38 of
 * the offences of 222-34 to 222-37): a contravention's proceeds are outside them.
 */
function heavierPredicate(rules: Rules, hp: { article: string; required?: boolean | undefined }, v: Version, own: Penalty, input: SpecialInput, date: IsoDate, steps: Steps, amountUse: AmountUse): SpecialOutcome {
  if (!input.predicate) {
    if (hp.required) return { ok: false, error: draft('MISSING_PREDICATE', `${input.path}.predicate`, 'E_MISSING_ORIGIN', { ref: input.ref }) };
    return { ok: true, penalty: own, steps, versions: [v], amountUse, fineSetAside: null };
  }
  const pm = otherMax(rules, input.predicate, date, `${input.path}.predicate`, 0);
  if (!pm.ok) return 'error' in pm ? pm : { ok: false, reason: pm.reason, steps: steps ? pm.steps : null };
  if (pm.nature === 'contravention') {
    steps?.push({ rule: hp.article, code: 'PREDICATE_NOT_ELIGIBLE', params: { predicate: pm.ref, nature: pm.nature, prison: pm.penalty.prison, fine: pm.penalty.fine?.toFixed() ?? null } });
    return { ok: false, reason: 'PREDICATE_NOT_ELIGIBLE', steps };
  }
  const params = { predicate: pm.ref, predicatePrison: pm.penalty.prison, predicateFine: pm.penalty.fine?.toFixed() ?? null, ownPrison: own.prison };
  if (comparePrison(pm.penalty.prison, own.prison) > 0) {
    steps?.push({ rule: hp.article, code: 'HEAVIER_PREDICATE_APPLIED', params });
    // The text replaces the penalties (custody and fine): a higher fine of the charge's own text is set aside, said.
    const lower = own.fine !== null && (pm.penalty.fine === null || pm.penalty.fine.lt(own.fine));
    const fineSetAside = lower ? { article: hp.article, predicate: pm.ref, own: own.fine!.toFixed(), predicateFine: pm.penalty.fine?.toFixed() ?? null } : null;
    const spec = pm.version.penalty;
    const prop = spec && 'fine' in spec && spec.fine && 'proportional' in spec.fine ? spec.fine.proportional ?? null : null;
    const amountUse: AmountUse = { kind: 'replaced', predicate: pm.ref, proportional: prop && { ratio: prop.ratio, base: prop.base, article: prop.article } };
    return { ok: true, penalty: { prison: pm.penalty.prison, fine: pm.penalty.fine, contraventionFine: false, predicateRef: pm.ref }, steps, versions: [v, pm.version], amountUse, fineSetAside };
  }
  steps?.push({ rule: hp.article, code: 'HEAVIER_PREDICATE_NOT_APPLIED', params });
  if (hp.required) return { ok: false, reason: 'PREDICATE_NOT_ELIGIBLE', steps };
  return { ok: true, penalty: { ...own, predicateRef: pm.ref }, steps, versions: [v, pm.version], amountUse, fineSetAside: null };
}

const inputsUsed = new WeakMap<Provision, { amount: boolean; predicate: boolean }>();
/**
 * Whether some version of a provision uses an amount (a proportional fine) or a predicate, its own or through the
 * provision whose penalties it takes: worked out once.
 */
export function usesInputs(rules: Rules, p: Provision, depth = 0): { amount: boolean; predicate: boolean } {
  let u = inputsUsed.get(p);
  if (!u) {
    const specs = p.versions.map((v) => v.penalty).filter((x) => x !== undefined);
    const others = depth >= MAX_PENALTY_OF_LINKS ? [] : specs.filter(isPenaltyOf).map((x) => rules.provisions.get(x.penaltyOf)).filter((x) => x !== undefined).map((x) => usesInputs(rules, x, depth + 1));
    u = {
      amount: others.some((o) => o.amount) || specs.some((x) => 'fine' in x && x.fine !== null && 'proportional' in x.fine && x.fine.proportional !== undefined),
      predicate: others.some((o) => o.predicate) || specs.some((x) => 'byPredicate' in x || ('heavierPredicate' in x && x.heavierPredicate !== undefined)),
    };
    inputsUsed.set(p, u);
  }
  return u;
}
