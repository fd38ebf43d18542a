// Code pénal, art. 111-1, 131-1, 131-13 and Code de procédure pénale, art. 381: the class of an offence follows from
// the penalty the law sets. Crimes are punished by réclusion or détention criminelle, délits by emprisonnement or
// a fine of at least the délit threshold; the rest are contraventions.
import type { IsoDate, Nature, Rules } from '../model.js';
import { param } from '../params.js';
import type { ChargeModule, Penalty } from './types.js';

export function classify(rules: Rules, p: Penalty, date: IsoDate): Nature {
  if (p.nature) return p.nature;
  if (p.prison) return p.prison.kind === 'emprisonnement' ? 'delit' : 'crime';
  if (p.contraventionFine) return 'contravention';
  const threshold = param(rules, 'delitFineThreshold', date);
  if (p.fine && threshold && p.fine.lt(threshold.value)) return 'contravention';
  return 'delit';
}

export const classification: ChargeModule = {
  id: '111-1',
  cites: 'Code pénal, art. 111-1, 131-1, 131-13 ; C. proc. pén., art. 381',
  rule: {
    fr: "L'infraction est un crime, un délit ou une contravention selon la peine que la loi prévoit.",
    en: 'An offence is a crime, a délit or a contravention according to the penalty the law sets.',
  },
  reads: [],
  params: ['delitFineThreshold'],
  apply(s, c) {
    s.nature = classify(c.rules, s.penalty, s.date);
    s.steps?.push({ rule: '111-1', code: 'NATURE', params: { nature: s.nature } });
  },
};
