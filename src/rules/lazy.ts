// The provisions of the build's snapshot, each parsed from its bytes when first asked for. A command that answers
// about a few charges (`quantum eval`, `show`) then parses a few provisions instead of six hundred; anything that
// goes through them all (search, the memo's change dates, a scan for continued provisions) parses the rest, in the
// snapshot's order. Read-only, like the rules it belongs to; each provision is frozen when made.
import type { Provision } from '../core/model.js';

/** A provision's place in the snapshot's data file, and its kind (absent from snapshots made before it was kept). */
export type SnapshotEntry = [ref: string, start: number, end: number, kind?: Provision['kind']];

export class LazyProvisions extends Map<string, Provision> {
  /** Marks the map for freezeRules: its provisions are frozen as they are made. */
  readonly lazy = true;
  readonly #at: Map<string, [number, number, Provision['kind'] | undefined]>;
  readonly #data: Buffer;
  readonly #make: (ref: string, raw: unknown) => Provision;
  #complete = false;

  constructor(index: readonly SnapshotEntry[], data: Buffer, make: (ref: string, raw: unknown) => Provision) {
    super();
    this.#at = new Map(index.map(([ref, start, end, kind]) => [ref, [start, end, kind]]));
    this.#data = data;
    this.#make = make;
  }

  override get(ref: string): Provision | undefined {
    let p = super.get(ref);
    if (p === undefined && !this.#complete) {
      const at = this.#at.get(ref);
      if (!at) return undefined;
      p = this.#make(ref, JSON.parse(this.#data.toString('utf8', at[0], at[1])));
      super.set(ref, p);
    }
    return p;
  }
  /** The provision's kind from the index, without making it (the UI's list of offences). */
  kindOf(ref: string): Provision['kind'] | undefined {
    const at = this.#at.get(ref);
    return at ? at[2] ?? this.get(ref)!.kind : undefined;
  }
  override has(ref: string): boolean { return this.#at.has(ref); }
  override get size(): number { return this.#at.size; }
  override keys(): MapIterator<string> { return this.#at.keys(); }

  /** Every provision made, in the snapshot's order (the order of a Map built from the files). */
  #all(): void {
    if (this.#complete) return;
    const made = [...this.#at.keys()].map((ref) => [ref, this.get(ref)!] as const);
    super.clear();
    for (const [ref, p] of made) super.set(ref, p);
    this.#complete = true;
  }
  override values(): MapIterator<Provision> { this.#all(); return super.values(); }
  override entries(): MapIterator<[string, Provision]> { this.#all(); return super.entries(); }
  override [Symbol.iterator](): MapIterator<[string, Provision]> { this.#all(); return super.entries(); }
  override forEach(f: (p: Provision, ref: string, m: Map<string, Provision>) => void, self?: unknown): void { this.#all(); super.forEach(f, self); }
  override set(): this { throw new TypeError('the rules are read-only'); }
  override delete(): boolean { throw new TypeError('the rules are read-only'); }
  override clear(): void { throw new TypeError('the rules are read-only'); }
}
