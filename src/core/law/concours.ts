// Code pénal, art. 132-2 to 132-5 and 132-7: concours réel. Offences judged together that were committed before any
// final conviction for another: penalties of the same nature do not add up, each is incurred within the highest
// legal maximum (custody: one nature, 132-5; crime and délit fines: 132-3); contravention fines add up with each
// other and with the rest (132-7). When life is incurred but not pronounced, the maximum is a parameter (132-5).
import type { Decimal } from 'decimal.js';
import type { ChargeResult, PrisonOut, Result } from '../contract.js';
import { Money, moneyString } from '../money.js';
import { param, paramArticle } from '../params.js';
import { comparePrison } from '../penalty.js';
import type { Steps } from '../steps.js';
import type { CaseCtx, Module } from './types.js';
import { NO_CUMULATION, type Cumulation } from './cumulation.js';

/** What the concours reads of a charge: a charge result, or the same figures otherwise (the excuse set aside). */
export type Part = Pick<ChargeResult, 'ref' | 'punishable' | 'nature' | 'prison' | 'fine'> & { reason?: ChargeResult['reason']; fineNotComputed?: boolean };

export const concoursModule: Module = {
  id: '132-3',
  cites: 'Code pénal, art. 132-2 à 132-5 et 132-7',
  rule: {
    fr: "En concours réel, chaque peine de même nature est encourue dans la limite du maximum légal le plus élevé ; les amendes contraventionnelles se cumulent entre elles et avec les autres.",
    en: 'In concours réel, each penalty of the same nature is incurred within the highest legal maximum; contravention fines add up with each other and with the rest.',
  },
  reads: [],
  params: ['lifeNotPronouncedCap', 'fixedTermReclusionMax'],
};

/**
 * A sum of fines, exact. A sum of one fine keeps that charge's own text: most totals are one charge's fine, and
 * they then cost no arithmetic and no formatting.
 */
class FineSum {
  value: Decimal | null = null;
  private str: string | null = null;
  add(f: Decimal, text?: string): this {
    this.str = this.value === null ? text ?? null : null;
    this.value = this.value === null ? f : this.value.plus(f);
    return this;
  }
  text(): string { return (this.str ??= moneyString(this.value!)); }
}

export interface Totals { total: Result['total']; arithmetic: Result['arithmetic']; steps: Steps }

const NOTHING = (): Totals['total'] => ({
  prison: null, fine: null, fineParts: { crimesDelits: '0', contraventions: '0' }, cappedBy: { prison: null, fine: null },
  lifeNotPronouncedCapMonths: undefined, lifeNotPronouncedCapArticle: undefined,
});

/** The sum's step: the fines it lacks (no `amount` given) are named, as the total's line names them. */
function sumParams(arithmetic: Totals['arithmetic'], charges: readonly Part[]): Record<string, unknown> {
  const lacking = charges.filter((ch) => ch.punishable && ch.fineNotComputed).map((ch) => ch.ref);
  return lacking.length ? { ...arithmetic, fineNotComputed: lacking } : arithmetic;
}

