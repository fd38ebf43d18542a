// zod schemas of the rule files (rules/README.md): the only place that knows their JSON shape. The engine's
// types are inferred from them (src/core/model.ts), so a field is declared once.
import { z } from 'zod';
import type { SchemaIssueKey } from '../messages/index.js';

// A check's message is a key of src/messages (rules.issues), worded in the loader's language (src/rules/load.ts);
// the checks that name none are worded by zod, in the same language.
const says = (key: SchemaIssueKey) => ({ error: key });

const isoDate = z.iso.date(says('R_DATE'));
const money = z.string().regex(/^\d{1,15}(\.\d{1,2})?$/, says('R_MONEY'));
// A share of the base: "0.5" for half (324-3), "2" for double (432-11 and the corruption offences since 2013).
const ratio = z.string().regex(/^(0\.\d*[1-9]\d*|[1-9]\d{0,8}(\.\d+)?)$/, says('R_RATIO'));
const url = z.url({ protocol: /^https?$/, ...says('R_URL') });
export const label = z.strictObject({ fr: z.string().min(1), en: z.string().min(1) });
const status = z.enum(['text', 'secondary', 'unconfirmed']);

// The spelling of refs (docs/contract.md, "Refs"): an article as printed (a letter for the L, R, D or A parts of a
// code, numbers joined by dashes, a Latin suffix for the few statutes that use one: "24 bis"), then subdivisions as
// printed, outermost first: a Roman tier, an item, an alinéa and its sentence ("I al. 2", "3° bis", "al. 1 ph. 2").
// A ref to another code starts with the code's short name (rules/codes.json): "route L234-1 I"; none is the
// Code pénal. In an article file the provisions' own refs are written without the code (the file names it).
const LATIN = '(?:bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies)';
const ART = `[LRDA]?\\d+(?:-\\d+)*(?: ${LATIN})?`;
const SUB = `(?:[IVXLC]+|\\d+°(?: ${LATIN}(?: [A-Z])?)?|al\\. \\d+(?: ph\\. \\d+)?)`;
const SUBS = `${SUB}(?: ${SUB})*`;
const CODE = '[A-Za-z][A-Za-z0-9]*';
const re = (source: string) => new RegExp(`^${source}$`);
export const REF_PATTERNS = { article: re(ART), subdivision: re(SUBS), localRef: re(`${ART}(?: ${SUBS})?`), ref: re(`(?:${CODE} )?${ART}(?: ${SUBS})?`), code: re(CODE) };

const articleNo = z.string().regex(REF_PATTERNS.article, says('R_ARTICLE_NO'));
const subdivision = z.string().regex(REF_PATTERNS.subdivision, says('R_SUBDIVISION'));
/** A provision's own ref in its file: the article and its subdivision, without the code. */
const localRef = z.string().regex(REF_PATTERNS.localRef, says('R_LOCAL_REF'));
/** A ref from one piece of data to another: the code first unless it is the Code pénal ("route L234-1", "434-10"). */
const ref = z.string().max(60).regex(REF_PATTERNS.ref, says('R_REF'));
/** An article named by data, with its code unless it is the Code pénal; a final "-*" names every article it starts. */
const articleRef = z.string().max(60).regex(new RegExp(`^(?:${CODE} )?${ART}(?:-\\*)?$`), says('R_ARTICLE_REF'));

export const prisonKind = z.enum(['emprisonnement', 'reclusion-criminelle', 'detention-criminelle']);
export const nature = z.enum(['crime', 'delit', 'contravention']);
export const prison = z.strictObject({
  kind: prisonKind,
  months: z.number().int().positive().max(1200).optional(),
  life: z.literal(true).optional(),
}).refine((p) => (p.months === undefined) !== (p.life === undefined), says('R_PRISON'));

