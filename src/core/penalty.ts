// The penalty one version of a provision sets, for a natural person: tiers, predicates, proportional fines.
import type { Decimal } from 'decimal.js';
import type { FineSpec, IsoDate, Nature, PrisonSpec, Provision, Rules, Version, Label } from './model.js';
import { isByPredicate } from './model.js';
import type { PrisonOut, QuantumError, Reason } from './contract.js';
import { Money, moneyOf } from './money.js';
import { paramAt, versionAt } from './dates.js';
import { resolveRef } from './refs.js';
import type { StepDraft, Steps } from './steps.js';

export interface Penalty {
  prison: PrisonOut | null;
  fine: Decimal | null;
  /** The fine is a contravention class amount (131-13), whatever its figure. */
  contraventionFine: boolean;
  tier?: Label;
  predicateRef?: string;
}

export type PenaltyOutcome =
  | { ok: true; penalty: Penalty; steps: Steps; versions: Version[] }
  | { ok: false; reason: Reason; steps: Steps }
  | { ok: false; error: QuantumError };

export interface PenaltyInput {
  ref: string;
  amount?: string;
  predicate?: string;
  path: string;            // JSON path of the charge, for errors
}

export function prisonOut(p: PrisonSpec | null): PrisonOut | null {
  if (!p) return null;
  return p.life ? { kind: p.kind, months: null, life: true } : { kind: p.kind, months: p.months ?? 0, life: false };
}

