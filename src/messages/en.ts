// Every word quantum shows in English: the trace, warnings, errors, the text and Markdown views, the terminal
// UI, the command line. French is in fr.ts, with the same keys (test/messages.test.ts checks both have every key).
import { Decimal } from 'decimal.js';
import type { Lang, PrisonOut } from './units.js';
import type { Messages } from './index.js';
import { formatDate, formatDuration, formatMoney, formatPrison, formatSumPrison } from './units.js';

type P = Record<string, any>;
const L = 'en' as const;
const NATURE: Record<string, string> = { crime: 'crime (felony)', delit: 'délit (misdemeanour)', contravention: 'contravention (petty offence)' };
const nat = (n: string) => NATURE[n] ?? n;
const pr = (p: PrisonOut | null) => (p ? formatPrison(p, L) : 'no custodial penalty');
const fi = (f: string | null) => (f ? formatMoney(f, L) : 'no fine');
const d = (x: string) => formatDate(x, L);
const dur = (m: number) => formatDuration(m, L);
const sumPrison = (p: { months: number; life: boolean }) => formatSumPrison(p, L);
const st = (s: string) => (s === 'text' ? '' : ` [status: ${s}]`);
// Decimal: 0.1 × 100 is 10, not 10.000000000000002.
const pct = (ratio: string) => `${new Decimal(ratio).times(100).toFixed()} %`;
const n = (x: number) => String(x);
const list = (xs: string[]) => xs.join(', ');

