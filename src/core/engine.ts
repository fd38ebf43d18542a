// The engine: a pure function of (rules, case) -> result with a trace. No fs, no clock, no process.
import type { Decimal } from 'decimal.js';
import type { IsoDate, Item, Lang, Nature, Provision, Rules, Version } from './model.js';
import type {
  Case, Charge, ChargeResult, ErrorResult, Outcome, PrisonOut, QuantumError, Reason, Result, Step, VersionOut, Warning,
} from './contract.js';
import { CONTRACT_VERSION } from './contract.js';
import { Money, moneyOf, moneyString } from './money.js';
import { paramAt, versionAt } from './dates.js';
import { resolveRef } from './refs.js';
import { classify, compareFine, comparePrison, versionPenalty, type Penalty } from './penalty.js';
import type { StepDraft, Steps } from './steps.js';
import { explain } from './explain.js';
import { epoch, epochCount, Memo } from './memo.js';
import { applyRecidive, dated, identities, priorMax, stepUp, type OffenceMax } from './recidive.js';
import type { Prior } from './contract.js';

export interface EvaluateOptions {
  /** Today's date: the default date of facts and of judgment (the engine has no clock). */
  today: IsoDate;
  lang?: Lang;
  /** Include the per-charge steps and the trace (default true). */
  trace?: boolean;
  /** Small results for bulk use: versions without their source lists (default false). */
  lean?: boolean;
  /** In lean mode, reuse the result of an identical charge in the same epoch of the law (default true). */
  memo?: boolean;
}

interface MemoEntry { result: ChargeResult; fine: Decimal | null; warnings: WarningDraft[] }
/** Charge results held by a memo, hence shared by many results (a batch writer may cache their serialised form). */
const memoised = new WeakSet<ChargeResult>();
/** Whether a charge result is shared between results (memoised): anything else is used once. */
export function isMemoised(r: ChargeResult): boolean {
  return memoised.has(r);
}
const memos = new WeakMap<Rules, Memo<MemoEntry>>();
function memoFor(rules: Rules): Memo<MemoEntry> {
  let m = memos.get(rules);
  if (!m) { m = new Memo(); memos.set(rules, m); }
  return m;
}

/**
 * A charge's memo key within its epochs: short (hashing is per character), and only the fields it has. A charge
 * with an amount is not memoised: amounts seldom repeat, and each would push a useful entry out.
 */
function chargeKey(charge: Charge): string | null {
  // '\0' separates the fields below: an input holding one is never memoised (no two inputs share a key).
  if (charge.amount !== undefined || charge.ref.includes('\0') || charge.predicate?.includes('\0') || charge.aggravations?.some((a) => a.includes('\0'))) return null;
  if (!charge.attempt && !charge.accomplice && charge.predicate === undefined && !charge.aggravations) return charge.ref;
  return `${charge.ref}\0${charge.attempt ? 1 : 0}${charge.accomplice ? 1 : 0}\0${charge.predicate ?? ''}\0${charge.aggravations?.join('\0') ?? ''}`;
}

/** The drafts of a charge taken from the memo: none (the memo serves untraced evaluations only). */
const NO_DRAFTS: readonly StepDraft[] = Object.freeze([]);
const NO_PRIORS: readonly Prior[] = Object.freeze([]);
/**
 * The start of every result's list of warnings. A `[]` literal is an array of small integers to V8, a list of
 * warnings an array of objects: two hidden classes, and code compiled for the first deoptimises at the first
 * warning. This array once held an object, so its copies are arrays of objects, empty or not.
 */
const NO_WARNINGS: Warning[] = [{} as Warning];
NO_WARNINGS.pop();
function warningList(drafts: WarningDraft[], lang: Lang, lean: boolean): Warning[] {
  const out = NO_WARNINGS.slice();
  if (drafts.length) for (const w of dedupe(drafts)) out.push(renderWarning(w, lang, lean));
  return out;
}

interface WarningDraft {
  code: Warning['code']; ref: string | null; status?: Warning['status']; key: string; params?: Record<string, unknown>;
  /** Filled on first use: a memoised charge's drafts recur in every case that has the charge. */
  rendered?: { lang: Lang; lean: boolean; warning: Warning };
  dedupeKey?: string;
}
interface Ctx { priors: { prior: Prior; max: OffenceMax }[]; lang: Lang; trace: boolean; lean: boolean; rules: Rules; date: IsoDate; judgment: IsoDate; legal: boolean; warnings: WarningDraft[] }

