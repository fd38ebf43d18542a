// Names of provisions (docs/contract.md, "Refs"): forgiving input, canonical output. A ref is (code, article,
// subdivisions); no code is the Code pénal. Errors are drafts (a message key and its figures), put into words by
// the caller in the user's language.
import type { Code, Item, Provision, Rules } from './model.js';
import { aggravationNamed, itemSub, PENAL_CODE, qualify } from './model.js';
import type { ErrorDraft } from './errors.js';
import { at } from './dates.js';

export interface ParsedRef { code: string | null; article: string; subs: string[] }

const LATIN = 'bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies';
const ARTICLE = new RegExp(`^([LRDA])?\\s*\\.?\\s*(\\d+(?:\\s*-\\s*\\d+)*)(?:\\s+(${LATIN})(?![\\w°]))?`, 'i');
const ROMAN = /^(?=[IVXLC]+(?![\wÀ-ÿ°]))M{0,3}(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})(?![\wÀ-ÿ°])/i;
const ITEM = new RegExp(`^(\\d+)\\s*(?:°|º|o(?![a-z]))(?:\\s*(${LATIN})(?:\\s+([a-z])(?![\\w]))?)?`, 'i');
// "al. 1", "alinéa 1"; a sentence of an alinéa with its own penalty: "al. 1 ph. 2", "alinéa 1, phrase 2", "al. 1 2e phrase".
// "1er" as lawyers write the first: "al. 1er", "1re phrase".
const ALINEA = /^al(?:inéa|inea)?\.?\s*(\d+|premier)(?:er)?(?:[\s,]+(?:ph(?:rase)?\.?\s*(\d+)|(\d+)\s*(?:e|ème|eme|re|ère|er)\s+phrase))?(?![\w°])/i;

/** A character folded for matching code names: lower case, accents dropped, one character for one (lengths kept). */
const foldChar = (c: string) => (c === '’' ? "'" : c.normalize('NFD')[0]!.toLowerCase());
const fold = (s: string) => s.split('').map(foldChar).join('');

const codePatterns = new WeakMap<Code[], { id: string; re: RegExp }[]>();
/** Each code's names as patterns: dots and spaces optional between words, accents and case ignored. */
function patternsOf(codes: Code[]): { id: string; re: RegExp }[] {
  let list = codePatterns.get(codes);
  if (!list) {
    list = codes.flatMap((c) => [c.id, ...c.names].map((name) => {
      const words = fold(name).split(/[.\s]+/).filter(Boolean).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      return { id: c.id, re: new RegExp(`^${words.join('[.\\s]*')}(?![a-z0-9])[.\\s,:]*`) };
    }));
    codePatterns.set(codes, list);
  }
  return list;
}

/** The code a ref starts with, if any (the longest name that matches), and where the rest begins. */
function codePrefix(s: string, codes: Code[] | undefined): { code: string | null; rest: string } {
  // No code's name starts with a digit: a bare Code pénal ref ("311-3") skips the patterns.
  if (!codes?.length || (s.charCodeAt(0) >= 48 && s.charCodeAt(0) <= 57)) return { code: null, rest: s };
  const folded = fold(s);
  let best: { id: string; len: number } | null = null;
  for (const { id, re } of patternsOf(codes)) {
    const m = re.exec(folded);
    if (m && (!best || m[0].length > best.len)) best = { id, len: m[0].length };
  }
  return best ? { code: best.id, rest: s.slice(best.len) } : { code: null, rest: s };
}

/** Parses `art. 323-3-2, III`, `323-3-2:iii`, `222-24 8°`, `227-23 alinéa 5`, `R.625-1`, `C. route L. 234-1 I al. 2`. */
export function parseRef(input: string, codes?: Code[]): ParsedRef | null {
  const s = input.normalize('NFC').trim().replace(/\s+/g, ' ');
  const { code, rest: afterCode } = codePrefix(s, codes);
  const rest0 = afterCode.replace(/^(article|art)\s*\.?\s*/i, '');
  const m = ARTICLE.exec(rest0);
  if (!m) return null;
  const number = m[2]!.replace(/\s+/g, '');
  const article = `${m[1] ? m[1].toUpperCase() : ''}${number}${m[3] ? ` ${m[3].toLowerCase()}` : ''}`;
  const subs = parseSubs(rest0.slice(m[0].length));
  if (!subs) return null;
  const resolvedCode = code === PENAL_CODE ? null : code;
  return { code: resolvedCode, article, subs };
}

