// Code pénal, art. 131-37, 131-38, 131-41 and 121-2: a legal person incurs no custodial penalty; its fine is a
// multiple of the natural person's (a fixed sum for a crime with no fine); since 2005-12-31 it is liable for any
// offence, before only where a clause said so (speciality: the clauses are data, rules/general/speciality.json);
// some texts exclude it at any date (loi du 29 juillet 1881, art. 43-1).
import type { Decimal } from 'decimal.js';
import { moneyOf } from '../money.js';
import { param, paramArticle, paramValues } from '../params.js';
import { coversAny, coversCharge } from './covers.js';
import { inForce } from '../dates.js';
import type { CaseCtx, ChargeModule, ChargeState, Penalty } from './types.js';

function unverified(c: CaseCtx, article: string, status: string): void {
  if (status !== 'text') c.warnings.push({ code: 'UNVERIFIED', ref: article, status: status as 'secondary', key: 'W_PARAM_UNVERIFIED', params: { article, status } });
}

/**
 * A délit's or crime's fine for a legal person under 131-38's multiple: the whole fine, or, where the text keeps the
 * proportional part out of it (CMF L465-3-5 I), the higher of the multiplied fixed amount and that part.
 */
export function legalPersonFine(p: Pick<Penalty, 'fine' | 'shareNotMultiplied'>, multiplier: string): Decimal | null {
  const sep = p.shareNotMultiplied;
  if (!sep) return p.fine ? p.fine.times(multiplier) : null;
  const fixed = sep.fixed ? sep.fixed.times(multiplier) : null;
  return fixed && fixed.gt(sep.share) ? fixed : sep.share;
}

/** The legal person's fine: a multiple of the natural person's, a fixed sum for a crime with none, or none. */
function legalFine(s: ChargeState, c: CaseCtx): Decimal | null {
  const { rules } = c;
  const fine = s.penalty.fine;
  if (s.nature === 'contravention') {
    const m = param(rules, 'legalPersonContraventionMultiplier', s.date);
    if (!fine || !m) return fine;
    unverified(c, paramArticle(rules, 'legalPersonContraventionMultiplier'), m.status);
    s.steps?.push({ rule: paramArticle(rules, 'legalPersonContraventionMultiplier'), code: 'LEGAL_PERSON_CONTRAVENTION', params: { multiplier: m.value } });
    return fine.times(m.value);
  }
  const m = param(rules, 'legalPersonFineMultiplier', s.date);
  const sep = s.penalty.shareNotMultiplied;
  if (fine && m && sep) {
    // CMF L465-3-5 I: 131-38 multiplies only the fine "exprimée en valeur absolue"; the proportional part stays.
    unverified(c, paramArticle(rules, 'legalPersonFineMultiplier'), m.status);
    const out = legalPersonFine(s.penalty, m.value)!;
    s.steps?.push({ rule: sep.article, code: 'LEGAL_PERSON_FINE_FIXED_ONLY', params: { multiplier: m.value, fixed: sep.fixed?.times(m.value).toFixed() ?? null, share: sep.share.toFixed(), fine: out.toFixed(), article: sep.article } });
    return out;
  }
  if (fine && m) {
    unverified(c, paramArticle(rules, 'legalPersonFineMultiplier'), m.status);
    s.steps?.push({ rule: paramArticle(rules, 'legalPersonFineMultiplier'), code: 'LEGAL_PERSON_FINE', params: { multiplier: m.value, natural: fine.toFixed(), fine: fine.times(m.value).toFixed() } });
    return fine.times(m.value);
  }
  if (!fine && s.nature === 'crime') {
    const d = param(rules, 'legalPersonCrimeFineWithoutNaturalFine', s.date);
    if (d?.value) {
      unverified(c, paramArticle(rules, 'legalPersonCrimeFineWithoutNaturalFine'), d.status);
      s.steps?.push({ rule: paramArticle(rules, 'legalPersonCrimeFineWithoutNaturalFine'), code: 'LEGAL_PERSON_CRIME_NO_FINE', params: { fine: d.value } });
      return moneyOf(d.value);
    }
  }
  s.steps?.push({ rule: '131-38', code: 'LEGAL_PERSON_NO_FINE' });
  // A fine that is only a multiple of a value the case does not give (douanes 414) is said as such already: the text
  // does set a fine, this note would deny it.
  if (!s.fineNotComputed) c.warnings.push({ code: 'NOT_COMPUTED', ref: null, key: 'W_LEGAL_PERSON_NO_FINE' });
  return null;
}

/** 121-2 and the texts that exclude it: whether a legal person answers for this offence on its date; stops it if not. */
function liable(s: ChargeState, c: CaseCtx): boolean {
  const sp = c.rules.speciality;
  const article = s.provision.article;
  const excluded = sp.exclusions.find((x) => inForce(x, s.date) && coversAny(x.covers, article));
  if (excluded) {
    s.steps?.push({ rule: excluded.article, code: 'LEGAL_PERSON_EXCLUDED', params: { article: excluded.article, condition: excluded.condition } });
    c.warnings.push({ code: 'NOTE', ref: s.ref, key: 'W_LEGAL_PERSON_EXCLUDED', params: { ref: s.ref, article: excluded.article, condition: excluded.condition[c.lang] } });
    unverified(c, excluded.article, excluded.status);
    s.stop = 'LEGAL_PERSON_NOT_LIABLE';
    return false;
  }
  const general = param(c.rules, 'legalPersonGeneralLiabilityFrom', s.date);
  if (!general || general.value !== false) return true;
  const from = paramValues(c.rules, 'legalPersonGeneralLiabilityFrom').find((v) => v.value === true)?.from ?? null;
  if (!sp.codes.includes(s.provision.code)) {
    c.warnings.push({ code: 'NOTE', ref: null, key: 'W_SPECIALITY', params: { from, code: s.provision.code } });
    return true;
  }
  const clause = sp.clauses.find((x) => inForce(x, s.date) && coversCharge(x.covers, s.ref, article));
  if (clause) {
    s.steps?.push({ rule: clause.article, code: 'LEGAL_PERSON_CLAUSE', params: { article: clause.article, from } });
    unverified(c, clause.article, clause.status);
    return true;
  }
  s.steps?.push({ rule: sp.article, code: 'LEGAL_PERSON_NOT_LIABLE', params: { from, date: s.date } });
  s.stop = 'LEGAL_PERSON_NOT_LIABLE';
  return false;
}

export const legalPerson: ChargeModule = {
  id: '131-38',
  cites: 'Code pénal, art. 121-2, 131-37, 131-38 et 131-41',
  rule: {
    fr: "Une personne morale n'encourt pas de peine privative de liberté ; son amende est un multiple de celle des personnes physiques, ou une somme fixe pour un crime qui n'en prévoit pas.",
    en: 'A legal person incurs no custodial penalty; its fine is a multiple of the natural person\'s, or a fixed sum for a crime that sets none.',
  },
  reads: ['offender.type'],
  params: ['legalPersonFineMultiplier', 'legalPersonCrimeFineWithoutNaturalFine', 'legalPersonContraventionMultiplier', 'legalPersonGeneralLiabilityFrom'],
  apply(s, c) {
    if (!c.legal || !liable(s, c)) return;
    s.natural = s.penalty;
    if (s.penalty.prison) s.steps?.push({ rule: '131-37', code: 'LEGAL_PERSON_NO_PRISON' });
    const fine = legalFine(s, c);
    s.penalty = { prison: null, fine, contraventionFine: s.penalty.contraventionFine, tier: s.penalty.tier, predicateRef: s.penalty.predicateRef };
  },
};