function fail(c: Case, error: QuantumError): ErrorResult {
  return { contract: CONTRACT_VERSION, id: c.id ?? null, ok: false, error };
}

export function evaluateCase(rules: Rules, c: Case, options: EvaluateOptions): Outcome {
  const lang = options.lang ?? 'fr';
  const date = c.date ?? options.today;
  const judgment = c.judgmentDate ?? options.today;
  const legal = c.offender?.type === 'legal';
  const priors: Ctx['priors'] = [];
  const priorWarnings: WarningDraft[] = [];
  const priorList = c.offender?.priors ?? NO_PRIORS;
  for (let k = 0; k < priorList.length; k++) {
    const prior = priorList[k]!;
    if (prior.expired && prior.expired < prior.final) {
      return fail(c, { code: 'INVALID_CASE', path: `offender.priors[${k}].expired`, message: `the penalty cannot expire (${prior.expired}) before the conviction is final (${prior.final})` });
    }
    const pm = priorMax(rules, prior, k);
    if (!pm.ok && 'error' in pm) return fail(c, pm.error);
    if (!pm.ok) { priorWarnings.push({ code: 'NOTE', ref: prior.ref, key: 'W_PRIOR_IGNORED', params: { ref: prior.ref, why: pm.skip } }); continue; }
    priors.push({ prior, max: pm.max });
  }
  const ctx: Ctx = { priors, lang, trace: options.trace !== false, lean: options.lean === true, rules, date, judgment, legal, warnings: priorWarnings };
  const charges: ChargeResult[] = [];
  // Each charge's fine as computed, exact (the result shows it cut to the cent), for 132-3 and 132-7.
  const fines: (Decimal | null)[] = [];
  // The steps of each charge, for the trace; none are kept without one.
  const drafts: (readonly StepDraft[])[] | null = ctx.trace ? [] : null;
  // Bulk mode: a charge dated like its case, with no priors, is a pure function of (rules, epoch, inputs).
  const memo = ctx.lean && !ctx.trace && options.memo !== false && priors.length === 0 ? memoFor(rules) : null;
  // The memo slot: language, kind of offender, and the epochs of the dates of facts and of judgment.
  const epochs = memo ? epochCount(rules) : 0;
  const slot = memo ? (((lang === 'fr' ? 0 : 1) * 2 + (legal ? 1 : 0)) * epochs + epoch(rules, date)) * epochs + epoch(rules, judgment) : 0;
  for (let i = 0; i < c.charges.length; i++) {
    const charge = c.charges[i]!;
    const key = memo && (!charge.date || charge.date === date) ? chargeKey(charge) : null;
    const hit = key !== null ? memo!.get(slot, key) : undefined;
    if (hit) {
      charges.push(hit.result);
      fines.push(hit.fine);
      drafts?.push(NO_DRAFTS);
      for (let k = 0; k < hit.warnings.length; k++) ctx.warnings.push(hit.warnings[k]!);
      continue;
    }
    const before = ctx.warnings.length;
    const r = evaluateCharge(ctx, uniformCharge(charge), i);
    if ('code' in r) return fail(c, r);
    charges.push(r.result);
    fines.push(r.fine);
    drafts?.push(r.steps ?? NO_DRAFTS);
    if (key !== null) {
      memo!.set(slot, key, { result: r.result, fine: r.fine, warnings: ctx.warnings.slice(before) });
      memoised.add(r.result);
    }
  }
  if (legal) legalPersonWarnings(ctx);

  const totals = concours(ctx, charges, fines);
  const result: Result = {
    contract: CONTRACT_VERSION,
    id: c.id ?? null,
    ok: true,
    dataset: rules.dataset,
    date,
    judgmentDate: judgment,
    offender: legal ? 'legal' : 'natural',
    charges,
    total: totals.total,
    arithmetic: totals.arithmetic,
    warnings: warningList(ctx.warnings, lang, ctx.lean),
  };
  if (!ctx.lean) {
    const render = (s: StepDraft, ref?: string): Step => {
      const step: Step = { rule: s.rule, code: s.code, text: explain(s, lang) };
      if (ref) step.ref = ref;
      if (s.params) step.params = s.params;
      return step;
    };
    charges.forEach((ch, i) => { ch.steps = drafts ? drafts[i]!.map((s) => render(s)) : []; });
    result.trace = drafts ? [
      ...charges.flatMap((ch, i) => drafts[i]!.map((s) => render(s, ch.ref))),
      ...(totals.steps ?? []).map((s) => render(s)),
    ] : [];
  }
  return result;
}

