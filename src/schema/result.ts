// The result of docs/contract.md as a zod schema: the engine's output types are inferred from it, and the
// contract's documentation is checked against it (test/docs/contract.test.ts). Never parsed at run time.
import * as z from 'zod/mini';

/** A field's description, kept in the schema: docs/contract.md is generated from it. */
// Kept in zod's registry of metadata, not as a check: a check would run at every parse (and zod's compiled
// validator, which batch uses, runs about 9 times slower with one per field). On a copy: one schema (a date) serves
// several fields, each with its own description.
const doc = <T extends z.ZodMiniType>(schema: T, text: string): T => { const copy = z.clone(schema) as T; z.globalRegistry.add(copy, { description: text }); return copy; };
import { CONTRACT_VERSION } from './version.js';

const isoDate = z.string();
const money = z.string();
export const status = z.enum(['text', 'secondary', 'unconfirmed']);
export const nature = z.enum(['crime', 'delit', 'contravention']);
export const prisonOut = z.object({
  kind: doc(z.enum(['emprisonnement', 'reclusion-criminelle', 'detention-criminelle']), 'emprisonnement (délits), reclusion-criminelle or detention-criminelle (crimes).'),
  months: doc(z.nullable(z.number()), 'The term in months; null for life.'),
  life: z.boolean(),
});
export const versionOut = z.object({
  from: doc(isoDate, 'First day in force.'),
  to: doc(z.nullable(isoDate), 'First day no longer in force, or null.'),
  source: doc(z.string(), 'The text that made this version.'),
  status: doc(status, 'text, secondary or unconfirmed: how the data was verified.'),
  sources: doc(z.optional(z.array(z.string())), 'Where the text was read (absent from lean results).'),
});
export const step = z.object({
  rule: doc(z.string(), 'The article applied.'),
  code: doc(z.string(), 'What happened, machine-readable (e.g. MILDER_LAW, CONCOURS_PRISON).'),
  text: doc(z.string(), 'The step in words, in the requested language.'),
  ref: doc(z.optional(z.string()), 'The charge the step concerns (trace only).'),
  params: z.optional(z.record(z.string(), z.unknown())),
});
export const warning = z.object({
  code: z.enum(['UNVERIFIED', 'NOT_COMPUTED', 'NOTE']),
  ref: doc(z.nullable(z.string()), 'The provision or article concerned, if any.'),
  message: doc(z.optional(z.string()), 'In words, in the requested language (lean results too).'),
  status: z.optional(status),
  from: z.optional(isoDate),
});
export const reason = z.enum(['NOT_YET_IN_FORCE', 'REPEALED_BEFORE_FACTS', 'ABOLISHED', 'ATTEMPT_NOT_PUNISHABLE', 'PREDICATE_NOT_ELIGIBLE', 'PENALTY_NOT_IN_FORCE', 'MINOR_UNDER_13', 'REPENTIS_EXEMPT', 'LEGAL_PERSON_NOT_LIABLE', 'LAW_NOT_HELD', 'AUTHOR_NOT_ADULT']);
export const maxima = z.object({
  prison: doc(z.nullable(prisonOut), 'The custodial maximum; null when none.'),
  fine: doc(z.nullable(money), 'The fine maximum in euros; null when none.'),
});

const prisonParts = z.object({ capped: z.nullable(prisonOut), cumulated: prisonOut });