/** A fine raised to a share (or a multiple) of a value the case gives as `amount`: laundered sums, goods, advantage. */
const proportional = z.strictObject({
  ratio, article: ref, base: label,
  /** A text that keeps the proportional part out of 131-38's multiple (CMF L465-3-5 I: only the fixed amount is multiplied). */
  legalPersons: z.strictObject({ multiplied: z.literal(false), article: ref, notice: label.optional() }).optional(),
});
const fine = z.union([
  // A fixed maximum, which a proportional part may raise (the higher of the two: 324-3, CMF L465-1).
  z.strictObject({ amount: money, proportional: proportional.optional() }),
  // Only a multiple of a value (Code des douanes 414: up to twice the value of the goods): no figure without it.
  z.strictObject({ proportional }),
  // A contravention class: its amount is the general part's (131-13).
  z.strictObject({ class: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]) }),
]);

const fixedPenalty = z.strictObject({
  prison: prison.nullable(),
  fine: fine.nullable(),
  heavierPredicate: z.strictObject({ article: ref, required: z.boolean().optional() }).optional(),
});

const tier = z.strictObject({
  when: z.strictObject({
    nature: nature.optional(),
    life: z.boolean().optional(),
    minMonths: z.number().int().positive().optional(),
    circumstance: z.string().min(1).optional(),
    /** The prepared offence is one the law punishes more severely when committed in a bande organisée (450-1 since 2025). */
    organisedGangForm: z.literal(true).optional(),
  }),
  label: label.optional(),
  prison: prison.nullable(),
  fine: fine.nullable(),
  /**
   * The tier's penalties are the predicate's own (222-22-2: "punis des peines prévues aux articles 222-23 à 222-30
   * selon la nature de l'atteinte subie"); its prison and fine are then null.
   */
  predicatePenalty: z.literal(true).optional(),
});

const byPredicate = z.strictObject({
  byPredicate: z.strictObject({
    article: ref, predicates: z.array(articleRef).min(1).optional(), tiers: z.array(tier).min(1),
    /**
     * Predicates a version no longer lists because their conduct is punished elsewhere since (227-28-3 in 2021:
     * offers to commit a rape or sexual assault, 222-26-1 and 222-30-2 since 2020): not a milder law for earlier facts.
     */
    predicatesMoved: z.strictObject({ articles: z.array(articleRef).min(1), to: z.array(ref).min(1) }).optional(),
  }),
});

/** The penalties of another provision on the same date ("puni des peines prévues à l'article 434-10"). */
const penaltyOf = z.strictObject({ penaltyOf: ref });

