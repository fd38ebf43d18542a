// The terminal UI's words, French first.
import type { Reason } from '../core/contract.js';

export interface Messages {
  facts: string; judgment: string; natural: string; legal: string; helpKey: string; search: string; charges: string;
  chargeKeys: string; tabHint: string; noCharges: string; total: string; custody: string; fine: string; sum: string; sumShort: string; cap: string;
  noCustody: string; noFine: string; warnings: string; footer: string; escHint: string; added: string; removed: string;
  noMatch: string; badDate: string; badAmount: string; exported: string; exportFailed: string; nothingToExport: string;
  notInForce: string; byPredicate: string; attempt: string; accomplice: string; amount: string; predicate: string;
  notPunishable: string; promptHint: string; prompts: Record<'amount' | 'predicate' | 'date' | 'judgment' | 'prior', string>;
  priors: string; final: string; expired: string; badPrior: string; priorAdded: string; priorsCleared: string; recidive: string;
  reasons: Record<Reason, string>; helpTitle: string; helpLines: string[]; helpClose: string;
}

export const MESSAGES: Record<'fr' | 'en', Messages> = {
  fr: {
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
  en: {
    facts: 'facts of', judgment: 'judgment on', natural: 'natural person', legal: 'legal person', helpKey: 'help',
    search: 'Search', charges: 'Charges', chargeKeys: 't attempt · c compl. · m amount · p pred. · d remove · f/j dates · l person · x trace · e export',
    tabHint: 'Tab: work on charges', noCharges: 'no charge yet: type an article or words, then Enter', total: 'Total', custody: 'custody', fine: 'fine', sum: 'Arithmetic sum (not the legal rule)',
    sumShort: 'Sum', cap: 'Legal maximum', noCustody: 'no custody', noFine: 'no fine', warnings: 'data not verified against the official text',
    footer: 'Enter add · ↑↓ move · Tab charges · ? help · Esc then q quit', escHint: 'q to quit, any other key to stay',
    added: 'Added:', removed: 'Removed:', noMatch: 'no provision matches', badDate: 'expected a date YYYY-MM-DD', badAmount: 'expected an amount in euros, e.g. 2000000',
    exported: 'Exported:', exportFailed: 'Export failed', nothingToExport: 'nothing to export: add a charge that evaluates', notInForce: 'not in force',
    byPredicate: 'depends on the offence referred to', attempt: 'attempt', accomplice: 'complicity', amount: 'amount', predicate: 'ref.', notPunishable: 'not punishable',
    promptHint: 'Enter confirm · Esc cancel',
    prompts: { amount: 'Amount (€)', predicate: 'Offence referred to (e.g. 222-37)', date: 'Date of the facts (YYYY-MM-DD)', judgment: 'Date of judgment (YYYY-MM-DD)', prior: 'Prior REF@FINAL[:EXPIRED]' },
    priors: 'Priors', final: 'final', expired: 'penalty expired', badPrior: 'expected REF@YYYY-MM-DD[:YYYY-MM-DD], e.g. 222-37@2018-01-10:2020-01-10',
    priorAdded: 'Prior added:', priorsCleared: 'Priors cleared', recidive: 'récidive',
    reasons: {
      NOT_YET_IN_FORCE: 'not yet in force', REPEALED_BEFORE_FACTS: 'repealed before the facts', ABOLISHED: 'repealed before judgment',
      ATTEMPT_NOT_PUNISHABLE: 'attempt not punishable', PREDICATE_NOT_ELIGIBLE: 'offence referred to out of scope',
    },
    helpTitle: 'quantum — keys',
    helpLines: [
      'Search: type an article (323-3-2 III) or words (laundering); ↑↓ move; Enter add',
      'Tab: switch between search and charges',
      'Charges: ↑↓ move; t attempt; c complicity; m amount; p offence referred to; d remove',
      'Case: f date of facts; j date of judgment; l natural / legal person',
      'Priors (récidive): r add REF@FINAL[:EXPIRED]; R clear all',
      'x: step-by-step explanation (articles and versions); e: export the case (JSON) and a report (Markdown)',
      '?: this help; Esc then q, or Ctrl-C: quit',
    ],
    helpClose: 'Any key to close',
  },
};
