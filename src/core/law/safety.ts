// Code pénal, art. 132-23 al. 1 and 2: where the text of the offence says so, a non-suspended custodial sentence of
// at least the parameter's length carries a période de sûreté of right. Flagged, not an incurred penalty.
import { param, paramArticle } from '../params.js';
import type { ChargeModule } from './types.js';

export const safetyPeriod: ChargeModule = {
  id: '132-23',
  cites: 'Code pénal, art. 132-23',
  rule: {
    fr: "Pour les infractions que la loi désigne, une peine privative de liberté ferme de la durée que fixe l'article 132-23 ou plus emporte une période de sûreté de plein droit.",
    en: 'For the offences the law names, an unsuspended custodial sentence of the length 132-23 sets, or more, carries a safety period of right.',
  },
  reads: [],
  params: ['safetyPeriodMinSentence'],
  apply(s, c) {
    // Of right when the offence's text says so, or the text of an aggravation applied (421-3, 421-7).
    if (s.penalty.prison === null) return;
    const own = s.prisonFrom?.safetyPeriod;
    const months = s.penalty.prison.life ? Infinity : s.penalty.prison.months ?? 0;
    // A text that applies it only from an incurred penalty (222-14-5 III): on the maximum as raised or reduced here.
    const ownApplies = own === true || (typeof own === 'object' && months >= own.fromMonths);
    if (!ownApplies && s.safetyBy === null) return;
    const min = param(c.rules, 'safetyPeriodMinSentence', s.date);
    // A maximum below that length cannot carry a sentence of it (a reduced maximum: repentis, 132-78).
    if (!min || months < min.value.months) return;
    s.safety = true;
    s.steps?.push({ rule: paramArticle(c.rules, 'safetyPeriodMinSentence'), code: 'SAFETY_PERIOD', params: { months: min.value.months, by: ownApplies ? null : s.safetyBy } });
  },
};