/** The subdivisions after an article, outermost first: "III", "8°", "3° bis", "al. 2", "al. 1 ph. 2". */
function parseSubs(text: string): string[] | null {
  const subs: string[] = [];
  let rest = text.replace(/^[\s,:;]+/, '');
  while (rest) {
    let m: RegExpExecArray | null;
    if ((m = ALINEA.exec(rest))) subs.push(`al. ${/^premier$/i.test(m[1]!) ? '1' : m[1]}${m[2] ?? m[3] ? ` ph. ${m[2] ?? m[3]}` : ''}`);
    else if ((m = ITEM.exec(rest))) subs.push(`${m[1]}°${m[2] ? ` ${m[2].toLowerCase()}` : ''}${m[3] ? ` ${m[3].toUpperCase()}` : ''}`);
    else if ((m = ROMAN.exec(rest)) && m[0]) subs.push(m[0].toUpperCase());
    else return null;
    rest = rest.slice(m[0].length).replace(/^[\s,:;]+/, '');
  }
  return subs;
}

export function canonical(p: ParsedRef): string {
  return qualify(p.code ?? PENAL_CODE, [p.article, ...p.subs].join(' '));
}

export type Resolution =
  | { ok: true; provision: Provision; ref: string; sharedTiers: boolean; items: Item[] | undefined; within: string | undefined }
  | { ok: false; error: ErrorDraft };

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

/**
 * "311-3, 222-37" or "311-3; 222-37": several refs where one is expected; each is a charge of its own (the error says
 * so). Empty when the text does not split into refs.
 */
function severalRefs(input: string, codes: Code[]): { several?: string[] } {
  const parts = input.split(/[,;|]|\s+(?:et|and)\s+/).map((x) => x.trim()).filter(Boolean);
  return parts.length > 1 && parts.every((x) => parseRef(x, codes) !== null) ? { several: parts } : {};
}

/** A resolution, always with every field: one object shape for the engine's code (no re-optimisation). */
function found(provision: Provision, ref: string, sharedTiers = false, items: Item[] | undefined = undefined, within: string | undefined = undefined): Resolution {
  return { ok: true, provision, ref, sharedTiers, items, within };
}

function resolveUncached(rules: Rules, input: string, path: string): Resolution {
  const alias = rules.aliases.get(input.trim().toLowerCase());
  if (alias) {
    const p = rules.provisions.get(alias);
    if (p) return found(p, alias);
  }
  const parsed = parseRef(input, rules.codes);
  if (!parsed) return unknown(rules, input, path, 'E_NOT_A_REF', severalRefs(input, rules.codes));
  const article = qualify(parsed.code ?? PENAL_CODE, parsed.article);
  if (!rules.articles.has(article)) return parsed.code === null ? otherCodes(rules, parsed, input, path) : unknown(rules, input, path);
  // A tier then one of its items ("222-19-1 al. 2 3°"): the item, named as the data names it ("222-19-1 3°").
  if (parsed.subs.length > 1) {
    const tier = rules.provisions.get(`${article} ${parsed.subs[0]}`);
    const r = resolveIn(rules, article, parsed.subs.slice(1), input, path, undefined);
    // Or a paragraph whose alinéas are the tiers ("222-33 III" holds al. 1 and al. 2), then an item of one of them.
    const inParagraph = (x: Extract<Resolution, { ok: true }>) => !!x.items && x.provision.ref.startsWith(`${article} ${parsed.subs[0]} `);
    if (r?.ok && (tier ? r.provision === tier : inParagraph(r))) return r;
  }
  // A subdivision finer than the data's tiers (an alinéa inside a tier, as NATINF tables cite) is in that tier.
  const cited = canonical(parsed);
  for (let n = parsed.subs.length; n >= 0; n--) {
    const subs = parsed.subs.slice(0, n);
    if (n < parsed.subs.length && !/^al\. /.test(parsed.subs[n]!)) break;
    const r = resolveIn(rules, article, subs, input, path, n < parsed.subs.length ? cited : undefined);
    if (r) return r;
  }
  // A subdivision that is a cumulation clause (route L233-1 II), not an offence: say so and how it applies.
  const clause = clauseNamed(rules, cited, path);
  if (clause) return clause;
  const provisions = rules.articles.get(article)!.refs.map((r) => rules.provisions.get(r)!);
  return unknown(rules, input, path, 'E_UNKNOWN_SUB', { article, sub: parsed.subs.join(' '), tiers: tierList(provisions) });
}

