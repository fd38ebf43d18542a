// zod schemas of the rule files (rules/README.md). The only place that knows their JSON shape.
import { z } from 'zod';

const isoDate = z.iso.date({ error: 'must be a date YYYY-MM-DD' });
const money = z.string().regex(/^\d{1,15}(\.\d{1,2})?$/, { error: 'must be a decimal string of euros, e.g. "150000"' });
// A share of the base: "0.5" for half (324-3), "2" for double (432-11 and the corruption offences since 2013).
const ratio = z.string().regex(/^(0\.\d*[1-9]\d*|[1-9]\d?(\.\d+)?)$/, { error: 'must be a positive decimal string, e.g. "0.5" (half) or "2" (double)' });
const url = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
export const label = z.strictObject({ fr: z.string().min(1), en: z.string().min(1) });
const status = z.enum(['text', 'secondary', 'unconfirmed']);
const articleNo = z.string().regex(/^[RDL]?\d+(-\d+)*$/, { error: 'must be an article number as printed, e.g. 323-3-2 or R625-1' });
const subdivision = z.string().regex(/^([IVXLC]+|\d+°( (bis|ter|quater|quinquies)( [A-Z])?)?|al\. \d+( ph\. \d+)?)$/, { error: 'must be a subdivision as printed: I, 8°, 3° bis, 4° bis A, al. 2, al. 1 ph. 2' });
const ref = z.string().regex(/^[RDL]?\d+(-\d+)*( ([IVXLC]+|\d+°( (bis|ter|quater|quinquies)( [A-Z])?)?|al\. \d+( ph\. \d+)?))?$/, { error: 'must be a canonical ref, e.g. "323-3-2 III", "222-24 8°", "227-23 al. 5", "227-22 al. 1 ph. 2"' });

const prison = z.strictObject({
  kind: z.enum(['emprisonnement', 'reclusion-criminelle', 'detention-criminelle']),
  months: z.number().int().positive().max(1200).optional(),
  life: z.literal(true).optional(),
}).refine((p) => (p.months === undefined) !== (p.life === undefined), { error: 'give either "months" or "life": true' });

const fine = z.union([
  z.strictObject({
    amount: money,
    proportional: z.strictObject({ ratio, article: z.string().min(1), base: label }).optional(),
  }),
  z.strictObject({ class: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]) }),
]);

const fixedPenalty = z.strictObject({
  prison: prison.nullable(),
  fine: fine.nullable(),
  heavierPredicate: z.strictObject({ article: z.string().min(1), required: z.boolean().optional() }).optional(),
});

const tier = z.strictObject({
  when: z.strictObject({
    nature: z.enum(['crime', 'delit', 'contravention']).optional(),
    life: z.boolean().optional(),
    minMonths: z.number().int().positive().optional(),
    circumstance: z.string().min(1).optional(),
  }),
  label: label.optional(),
  prison: prison.nullable(),
  fine: fine.nullable(),
});

const byPredicate = z.strictObject({
  byPredicate: z.strictObject({ article: z.string().min(1), predicates: z.array(z.string().regex(/^[RDL]?\d+(-\d+)*$/)).min(1).optional(), tiers: z.array(tier).min(1) }),
});

export const version = z.strictObject({
  from: isoDate,
  to: isoDate.nullable(),
  amendedBy: z.string().min(1),
  sources: z.array(url).min(1, { error: 'every version needs at least one source' }),
  status,
  note: z.string().optional(),
  notice: label.optional(),
  penalty: z.union([byPredicate, fixedPenalty]).optional(),
  attempt: z.strictObject({ punishable: z.boolean(), article: z.string().min(1).optional() }).optional(),
  safetyPeriod: z.boolean().optional(),
  recidiveClause: z.boolean().optional(),
  complementary: z.array(z.strictObject({
    article: z.string().min(1), label, persons: z.enum(['natural', 'legal', 'both']).optional(),
  })).optional(),
});

const item = z.union([
  subdivision,
  z.strictObject({ sub: subdivision, from: isoDate.optional(), to: isoDate.nullable().optional(), label: label.optional(), amendedBy: z.string().min(1).optional(), renumberedAs: subdivision.optional(), movedTo: z.string().regex(/^[RDL]?\d+(-\d+)*( .+)?$/).max(40).optional() }),
]);

export const provision = z.strictObject({
  ref,
  kind: z.enum(['offence', 'rule']).default('offence'),
  label,
  rule: label.optional(),
  appliesTo: z.array(ref).optional(),
  aliases: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'aliases are lower-case letters, digits and dashes' })).optional(),
  items: z.array(item).optional(),
  circumstances: z.array(z.string().min(1)).optional(),
  repealed: z.strictObject({ from: isoDate, by: z.string().min(1), sources: z.array(url).min(1) }).optional(),
  versions: z.array(version).min(1),
}).superRefine((p, ctx) => {
  p.versions.forEach((v, i) => {
    if (p.kind === 'offence' && !v.penalty) ctx.addIssue({ code: 'custom', path: ['versions', i, 'penalty'], message: 'an offence version needs a penalty' });
    if (p.kind === 'rule' && v.penalty) ctx.addIssue({ code: 'custom', path: ['versions', i, 'penalty'], message: 'a rule provision sets no penalty' });
  });
  if (p.kind === 'rule' && !p.rule) ctx.addIssue({ code: 'custom', path: ['rule'], message: 'a rule provision needs a "rule" summary' });
});

