// The command line's charge syntax: `REF[; option[=value]]…`, e.g. "450-1; predicate=222-37".
import type { Charge, Prior } from '../core/contract.js';
import { parsePriorShorthand, priorDates } from '../io/shorthand.js';
import { parseUserDate } from '../io/dates.js';
import { amountProblem, canonicalAmount } from '../schema/amount.js';
import { UsageError } from './common.js';

type Key = 'attempt' | 'accomplice' | 'amount' | 'predicate' | 'date' | 'aggravation' | 'repentis' | 'with';
const KEYS: Record<string, Key> = {
  aggravation: 'aggravation', aggravations: 'aggravation', circonstance: 'aggravation',
  attempt: 'attempt', tentative: 'attempt',
  accomplice: 'accomplice', complice: 'accomplice', complicite: 'accomplice', 'complicité': 'accomplice',
  amount: 'amount', montant: 'amount',
  predicate: 'predicate', predicat: 'predicate', 'prédicat': 'predicate', origine: 'predicate',
  date: 'date',
  repentis: 'repentis', repenti: 'repentis',
  with: 'with', avec: 'with', related: 'with', lie: 'with', 'lié': 'with',
};
/** Repentis values, in French or English. */
const REPENTIS: Record<string, 'exempt' | 'reduced'> = { exempt: 'exempt', exemption: 'exempt', exempte: 'exempt', 'exempté': 'exempt', reduced: 'reduced', reduction: 'reduced', 'réduction': 'reduced', reduit: 'reduced', 'réduit': 'reduced' };
// The same words as CSV's attempt and accomplice columns (src/io/batch.ts).
const YES = ['true', 'oui', 'yes', 'vrai', '1'], NO = ['false', 'non', 'no', 'faux', '0'];
const EXAMPLE: Record<Key, string> = { aggravation: 'aggravation=132-79', amount: 'amount=2000000', date: 'date=2024-05-01', predicate: 'predicate=222-37', attempt: '', accomplice: '', repentis: 'repentis=reduced', with: 'avec=1' };

/**
 * `avec=1,2`: the charges (numbered from 1, as on the command line) whose penalties this one's add to under a
 * cumulation clause (434-31, route L233-1 II); the contract's relatedTo counts from 0.
 */
const withCharges = (value: string, arg: string): number[] => value.split(/[,+\s]+/).filter(Boolean).map((x) => {
  if (!/^\d{1,5}$/.test(x) || Number(x) < 1) throw new UsageError('U_WITH', { value: x, arg });
  return Number(x) - 1;
});

/** One option of a charge: its value checked and written as the contract wants it. */
function option(charge: Charge, key: Key, rawKey: string, value: string | undefined, arg: string): void {
  if (key === 'attempt' || key === 'accomplice') {
    if (value !== undefined && ![...YES, ...NO].includes(value.toLowerCase())) throw new UsageError('U_NO_VALUE', { key: rawKey, arg, value, yes: YES, no: NO });
    if (charge[key] !== undefined) throw new UsageError('U_TWICE', { key: rawKey, arg }); // "tentative; tentative=non": which?
    charge[key] = value === undefined || YES.includes(value.toLowerCase());
    return;
  }
  if (!value) throw new UsageError('U_NEEDS_VALUE', { key: rawKey, arg, example: EXAMPLE[key] });
  if (key === 'aggravation') { charge.aggravations = [...(charge.aggravations ?? []), ...value.split(/[+,\s]+/).filter(Boolean)]; return; }
  if (charge[key === 'with' ? 'relatedTo' : key] !== undefined) throw new UsageError('U_TWICE', { key: rawKey, arg });
  if (key === 'amount') {
    const amount = canonicalAmount(value);
    if (amount === null) throw new UsageError('U_BAD_AMOUNT', { value, arg, why: amountProblem(value) });
    charge.amount = amount;
  } else if (key === 'repentis') {
    const r = REPENTIS[value.toLowerCase()];
    if (!r) throw new UsageError('U_REPENTIS', { value, arg });
    charge.repentis = r;
  } else if (key === 'with') {
    charge.relatedTo = withCharges(value, arg);
  } else if (key === 'date') {
    const iso = parseUserDate(value);
    if (!iso) throw new UsageError('U_DATE', { name: 'date=', value });
    charge.date = iso;
  } else charge.predicate = value;
}

/** Parses one REF argument with its options; unknown options, repeats and bad values are usage errors. */
export function parseChargeArg(arg: string): Charge {
  const [ref = '', ...opts] = arg.split(';').map((s) => s.trim());
  if (!ref) throw new UsageError('U_EMPTY_REF', { arg });
  const charge: Charge = { ref };
  for (const opt of opts) {
    if (!opt) continue;
    const eq = opt.indexOf('=');
    const rawKey = (eq < 0 ? opt : opt.slice(0, eq)).trim().toLowerCase();
    const key = KEYS[rawKey];
    // "311-3; 222-37": a second charge where an option goes (each charge is an argument of its own).
    if (!key && eq < 0 && /\d/.test(rawKey)) throw new UsageError('U_OPTION_IS_REF', { key: opt, arg, ref });
    if (!key) throw new UsageError('U_UNKNOWN_OPTION', { key: rawKey, arg });
    option(charge, key, rawKey, eq < 0 ? undefined : opt.slice(eq + 1).trim(), arg);
  }
  return charge;
}

/** Each `avec=N` names another charge of the command line. */
export function checkWith(charges: Charge[], args: string[]): void {
  charges.forEach((ch, i) => {
    for (const j of ch.relatedTo ?? []) {
      if (j === i) throw new UsageError('U_WITH_SELF', { n: j + 1, count: charges.length, arg: args[i] });
      if (j >= charges.length) throw new UsageError('U_WITH_RANGE', { n: j + 1, count: charges.length, arg: args[i] });
    }
  });
}

/** `--prior REF@FINAL[:EXPIRED]`, e.g. "222-37@2018-01-10:2020-01-10" (a conviction final, then served). */
export function parsePriorArg(arg: string): Prior {
  const prior = parsePriorShorthand(arg);
  if (prior) return prior;
  // Well shaped but with a date that is not one (2020-13-01): that date is named, not the whole syntax.
  const bad = priorDates(arg)?.find((d) => !parseUserDate(d));
  throw bad ? new UsageError('U_PRIOR_DATE', { arg, date: bad }) : new UsageError('U_PRIOR', { arg });
}