export const version = z.strictObject({
  from: isoDate,
  to: isoDate.nullable(),
  amendedBy: z.string().min(1),
  sources: z.array(url).min(1, says('R_NO_SOURCE')),
  status,
  note: z.string().optional(),
  notice: label.optional(),
  penalty: z.union([byPredicate, penaltyOf, fixedPenalty]).optional(),
  /**
   * The class of the offence when its own code sets it otherwise than by the penalty (customs contraventions carry
   * fines above the Code pénal's contravention maximum). Absent: from the penalty (111-1, 131-13, CPP 381).
   */
  nature: nature.optional(),
  attempt: z.strictObject({ punishable: z.boolean(), article: z.string().min(1).max(80).optional() }).optional(),
  /**
   * The text applies 132-23 al. 1-2 to this offence; `{ fromMonths }` when only where the penalty incurred reaches that
   * length (222-14-5 III: "lorsque la peine encourue est égale ou supérieure à dix ans"), aggravations and récidive
   * included.
   */
  safetyPeriod: z.union([z.boolean(), z.strictObject({ fromMonths: z.int().positive() })]).optional(),
  recidiveClause: z.union([z.boolean(), z.literal('natural')]).optional(),
  /** General récidive articles the text itself sets aside for this offence (221-5-6 al. 2: "132-8 et 132-9 ne sont pas applicables"). */
  recidiveExcluded: z.array(z.string().regex(/^132-\d+$/)).min(1).optional(),
  /**
   * When the exclusion is made by a text other than the provision's own (loi du 29 juillet 1881, art. 63: no récidive
   * aggravation for the offences of that law, save its discriminatory ones): that text, and how far it was checked.
   */
  recidiveExcludedBy: z.strictObject({ text: z.string().min(1).max(80), status }).optional(),
  /**
   * The text sets its own penalty for récidive in another provision (urbanisme L480-4: "en cas de récidive, outre la
   * peine d'amende ainsi définie un emprisonnement de six mois"): named when 132-8 ff. apply to this one.
   */
  recidiveForm: z.string().min(1).max(60).optional(),
  /** This provision is a text's own penalty for récidive or a prior conviction (urbanisme L480-4 al. 1 ph. 2, 222-52 al. 2): 132-8 ff. are not added to it. */
  ownRecidive: z.literal(true).optional(),
  /** The text punishes only an adult author ("le fait, pour un majeur", 227-25): a minor is not punishable under it. */
  adultAuthor: z.literal(true).optional(),
  /** With adultAuthor: the ordinary offence a minor's same facts may be charged under (222-23-1: 222-23), said to the user. */
  adultAuthorElse: z.string().min(1).max(60).optional(),
  /**
   * From this version the number punishes another conduct (travail L1155-2 in 2012: harassment itself, then the
   * discrimination following it); the former conduct is punished since by `movedTo`. Earlier facts are not judged by
   * this version or later ones (112-1 al. 3 compares versions of one offence), and are not abolished.
   */
  otherConduct: z.strictObject({ movedTo: z.string().min(1).max(120) }).optional(),
  complementary: z.array(z.strictObject({
    article: z.string().min(1), label, persons: z.enum(['natural', 'legal', 'both']).optional(),
  })).optional(),
});

const item = z.union([
  subdivision,
  z.strictObject({ sub: subdivision, from: isoDate.optional(), to: isoDate.nullable().optional(), label: label.optional(), amendedBy: z.string().min(1).optional(), renumberedAs: subdivision.optional(), movedTo: z.string().min(1).max(60).optional(), continuedBy: z.string().min(1).max(40).optional(), adultAuthor: z.literal(true).optional() }),
]);

