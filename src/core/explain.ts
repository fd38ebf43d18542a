// Puts each step of the trace into words, in French (default) or English. The figures stay in the params.
import type { Label, Lang, Nature } from './model.js';
import type { PrisonOut } from './contract.js';
import type { StepDraft } from './steps.js';
import { formatDate, formatDuration, formatMoney, formatPrison, formatSumPrison } from './units.js';
import { Money } from './money.js';

type P = Record<string, any>;
type Phrase = (p: P, l: Lang) => string;

const NATURE: Record<Nature, Label> = {
  crime: { fr: 'crime', en: 'crime (felony)' },
  delit: { fr: 'délit', en: 'délit (misdemeanour)' },
  contravention: { fr: 'contravention', en: 'contravention (petty offence)' },
};

export function natureLabel(n: Nature, l: Lang): string { return NATURE[n][l]; }

const pr = (p: PrisonOut | null, l: Lang) => (p ? formatPrison(p, l) : l === 'fr' ? 'aucune peine privative de liberté' : 'no custodial penalty');
const fi = (f: string | null, l: Lang) => (f ? formatMoney(f, l) : l === 'fr' ? 'aucune amende' : 'no fine');
const d = (x: string, l: Lang) => formatDate(x, l);
const st = (s: string, l: Lang) => (s === 'text' ? '' : l === 'fr' ? ` [statut : ${s}]` : ` [status: ${s}]`);
const pct = (ratio: string) => `${new Money(ratio).times(100).toFixed()} %`; // Decimal: 0.1 × 100 is 10, not 10.000000000000002