/** Severity of a custodial maximum: life first, then length, then criminal over correctional kinds. */
export function comparePrison(a: PrisonOut | null, b: PrisonOut | null): number {
  const rank = (p: PrisonOut | null): [number, number, number] =>
    p === null ? [-1, 0, 0] : [p.life ? 1 : 0, p.months ?? 0, p.kind === 'emprisonnement' ? 0 : 1];
  const x = rank(a), y = rank(b);
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

export function compareFine(a: Decimal | null, b: Decimal | null): number {
  if (a === null || b === null) return (a === null ? 0 : 1) - (b === null ? 0 : 1);
  return a.comparedTo(b);
}

/** 111-1, 131-1, 131-13: the class of an offence follows from the penalty incurred. */
export function classify(rules: Rules, p: Penalty, date: IsoDate): Nature {
  if (p.prison) return p.prison.kind === 'emprisonnement' ? 'delit' : 'crime';
  if (p.contraventionFine) return 'contravention';
  const max = paramAt(rules.general.contraventionFineMax, date)?.value;
  if (p.fine && max && p.fine.lte(max)) return 'contravention';
  return 'delit';
}

function fineFixed(rules: Rules, spec: FineSpec | null, date: IsoDate, steps: Steps): { fine: Decimal | null; contravention: boolean } {
  if (!spec) return { fine: null, contravention: false };
  if ('class' in spec) {
    const table = paramAt(rules.general.contraventionClassFines, date);
    const amount = table?.value[String(spec.class)];
    if (!table || amount === undefined) return { fine: null, contravention: true };
    steps?.push({ rule: rules.general.contraventionClassFines.article, code: 'CONTRAVENTION_CLASS', params: { class: spec.class, fine: amount, status: table.status } });
    return { fine: moneyOf(amount), contravention: true };
  }
  return { fine: moneyOf(spec.amount), contravention: false };
}

/** The maximum a predicate offence carries on a date, for a natural person, without modifiers. */
function predicateMax(rules: Rules, input: PenaltyInput, date: IsoDate):
  | { ok: true; provision: Provision; ref: string; penalty: Penalty; nature: Nature; version: Version }
  | { ok: false; reason: Reason; steps: StepDraft[] }
  | { ok: false; error: QuantumError } {
  const path = `${input.path}.predicate`;
  const r = resolveRef(rules, input.predicate!, path);
  if (!r.ok) return { ok: false, error: r.error };
  if (r.provision.kind === 'rule') {
    return { ok: false, error: { code: 'INVALID_CASE', path, message: `predicate ${r.ref} is a rule, not an offence` } };
  }
  const v = versionAt(r.provision.versions, date);
  if (!v || !v.penalty) {
    return { ok: false, reason: 'PREDICATE_NOT_ELIGIBLE', steps: [{ rule: '112-1', code: 'PREDICATE_NOT_IN_FORCE', params: { predicate: r.ref, date } }] };
  }
  if (isByPredicate(v.penalty)) {
    return { ok: false, reason: 'PREDICATE_NOT_ELIGIBLE', steps: [{ rule: r.provision.article, code: 'PREDICATE_NEEDS_PREDICATE', params: { predicate: r.ref } }] };
  }
  const f = fineFixed(rules, v.penalty.fine, date, null);
  const penalty: Penalty = { prison: prisonOut(v.penalty.prison), fine: f.fine, contraventionFine: f.contravention };
  return { ok: true, provision: r.provision, ref: r.ref, penalty, nature: classify(rules, penalty, date), version: v };
}

/** What one version of a provision sets for this charge (natural person, before attempt and legal-person rules). */
export function versionPenalty(rules: Rules, provision: Provision, v: Version, input: PenaltyInput, date: IsoDate, trace: boolean): PenaltyOutcome {
  const spec = v.penalty!;
  const steps: Steps = trace ? [] : null;
  const versions: Version[] = [v];

  if (isByPredicate(spec)) {
    // 450-1: the penalty of the association follows the offence it prepared.
    const article = spec.byPredicate.article;
    if (!input.predicate) {
      return { ok: false, error: { code: 'MISSING_PREDICATE', path: `${input.path}.predicate`, message: `${input.ref} needs the offence it refers to: give a predicate (e.g. "predicate": "222-37")` } };
    }
    const pm = predicateMax(rules, input, date);
    if (!pm.ok) return pm;
    versions.push(pm.version);
    const tier = spec.byPredicate.tiers.find((t) => {
      const w = t.when;
      if (w.nature && w.nature !== pm.nature) return false;
      if (w.life !== undefined && (pm.penalty.prison?.life ?? false) !== w.life) return false;
      if (w.minMonths !== undefined) {
        const p = pm.penalty.prison;
        if (!p || (!p.life && (p.months ?? 0) < w.minMonths)) return false;
      }
      if (w.circumstance && !(pm.provision.circumstances ?? []).includes(w.circumstance)) return false;
      return true;
    });
    const pparams = { predicate: pm.ref, nature: pm.nature, prison: pm.penalty.prison, fine: pm.penalty.fine?.toFixed() ?? null };
    const listed = spec.byPredicate.predicates;
    if (!tier || (listed && !listed.includes(pm.provision.article))) {
      steps?.push({ rule: article, code: 'PREDICATE_NOT_ELIGIBLE', params: pparams });
      return { ok: false, reason: 'PREDICATE_NOT_ELIGIBLE', steps };
    }
    const f = fineFixed(rules, tier.fine, date, steps);
    const penalty: Penalty = { prison: prisonOut(tier.prison), fine: f.fine, contraventionFine: f.contravention, predicateRef: pm.ref };
    if (tier.label) penalty.tier = tier.label;
    steps?.push({ rule: article, code: 'PREDICATE_TIER', params: { ...pparams, tier: tier.label ?? null, resultPrison: penalty.prison, resultFine: penalty.fine?.toFixed() ?? null } });
    return { ok: true, penalty, steps, versions };
  }

  const f = fineFixed(rules, spec.fine, date, steps);
  let penalty: Penalty = { prison: prisonOut(spec.prison), fine: f.fine, contraventionFine: f.contravention };
  steps?.push({ rule: provision.article, code: 'PENALTY', params: { prison: penalty.prison, fine: penalty.fine?.toFixed() ?? null } });

  // 324-3 and the like: the fixed fine may be raised to a share of a value the case gives.
  if (spec.fine && 'amount' in spec.fine && spec.fine.proportional) {
    const prop = spec.fine.proportional;
    if (input.amount !== undefined) {
      const share = new Money(input.amount).times(prop.ratio);
      const fine = share.gt(penalty.fine!) ? share : penalty.fine!;
      steps?.push({ rule: prop.article, code: 'PROPORTIONAL_FINE', params: { ratio: prop.ratio, base: prop.base, amount: input.amount, share: share.toFixed(), fixed: penalty.fine!.toFixed(), fine: fine.toFixed() } });
      penalty = { prison: penalty.prison, fine, contraventionFine: penalty.contraventionFine };
    } else {
      steps?.push({ rule: prop.article, code: 'PROPORTIONAL_NOT_COMPUTED', params: { ratio: prop.ratio, base: prop.base } });
    }
  }

  if (spec.heavierPredicate) {
    // 324-4: laundering is punished as the offence the property came from, when that one is heavier.
    const hp = spec.heavierPredicate;
    if (!input.predicate) {
      if (hp.required) {
        return { ok: false, error: { code: 'MISSING_PREDICATE', path: `${input.path}.predicate`, message: `${input.ref} needs the offence the property came from: give a predicate (e.g. "predicate": "222-34")` } };
      }
      return { ok: true, penalty, steps, versions };
    }
    const pm = predicateMax(rules, input, date);
    if (!pm.ok) return pm;
    versions.push(pm.version);
    const params = { predicate: pm.ref, predicatePrison: pm.penalty.prison, predicateFine: pm.penalty.fine?.toFixed() ?? null, ownPrison: penalty.prison };
    if (comparePrison(pm.penalty.prison, penalty.prison) > 0) {
      steps?.push({ rule: hp.article, code: 'HEAVIER_PREDICATE_APPLIED', params });
      penalty = { prison: pm.penalty.prison, fine: pm.penalty.fine, contraventionFine: false, predicateRef: pm.ref };
    } else {
      steps?.push({ rule: hp.article, code: 'HEAVIER_PREDICATE_NOT_APPLIED', params });
      if (hp.required) return { ok: false, reason: 'PREDICATE_NOT_ELIGIBLE', steps };
      penalty = { ...penalty, predicateRef: pm.ref };
    }
  }
  return { ok: true, penalty, steps, versions };
}
