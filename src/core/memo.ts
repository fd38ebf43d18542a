// Memo of per-charge results for bulk (lean, untraced) evaluation. The law a date sees is the same for every
// date between two consecutive change dates of the rules, so a charge's result depends on its date only
// through that "epoch": the cache key uses the epoch, never the date, and stays small.
import type { IsoDate, Rules } from './model.js';
import { itemSub } from './model.js';

const epochs = new WeakMap<Rules, string[]>();

/** Every date on which something in the rules starts or stops applying, sorted. */
function changeDates(rules: Rules): string[] {
  let list = epochs.get(rules);
  if (list) return list;
  const set = new Set<string>();
  const add = (d: string | null | undefined) => { if (d) set.add(d); };
  for (const p of rules.provisions.values()) {
    for (const v of p.versions) { add(v.from); add(v.to); }
    for (const it of p.items ?? []) if (typeof it !== 'string') { add(it.from); add(it.to ?? null); void itemSub; }
    add(p.repealed?.from);
  }
  for (const param of Object.values(rules.general) as { values: { from: string; to: string | null }[] }[]) for (const v of param.values) { add(v.from); add(v.to); }
  for (const r of rules.recidive.rules) for (const v of r.values) { add(v.from); add(v.to); }
  for (const a of rules.recidive.assimilations) for (const v of a.values) { add(v.from); add(v.to); }
  for (const a of rules.recidive.predicateAssimilations) for (const v of a.values) { add(v.from); add(v.to); }
  for (const a of rules.aggravations.aggravations) for (const v of a.values) { add(v.from); add(v.to); }
  list = [...set].sort();
  epochs.set(rules, list);
  return list;
}

/** How many epochs the rules have (epoch() is from 0 to this minus 1). */
export function epochCount(rules: Rules): number {
  return changeDates(rules).length + 1;
}

/** The number of change dates on or before `d`: two dates with the same epoch see the same law. */
export function epoch(rules: Rules, d: IsoDate): number {
  const list = changeDates(rules);
  let lo = 0, hi = list.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid]! <= d) lo = mid + 1; else hi = mid; }
  return lo;
}

/**
 * Memoised values by slot (a small integer: the epochs and whatever else the values depend on), then by item key:
 * only the item key is a string to hash. Bounded with two generations: when the young one is full it becomes the
 * old one, and a hit in the old one is kept. Values in use stay, one-off values leave, and the memory stays small
 * (batch runs in a 96 MB heap).
 */
export class Memo<T> {
  private young = new Map<number, Map<string, T>>();
  private old = new Map<number, Map<string, T>>();
  private size = 0;
  // The first turnover comes early, after 64 entries: that code (and the look-ups in the old generation) has then
  // run before V8 optimises the callers, which would otherwise deoptimise the first time a memo fills up.
  private limit = 64;
  constructor(private readonly max = 4096) {}
  get(slot: number, k: string): T | undefined {
    const hit = this.young.get(slot)?.get(k);
    if (hit !== undefined) return hit;
    const old = this.old.get(slot)?.get(k);
    if (old !== undefined) this.set(slot, k, old);
    return old;
  }
  set(slot: number, k: string, v: T): void {
    if (this.size >= this.limit) { this.old = this.young; this.young = new Map(); this.size = 0; this.limit = this.max; }
    let map = this.young.get(slot);
    if (!map) { map = new Map(); this.young.set(slot, map); }
    map.set(k, v);
    this.size++;
  }
}