/** The provision of an article at these subdivisions (its own tier, or an item of one), or null. */
function resolveIn(rules: Rules, article: string, subs: string[], input: string, path: string, within: string | undefined): Resolution | null {
  const ref = subs.length ? `${article} ${subs.join(' ')}` : article;
  const direct = rules.provisions.get(ref);
  if (direct) return found(direct, ref, false, undefined, within);
  const provisions = rules.articles.get(article)!.refs.map((r) => rules.provisions.get(r)!);
  if (subs.length) {
    // An item may be listed more than once when its number meant different things at different dates.
    const sub = subs.join(' ');
    for (const p of provisions) {
      const items = (p.items ?? []).filter((i) => itemSub(i) === sub);
      if (items.length) return found(p, ref, false, items, within);
    }
    return phraseOrAlinea(rules, article, sub, provisions, input, path, within);
  }
  const offences = provisions.filter((p) => p.kind === 'offence');
  const candidates = offences.length ? offences : provisions;
  if (candidates.length === 1) return found(candidates[0]!, candidates[0]!.ref, false, undefined, within);
  if (candidates.every((p) => samePenalties(p, candidates[0]!))) return found(candidates[0]!, article, true, undefined, within);
  return { ok: false, error: { code: 'AMBIGUOUS_PROVISION', path, key: 'E_AMBIGUOUS_TIERS', params: { article, tiers: tierList(candidates) }, suggestions: candidates.map((p) => p.ref) } };
}

/**
 * An alinéa or phrase the data does not name as such. "al. N ph. 1" is the tier named "al. N" (or, for al. 1, the
 * article's bare base tier) beside an "al. N ph. 2"; an alinéa holding several tiers (311-4 al. 14: two and three
 * circumstances; 322-3 al. 1: the base tier and tags) is ambiguous between them, never one taken silently; a phrase
 * the alinéa does not have (311-4 al. 14 ph. 3) is unknown. Otherwise null: the caller looks in coarser tiers.
 */
function phraseOrAlinea(rules: Rules, article: string, sub: string, provisions: Provision[], input: string, path: string, within: string | undefined): Resolution | null {
  const ref = `${article} ${sub}`;
  const base = rules.provisions.get(article);
  const ph = /^(.*al\. (\d+)) ph\. (\d+)$/.exec(sub);
  if (ph) {
    const alinea = rules.provisions.get(`${article} ${ph[1]}`) ?? (ph[2] === '1' ? base : undefined);
    const others = provisions.some((p) => p.ref.startsWith(`${article} ${ph[1]} ph. `));
    if (ph[3] === '1' && alinea && others) return found(alinea, alinea.ref, false, undefined, within);
    if (alinea || others) return unknown(rules, input, path, 'E_UNKNOWN_SUB', { article, sub, tiers: tierList(provisions) });
    return null;
  }
  const deeper = provisions.filter((p) => p.ref.startsWith(`${ref} `));
  const cands = deeper.length && sub === 'al. 1' && base ? [base, ...deeper] : deeper;
  if (cands.length === 1) return found(cands[0]!, cands[0]!.ref, false, undefined, within);
  if (cands.length > 1) return { ok: false, error: { code: 'AMBIGUOUS_PROVISION', path, key: 'E_AMBIGUOUS_TIERS', params: { article: ref, tiers: tierList(cands) }, suggestions: cands.map((p) => p.ref) } };
  return null;
}

/** A bare article that the Code pénal lacks: the codes that have it are named, never guessed (even one). */
function otherCodes(rules: Rules, parsed: ParsedRef, input: string, path: string): Resolution {
  const rest = [parsed.article, ...parsed.subs].join(' ');
  const codes = rules.codes.filter((c) => c.id !== PENAL_CODE && rules.articles.has(qualify(c.id, parsed.article)));
  if (!codes.length) return unknown(rules, input, path);
  const choices = codes.map((c) => qualify(c.id, rest));
  return {
    ok: false,
    error: { code: 'AMBIGUOUS_PROVISION', path, key: 'E_AMBIGUOUS_CODE', params: { article: parsed.article, choices: codes.map((c, i) => ({ ref: choices[i], label: c.label })) }, suggestions: choices },
  };
}

