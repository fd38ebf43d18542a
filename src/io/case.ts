// The case of contract.md as a zod schema: everything a user sends goes through here first.
// zod/mini: the same checks and messages as zod's classic API, in a bundle a sixth of the size. Batch workers load
// this module and nothing else of zod, so each starts sooner.
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { jsonPath } from '../core/json-path.js';
import type { Case, QuantumError } from '../core/contract.js';

z.config(en()); // zod/mini has no default messages: the same English ones as the classic API

const date = z.iso.date({ error: 'must be a date YYYY-MM-DD' })
  .check(z.refine((d) => d >= '1900-01-01' && d <= '2199-12-31', { error: 'must be a date between 1900 and 2199' }));
/** Euros as a decimal string: never a JSON number (floats lose cents), never negative. */
const amount = z.string({ error: 'must be a decimal string of euros, e.g. "2000000" (not a JSON number)' })
  .check(z.regex(/^\d{1,30}(\.\d{1,2})?$/, { error: 'must be a non-negative decimal string of euros with at most 30 digits and 2 decimals, e.g. "2000000.50"' }));
const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

export const chargeSchema = z.strictObject({
  ref: z.string({ error: 'must be a provision reference such as "323-3-2 III"' }).check(z.minLength(1), z.maxLength(100)),
  date: z.optional(date),
  attempt: z.optional(z.boolean()),
  accomplice: z.optional(z.boolean()),
  amount: z.optional(amount),
  predicate: z.optional(text(100)),
  aggravations: z.optional(z.array(z.string().check(z.maxLength(20))).check(z.maxLength(10))),
});

/** The default limit on charges per case (an option: --max-charges, `maxCharges`). */
export const DEFAULT_MAX_CHARGES = 10_000;

const makeCaseSchema = (maxCharges: number) => z.strictObject({
  id: z.optional(z.union([z.string().check(z.maxLength(200)), z.pipe(z.number(), z.transform(String))])),
  date: z.optional(date),
  judgmentDate: z.optional(date),
  offender: z.optional(z.strictObject({
    type: z.optional(z.enum(['natural', 'legal'])),
    priors: z.optional(z.array(z.strictObject({
      ref: text(100), final: date, expired: z.optional(date),
      date: z.optional(date), predicate: z.optional(text(100)),
    })).check(z.maxLength(1000))),
  })),
  charges: z.array(chargeSchema).check(
    z.minLength(1, { error: 'a case needs at least one charge' }),
    z.maxLength(maxCharges, { error: `at most ${maxCharges} charges in a case (see --max-charges)` }),
  ),
});
const schemas = new Map<number, ReturnType<typeof makeCaseSchema>>();
/**
 * The case schema for a charge limit, ahead-of-time compiled by zod where the installed zod offers it
 * (3 to 4 times faster in batch, same issues and messages: the tests check the error paths).
 */
export function caseSchemaFor(maxCharges = DEFAULT_MAX_CHARGES) {
  let s = schemas.get(maxCharges);
  if (!s) {
    const plain = makeCaseSchema(maxCharges);
    s = typeof z.compile === 'function' ? z.compile(plain) : plain;
    schemas.set(maxCharges, s);
  }
  return s;
}


export type CaseParse = { ok: true; case: Case } | { ok: false; error: QuantumError; id: string | null };

/**
 * Validates untrusted input as a case; the error names the first field at fault and its path. The case returned
 * is a copy, unless `owned` says the input is the caller's own (batch: fresh from JSON.parse) and needs nothing
 * transformed (a numeric id becomes a string): zod then only checks it, and it is used as it is.
 */
export function parseCase(input: unknown, maxCharges = DEFAULT_MAX_CHARGES, owned = false): CaseParse {
  const schema = caseSchemaFor(maxCharges);
  if (owned && z.validate(schema, input) && typeof (input as { id?: unknown }).id !== 'number') return { ok: true, case: input as Case };
  const r = schema.safeParse(input);
  if (r.success) return { ok: true, case: r.data as Case };
  const issue = r.error.issues[0]!;
  const path = jsonPath(issue.path);
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  const more = r.error.issues.length > 1 ? ` (and ${r.error.issues.length - 1} more problem${r.error.issues.length > 2 ? 's' : ''})` : '';
  const id = input && typeof input === 'object' && 'id' in input && (typeof input.id === 'string' || typeof input.id === 'number') ? String(input.id) : null;
  return { ok: false, id, error: { code: 'INVALID_CASE', path: path || null, message: `${path ? `${path}: ` : ''}${message}${more}` } };
}

export { parsePriorShorthand } from './shorthand.js';