export const articleFile = z.strictObject({
  $schema: z.string().optional(),
  article: articleNo,
  label,
  provisions: z.array(provision).min(1),
});

const paramValue = <T extends z.ZodType>(value: T) => z.strictObject({
  from: isoDate, to: isoDate.nullable(), value, amendedBy: z.string().min(1),
  sources: z.array(url).min(1), status, note: z.string().optional(),
});
const param = <T extends z.ZodType>(value: T) => z.strictObject({ article: z.string().min(1), label, values: z.array(paramValue(value)).min(1) });
const months = z.strictObject({ months: z.number().int().positive() });

export const generalFile = z.strictObject({
  $schema: z.string().optional(),
  parameters: z.strictObject({
    contraventionClassFines: param(z.strictObject({ 1: money, 2: money, 3: money, 4: money, 5: money })),
    contraventionClass5Recidive: param(money.nullable()),
    legalPersonFineMultiplier: param(money),
    legalPersonCrimeFineWithoutNaturalFine: param(money.nullable()),
    legalPersonContraventionMultiplier: param(money),
    legalPersonGeneralLiabilityFrom: param(z.boolean()),
    lifeNotPronouncedCap: param(months),
    delitFineThreshold: param(money),
    contraventionFineMax: param(money),
    criminalCustodialMin: param(months),
    delitCustodialMax: param(months),
    attemptRules: param(z.strictObject({ crime: z.string(), delit: z.string(), contravention: z.string() })),
    complicityRule: param(z.strictObject({ asAuthor: z.boolean() })),
  }),
});

export const datasetFile = z.strictObject({
  $schema: z.string().optional(),
  version: z.string().regex(/^\d{4}\.\d{1,2}\.\d+$/),
  title: z.string().optional(),
});

export type ArticleFile = z.infer<typeof articleFile>;
export type GeneralFile = z.infer<typeof generalFile>;

const dated = z.strictObject({ from: isoDate, to: isoDate.nullable(), amendedBy: z.string().min(1), sources: z.array(url).min(1), status, note: z.string().optional() });
const months0 = z.number().int().nonnegative();
const maxCondition = z.strictObject({
  nature: z.enum(['crime', 'delit', 'contravention']).optional(), class: z.number().int().min(1).max(5).optional(), life: z.boolean().optional(),
  minMonths: months0.optional(), maxMonths: months0.optional(), moreThanMonths: months0.optional(), lessThanMonths: months0.optional(),
  minFine: money.optional(), moreThanFine: money.optional(),
});
const stepEntry = z.strictObject({
  months: z.number().int().positive().optional(), kind: z.enum(['emprisonnement', 'reclusion-criminelle', 'detention-criminelle']).optional(),
  to: prison.optional(), upToMonths: z.number().int().positive().optional(), factor: z.string().regex(/^\d+(\.\d+)?$/).optional(),
});
const factor = z.string().regex(/^\d+(\.\d+)?$/, { error: 'must be a decimal string, e.g. "2"' });

export const recidiveFile = z.strictObject({
  $schema: z.string().optional(),
  rules: z.array(z.strictObject({
    id: z.string().min(1), article: z.string().min(1), offender: z.enum(['natural', 'legal']), label,
    prior: z.array(maxCondition).min(1), charge: z.array(maxCondition).min(1), same: z.boolean(), requiresClause: z.boolean().optional(),
    windowYears: z.number().int().positive().nullable(),
    effect: z.strictObject({ prisonSteps: z.array(stepEntry).optional(), prisonFactor: factor.optional(), fineFactor: factor.optional(), fineSet: money.optional() }),
    values: z.array(dated).min(1),
  })),
  assimilations: z.array(z.strictObject({ article: z.string().min(1), label, articles: z.array(z.string().regex(/^[RDL]?\d+(-\d+)*(-\*)?$/)).min(1), values: z.array(dated).min(1) })),
  predicateAssimilations: z.array(z.strictObject({ article: z.string().min(1), label, appliesTo: z.array(z.string().min(1)).min(1), values: z.array(dated).min(1) })),
});

export const aggravationsFile = z.strictObject({
  $schema: z.string().optional(),
  aggravations: z.array(z.strictObject({ article: z.string().min(1), key: z.string().min(1), label, excludes: z.array(z.string()), values: z.array(dated).min(1) })),
  steps: z.strictObject({ article: z.string().min(1), label, table: z.array(stepEntry).min(1) }),
});
