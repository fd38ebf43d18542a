// The law as the engine sees it: plain data, validated upstream by src/rules (zod), never imported from there.

export type IsoDate = string; // YYYY-MM-DD
export type Lang = 'fr' | 'en';
export interface Label { fr: string; en: string }

export type PrisonKind = 'emprisonnement' | 'reclusion-criminelle' | 'detention-criminelle';
export type Nature = 'crime' | 'delit' | 'contravention';
export type Status = 'text' | 'secondary' | 'unconfirmed';

/** A custodial maximum as written in a text: a term in months, or life. */
export interface PrisonSpec { kind: PrisonKind; months?: number; life?: true }

export interface ProportionalSpec { ratio: string; article: string; base: Label }
/** A fine as written: a fixed amount (with an optional proportional part), or a contravention class. */
export type FineSpec =
  | { amount: string; proportional?: ProportionalSpec }
  | { class: 1 | 2 | 3 | 4 | 5 };

export interface HeavierPredicateSpec { article: string; required?: boolean }

export interface FixedPenalty {
  prison: PrisonSpec | null;
  fine: FineSpec | null;
  heavierPredicate?: HeavierPredicateSpec;
}

export interface PredicateCondition {
  nature?: Nature;
  life?: boolean;
  minMonths?: number;
  circumstance?: string;
}
export interface PredicateTier {
  when: PredicateCondition;
  label?: Label;
  prison: PrisonSpec | null;
  fine: FineSpec | null;
}
/**
 * A penalty that follows the offence the charge refers to (450-1, 222-15). `predicates`, when given, lists the
 * articles the text refers to (222-15: 222-7 to 222-14-1); any other predicate is not eligible.
 */
export interface ByPredicatePenalty { byPredicate: { article: string; predicates?: string[]; tiers: PredicateTier[] } }

export type PenaltySpec = FixedPenalty | ByPredicatePenalty;

export interface Version {
  from: IsoDate;
  to: IsoDate | null;
  amendedBy: string;
  sources: string[];
  status: Status;
  note?: string;
  /** A point of law every result using this version must mention (a rule the engine does not apply), in words. */
  notice?: Label;
  penalty?: PenaltySpec;
  attempt?: { punishable: boolean; article?: string };
  safetyPeriod?: boolean;
  /** The text itself provides récidive of this class-5 contravention (132-11, 132-15). */
  recidiveClause?: boolean;
  /** Complementary penalties the text provides, listed (not computed). */
  complementary?: Complementary[];
}

export interface Complementary { article: string; label: Label; persons?: 'natural' | 'legal' | 'both' }

export interface Provision {
  ref: string;
  article: string;
  kind: 'offence' | 'rule';
  label: Label;
  rule?: Label;
  appliesTo?: string[];
  aliases?: string[];
  items?: Item[];
  circumstances?: string[];
  repealed?: { from: IsoDate; by: string; sources: string[] };
  versions: Version[];
  file: string;
}

/**
 * A subdivision sharing a provision's penalty. Dated when it entered (from) or left (to) the text. A "to" with
 * "renumberedAs" means the circumstance went on under another number of the article; with "movedTo", that from
 * then on another text punishes the same conduct (an article, or a general aggravation such as 132-77). Either
 * way it was not abolished.
 */
export type Item = string | { sub: string; from?: IsoDate; to?: IsoDate | null; label?: Label; amendedBy?: string; renumberedAs?: string; movedTo?: string };
export const itemSub = (i: Item): string => (typeof i === 'string' ? i : i.sub);

export interface Article { article: string; label: Label; refs: string[]; file: string }

/** A dated value of the general part, with its article (OpenFisca-style parameter). */
export interface ParamValue<T> {
  from: IsoDate; to: IsoDate | null; value: T; amendedBy: string; sources: string[]; status: Status; note?: string;
}
export interface Param<T> { article: string; label: Label; values: ParamValue<T>[] }

export interface GeneralParams {
  contraventionClassFines: Param<Record<string, string>>;
  contraventionClass5Recidive: Param<string>;
  legalPersonFineMultiplier: Param<string>;
  legalPersonCrimeFineWithoutNaturalFine: Param<string | null>;
  legalPersonContraventionMultiplier: Param<string>;
  legalPersonGeneralLiabilityFrom: Param<boolean>;
  lifeNotPronouncedCap: Param<{ months: number }>;
  delitFineThreshold: Param<string>;
  contraventionFineMax: Param<string>;
  criminalCustodialMin: Param<{ months: number }>;
  delitCustodialMax: Param<{ months: number }>;
  attemptRules: Param<{ crime: string; delit: string; contravention: string }>;
  complicityRule: Param<{ asAuthor: boolean }>;
}

/** A dated rule of the general part with no value of its own: when it applies, and its source. */
export interface Dated { from: IsoDate; to: IsoDate | null; amendedBy: string; sources: string[]; status: Status; note?: string }

/** A condition on the legal maximum of an offence (natural person), used by récidive rules. */
export interface MaxCondition {
  nature?: Nature; class?: number; life?: boolean;
  minMonths?: number; maxMonths?: number; moreThanMonths?: number; lessThanMonths?: number;
  minFine?: string; moreThanFine?: string;
}
export interface StepEntry { months?: number; kind?: PrisonKind; to?: PrisonSpec; upToMonths?: number; factor?: string }
export interface RecidiveRule {
  id: string; article: string; offender: 'natural' | 'legal'; label: Label;
  prior: MaxCondition[]; charge: MaxCondition[]; same: boolean; requiresClause?: boolean; windowYears: number | null;
  effect: { prisonSteps?: StepEntry[]; prisonFactor?: string; fineFactor?: string; fineSet?: string };
  values: Dated[];
}
export interface Assimilation { article: string; label: Label; articles: string[]; values: Dated[] }
export interface PredicateAssimilation { article: string; label: Label; appliesTo: string[]; values: Dated[] }
export interface Aggravation { article: string; key: string; label: Label; excludes: string[]; values: Dated[] }
export interface RecidiveData { rules: RecidiveRule[]; assimilations: Assimilation[]; predicateAssimilations: PredicateAssimilation[] }
export interface AggravationData { aggravations: Aggravation[]; steps: { article: string; label: Label; table: StepEntry[] } }

export interface Rules {
  dataset: { version: string; hash: string };
  provisions: Map<string, Provision>;     // by canonical ref
  articles: Map<string, Article>;         // by article number
  aliases: Map<string, string>;           // lower-cased alias -> canonical ref
  general: GeneralParams;
  recidive: RecidiveData;
  aggravations: AggravationData;
}

export function isByPredicate(p: PenaltySpec): p is ByPredicatePenalty {
  return 'byPredicate' in p;
}
