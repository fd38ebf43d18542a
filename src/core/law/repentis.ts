// Code pénal, art. 132-78 and the special texts that apply it: an offender who warned the authorities is exempt from
// penalty (most texts: only if the offence was merely attempted and the warning prevented it) or has the custodial
// maximum reduced (by half, by two thirds, life replaced by a term); fines are never reduced. 132-78 sets no rate of
// its own: each special text is data (rules/general/repentis.json), dated, and a milder later one applies (112-1).
import type { PrisonOut } from '../contract.js';
import type { RepentisText, RepentisVersion, Rules } from '../model.js';
import { aggravationNamed } from '../model.js';
import { during } from '../dates.js';
import { comparePrison } from '../penalty.js';
import { coversAny } from './covers.js';
import { reducePrison, type Reduced } from './reduce.js';
import type { CaseCtx, ChargeModule, ChargeState } from './types.js';

interface Found { text: RepentisText; v: RepentisVersion }
type Reduction = NonNullable<RepentisVersion['reductions']>[number];

/**
 * The articles a repentis text may name for this charge: its own, and the one an aggravation applied makes it count
 * as (an offence aggravated by 421-3 is an act of terrorism of 421-1, which 422-1 and 422-2 name).
 */
function articlesOf(s: ChargeState, rules: Rules): string[] {
  const out = [s.provision.article];
  for (const key of s.aggravations ?? []) {
    const as = aggravationNamed(rules, key)?.countsAs;
    if (as) out.push(as);
  }
  return out;
}
const reaches = (covers: readonly string[], articles: readonly string[]): boolean => articles.some((a) => coversAny(covers, a));

/** The versions of the repentis texts reaching the charge at some time between the facts and the judgment. */
function texts(rules: Rules, articles: readonly string[], from: string, to: string): Found[] {
  const out: Found[] = [];
  for (const text of rules.repentis.texts) {
    for (const v of during(text.versions, from, to)) {
      if ((v.exemption !== undefined && reaches(v.exemption.covers, articles)) || v.reductions?.some((r) => reaches(r.covers, articles))) out.push({ text, v });
    }
  }
  return out;
}

function unverified(s: ChargeState, c: CaseCtx, f: Found): void {
  if (f.v.status !== 'text') c.warnings.push({ code: 'UNVERIFIED', ref: f.text.article, status: f.v.status, key: 'W_UNVERIFIED', params: { ref: f.text.article, from: f.v.from, status: f.v.status } });
}

/** Exemption: the first text that exempts this offence, if the charge meets its attempt condition. */
function exempt(s: ChargeState, c: CaseCtx, found: Found[], articles: readonly string[]): void {
  const all = found.filter((f) => f.v.exemption && reaches(f.v.exemption.covers, articles));
  const ok = all.find((f) => !f.v.exemption!.attemptOnly || s.charge.attempt === true);
  if (!ok) {
    const reduction = found.some((f) => f.v.reductions?.some((r) => reaches(r.covers, articles)));
    const key = all.length ? 'W_REPENTIS_ATTEMPT_ONLY' : 'W_REPENTIS_NO_TEXT';
    c.warnings.push({ code: 'NOTE', ref: s.ref, key, params: { ref: s.ref, effect: 'exempt', article: all[0]?.text.article ?? null, reduction } });
    s.steps?.push({ rule: '132-78', code: all.length ? 'REPENTIS_ATTEMPT_ONLY' : 'REPENTIS_NO_TEXT', params: { effect: 'exempt', article: all[0]?.text.article ?? null } });
    return;
  }
  unverified(s, c, ok);
  const e = ok.v.exemption!;
  s.steps?.push({ rule: ok.text.article, code: 'REPENTIS_EXEMPT', params: { article: ok.text.article, from: ok.v.from, amendedBy: ok.v.amendedBy, condition: e.condition } });
  c.warnings.push({ code: 'NOTE', ref: s.ref, key: 'W_REPENTIS_CONDITION', params: { ref: s.ref, article: ok.text.article, condition: e.condition } });
  s.repentis = { effect: 'exempt', article: ok.text.article };
  s.stop = 'REPENTIS_EXEMPT';
}