export const provision = z.strictObject({
  ref: localRef,
  kind: z.enum(['offence', 'rule']).default('offence'),
  label,
  rule: label.optional(),
  appliesTo: z.array(ref).optional(),
  aliases: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, says('R_ALIAS'))).optional(),
  items: z.array(item).optional(),
  circumstances: z.array(z.string().min(1)).optional(),
  /**
   * Where the law punishes this offence more severely when committed in a bande organisée (221-1 → 221-4 8°,
   * 222-35 al. 1 → 222-35 al. 2): the aggravating text and its dates. 450-1 (since 2025) reads it.
   */
  /**
   * The conduct was punished before this provision's first version by a text the data does not hold (a
   * recodification whose former article is missing): earlier facts are "law not held", never "not punishable".
   */
  formerly: label.optional(),
  /**
   * Before `until`, this conduct was punished by another provision the data holds, which goes on for other conduct
   * (R632-1 punished abandoning waste until décret n° 2015-337 moved it to R633-6): earlier facts are judged under it.
   */
  formerlyUnder: z.array(z.strictObject({ ref, until: isoDate })).min(1).optional(),
  /**
   * For 132-10's "même délit", the offence (or offences) this provision is a form of, named as an article or a ref
   * ("223-6 al. 2": failing to help a person in danger, an offence of its own beside al. 1; "432-12" for 432-12-1,
   * which "constitue une prise illégale d'intérêts"; a list when a tier aggravates either of two offences, 223-6 al.
   * 3). Provisions that share one are one délit. Without it, a provision is a form of its own article.
   */
  recidiveOffence: z.union([z.string().min(1).max(40), z.array(z.string().min(1).max(40)).min(1).max(4)]).optional(),
  organisedGangForms: z.array(z.strictObject({ ref, from: isoDate, to: isoDate.nullable().optional(), status, source: url })).optional(),
  /** An offence committed while driving a vehicle (Code de la route L233-1 II pairs them with a refusal to stop). */
  driving: z.boolean().optional(),
  repealed: z.strictObject({
    from: isoDate, by: z.string().min(1), sources: z.array(url).min(1),
    /**
     * The provision that punishes the same conduct from that day (a recodification, a renumbering, a move to another
     * text): the offence continues, and facts committed before are judged under the milder of both texts' versions.
     * A list when the recodification split the conduct between several new provisions (the charged one is followed).
     */
    continuedBy: z.union([ref, z.array(ref).min(2)]).optional(),
    /**
     * Where the conduct went when it is punished since by no single provision (222-18-1: the threats of 222-17 and
     * 222-18 with the general aggravation of 132-76 or 132-77): the offence continues, and the milder law is looked
     * for among this provision's versions only; a NOTE says so.
     */
    movedTo: z.string().min(1).max(120).optional(),
  }).optional(),
  versions: z.array(version).min(1),
}).superRefine((p, ctx) => {
  p.versions.forEach((v, i) => {
    if (p.kind === 'offence' && !v.penalty) ctx.addIssue({ code: 'custom', path: ['versions', i, 'penalty'], message: 'R_OFFENCE_PENALTY' satisfies SchemaIssueKey });
    if (p.kind === 'rule' && v.penalty) ctx.addIssue({ code: 'custom', path: ['versions', i, 'penalty'], message: 'R_RULE_PENALTY' satisfies SchemaIssueKey });
  });
  if (p.kind === 'rule' && !p.rule) ctx.addIssue({ code: 'custom', path: ['rule'], message: 'R_RULE_SUMMARY' satisfies SchemaIssueKey });
});

export const articleFile = z.strictObject({
  $schema: z.string().optional(),
  /** The code's short name (rules/codes.json); the file lives in the directory of that name. */
  code: z.string().regex(REF_PATTERNS.code, says('R_CODE')),
  article: articleNo,
  label,
  /** Words users search for that the labels do not hold: common names, synonyms, English terms. */
  keywords: z.array(z.string().min(1).max(60)).optional(),
  provisions: z.array(provision).min(1),
});

/** rules/codes.json: the codes and statutes the data covers, with the names users type for them. */
export const codesFile = z.strictObject({
  $schema: z.string().optional(),
  codes: z.array(z.strictObject({
    id: z.string().regex(REF_PATTERNS.code, says('R_CODE_ID')),
    label,
    /** Spellings accepted before an article (lower case, accents and dots optional at input): "c. route", "code de la route". */
    names: z.array(z.string().min(1).max(100)).min(1),
    /**
     * From when the data holds this code's law (the Code pénal from its entry into force, 1994-03-01): for facts
     * before, an offence with no version then is "law not held", never "not punishable".
     */
    heldFrom: isoDate.optional(),
  })).min(1),
});

const paramValue = <T extends z.ZodType>(value: T) => z.strictObject({
  from: isoDate, to: isoDate.nullable(), value, amendedBy: z.string().min(1),
  sources: z.array(url).min(1), status, note: z.string().optional(),
});
const param = <T extends z.ZodType>(value: T) => z.strictObject({ article: z.string().min(1), label, values: z.array(paramValue(value)).min(1) });
const months = z.strictObject({ months: z.number().int().positive() });
/** Whether the attempt of a class of offence is punished: always, where a text says so, or never (121-4). */
const attemptRule = z.enum(['always', 'where-a-text-provides', 'never']);

