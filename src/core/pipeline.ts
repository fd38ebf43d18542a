// The general rules applied to each charge, in their legal order. Each step works on the maximum the step before
// it left, so the order is the law's:
//
//  1. 112-1 al. 1-2, then al. 3: which text (and which later, milder text) applies comes first: every other rule
//     works on the penalty that text sets, and a text not in force ends the charge.
//  2. 111-1: the class of the offence follows from that penalty (crime, délit, contravention); 121-6 and R610-2
//     (complicity) depend on it, and leave the maximum as it is ("mêmes peines").
//  3. 132-76, 132-77, 132-79: general aggravations raise the maximum of the offence itself (they are elements of
//     the offence committed), so they come before the rules that look at the offence's maximum: récidive is judged
//     on the aggravated maximum (132-8 to 132-11 name "the crime" or "the délit" as punished). 121-4 (attempt) says
//     its rule on the class so reached (a délit raised to réclusion is a crime); 112-1 al. 3 settled, version by
//     version, whether the attempt is punished.
//  4. 132-8 to 132-11: récidive of a natural person, on that maximum.
//  5. 131-37, 131-38, 131-41: a legal person's fine is computed from the natural person's maximum; then 132-12 to
//     132-15 raise that fine in récidive (their texts speak of "the fine incurred by the legal person").
//  6. 132-78 (repentis): the special texts reduce "la peine privative de liberté encourue" for the offence as it is
//     punished, aggravations and récidive included, or exempt from it.
//  7. 132-23: the période de sûreté of right looks at the custodial penalty that remains.
//  8. The minors' excuse (CJPM L121-5 ff.) comes last: it is personal to the offender and reduces the maximum the
//     offence carries for anyone, repentis included (the order matters for 221-5-3's fixed 20 years); it also
//     lifts the période de sûreté.
//
// The case-level rules come after every charge: 132-2 to 132-7 (concours) cap the charges' maxima as computed,
// except the charges a clause adds on top of their related charges (434-31, route L233-1 II: law/cumulation.ts).
import type { ChargeModule, Module } from './law/types.js';
import { inForce, milderLaw } from './law/time.js';
import { classification } from './law/classify.js';
import { attempt } from './law/attempt.js';
import { complicity, complicityInContravention } from './law/complicity.js';
import { generalAggravations } from './law/aggravations.js';
import { recidive, recidiveOfLegalPerson } from './law/recidive.js';
import { legalPerson } from './law/legal-person.js';
import { safetyPeriod } from './law/safety.js';
import { repentis } from './law/repentis.js';
import { minority } from './law/minority.js';
import { cumulationModule } from './law/cumulation.js';
import { concoursModule } from './law/concours.js';

export const CHARGE_PIPELINE: readonly ChargeModule[] = [
  inForce,
  milderLaw,
  classification,
  complicity,
  complicityInContravention,
  generalAggravations,
  attempt,
  recidive,
  legalPerson,
  recidiveOfLegalPerson,
  repentis,
  safetyPeriod,
  minority,
];

/** Every module, charge and case level: for the declarations' tests and the documentation. */
export const CASE_MODULES: readonly Module[] = [cumulationModule, concoursModule];
export const ALL_MODULES: readonly Module[] = [...CHARGE_PIPELINE, ...CASE_MODULES];

/** The inputs the charge pipeline reads: the fast path keys its memo on them. */
export const PIPELINE_READS = [...new Set(CHARGE_PIPELINE.flatMap((m) => m.reads))];

/** The modules with work to do once per case, before and after its charges (listed once: cases are many). */
export const PREPARERS = CHARGE_PIPELINE.filter((m) => m.prepare !== undefined);
export const FINISHERS = CHARGE_PIPELINE.filter((m) => m.finish !== undefined);
