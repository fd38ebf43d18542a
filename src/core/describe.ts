// The catalogue view of a provision on a date: its version and penalty, without a case.
import type { Aggravation, IsoDate, Label, Nature, Provision, Rules, Version } from './model.js';
import { isByPredicate, isPenaltyOf, itemSub } from './model.js';
import type { PrisonOut } from './contract.js';
import { at } from './dates.js';
import { classify } from './law/classify.js';
import { specialPenalty } from './law/special.js';
import { notHeldOn, predecessor } from './law/time.js';
import { moneyString } from './money.js';
import { sortByRef } from './refs.js';

export { compareRefs, sortByRef } from './refs.js';

export interface ProvisionView {
  ref: string;
  article: string;
  kind: 'offence' | 'rule';
  label: Label;
  items: string[];
  aliases: string[];
  version: Version | null;
  nature: Nature | null;
  prison: PrisonOut | null;
  fine: string | null;
  proportional: boolean;
  dependsOn: 'predicate' | null;
  /** The provision whose penalties apply ("puni des peines prévues à l'article …"). */
  penaltyOf: string | null;
  /** No version on the date because the law then applicable is not in the data (before 1994, a former text), not because none punished. */
  notHeld: boolean;
  tiers?: { label: Label | null; prison: PrisonOut | null; fine: string | null; predicatePenalty?: true }[];
}

export function describeProvision(rules: Rules, p: Provision, date: IsoDate): ProvisionView {
  const v = at(p.versions, date) ?? null;
  const view: ProvisionView = {
    ref: p.ref, article: p.article, kind: p.kind, label: p.label, items: (p.items ?? []).map(itemSub), aliases: p.aliases ?? [],
    version: v, nature: null, prison: null, fine: null, proportional: false, dependsOn: null, penaltyOf: null,
    notHeld: !v && date < p.versions[0]!.from && !predecessor({ rules }, p, date) && notHeldOn(rules, p, date) !== null,
  };
  if (!v?.penalty) return view;
  if (isByPredicate(v.penalty)) {
    view.dependsOn = 'predicate';
    view.tiers = v.penalty.byPredicate.tiers.map((t) => {
      if (t.predicatePenalty) return { label: t.label ?? null, prison: null, fine: null, predicatePenalty: true };
      const out = specialPenalty(rules, p, { ...v, penalty: { prison: t.prison, fine: t.fine } }, { ref: p.ref, path: '' }, date, false);
      return out.ok ? { label: t.label ?? null, prison: out.penalty.prison, fine: out.penalty.fine ? moneyString(out.penalty.fine) : null } : { label: t.label ?? null, prison: null, fine: null };
    });
    return view;
  }
  const spec = v.penalty;
  if (isPenaltyOf(spec)) view.penaltyOf = spec.penaltyOf;
  const plain = isPenaltyOf(spec) ? spec : { prison: spec.prison, fine: spec.fine };
  const out = specialPenalty(rules, p, { ...v, penalty: plain }, { ref: p.ref, path: '' }, date, false);
  if (out.ok) {
    view.prison = out.penalty.prison;
    view.fine = out.penalty.fine ? moneyString(out.penalty.fine) : null;
    view.nature = classify(rules, out.penalty, date);
  }
  // The penalties of another text (douanes 428 -> 414): its fine may be a multiple of a base, shown as such.
  const own = isPenaltyOf(spec) ? at(rules.provisions.get(spec.penaltyOf)?.versions ?? [], date)?.penalty : spec;
  const fine = own && !isPenaltyOf(own) && !isByPredicate(own) ? own.fine : null;
  view.proportional = !!(fine && 'proportional' in fine && fine.proportional);
  if (isPenaltyOf(spec)) return view;
  if (spec.heavierPredicate) view.dependsOn = 'predicate';
  return view;
}

