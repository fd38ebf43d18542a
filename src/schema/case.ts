// The case of docs/contract.md as a zod schema: everything a user sends goes through it first. Its `error` options
// are message keys (src/messages), so the message is rendered in the user's language.
// zod/mini: the same checks as zod's classic API, in a bundle a sixth of the size. Batch workers load this module
// and nothing else of zod, so each starts sooner.
import * as z from 'zod/mini';
import { canonicalAmount } from './amount.js';

/** A field's description, kept in the schema: docs/contract.md is generated from it. */
// Kept in zod's registry of metadata, not as a check: a check would run at every parse (and zod's compiled
// validator, which batch uses, runs about 9 times slower with one per field). On a copy: one schema (a date) serves
// several fields, each with its own description.
const doc = <T extends z.ZodMiniType>(schema: T, text: string): T => { const copy = z.clone(schema) as T; z.globalRegistry.add(copy, { description: text }); return copy; };

const date = z.iso.date({ error: 'E_DATE' })
  .check(z.refine((d) => d >= '1900-01-01' && d <= '2199-12-31', { error: 'E_DATE_RANGE' }));
/**
 * Euros as a string: never a JSON number (floats lose cents), never negative; "2 000 000,50" is read as
 * "2000000.50" (./amount.ts), the same rule as on the command line and in CSV.
 */
const amount = z.pipe(
  z.string({ error: 'E_AMOUNT_TYPE' }).check(z.refine((v) => canonicalAmount(v) !== null, { error: 'E_AMOUNT' })),
  z.transform((v) => canonicalAmount(v)!),
);
/** A lone half of a UTF-16 surrogate pair ("\ud800" in JSON): no character; echoed back, it breaks strict JSON readers. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = z.refine<string>((s) => !LONE_SURROGATE.test(s), { error: 'E_LONE_SURROGATE' });
const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max), wellFormed);

export const chargeSchema = z.strictObject({
  ref: doc(z.string({ error: 'E_REF' }).check(z.minLength(1, { error: 'E_REF' }), z.maxLength(100), wellFormed), 'The provision charged (docs/contract.md, "Refs").'),
  date: doc(z.optional(date), 'This charge\'s date of facts, when it differs from the case\'s.'),
  attempt: doc(z.optional(z.boolean()), 'Tentative (121-4, 121-5).'),
  accomplice: doc(z.optional(z.boolean()), 'Complicité (121-6, 121-7).'),
  amount: doc(z.optional(amount), 'The base of a proportional fine, in euros (e.g. the value laundered, 324-3).'),
  predicate: doc(z.optional(text(100)), 'The offence this charge refers to (450-1: the offence prepared; 324-1, 324-2: where the property came from).'),
  aggravations: doc(z.optional(z.array(z.string().check(z.maxLength(20), wellFormed)).check(z.maxLength(10))), 'General aggravations: 132-76, 132-77, 132-79 (Livre Ier), 421-3 (an offence of 421-1 that is an act of terrorism), 434-10 (hit and run after an involuntary homicide or injury, 221-6 or 222-19: 434-10 al. 2).'),
  repentis: doc(z.optional(z.enum(['exempt', 'reduced'], { error: 'E_REPENTIS' })), 'The offender warned the authorities (132-78): exempt (the offence prevented; most texts require an attempt) or reduced (helped stop it or identify others). Applied only where a special text provides it.'),
  relatedTo: doc(z.optional(z.array(z.int().check(z.minimum(0), z.maximum(99_999))).check(z.minLength(1), z.maxLength(100))), 'Indices (from 0) of the other charges a clause adding this charge\'s penalties pairs it with (434-31: the offence the escapee was detained for; route L233-1 II: the offences committed while driving).'),
});

export const priorSchema = z.strictObject({
  ref: doc(text(100), 'The provision of the prior conviction.'),
  final: doc(date, 'The date the conviction became final.'),
  expired: doc(z.optional(date), 'The date its penalty was served or time-barred (default: final).'),
  date: doc(z.optional(date), 'The date of its facts, for its legal maximum (default: final).'),
  predicate: doc(z.optional(text(100)), 'Its offence referred to (450-1), or the offence its laundering came from (324-5).'),
});

export const offenderSchema = z.strictObject({
  type: doc(z.optional(z.enum(['natural', 'legal'])), 'natural (personne physique, the default) or legal (personne morale).'),
  priors: doc(z.optional(z.array(priorSchema).check(z.maxLength(1000))), 'Prior final convictions, for récidive.'),
  birthDate: doc(z.optional(date), 'Date of birth: a minor on a date of facts gets the minors\' rules (CJPM L11-4, L121-5 to L121-7; before 30 Sept 2021, ordonnance du 2 février 1945).'),
});

/** The default limit on charges per case (an option: --max-charges, `maxCharges`). */
export const DEFAULT_MAX_CHARGES = 10_000;

/** A case's id: a string, or an integer JSON holds exactly (12345678901234567890 or 1.5 would come back changed). */
export const caseIdSchema = z.union([
  z.string().check(z.maxLength(200), wellFormed),
  z.pipe(z.number().check(z.refine(Number.isSafeInteger, { error: 'E_ID_UNSAFE' })), z.transform(String)),
], { error: 'E_ID' });

export const makeCaseSchema = (maxCharges: number) => z.strictObject({
  id: doc(z.optional(caseIdSchema), 'Echoed back in the result; batch defaults it to line-N. A string, or an integer of at most 2^53 - 1 (echoed as a string).'),
  date: doc(z.optional(date), 'The date of the facts (default: today).'),
  judgmentDate: doc(z.optional(date), 'The date of judgment, for the milder-law rule of 112-1 (default: today).'),
  offender: doc(z.optional(z.pipe(z.union([z.enum(['natural', 'legal']), offenderSchema]), z.transform((o) => (typeof o === 'string' ? { type: o } : o)))), 'The offender: an object, or just its type as results write it ("legal").'),
  charges: doc(z.array(chargeSchema), 'The charges judged together (concours réel, 132-2), at least one.').check(
    z.minLength(1, { error: 'E_NO_CHARGE' }),
    z.maxLength(maxCharges, { error: 'E_MAX_CHARGES' }),
  ),
});
export const caseSchema = makeCaseSchema(DEFAULT_MAX_CHARGES);

export type Case = z.output<typeof caseSchema>;
export type Charge = z.output<typeof chargeSchema>;
export type Prior = z.output<typeof priorSchema>;
export type CaseInput = z.input<typeof caseSchema>;