export const chargeResult = z.object({
  ref: doc(z.string(), 'The provision applied, canonical ("323-3-2 III", "route L234-1 I").'),
  input: doc(z.optional(z.string()), 'What the user wrote, when it differs (lean: absent when equal).'),
  label: z.string(),
  date: doc(z.optional(isoDate), 'This charge\'s date of facts (lean: absent when it is the case\'s).'),
  punishable: z.boolean(),
  reason: doc(z.nullable(reason), 'Why not punishable; null otherwise.'),
  version: doc(z.nullable(versionOut), 'The version in force on the date of the facts.'),
  appliedVersions: doc(z.optional(z.object({ prison: versionOut, fine: versionOut })), 'When a later, milder version sets a penalty (112-1 al. 3): the version each penalty comes from.'),
  nature: z.nullable(nature),
  prison: doc(z.nullable(prisonOut), 'The custodial maximum; null when none.'),
  fine: doc(z.nullable(money), 'The fine maximum in euros; null when none.'),
  attempt: doc(z.optional(z.boolean()), 'lean: absent when false.'),
  accomplice: doc(z.optional(z.boolean()), 'lean: absent when false.'),
  predicate: doc(z.optional(z.string()), 'The offence the charge refers to, as the catalogue names it when it resolves ("art. 222-37 al. 1" is 222-37 al. 1).'),
  predicateInput: doc(z.optional(z.string()), 'The predicate as the user wrote it, when it differs.'),
  tier: doc(z.optional(z.string()), 'The tier of a provision whose penalty follows its predicate (450-1).'),
  fineNotComputed: doc(z.optional(z.literal(true)), 'The text sets a fine this case cannot compute (a proportional fine only, whose base, "amount", is not given): fine is null and the total lacks it.'),
  safetyPeriod: doc(z.optional(z.boolean()), 'The période de sûreté applies of right (132-23).'),
  repentis: doc(z.optional(z.object({ effect: z.enum(['exempt', 'reduced']), article: z.string() })), 'The repentis text applied (132-78 and the special text named).'),
  minority: doc(z.optional(z.object({
    age: doc(z.number(), 'Age in completed years on this charge\'s date of facts.'),
    article: doc(z.string(), 'The text applied (e.g. "CJPM L121-5", "ord. 1945 art. 20-2 al. 1"; too young for any penalty: "CJPM L11-4").'),
    excludable: doc(z.boolean(), 'The court may set the excuse aside (16 and over: CJPM L121-7).'),
  })), 'Present when the offender was a minor on this date of facts: prison and fine are the reduced maxima.'),
  withoutExcuse: doc(z.optional(maxima), 'When the excuse may be set aside: the maxima then (life becomes a fixed term where the text says so).'),
  recidive: doc(z.optional(z.string()), 'The récidive rule applied (e.g. "132-9 al. 1").'),
  aggravations: doc(z.optional(z.array(z.string())), 'The general aggravations applied (132-76, 132-77, 132-79, 421-3, 434-10 al. 2).'),
  complementary: doc(z.optional(z.array(z.object({ article: z.string(), label: z.string() }))), 'Complementary penalties the text provides (listed, not computed; absent from lean results).'),
  steps: doc(z.optional(z.array(step)), 'This charge\'s steps (absent from lean results).'),
});

export const total = z.object({
  prison: doc(z.nullable(prisonOut), 'One custodial penalty within the highest maximum (132-5).'),
  fine: doc(z.nullable(money), 'The crime/délit fine cap plus the contravention fines (132-3, 132-7).'),
  fineParts: z.object({ crimesDelits: money, contraventions: money, cumulated: doc(z.optional(money), 'The fines of the charges added on top (see cumulated).') }),
  cappedBy: doc(z.object({ prison: z.nullable(z.string()), fine: z.nullable(z.string()) }), 'The charge that sets each maximum (for the fine: the crime/délit cap, or the first contravention).'),
  cappedByAlso: doc(z.optional(z.object({ prison: z.optional(z.array(z.string())), fine: z.optional(z.array(z.string())) })), 'Other charges whose maximum equals the one cappedBy names (a tie): the cap is theirs as much.'),
  lifeNotPronouncedCapMonths: doc(z.optional(z.number()), 'When life is incurred: the maximum if it is not pronounced (132-5).'),
  lifeNotPronouncedCapArticle: doc(z.optional(z.string()), 'The article that sets it.'),
  cumulated: doc(z.optional(z.array(z.object({
    charge: doc(z.number(), 'The index (from 0) of the charge added on top.'),
    ref: z.string(),
    article: doc(z.string(), 'The clause that sets 132-2 to 132-5 aside (e.g. "434-31", "route L233-1 II").'),
    relatedTo: doc(z.array(z.number()), 'The related charges (indices).'),
  }))), 'Charges whose maxima are added on top of the cap, by a clause pairing them with related charges; prison and fine include them.'),
  prisonParts: doc(z.optional(prisonParts), 'With cumulated charges: the custody within the cap (132-5) and the custody added on top, each of its own kind (prison names their sum by the heavier kind).'),
  withoutExcuse: doc(z.optional(z.object({ ...maxima.shape, prisonParts: doc(z.optional(prisonParts), 'As total.prisonParts, for this total.') })), 'When a charge\'s minors\' excuse may be set aside: the total then.'),
  notComputed: doc(z.optional(z.array(z.string())), 'Charges whose penalty is not computed because the law of their date is not in the data (reason LAW_NOT_HELD): the total lacks them; absent when none.'),
});

