// Code pénal, art. 121-6 and 121-7: the accomplice of a crime or a délit is punished as its author. For
// contraventions, art. R610-2 is the exception: complicity by provocation or instructions is punished as the
// author, aid or assistance only where the regulation says so.
import { param } from '../params.js';
import type { ChargeModule } from './types.js';

export const complicity: ChargeModule = {
  id: '121-6',
  cites: 'Code pénal, art. 121-6 et 121-7',
  rule: {
    fr: "Le complice d'un crime ou d'un délit est puni comme auteur : il encourt les mêmes peines.",
    en: 'The accomplice in a crime or a délit is punished as its author: the same penalties are incurred.',
  },
  reads: ['charge.accomplice'],
  params: ['complicityRule'],
  apply(s, c) {
    if (!s.charge.accomplice || s.nature === 'contravention') return;
    const rule = param(c.rules, 'complicityRule', s.date);
    if (rule?.value.asAuthor) s.steps?.push({ rule: '121-6', code: 'ACCOMPLICE' });
    else c.warnings.push({ code: 'NOT_COMPUTED', ref: s.ref, key: 'W_COMPLICITY_NOT_AS_AUTHOR', params: { ref: s.ref } });
  },
};

export const complicityInContravention: ChargeModule = {
  id: 'R610-2',
  cites: 'Code pénal, art. R610-2',
  rule: {
    fr: "Le complice d'une contravention par provocation ou instructions est puni comme auteur ; par aide ou assistance, seulement si le règlement le prévoit.",
    en: 'An accomplice in a contravention by provocation or instructions is punished as its author; by aid or assistance, only where the regulation says so.',
  },
  reads: ['charge.accomplice'],
  params: [],
  apply(s, c) {
    if (!s.charge.accomplice || s.nature !== 'contravention') return;
    s.steps?.push({ rule: 'R610-2', code: 'ACCOMPLICE_CONTRAVENTION' });
    // Which kind of complicity it was is not an input: the result says what R610-2 requires.
    c.warnings.push({ code: 'NOTE', ref: s.ref, key: 'W_COMPLICITY_CONTRAVENTION', params: { ref: s.ref } });
  },
};
