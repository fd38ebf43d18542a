// The fast path: the plain engine with a memo of charge results, for bulk (lean, untraced) evaluation. A charge's
// result depends on its dates only through their "epochs" among the dates its provisions and the general rules it
// reads change on (dependencies.ts), and on the inputs the pipeline's modules declare they read: the memo key is
// built from exactly those, so a new input cannot be left out of it (KEYS must name every declared input, or this
// file does not compile, and a test checks each module's declaration against what it reads). Shared results are
// frozen.
import type { Decimal } from 'decimal.js';
import type { Case, Charge, ChargeResult, Outcome } from './contract.js';
import type { IsoDate, Rules } from './model.js';
import { deepFreeze } from './freeze.js';
import { ageOn } from './dates.js';
import { evaluateCase, type EvaluateOptions } from './engine.js';
import { evaluateCharge, isError, type ChargeOutcome } from './charge.js';
import { PIPELINE_READS } from './pipeline.js';
import { chargeDates, generalDates, provisionDates } from './dependencies.js';
import type { CaseCtx, Input, WarningDraft } from './law/types.js';

type ChargeInput = Extract<Input, `charge.${string}`>;
type CaseInput = Extract<Input, `offender.${string}`>;

/**
 * Each declared input of a charge as a part of its memo key ('' at its default), or null when a charge with it is
 * not memoised (amounts seldom repeat: each would push a useful entry out). One function with a case per input
 * (one call site, compiled once), exhaustive over the inputs: one a module adds does not compile until it has its
 * case here.
 */
function chargePart(input: ChargeInput, ch: Charge): string | null {
  switch (input) {
    case 'charge.amount': return ch.amount === undefined ? '' : null;
    case 'charge.predicate': return ch.predicate ?? '';
    case 'charge.attempt': return ch.attempt ? '1' : '';
    case 'charge.accomplice': return ch.accomplice ? '1' : '';
    case 'charge.aggravations': return ch.aggravations?.join('\u0001') ?? '';
    case 'charge.repentis': return ch.repentis ?? '';
    case 'charge.relatedTo': return ch.relatedTo?.join(',') ?? '';
    default: return never(input);
  }
}
/** The same for an input of the case as a whole: part of the case's slot, worked out once per case. */
function casePart(input: CaseInput, c: CaseCtx): string | null {
  switch (input) {
    case 'offender.type': return c.legal ? 'L' : '';
    // Priors make a charge's result depend on the whole case: not memoised.
    case 'offender.priors': return c.priors.length ? null : '';
    // The minors' rules read the age on the date of facts: a charge memoised has the case's date.
    case 'offender.birthDate': return c.birthDate === null ? '' : minorAge(c);
    default: return never(input);
  }
}
/** The age on the case's date of facts, or '' for an adult under every version of the minors' rules. */
function minorAge(c: CaseCtx): string {
  const age = ageOn(c.birthDate!, c.date);
  return c.rules.minors.versions.every((v) => age >= v.adultAge) ? '' : `a${age}`;
}
function never(input: never): never {
  throw new Error(`no memo key part for the input ${String(input)}`);
}
const isChargeInput = (i: Input): i is ChargeInput => i.startsWith('charge.');
const CHARGE_READS = PIPELINE_READS.filter(isChargeInput);
const CASE_READS = PIPELINE_READS.filter((i): i is CaseInput => !isChargeInput(i));

/**
 * The memo key of a charge: its ref as written, then each declared input that is not at its default, with its
 * index (most charges give none, and their key is their ref); null when the charge is not memoised.
 */
function chargeKey(ch: Charge): string | null {
  // '\0' separates the parts: an input holding one is never memoised (no two inputs share a key).
  let key = ch.ref;
  if (key.includes('\0')) return null;
  for (let i = 0; i < CHARGE_READS.length; i++) {
    const p = chargePart(CHARGE_READS[i]!, ch);
    if (p === null || p.includes('\0')) return null;
    if (p !== '') key += `\0${i}${p}`;
  }
  return key;
}

/** A memoised charge: an outcome itself (served as it is, nothing allocated), and the warnings it gave. */
interface MemoEntry { result: ChargeResult; steps: null; fine: Decimal | null; fineWithoutExcuse: Decimal | null; warnings: WarningDraft[] }

