// Names of provisions (contract.md, "refs"): forgiving input, canonical output.
import type { Item, Provision, Rules } from './model.js';
import { itemSub } from './model.js';
import type { QuantumError } from './contract.js';

export interface ParsedRef { article: string; sub: string | null }

const ARTICLE = /^([RDL])?\s*\.?\s*(\d+(?:-\d+)*)/i;
const ROMAN = /^(?=[IVXLC]+$)M{0,3}(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$/i;

/** Parses `art. 323-3-2, III`, `323-3-2:iii`, `222-24 8°`, `227-23 alinéa 5`, `R.625-1`. */
export function parseRef(input: string): ParsedRef | null {
  let s = input.normalize('NFC').trim().replace(/\s+/g, ' ');
  s = s.replace(/^(article|art)\s*\.?\s*/i, '');
  const m = ARTICLE.exec(s);
  if (!m) return null;
  const article = `${m[1] ? m[1].toUpperCase() : ''}${m[2]}`;
  let rest = s.slice(m[0].length).replace(/^[\s,:;]+/, '').trim();
  if (!rest) return { article, sub: null };
  let sub: string | null = null;
  // "al. 1", "alinéa 1"; a sentence of an alinéa with its own penalty: "al. 1 ph. 2", "alinéa 1, phrase 2", "al. 1 2e phrase".
  let al = /^al(?:inéa|inea)?\.?\s*(\d+)(?:[\s,]+(?:ph(?:rase)?\.?\s*(\d+)|(\d+)\s*(?:e|ème|eme)\s+phrase))?$/i.exec(rest);
  if (al) sub = `al. ${al[1]}${al[2] ?? al[3] ? ` ph. ${al[2] ?? al[3]}` : ''}`;
  else if ((al = /^(\d+)\s*(?:°|º|o)(?:\s*(bis|ter|quater|quinquies)(?:\s+([a-z]))?)?$/i.exec(rest))) sub = `${al[1]}°${al[2] ? ` ${al[2].toLowerCase()}` : ''}${al[3] ? ` ${al[3].toUpperCase()}` : ''}`;
  else if (ROMAN.test(rest)) sub = rest.toUpperCase();
  if (!sub) return null;
  return { article, sub };
}

export function canonical(p: ParsedRef): string {
  return p.sub ? `${p.article} ${p.sub}` : p.article;
}

export type Resolution =
  | { ok: true; provision: Provision; ref: string; sharedTiers?: boolean; items?: Item[] }
  | { ok: false; error: QuantumError };

const resolved = new WeakMap<Rules, Map<string, Resolution>>();

/** Finds the provision a user means; errors carry the JSON path given by the caller. Successes are cached. */
export function resolveRef(rules: Rules, input: string, path: string): Resolution {
  let cache = resolved.get(rules);
  if (!cache) { cache = new Map(); resolved.set(rules, cache); }
  const hit = cache.get(input);
  if (hit) return hit;
  const r = resolveUncached(rules, input, path);
  if (r.ok && cache.size < 100_000) cache.set(input, r);
  return r;
}

/** A resolution, always with every field: one object shape for the engine's code (no re-optimisation). */
function found(provision: Provision, ref: string, sharedTiers = false, items: Item[] | undefined = undefined): Resolution {
  return { ok: true, provision, ref, sharedTiers, items };
}

function resolveUncached(rules: Rules, input: string, path: string): Resolution {
  const alias = rules.aliases.get(input.trim().toLowerCase());
  if (alias) {
    const p = rules.provisions.get(alias);
    if (p) return found(p, alias);
  }
  const parsed = parseRef(input);
  if (!parsed) return unknown(rules, input, path, `"${input}" is not a provision reference (expected e.g. 323-3-2 III, 222-24 8°, 227-23 al. 5, R625-1)`);
  const ref = canonical(parsed);
  const direct = rules.provisions.get(ref);
  if (direct) return found(direct, ref);
  const article = rules.articles.get(parsed.article);
  if (!article) return unknown(rules, input, path);
  const provisions = article.refs.map((r) => rules.provisions.get(r)!).filter(Boolean);
  if (parsed.sub) {
    // An item may be listed more than once when its number meant different things at different dates.
    for (const p of provisions) {
      const items = (p.items ?? []).filter((i) => itemSub(i) === parsed.sub);
      if (items.length) return found(p, ref, false, items);
    }
    return unknown(rules, input, path, `article ${parsed.article} has no subdivision ${parsed.sub}; it has: ${tierList(provisions)}`);
  }
  const offences = provisions.filter((p) => p.kind === 'offence');
  const candidates = offences.length ? offences : provisions;
  if (candidates.length === 1) return found(candidates[0]!, candidates[0]!.ref);
  if (candidates.every((p) => samePenalties(p, candidates[0]!))) {
    return found(candidates[0]!, parsed.article, true);
  }
  return {
    ok: false,
    error: {
      code: 'AMBIGUOUS_PROVISION', path,
      message: `article ${parsed.article} has tiers with different penalties; name one: ${tierList(candidates)}`,
      suggestions: candidates.map((p) => p.ref),
    },
  };
}

function tierList(ps: Provision[]): string {
  return ps.map((p) => (p.items?.length ? `${p.ref} (${p.items.map(itemSub).join(', ')})` : p.ref)).join(', ');
}

function samePenalties(a: Provision, b: Provision): boolean {
  const key = (p: Provision) => JSON.stringify(p.versions.map((v) => [v.from, v.to, v.penalty, v.attempt]));
  return key(a) === key(b);
}

function unknown(rules: Rules, input: string, path: string, why?: string): Resolution {
  const suggestions = suggest(rules, input);
  const hint = suggestions.length ? `; did you mean ${suggestions.join(', ')}?` : '';
  return {
    ok: false,
    error: { code: 'UNKNOWN_PROVISION', path, message: `${why ?? `no provision ${input.trim()} in the rules`}${hint}`, suggestions },
  };
}

/** Close matches among refs, article numbers and aliases (edit distance). */
export function suggest(rules: Rules, input: string, max = 3): string[] {
  const parsed = parseRef(input);
  const needle = (parsed ? canonical(parsed) : input.trim()).toLowerCase();
  const names = new Set<string>([...rules.provisions.keys(), ...rules.articles.keys()]);
  const scored: [string, number][] = [];
  for (const name of names) {
    const d = distance(needle, name.toLowerCase());
    if (d <= Math.max(2, Math.floor(needle.length / 3))) scored.push([name, d]);
  }
  for (const [alias, ref] of rules.aliases) {
    if (distance(needle, alias) <= 2) scored.push([ref, distance(needle, alias)]);
  }
  scored.sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]));
  return [...new Set(scored.map((s) => s[0]))].slice(0, max);
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 4) return 99;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