/** 132-2, 132-3, 132-5, 132-7: the total of the charges judged together. */
export function concours(c: CaseCtx, charges: readonly Part[], fines: readonly (Decimal | null)[], plan: Cumulation = NO_CUMULATION, traced = c.trace): Totals {
  const steps: Steps = traced ? [] : null;
  let live = 0;
  for (const ch of charges) if (ch.punishable) live++;
  if (live === 0) {
    // Charges whose law is not held are not computed, not "not punishable": the step says which it is.
    const unknown = charges.some((ch) => ch.reason === 'LAW_NOT_HELD');
    steps?.push({ rule: '112-1', code: unknown ? 'NOTHING_COMPUTED' : 'NOTHING_PUNISHABLE' });
    return { total: NOTHING(), arithmetic: { prison: null, fine: null }, steps };
  }
  if (live > 1) steps?.push({ rule: '132-2', code: 'CONCOURS', params: { count: live } });
  let prison: PrisonOut | null = null, prisonRef: string | null = null;
  let cap: FineSum | null = null, capRef: string | null = null;
  const contraventions = new FineSum();
  const contraventionRefs: string[] = [];
  let months = 0, life = false, anyPrison = false;
  const sum = new FineSum();
  for (let i = 0; i < charges.length; i++) {
    const ch = charges[i]!;
    if (!ch.punishable) continue;
    if (ch.prison) {
      anyPrison = true;
      if (ch.prison.life) life = true; else months += ch.prison.months ?? 0;
    }
    if (ch.fine !== null) sum.add(fines[i] ?? new Money(ch.fine), ch.fine);
    // A charge a clause adds on top is outside the cap (law/cumulation.ts): added after.
    if (plan.added[i]) continue;
    if (ch.prison && comparePrison(ch.prison, prison) > 0) { prison = ch.prison; prisonRef = ch.ref; }
    if (ch.fine !== null) {
      const f = fines[i] ?? new Money(ch.fine);
      if (ch.nature === 'contravention') { contraventions.add(f, ch.fine); contraventionRefs.push(ch.ref); }
      else if (cap === null || f.gt(cap.value!)) { cap = new FineSum().add(f, ch.fine); capRef = ch.ref; }
    }
  }
  const arithmetic = { prison: anyPrison ? { months, life } : null, fine: sum.value === null ? null : sum.text() };
  const also = ties(charges, plan, prison, prisonRef, cap, capRef);
  // Life not pronounced: 30 years at most, by 132-5 al. 3 in concours, by 131-1 2° (132-18) for a single offence.
  const capName = live > 1 ? 'lifeNotPronouncedCap' : 'fixedTermReclusionMax';
  const lifeCap = prison?.life ? param(c.rules, capName, c.date) : undefined;
  if (prison) {
    steps?.push({ rule: '132-5', code: live > 1 ? 'CONCOURS_PRISON' : 'SINGLE_PRISON', params: { ref: prisonRef, prison: prison } });
    if (lifeCap) steps?.push({ rule: paramArticle(c.rules, capName), code: 'LIFE_CAP', params: { months: lifeCap.value.months } });
  }
  if (cap) steps?.push({ rule: '132-3', code: live > 1 ? 'CONCOURS_FINE' : 'SINGLE_FINE', params: { ref: capRef, fine: cap.text() } });
  if (contraventionRefs.length) steps?.push({ rule: '132-7', code: 'CONTRAVENTION_FINES_ADDED', params: { refs: contraventionRefs, fine: contraventions.text() } });
  // 132-7: the contravention fines come on top of the crime/délit cap.
  const totalFine = cap === null ? contraventions : contraventions.value === null ? cap : new FineSum().add(cap.value!.plus(contraventions.value));
  if (cap && contraventionRefs.length) steps?.push({ rule: '132-7', code: 'TOTAL_FINE', params: { fine: totalFine.text() } });
  if (live > 1) steps?.push({ rule: '132-3', code: 'ARITHMETIC', params: sumParams(arithmetic, charges) });
  const total: Result['total'] = {
    prison: prison,
    fine: totalFine.value === null ? null : totalFine.text(),
    fineParts: { crimesDelits: cap ? cap.text() : '0', contraventions: contraventions.value === null ? '0' : contraventions.text() },
    cappedBy: { prison: prisonRef, fine: capRef ?? (contraventionRefs[0] ?? null) },
    cappedByAlso: also,
    // Always keys (undefined unless life; JSON leaves them out): one object shape for whoever reads totals.
    lifeNotPronouncedCapMonths: lifeCap?.value.months,
    lifeNotPronouncedCapArticle: lifeCap ? paramArticle(c.rules, capName) : undefined,
  };
  if (plan.entries.length) addOnTop(c, total, charges, fines, plan, steps);
  return { total, arithmetic, steps };
}

/** Other charges (other refs) whose maximum equals the cap's: the cap is not one charge's alone (a tie). */
function ties(charges: readonly Part[], plan: Cumulation, prison: PrisonOut | null, prisonRef: string | null, cap: FineSum | null, capRef: string | null): Result['total']['cappedByAlso'] {
  // Most cases have one charge or no tie: nothing is allocated unless a tie is found (bulk path).
  let p: string[] | null = null, f: string[] | null = null;
  if (charges.length < 2) return undefined;
  // Fines are canonical decimal strings (money.ts): equal amounts are equal strings.
  const capText = cap?.text() ?? null;
  for (let i = 0; i < charges.length; i++) {
    const ch = charges[i]!;
    if (!ch.punishable || plan.added[i]) continue;
    if (prison && ch.prison && ch.ref !== prisonRef && comparePrison(ch.prison, prison) === 0 && !p?.includes(ch.ref)) (p ??= []).push(ch.ref);
    if (capText !== null && ch.fine === capText && ch.nature !== 'contravention' && ch.ref !== capRef && !f?.includes(ch.ref)) (f ??= []).push(ch.ref);
  }
  if (!p && !f) return undefined;
  return { ...(p && { prison: p }), ...(f && { fine: f }) };
}