const renderedWarnings = new Map<string, Warning>();
/** A warning in words; the same warning recurs across a batch, so it is rendered once (and shared). */
function renderWarning(w: WarningDraft, lang: Lang, lean: boolean): Warning {
  if (w.rendered && w.rendered.lang === lang && w.rendered.lean === lean) return w.rendered.warning;
  const k = `${lang}|${lean ? 1 : 0}|${w.code}|${w.key}|${w.ref}|${w.status ?? ''}|${JSON.stringify(w.params ?? null)}`;
  let out = renderedWarnings.get(k);
  if (!out) {
    out = { code: w.code, ref: w.ref, message: explain({ rule: '', code: w.key, ...(w.params && { params: w.params }) }, lang) };
    if (w.status) out.status = w.status;
    if (renderedWarnings.size > 10_000) renderedWarnings.clear();
    renderedWarnings.set(k, out);
  }
  w.rendered = { lang, lean, warning: out };
  return out;
}

function dedupe(ws: WarningDraft[]): WarningDraft[] {
  if (ws.length < 2) return ws;
  const seen = new Set<string>();
  return ws.filter((w) => {
    const k = (w.dedupeKey ??= `${w.key}|${w.ref}|${w.params?.from ?? ''}|${w.params?.article ?? ''}`);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const versionOuts = new WeakMap<Version, VersionOut>();
const leanVersionOuts = new WeakMap<Version, VersionOut>();
/** The contract's view of a version; one object per version, shared by every result that cites it. */
function versionOut(v: Version, lean = false): VersionOut {
  const cache = lean ? leanVersionOuts : versionOuts;
  let out = cache.get(v);
  if (!out) {
    out = lean ? { from: v.from, to: v.to, source: v.amendedBy, status: v.status } as VersionOut : { from: v.from, to: v.to, source: v.amendedBy, status: v.status, sources: v.sources };
    cache.set(v, out);
  }
  return out;
}

/**
 * 112-1 for a subdivision whose every listing is dated: one added to the text later (e.g. an aggravating item)
 * does not reach earlier facts; one that left the text before judgment no longer applies (112-1 al. 3).
 */
function itemNotInForce(items: Item[] | undefined, date: IsoDate, judgment: IsoDate, ref: string, v0: Version, steps: Steps, warnings: WarningDraft[]): Reason | null {
  if (!items || items.length === 0) return null;
  for (const i of items) if (typeof i === 'string' || (i.from === undefined && (i.to ?? null) === null)) return null;
  const dated = items as Exclude<Item, string>[];
  const at = dated.find((i) => (i.from ?? '0000') <= date && (i.to == null || date < i.to));
  if (!at) {
    const first = dated.reduce((a, b) => ((a.from ?? '') < (b.from ?? '') ? a : b));
    if (date < (first.from ?? '')) {
      steps?.push({ rule: '112-1', code: 'NOT_YET_IN_FORCE', params: { ref, date, from: first.from, amendedBy: first.amendedBy ?? v0.amendedBy } });
      return 'NOT_YET_IN_FORCE';
    }
    steps?.push({ rule: '112-1', code: 'REPEALED_BEFORE_FACTS', params: { ref, date, repealed: null } });
    return 'REPEALED_BEFORE_FACTS';
  }
  if (at.to && at.to <= judgment) {
    // Renumbered, not removed: the same circumstance goes on under its new number, so nothing is abolished.
    if (at.renumberedAs) { steps?.push({ rule: '112-1', code: 'ITEM_RENUMBERED', params: { ref, at: at.to, as: at.renumberedAs } }); return null; }
    // Moved to another text (an article, a general aggravation): the conduct stayed punishable, so not abolished.
    // The later versions compared (112-1 al. 3) are this provision's; the warning says so.
    if (at.movedTo) {
      steps?.push({ rule: '112-1', code: 'ITEM_MOVED', params: { ref, at: at.to, to: at.movedTo } });
      warnings.push({ code: 'NOTE', ref, key: 'W_ITEM_MOVED', params: { ref, at: at.to, to: at.movedTo } });
      return null;
    }
    steps?.push({ rule: '112-1', code: 'ABOLISHED', params: { ref, at: at.to, repealed: null, judgment } });
    return 'ABOLISHED';
  }
  return null;
}

/** The charge with every field, in one order: one object shape for evaluateCharge, whatever fields a case gives. */
function uniformCharge(c: Charge): Charge {
  return { ref: c.ref, date: c.date, attempt: c.attempt, accomplice: c.accomplice, amount: c.amount, predicate: c.predicate, aggravations: c.aggravations } as Charge;
}

type ChargeOutcome = { result: ChargeResult; steps: Steps; fine: Decimal | null } | QuantumError;

function evaluateCharge(ctx: Ctx, charge: Charge, i: number): ChargeOutcome {
  const lang = ctx.lang;
  const { rules } = ctx;
  const path = `charges[${i}]`;
  const resolved = resolveRef(rules, charge.ref, `${path}.ref`);
  if (!resolved.ok) return resolved.error;
  const { provision, ref } = resolved;
  if (provision.kind === 'rule') {
    const targets = provision.appliesTo?.length ? `; charge ${provision.appliesTo.join(' or ')} instead` : '';
    return { code: 'INVALID_CASE', path: `${path}.ref`, message: `${ref} is a rule, not an offence (${provision.rule?.en ?? provision.label.en})${targets}` };
  }
  const date = charge.date ?? ctx.date;
  if (ctx.judgment < date) {
    return { code: 'INVALID_CASE', path: charge.date ? `${path}.date` : 'judgmentDate', message: `the judgment date ${ctx.judgment} is before the date of the facts ${date}` };
  }
  const unused = unusedInput(provision, charge, path);
  if (unused) return unused;

  const steps: Steps = ctx.trace ? [] : null;
  const lean = ctx.lean;
  // Lean results leave out fields that hold their default: undefined, which JSON leaves out (one object shape,
  // where building objects with or without keys made several, and deleting keys is slow). This object becomes
  // the result.
  const base: ChargeResult = {
    ref, input: !lean || charge.ref !== ref ? charge.ref : undefined,
    label: (resolved.sharedTiers ? rules.articles.get(provision.article)!.label : provision.label)[lang],
    date: !lean || date !== ctx.date ? date : undefined,
    punishable: false, reason: null, version: null, nature: null, prison: null, fine: null,
    attempt: !lean || charge.attempt ? charge.attempt === true : undefined,
    accomplice: !lean || charge.accomplice ? charge.accomplice === true : undefined,
    steps: !lean ? [] : undefined,
  };
  if (charge.predicate) base.predicate = charge.predicate;
  const notPunishable = (reason: Reason) => { base.reason = reason; return { result: base, steps, fine: null }; };

  // 112-1 al. 1 and 2: the text in force on the date of the facts.
  const v0 = versionAt(provision.versions, date);
  if (!v0) {
    const first = provision.versions[0]!;
    if (date < first.from) {
      steps?.push({ rule: '112-1', code: 'NOT_YET_IN_FORCE', params: { ref, date, from: first.from, amendedBy: first.amendedBy } });
      return notPunishable('NOT_YET_IN_FORCE');
    }
    steps?.push({ rule: '112-1', code: 'REPEALED_BEFORE_FACTS', params: { ref, date, repealed: provision.repealed ?? null } });
    return notPunishable('REPEALED_BEFORE_FACTS');
  }
  const itemReason = itemNotInForce(resolved.items, date, ctx.judgment, ref, v0, steps, ctx.warnings);
  if (itemReason) return notPunishable(itemReason);
  base.version = versionOut(v0, ctx.lean);
  steps?.push({ rule: '112-1', code: 'VERSION_AT_FACTS', params: { ref, date, from: v0.from, to: v0.to, amendedBy: v0.amendedBy, status: v0.status } });

  // 112-1 al. 3: later versions before judgment; a repeal in between abolishes the offence.
  const chain: Version[] = [v0];
  for (let cur = v0; cur.to !== null && cur.to <= ctx.judgment;) {
    const next = provision.versions.find((v) => v.from === cur.to);
    if (!next) {
      steps?.push({ rule: '112-1', code: 'ABOLISHED', params: { ref, at: cur.to, repealed: provision.repealed ?? null, judgment: ctx.judgment } });
      return notPunishable('ABOLISHED');
    }
    chain.push(next);
    cur = next;
  }

  const input = { ref, path, amount: charge.amount, predicate: charge.predicate };
  const candidates: { v: Version; penalty: Penalty; nature: Nature }[] = [];
  for (const [k, v] of chain.entries()) {
    const out = versionPenalty(rules, provision, v, input, date, steps !== null);
    if (!out.ok && 'error' in out) return out.error;
    if (k > 0) steps?.push({ rule: '112-1', code: 'LATER_VERSION', params: { from: v.from, amendedBy: v.amendedBy, status: v.status } });
    if (steps && out.steps) steps.push(...out.steps);
    if (!out.ok) {
      if (k > 0) steps?.push({ rule: '112-1', code: 'MILDER_NOT_PUNISHABLE', params: { from: v.from } });
      return notPunishable(out.reason);
    }
    for (const used of out.versions) unverified(ctx, used, used === v ? ref : out.penalty.predicateRef ?? ref);
    // A rule of law the data states in words (e.g. 434-31 for escape): said in the result, not applied.
    if (v.notice) ctx.warnings.push({ code: 'NOTE', ref, key: 'W_NOTICE', params: { ref, text: v.notice[ctx.lang] } });
    const nature = classify(rules, out.penalty, date);
    // 121-4, 121-5: attempt of a crime always; of a délit where a text says so; of a contravention never.
    if (charge.attempt) {
      const ok = nature === 'crime' || (nature === 'delit' && v.attempt?.punishable === true);
      if (!ok) {
        steps?.push({ rule: '121-4', code: 'ATTEMPT_NOT_PUNISHABLE', params: { nature, later: k > 0, from: v.from } });
        return notPunishable('ATTEMPT_NOT_PUNISHABLE');
      }
    }
    candidates.push({ v, penalty: out.penalty, nature });
  }

  // 112-1 al. 3, penalty by penalty: the mildest of the versions in force between facts and judgment.
  let prisonFrom = candidates[0]!, fineFrom = candidates[0]!;
  for (const c of candidates.slice(1)) {
    if (comparePrison(c.penalty.prison, prisonFrom.penalty.prison) < 0) prisonFrom = c;
    if (compareFine(c.penalty.fine, fineFrom.penalty.fine) < 0) fineFrom = c;
  }
  if (candidates.length > 1) {
    steps?.push({ rule: '112-1', code: 'MILDER_LAW', params: { prisonFrom: prisonFrom.v.from, fineFrom: fineFrom.v.from, prison: prisonFrom.penalty.prison, fine: fineFrom.penalty.fine?.toFixed() ?? null, changed: prisonFrom !== candidates[0] || fineFrom !== candidates[0] } });
    if (prisonFrom !== candidates[0] || fineFrom !== candidates[0]) {
      base.appliedVersions = { prison: versionOut(prisonFrom.v, ctx.lean), fine: versionOut(fineFrom.v, ctx.lean) };
    }
  }
  const penalty: Penalty = {
    prison: prisonFrom.penalty.prison,
    fine: fineFrom.penalty.fine,
    contraventionFine: fineFrom.penalty.contraventionFine,
  };
  const tier = prisonFrom.penalty.tier;
  const nature = classify(rules, penalty, date);
  steps?.push({ rule: '111-1', code: 'NATURE', params: { nature } });

  if (charge.attempt) {
    steps?.push(nature === 'crime'
      ? { rule: '121-4', code: 'ATTEMPT_CRIME' }
      : { rule: v0.attempt?.article ?? '121-4', code: 'ATTEMPT_DELIT', params: { article: v0.attempt?.article ?? null } });
  }
  if (charge.accomplice) steps?.push({ rule: nature === 'contravention' ? 'R610-2' : '121-6', code: nature === 'contravention' ? 'ACCOMPLICE_CONTRAVENTION' : 'ACCOMPLICE' });

  // 132-76, 132-77, 132-79: general aggravations move the custodial maximum one step up the table.
  let natural: Penalty = penalty;
  const applied: string[] = [];
  for (const [k, key] of (charge.aggravations ?? []).entries()) {
    const at = `${path}.aggravations[${k}]`;
    const ag = rules.aggravations.aggravations.find((a) => a.key === key || a.article === key);
    const known = rules.aggravations.aggravations.map((a) => a.key).join(', ');
    if (!ag) return { code: 'INVALID_CASE', path: at, message: `unknown general aggravation "${key}" (known: ${known})` };
    if (applied.includes(ag.key) || charge.aggravations!.indexOf(key) !== k) return { code: 'INVALID_CASE', path: at, message: `${ag.key} is given twice` };
    if (nature === 'contravention') return { code: 'INVALID_CASE', path: at, message: `${ag.key} applies to crimes and délits, not to the contravention ${ref}` };
    if (ag.excludes.includes(provision.article)) return { code: 'INVALID_CASE', path: at, message: `${ag.key} does not apply to article ${provision.article}: its text excludes it` };
    if ((provision.circumstances ?? []).includes(ag.key)) return { code: 'INVALID_CASE', path: at, message: `${ref} already includes this circumstance (${ag.key}) among its elements` };
    const when = dated(ag.values, date);
    if (!when) {
      steps?.push({ rule: ag.article, code: 'AGGRAVATION_NOT_IN_FORCE', params: { key: ag.key, label: ag.label, date, from: ag.values[0]?.from ?? null } });
      continue;
    }
    if (when.status !== 'text') paramWarning(ctx, ag.article, when.status);
    const up = natural.prison ? stepUp(rules.aggravations.steps.table, natural.prison) : null;
    if (!up) {
      steps?.push({ rule: ag.article, code: 'AGGRAVATION_NO_STEP', params: { key: ag.key, label: ag.label, prison: natural.prison } });
      continue;
    }
    if (applied.length) ctx.warnings.push({ code: 'NOTE', ref, key: 'W_AGGRAVATIONS_STACKED' });
    steps?.push({ rule: ag.article, code: 'AGGRAVATION', params: { key: ag.key, label: ag.label, before: natural.prison, after: up } });
    natural = { ...natural, prison: up };
    applied.push(ag.key);
  }
  let natureNow = applied.length ? classify(rules, natural, date) : nature;
  if (natureNow !== nature) steps?.push({ rule: '111-1', code: 'NATURE', params: { nature: natureNow } });

  // Récidive (132-8 to 132-15): judged on this charge's legal maximum, prior by prior, in the data's order.
  // What this charge is "the same" as (132-16 ff., 324-5) matters only when there are priors.
  const predicateArticle = ctx.priors.length && charge.predicate ? (() => { const r = resolveRef(rules, charge.predicate!, `${path}.predicate`); return r.ok ? r.provision.article : null; })() : null;
  const forRecidive = ctx.priors.length ? { ref, article: provision.article, date, nature: natureNow, penalty: natural, version: v0, identities: identities(rules, provision.article, predicateArticle, date) } : null;
  let prison = natural.prison;
  let fine = natural.fine;
  let recidive: string | null = null;
  if (!ctx.legal && ctx.priors.length) {
    const r = applyRecidive(rules, forRecidive!, ctx.priors, 'natural', prison, fine, steps);
    ({ prison, fine } = r);
    recidive = r.applied;
    if (recidive) natureNow = classify(rules, { prison, fine, contraventionFine: natural.contraventionFine }, date);
  }
  if (ctx.legal) {
    ({ prison, fine } = legalPerson(ctx, natureNow, natural, date, steps));
    if (ctx.priors.length) {
      const r = applyRecidive(rules, forRecidive!, ctx.priors, 'legal', prison, fine, steps);
      ({ prison, fine } = r);
      recidive = r.applied;
    }
  }
  if (ctx.priors.length && !recidive) steps?.push({ rule: '132-16-7', code: 'RECIDIVE_NONE', params: { count: ctx.priors.length } });
  if (recidive) {
    const rule = rules.recidive.rules.find((x) => x.id === recidive)!;
    const st = dated(rule.values, date)!.status;
    if (st !== 'text') paramWarning(ctx, rule.article, st);
  }

  const safety = prisonFrom.v.safetyPeriod === true && prison !== null;
  if (safety) steps?.push({ rule: '132-23', code: 'SAFETY_PERIOD' });

  const result = base;
  result.punishable = true;
  result.nature = natureNow;
  result.prison = prison;
  result.fine = fine ? moneyString(fine) : null;
  if (recidive) result.recidive = recidive;
  if (applied.length) result.aggravations = applied;
  // Lean (batch) results leave the list out: it is reference material, not a figure of the case.
  if (!ctx.lean && v0.complementary) {
    const complementary = v0.complementary.filter((x) => (x.persons ?? 'both') === 'both' || x.persons === (ctx.legal ? 'legal' : 'natural'));
    if (complementary.length) result.complementary = complementary.map((x) => ({ article: x.article, label: x.label[lang] }));
  }
  if (tier) result.tier = tier[lang];
  if (safety) result.safetyPeriod = true;
  return { result, steps, fine };
}

const inputsUsed = new WeakMap<Provision, { amount: boolean; predicate: boolean }>();
/** Whether some version of a provision uses an amount (a proportional fine) or a predicate: worked out once. */
function usesInputs(p: Provision): { amount: boolean; predicate: boolean } {
  let u = inputsUsed.get(p);
  if (!u) {
    const specs = p.versions.map((v) => v.penalty).filter((x) => x !== undefined);
    u = {
      amount: specs.some((s) => 'fine' in s && s.fine && 'amount' in s.fine && s.fine.proportional !== undefined),
      predicate: specs.some((s) => 'byPredicate' in s || ('heavierPredicate' in s && s.heavierPredicate !== undefined)),
    };
    inputsUsed.set(p, u);
  }
  return u;
}

/** Nothing a user gave is silently dropped: an amount or predicate the provision never uses is an error. */
function unusedInput(p: Provision, charge: Charge, path: string): QuantumError | null {
  if (charge.amount === undefined && charge.predicate === undefined) return null;
  const uses = usesInputs(p);
  if (charge.amount !== undefined) {
    if (!uses.amount) return { code: 'INVALID_CASE', path: `${path}.amount`, message: `${p.ref} has no fine proportional to an amount; remove "amount"` };
  }
  if (charge.predicate !== undefined) {
    if (!uses.predicate) return { code: 'INVALID_CASE', path: `${path}.predicate`, message: `${p.ref} does not depend on another offence; remove "predicate"` };
  }
  return null;
}

/** 131-37, 131-38, 131-41: a legal person incurs no custodial penalty and a fine multiplied. */
function legalPerson(ctx: Ctx, nature: Nature, p: Penalty, date: IsoDate, steps: Steps): { prison: null; fine: Decimal | null } {
  const g = ctx.rules.general;
  if (p.prison) steps?.push({ rule: '131-37', code: 'LEGAL_PERSON_NO_PRISON' });
  if (nature === 'contravention') {
    const m = paramAt(g.legalPersonContraventionMultiplier, date);
    if (!p.fine || !m) return { prison: null, fine: p.fine };
    paramWarning(ctx, g.legalPersonContraventionMultiplier.article, m.status);
    steps?.push({ rule: g.legalPersonContraventionMultiplier.article, code: 'LEGAL_PERSON_CONTRAVENTION', params: { multiplier: m.value } });
    return { prison: null, fine: p.fine.times(m.value) };
  }
  const m = paramAt(g.legalPersonFineMultiplier, date);
  if (p.fine && m) {
    paramWarning(ctx, g.legalPersonFineMultiplier.article, m.status);
    steps?.push({ rule: g.legalPersonFineMultiplier.article, code: 'LEGAL_PERSON_FINE', params: { multiplier: m.value, natural: p.fine.toFixed(), fine: p.fine.times(m.value).toFixed() } });
    return { prison: null, fine: p.fine.times(m.value) };
  }
  if (!p.fine && nature === 'crime') {
    const d = paramAt(g.legalPersonCrimeFineWithoutNaturalFine, date);
    if (d?.value) {
      paramWarning(ctx, g.legalPersonCrimeFineWithoutNaturalFine.article, d.status);
      steps?.push({ rule: g.legalPersonCrimeFineWithoutNaturalFine.article, code: 'LEGAL_PERSON_CRIME_NO_FINE', params: { fine: d.value } });
      return { prison: null, fine: moneyOf(d.value) };
    }
  }
  steps?.push({ rule: '131-38', code: 'LEGAL_PERSON_NO_FINE' });
  ctx.warnings.push({ code: 'NOT_COMPUTED', ref: null, key: 'W_LEGAL_PERSON_NO_FINE' });
  return { prison: null, fine: null };
}

function legalPersonWarnings(ctx: Ctx): void {
  const p = paramAt(ctx.rules.general.legalPersonGeneralLiabilityFrom, ctx.date);
  if (p && p.value === false) {
    ctx.warnings.push({ code: 'NOTE', ref: null, key: 'W_SPECIALITY', params: { from: ctx.rules.general.legalPersonGeneralLiabilityFrom.values.find((v) => v.value === true)?.from ?? null } });
  }
}

function unverified(ctx: Ctx, v: Version, ref: string): void {
  if (v.status !== 'text') {
    ctx.warnings.push({ code: 'UNVERIFIED', ref, status: v.status, key: 'W_UNVERIFIED', params: { ref, from: v.from, status: v.status } });
  }
}

function paramWarning(ctx: Ctx, article: string, status: string): void {
  if (status !== 'text') ctx.warnings.push({ code: 'UNVERIFIED', ref: article, status: status as NonNullable<Warning['status']>, key: 'W_PARAM_UNVERIFIED', params: { article, status } });
}

/**
 * A sum of fines, exact. A sum of one fine keeps that charge's own text: most totals are one charge's fine, and
 * they then cost no arithmetic and no formatting.
 */
class FineSum {
  value: Decimal | null = null;
  private str: string | null = null;
  add(f: Decimal, text?: string): this {
    this.str = this.value === null ? text ?? null : null;
    this.value = this.value === null ? f : this.value.plus(f);
    return this;
  }
  text(): string { return (this.str ??= moneyString(this.value!)); }
}

/** 132-2, 132-3, 132-5, 132-7: concours réel of the charges judged together. */
function concours(ctx: Ctx, charges: ChargeResult[], fines: (Decimal | null)[]): { total: Result['total']; arithmetic: Result['arithmetic']; steps: Steps } {
  const steps: Steps = ctx.trace ? [] : null;
  let live = 0;
  for (const c of charges) if (c.punishable) live++;
  if (live === 0) {
    steps?.push({ rule: '112-1', code: 'NOTHING_PUNISHABLE' });
    return {
      total: { prison: null, fine: null, fineParts: { crimesDelits: '0', contraventions: '0' }, cappedBy: { prison: null, fine: null }, lifeNotPronouncedCapMonths: undefined },
      arithmetic: { prison: null, fine: null }, steps,
    };
  }
  if (live > 1) steps?.push({ rule: '132-2', code: 'CONCOURS', params: { count: live } });

  let prison: PrisonOut | null = null, prisonRef: string | null = null;
  let cap: FineSum | null = null, capRef: string | null = null;
  const contraventions = new FineSum();
  const contraventionRefs: string[] = [];
  let months = 0, life = false, anyPrison = false;
  const sum = new FineSum();
  for (let i = 0; i < charges.length; i++) {
    const c = charges[i]!;
    if (!c.punishable) continue;
    if (c.prison) {
      anyPrison = true;
      if (c.prison.life) life = true; else months += c.prison.months ?? 0;
      if (comparePrison(c.prison, prison) > 0) { prison = c.prison; prisonRef = c.ref; }
    }
    if (c.fine !== null) {
      const f = fines[i] ?? new Money(c.fine);
      sum.add(f, c.fine);
      if (c.nature === 'contravention') { contraventions.add(f, c.fine); contraventionRefs.push(c.ref); }
      else if (cap === null || f.gt(cap.value!)) { cap = new FineSum().add(f, c.fine); capRef = c.ref; }
    }
  }
  if (prison) {
    steps?.push({ rule: '132-5', code: live > 1 ? 'CONCOURS_PRISON' : 'SINGLE_PRISON', params: { ref: prisonRef, prison } });
    if (prison.life) {
      const capLife = paramAt(ctx.rules.general.lifeNotPronouncedCap, ctx.date);
      if (capLife) steps?.push({ rule: ctx.rules.general.lifeNotPronouncedCap.article, code: 'LIFE_CAP', params: { months: capLife.value.months } });
    }
  }
  if (cap) steps?.push({ rule: '132-3', code: live > 1 ? 'CONCOURS_FINE' : 'SINGLE_FINE', params: { ref: capRef, fine: cap.text() } });
  if (contraventionRefs.length) steps?.push({ rule: '132-7', code: 'CONTRAVENTION_FINES_ADDED', params: { refs: contraventionRefs, fine: contraventions.text() } });
  // 132-7: the contravention fines come on top of the crime/délit cap.
  const totalFine = cap === null ? contraventions : contraventions.value === null ? cap : new FineSum().add(cap.value!.plus(contraventions.value));
  if (cap && contraventionRefs.length) steps?.push({ rule: '132-7', code: 'TOTAL_FINE', params: { fine: totalFine.text() } });
  const arithmetic = { prison: anyPrison ? { months, life } : null, fine: sum.value === null ? null : sum.text() };
  if (live > 1) steps?.push({ rule: '132-3', code: 'ARITHMETIC', params: arithmetic });

  const total: Result['total'] = {
    prison,
    fine: totalFine.value === null ? null : totalFine.text(),
    fineParts: { crimesDelits: cap ? cap.text() : '0', contraventions: contraventions.value === null ? '0' : contraventions.text() },
    cappedBy: { prison: prisonRef, fine: capRef ?? (contraventionRefs[0] ?? null) },
    // Always a key (undefined unless life; JSON leaves it out): one object shape for whoever reads totals.
    lifeNotPronouncedCapMonths: undefined,
  };
  if (prison?.life) {
    const capLife = paramAt(ctx.rules.general.lifeNotPronouncedCap, ctx.date);
    if (capLife) total.lifeNotPronouncedCapMonths = capLife.value.months;
  }
  return { total, arithmetic, steps };
}
