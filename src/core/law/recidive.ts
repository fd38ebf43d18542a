// Code pénal, art. 132-8 to 132-11 (natural persons) and 132-12 to 132-15 (legal persons): récidive légale. A
// prior final conviction raises the maximum of a new offence, once, by the first rule of the data whose conditions
// it meets; "the same" offence includes the assimilations of 132-16 ff., 321-5 and 324-5. Rules, windows, factors
// and assimilations are data (rules/general/recidive.json).
import type { Decimal } from 'decimal.js';
import type { Prior, PrisonOut } from '../contract.js';
import type { IsoDate, MaxCondition, Nature, RecidiveRule, Rules, Version } from '../model.js';
import { continuedByOf } from '../model.js';
import { notHeldOn, predecessor } from './time.js';
import { moneyOf } from '../money.js';
import { addYears, at } from '../dates.js';
import { param } from '../params.js';
import { refOn, resolveRef, tierOn } from '../refs.js';
import { prisonOut } from '../penalty.js';
import { draft, type ErrorDraft } from '../errors.js';
import type { Steps } from '../steps.js';
import { classify } from './classify.js';
import { fitsStep } from './aggravations.js';
import { specialPenalty } from './special.js';
import type { CaseCtx, ChargeModule, ChargeState, OffenceMax, Penalty, PriorMax } from './types.js';

const matchesPattern = (pat: string, a: string) => (pat.endsWith('-*') ? a.startsWith(pat.slice(0, -1)) : a === pat);
/** A subdivision an assimilation names, on the offence's date when the entry is dated. */
const namesRef = (r: string | { ref: string; from: IsoDate; to?: IsoDate | null }, ref: string, date: IsoDate): boolean =>
  typeof r === 'string' ? r === ref : r.ref === ref && r.from <= date && (!r.to || date < r.to);

/**
 * 132-16 ff., 321-5, 324-5: the identities an offence shares with others for "the same délit". The new offence
 * (`secondTerm`) also takes the identity of a group its own is assimilated to one way only (132-16-2 al. 2).
 */
export function identities(rules: Rules, ref: string, article: string, predicateArticle: string | null, date: IsoDate, secondTerm = false): Set<string> {
  // The offence a provision is a form of: its article, unless the data names another (223-6 al. 2, an offence of its
  // own; 432-12-1, a form of 432-12; 223-6 al. 3, of either of two).
  const offence = rules.provisions.get(ref)?.recidiveOffence;
  const ids = new Set<string>((offence === undefined ? [article] : typeof offence === 'string' ? [offence] : offence).map((k) => `art:${k}`));
  // A provision repealed and continued by another (a recodification "à droit constant": route L1 -> L234-1) is
  // the same offence as its continuation.
  const lineage = successors(rules, ref);
  for (const a of lineage) ids.add(`art:${a}`);
  let own = article;
  for (const pa of rules.recidive.predicateAssimilations) {
    if (pa.appliesTo.includes(article) && at(pa.values, date) && predicateArticle) {
      ids.add(`art:${predicateArticle}`);
      own = predicateArticle;
    }
  }
  for (const g of rules.recidive.assimilations) {
    if (!at(g.values, date)) continue;
    if (![article, own, ...lineage].some((a) => g.articles.some((pat) => matchesPattern(pat, a))) && !g.refs?.some((r) => namesRef(r, ref, date))) continue;
    ids.add(`group:${g.article}`);
    if (secondTerm && g.secondTermOf) ids.add(`group:${g.secondTermOf}`);
  }
  return ids;
}

/**
 * When the two offences are "the same" only through groups (132-16 ff., or an aggravated form in another article)
 * none of which is read in the text on the date, the result says so: the doubling rests on that group.
 */
function unverifiedSameness(c: CaseCtx, shared: readonly string[], date: IsoDate): void {
  if (!shared.length || shared.some((id) => !id.startsWith('group:'))) return;
  const values = shared.flatMap((id) => c.rules.recidive.assimilations.filter((g) => `group:${g.article}` === id).map((g) => ({ g, v: at(g.values, date) })));
  if (values.some((x) => x.v?.status === 'text')) return;
  const first = values.find((x) => x.v);
  if (first) c.warnings.push({ code: 'UNVERIFIED', ref: first.g.article, status: first.v!.status, key: 'W_PARAM_UNVERIFIED', params: { article: first.g.article, status: first.v!.status } });
}