export const en: Messages = {
  lang: L as Lang,
  nature: NATURE,
  /** The trace: one phrase per kind of step (src/core/law/*), its figures from the step's params. */
  steps: {
    VERSION_AT_FACTS: (p: P) => `Text applicable to facts of ${d(p.date)}: ${p.ref} as in force ${p.to ? `from ${d(p.from)} to ${d(p.to)}` : `since ${d(p.from)}`} (${p.amendedBy})${st(p.status)}.`,
    NOT_YET_IN_FORCE: (p: P) => `Not punishable: ${p.ref} is in force only from ${d(p.from)} (${p.amendedBy}); a criminal law does not reach earlier facts (${d(p.date)}).`,
    REPEALED_BEFORE_FACTS: (p: P) => `Not punishable: ${p.ref} was no longer in force on the date of the facts (${d(p.date)})${p.repealed ? `; repealed by ${p.repealed.by}` : ''}.`,
    ABOLISHED: (p: P) => `Not punishable: ${p.ref} ceased to be in force on ${d(p.at)}${p.repealed ? ` (${p.repealed.by})` : ''}, before judgment (${d(p.judgment)}); the milder new law reaches facts not yet judged.`,
    ITEM_MOVED: (p: P) => `${p.ref} left this text on ${d(p.at)}; the same conduct has since been punished by ${p.to}: the offence continues, so the facts remain punishable.`,
    ITEM_RENUMBERED: (p: P) => `${p.ref} was renumbered ${p.as} on ${d(p.at)}: the circumstance stays in the text, so the facts remain punishable.`,
    LATER_VERSION: (p: P) => `Later version in force before judgment: from ${d(p.from)} (${p.amendedBy})${st(p.status)}.`,
    PENALTY_OF: (p: P) => `The text refers to the penalties of ${p.other}: ${pr(p.prison)}; ${fi(p.fine)}.`,
    PROPORTIONAL_ONLY_NOT_COMPUTED: (p: P) => `The fine is ${pct(p.ratio)} of the ${p.base.en}; no amount given, so the fine is not computed.`,
    PENALTY: (p: P) => `Penalty set: ${pr(p.prison)}; ${fi(p.fine)}.`,
    CONTRAVENTION_CLASS: (p: P) => `Class ${p.class} contravention: fine of at most ${fi(p.fine)}${st(p.status)}.`,
    PROPORTIONAL_FINE: (p: P) => `The fine may be raised to ${pct(p.ratio)} of the ${p.base.en} (${fi(p.amount)}), i.e. ${fi(p.share)}; maximum: ${fi(p.fine)}.`,
    PROPORTIONAL_NOT_COMPUTED: (p: P) => `The fine may be raised to ${pct(p.ratio)} of the ${p.base.en}; no amount given, so only the fixed amount counts.`,
    PREDICATE_TIER: (p: P) => `The offence referred to, ${p.predicate}, is a ${nat(p.nature)} punished by ${pr(p.prison)}: ${p.tier ? `${p.tier.en}: ` : ''}${pr(p.resultPrison)}; ${fi(p.resultFine)}.`,
    PREDICATE_NOT_ELIGIBLE: (p: P) => `Not punishable under this text: the offence referred to, ${p.predicate} (${nat(p.nature)}, ${pr(p.prison)}), falls in none of its cases.`,
    PREDICATE_NOT_IN_FORCE: (p: P) => `The offence referred to, ${p.predicate}, was not in force on ${d(p.date)}.`,
    PREDICATE_NEEDS_PREDICATE: (p: P) => `The offence referred to, ${p.predicate}, itself depends on another offence: give that one directly.`,
    HEAVIER_PREDICATE_APPLIED: (p: P) => `The offence of origin ${p.predicate} is punished more severely (${pr(p.predicatePrison)}) than ${pr(p.ownPrison)}: its penalties apply (${pr(p.predicatePrison)}; ${fi(p.predicateFine)}).`,
    HEAVIER_PREDICATE_NOT_APPLIED: (p: P) => `The offence of origin ${p.predicate} (${pr(p.predicatePrison)}) is not punished more severely than ${pr(p.ownPrison)}: its penalties do not replace these.`,
    ATTEMPT_NOT_PUNISHABLE: (p: P) => `Not punishable: the attempt ${p.nature === 'contravention' ? 'of a contravention is never punished' : 'of this délit is punished by no text'}${p.later ? ` in the milder version of ${d(p.from)}` : ''}.`,
    MILDER_NOT_PUNISHABLE: (p: P) => `The version of ${d(p.from)}, in force before judgment, no longer punishes these facts: it applies as the milder law.`,
    MILDER_LAW: (p: P) => p.changed
        ? `Milder law: for each penalty the least severe version applies: ${pr(p.prison)} (version of ${d(p.prisonFrom)}); ${fi(p.fine)} (version of ${d(p.fineFrom)}).`
        : `The later versions are not milder: the version in force on the date of the facts applies (a harsher law is not retroactive).`,
    NATURE: (p: P) => `Classification: ${nat(p.nature)}, from the penalty incurred.`,
    ATTEMPT_CRIME: () => `Attempted crime: always punishable, by the same penalties as the completed offence.`,
    ATTEMPT_DELIT: (p: P) => `Attempted délit: punishable under article ${p.article}, by the same penalties.`,
    ACCOMPLICE: () => `Complicity: the accomplice is punished as the author (same penalties incurred).`,
    ACCOMPLICE_CONTRAVENTION: () => `Complicity in a contravention: punished as author for provocation or instructions; aid or assistance only where the regulation provides.`,
    LEGAL_PERSON_NO_PRISON: () => `Legal person: no custodial penalty.`,
    LEGAL_PERSON_FINE: (p: P) => `Legal person: fine of ${p.multiplier} times the natural-person maximum (${fi(p.natural)}), i.e. ${fi(p.fine)}.`,
    LEGAL_PERSON_CRIME_NO_FINE: (p: P) => `Legal person, crime with no fine for natural persons: fine of ${fi(p.fine)}.`,
    LEGAL_PERSON_CONTRAVENTION: (p: P) => `Legal person, contravention: fine of ${p.multiplier} times the natural-person maximum.`,
    LEGAL_PERSON_NO_FINE: () => `Legal person: no text sets a fine for this offence.`,
    AGGRAVATION: (p: P) => `General aggravation (${p.label.en}): the maximum moves from ${pr(p.before)} to ${pr(p.after)}; the fine is unchanged.`,
    AGGRAVATION_NOT_IN_FORCE: (p: P) => `General aggravation (${p.label.en}) not applicable: it is general only since ${p.from ? d(p.from) : '?'}, after the facts (${d(p.date)}).`,
    AGGRAVATION_NO_STEP: (p: P) => `General aggravation (${p.label.en}) without effect: ${p.prison ? `${pr(p.prison)} has no higher step in the table` : 'no custodial penalty to raise'}.`,
    RECIDIVE: (p: P) => `Art. ${p.id} — ${p.label.en}: conviction final on ${d(p.final)} for ${p.prior}${p.windowEnd ? `, penalty expired on ${d(p.expired)}, ${p.windowYears}-year window running to ${d(p.windowEnd)}` : ', no time limit'}${p.same ? ` (same or assimilated offence: ${String(p.same).replace(/^art:/, 'art. ').replace(/^group:/, 'art. ')})` : ''}; maximum: ${pr(p.before)}, ${fi(p.beforeFine)} → ${pr(p.after)}, ${fi(p.afterFine)}.`,
    RECIDIVE_NONE: () => `No récidive rule applies to this charge (conviction not final before the facts, outside the window, or penalty conditions not met): mere reiteration, the maximum is unchanged.`,
    SAFETY_PERIOD: (p: P) => `Safety period applies of right if an unsuspended custodial sentence of at least ${dur(p.months)} is pronounced.`,
    NOTHING_PUNISHABLE: () => `No punishable offence: no penalty is incurred.`,
    CONCOURS: (p: P) => `Concours réel: ${p.count} offences judged together; penalties of the same nature do not add up.`,
    SINGLE_PRISON: (p: P) => `Custodial penalty incurred: ${pr(p.prison)} (${p.ref}).`,
    CONCOURS_PRISON: (p: P) => `One custodial penalty, within the highest legal maximum (all such penalties are one nature): ${pr(p.prison)}, set by ${p.ref}.`,
    LIFE_CAP: (p: P) => `Life is incurred; if it is not pronounced, the legal maximum is ${dur(p.months)}.`,
    SINGLE_FINE: (p: P) => `Fine incurred: ${fi(p.fine)} (${p.ref}).`,
    CONCOURS_FINE: (p: P) => `One criminal or correctional fine, within the highest maximum: ${fi(p.fine)}, set by ${p.ref}.`,
    CONTRAVENTION_FINES_ADDED: (p: P) => `Contravention fines add up with each other and with the other fines: ${fi(p.fine)} (${p.refs.join(', ')}).`,
    TOTAL_FINE: (p: P) => `Total fine incurred: ${fi(p.fine)}.`,
    ARITHMETIC: (p: P) => `For reference, the arithmetic sum (not the legal rule): ${p.prison ? sumPrison(p.prison) : 'no custody'}; ${fi(p.fine)}.`,
  },
  /** Warnings on a result (UNVERIFIED, NOT_COMPUTED, NOTE). */
  warnings: {
    W_PRIOR_IGNORED: (p: P) => `Prior conviction ${p.ref} not taken into account: ${p.why === 'NOT_IN_FORCE' ? 'the text was not in force on its date' : 'its offence referred to is outside the text'}.`,
    W_NOTICE: (p: P) => `${p.ref}: ${p.text}`,
    W_ITEM_MOVED: (p: P) => `${p.ref} left this text on ${d(p.at)} for ${p.to}: the facts remain punishable; the milder law is looked for among this text's versions, not in ${p.to}.`,
    W_FINE_NEEDS_AMOUNT: (p: P) => `${p.ref}: the fine is proportional to a value the case does not give ("amount"); it is not computed and is missing from the total.`,
    W_WITHIN_TIER: (p: P) => `${p.within} is part of ${p.ref}: the penalties of ${p.ref} apply.`,
    W_AGGRAVATION_NO_EFFECT: (p: P) => `${p.ref}: the general aggravation ${p.key} asked for has no effect (${p.why === 'NOT_IN_FORCE' ? `it is general only since ${p.from ? d(p.from) : '?'}` : p.why === 'NO_PRISON' ? 'no custodial penalty to raise' : 'the maximum has no higher step'}).`,
    W_COMPLICITY_NOT_AS_AUTHOR: (p: P) => `${p.ref}: the complicity rule in force does not punish the accomplice as the author; quantum does not compute this case.`,
    W_AGGRAVATIONS_STACKED: () => `Several general aggravations are applied one after the other; whether they stack is not settled by the texts.`,
    W_UNVERIFIED: (p: P) => `The version of ${p.ref} in force from ${d(p.from)} is not verified against the official text (status: ${p.status}).`,
    W_PARAM_UNVERIFIED: (p: P) => `The general rule of article ${p.article} used here is not verified against the official text (status: ${p.status}).`,
    W_LEGAL_PERSON_NO_FINE: () => `No fine is computed for the legal person on this charge: the text sets none for natural persons and no general rule fills the gap.`,
    W_SPECIALITY: (p: P) => `${p.from ? `Before ${d(p.from)}` : 'On the date of the facts'} a legal person was liable only where the text of the offence said so (art. 121-2, speciality); quantum does not check this.`,
  },
  /** Why a charge is not punishable (the result's `reason`). */
  reasons: {
    NOT_YET_IN_FORCE: 'text not yet in force on the date of the facts',
    REPEALED_BEFORE_FACTS: 'text repealed before the facts',
    ABOLISHED: 'text repealed before judgment',
    ATTEMPT_NOT_PUNISHABLE: 'attempt not punishable',
    PREDICATE_NOT_ELIGIBLE: 'the offence referred to is outside the text',
  } as Record<string, string>,
  /** Errors: the case cannot be evaluated. Each names what is wrong; the path is printed beside it. */
  errors: {
    E_DATE: () => 'must be a date YYYY-MM-DD',
    E_DATE_RANGE: () => 'must be a date between 1900 and 2199',
    E_AMOUNT_TYPE: () => 'must be a decimal string of euros, e.g. "2000000" (not a JSON number)',
    E_AMOUNT: () => 'must be a non-negative decimal string of euros with at most 30 digits and 2 decimals, e.g. "2000000.50"',
    E_REF: () => 'must be a provision reference such as "323-3-2 III"',
    E_NO_CHARGE: () => 'a case needs at least one charge',
    E_MAX_CHARGES: (p: P) => `at most ${p.max} charges in a case (see --max-charges)`,
    E_UNKNOWN_FIELDS: (p: P) => `unknown field${p.keys.length > 1 ? 's' : ''} ${p.keys.map((k: string) => `"${k}"`).join(', ')}`,
    E_TYPE: (p: P) => `Invalid input: expected ${p.expected}, received ${p.received}`,
    E_TOO_SHORT: (p: P) => (p.origin === 'array' ? `Too small: expected array to have >=${p.minimum} items` : `Too small: expected string to have >=${p.minimum} characters`),
    E_TOO_LONG: (p: P) => (p.origin === 'array' ? `Too big: expected array to have <=${p.maximum} items` : `Too big: expected string to have <=${p.maximum} characters`),
    E_OPTION: (p: P) => `Invalid option: expected one of ${p.values.map((v: string) => `"${v}"`).join('|')}`,
    E_INVALID: () => 'Invalid input',
    E_MORE_PROBLEMS: (p: P) => ` (and ${p.count} more problem${p.count > 1 ? 's' : ''})`,
    E_CASE_OBJECT: () => 'a case must be a JSON object',
    E_NOT_JSON: (p: P) => `not valid JSON: ${p.detail}`,
    E_PRIOR_EXPIRED: (p: P) => `the penalty cannot expire (${p.expired}) before the conviction is final (${p.final})`,
    E_RULE_NOT_OFFENCE: (p: P) => `${p.ref} is a rule, not an offence (${p.rule.en})${p.targets.length ? `; charge ${p.targets.join(' or ')} instead` : ''}`,
    E_JUDGMENT_BEFORE_FACTS: (p: P) => `the judgment date ${p.judgment} is before the date of the facts ${p.date}`,
    E_UNKNOWN_AGGRAVATION: (p: P) => `unknown general aggravation "${p.key}" (known: ${p.known})`,
    E_AGGRAVATION_TWICE: (p: P) => `${p.key} is given twice`,
    E_AGGRAVATION_CONTRAVENTION: (p: P) => `${p.key} applies to crimes and délits, not to the contravention ${p.ref}`,
    E_AGGRAVATION_EXCLUDED: (p: P) => `${p.key} does not apply to article ${p.article}: its text excludes it`,
    E_AGGRAVATION_BUILT_IN: (p: P) => `${p.ref} already includes this circumstance (${p.key}) among its elements`,
    E_UNUSED_AMOUNT: (p: P) => `${p.ref} has no fine proportional to an amount; remove "amount"`,
    E_UNUSED_PREDICATE: (p: P) => `${p.ref} does not depend on another offence; remove "predicate"`,
    E_PREDICATE_RULE: (p: P) => `predicate ${p.ref} is a rule, not an offence`,
    E_MISSING_PREDICATE: (p: P) => `${p.ref} needs the offence it refers to: give a predicate (e.g. "predicate": "222-37")`,
    E_MISSING_ORIGIN: (p: P) => `${p.ref} needs the offence the property came from: give a predicate (e.g. "predicate": "222-34")`,
    E_NOT_A_REF: (p: P) => `"${p.input}" is not a provision reference (expected e.g. 323-3-2 III, 222-24 8°, 227-23 al. 5, R625-1, route L234-1)`,
    E_UNKNOWN_PROVISION: (p: P) => `no provision ${p.input} in the rules`,
    E_UNKNOWN_SUB: (p: P) => `article ${p.article} has no subdivision ${p.sub}; it has: ${p.tiers}`,
    E_AMBIGUOUS_TIERS: (p: P) => `article ${p.article} has tiers with different penalties; name one: ${p.tiers}`,
    E_AMBIGUOUS_CODE: (p: P) => `article ${p.article} is not in the Code pénal; name its code: ${p.choices.map((c: P) => `${c.ref} (${c.label.en})`).join(', ')}`,
    E_DID_YOU_MEAN: (p: P) => `; did you mean ${list(p.suggestions)}?`,
    E_INTERNAL: (p: P) => `internal error: ${p.detail}`,
  },
  /** The text view of `quantum eval` and the catalogue commands. */
  text: {
    title: 'Maximum penalties incurred', facts: 'facts of', judgment: 'judgment on', natural: 'natural person', legal: 'legal person',
    charges: 'Charges', total: 'Total (concours réel, art. 132-3 and 132-5)', prison: 'Custody', fine: 'Fine',
    none: 'none', cappedBy: 'maximum set by', sum: 'Arithmetic sum (for reference, not the legal rule)',
    warnings: 'Warnings', trace: 'Explanation', notPunishable: 'not punishable', version: 'version in force', since: 'since',
    from: 'from', to: 'to', attempt: 'attempt', accomplice: 'complicity', predicate: 'offence referred to',
    contraventions: 'of which contravention fines (art. 132-7)',
    lifeCap: (p: P) => `if life is not pronounced: ${dur(p.months)} at most (art. ${p.article})`,
    noCustody: 'no custody', safety: 'safety period of right (art. 132-23)', dataset: 'data',
    aggravation: 'general aggravation', recidive: 'récidive (repeat offending)', complementary: 'Complementary penalties the texts provide (listed, not computed)',
    error: 'error', rule: 'rule (no penalty of its own)', notInForceOn: 'not in force on that date', byPredicate: 'depends on the offence referred to',
    orProportional: ' (or proportional)', noPenalty: 'no penalty', noMatch: 'No provision matches.',
    listed: (p: P) => `${p.count} provision(s), penalties in force on ${d(p.date)}`,
    article: 'Article', ruleLabel: 'Rule', items: 'Subdivisions with this penalty', aliases: 'Aliases', circumstances: 'Circumstances',
    inForceOn: (p: P) => `In force on ${d(p.date)}`, versions: 'Versions', inForceMark: '  ← in force on that date',
    attemptLine: (p: P) => `attempt: ${p.punishable ? 'punishable' : 'not punishable'}${p.article ? ` (art. ${p.article})` : ''}`,
    note: 'note', repealedOn: (p: P) => `Repealed on ${d(p.date)} (${p.by})`,
    itemFrom: (p: P) => `from ${d(p.date)}`, itemUntil: (p: P) => `until ${d(p.date)}`, itemThen: 'then',
    code: 'Code',
  },
  /** The Markdown report (eval --format markdown, the UI's export). */
  markdown: {
    title: 'Maximum penalties incurred', factsDate: 'Date of the facts', judgmentDate: 'Date of judgment', offender: 'Offender',
    charges: 'Charges', header: '| Charge | Offence | Class | Custody | Fine | Version |',
    reference: 'ref.', notPunishable: 'not punishable', total: 'Total (art. 132-3 and 132-5)', custody: 'Custody', fine: 'Fine',
    including: 'including contravention fines', sum: 'Arithmetic sum (for reference, not the legal rule)', warnings: 'Warnings',
    complementary: 'Complementary penalties provided (listed, not computed)', explanation: 'Explanation', data: 'Data',
  },
  /** The terminal UI. */
  ui: {
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
  /** The command line: usage errors, the batch summary and its record errors. */
  cli: {
    seeHelp: 'See quantum --help',
    internalError: (p: P) => `internal error: ${p.detail}`,
    needTerminal: 'quantum tui: needs an interactive terminal; without one, use `quantum eval` (a few charges) or `quantum batch` (thousands of cases).',
    summary: (p: P) => `quantum batch: ${p.cases} cases, ${p.failed} failed, ${p.secs.toFixed(2)} s, ${p.rate} cases/s, peak memory ${p.mb} MB${p.stop ? ` (${p.stop})` : ''}`,
    stops: { SIGINT: 'interrupted', SIGTERM: 'terminated (SIGTERM)', EPIPE: 'output closed' } as Record<string, string>,
    progress: (p: P) => `${p.cases} cases, ${p.failed} errors, ${p.rate}/s`,
  },
};
