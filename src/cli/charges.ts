// The command line's charge syntax: `REF[; option[=value]]…`, e.g. "450-1; predicate=222-37".
import type { Charge, Prior } from '../core/contract.js';
import { parsePriorShorthand } from '../io/shorthand.js';

export class UsageError extends Error {}

const KEYS: Record<string, 'attempt' | 'accomplice' | 'amount' | 'predicate' | 'date' | 'aggravation'> = {
  aggravation: 'aggravation', aggravations: 'aggravation', circonstance: 'aggravation',
  attempt: 'attempt', tentative: 'attempt',
  accomplice: 'accomplice', complice: 'accomplice', complicite: 'accomplice', 'complicité': 'accomplice',
  amount: 'amount', montant: 'amount',
  predicate: 'predicate', predicat: 'predicate', 'prédicat': 'predicate', origine: 'predicate',
  date: 'date',
};

/** Parses one REF argument with its options; unknown options are usage errors, values are checked later. */
export function parseChargeArg(arg: string): Charge {
  const [ref = '', ...opts] = arg.split(';').map((s) => s.trim());
  if (!ref) throw new UsageError(`empty reference in "${arg}"`);
  const charge: Charge = { ref };
  for (const opt of opts) {
    if (!opt) continue;
    const eq = opt.indexOf('=');
    const rawKey = (eq < 0 ? opt : opt.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? undefined : opt.slice(eq + 1).trim();
    const key = KEYS[rawKey];
    if (!key) throw new UsageError(`unknown charge option "${rawKey}" in "${arg}" (known: attempt, accomplice, amount=EUROS, predicate=REF, date=YYYY-MM-DD, aggravation=132-76|132-77|132-79)`);
    if (key === 'aggravation') {
      if (!value) throw new UsageError(`"${rawKey}" needs a value in "${arg}", e.g. aggravation=132-79`);
      charge.aggravations = [...(charge.aggravations ?? []), ...value.split(/[+,\s]+/).filter(Boolean)];
    } else if (key === 'attempt' || key === 'accomplice') {
      if (value !== undefined && !['true', 'false', 'oui', 'non', 'yes', 'no'].includes(value.toLowerCase())) throw new UsageError(`"${rawKey}" takes no value (or true/false) in "${arg}"`);
      charge[key] = value === undefined || ['true', 'oui', 'yes'].includes(value.toLowerCase());
    } else {
      if (!value) throw new UsageError(`"${rawKey}" needs a value in "${arg}", e.g. ${rawKey}=${key === 'amount' ? '2000000' : key === 'date' ? '2024-05-01' : '222-37'}`);
      // French amounts are typed with spaces and a decimal comma: "2 000 000,50".
      charge[key] = key === 'amount' ? value.replace(/[\s\u00a0\u202f_]/g, '').replace(',', '.').replace(/€$/, '') : value;
    }
  }
  return charge;
}

/** `--prior REF@FINAL[:EXPIRED]`, e.g. "222-37@2018-01-10:2020-01-10" (a conviction final, then served). */
export function parsePriorArg(arg: string): Prior {
  const prior = parsePriorShorthand(arg);
  if (!prior) throw new UsageError(`--prior takes REF@FINAL[:EXPIRED] with dates YYYY-MM-DD, e.g. "222-37@2018-01-10:2020-01-10", not "${arg}"`);
  return prior;
}
