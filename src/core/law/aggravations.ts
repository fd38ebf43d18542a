// Code pénal, art. 132-76 (racist or religious motive), 132-77 (sexist or homophobic motive), 132-79 (use of
// cryptology), 421-3 (an offence of 421-1's list that is an act of terrorism), 434-10 al. 2 (hit and run after an
// involuntary homicide or injury): general aggravations. Each moves the custodial maximum one step up the same table
// (fines do not move), or multiplies both maxima when its text says so (434-10: "portées au double"), from the date
// it became general, except for the offences its text excludes, and, when its text lists the offences it reaches
// (421-3, 434-10), only for those.
import type { PrisonOut } from '../contract.js';
import type { Aggravation, PrisonSpec, StepEntry } from '../model.js';
import { aggravationNamed } from '../model.js';
import { at } from '../dates.js';
import { prisonOut } from '../penalty.js';
import { draft } from '../errors.js';
import { classify } from './classify.js';
import { coversAny } from './covers.js';
import { itemsMovedTo } from '../dependencies.js';
import type { ChargeModule, ChargeState, CaseCtx, Penalty } from './types.js';

/** A step of a table (132-8, 132-76) applies to a maximum of its months and, when it names one, of its kind. */
export function fitsStep(s: StepEntry, p: PrisonOut): boolean {
  return s.months !== undefined && !p.life && p.months === s.months && (!s.kind || s.kind === p.kind);
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

/** What an aggravation makes of a maximum: one step up the table, or the text's multiple (434-10 al. 2); null if nothing moves. */
function raised(table: StepEntry[], when: Aggravation['values'][number], p: Penalty): Pick<Penalty, 'prison' | 'fine'> | null {
  if (!when.factor) {
    const up = p.prison ? stepUp(table, p.prison) : null;
    return up ? { prison: up, fine: p.fine } : null;
  }
  const prison = p.prison && !p.prison.life ? { ...p.prison, months: (p.prison.months ?? 0) * Number(when.factor.prison) } : p.prison;
  return p.prison?.life ? null : { prison, fine: p.fine ? p.fine.times(when.factor.fine) : null };
}

/** Whether a version of an aggravation reaches an article: every one, or those its text lists (421-3 by 421-1). */
const lists = (v: Aggravation['values'][number], article: string): boolean => !v.appliesTo || coversAny(v.appliesTo, article);

/**
 * The custodial maximum a penalty reaches with the charge's general aggravations in force on the facts' date, each
 * applied as applyOne does (that one says the refusals and notes): 121-4 asks whether they make the offence a crime.
 */
export function aggravatedPrison(s: ChargeState, c: CaseCtx, p: Penalty): PrisonOut | null {
  let up: Pick<Penalty, 'prison' | 'fine'> = p;
  for (const key of s.charge.aggravations ?? []) {
    const ag = aggravationNamed(c.rules, key);
    const when = ag ? at(ag.values, s.date) : null;
    if (!when || !lists(when, s.provision.article)) continue;
    up = raised(c.rules.aggravations.steps.table, when, { ...p, ...up }) ?? up;
  }
  return up.prison;
}

/** One aggravation asked for: refused (an error), without effect (a step), or applied. */
function applyOne(s: ChargeState, c: CaseCtx, key: string, k: number, applied: string[]): boolean {
  const path = `${s.path}.aggravations[${k}]`;
  const all = c.rules.aggravations.aggravations;
  const ag = aggravationNamed(c.rules, key);
  if (!ag) { s.error = draft('INVALID_CASE', path, 'E_UNKNOWN_AGGRAVATION', { key, known: all.map((a) => a.key).join(', ') }); return false; }
  if (applied.includes(ag.key) || s.charge.aggravations!.indexOf(key) !== k) { s.error = draft('INVALID_CASE', path, 'E_AGGRAVATION_TWICE', { key: ag.key }); return false; }
  if (s.nature === 'contravention') { s.error = draft('INVALID_CASE', path, 'E_AGGRAVATION_CONTRAVENTION', { key: ag.key, ref: s.ref }); return false; }
  const excluded = ag.excludes.find((e) => e === s.provision.article || e === s.provision.ref);
  if (excluded) { s.error = draft('INVALID_CASE', path, 'E_AGGRAVATION_EXCLUDED', { key: ag.key, article: excluded }); return false; }
  if ((s.provision.circumstances ?? []).includes(ag.key)) { s.error = draft('INVALID_CASE', path, 'E_AGGRAVATION_BUILT_IN', { key: ag.key, ref: s.ref }); return false; }
  const article = s.provision.article;
  // A text that lists the offences it reaches (421-3 by 421-1): one it never lists is an error, one it lists only
  // at other dates is charged without effect, like a rule not yet in force.
  if (!ag.values.some((v) => lists(v, article))) { s.error = draft('INVALID_CASE', path, 'E_AGGRAVATION_NOT_LISTED', { key: ag.key, article }); return false; }
  const when = at(ag.values, s.date);
  if (!when || !lists(when, article)) {
    const from = ag.values.find((v) => v.from > s.date && lists(v, article))?.from ?? null;
    s.steps?.push({ rule: ag.article, code: 'AGGRAVATION_NOT_IN_FORCE', params: { key: ag.key, label: ag.label, date: s.date, from, listed: !!when } });
    // Before a motive became general, some offences had it as their own circumstance (311-4 9°, 222-8 5° bis…):
    // the items whose conduct moved to the aggravation's article, for the user to charge if the facts fit.
    const formerly = when ? [] : itemsMovedTo(c.rules, ag.article, ag.article);
    c.warnings.push({ code: 'NOTE', ref: s.ref, key: 'W_AGGRAVATION_NO_EFFECT', params: { ref: s.ref, key: ag.key, why: when ? 'NOT_LISTED' : 'NOT_IN_FORCE', from, formerly } });
    return true;
  }
  // 132-77's last alinéa: not for an offence already aggravated by the spouse's quality or a forced marriage.
  if (when.alreadyAggravated && (when.alreadyAggravated.refs.includes(s.ref) || when.alreadyAggravated.refs.includes(s.provision.ref))) {
    s.error = draft('INVALID_CASE', path, 'E_AGGRAVATION_ALREADY', { key: ag.key, ref: s.ref, why: when.alreadyAggravated.label });
    return false;
  }
  if (when.condition) c.warnings.push({ code: 'NOTE', ref: s.ref, key: 'W_AGGRAVATION_CONDITION', params: { ref: s.ref, key: ag.key, condition: when.condition[c.lang] } });
  if (when.status !== 'text') c.warnings.push({ code: 'UNVERIFIED', ref: ag.article, status: when.status, key: 'W_PARAM_UNVERIFIED', params: { article: ag.article, status: when.status } });
  const up = raised(c.rules.aggravations.steps.table, when, s.penalty);
  if (!up) {
    s.steps?.push({ rule: ag.article, code: 'AGGRAVATION_NO_STEP', params: { key: ag.key, label: ag.label, prison: s.penalty.prison } });
    // The tables name réclusion criminelle and emprisonnement only: a détention criminelle is not raised (111-4).
    const why = !s.penalty.prison ? 'NO_PRISON' : s.penalty.prison.kind === 'detention-criminelle' ? 'DETENTION' : 'NO_STEP';
    c.warnings.push({ code: 'NOTE', ref: s.ref, key: 'W_AGGRAVATION_NO_EFFECT', params: { ref: s.ref, key: ag.key, why } });
    return true;
  }
  if (applied.length) c.warnings.push({ code: 'NOTE', ref: s.ref, key: 'W_AGGRAVATIONS_STACKED' });
  s.steps?.push(when.factor
    ? { rule: ag.article, code: 'AGGRAVATION_FACTOR', params: { key: ag.key, label: ag.label, before: s.penalty.prison, after: up.prison, beforeFine: s.penalty.fine?.toFixed() ?? null, afterFine: up.fine?.toFixed() ?? null } }
    : { rule: ag.article, code: 'AGGRAVATION', params: { key: ag.key, label: ag.label, before: s.penalty.prison, after: up.prison } });
  s.penalty = { ...s.penalty, prison: up.prison, fine: up.fine };
  // 421-3's last alinéa, then 421-7: 132-23 al. 1 and 2 apply to what the aggravation makes a crime or a 10-year délit.
  if (when.safetyPeriod) s.safetyBy = when.safetyPeriod;
  applied.push(ag.key);
  return true;
}

export const generalAggravations: ChargeModule = {
  id: '132-76',
  cites: 'Code pénal, art. 132-76, 132-77, 132-79, 421-3 et 434-10 al. 2',
  rule: {
    fr: "Les circonstances aggravantes générales (mobile raciste, religieux, sexiste ou homophobe ; usage d'un moyen de cryptologie ; acte de terrorisme, pour les infractions de l'article 421-1) portent le maximum de la peine privative de liberté à l'échelon supérieur ; le délit de fuite double les peines de l'homicide et des blessures involontaires (434-10 al. 2).",
    en: 'The general aggravations (racist, religious, sexist or homophobic motive; use of cryptology; act of terrorism, for the offences of article 421-1) raise the custodial maximum to the next step; hit and run doubles the penalties of involuntary homicide and injury (434-10 al. 2).',
  },
  reads: ['charge.aggravations'],
  params: [],
  apply(s, c) {
    const keys = s.charge.aggravations;
    if (!keys?.length) return;
    const applied: string[] = [];
    for (let k = 0; k < keys.length; k++) if (!applyOne(s, c, keys[k]!, k, applied)) return;
    if (!applied.length) return;
    s.aggravations = applied;
    const nature = classify(c.rules, s.penalty, s.date);
    if (nature !== s.nature) { s.nature = nature; s.steps?.push({ rule: '111-1', code: 'NATURE', params: { nature } }); }
  },
};