export const parametersFile = z.strictObject({
  $schema: z.string().optional(),
  parameters: z.strictObject({
    contraventionClassFines: param(z.strictObject({ 1: money, 2: money, 3: money, 4: money, 5: money })),
    contraventionClass5Recidive: param(money.nullable()),
    legalPersonFineMultiplier: param(money),
    legalPersonCrimeFineWithoutNaturalFine: param(money.nullable()),
    legalPersonContraventionMultiplier: param(money),
    legalPersonGeneralLiabilityFrom: param(z.boolean()),
    lifeNotPronouncedCap: param(months),
    fixedTermReclusionMax: param(months),
    delitFineThreshold: param(money),
    contraventionFineMax: param(money),
    criminalCustodialMin: param(months),
    delitCustodialMax: param(months),
    attemptRules: param(z.strictObject({ crime: attemptRule, delit: attemptRule, contravention: attemptRule })),
    complicityRule: param(z.strictObject({ asAuthor: z.boolean() })),
    safetyPeriodMinSentence: param(months),
  }),
});

export const datasetFile = z.strictObject({
  $schema: z.string().optional(),
  version: z.string().regex(/^\d{4}\.\d{1,2}\.\d+$/),
  title: z.string().optional(),
});

export const dated = z.strictObject({ from: isoDate, to: isoDate.nullable(), amendedBy: z.string().min(1), sources: z.array(url).min(1), status, note: z.string().optional() });
const months0 = z.number().int().nonnegative();
const maxCondition = z.strictObject({
  nature: nature.optional(), class: z.number().int().min(1).max(5).optional(), life: z.boolean().optional(),
  minMonths: months0.optional(), maxMonths: months0.optional(), moreThanMonths: months0.optional(), lessThanMonths: months0.optional(),
  minFine: money.optional(), moreThanFine: money.optional(),
});
const stepEntry = z.strictObject({
  months: z.number().int().positive().optional(), kind: prisonKind.optional(),
  to: prison.optional(), upToMonths: z.number().int().positive().optional(), factor: z.string().regex(/^\d+(\.\d+)?$/).optional(),
});
const factor = z.string().regex(/^\d+(\.\d+)?$/, says('R_FACTOR'));

export const recidiveFile = z.strictObject({
  $schema: z.string().optional(),
  rules: z.array(z.strictObject({
    id: z.string().min(1), article: z.string().min(1), offender: z.enum(['natural', 'legal']), label,
    prior: z.array(maxCondition).min(1), charge: z.array(maxCondition).min(1), same: z.boolean(), requiresClause: z.boolean().optional(),
    windowYears: z.number().int().positive().nullable(),
    effect: z.strictObject({
      prisonSteps: z.array(stepEntry).optional(), prisonFactor: factor.optional(), fineFactor: factor.optional(),
      /** The fine becomes the value of a general parameter on the date (132-11: contraventionClass5Recidive). */
      fineSetByParameter: z.literal('contraventionClass5Recidive').optional(),
    }),
    values: z.array(dated).min(1),
  })),
  assimilations: z.array(z.strictObject({
    article: z.string().min(1), label, articles: z.array(articleRef).min(1),
    /**
     * Subdivisions reached without the rest of their article (132-16-4: a theft "avec violences", 311-4 4°): refs as
     * charged; dated when the subdivision's number meant another circumstance before (225-4-2 I 5° until 2013).
     */
    refs: z.array(z.union([ref, z.strictObject({ ref, from: isoDate, to: isoDate.nullable().optional() })])).optional(),
    /** One-way: an offence of this group that is the new offence (the second term) is also the same as the offences of that group (132-16-2 al. 2). */
    secondTermOf: z.string().min(1).optional(),
    values: z.array(dated).min(1),
  })),
  predicateAssimilations: z.array(z.strictObject({ article: z.string().min(1), label, appliesTo: z.array(articleRef).min(1), values: z.array(dated).min(1) })),
});

/**
 * The articles a general rule reaches, as the law lists them: one article ("222-34"), a range as printed
 * ("222-35 à 222-39": every article between them, both included, in the code's order), or a chapter ("225-*").
 */
