// The public JSON contract (shared/design/contract.md, v1): cases in, results out.
import type { IsoDate, Nature, PrisonKind, Status } from './model.js';

export const CONTRACT_VERSION = 1 as const;

/** A prior final conviction: `final` it became final, `expired` its penalty was served or time-barred;
 * optional `date` of its facts (for its legal maximum) and `predicate` (324-5, 450-1). */
export interface Prior { ref: string; final: IsoDate; expired?: IsoDate; date?: IsoDate; predicate?: string }
export interface Charge {
  ref: string;
  date?: IsoDate;
  attempt?: boolean;
  accomplice?: boolean;
  amount?: string;
  predicate?: string;
  aggravations?: string[];
}
export interface Case {
  id?: string;
  date?: IsoDate;
  judgmentDate?: IsoDate;
  offender?: { type?: 'natural' | 'legal'; priors?: Prior[] };
  charges: Charge[];
}

export type ErrorCode =
  | 'PARSE_ERROR' | 'INVALID_CASE' | 'UNKNOWN_PROVISION' | 'AMBIGUOUS_PROVISION'
  | 'MISSING_PREDICATE' | 'RULES_ERROR';
/** Error data, independent of how a view prints it. */
export interface QuantumError { code: ErrorCode; message: string; path: string | null; suggestions?: string[] }

export type Reason =
  | 'NOT_YET_IN_FORCE' | 'REPEALED_BEFORE_FACTS' | 'ABOLISHED' | 'ATTEMPT_NOT_PUNISHABLE'
  | 'PREDICATE_NOT_ELIGIBLE';

export interface Step {
  rule: string;                 // the article applied
  code: string;                 // machine-readable step kind
  text: string;                 // human explanation, in the requested language
  ref?: string;                 // the charge the step concerns (trace only)
  params?: Record<string, unknown>;
}

export interface PrisonOut { kind: PrisonKind; months: number | null; life: boolean }
export interface VersionOut {
  from: IsoDate; to: IsoDate | null; source: string; status: Status;
  /** Absent from lean (batch) results. */
  sources?: string[];
}
export interface Warning { code: 'UNVERIFIED' | 'NOT_COMPUTED' | 'NOTE'; ref: string | null; /** lean: absent. */ message?: string; status?: Status; from?: IsoDate }

/** Fields marked "lean" are left out of lean (batch) results when they hold their default. */
export interface ChargeResult {
  ref: string;
  /** lean: absent when the user wrote the canonical ref. */
  input?: string;
  label: string;
  /** lean: absent when it is the case's date. */
  date?: IsoDate;
  punishable: boolean;
  reason: Reason | null;
  version: VersionOut | null;
  appliedVersions?: { prison: VersionOut; fine: VersionOut };
  nature: Nature | null;
  prison: PrisonOut | null;
  fine: string | null;
  /** lean: absent when false. */
  attempt?: boolean;
  /** lean: absent when false. */
  accomplice?: boolean;
  predicate?: string;
  tier?: string;
  safetyPeriod?: boolean;
  /** The récidive rule applied (e.g. "132-9 al. 1"), if any. */
  recidive?: string;
  /** The general aggravations applied (132-76, 132-77, 132-79). */
  aggravations?: string[];
  /** Complementary penalties the text provides (listed, not computed). */
  complementary?: { article: string; label: string }[];
  /** lean: absent. */
  steps?: Step[];
}

export interface Result {
  contract: typeof CONTRACT_VERSION;
  id: string | null;
  ok: true;
  dataset: { version: string; hash: string };
  date: IsoDate;
  judgmentDate: IsoDate;
  offender: 'natural' | 'legal';
  charges: ChargeResult[];
  total: {
    prison: PrisonOut | null;
    fine: string | null;
    fineParts: { crimesDelits: string; contraventions: string };
    cappedBy: { prison: string | null; fine: string | null };
    lifeNotPronouncedCapMonths?: number;
  };
  arithmetic: { prison: { months: number; life: boolean } | null; fine: string | null };
  warnings: Warning[];
  /** lean: absent. */
  trace?: Step[];
}

export interface ErrorResult { contract: typeof CONTRACT_VERSION; id: string | null; ok: false; error: QuantumError }
export type Outcome = Result | ErrorResult;
