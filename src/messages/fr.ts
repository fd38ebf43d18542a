// Every word quantum shows in French: the trace, warnings, errors, the text and Markdown views, the terminal
// UI, the command line. English is in en.ts, with the same keys (test/messages.test.ts checks both have every key).
import { Decimal } from 'decimal.js';
import type { Lang, PrisonOut } from './units.js';
import { formatDate, formatDuration, formatMoney, formatPrison, formatSumPrison } from './units.js';

type P = Record<string, any>;
const L = 'fr' as const;
const NATURE: Record<string, string> = { crime: 'crime', delit: 'délit', contravention: 'contravention' };
const nat = (n: string) => NATURE[n] ?? n;
const pr = (p: PrisonOut | null) => (p ? formatPrison(p, L) : 'aucune peine privative de liberté');
const fi = (f: string | null) => (f ? formatMoney(f, L) : 'aucune amende');
const d = (x: string) => formatDate(x, L);
const dur = (m: number) => formatDuration(m, L);
const sumPrison = (p: { months: number; life: boolean }) => formatSumPrison(p, L);
const st = (s: string) => (s === 'text' ? '' : ` [statut : ${s}]`);
// Decimal: 0.1 × 100 is 10, not 10.000000000000002.
const pct = (ratio: string) => `${new Decimal(ratio).times(100).toFixed().replace('.', ',')} %`;
const n = (x: number) => x.toLocaleString('fr-FR').replace(/\s/g, ' ');
const list = (xs: string[]) => xs.join(', ');

