// The result of docs/contract.md as a zod schema: the engine's output types are inferred from it, and the
// contract's documentation is checked against it (test/docs/contract.test.ts). Never parsed at run time.
import * as z from 'zod/mini';
import { CONTRACT_VERSION } from './version.js';

const isoDate = z.string();
const money = z.string();
export const status = z.enum(['text', 'secondary', 'unconfirmed']);
export const nature = z.enum(['crime', 'delit', 'contravention']);
export const prisonOut = z.object({
  /** emprisonnement (délits), reclusion-criminelle or detention-criminelle (crimes). */
  kind: z.enum(['emprisonnement', 'reclusion-criminelle', 'detention-criminelle']),
  /** The term in months; null for life. */
  months: z.nullable(z.number()),
  life: z.boolean(),
});
export const versionOut = z.object({
  /** First day in force. */
  from: isoDate,
  /** First day no longer in force, or null. */
  to: z.nullable(isoDate),
  /** The text that made this version. */
  source: z.string(),
  /** text, secondary or unconfirmed: how the data was verified. */
  status,
  /** Where the text was read (absent from lean results). */
  sources: z.optional(z.array(z.string())),
});
export const step = z.object({
  /** The article applied. */
  rule: z.string(),
  /** What happened, machine-readable (e.g. MILDER_LAW, CONCOURS_PRISON). */
  code: z.string(),
  /** The step in words, in the requested language. */
  text: z.string(),
  /** The charge the step concerns (trace only). */
  ref: z.optional(z.string()),
  params: z.optional(z.record(z.string(), z.unknown())),
});
export const warning = z.object({
  code: z.enum(['UNVERIFIED', 'NOT_COMPUTED', 'NOTE']),
  /** The provision or article concerned, if any. */
  ref: z.nullable(z.string()),
  /** In words (absent from lean results). */
  message: z.optional(z.string()),
  status: z.optional(status),
  from: z.optional(isoDate),
});
export const reason = z.enum(['NOT_YET_IN_FORCE', 'REPEALED_BEFORE_FACTS', 'ABOLISHED', 'ATTEMPT_NOT_PUNISHABLE', 'PREDICATE_NOT_ELIGIBLE', 'PENALTY_NOT_IN_FORCE']);

export const chargeResult = z.object({
  /** The provision applied, canonical ("323-3-2 III", "route L234-1 I"). */
  ref: z.string(),
  /** What the user wrote, when it differs (lean: absent when equal). */
  input: z.optional(z.string()),
  label: z.string(),
  /** This charge's date of facts (lean: absent when it is the case's). */
  date: z.optional(isoDate),
  punishable: z.boolean(),
  /** Why not punishable; null otherwise. */
  reason: z.nullable(reason),
  /** The version in force on the date of the facts. */
  version: z.nullable(versionOut),
  /** When a later, milder version sets a penalty (112-1 al. 3): the version each penalty comes from. */
  appliedVersions: z.optional(z.object({ prison: versionOut, fine: versionOut })),
  nature: z.nullable(nature),
  /** The custodial maximum; null when none. */
  prison: z.nullable(prisonOut),
  /** The fine maximum in euros; null when none. */
  fine: z.nullable(money),
  /** lean: absent when false. */
  attempt: z.optional(z.boolean()),
  /** lean: absent when false. */
  accomplice: z.optional(z.boolean()),
  predicate: z.optional(z.string()),
  /** The tier of a provision whose penalty follows its predicate (450-1). */
  tier: z.optional(z.string()),
  /** The période de sûreté applies of right (132-23). */
  safetyPeriod: z.optional(z.boolean()),
  /** The récidive rule applied (e.g. "132-9 al. 1"). */
  recidive: z.optional(z.string()),
  /** The general aggravations applied (132-76, 132-77, 132-79). */
  aggravations: z.optional(z.array(z.string())),
  /** Complementary penalties the text provides (listed, not computed; absent from lean results). */
  complementary: z.optional(z.array(z.object({ article: z.string(), label: z.string() }))),
  /** This charge's steps (absent from lean results). */
  steps: z.optional(z.array(step)),
});

export const total = z.object({
  /** One custodial penalty within the highest maximum (132-5). */
  prison: z.nullable(prisonOut),
  /** The crime/délit fine cap plus the contravention fines (132-3, 132-7). */
  fine: z.nullable(money),
  fineParts: z.object({ crimesDelits: money, contraventions: money }),
  /** The charge that sets each maximum (for the fine: the crime/délit cap, or the first contravention). */
  cappedBy: z.object({ prison: z.nullable(z.string()), fine: z.nullable(z.string()) }),
  /** When life is incurred: the maximum if it is not pronounced (132-5). */
  lifeNotPronouncedCapMonths: z.optional(z.number()),
  /** The article that sets it. */
  lifeNotPronouncedCapArticle: z.optional(z.string()),
});

export const result = z.object({
  contract: z.literal(CONTRACT_VERSION),
  id: z.nullable(z.string()),
  ok: z.literal(true),
  /** The rules data: its version and the hash of its files. */
  dataset: z.object({ version: z.string(), hash: z.string() }),
  /** The case's date of facts and of judgment, as applied. */
  date: isoDate,
  judgmentDate: isoDate,
  /** Present (true) when the case gave no date of judgment: today's was used. */
  judgmentDateDefault: z.optional(z.literal(true)),
  offender: z.enum(['natural', 'legal']),
  charges: z.array(chargeResult),
  total,
  /** The naive sum, shown for teaching: not the law. */
  arithmetic: z.object({ prison: z.nullable(z.object({ months: z.number(), life: z.boolean() })), fine: z.nullable(money) }),
  warnings: z.array(warning),
  /** Every step, charge by charge then the total (absent from lean results). */
  trace: z.optional(z.array(step)),
});

export const errorCode = z.enum(['PARSE_ERROR', 'INVALID_CASE', 'UNKNOWN_PROVISION', 'AMBIGUOUS_PROVISION', 'MISSING_PREDICATE', 'RULES_ERROR', 'RESULT_TOO_LARGE']);
export const quantumError = z.object({
  code: errorCode,
  /** In words, in the requested language. */
  message: z.string(),
  /** The JSON path of the field at fault, or null. */
  path: z.nullable(z.string()),
  /** Close matches, for an unknown or ambiguous ref. */
  suggestions: z.optional(z.array(z.string())),
});
export const errorResult = z.object({ contract: z.literal(CONTRACT_VERSION), id: z.nullable(z.string()), ok: z.literal(false), error: quantumError });
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