/** Text as search compares it: accents, case, hyphens and apostrophes, and plurals ignored. */
export function searchFold(s: string): string {
  return s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase()
    .replace(/[-'’_/.,;:()«»"]/g, ' ').replace(/\b(\p{L}{3,}?)[sx]\b/gu, '$1');
}

const hays = new WeakMap<Provision, string>();
/**
 * Everything a provision can be found by: ref, labels (French and English), aliases, items, its article's label and
 * keywords, its code. The build's snapshot keeps each provision's (rules.searchHays): a search then reads only
 * the provisions it finds.
 */
export function hayOf(rules: Rules, p: Provision): string {
  let h = hays.get(p);
  if (h === undefined) {
    const a = rules.articles.get(p.article);
    const code = rules.codes.find((c) => c.id === p.code);
    // Items by number and, where the data labels them (a dated item: presse 24 al. 6, apologie), by their label.
    const itemWords = (p.items ?? []).flatMap((i) => [`${p.article} ${itemSub(i)}`, ...(typeof i !== 'string' && i.label ? [i.label.fr, i.label.en] : [])]);
    h = searchFold([p.ref, p.label.fr, p.label.en, ...(p.aliases ?? []), ...itemWords,
      a?.label.fr ?? '', a?.label.en ?? '', ...(a?.keywords ?? []), code?.id ?? '', code?.label.fr ?? '', code?.label.en ?? ''].join(' | '));
    hays.set(p, h);
  }
  return h;
}

/**
 * Catalogue search: every word must appear in what the provision can be found by (accents, plurals optional).
 * A provision whose ref or article is what was typed comes first ("225-8" finds 225-8 before presse 24 al. 8).
 */
export function searchProvisions(rules: Rules, words: string[]): Provision[] {
  return searchRefs(rules, words).map((ref) => rules.provisions.get(ref)!);
}

/**
 * searchProvisions' refs, in the same order, making only the provisions whose article could be what was typed:
 * the terminal UI lists a whole catalogue and shows a screenful of it.
 */
export function searchRefs(rules: Rules, words: string[]): string[] {
  const needles = words.flatMap((w) => searchFold(w).split(/\s+/)).filter(Boolean);
  const order = catalogueOrder(rules);
  // Nothing typed: the whole catalogue; only punctuation typed ("("): nothing matches it.
  if (!needles.length) return words.some((w) => w.trim() !== '') ? [] : [...order];
  const typed = searchFold(words.join(' ')).trim();
  // The article is the ref or its beginning: only a ref that starts with what was typed can be an exact match.
  // A provision whose short name is what was typed ("blanchiment": 324-1) is as exact as its ref.
  const exact = (ref: string) => {
    const f = searchFold(ref), p = rules.provisions.get(ref)!;
    return f === typed || (f.startsWith(typed) && searchFold(p.article) === typed) || (p.aliases ?? []).some((a) => searchFold(a) === typed);
  };
  // Exact ref first; then the provisions where every word is a whole word ("vol": theft), then where each begins
  // a word, then the rest ("volontairement"); within the first two, the earlier the words come (a label that starts
  // with them), the higher; catalogue order otherwise.
  const hits: { ref: string; rank: number; at: number }[] = [];
  for (const ref of order) {
    const hay = rules.searchHays?.get(ref) ?? hayOf(rules, rules.provisions.get(ref)!);
    if (!needles.every((n) => hay.includes(n))) continue;
    if (exact(ref)) { hits.push({ ref, rank: 0, at: 0 }); continue; }
    const found = needles.map((n) => wordRank(hay, n));
    const rank = 1 + Math.max(...found.map((f) => f.rank));
    hits.push({ ref, rank, at: rank < 3 ? found.reduce((s, f) => s + f.at, 0) : 0 });
  }
  // Array.prototype.sort is stable: equal keys keep the catalogue order.
  return hits.sort((a, b) => a.rank - b.rank || a.at - b.at).map((h) => h.ref);
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
/** rank 0 when the needle occurs as a whole word, 1 at the start of a word, 2 only inside words; `at` where it first does so. */
function wordRank(hay: string, needle: string): { rank: number; at: number } {
  let rank = 2, at = hay.length;
  for (let i = hay.indexOf(needle); i >= 0 && rank > 0; i = hay.indexOf(needle, i + 1)) {
    if (isWordChar(hay[i - 1])) continue;
    const r = isWordChar(hay[i + needle.length]) ? 1 : 0;
    if (r < rank) { rank = r; at = i; }
  }
  return { rank, at };
}

const orders = new WeakMap<object, readonly string[]>();
/** Every ref of the rules in catalogue order (compareRefs), sorted once per set of rules. */
export function catalogueOrder(rules: Rules): readonly string[] {
  if (rules.order) return rules.order;
  let order = orders.get(rules.provisions);
  if (!order) {
    order = Object.freeze(sortByRef([...rules.provisions.keys()], (r) => r));
    orders.set(rules.provisions, order);
  }
  return order;
}

/** A provision's kind, told by the build's snapshot without making the provision when it can. */
export function kindOf(rules: Rules, ref: string): Provision['kind'] | undefined {
  const lazy = rules.provisions as { kindOf?: (ref: string) => Provision['kind'] | undefined };
  return lazy.kindOf ? lazy.kindOf(ref) : rules.provisions.get(ref)?.kind;
}

/** The general aggravations (132-76, 421-3…) whose article or label holds every word: `list` names them too. */
export function searchAggravations(rules: Rules, words: string[]): Aggravation[] {
  const needles = words.flatMap((w) => searchFold(w).split(/\s+/)).filter(Boolean);
  if (!needles.length) return [];
  return rules.aggravations.aggravations.filter((a) => {
    const hay = searchFold([a.article, a.key, a.label.fr, a.label.en].join(' '));
    return needles.every((n) => hay.includes(n));
  });
}