export const fr = {
  lang: L as Lang,
  nature: NATURE,
  /** The trace: one phrase per kind of step (src/core/law/*), its figures from the step's params. */
  steps: {
    VERSION_AT_FACTS: (p: P) => `Texte applicable aux faits du ${d(p.date)} : ${p.ref} dans sa version en vigueur ${p.to ? `du ${d(p.from)} au ${d(p.to)}` : `depuis le ${d(p.from)}`} (${p.amendedBy})${st(p.status)}.`,
    NOT_YET_IN_FORCE: (p: P) => `Non punissable : ${p.ref} n'est en vigueur que depuis le ${d(p.from)} (${p.amendedBy}) ; une loi pénale ne s'applique pas à des faits antérieurs (${d(p.date)}).`,
    REPEALED_BEFORE_FACTS: (p: P) => `Non punissable : ${p.ref} n'était plus en vigueur à la date des faits (${d(p.date)})${p.repealed ? ` ; abrogé par ${p.repealed.by}` : ''}.`,
    ABOLISHED: (p: P) => `Non punissable : ${p.ref} a cessé d'être en vigueur le ${d(p.at)}${p.repealed ? ` (${p.repealed.by})` : ''}, avant le jugement (${d(p.judgment)}) ; la loi nouvelle plus douce s'applique aux faits non encore jugés.`,
    ITEM_MOVED: (p: P) => `${p.ref} a quitté ce texte le ${d(p.at)} ; la même conduite est punie depuis par ${p.to} : l'incrimination continue, les faits restent punissables.`,
    ITEM_RENUMBERED: (p: P) => `${p.ref} a été renuméroté ${p.as} le ${d(p.at)} : la circonstance demeure dans le texte, les faits restent punissables.`,
    LATER_VERSION: (p: P) => `Version postérieure en vigueur avant le jugement : depuis le ${d(p.from)} (${p.amendedBy})${st(p.status)}.`,
    PENALTY_OF: (p: P) => `Le texte renvoie aux peines de ${p.other} : ${pr(p.prison)} ; ${fi(p.fine)}.`,
    PROPORTIONAL_ONLY_NOT_COMPUTED: (p: P) => `L'amende est fixée à ${pct(p.ratio)} de la ${p.base.fr} ; aucun montant donné : l'amende n'est pas calculée.`,
    PENALTY: (p: P) => `Peine prévue : ${pr(p.prison)} ; ${fi(p.fine)}.`,
    CONTRAVENTION_CLASS: (p: P) => `Contravention de la ${p.class}e classe : amende de ${fi(p.fine)} au plus${st(p.status)}.`,
    PROPORTIONAL_FINE: (p: P) => `L'amende peut être portée à ${pct(p.ratio)} de la ${p.base.fr} (${fi(p.amount)}), soit ${fi(p.share)} ; maximum retenu : ${fi(p.fine)}.`,
    PROPORTIONAL_NOT_COMPUTED: (p: P) => `L'amende peut être portée à ${pct(p.ratio)} de la ${p.base.fr} ; aucun montant donné, seul le montant fixe est retenu.`,
    PREDICATE_TIER: (p: P) => `L'infraction de référence ${p.predicate} est un ${nat(p.nature)} puni de ${pr(p.prison)} : ${p.tier ? `${p.tier.fr} : ` : ''}${pr(p.resultPrison)} ; ${fi(p.resultFine)}.`,
    PREDICATE_NOT_ELIGIBLE: (p: P) => `Non punissable sous ce texte : l'infraction de référence ${p.predicate} (${nat(p.nature)}, ${pr(p.prison)}) n'entre dans aucun des cas qu'il prévoit.`,
    PREDICATE_NOT_IN_FORCE: (p: P) => `L'infraction de référence ${p.predicate} n'était pas en vigueur le ${d(p.date)}.`,
    PREDICATE_NEEDS_PREDICATE: (p: P) => `L'infraction de référence ${p.predicate} dépend elle-même d'une autre infraction : donnez directement celle-ci.`,
    HEAVIER_PREDICATE_APPLIED: (p: P) => `L'infraction d'origine ${p.predicate} est punie plus sévèrement (${pr(p.predicatePrison)}) que ${pr(p.ownPrison)} : ses peines s'appliquent (${pr(p.predicatePrison)} ; ${fi(p.predicateFine)}).`,
    HEAVIER_PREDICATE_NOT_APPLIED: (p: P) => `L'infraction d'origine ${p.predicate} (${pr(p.predicatePrison)}) n'est pas punie plus sévèrement que ${pr(p.ownPrison)} : ses peines ne se substituent pas.`,
    ATTEMPT_NOT_PUNISHABLE: (p: P) => `Non punissable : la tentative ${p.nature === 'contravention' ? "d'une contravention n'est jamais punie" : "de ce délit n'est punie par aucun texte"}${p.later ? ` dans la version du ${d(p.from)}, plus douce` : ''}.`,
    MILDER_NOT_PUNISHABLE: (p: P) => `La version du ${d(p.from)}, en vigueur avant le jugement, ne punit plus ces faits : elle s'applique comme loi plus douce.`,
    MILDER_LAW: (p: P) => p.changed
        ? `Loi plus douce : pour chaque peine, la version la moins sévère s'applique : ${pr(p.prison)} (version du ${d(p.prisonFrom)}) ; ${fi(p.fine)} (version du ${d(p.fineFrom)}).`
        : `Les versions postérieures ne sont pas plus douces : la version en vigueur à la date des faits s'applique (non-rétroactivité de la loi plus sévère).`,
    NATURE: (p: P) => `Classification : ${nat(p.nature)}, d'après la peine encourue.`,
    ATTEMPT_CRIME: () => `Tentative de crime : toujours punissable, des mêmes peines que l'infraction consommée.`,
    ATTEMPT_DELIT: (p: P) => `Tentative de délit : punissable en vertu de l'article ${p.article}, des mêmes peines.`,
    ACCOMPLICE: () => `Complicité : le complice est puni comme auteur (mêmes peines encourues).`,
    ACCOMPLICE_CONTRAVENTION: () => `Complicité de contravention : punissable comme auteur en cas de provocation ou d'instructions ; l'aide ou l'assistance seulement si le règlement le prévoit.`,
    LEGAL_PERSON_NO_PRISON: () => `Personne morale : aucune peine privative de liberté.`,
    LEGAL_PERSON_FINE: (p: P) => `Personne morale : amende égale à ${p.multiplier} fois celle prévue pour les personnes physiques (${fi(p.natural)}), soit ${fi(p.fine)}.`,
    LEGAL_PERSON_CRIME_NO_FINE: (p: P) => `Personne morale, crime sans amende prévue pour les personnes physiques : amende de ${fi(p.fine)}.`,
    LEGAL_PERSON_CONTRAVENTION: (p: P) => `Personne morale, contravention : amende égale à ${p.multiplier} fois celle prévue pour les personnes physiques.`,
    LEGAL_PERSON_NO_FINE: () => `Personne morale : aucun texte ne fixe d'amende pour cette infraction.`,
    AGGRAVATION: (p: P) => `Circonstance aggravante générale (${p.label.fr}) : le maximum passe de ${pr(p.before)} à ${pr(p.after)} ; l'amende est inchangée.`,
    AGGRAVATION_NOT_IN_FORCE: (p: P) => `Circonstance aggravante générale (${p.label.fr}) non applicable : elle n'est générale que depuis le ${p.from ? d(p.from) : '?'}, après les faits (${d(p.date)}).`,
    AGGRAVATION_NO_STEP: (p: P) => `Circonstance aggravante générale (${p.label.fr}) sans effet : ${p.prison ? `${pr(p.prison)} n'a pas d'échelon supérieur dans le tableau` : 'aucune peine privative de liberté à aggraver'}.`,
    RECIDIVE: (p: P) => `Art. ${p.id} — ${p.label.fr} : condamnation définitive du ${d(p.final)} pour ${p.prior}${p.windowEnd ? `, peine expirée le ${d(p.expired)}, délai de ${p.windowYears} an${p.windowYears > 1 ? 's' : ''} courant jusqu'au ${d(p.windowEnd)}` : ', sans condition de délai'}${p.same ? ` (même infraction ou assimilée : ${String(p.same).replace(/^art:/, 'art. ').replace(/^group:/, 'art. ')})` : ''} ; maximum : ${pr(p.before)}, ${fi(p.beforeFine)} → ${pr(p.after)}, ${fi(p.afterFine)}.`,
    RECIDIVE_NONE: () => `Aucune règle de récidive ne s'applique à ce chef (condamnation non définitive avant les faits, hors délai, ou conditions de peine non remplies) : simple réitération, le maximum est inchangé.`,
    SAFETY_PERIOD: (p: P) => `Période de sûreté de plein droit si une peine privative de liberté non assortie du sursis d'au moins ${dur(p.months)} est prononcée.`,
    NOTHING_PUNISHABLE: () => `Aucune infraction punissable : aucune peine n'est encourue.`,
    CONCOURS: (p: P) => `Concours réel : ${p.count} infractions jugées ensemble ; les peines de même nature ne se cumulent pas.`,
    SINGLE_PRISON: (p: P) => `Peine privative de liberté encourue : ${pr(p.prison)} (${p.ref}).`,
    CONCOURS_PRISON: (p: P) => `Une seule peine privative de liberté, dans la limite du maximum légal le plus élevé (toutes ces peines sont de même nature) : ${pr(p.prison)}, fixé par ${p.ref}.`,
    LIFE_CAP: (p: P) => `La perpétuité est encourue ; si elle n'est pas prononcée, le maximum légal est de ${dur(p.months)}.`,
    SINGLE_FINE: (p: P) => `Amende encourue : ${fi(p.fine)} (${p.ref}).`,
    CONCOURS_FINE: (p: P) => `Une seule amende criminelle ou correctionnelle, dans la limite du maximum le plus élevé : ${fi(p.fine)}, fixé par ${p.ref}.`,
    CONTRAVENTION_FINES_ADDED: (p: P) => `Les amendes contraventionnelles se cumulent entre elles et avec les autres amendes : ${fi(p.fine)} (${p.refs.join(', ')}).`,
    TOTAL_FINE: (p: P) => `Amende totale encourue : ${fi(p.fine)}.`,
    ARITHMETIC: (p: P) => `Pour mémoire, la somme arithmétique (qui n'est pas la règle légale) : ${p.prison ? sumPrison(p.prison) : 'aucune privation de liberté'} ; ${fi(p.fine)}.`,
  },
  /** Warnings on a result (UNVERIFIED, NOT_COMPUTED, NOTE). */
  warnings: {
    W_PRIOR_IGNORED: (p: P) => `Condamnation antérieure ${p.ref} non prise en compte : ${p.why === 'NOT_IN_FORCE' ? "le texte n'était pas en vigueur à sa date" : "l'infraction de référence n'entre pas dans le texte"}.`,
    W_NOTICE: (p: P) => `${p.ref} : ${p.text}`,
    W_ITEM_MOVED: (p: P) => `${p.ref} a quitté ce texte le ${d(p.at)} pour ${p.to} : les faits restent punissables ; la loi plus douce est recherchée parmi les versions de ce texte, pas dans ${p.to}.`,
    W_FINE_NEEDS_AMOUNT: (p: P) => `${p.ref} : l'amende est proportionnelle à une valeur que le cas ne donne pas (« amount ») ; elle n'est pas calculée et manque au total.`,
    W_WITHIN_TIER: (p: P) => `${p.within} fait partie de ${p.ref} : les peines de ${p.ref} s'appliquent.`,
    W_AGGRAVATION_NO_EFFECT: (p: P) => `${p.ref} : la circonstance aggravante ${p.key} demandée est sans effet (${p.why === 'NOT_IN_FORCE' ? `elle n'est générale que depuis le ${p.from ? d(p.from) : '?'}` : p.why === 'NO_PRISON' ? 'aucune peine privative de liberté à aggraver' : "le maximum n'a pas d'échelon supérieur"}).`,
    W_COMPLICITY_NOT_AS_AUTHOR: (p: P) => `${p.ref} : la règle de complicité en vigueur ne punit pas le complice comme l'auteur ; quantum ne calcule pas ce cas.`,
    W_AGGRAVATIONS_STACKED: () => `Plusieurs circonstances aggravantes générales sont appliquées l'une après l'autre ; leur cumul n'est pas tranché par les textes.`,
    W_UNVERIFIED: (p: P) => `La version de ${p.ref} en vigueur depuis le ${d(p.from)} n'a pas été vérifiée sur le texte officiel (statut : ${p.status}).`,
    W_PARAM_UNVERIFIED: (p: P) => `La règle générale de l'article ${p.article} utilisée ici n'a pas été vérifiée sur le texte officiel (statut : ${p.status}).`,
    W_LEGAL_PERSON_NO_FINE: () => `Aucune amende n'est calculée pour la personne morale sur ce chef : le texte n'en prévoit pas pour les personnes physiques et aucune règle générale n'y supplée.`,
    W_SPECIALITY: (p: P) => `${p.from ? `Avant le ${d(p.from)}` : 'À la date des faits'}, une personne morale n'était responsable que si le texte d'incrimination le prévoyait (art. 121-2, principe de spécialité) ; quantum ne le vérifie pas.`,
  },
  /** Why a charge is not punishable (the result's `reason`). */
  reasons: {
    NOT_YET_IN_FORCE: 'texte pas encore en vigueur à la date des faits',
    REPEALED_BEFORE_FACTS: 'texte abrogé avant les faits',
    ABOLISHED: 'texte abrogé avant le jugement',
    ATTEMPT_NOT_PUNISHABLE: 'tentative non punissable',
    PREDICATE_NOT_ELIGIBLE: "l'infraction de référence n'entre pas dans les prévisions du texte",
  } as Record<string, string>,
  /** Errors: the case cannot be evaluated. Each names what is wrong; the path is printed beside it. */
  errors: {
    E_DATE: () => 'doit être une date AAAA-MM-JJ',
    E_DATE_RANGE: () => 'doit être une date entre 1900 et 2199',
    E_AMOUNT_TYPE: () => 'doit être une chaîne de chiffres en euros, par ex. "2000000" (pas un nombre JSON)',
    E_AMOUNT: () => 'doit être un montant positif en euros, 30 chiffres au plus et 2 décimales, par ex. "2000000.50"',
    E_REF: () => 'doit être une référence de disposition comme "323-3-2 III"',
    E_NO_CHARGE: () => 'une affaire doit compter au moins un chef',
    E_MAX_CHARGES: (p: P) => `au plus ${p.max} chefs dans une affaire (voir --max-charges)`,
    E_UNKNOWN_FIELDS: (p: P) => `champ${p.keys.length > 1 ? 's' : ''} inconnu${p.keys.length > 1 ? 's' : ''} ${p.keys.map((k: string) => `"${k}"`).join(', ')}`,
    E_TYPE: (p: P) => `type invalide : ${p.expected} attendu, ${p.received} reçu`,
    E_TOO_SHORT: (p: P) => (p.origin === 'array' ? `au moins ${p.minimum} élément(s)` : `au moins ${p.minimum} caractère(s)`),
    E_TOO_LONG: (p: P) => (p.origin === 'array' ? `au plus ${p.maximum} élément(s)` : `au plus ${p.maximum} caractère(s)`),
    E_OPTION: (p: P) => `valeur invalide : l'une de ${p.values.map((v: string) => `"${v}"`).join(', ')} attendue`,
    E_INVALID: () => 'valeur invalide',
    E_MORE_PROBLEMS: (p: P) => ` (et ${p.count} autre${p.count > 1 ? 's' : ''} problème${p.count > 1 ? 's' : ''})`,
    E_CASE_OBJECT: () => "une affaire doit être un objet JSON",
    E_NOT_JSON: (p: P) => `JSON invalide : ${p.detail}`,
    E_PRIOR_EXPIRED: (p: P) => `la peine ne peut expirer (${d(p.expired)}) avant que la condamnation soit définitive (${d(p.final)})`,
    E_RULE_NOT_OFFENCE: (p: P) => `${p.ref} est une règle, pas une infraction (${p.rule.fr})${p.targets.length ? ` ; poursuivez plutôt ${p.targets.join(' ou ')}` : ''}`,
    E_JUDGMENT_BEFORE_FACTS: (p: P) => `la date du jugement (${d(p.judgment)}) est antérieure à celle des faits (${d(p.date)})`,
    E_UNKNOWN_AGGRAVATION: (p: P) => `circonstance aggravante générale inconnue « ${p.key} » (connues : ${p.known})`,
    E_AGGRAVATION_TWICE: (p: P) => `${p.key} est donnée deux fois`,
    E_AGGRAVATION_CONTRAVENTION: (p: P) => `${p.key} s'applique aux crimes et délits, pas à la contravention ${p.ref}`,
    E_AGGRAVATION_EXCLUDED: (p: P) => `${p.key} ne s'applique pas à l'article ${p.article} : son texte l'exclut`,
    E_AGGRAVATION_BUILT_IN: (p: P) => `${p.ref} comprend déjà cette circonstance (${p.key}) parmi ses éléments`,
    E_UNUSED_AMOUNT: (p: P) => `${p.ref} ne prévoit pas d'amende proportionnelle à un montant ; retirez « amount »`,
    E_UNUSED_PREDICATE: (p: P) => `${p.ref} ne dépend pas d'une autre infraction ; retirez « predicate »`,
    E_PREDICATE_RULE: (p: P) => `l'infraction de référence ${p.ref} est une règle, pas une infraction`,
    E_MISSING_PREDICATE: (p: P) => `${p.ref} dépend de l'infraction à laquelle il renvoie : donnez-la avec « predicate » (par ex. "predicate": "222-37")`,
    E_MISSING_ORIGIN: (p: P) => `${p.ref} dépend de l'infraction d'où proviennent les biens : donnez-la avec « predicate » (par ex. "predicate": "222-34")`,
    E_NOT_A_REF: (p: P) => `« ${p.input} » n'est pas une référence de disposition (attendu par ex. 323-3-2 III, 222-24 8°, 227-23 al. 5, R625-1, route L234-1)`,
    E_UNKNOWN_PROVISION: (p: P) => `aucune disposition ${p.input} dans les données`,
    E_UNKNOWN_SUB: (p: P) => `l'article ${p.article} n'a pas de subdivision ${p.sub} ; il a : ${p.tiers}`,
    E_AMBIGUOUS_TIERS: (p: P) => `l'article ${p.article} a des paliers de peines différentes ; nommez-en un : ${p.tiers}`,
    E_AMBIGUOUS_CODE: (p: P) => `l'article ${p.article} n'est pas dans le Code pénal ; nommez son code : ${p.choices.map((c: P) => `${c.ref} (${c.label.fr})`).join(', ')}`,
    E_DID_YOU_MEAN: (p: P) => ` ; vouliez-vous dire ${list(p.suggestions)} ?`,
    E_INTERNAL: (p: P) => `erreur interne : ${p.detail}`,
  },
  /** The text view of `quantum eval` and the catalogue commands. */
  text: {
    title: 'Peines maximales encourues', facts: 'faits du', judgment: 'jugement au', natural: 'personne physique', legal: 'personne morale',
    charges: 'Chefs de poursuite', total: 'Total (concours réel, art. 132-3 et 132-5)', prison: 'Privation de liberté', fine: 'Amende',
    none: 'aucune', cappedBy: 'maximum fixé par', sum: 'Somme arithmétique (pour mémoire, pas la règle légale)',
    warnings: 'Avertissements', trace: 'Explication', notPunishable: 'non punissable', version: 'version en vigueur', since: 'depuis le',
    from: 'du', to: 'au', attempt: 'tentative', accomplice: 'complicité', predicate: 'infraction de référence',
    contraventions: 'dont amendes contraventionnelles (art. 132-7)',
    lifeCap: (p: P) => `si la perpétuité n'est pas prononcée : ${dur(p.months)} au plus (art. ${p.article})`,
    noCustody: 'aucune privation de liberté', safety: 'période de sûreté de plein droit (art. 132-23)', dataset: 'données',
    aggravation: 'circonstance aggravante générale', recidive: 'récidive', complementary: 'Peines complémentaires prévues par les textes (listées, non calculées)',
    error: 'erreur', rule: 'règle (pas de peine propre)', notInForceOn: 'pas en vigueur à cette date', byPredicate: "selon l'infraction de référence",
    orProportional: ' (ou proportionnelle)', noPenalty: 'aucune peine', noMatch: 'Aucune disposition ne correspond.',
    listed: (p: P) => `${p.count} disposition(s), peines en vigueur le ${d(p.date)}`,
    article: 'Article', ruleLabel: 'Règle', items: 'Subdivisions de même peine', aliases: 'Alias', circumstances: 'Circonstances',
    inForceOn: (p: P) => `En vigueur le ${d(p.date)}`, versions: 'Versions', inForceMark: '  ← en vigueur à cette date',
    attemptLine: (p: P) => `tentative : ${p.punishable ? 'punissable' : 'non punissable'}${p.article ? ` (art. ${p.article})` : ''}`,
    note: 'note', repealedOn: (p: P) => `Abrogé le ${d(p.date)} (${p.by})`,
    itemFrom: (p: P) => `depuis le ${d(p.date)}`, itemUntil: (p: P) => `jusqu'au ${d(p.date)}`, itemThen: 'puis',
    code: 'Code',
  },
  /** The Markdown report (eval --format markdown, the UI's export). */
  markdown: {
    title: 'Peines maximales encourues', factsDate: 'Date des faits', judgmentDate: 'Date du jugement', offender: 'Auteur',
    charges: 'Chefs', header: '| Chef | Qualification | Nature | Privation de liberté | Amende | Version |',
    reference: 'réf.', notPunishable: 'non punissable', total: 'Total (art. 132-3 et 132-5)', custody: 'Privation de liberté', fine: 'Amende',
    including: 'dont amendes contraventionnelles', sum: 'Somme arithmétique (pour mémoire, pas la règle légale)', warnings: 'Avertissements',
    complementary: 'Peines complémentaires prévues (listées, non calculées)', explanation: 'Explication', data: 'Données',
  },
  /** The terminal UI. */
  ui: {
    facts: 'faits du', judgment: 'jugement au', natural: 'personne physique', legal: 'personne morale', helpKey: 'aide',
    search: 'Recherche', charges: 'Chefs', chargeKeys: 't tent · c compl · m montant · p réf · d suppr · f j dates · l pers · x trace · e export',
    tabHint: 'Tab : agir sur les chefs', noCharges: 'aucun chef : tapez un article ou des mots, puis Entrée', total: 'Total', custody: 'privation de liberté', fine: 'amende', sum: 'Somme arithmétique (pas la règle légale)',
    sumShort: 'Somme', cap: 'Maximum légal', noCustody: 'aucune privation de liberté', noFine: 'aucune amende', warnings: 'données non vérifiées sur le texte officiel',
    footer: 'Entrée ajouter · ↑↓ choisir · Tab chefs · ? aide · Échap puis q quitter', escHint: 'q pour quitter, autre touche pour rester',
    added: 'Ajouté :', removed: 'Retiré :', noMatch: 'aucune disposition ne correspond', badDate: 'date attendue : AAAA-MM-JJ', badAmount: 'montant attendu en euros, ex. 2000000',
    exported: 'Exporté :', exportFailed: "Échec de l'export", nothingToExport: 'rien à exporter : ajoutez un chef évaluable', notInForce: 'pas en vigueur',
    byPredicate: "selon l'infraction de référence", attempt: 'tentative', accomplice: 'complicité', amount: 'montant', predicate: 'réf.', notPunishable: 'non punissable',
    promptHint: 'Entrée valider · Échap annuler',
    prompts: { amount: 'Montant (€)', predicate: "Infraction de référence (ex. 222-37)", date: 'Date des faits (AAAA-MM-JJ)', judgment: 'Date du jugement (AAAA-MM-JJ)', prior: 'Antécédent RÉF@DÉFINITIVE[:EXPIRÉE]' },
    priors: 'Antécédents', final: 'définitive le', expired: 'peine expirée le', badPrior: 'antécédent attendu : RÉF@AAAA-MM-JJ[:AAAA-MM-JJ], ex. 222-37@2018-01-10:2020-01-10',
    priorAdded: 'Antécédent ajouté :', priorsCleared: 'Antécédents retirés', recidive: 'récidive',
    reasons: {
      NOT_YET_IN_FORCE: 'pas encore en vigueur', REPEALED_BEFORE_FACTS: 'abrogé avant les faits', ABOLISHED: 'abrogé avant le jugement',
      ATTEMPT_NOT_PUNISHABLE: 'tentative non punissable', PREDICATE_NOT_ELIGIBLE: 'infraction de référence hors champ',
    },
    helpTitle: 'quantum — touches',
    helpLines: [
      'Recherche : tapez un article (323-3-2 III) ou des mots (proxénétisme) ; ↑↓ choisir ; Entrée ajouter',
      'Tab : passer de la recherche aux chefs et retour',
      'Chefs : ↑↓ choisir ; t tentative ; c complicité ; m montant ; p infraction de référence ; d retirer',
      'Affaire : f date des faits ; j date du jugement ; l personne physique / morale',
      'Antécédents (récidive) : r ajouter RÉF@DÉFINITIVE[:EXPIRÉE] ; R tout retirer',
      'x : explication pas à pas (articles et versions) ; e : exporter le cas (JSON) et un rapport (Markdown)',
      '? : cette aide ; Échap puis q, ou Ctrl-C : quitter',
    ],
    helpClose: 'Une touche pour fermer',
  },
  /** The command line: usage errors, the batch summary and its record errors. */
  cli: {
    seeHelp: 'Voir quantum --help',
    internalError: (p: P) => `erreur interne : ${p.detail}`,
    needTerminal: 'quantum tui : il faut un terminal interactif ; hors terminal, utilisez `quantum eval` (quelques chefs) ou `quantum batch` (des milliers de cas).',
    summary: (p: P) => `quantum batch : ${n(p.cases)} cas, ${n(p.failed)} en erreur, ${p.secs.toFixed(2).replace('.', ',')} s, ${n(p.rate)} cas/s, mémoire max ${p.mb} Mo${p.stop ? ` (${p.stop})` : ''}`,
    stops: { SIGINT: 'interrompu', SIGTERM: 'arrêté (SIGTERM)', EPIPE: 'sortie fermée' } as Record<string, string>,
    progress: (p: P) => `${p.cases} cas, ${p.failed} erreurs, ${p.rate}/s`,
  },
};