export const result = z.object({
  contract: doc(z.literal(CONTRACT_VERSION), 'The contract\'s version: 1.'),
  id: doc(z.nullable(z.string()), 'The case\'s id, as a string (batch: line-N when the case has none); null when none.'),
  ok: doc(z.literal(true), 'true: a result (false: an error result, below).'),
  dataset: doc(z.object({ version: z.string(), hash: z.string() }), 'The rules data: its version and the hash of its files.'),
  date: doc(isoDate, 'The case\'s date of facts and of judgment, as applied.'),
  judgmentDate: isoDate,
  judgmentDateDefault: doc(z.optional(z.literal(true)), 'Present (true) when the case gave no date of judgment: today\'s was used.'),
  dateDefault: doc(z.optional(z.literal(true)), 'Present (true) when the case gave no date of facts: today\'s was used.'),
  offender: z.enum(['natural', 'legal']),
  charges: z.array(chargeResult),
  total,
  arithmetic: doc(z.object({ prison: z.nullable(z.object({ months: z.number(), life: z.boolean() })), fine: z.nullable(money) }), 'The naive sum, shown for teaching: not the law.'),
  warnings: z.array(warning),
  trace: doc(z.optional(z.array(step)), 'Every step, charge by charge then the total (absent from lean results).'),
});

export const errorCode = z.enum(['PARSE_ERROR', 'INVALID_CASE', 'UNKNOWN_PROVISION', 'AMBIGUOUS_PROVISION', 'MISSING_PREDICATE', 'RULES_ERROR', 'RESULT_TOO_LARGE', 'READ_ERROR']);
export const quantumError = z.object({
  code: doc(errorCode, 'What kind of error (the codes below).'),
  message: doc(z.string(), 'In words, in the requested language.'),
  path: doc(z.nullable(z.string()), 'The JSON path of the field at fault, or null.'),
  suggestions: doc(z.optional(z.array(z.string())), 'Close matches, for an unknown or ambiguous ref (absent otherwise).'),
});
export const errorResult = z.object({
  contract: doc(z.literal(CONTRACT_VERSION), 'The contract\'s version: 1.'),
  id: doc(z.nullable(z.string()), 'The case\'s id when it could be read (a valid id: see the case\'s id), else null (batch: line-N).'),
  ok: doc(z.literal(false), 'false: the case could not be evaluated.'),
  error: doc(quantumError, 'What is wrong, and where.'),
});
/**
 * What `quantum batch` adds to each result or error result it writes (JSON Lines): the record's line. Never given by
 * evaluate() or eval; documented with the result (docs/contract.md).
 */
export const batchFields = z.object({
  line: doc(z.number(), 'The line of the input the record starts on (from 1; in CSV the header is line 1, and a record with a quoted line break starts on its first line).'),
});
export const outcome = z.union([result, errorResult]);

export type Result = z.output<typeof result>;
export type ChargeResult = z.output<typeof chargeResult>;
export type ErrorResult = z.output<typeof errorResult>;
export type Outcome = z.output<typeof outcome>;
export type QuantumError = z.output<typeof quantumError>;
export type ErrorCode = z.output<typeof errorCode>;
export type Reason = z.output<typeof reason>;
export type Step = z.output<typeof step>;
export type Warning = z.output<typeof warning>;
export type PrisonOut = z.output<typeof prisonOut>;
export type VersionOut = z.output<typeof versionOut>;
