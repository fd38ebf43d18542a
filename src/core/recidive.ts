// Récidive légale (132-8 to 132-16-5, 321-5, 324-5) and the general aggravations (132-76, 132-77, 132-79):
// mechanisms only; the rules, windows, multipliers, assimilations and the step table are data.
import type { Decimal } from 'decimal.js';
import type { Dated, IsoDate, MaxCondition, Nature, PrisonSpec, Rules, StepEntry, Version } from './model.js';
import type { Prior, PrisonOut, QuantumError } from './contract.js';
import { inForce, versionAt } from './dates.js';
import { resolveRef } from './refs.js';
import { classify, prisonOut, versionPenalty, type Penalty } from './penalty.js';
import { moneyOf } from './money.js';
import type { Steps } from './steps.js';

export const dated = (values: Dated[], d: IsoDate): Dated | undefined => values.find((v) => inForce(v, d));

/** Adds whole years to a date, keeping the day (29 February becomes 28 February). */
export function addYears(d: IsoDate, years: number): IsoDate {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const ny = y + years;
  const last = new Date(Date.UTC(ny, m, 0)).getUTCDate();
  return `${ny}-${String(m).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/** An offence as récidive sees it: its legal maximum (natural person) and what it is "the same" as. */
export interface OffenceMax { ref: string; article: string; nature: Nature; penalty: Penalty; identities: Set<string>; version: Version; clause: boolean }

/** 132-16 ff., 321-5, 324-5: the identities an offence shares with others for "the same délit". */
export function identities(rules: Rules, article: string, predicateArticle: string | null, date: IsoDate): Set<string> {
  const ids = new Set<string>([`art:${article}`]);
  let own = article;
  for (const pa of rules.recidive.predicateAssimilations) {
    if (pa.appliesTo.includes(article) && dated(pa.values, date) && predicateArticle) {
      ids.add(`art:${predicateArticle}`);
      own = predicateArticle;
    }
  }
  for (const g of rules.recidive.assimilations) {
    if (!dated(g.values, date)) continue;
    for (const a of [article, own]) if (g.articles.some((pat) => (pat.endsWith('-*') ? a.startsWith(pat.slice(0, -1)) : a === pat))) ids.add(`group:${g.article}`);
  }
  return ids;
}

export function matches(c: MaxCondition, o: { nature: Nature; penalty: Penalty; clazz: number | null }): boolean {
  if (c.nature && c.nature !== o.nature) return false;
  if (c.class !== undefined && c.class !== o.clazz) return false;
  const p = o.penalty.prison;
  const months = p ? (p.life ? Infinity : p.months ?? 0) : 0;
  if (c.life !== undefined && (p?.life ?? false) !== c.life) return false;
  if (c.minMonths !== undefined && months < c.minMonths) return false;
  if (c.maxMonths !== undefined && months > c.maxMonths) return false;
  if (c.moreThanMonths !== undefined && !(months > c.moreThanMonths)) return false;
  if (c.lessThanMonths !== undefined && !(months < c.lessThanMonths)) return false;
  const fine = o.penalty.fine;
  if (c.minFine !== undefined && !(fine && fine.gte(c.minFine))) return false;
  if (c.moreThanFine !== undefined && !(fine && fine.gt(c.moreThanFine))) return false;
  return true;
}

/** The legal maximum of a prior conviction's offence, on the date of its facts (or of the conviction). */
export function priorMax(rules: Rules, prior: Prior, k: number): { ok: true; max: OffenceMax } | { ok: false; error: QuantumError } | { ok: false; skip: string } {
  const path = `offender.priors[${k}]`;
  const r = resolveRef(rules, prior.ref, `${path}.ref`);
  if (!r.ok) return { ok: false, error: r.error };
  if (r.provision.kind === 'rule') return { ok: false, error: { code: 'INVALID_CASE', path: `${path}.ref`, message: `${r.ref} is a rule, not an offence` } };
  const date = prior.date ?? prior.final;
  const v = versionAt(r.provision.versions, date);
  if (!v?.penalty) return { ok: false, skip: 'NOT_IN_FORCE' };
  const out = versionPenalty(rules, r.provision, v, { ref: r.ref, path, ...(prior.predicate && { predicate: prior.predicate }) }, date, false);
  if (!out.ok) return 'error' in out ? { ok: false, error: out.error } : { ok: false, skip: 'PREDICATE_NOT_ELIGIBLE' };
  const predArticle = prior.predicate ? resolveRef(rules, prior.predicate, `${path}.predicate`) : null;
  return {
    ok: true,
    max: {
      ref: r.ref, article: r.provision.article, nature: classify(rules, out.penalty, date), penalty: out.penalty, version: v, clause: v.recidiveClause === true,
      identities: identities(rules, r.provision.article, predArticle && predArticle.ok ? predArticle.provision.article : null, date),
    },
  };
}

const clazzOf = (v: Version): number | null => {
  const f = v.penalty && 'fine' in v.penalty ? v.penalty.fine : null;
  return f && 'class' in f ? f.class : null;
};

export interface ChargeForRecidive {
  ref: string; article: string; date: IsoDate; nature: Nature; penalty: Penalty; version: Version; identities: Set<string>;
}

export interface RecidiveOutcome { prison: PrisonOut | null; fine: Decimal | null; applied: string | null }

/**
 * 132-8 to 132-15: the first rule of the data whose conditions a prior meets raises the maximum, once.
 * For a legal person, `fine` is already the legal person's fine (131-38) and only fine effects apply.
 */
export function applyRecidive(
  rules: Rules, charge: ChargeForRecidive, priors: { prior: Prior; max: OffenceMax }[], offender: 'natural' | 'legal',
  prison: PrisonOut | null, fine: Decimal | null, steps: Steps,
): RecidiveOutcome {
  const clazz = clazzOf(charge.version);
  for (const rule of rules.recidive.rules) {
    if (rule.offender !== offender) continue;
    const when = dated(rule.values, charge.date);
    if (!when) continue;
    if (!rule.charge.some((c) => matches(c, { nature: charge.nature, penalty: charge.penalty, clazz }))) continue;
    if (rule.requiresClause && charge.version.recidiveClause !== true) continue;
    for (const { prior, max } of priors) {
      // A prior counts only if it was final before the new facts.
      if (!(prior.final < charge.date)) continue;
      if (!rule.prior.some((c) => matches(c, { nature: max.nature, penalty: max.penalty, clazz: clazzOf(max.version) }))) continue;
      if (rule.same && ![...charge.identities].some((id) => max.identities.has(id))) continue;
      const expired = prior.expired ?? prior.final;
      const windowEnd = rule.windowYears === null ? null : addYears(expired, rule.windowYears);
      if (windowEnd !== null && charge.date > windowEnd) continue;
      const before = { prison, fine: fine ? fine.toFixed() : null };
      const next = effect(rule.effect, prison, fine);
      steps?.push({
        rule: rule.article, code: 'RECIDIVE', params: {
          id: rule.id, label: rule.label, prior: prior.ref, final: prior.final, expired, windowYears: rule.windowYears, windowEnd,
          before: before.prison, beforeFine: before.fine, after: next.prison, afterFine: next.fine ? next.fine.toFixed() : null, status: when.status,
          same: rule.same ? [...charge.identities].find((id) => max.identities.has(id)) ?? null : null,
        },
      });
      return { ...next, applied: rule.id };
    }
  }
  return { prison, fine, applied: null };
}

/** A step of a table (132-8, 132-76) applies to a maximum of its months and, when it names one, of its kind of custody. */
function fitsStep(s: StepEntry, p: PrisonOut): boolean {
  return s.months !== undefined && !p.life && p.months === s.months && (!s.kind || s.kind === p.kind);
}

function effect(e: { prisonSteps?: StepEntry[]; prisonFactor?: string; fineFactor?: string; fineSet?: string }, prison: PrisonOut | null, fine: Decimal | null) {
  let p = prison;
  let f = fine;
  if (p && e.prisonSteps) {
    const step = e.prisonSteps.find((s) => fitsStep(s, p!));
    if (step?.to) p = prisonOut(step.to);
  }
  if (p && e.prisonFactor && !p.life) p = { ...p, months: Math.round((p.months ?? 0) * Number(e.prisonFactor)) };
  if (f && e.fineFactor) f = f.times(e.fineFactor);
  if (e.fineSet) f = moneyOf(e.fineSet);
  return { prison: p, fine: f };
}

/** The step table of 132-76 (also used by 132-77 and 132-79): the custodial maximum moves one step up. */
export function stepUp(table: StepEntry[], p: PrisonOut): PrisonOut | null {
  if (p.life) return null;
  const months = p.months ?? 0;
  for (const s of table) {
    if (fitsStep(s, p) && s.to) return prisonOut(s.to as PrisonSpec);
    if (s.upToMonths !== undefined && months <= s.upToMonths && s.factor) return { ...p, months: Math.round(months * Number(s.factor)) };
  }
  return null;
}