/** Reduction: each text's reduction of the custodial maximum; the mildest applies (112-1 al. 3). */
function reduce(s: ChargeState, c: CaseCtx, found: Found[], articles: readonly string[], prison: PrisonOut | null): void {
  let best: { f: Found; r: Reduced; condition: Reduction } | null = null;
  for (const f of found) {
    const rule = f.v.reductions?.find((r) => reaches(r.covers, articles));
    if (!rule || !prison) continue;
    const r = reducePrison(prison, rule);
    if (!best || comparePrison(r.prison, best.r.prison) < 0) best = { f, r, condition: rule };
  }
  if (!best) {
    const exemption = found.some((f) => f.v.exemption && reaches(f.v.exemption.covers, articles));
    const key = found.some((f) => f.v.reductions?.some((r) => reaches(r.covers, articles))) ? 'W_REPENTIS_NO_CUSTODY' : 'W_REPENTIS_NO_TEXT';
    c.warnings.push({ code: 'NOTE', ref: s.ref, key, params: { ref: s.ref, effect: 'reduced', article: null, exemption } });
    s.steps?.push({ rule: '132-78', code: key === 'W_REPENTIS_NO_TEXT' ? 'REPENTIS_NO_TEXT' : 'REPENTIS_NO_CUSTODY', params: { effect: 'reduced', article: null } });
    return;
  }
  const { f, r, condition } = best;
  unverified(s, c, f);
  // Two texts reaching one offence (221-5-3 for a murder, 422-2 for the same murder as an act of terrorism): the
  // milder is applied, a choice the result states.
  const others = [...new Set(found.filter((x) => x.text !== f.text && x.v.reductions?.some((rr) => reaches(rr.covers, articles))).map((x) => x.text.article))];
  if (others.length) c.warnings.push({ code: 'NOTE', ref: s.ref, key: 'W_REPENTIS_SEVERAL', params: { ref: s.ref, article: f.text.article, others: others.join(', ') } });
  if (r.lifeKept) c.warnings.push({ code: 'NOT_COMPUTED', ref: s.ref, key: 'W_REPENTIS_LIFE', params: { ref: s.ref, article: f.text.article } });
  if (r.rounded) c.warnings.push({ code: 'NOTE', ref: s.ref, key: 'W_ROUNDED_DOWN', params: { ref: s.ref, article: f.text.article } });
  c.warnings.push({ code: 'NOTE', ref: s.ref, key: 'W_REPENTIS_CONDITION', params: { ref: s.ref, article: f.text.article, condition: condition.condition } });
  s.steps?.push({ rule: f.text.article, code: 'REPENTIS_REDUCED', params: { article: f.text.article, from: f.v.from, amendedBy: f.v.amendedBy, before: prison, after: r.prison } });
  s.penalty = { ...s.penalty, prison: r.prison };
  s.repentis = { effect: 'reduced', article: f.text.article };
}

export const repentis: ChargeModule = {
  id: '132-78',
  cites: 'Code pénal, art. 132-78, et les textes spéciaux qui en prévoient l\'application',
  rule: {
    fr: "Dans les cas prévus par la loi, l'auteur qui a averti l'autorité est exempté de peine (le plus souvent pour une simple tentative) ou voit la peine privative de liberté encourue réduite ; l'amende ne l'est jamais.",
    en: 'In the cases the law provides, an offender who warned the authorities is exempt from penalty (mostly for a mere attempt) or has the custodial maximum reduced; the fine never is.',
  },
  reads: ['charge.repentis', 'charge.attempt'],
  params: [],
  apply(s, c) {
    const want = s.charge.repentis;
    if (!want) return;
    const articles = articlesOf(s, c.rules);
    const found = texts(c.rules, articles, s.date, c.judgment);
    if (want === 'exempt') exempt(s, c, found, articles);
    else reduce(s, c, found, articles, s.penalty.prison);
  },
};