const memoised = new WeakSet<ChargeResult>();
/** Whether a charge result is shared between results (memoised): anything else is used once. */
export function isMemoised(r: ChargeResult): boolean {
  return memoised.has(r);
}

/**
 * Every date on which something the engine reads starts or stops applying, sorted: provisions' versions, items and
 * repeals, and every dated value of the general part (a test checks that no dated entry of the rules is missed).
 * The memo keys each charge on the part of this list its result depends on (dependencies.ts).
 */
export function changeDates(rules: Rules): string[] {
  const set = new Set<string>();
  for (const p of rules.provisions.values()) provisionDates(p, set);
  generalDates(rules, { minors: true, repentis: true, legal: true }, set);
  for (const x of rules.cumulation.clauses) for (const v of x.versions) { set.add(v.from); if (v.to) set.add(v.to); }
  return [...set].sort();
}

/** The number of change dates on or before `d`: two dates with the same epoch see the same law. */
export function epoch(dates: string[], d: IsoDate): number {
  let lo = 0, hi = dates.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (dates[mid]! <= d) lo = mid + 1; else hi = mid; }
  return lo;
}

/** The memo of one set of rules, and the dates each charge depends on (by ref, predicate and general use). */
interface PerRules { memo: Memo<MemoEntry>; dates: Map<string, string[] | null> }
const perRules = new WeakMap<Rules, PerRules>();
function perRulesOf(rules: Rules): PerRules {
  let e = perRules.get(rules);
  if (!e) { e = { memo: new Memo(), dates: new Map() }; perRules.set(rules, e); }
  return e;
}

/**
 * A charge evaluator that serves a charge seen before from the memo: same language and case inputs (the slot),
 * same charge inputs, and the same epochs of the facts and of the judgment among the dates that charge depends on.
 * One per rules; the slot is worked out once per case.
 */
class MemoEvaluator {
  private readonly e: PerRules;
  private ctx: CaseCtx | null = null;
  private slot: string | number | null = null;
  constructor(private readonly rules: Rules, private readonly freeze: boolean) { this.e = perRulesOf(rules); }
  /** The case's slot: its language, then the case's inputs that are not at their default; null: no memo. */
  private slotOf(c: CaseCtx): string | number | null {
    if (c !== this.ctx) {
      this.ctx = c;
      let slot: string | number | null = c.lang === 'fr' ? 0 : 1;
      for (let i = 0; i < CASE_READS.length && slot !== null; i++) {
        const p = casePart(CASE_READS[i]!, c);
        slot = p === null ? null : p === '' ? slot : `${slot}|${i}${p}`;
      }
      this.slot = slot;
    }
    return this.slot;
  }
  /** The dates this charge's result depends on; null when its ref or predicate does not resolve. */
  private datesOf(ctx: CaseCtx, charge: Charge): string[] | null {
    const minors = ctx.birthDate !== null, repentis = charge.repentis !== undefined, legal = ctx.legal;
    const k = `${charge.ref}\0${charge.predicate ?? ''}\0${minors ? 1 : 0}${repentis ? 1 : 0}${legal ? 1 : 0}`;
    let dates = this.e.dates.get(k);
    if (dates === undefined) {
      // Bounded: refs and predicates come from the input.
      if (this.e.dates.size > 10_000) this.e.dates.clear();
      dates = chargeDates(this.rules, charge.ref, charge.predicate, { minors, repentis, legal });
      this.e.dates.set(k, dates);
    }
    return dates;
  }
  readonly evaluate = (ctx: CaseCtx, charge: Charge, i: number): ChargeOutcome => {
    const slot = this.slotOf(ctx);
    // A charge dated otherwise than its case shows its date in a lean result: not shared.
    const key = slot !== null && (!charge.date || charge.date === ctx.date) ? chargeKey(charge) : null;
    if (key === null) return evaluateCharge(ctx, charge, i);
    const node = this.e.memo.find(slot!, key) ?? this.e.memo.add(slot!, key, this.datesOf(ctx, charge));
    const dates = node.dates;
    if (dates === null) return evaluateCharge(ctx, charge, i);
    const epochs = epoch(dates, ctx.date) * (dates.length + 1) + epoch(dates, ctx.judgment);
    const hit = node.entries.get(epochs);
    if (hit) {
      for (let k = 0; k < hit.warnings.length; k++) ctx.warnings.push(hit.warnings[k]!);
      return hit;
    }
    const before = ctx.warnings.length;
    const r = evaluateCharge(ctx, charge, i);
    if (!isError(r)) {
      if (this.freeze) deepFreeze(r.result);
      memoised.add(r.result);
      this.e.memo.set(node, epochs, { result: r.result, steps: null, fine: r.fine, fineWithoutExcuse: r.fineWithoutExcuse, warnings: ctx.warnings.slice(before) });
    }
    return r;
  };
}