/**
 * The charges a clause adds on top (434-31, route L233-1 II, 132-6-1): each clause sets 132-2 to 132-5 aside between
 * its charge and the related ones only. Added charges related to each other (refusing to stop and driving uninsured,
 * each clause naming the other) add up; added charges that are not (two offences committed in detention, each
 * related to the offence detained for) are in concours (132-3): the heaviest group counts. That adds to the capped
 * total, custody and fine. Life with anything is life; its cap if not pronounced (132-5) adds the other terms.
 */
function addOnTop(c: CaseCtx, total: Result['total'], charges: readonly Part[], fines: readonly (Decimal | null)[], plan: Cumulation, steps: Steps): void {
  for (const e of plan.entries) {
    const ch = charges[e.charge]!;
    steps?.push({ rule: e.article, code: 'CUMULATION', params: { ref: ch.ref, article: e.article, related: e.relatedTo.map((j) => charges[j]!.ref), prison: ch.prison, fine: ch.fine } });
  }
  let top: PrisonOut | null = null, topFine: Decimal | null = null;
  const groups = relatedGroups(plan);
  for (const group of groups) {
    let p: PrisonOut | null = null, f: Decimal | null = null;
    for (const e of group) {
      const ch = charges[e.charge]!;
      if (ch.prison) p = sumPrison(p, ch.prison);
      const x = ch.fine === null ? null : fines[e.charge] ?? new Money(ch.fine);
      if (x) f = f === null ? x : f.plus(x);
    }
    if (comparePrison(p, top) > 0) top = p;
    if (f && (topFine === null || f.gt(topFine))) topFine = f;
  }
  let prison = total.prison;
  if (top) { total.prisonParts = { capped: prison, cumulated: top }; prison = sumPrison(prison, top); }
  const fine = topFine === null ? (total.fine === null ? null : new Money(total.fine)) : total.fine === null ? topFine : new Money(total.fine).plus(topFine);
  const lifeCap = prison?.life ? param(c.rules, 'lifeNotPronouncedCap', c.date) : undefined;
  // Each term counts: a life term not pronounced by its cap (132-5), so life added to life is twice that cap.
  let lifeCapMonths = 0, lives = 0;
  for (const t of [total.prison, top]) if (t?.life) lives++; else if (t) lifeCapMonths += t.months ?? 0;
  total.prison = prison;
  total.fine = fine === null ? null : moneyString(fine);
  if (topFine !== null) total.fineParts.cumulated = moneyString(topFine);
  total.lifeNotPronouncedCapMonths = lifeCap ? lifeCap.value.months * lives + lifeCapMonths : undefined;
  // The cap adds the cumulated terms: it stands on 132-5 and on the clauses that add them.
  const clauses = [...new Set(plan.entries.map((e) => e.article))];
  total.lifeNotPronouncedCapArticle = lifeCap ? [paramArticle(c.rules, 'lifeNotPronouncedCap'), ...(lifeCapMonths || lives > 1 ? clauses : [])].join(', ') : undefined;
  total.cumulated = plan.entries.map((e) => ({ charge: e.charge, ref: e.ref, article: e.article, relatedTo: e.relatedTo }));
  if (groups.length > 1) steps?.push({ rule: '132-3', code: 'CUMULATED_CONCOURS', params: { refs: plan.entries.map((e) => charges[e.charge]!.ref), prison: top, fine: topFine === null ? null : moneyString(topFine) } });
  steps?.push({ rule: plan.entries[0]!.article, code: 'CUMULATED_TOTAL', params: { prison, fine: total.fine } });
}

/** Two custodial terms added: life with anything is life; the heavier kind (criminal over correctional) names the sum. */
function sumPrison(a: PrisonOut | null, b: PrisonOut): PrisonOut {
  const kind = a && (a.kind !== 'emprisonnement' || b.kind === 'emprisonnement') ? a.kind : b.kind;
  return a?.life || b.life ? { kind, months: null, life: true } : { kind, months: (a?.months ?? 0) + (b.months ?? 0), life: false };
}

/** The added charges in groups: two are together when one's clause names the other among its related charges. */
function relatedGroups(plan: Cumulation): Cumulation['entries'][] {
  const groups: Cumulation['entries'][] = [];
  for (const e of plan.entries) {
    const joined = groups.filter((g) => g.some((x) => x.relatedTo.includes(e.charge) || e.relatedTo.includes(x.charge)));
    const merged = [...joined.flat(), e];
    for (const g of joined) groups.splice(groups.indexOf(g), 1);
    groups.push(merged);
  }
  return groups;
}