/** An article's tiers as an error names them: ref, items, and the date a repealed one ceased (messages render it). */
export interface TierName { ref: string; items: string[]; repealed: string | null }
export function tierList(ps: Provision[]): TierName[] {
  return ps.map((p) => ({ ref: p.ref, items: (p.items ?? []).map(itemSub), repealed: p.repealed?.from ?? null }));
}

/** Whether two provisions carry the same penalties and attempt rule on every day from `from` to `to`. */
function sameFromTo(a: Provision, b: Provision, from: string, to: string): boolean {
  const cuts = [...new Set([from, ...[...a.versions, ...b.versions].flatMap((v) => [v.from, v.to ?? '']).filter((d) => d > from && d <= to)])];
  return cuts.every((d) => {
    const x = at(a.versions, d), y = at(b.versions, d);
    return x !== undefined && y !== undefined && JSON.stringify([x.penalty, x.attempt]) === JSON.stringify([y.penalty, y.attempt]);
  });
}

/**
 * A ref as read on the date of the facts: a bare article that then had one tier is that tier (a predicate "323-2"
 * in 2010 is 323-2 al. 1, and stays so when later laws are compared); anything else as written.
 */
export function refOn(rules: Rules, text: string, date: string): string {
  const on = tierOn(rules, resolveRef(rules, text, ''), date, date);
  return on && !on.sharedTiers ? on.ref : text;
}

/**
 * A bare article whose tiers differ, read on a date: the one tier then in force (the caller says so), or the first
 * of tiers that punish alike from `date` to `until` (227-3 al. 2 "des mêmes peines" since 2022); null otherwise.
 */
export function tierOn(rules: Rules, r: Resolution, date: string, until: string): Extract<Resolution, { ok: true }> | null {
  if (r.ok || r.error.code !== 'AMBIGUOUS_PROVISION' || r.error.key !== 'E_AMBIGUOUS_TIERS') return null;
  const then = (r.error.suggestions ?? []).map((x) => rules.provisions.get(x)).filter((p): p is Provision => p !== undefined && at(p.versions, date) !== undefined);
  if (then.length === 1) return { ok: true, provision: then[0]!, ref: then[0]!.ref, sharedTiers: false, items: undefined, within: undefined };
  // No tier yet on that date (CPP 55-1 before 2003): the article was not yet there, whichever tier was meant.
  const all = (r.error.suggestions ?? []).map((x) => rules.provisions.get(x)).filter((p): p is Provision => p !== undefined);
  const first = (p: Provision) => p.versions[0]!.from;
  if (!then.length && all.length && all.every((p) => first(p) > date)) {
    const earliest = all.reduce((a, b) => (first(b) < first(a) ? b : a));
    return { ok: true, provision: earliest, ref: String(r.error.params?.article ?? earliest.ref), sharedTiers: true, items: undefined, within: undefined };
  }
  if (then.length > 1 && then.every((p) => sameFromTo(p, then[0]!, date, until))) {
    return { ok: true, provision: then[0]!, ref: String(r.error.params?.article ?? then[0]!.ref), sharedTiers: true, items: undefined, within: undefined };
  }
  return null;
}

function samePenalties(a: Provision, b: Provision): boolean {
  const key = (p: Provision) => JSON.stringify(p.versions.map((v) => [v.from, v.to, v.penalty, v.attempt]));
  return key(a) === key(b);
}

/**
 * A cumulation clause named as a charge (434-31, route L233-1 II): a rule, not an offence. Like every ref that names
 * a rule (a rule provision, 324-3; a general aggravation, 132-76), an INVALID_CASE that says what it is and how it
 * applies (docs/contract.md, "Codes").
 */
function clauseNamed(rules: Rules, cited: string, path: string): Resolution | null {
  const clause = rules.cumulation.clauses.find((c) => c.article === cited);
  return clause ? { ok: false, error: { code: 'INVALID_CASE', path, key: 'E_REF_IS_CUMULATION', params: { ref: cited, label: clause.label } } } : null;
}

