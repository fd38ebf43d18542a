// The dates a charge's result can change on. A charge reads its provision and those the provision leads to (the
// other tiers of its article, an article whose penalty it borrows, its predicate, the provision that continues or
// preceded it), and the general part of the law; its result is the same on two dates between which none of these
// changes. The memo (fast.ts) keys on this short list instead of every change date of the whole law, so a batch
// spread over thirty years shares results between far more cases. Over-inclusive by design: anything a provision
// names is followed, and a test checks the list against the plain engine on every date the law changes.
import type { Provision, Rules } from './model.js';
import { continuedByOf, itemSub } from './model.js';
import { resolveRef, sortByRef } from './refs.js';

type DatedEntry = { from?: string | null | undefined; to?: string | null | undefined };
const addDates = (set: Set<string>, v: DatedEntry): void => { if (v.from) set.add(v.from); if (v.to) set.add(v.to); };

/** Every date on which a provision's own data changes: versions, items, its organised-gang forms, its repeal. */
export function provisionDates(p: Provision, set: Set<string>): void {
  for (const v of p.versions) addDates(set, v);
  for (const it of p.items ?? []) if (typeof it !== 'string') addDates(set, it);
  for (const f of p.organisedGangForms ?? []) addDates(set, f);
  if (p.repealed) addDates(set, p.repealed);
}

/** Which parts of the general law a charge can read, besides the parameters, récidive and aggravations. */
export interface GeneralUse { minors: boolean; repentis: boolean; legal: boolean }

/** The dates of the general part a charge reads (the minors', repentis and legal persons' texts only when the case uses them). */
export function generalDates(rules: Rules, use: GeneralUse, set: Set<string>): void {
  for (const param of Object.values(rules.general)) param.values.forEach((v) => addDates(set, v));
  // Before the date the data holds a code from, a charge is "law not held" (time.ts): a date the result turns on.
  for (const k of rules.codes) if (k.heldFrom) set.add(k.heldFrom);
  for (const list of [rules.recidive.rules, rules.recidive.assimilations, rules.recidive.predicateAssimilations, rules.aggravations.aggravations]) {
    for (const x of list) x.values.forEach((v) => addDates(set, v));
  }
  for (const g of rules.recidive.assimilations) g.refs?.forEach((r) => { if (typeof r !== 'string') addDates(set, r); });
  // A legal person's liability (121-2) turns on the clauses' and exclusions' dates.
  if (use.legal) for (const x of [...rules.speciality.clauses, ...rules.speciality.exclusions]) addDates(set, x);
  if (use.minors) rules.minors.versions.forEach((v) => addDates(set, v));
  if (use.repentis) for (const x of rules.repentis.texts) x.versions.forEach((v) => addDates(set, v));
}

type Form = NonNullable<Provision['organisedGangForms']>[number];
const formsNaming = new WeakMap<Rules, Map<string, Form[]>>();
/** The organised-gang form listings (on any provision) that name this ref: 450-1 reads them, so do its dates. */
export function formsListing(rules: Rules, ref: string): Form[] {
  let index = formsNaming.get(rules);
  if (!index) {
    index = new Map();
    for (const q of rules.provisions.values()) for (const f of q.organisedGangForms ?? []) index.set(f.ref, [...(index.get(f.ref) ?? []), f]);
    formsNaming.set(rules, index);
  }
  return index.get(ref) ?? [];
}

const movedFrom = new WeakMap<Rules, Map<string, string[]>>();
/** The items whose conduct moved to this provision or article (`movedTo`), as refs: where earlier facts were punished. */
export function itemsMovedTo(rules: Rules, ref: string, article: string): string[] {
  let index = movedFrom.get(rules);
  if (!index) {
    index = new Map();
    for (const p of rules.provisions.values()) {
      for (const it of p.items ?? []) if (typeof it !== 'string' && it.movedTo) index.set(it.movedTo, [...(index.get(it.movedTo) ?? []), `${p.article} ${it.sub}`]);
    }
    for (const [k, refs] of index) index.set(k, sortByRef(refs, (r) => r));
    movedFrom.set(rules, index);
  }
  return [...(index.get(ref) ?? []), ...(ref === article ? [] : index.get(article) ?? [])];
}

const continuedFrom = new WeakMap<Rules, Map<string, Provision[]>>();
/** The provisions whose repeal names this one as their continuation (time.ts judges earlier facts under them). */
export function predecessorsOf(rules: Rules, ref: string): Provision[] {
  let index = continuedFrom.get(rules);
  if (!index) {
    index = new Map();
    for (const p of rules.provisions.values()) {
      for (const by of continuedByOf(p)) index.set(by, [...(index.get(by) ?? []), p]);
    }
    continuedFrom.set(rules, index);
  }
  return index.get(ref) ?? [];
}

// Fields of words and addresses, never a ref: not walked.
const PROSE = new Set(['label', 'note', 'notice', 'sources', 'source', 'amendedBy', 'rule', 'base', 'circumstance', 'condition']);
/** Every string in a provision's data that names a provision or an article of the rules (penaltyOf, continuedBy…). */
function named(rules: Rules, o: unknown, out: Provision[]): void {
  if (typeof o === 'string') {
    const p = rules.provisions.get(o);
    if (p) out.push(p);
    else for (const r of rules.articles.get(o)?.refs ?? []) out.push(rules.provisions.get(r)!);
  } else if (Array.isArray(o)) for (const x of o) named(rules, x, out);
  else if (o && typeof o === 'object') for (const [k, x] of Object.entries(o)) if (!PROSE.has(k)) named(rules, x, out);
}

/** The provisions reachable from these: same article, named in the data, preceding by continuation; transitively. */
export function closure(rules: Rules, start: Provision[]): Set<Provision> {
  const seen = new Set<Provision>();
  const todo = [...start];
  while (todo.length) {
    const p = todo.pop()!;
    if (seen.has(p)) continue;
    seen.add(p);
    for (const r of rules.articles.get(p.article)?.refs ?? []) todo.push(rules.provisions.get(r)!);
    named(rules, p, todo);
    todo.push(...predecessorsOf(rules, p.ref));
  }
  return seen;
}

/**
 * The sorted dates a charge's result can change on: those of its provision's closure and of its predicate's, and
 * of the general part it reads; null when the ref does not resolve (an error, never memoised).
 */
export function chargeDates(rules: Rules, ref: string, predicate: string | undefined, use: GeneralUse): string[] | null {
  const r = resolveRef(rules, ref, '');
  if (!r.ok) return null;
  const start = [r.provision];
  if (predicate !== undefined) {
    const pr = resolveRef(rules, predicate, '');
    if (!pr.ok) return null;
    start.push(pr.provision);
  }
  const set = new Set<string>();
  const reached = closure(rules, start);
  for (const p of reached) provisionDates(p, set);
  // A predicate that is another crime's organised-gang form (450-1 since 2025) reads that listing's dates.
  for (const p of reached) for (const r of [p.ref, ...(p.items ?? []).map((it) => `${p.article} ${itemSub(it)}`)]) for (const f of formsListing(rules, r)) addDates(set, f);
  generalDates(rules, use, set);
  // A cumulation clause reaching it is read by the case (its notes), not by the charge: its dates are added so that
  // the list holds every date that can change what a case of this one charge shows (dependencies.test.ts).
  for (const k of rules.cumulation.clauses) {
    if ([...reached].some((p) => k.charges.includes(p.ref) || k.charges.includes(p.article))) for (const v of k.versions) addDates(set, v);
  }
  return [...set].sort();
}