/** The articles of the provisions that continue this one after its repeal, transitively. */
function successors(rules: Rules, ref: string): string[] {
  const out: string[] = [];
  for (let p = rules.provisions.get(ref), n = 0; p?.repealed && n < 8; n++) {
    const next = continuedByOf(p);
    for (const by of next) { const q = rules.provisions.get(by); if (q) out.push(q.article); }
    p = next.length ? rules.provisions.get(next[0]!) : undefined;
  }
  return out;
}

function matches(c: MaxCondition, o: { nature: Nature; penalty: Penalty; clazz: number | null }): boolean {
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

const clazzOf = (v: Version): number | null => {
  const f = v.penalty && 'fine' in v.penalty ? v.penalty.fine : null;
  return f && 'class' in f ? f.class : null;
};

/** The legal maximum of a prior conviction's offence, on the date of its facts (or of the conviction). */
function priorMax(rules: Rules, prior: Prior, k: number): { ok: true; max: OffenceMax } | { ok: false; error: ErrorDraft } | { ok: false; skip: string } {
  const path = `offender.priors[${k}]`;
  const date = prior.date ?? prior.final;
  const named = resolveRef(rules, prior.ref, `${path}.ref`);
  // A bare article whose tiers punished alike (or had one tier) on the prior's date is that tier, as for a charge.
  const r = tierOn(rules, named, date, date) ?? named;
  if (!r.ok) return { ok: false, error: r.error };
  if (r.provision.kind === 'rule') return { ok: false, error: draft('INVALID_CASE', `${path}.ref`, 'E_PREDICATE_RULE', { ref: r.ref }) };
  // Named by its present number for facts before it: judged under the text it replaced, as a charge is (time.ts).
  const before = at(r.provision.versions, date) ? null : predecessor({ rules }, r.provision, date);
  const provision = before?.provision ?? r.provision;
  const v = before?.v ?? at(r.provision.versions, date);
  if (!v?.penalty) return { ok: false, skip: notHeldOn(rules, r.provision, date) ? 'LAW_NOT_HELD' : 'NOT_IN_FORCE' };
  // Its predicate read on the same date, as a charge's is (refs.ts refOn).
  const predicate = prior.predicate === undefined ? undefined : refOn(rules, prior.predicate, date);
  const out = specialPenalty(rules, provision, v, { ref: r.ref, path, predicate }, date, false);
  if (!out.ok) return 'error' in out ? { ok: false, error: out.error } : { ok: false, skip: 'PREDICATE_NOT_ELIGIBLE' };
  const pred = prior.predicate ? resolveRef(rules, prior.predicate, `${path}.predicate`) : null;
  return { ok: true, max: { ref: r.ref, article: r.provision.article, predicateArticle: pred?.ok ? pred.provision.article : null, nature: classify(rules, out.penalty, date), penalty: out.penalty, version: v } };
}

/** Works out every prior's maximum once per case; an invalid prior stops the case, an unusable one is a note. */
function preparePriors(c: CaseCtx, priors: readonly Prior[]): ErrorDraft | null {
  for (let k = 0; k < priors.length; k++) {
    const prior = priors[k]!;
    if (prior.expired && prior.expired < prior.final) return draft('INVALID_CASE', `offender.priors[${k}].expired`, 'E_PRIOR_EXPIRED', { expired: prior.expired, final: prior.final });
    // Facts come before the conviction for them becomes final.
    if (prior.date && prior.date > prior.final) return draft('INVALID_CASE', `offender.priors[${k}].date`, 'E_PRIOR_DATE', { date: prior.date, final: prior.final });
    const pm = priorMax(c.rules, prior, k);
    if (!pm.ok && 'error' in pm) return pm.error;
    if (!pm.ok) { c.warnings.push({ code: 'NOTE', ref: prior.ref, key: 'W_PRIOR_IGNORED', params: { ref: prior.ref, why: pm.skip } }); continue; }
    c.priors.push({ prior, max: pm.max });
  }
  return null;
}

function effect(rules: Rules, e: RecidiveRule['effect'], prison: PrisonOut | null, fine: Decimal | null, date: IsoDate) {
  let p = prison, f = fine;
  if (p && e.prisonSteps) {
    const step = e.prisonSteps.find((s) => fitsStep(s, p!));
    if (step?.to) p = prisonOut(step.to);
  }
  if (p && e.prisonFactor && !p.life) p = { ...p, months: Math.round((p.months ?? 0) * Number(e.prisonFactor)) };
  if (f && e.fineFactor) f = f.times(e.fineFactor);
  if (e.fineSetByParameter) {
    const v = param(rules, e.fineSetByParameter, date)?.value;
    if (v) f = moneyOf(v);
  }
  return { prison: p, fine: f };
}

/**
 * A contravention's récidive clause (132-11, 132-15: "dans les cas où le règlement le prévoit"): `true` cites both
 * articles, `"natural"` only 132-11 ("conformément à l'article 132-11"), which does not reach a legal person.
 */
const clauseReaches = (clause: boolean | 'natural' | undefined, offender: 'natural' | 'legal') => clause === true || (clause === 'natural' && offender === 'natural');

/** How far a prior went towards a rule: why it failed (in the law's order of conditions), or what it meets. */
type Fit = { stage: Miss; windowEnd?: IsoDate } | { stage: 'ok'; priorIds: Set<string> | null; expired: IsoDate; windowEnd: IsoDate | null };
/** The conditions a prior may miss, from the first checked to the last: the note names the furthest one reached. */
const MISSES = ['NOT_FINAL', 'GRAVITY', 'NO_CLAUSE', 'NOT_SAME', 'WINDOW'] as const;
type Miss = (typeof MISSES)[number];

function priorFits(rule: RecidiveRule, pm: PriorMax, s: ChargeState, c: CaseCtx, ids: Set<string>): Fit {
  const { prior, max } = pm;
  // A prior counts only if it was final before the new facts.
  if (!(prior.final < s.date)) return { stage: 'NOT_FINAL' };
  if (!rule.prior.some((x) => matches(x, { nature: max.nature, penalty: max.penalty, clazz: clazzOf(max.version) }))) return { stage: 'GRAVITY' };
  // Whether both are "the same" offence is a condition of the récidive, judged by the law of the new offence's
  // date (an assimilation created after the first conviction reaches it).
  const priorIds = rule.same ? identities(c.rules, max.ref, max.article, max.predicateArticle, s.date) : null;
  if (priorIds && ![...ids].some((id) => priorIds.has(id))) return { stage: 'NOT_SAME' };
  const expired = prior.expired ?? prior.final;
  const windowEnd = rule.windowYears === null ? null : addYears(expired, rule.windowYears);
  if (windowEnd !== null && s.date > windowEnd) return { stage: 'WINDOW', windowEnd };
  return { stage: 'ok', priorIds, expired, windowEnd };
}

/** The first rule whose conditions a prior meets raises the maximum, once; the rule's id, or null (then a note per prior says why). */
function applyRules(s: ChargeState, c: CaseCtx, offender: 'natural' | 'legal', ids: Set<string>, steps: Steps): string | null {
  const clazz = clazzOf(s.v0!);
  // 132-12 to 132-14 state their conditions on the penalty "en ce qui concerne les personnes physiques".
  const basis = offender === 'legal' ? s.natural ?? s.penalty : s.penalty;
  const furthest: ({ stage: Miss; windowEnd?: IsoDate } | undefined)[] = [];
  const excludedBy = new Set<string>();
  // The provision is the text's own récidive penalty: the general rules would count the same prior twice.
  if (s.v0!.ownRecidive) { c.warnings.push({ code: 'NOTE', ref: s.ref, key: 'W_RECIDIVE_OWN', params: { ref: s.ref } }); return null; }
  for (const rule of c.rules.recidive.rules) {
    if (rule.offender !== offender) continue;
    const when = at(rule.values, s.date);
    if (!when) continue;
    // A text may set a general récidive rule aside for its offence (221-5-6 al. 2: 132-8 and 132-9).
    const excluded = s.v0!.recidiveExcluded?.some((a) => rule.article === a || rule.article.startsWith(`${a} `)) ?? false;
    if (excluded) { excludedBy.add(rule.article); continue; }
    const gravityFits = rule.charge.some((x) => matches(x, { nature: s.nature!, penalty: basis, clazz }));
    // A 5th-class contravention is in récidive only where its règlement says so (132-11, 132-15).
    const noClause = gravityFits && rule.requiresClause === true && !clauseReaches(s.v0!.recidiveClause, offender);
    for (let k = 0; k < c.priors.length; k++) {
      const { prior } = c.priors[k]!;
      const fit: Fit = gravityFits && !noClause ? priorFits(rule, c.priors[k]!, s, c, ids) : { stage: !(prior.final < s.date) ? 'NOT_FINAL' : noClause ? 'NO_CLAUSE' : 'GRAVITY' };
      if (fit.stage !== 'ok') {
        if (!furthest[k] || MISSES.indexOf(fit.stage) > MISSES.indexOf(furthest[k]!.stage)) furthest[k] = fit;
        continue;
      }
      const next = effect(c.rules, rule.effect, s.penalty.prison, s.penalty.fine, s.date);
      const shared = fit.priorIds ? [...ids].filter((id) => fit.priorIds!.has(id)) : [];
      unverifiedSameness(c, shared, s.date);
      steps?.push({
        rule: rule.article, code: 'RECIDIVE', params: {
          id: rule.id, label: rule.label, prior: prior.ref, final: prior.final, expired: fit.expired, windowYears: rule.windowYears, windowEnd: fit.windowEnd,
          before: s.penalty.prison, beforeFine: s.penalty.fine?.toFixed() ?? null, after: next.prison, afterFine: next.fine?.toFixed() ?? null, status: when.status,
          same: shared[0] ?? null,
        },
      });
      if (when.status !== 'text') c.warnings.push({ code: 'UNVERIFIED', ref: rule.article, status: when.status, key: 'W_PARAM_UNVERIFIED', params: { article: rule.article, status: when.status } });
      s.penalty = { ...s.penalty, prison: next.prison, fine: next.fine };
      const form = s.v0!.recidiveForm;
      if (form) c.warnings.push({ code: 'NOTE', ref: s.ref, key: 'W_RECIDIVE_FORM', params: { ref: s.ref, form, rule: rule.article } });
      return rule.id;
    }
  }
  // The text's exclusion is the reason; the priors' own conditions were not even examined under those rules.
  if (excludedBy.size) {
    const by = s.v0!.recidiveExcludedBy;
    c.warnings.push({ code: 'NOTE', ref: s.ref, key: 'W_RECIDIVE_EXCLUDED', params: { ref: s.ref, articles: [...excludedBy].join(', '), by: by?.text ?? null } });
    if (by && by.status !== 'text') c.warnings.push({ code: 'UNVERIFIED', ref: s.ref, status: by.status, key: 'W_RECIDIVE_EXCLUDED_UNVERIFIED', params: { text: by.text, status: by.status } });
    return null;
  }
  c.priors.forEach(({ prior }, k) => c.warnings.push({
    code: 'NOTE', ref: s.ref, key: 'W_RECIDIVE_NOT_APPLIED',
    params: { ref: s.ref, prior: prior.ref, final: prior.final, why: furthest[k]?.stage ?? 'GRAVITY', windowEnd: furthest[k]?.windowEnd ?? null, expiredGiven: prior.expired !== undefined },
  }));
  return null;
}

function recidiveModule(offender: 'natural' | 'legal'): ChargeModule {
  const natural = offender === 'natural';
  return {
    id: natural ? '132-8' : '132-12',
    cites: natural ? 'Code pénal, art. 132-8 à 132-11, 132-16 à 132-16-6' : 'Code pénal, art. 132-12 à 132-15',
    rule: natural
      ? { fr: "Une condamnation définitive antérieure aux faits relève le maximum encouru, selon la gravité des deux infractions et le délai écoulé depuis l'expiration de la peine.", en: 'A conviction final before the facts raises the maximum incurred, by the gravity of both offences and the time since the penalty expired.' }
      : { fr: "Pour une personne morale, la récidive relève le maximum de l'amende, selon les mêmes conditions de gravité et de délai.", en: 'For a legal person, récidive raises the maximum fine, on the same conditions of gravity and time.' },
    reads: ['offender.priors', 'offender.type', 'charge.predicate'],
    params: natural ? ['contraventionClass5Recidive', 'delitFineThreshold'] : [],
    prepare: natural ? preparePriors : undefined,
    apply(s, c) {
      if (!c.priors.length || c.legal !== !natural) return;
      // What this charge is "the same" as (132-16 ff., 324-5) depends on its predicate.
      const pred = s.charge.predicate ? resolveRef(c.rules, s.charge.predicate, `${s.path}.predicate`) : null;
      const ids = identities(c.rules, s.ref, s.provision.article, pred?.ok ? pred.provision.article : null, s.date, true);
      s.recidive = applyRules(s, c, offender, ids, s.steps);
      if (!s.recidive) s.steps?.push({ rule: '132-16-7', code: 'RECIDIVE_NONE', params: { count: c.priors.length } });
      else if (natural) s.nature = classify(c.rules, s.penalty, s.date);
    },
  };
}

export const recidive = recidiveModule('natural');
export const recidiveOfLegalPerson = recidiveModule('legal');