function unknown(rules: Rules, input: string, path: string, key = 'E_UNKNOWN_PROVISION', params: Record<string, unknown> = {}): Resolution {
  // A general aggravation's article (132-76, 421-3) is not an offence: say how to ask for it.
  const ag = aggravationNamed(rules, input);
  if (ag) return { ok: false, error: { code: 'INVALID_CASE', path, key: 'E_AGGRAVATION_NOT_OFFENCE', params: { input: input.trim(), key: ag.key, label: ag.label } } };
  // A cumulation clause whose article the catalogue does not hold (434-31, 132-6-1): not "no such provision". Its
  // ref as the data writes it is compared too, for what the ref syntax does not read ("route L324-2 I bis").
  const parsed = parseRef(input, rules.codes);
  const fold = (x: string) => x.trim().replace(/\s+/g, ' ').toLowerCase();
  const clause = (parsed && clauseNamed(rules, canonical(parsed), path)) ?? clauseNamed(rules, rules.cumulation.clauses.find((c) => fold(c.article) === fold(input))?.article ?? '', path);
  if (clause) return clause;
  const suggestions = suggest(rules, input);
  return { ok: false, error: { code: 'UNKNOWN_PROVISION', path, key, params: { input: input.trim(), ...params }, suggestions } };
}

/** Close matches among refs, article numbers and aliases (edit distance). */
export function suggest(rules: Rules, input: string, max = 3): string[] {
  // A batch with many lines naming the same unknown ref computes its suggestions once (a scan of the catalogue each).
  let cache = suggested.get(rules);
  if (!cache) { cache = new Map(); suggested.set(rules, cache); }
  const key = `${max} ${input}`;
  const hit = cache.get(key);
  if (hit) return [...hit];
  const found = suggestUncached(rules, input, max);
  if (cache.size < 10_000) cache.set(key, found);
  return [...found];
}
const suggested = new WeakMap<Rules, Map<string, string[]>>();

function suggestUncached(rules: Rules, input: string, max: number): string[] {
  const parsed = parseRef(input, rules.codes);
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

/** Levenshtein distance, 99 when the lengths differ by more than 4 (refs' suggestions, a misspelt field). */
export function distance(a: string, b: string): number {
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

/**
 * Orders refs as a reader expects: the Code pénal first, then the other codes by name; within a code, the
 * legislative part before the regulatory one (R, D), numbers numerically, then the subdivisions.
 */
export function compareRefs(a: string, b: string): number {
  return compareKeys(refKey(a), refKey(b));
}

/** Items sorted by their refs (compareRefs), each ref's key made once instead of at every comparison. */
export function sortByRef<T>(items: readonly T[], refOf: (t: T) => string): T[] {
  const keyed = items.map((item) => ({ item, key: refKey(refOf(item)) }));
  keyed.sort((x, y) => compareKeys(x.key, y.key));
  return keyed.map((k) => k.item);
}

interface RefKey { code: string; reg: number; nums: number[]; sub: string; rank: number }
function refKey(r: string): RefKey {
  const words = r.split(' ');
  const coded = words.length > 1 && /^[A-Za-z][A-Za-z0-9]*$/.test(words[0]!) && !/^[LRDA]?\d/.test(words[0]!);
  const art = words[coded ? 1 : 0] ?? '';
  const sub = words.slice(coded ? 2 : 1).join(' ');
  return { code: coded ? words[0]! : '', reg: /^[RD]/.test(art) ? 1 : 0, nums: art.replace(/^[LRDA]/, '').split('-').map((x) => Number(x) || 0), sub, rank: subRank(sub) };
}

function compareKeys(x: RefKey, y: RefKey): number {
  if (x.code !== y.code) return x.code === '' ? -1 : y.code === '' ? 1 : x.code.localeCompare(y.code);
  if (x.reg !== y.reg) return x.reg - y.reg;
  for (let i = 0; i < Math.max(x.nums.length, y.nums.length); i++) {
    const d = (x.nums[i] ?? -1) - (y.nums[i] ?? -1);
    if (d) return d;
  }
  return x.rank - y.rank || x.sub.localeCompare(y.sub);
}

const ROMAN_RANK: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6, VII: 7, VIII: 8, IX: 9, X: 10 };
function subRank(s: string): number {
  if (!s) return 0;
  if (ROMAN_RANK[s]) return ROMAN_RANK[s]!;
  const n = /(\d+)/.exec(s);
  return n ? Number(n[1]) : 99;
}