const covered = z.string().max(80).regex(new RegExp(`^(?:${CODE} )?${ART}(?:-\\*| à ${ART})?$`), says('R_COVERED'));
/** A list entry that may also name one alinéa of an article ("226-22 al. 1": 226-24 in 1994 reached only that one). */
const coveredOrAlinea = z.union([covered, z.string().max(80).regex(new RegExp(`^(?:${CODE} )?${ART} al\\. \\d+$`))]);

export const aggravationsFile = z.strictObject({
  $schema: z.string().optional(),
  aggravations: z.array(z.strictObject({
    /** The articles, or single provisions ("presse 24 al. 7"), its text excludes. */
    article: z.string().min(1), key: z.string().min(1), label, excludes: z.array(z.union([articleRef, ref])),
    /** An offence it aggravates also counts as one of this article's for the rules that list it (422-1 and 422-2 name 421-1). */
    countsAs: articleRef.optional(),
    values: z.array(dated.extend({
      /** The offences it reaches when the text lists them (421-3: those of 421-1 at that date); absent: all but `excludes`. */
      appliesTo: z.array(covered).min(1).optional(),
      /** What the offence must also be for it to apply, said in a NOTE (421-1: in relation with a terrorist enterprise). */
      condition: label.optional(),
      /** The text makes 132-23 al. 1 and 2 (période de sûreté) apply to the crimes and 10-year délits it aggravates. */
      safetyPeriod: z.string().min(1).optional(),
      /** The text multiplies the maxima instead of moving one step up the table (434-10 al. 2: "portées au double"). */
      factor: z.strictObject({ prison: z.string().regex(/^[2-9]$/), fine: z.string().regex(/^[2-9]$/) }).optional(),
      /**
       * The text does not apply to an offence already aggravated for a reason it names (132-77 since 2017: committed
       * by the spouse, or to force a marriage): `refs` are the provisions and items charged for that reason.
       */
      alreadyAggravated: z.strictObject({ label, refs: z.array(z.string().min(1).max(60)).min(1) }).optional(),
    })).min(1),
  })),
  steps: z.strictObject({ article: z.string().min(1), label, table: z.array(stepEntry).min(1) }),
});

/**
 * rules/general/speciality.json: until general liability (121-2 as amended by loi 2004-204, parameter
 * legalPersonGeneralLiabilityFrom), a legal person answered for an offence of the listed codes only where a clause
 * said so ("dans les cas prévus par la loi ou le règlement"); some texts exclude it at any date (loi 1881, art. 43-1).
 */
export const specialityFile = z.strictObject({
  $schema: z.string().optional(),
  article: z.string().min(1),
  label,
  /** The codes whose clauses are all listed: for these, an offence no clause reaches was not punishable. */
  codes: z.array(z.string().min(1)).min(1),
  /** Each clause version: the article that makes legal persons liable, and the offences it reaches on those dates. */
  clauses: z.array(dated.extend({ article: z.string().min(1), covers: z.array(coveredOrAlinea).min(1) })),
  /** Texts that exclude legal persons' liability for some offences, with the condition said in a NOTE. */
  exclusions: z.array(dated.extend({ article: z.string().min(1), covers: z.array(covered).min(1), condition: label })).default([]),
});

/** The share of a custodial maximum that remains: "1/2" (réduite de moitié), "1/3" (réduite des deux tiers). */
const remaining = z.string().regex(/^[1-9]\d?\/[1-9]\d?$/, says('R_FRACTION'));
const monthsN = z.number().int().positive().max(1200);

/**
 * rules/general/minors.json: the excuse de minorité and the age rules, as a series of dated versions of the whole
 * scheme (ordonnance du 2 février 1945, then the CJPM), each citing its articles.
 */
