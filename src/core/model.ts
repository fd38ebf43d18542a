// The law as the engine sees it: the rule files' types, inferred from their zod schemas (src/schema/rules.ts), plus
// what the loader adds (code, qualified article, file). Type imports only: the engine loads no zod.
import type { z } from 'zod';
import type * as S from '../schema/rules.js';

export type IsoDate = string; // YYYY-MM-DD
export type { Lang } from '../messages/index.js';
export type Label = z.output<typeof S.label>;
export type Status = z.output<typeof S.version>['status'];
export type Nature = z.output<typeof S.nature>;
export type PrisonKind = z.output<typeof S.prisonKind>;

export type Version = z.output<typeof S.version>;
export type PenaltySpec = NonNullable<Version['penalty']>;
export type FixedPenalty = Extract<PenaltySpec, { prison: unknown }>;
export type ByPredicatePenalty = Extract<PenaltySpec, { byPredicate: unknown }>;
export type PenaltyOfSpec = Extract<PenaltySpec, { penaltyOf: unknown }>;
export type FineSpec = NonNullable<FixedPenalty['fine']>;
export type PrisonSpec = NonNullable<FixedPenalty['prison']>;
export type PredicateTier = ByPredicatePenalty['byPredicate']['tiers'][number];
export type Complementary = NonNullable<Version['complementary']>[number];

type ProvisionFile = z.output<typeof S.provision>;
export type Item = NonNullable<ProvisionFile['items']>[number];
/** A provision as loaded: its ref and article qualified by its code ("route L234-1 I"; the Code pénal's bare). */
export type Provision = ProvisionFile & { code: string; article: string; file: string };
export interface Article { article: string; code: string; label: Label; refs: string[]; file: string; keywords?: string[] | undefined }
export type Code = z.output<typeof S.codesFile>['codes'][number];

export type GeneralParams = z.output<typeof S.parametersFile>['parameters'];
export type ParamName = keyof GeneralParams;
export type Param<K extends ParamName> = GeneralParams[K];
export type ParamValue<K extends ParamName> = GeneralParams[K]['values'][number];
export type Dated = z.output<typeof S.dated>;
export type RecidiveData = Omit<z.output<typeof S.recidiveFile>, '$schema'>;
export type RecidiveRule = RecidiveData['rules'][number];
export type MaxCondition = RecidiveRule['prior'][number];
export type StepEntry = NonNullable<RecidiveRule['effect']['prisonSteps']>[number];
export type AggravationData = Omit<z.output<typeof S.aggravationsFile>, '$schema'>;
export type Aggravation = AggravationData['aggravations'][number];
export type MinorsData = Omit<z.output<typeof S.minorsFile>, '$schema'>;
export type MinorsVersion = MinorsData['versions'][number];
export type RepentisData = Omit<z.output<typeof S.repentisFile>, '$schema'>;
export type RepentisText = RepentisData['texts'][number];
export type RepentisVersion = RepentisText['versions'][number];
export type CumulationData = Omit<z.output<typeof S.cumulationFile>, '$schema'>;
export type CumulationClause = CumulationData['clauses'][number];
export type SpecialityData = Omit<z.output<typeof S.specialityFile>, '$schema'>;

export interface Rules {
  dataset: { version: string; hash: string };
  codes: Code[];
  provisions: Map<string, Provision>;     // by canonical ref
  articles: Map<string, Article>;         // by qualified article ("225-7", "route L234-1")
  aliases: Map<string, string>;           // lower-cased alias -> canonical ref
  general: GeneralParams;
  recidive: RecidiveData;
  aggravations: AggravationData;
  minors: MinorsData;
  repentis: RepentisData;
  cumulation: CumulationData;
  speciality: SpecialityData;
  /** Each provision's search text, when the rules come from the build's snapshot (describe.ts, hayOf; equal by test). */
  searchHays?: { get(ref: string): string | undefined };
  /** Every ref in catalogue order (describe.ts, catalogueOrder), when the build's snapshot kept it (equal by test). */
  order?: readonly string[];
}

export const isByPredicate = (p: PenaltySpec): p is ByPredicatePenalty => 'byPredicate' in p;
export const isPenaltyOf = (p: PenaltySpec): p is PenaltyOfSpec => 'penaltyOf' in p;
export const itemSub = (i: Item): string => (typeof i === 'string' ? i : i.sub);
/** The Code pénal's short name: its refs are written without it. */
export const PENAL_CODE = 'CP';
/** A ref or article as data and output write it: the code first unless it is the Code pénal. */
export const qualify = (code: string, local: string): string => (code === PENAL_CODE ? local : `${code} ${local}`);

/** The provisions a repealed one is continued by (one, or several when a recodification split it), as refs. */
export const continuedByOf = (p: Provision): string[] => {
  const by = p.repealed?.continuedBy;
  return by === undefined ? [] : typeof by === 'string' ? [by] : by;
};

/** The general aggravation a name designates: its key or its article ("421-3", "132-76"), as a user writes it. */
export const aggravationNamed = (rules: Rules, name: string): Aggravation | undefined => {
  const n = name.trim();
  return rules.aggravations.aggravations.find((a) => a.key === n || a.article === n);
};