const frozenEvaluators = new WeakMap<Rules, MemoEvaluator>();
const ownedEvaluators = new WeakMap<Rules, MemoEvaluator>();
// The rules of the last call, and their evaluator: a batch uses one set of rules for every case.
let last: { rules: Rules | null; freeze: boolean; evaluator: MemoEvaluator | null } = { rules: null, freeze: true, evaluator: null };

export interface FastOptions extends EvaluateOptions {
  memo?: boolean;
  /**
   * Memoised charge results are shared between results: frozen, so that a caller cannot change another result
   * (the default). `shared: 'owned'` is for a caller that never changes them, such as the batch writer.
   */
  shared?: 'frozen' | 'owned';
}

/** The engine for bulk use: lean and untraced results go through the memo; anything else is the plain engine. */
export function evaluateCaseFast(rules: Rules, c: Case, options: FastOptions): Outcome {
  if (!options.lean || options.trace !== false || options.memo === false) return evaluateCase(rules, c, options);
  const freeze = options.shared !== 'owned';
  if (rules !== last.rules || freeze !== last.freeze) {
    const map = freeze ? frozenEvaluators : ownedEvaluators;
    let ev = map.get(rules);
    if (!ev) { ev = new MemoEvaluator(rules, freeze); map.set(rules, ev); }
    last = { rules, freeze, evaluator: ev };
  }
  return evaluateCase(rules, c, options, last.evaluator!.evaluate);
}

/** One memoised item of a slot (a charge with its inputs): the dates it depends on, its values by epochs. */
export interface MemoNode<T> { readonly dates: string[] | null; readonly entries: Map<number, T> }

/**
 * Memoised values by slot (the case's language and inputs), then by item key, then by epoch. Bounded with two
 * generations: when the young one is full it becomes the old one, and an item found in the old one is kept. Values
 * in use stay, one-off values leave, and the memory stays small (batch runs in a 96 MB heap).
 */
export class Memo<T> {
  private young = new Map<string | number, Map<string, MemoNode<T>>>();
  private old = new Map<string | number, Map<string, MemoNode<T>>>();
  private size = 0;
  // The first turnover comes early, after 64 entries: that code (and the look-ups in the old generation) has then
  // run before V8 optimises the callers, which would otherwise deoptimise the first time a memo fills up.
  private limit = 64;
  constructor(private readonly max = 16_384) {}
  /** The item's node in the young generation (moved there from the old one if need be), or undefined. */
  find(slot: string | number, k: string): MemoNode<T> | undefined {
    const hit = this.young.get(slot)?.get(k);
    if (hit !== undefined) return hit;
    const old = this.old.get(slot)?.get(k);
    if (old !== undefined) this.put(slot, k, old);
    return old;
  }
  /** A new node for an item, with the dates its values depend on. */
  add(slot: string | number, k: string, dates: string[] | null): MemoNode<T> {
    const n: MemoNode<T> = { dates, entries: new Map() };
    this.put(slot, k, n);
    return n;
  }
  set(n: MemoNode<T>, epochs: number, v: T): void {
    n.entries.set(epochs, v);
    if (++this.size >= this.limit) { this.old = this.young; this.young = new Map(); this.size = 0; this.limit = this.max; }
  }
  private put(slot: string | number, k: string, n: MemoNode<T>): void {
    let map = this.young.get(slot);
    if (!map) { map = new Map(); this.young.set(slot, map); }
    map.set(k, n);
    this.size += n.entries.size + 1;
  }
}