const PHRASES: Record<string, { fr: Phrase; en: Phrase }> = {
  W_PRIOR_IGNORED: {
    fr: (p) => `Condamnation antérieure ${p.ref} non prise en compte : ${p.why === 'NOT_IN_FORCE' ? "le texte n'était pas en vigueur à sa date" : "l'infraction de référence n'entre pas dans le texte"}.`,
    en: (p) => `Prior conviction ${p.ref} not taken into account: ${p.why === 'NOT_IN_FORCE' ? 'the text was not in force on its date' : 'its offence referred to is outside the text'}.`,
  },
  W_NOTICE: {
    fr: (p) => `${p.ref} : ${p.text}`,
    en: (p) => `${p.ref}: ${p.text}`,
  },
  W_ITEM_MOVED: {
    fr: (p, l) => `${p.ref} a quitté ce texte le ${d(p.at, l)} pour ${p.to} : les faits restent punissables ; la loi plus douce est recherchée parmi les versions de ce texte, pas dans ${p.to}.`,
    en: (p, l) => `${p.ref} left this text on ${d(p.at, l)} for ${p.to}: the facts remain punishable; the milder law is looked for among this text's versions, not in ${p.to}.`,
  },
  W_AGGRAVATIONS_STACKED: {
    fr: () => `Plusieurs circonstances aggravantes générales sont appliquées l'une après l'autre ; leur cumul n'est pas tranché par les textes.`,
    en: () => `Several general aggravations are applied one after the other; whether they stack is not settled by the texts.`,
  },
  W_UNVERIFIED: {
    fr: (p, l) => `La version de ${p.ref} en vigueur depuis le ${d(p.from, l)} n'a pas été vérifiée sur le texte officiel (statut : ${p.status}).`,
    en: (p, l) => `The version of ${p.ref} in force from ${d(p.from, l)} is not verified against the official text (status: ${p.status}).`,
  },
  W_PARAM_UNVERIFIED: {
    fr: (p) => `La règle générale de l'article ${p.article} utilisée ici n'a pas été vérifiée sur le texte officiel (statut : ${p.status}).`,
    en: (p) => `The general rule of article ${p.article} used here is not verified against the official text (status: ${p.status}).`,
  },
  W_LEGAL_PERSON_NO_FINE: {
    fr: () => `Aucune amende n'est calculée pour la personne morale sur ce chef : le texte n'en prévoit pas pour les personnes physiques et aucune règle générale n'y supplée.`,
    en: () => `No fine is computed for the legal person on this charge: the text sets none for natural persons and no general rule fills the gap.`,
  },
  W_SPECIALITY: {
    fr: (p, l) => `${p.from ? `Avant le ${d(p.from, l)}` : 'À la date des faits'}, une personne morale n'était responsable que si le texte d'incrimination le prévoyait (art. 121-2, principe de spécialité) ; quantum ne le vérifie pas.`,
    en: (p, l) => `${p.from ? `Before ${d(p.from, l)}` : 'On the date of the facts'} a legal person was liable only where the text of the offence said so (art. 121-2, speciality); quantum does not check this.`,
  },
  VERSION_AT_FACTS: {
    fr: (p, l) => `Texte applicable aux faits du ${d(p.date, l)} : ${p.ref} dans sa version en vigueur ${p.to ? `du ${d(p.from, l)} au ${d(p.to, l)}` : `depuis le ${d(p.from, l)}`} (${p.amendedBy})${st(p.status, l)}.`,
    en: (p, l) => `Text applicable to facts of ${d(p.date, l)}: ${p.ref} as in force ${p.to ? `from ${d(p.from, l)} to ${d(p.to, l)}` : `since ${d(p.from, l)}`} (${p.amendedBy})${st(p.status, l)}.`,
  },
  NOT_YET_IN_FORCE: {
    fr: (p, l) => `Non punissable : ${p.ref} n'est en vigueur que depuis le ${d(p.from, l)} (${p.amendedBy}) ; une loi pénale ne s'applique pas à des faits antérieurs (${d(p.date, l)}).`,
    en: (p, l) => `Not punishable: ${p.ref} is in force only from ${d(p.from, l)} (${p.amendedBy}); a criminal law does not reach earlier facts (${d(p.date, l)}).`,
  },
  REPEALED_BEFORE_FACTS: {
    fr: (p, l) => `Non punissable : ${p.ref} n'était plus en vigueur à la date des faits (${d(p.date, l)})${p.repealed ? ` ; abrogé par ${p.repealed.by}` : ''}.`,
    en: (p, l) => `Not punishable: ${p.ref} was no longer in force on the date of the facts (${d(p.date, l)})${p.repealed ? `; repealed by ${p.repealed.by}` : ''}.`,
  },
  ABOLISHED: {
    fr: (p, l) => `Non punissable : ${p.ref} a cessé d'être en vigueur le ${d(p.at, l)}${p.repealed ? ` (${p.repealed.by})` : ''}, avant le jugement (${d(p.judgment, l)}) ; la loi nouvelle plus douce s'applique aux faits non encore jugés.`,
    en: (p, l) => `Not punishable: ${p.ref} ceased to be in force on ${d(p.at, l)}${p.repealed ? ` (${p.repealed.by})` : ''}, before judgment (${d(p.judgment, l)}); the milder new law reaches facts not yet judged.`,
  },
  ITEM_MOVED: {
    fr: (p, l) => `${p.ref} a quitté ce texte le ${d(p.at, l)} ; la même conduite est punie depuis par ${p.to} : l'incrimination continue, les faits restent punissables.`,
    en: (p, l) => `${p.ref} left this text on ${d(p.at, l)}; the same conduct has since been punished by ${p.to}: the offence continues, so the facts remain punishable.`,
  },
  ITEM_RENUMBERED: {
    fr: (p, l) => `${p.ref} a été renuméroté ${p.as} le ${d(p.at, l)} : la circonstance demeure dans le texte, les faits restent punissables.`,
    en: (p, l) => `${p.ref} was renumbered ${p.as} on ${d(p.at, l)}: the circumstance stays in the text, so the facts remain punishable.`,
  },
  LATER_VERSION: {
    fr: (p, l) => `Version postérieure en vigueur avant le jugement : depuis le ${d(p.from, l)} (${p.amendedBy})${st(p.status, l)}.`,
    en: (p, l) => `Later version in force before judgment: from ${d(p.from, l)} (${p.amendedBy})${st(p.status, l)}.`,
  },
  PENALTY: {
    fr: (p, l) => `Peine prévue : ${pr(p.prison, l)} ; ${fi(p.fine, l)}.`,
    en: (p, l) => `Penalty set: ${pr(p.prison, l)}; ${fi(p.fine, l)}.`,
  },
  CONTRAVENTION_CLASS: {
    fr: (p, l) => `Contravention de la ${p.class}e classe : amende de ${fi(p.fine, l)} au plus${st(p.status, l)}.`,
    en: (p, l) => `Class ${p.class} contravention: fine of at most ${fi(p.fine, l)}${st(p.status, l)}.`,
  },
  PROPORTIONAL_FINE: {
    fr: (p, l) => `L'amende peut être portée à ${pct(p.ratio)} de la ${p.base.fr} (${fi(p.amount, l)}), soit ${fi(p.share, l)} ; maximum retenu : ${fi(p.fine, l)}.`,
    en: (p, l) => `The fine may be raised to ${pct(p.ratio)} of the ${p.base.en} (${fi(p.amount, l)}), i.e. ${fi(p.share, l)}; maximum: ${fi(p.fine, l)}.`,
  },
  PROPORTIONAL_NOT_COMPUTED: {
    fr: (p) => `L'amende peut être portée à ${pct(p.ratio)} de la ${p.base.fr} ; aucun montant donné, seul le montant fixe est retenu.`,
    en: (p) => `The fine may be raised to ${pct(p.ratio)} of the ${p.base.en}; no amount given, so only the fixed amount counts.`,
  },
  PREDICATE_TIER: {
    fr: (p, l) => `L'infraction de référence ${p.predicate} est un ${natureLabel(p.nature, l)} puni de ${pr(p.prison, l)} : ${p.tier ? `${p.tier.fr} : ` : ''}${pr(p.resultPrison, l)} ; ${fi(p.resultFine, l)}.`,
    en: (p, l) => `The offence referred to, ${p.predicate}, is a ${natureLabel(p.nature, l)} punished by ${pr(p.prison, l)}: ${p.tier ? `${p.tier.en}: ` : ''}${pr(p.resultPrison, l)}; ${fi(p.resultFine, l)}.`,
  },
  PREDICATE_NOT_ELIGIBLE: {
    fr: (p, l) => `Non punissable sous ce texte : l'infraction de référence ${p.predicate} (${natureLabel(p.nature, l)}, ${pr(p.prison, l)}) n'entre dans aucun des cas qu'il prévoit.`,
    en: (p, l) => `Not punishable under this text: the offence referred to, ${p.predicate} (${natureLabel(p.nature, l)}, ${pr(p.prison, l)}), falls in none of its cases.`,
  },
  PREDICATE_NOT_IN_FORCE: {
    fr: (p, l) => `L'infraction de référence ${p.predicate} n'était pas en vigueur le ${d(p.date, l)}.`,
    en: (p, l) => `The offence referred to, ${p.predicate}, was not in force on ${d(p.date, l)}.`,
  },
  PREDICATE_NEEDS_PREDICATE: {
    fr: (p) => `L'infraction de référence ${p.predicate} dépend elle-même d'une autre infraction : donnez directement celle-ci.`,
    en: (p) => `The offence referred to, ${p.predicate}, itself depends on another offence: give that one directly.`,
  },
  HEAVIER_PREDICATE_APPLIED: {
    fr: (p, l) => `L'infraction d'origine ${p.predicate} est punie plus sévèrement (${pr(p.predicatePrison, l)}) que ${pr(p.ownPrison, l)} : ses peines s'appliquent (${pr(p.predicatePrison, l)} ; ${fi(p.predicateFine, l)}).`,
    en: (p, l) => `The offence of origin ${p.predicate} is punished more severely (${pr(p.predicatePrison, l)}) than ${pr(p.ownPrison, l)}: its penalties apply (${pr(p.predicatePrison, l)}; ${fi(p.predicateFine, l)}).`,
  },
  HEAVIER_PREDICATE_NOT_APPLIED: {
    fr: (p, l) => `L'infraction d'origine ${p.predicate} (${pr(p.predicatePrison, l)}) n'est pas punie plus sévèrement que ${pr(p.ownPrison, l)} : ses peines ne se substituent pas.`,
    en: (p, l) => `The offence of origin ${p.predicate} (${pr(p.predicatePrison, l)}) is not punished more severely than ${pr(p.ownPrison, l)}: its penalties do not replace these.`,
  },
  ATTEMPT_NOT_PUNISHABLE: {
    fr: (p, l) => `Non punissable : la tentative ${p.nature === 'contravention' ? "d'une contravention n'est jamais punie" : "de ce délit n'est punie par aucun texte"}${p.later ? ` dans la version du ${d(p.from, l)}, plus douce` : ''}.`,
    en: (p, l) => `Not punishable: the attempt ${p.nature === 'contravention' ? 'of a contravention is never punished' : 'of this délit is punished by no text'}${p.later ? ` in the milder version of ${d(p.from, l)}` : ''}.`,
  },
  MILDER_NOT_PUNISHABLE: {
    fr: (p, l) => `La version du ${d(p.from, l)}, en vigueur avant le jugement, ne punit plus ces faits : elle s'applique comme loi plus douce.`,
    en: (p, l) => `The version of ${d(p.from, l)}, in force before judgment, no longer punishes these facts: it applies as the milder law.`,
  },
  MILDER_LAW: {
    fr: (p, l) => p.changed
      ? `Loi plus douce : pour chaque peine, la version la moins sévère s'applique : ${pr(p.prison, l)} (version du ${d(p.prisonFrom, l)}) ; ${fi(p.fine, l)} (version du ${d(p.fineFrom, l)}).`
      : `Les versions postérieures ne sont pas plus douces : la version en vigueur à la date des faits s'applique (non-rétroactivité de la loi plus sévère).`,
    en: (p, l) => p.changed
      ? `Milder law: for each penalty the least severe version applies: ${pr(p.prison, l)} (version of ${d(p.prisonFrom, l)}); ${fi(p.fine, l)} (version of ${d(p.fineFrom, l)}).`
      : `The later versions are not milder: the version in force on the date of the facts applies (a harsher law is not retroactive).`,
  },
  NATURE: {
    fr: (p, l) => `Classification : ${natureLabel(p.nature, l)}, d'après la peine encourue.`,
    en: (p, l) => `Classification: ${natureLabel(p.nature, l)}, from the penalty incurred.`,
  },
  ATTEMPT_CRIME: {
    fr: () => `Tentative de crime : toujours punissable, des mêmes peines que l'infraction consommée.`,
    en: () => `Attempted crime: always punishable, by the same penalties as the completed offence.`,
  },
  ATTEMPT_DELIT: {
    fr: (p) => `Tentative de délit : punissable en vertu de l'article ${p.article}, des mêmes peines.`,
    en: (p) => `Attempted délit: punishable under article ${p.article}, by the same penalties.`,
  },
  ACCOMPLICE: {
    fr: () => `Complicité : le complice est puni comme auteur (mêmes peines encourues).`,
    en: () => `Complicity: the accomplice is punished as the author (same penalties incurred).`,
  },
  ACCOMPLICE_CONTRAVENTION: {
    fr: () => `Complicité de contravention : punissable comme auteur en cas de provocation ou d'instructions ; l'aide ou l'assistance seulement si le règlement le prévoit.`,
    en: () => `Complicity in a contravention: punished as author for provocation or instructions; aid or assistance only where the regulation provides.`,
  },
  LEGAL_PERSON_NO_PRISON: {
    fr: () => `Personne morale : aucune peine privative de liberté.`,
    en: () => `Legal person: no custodial penalty.`,
  },
  LEGAL_PERSON_FINE: {
    fr: (p, l) => `Personne morale : amende égale à ${p.multiplier} fois celle prévue pour les personnes physiques (${fi(p.natural, l)}), soit ${fi(p.fine, l)}.`,
    en: (p, l) => `Legal person: fine of ${p.multiplier} times the natural-person maximum (${fi(p.natural, l)}), i.e. ${fi(p.fine, l)}.`,
  },
  LEGAL_PERSON_CRIME_NO_FINE: {
    fr: (p, l) => `Personne morale, crime sans amende prévue pour les personnes physiques : amende de ${fi(p.fine, l)}.`,
    en: (p, l) => `Legal person, crime with no fine for natural persons: fine of ${fi(p.fine, l)}.`,
  },
  LEGAL_PERSON_CONTRAVENTION: {
    fr: (p) => `Personne morale, contravention : amende égale à ${p.multiplier} fois celle prévue pour les personnes physiques.`,
    en: (p) => `Legal person, contravention: fine of ${p.multiplier} times the natural-person maximum.`,
  },
  LEGAL_PERSON_NO_FINE: {
    fr: () => `Personne morale : aucun texte ne fixe d'amende pour cette infraction.`,
    en: () => `Legal person: no text sets a fine for this offence.`,
  },
  AGGRAVATION: {
    fr: (p, l) => `Circonstance aggravante générale (${p.label.fr}) : le maximum passe de ${pr(p.before, l)} à ${pr(p.after, l)} ; l'amende est inchangée.`,
    en: (p, l) => `General aggravation (${p.label.en}): the maximum moves from ${pr(p.before, l)} to ${pr(p.after, l)}; the fine is unchanged.`,
  },
  AGGRAVATION_NOT_IN_FORCE: {
    fr: (p, l) => `Circonstance aggravante générale (${p.label.fr}) non applicable : elle n'est générale que depuis le ${p.from ? d(p.from, l) : '?'}, après les faits (${d(p.date, l)}).`,
    en: (p, l) => `General aggravation (${p.label.en}) not applicable: it is general only since ${p.from ? d(p.from, l) : '?'}, after the facts (${d(p.date, l)}).`,
  },
  AGGRAVATION_NO_STEP: {
    fr: (p, l) => `Circonstance aggravante générale (${p.label.fr}) sans effet : ${p.prison ? `${pr(p.prison, l)} n'a pas d'échelon supérieur dans le tableau` : 'aucune peine privative de liberté à aggraver'}.`,
    en: (p, l) => `General aggravation (${p.label.en}) without effect: ${p.prison ? `${pr(p.prison, l)} has no higher step in the table` : 'no custodial penalty to raise'}.`,
  },
  RECIDIVE: {
    fr: (p, l) => `Art. ${p.id} — ${p.label.fr} : condamnation définitive du ${d(p.final, l)} pour ${p.prior}${p.windowEnd ? `, peine expirée le ${d(p.expired, l)}, délai de ${p.windowYears} an${p.windowYears > 1 ? 's' : ''} courant jusqu'au ${d(p.windowEnd, l)}` : ', sans condition de délai'}${p.same ? ` (même infraction ou assimilée : ${String(p.same).replace(/^art:/, 'art. ').replace(/^group:/, 'art. ')})` : ''} ; maximum : ${pr(p.before, l)}, ${fi(p.beforeFine, l)} → ${pr(p.after, l)}, ${fi(p.afterFine, l)}.`,
    en: (p, l) => `Art. ${p.id} — ${p.label.en}: conviction final on ${d(p.final, l)} for ${p.prior}${p.windowEnd ? `, penalty expired on ${d(p.expired, l)}, ${p.windowYears}-year window running to ${d(p.windowEnd, l)}` : ', no time limit'}${p.same ? ` (same or assimilated offence: ${String(p.same).replace(/^art:/, 'art. ').replace(/^group:/, 'art. ')})` : ''}; maximum: ${pr(p.before, l)}, ${fi(p.beforeFine, l)} → ${pr(p.after, l)}, ${fi(p.afterFine, l)}.`,
  },
  RECIDIVE_NONE: {
    fr: () => `Aucune règle de récidive ne s'applique à ce chef (condamnation non définitive avant les faits, hors délai, ou conditions de peine non remplies) : simple réitération, le maximum est inchangé.`,
    en: () => `No récidive rule applies to this charge (conviction not final before the facts, outside the window, or penalty conditions not met): mere reiteration, the maximum is unchanged.`,
  },
  SAFETY_PERIOD: {
    fr: () => `Période de sûreté de plein droit si une peine privative de liberté non assortie du sursis d'au moins 10 ans est prononcée.`,
    en: () => `Safety period applies of right if an unsuspended custodial sentence of at least 10 years is pronounced.`,
  },
  NOTHING_PUNISHABLE: {
    fr: () => `Aucune infraction punissable : aucune peine n'est encourue.`,
    en: () => `No punishable offence: no penalty is incurred.`,
  },
  CONCOURS: {
    fr: (p) => `Concours réel : ${p.count} infractions jugées ensemble ; les peines de même nature ne se cumulent pas.`,
    en: (p) => `Concours réel: ${p.count} offences judged together; penalties of the same nature do not add up.`,
  },
  SINGLE_PRISON: {
    fr: (p, l) => `Peine privative de liberté encourue : ${pr(p.prison, l)} (${p.ref}).`,
    en: (p, l) => `Custodial penalty incurred: ${pr(p.prison, l)} (${p.ref}).`,
  },
  CONCOURS_PRISON: {
    fr: (p, l) => `Une seule peine privative de liberté, dans la limite du maximum légal le plus élevé (toutes ces peines sont de même nature) : ${pr(p.prison, l)}, fixé par ${p.ref}.`,
    en: (p, l) => `One custodial penalty, within the highest legal maximum (all such penalties are one nature): ${pr(p.prison, l)}, set by ${p.ref}.`,
  },
  LIFE_CAP: {
    fr: (p, l) => `La perpétuité est encourue ; si elle n'est pas prononcée, le maximum légal est de ${formatDuration(p.months, l)}.`,
    en: (p, l) => `Life is incurred; if it is not pronounced, the legal maximum is ${formatDuration(p.months, l)}.`,
  },
  SINGLE_FINE: {
    fr: (p, l) => `Amende encourue : ${fi(p.fine, l)} (${p.ref}).`,
    en: (p, l) => `Fine incurred: ${fi(p.fine, l)} (${p.ref}).`,
  },
  CONCOURS_FINE: {
    fr: (p, l) => `Une seule amende criminelle ou correctionnelle, dans la limite du maximum le plus élevé : ${fi(p.fine, l)}, fixé par ${p.ref}.`,
    en: (p, l) => `One criminal or correctional fine, within the highest maximum: ${fi(p.fine, l)}, set by ${p.ref}.`,
  },
  CONTRAVENTION_FINES_ADDED: {
    fr: (p, l) => `Les amendes contraventionnelles se cumulent entre elles et avec les autres amendes : ${fi(p.fine, l)} (${p.refs.join(', ')}).`,
    en: (p, l) => `Contravention fines add up with each other and with the other fines: ${fi(p.fine, l)} (${p.refs.join(', ')}).`,
  },
  TOTAL_FINE: {
    fr: (p, l) => `Amende totale encourue : ${fi(p.fine, l)}.`,
    en: (p, l) => `Total fine incurred: ${fi(p.fine, l)}.`,
  },
  ARITHMETIC: {
    fr: (p, l) => `Pour mémoire, la somme arithmétique (qui n'est pas la règle légale) : ${p.prison ? formatSumPrison(p.prison, l) : 'aucune privation de liberté'} ; ${fi(p.fine, l)}.`,
    en: (p, l) => `For reference, the arithmetic sum (not the legal rule): ${p.prison ? formatSumPrison(p.prison, l) : 'no custody'}; ${fi(p.fine, l)}.`,
  },
};

export function explain(step: StepDraft, lang: Lang): string {
  const phrase = PHRASES[step.code];
  if (!phrase) return step.code;
  return phrase[lang](step.params ?? {}, lang);
}
