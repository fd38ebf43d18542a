// Code pénal, art. 121-4 and 121-5: the attempt of a crime is always punished; that of a délit only where a text
// says so; that of a contravention never. The attempt carries the penalties of the completed offence.
import type { IsoDate, Nature, Rules, Version } from '../model.js';
import { param } from '../params.js';
import type { ChargeModule } from './types.js';

/** Whether a version punishes the attempt of an offence of this class (the general rule, then the text). */
export function attemptPunishable(rules: Rules, nature: Nature, v: Version, date: IsoDate): boolean {
  const rule = param(rules, 'attemptRules', date)?.value[nature] ?? 'never';
  return rule === 'always' || (rule === 'where-a-text-provides' && v.attempt?.punishable === true);
}

export const attempt: ChargeModule = {
  id: '121-4',
  cites: 'Code pénal, art. 121-4 et 121-5',
  rule: {
    fr: "La tentative de crime est toujours punissable ; celle d'un délit seulement si un texte le prévoit ; jamais celle d'une contravention. Elle est punie des peines de l'infraction consommée.",
    en: 'Attempting a crime is always punishable; attempting a délit only where a text says so; attempting a contravention never. The attempt carries the penalties of the completed offence.',
  },
  reads: ['charge.attempt'],
  params: ['attemptRules'],
  apply(s, c) {
    // Punishability was settled version by version (112-1 al. 3, in law/time.ts); here the trace says why.
    if (!s.charge.attempt) return;
    const rule = param(c.rules, 'attemptRules', s.date)?.value[s.nature!];
    s.steps?.push(rule === 'always'
      ? { rule: '121-4', code: 'ATTEMPT_CRIME', params: { aggravations: s.aggravations?.join(', ') ?? null } }
      : { rule: s.v0!.attempt?.article ?? '121-4', code: 'ATTEMPT_DELIT', params: { article: s.v0!.attempt?.article ?? null } });
  },
};