export const minorsFile = z.strictObject({
  $schema: z.string().optional(),
  label,
  versions: z.array(dated.extend({
    /** The age, in completed years on the date of the facts, from which the offender is an adult. */
    adultAge: z.number().int().min(1).max(30),
    /** Under this age no penalty can be pronounced. */
    noPenalty: z.strictObject({ belowAge: z.number().int().min(1).max(30), article: z.string().min(1) }),
    custody: z.strictObject({
      article: z.string().min(1), remaining,
      /** What life imprisonment becomes, and for which kinds the text says so (others: by analogy, with a note). */
      lifeTo: monthsN, lifeKinds: z.array(prisonKind).min(1),
    }),
    fine: z.strictObject({
      article: z.string().min(1), remaining, cap: money,
      /** The contravention classes whose fines the excuse reduces. */
      contraventionClasses: z.array(z.number().int().min(1).max(5)),
    }),
    /** Setting the excuse aside: from which age, by which article, and what life becomes then (null: life stays). */
    setAside: z.strictObject({ article: z.string().min(1), fromAge: z.number().int().min(1).max(30), lifeTo: monthsN.nullable() }).nullable(),
    /** Whether the période de sûreté of right (132-23) applies to a minor, and the article that says so. */
    safetyPeriod: z.strictObject({ applies: z.boolean(), article: z.string().min(1) }),
  })).min(1),
});

/** rules/general/repentis.json: the special texts that apply 132-78 to their offences, each with dated versions. */
export const repentisFile = z.strictObject({
  $schema: z.string().optional(),
  texts: z.array(z.strictObject({
    article: articleRef,
    label,
    versions: z.array(dated.extend({
      /** Exemption from penalty: which offences, whether only their attempt, and the condition in words. */
      exemption: z.strictObject({ covers: z.array(covered).min(1), attemptOnly: z.boolean(), condition: label }).optional(),
      /** Reductions of the custodial maximum (fines are never reduced): a share that remains, life replaced, or a fixed term. */
      reductions: z.array(z.strictObject({
        covers: z.array(covered).min(1), remaining: remaining.optional(), lifeTo: monthsN.optional(), fixedTo: monthsN.optional(), condition: label,
      }).refine((r) => r.remaining !== undefined || r.lifeTo !== undefined || r.fixedTo !== undefined, says('R_REDUCTION'))).min(1).optional(),
    }).refine((v) => v.exemption !== undefined || v.reductions !== undefined, says('R_REPENTIS_EFFECT'))).min(1),
  })),
});

/** rules/general/cumulation.json: clauses by which one offence's penalties add to a related offence's, not capped (132-2 to 132-5 set aside). */
export const cumulationFile = z.strictObject({
  $schema: z.string().optional(),
  clauses: z.array(z.strictObject({
    article: z.string().min(1).max(60),
    label,
    /** The provisions whose penalties the clause adds: refs, or articles (every provision of the article). */
    charges: z.array(ref).min(1),
    /**
     * Offences reached only through the offence they refer to, given as the charge's predicate (CPP 706-73 15°: 450-1
     * preparing an offence of 1° to 14°; 14°: laundering 324-1 or recel 321-1 of their proceeds).
     */
    viaPredicate: z.array(z.strictObject({ charges: z.array(coveredOrAlinea).min(1), predicates: z.array(coveredOrAlinea).min(1) })).optional(),
    /**
     * How the related charges are named: `relatedTo` only, or by default the other charges of the same date of
     * facts whose provision is a driving offence (Code de la route L233-1 II).
     */
    pairsWith: z.enum(['relatedTo', 'drivingSameDate']),
    /** What else must be true for the clause to apply (shown, not checked: 433-9 needs a detained offender). */
    requires: label.optional(),
    /** The clause applies only in a situation the case states with relatedTo (132-6-1: an offence committed in detention): no note without it. */
    onlyWhenRelated: z.boolean().optional(),
    /** The clause concerns a detainee (132-6-1, 434-31, 433-9): a legal person, never detained, is outside it. */
    persons: z.literal('natural').optional(),
    versions: z.array(dated).min(1),
  })),
});
