// What a law module is: one general mechanism of the Code pénal's Livre Ier (or another code's general part), the
// article it applies, the rule in a sentence, the inputs and parameters it reads, and what it does to a charge's
// maxima. The pipeline (../pipeline.ts) lists the modules in their legal order.
import type { Decimal } from 'decimal.js';
import type { Charge, Prior, PrisonOut, Reason, Warning } from '../contract.js';
import type { IsoDate, Item, Label, Lang, Nature, ParamName, Provision, Rules, Version } from '../model.js';
import type { ErrorDraft } from '../errors.js';
import type { Steps } from '../steps.js';

/** A penalty as the modules move it: the custodial maximum, the fine (exact), and what the fine is. */
export interface Penalty {
  prison: PrisonOut | null;
  fine: Decimal | null;
  /** The fine is a contravention class amount (131-13), whatever its figure. */
  contraventionFine: boolean;
  /** The tier of a provision whose penalty follows its predicate (450-1). */
  tier?: Label | undefined;
  /** The offence whose penalty this is (324-4, 450-1), for the warnings. */
  predicateRef?: string | undefined;
  /** The class the text sets itself, when it does (customs contraventions). */
  nature?: Nature | undefined;
  /** A proportional fine whose text keeps it out of 131-38's multiple (CMF L465-3-5 I): its parts, for 131-38. */
  shareNotMultiplied?: { share: Decimal; fixed: Decimal | null; article: string } | undefined;
}

/**
 * The inputs a module may read. A charge's own fields are `charge.*`; the offender's are `offender.*`. The fast path
 * (../fast.ts) builds its memo key from what the modules declare here, so an input no module declares cannot
 * change a result unseen, and a test checks each declaration against what the module really reads.
 */
export type Input =
  | `charge.${Exclude<keyof Charge, 'ref' | 'date'>}`
  | `offender.${'type' | 'priors' | 'birthDate'}`;

/** A warning before it is put into words (rendered once per language, then shared). */
export interface WarningDraft {
  code: Warning['code']; ref: string | null; status?: Warning['status']; key: string; params?: Record<string, unknown>;
  /** Filled on first use: a memoised charge's drafts recur in every case that has the charge. */
  rendered?: { lang: Lang; lean: boolean; warning: Warning };
  dedupeKey?: string;
}

/** A prior conviction with its offence's legal maximum (récidive, 132-8 ff.). */
export interface PriorMax { prior: Prior; max: OffenceMax }
/** An offence as récidive sees it: its legal maximum (natural person) and what it is "the same" as. */
/** A prior's offence: its maximum on its own date; what it is "the same" as is worked out at each new offence's date. */
export interface OffenceMax { ref: string; article: string; predicateArticle: string | null; nature: Nature; penalty: Penalty; version: Version }

/** What a case gives every charge: the law's clock, the offender, and where warnings go. */
export interface CaseCtx {
  readonly rules: Rules;
  readonly lang: Lang;
  readonly trace: boolean;
  readonly lean: boolean;
  /** The case's date of facts and of judgment. */
  readonly date: IsoDate;
  readonly judgment: IsoDate;
  /** The case gave no date of judgment: today's is used (an error about it says so). */
  readonly judgmentDefault: boolean;
  readonly legal: boolean;
  /** The offender's date of birth, when the case gives it (the minors' rules look at the age on each date of facts). */
  readonly birthDate: IsoDate | null;
  /** Prior convictions with their maxima (prepared by the récidive module). */
  priors: PriorMax[];
  warnings: WarningDraft[];
}

/** One charge on its way through the pipeline: fresh for each evaluation, never shared. */
export interface ChargeState {
  readonly charge: Charge;
  /** The provision applied: the one charged, or, for facts before it, the one it replaced (its predecessor). */
  provision: Provision;
  /** The canonical ref charged. */
  readonly ref: string;
  /** The dated items the ref names, when it names an item of a provision. */
  readonly items: Item[] | undefined;
  /** This charge's date of facts. */
  readonly date: IsoDate;
  /** Its JSON path in the case, for errors. */
  readonly path: string;
  readonly steps: Steps;
  /** The version in force on the date of the facts (112-1 al. 1). */
  v0: Version | null;
  /**
   * v0 and the later versions in force before judgment (112-1 al. 3), each with its provision: when a provision is
   * repealed and continued by another, the chain goes on with the other's versions.
   */
  chain: { v: Version; provision: Provision }[];
  /** The versions the custodial penalty and the fine are taken from (the mildest, 112-1 al. 3). */
  prisonFrom: Version | null;
  fineFrom: Version | null;
  /** The text sets a fine this case cannot compute (a proportional fine only, without `amount`). */
  fineNotComputed: boolean;
  penalty: Penalty;
  /** A legal person's charge: the natural person's maximum its fine was computed from (132-13 compares with it). */
  natural: Penalty | null;
  nature: Nature | null;
  recidive: string | null;
  aggravations: string[] | null;
  /** The période de sûreté applies of right (132-23). */
  safety: boolean;
  /** The article of an aggravation applied whose text makes 132-23 apply (421-3, then 421-7), if any. */
  safetyBy: string | null;
  /** A repentis text applied (132-78): exemption or reduction, and its article. */
  repentis: { effect: 'exempt' | 'reduced'; article: string } | null;
  /** The offender's age on this date of facts when a minor, with the excuse's article and whether it may be set aside. */
  minority: { age: number; article: string; excludable: boolean } | null;
  /** The maxima if the court sets the excuse aside (CJPM L121-7, ord. 1945 art. 20-2 al. 2). */
  withoutExcuse: { prison: PrisonOut | null; fine: Decimal | null } | null;
  /** Set when the charge is not punishable: the pipeline stops, the charge is listed with the reason. */
  stop: Reason | null;
  /** Set when the case cannot be evaluated: the whole case gives this error. */
  error: ErrorDraft | null;
}

export interface Module {
  /** The article applied, as the trace cites it (e.g. "121-4"). */
  readonly id: string;
  /** The text: "Code pénal, art. 121-4 et 121-5". */
  readonly cites: string;
  /** The rule in a sentence, beside the code that applies it (Catala keeps the law's text beside the code). */
  readonly rule: Label;
  /** The case inputs the module reads. */
  readonly reads: readonly Input[];
  /** The general parameters it reads. */
  readonly params: readonly ParamName[];
}

/** A mechanism applied to each charge, in the pipeline's order; it changes the state it is given. */
export interface ChargeModule extends Module {
  apply(s: ChargeState, c: CaseCtx): void;
  /** Once per case, before the charges (e.g. récidive works out the priors' maxima); an error stops the case. */
  prepare?(c: CaseCtx, priors: readonly Prior[]): ErrorDraft | null;
  /** Once per case, after the charges (e.g. a warning about the case as a whole). */
  finish?(c: CaseCtx): void;
}

/** A rule the data states as a value that nothing reads is a defect: each module names its parameters. */
export type { ParamName };
