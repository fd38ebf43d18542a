// The terminal UI's state and the pure function of (state, key) that moves it: fast typing never sees a stale
// state, and a legal choice (a tier, a predicate) is always the user's, never a guess.
import type { Case, Charge, Prior } from '../core/contract.js';
import type { Lang, Rules } from '../core/model.js';
import type { Messages as AllMessages } from '../messages/index.js';
import { articleOf, kindOf, needsPredicate, resolve, searchRefs } from '../api.js';
import { parseUserDate } from '../io/dates.js';
import { parsePriorShorthand } from '../io/shorthand.js';
import { canonicalAmount } from '../schema/amount.js';
import { edit, pasted, type KeyInfo } from './input.js';

export type Messages = AllMessages['ui'];
type Focus = 'search' | 'charges';
export type PromptKind = 'amount' | 'predicate' | 'date' | 'judgment' | 'prior' | 'aggravation' | 'birth' | 'with';
export interface Prompt { kind: PromptKind; value: string }
/** A choice the user must make: the tier of an article whose tiers differ. */
export interface Chooser { article: string; refs: string[]; highlight: number }

export interface State {
  query: string; highlight: number; focus: Focus; charges: Charge[]; selected: number; priors: Prior[];
  date: string; judgmentDate: string; judgmentSet: boolean; legal: boolean; showTrace: boolean; traceTop: number; help: boolean;
  /** The offender's date of birth (the minors' rules), when given. */
  birthDate: string | null;
  prompt: Prompt | null; chooser: Chooser | null; message: string | null; esc: boolean;
  /** Why the value typed at the prompt was refused: shown under it until the next key. */
  promptError: string | null;
  /** A side effect the reducer asks for (writing files, leaving); run by an effect, never by the reducer. */
  effect: 'export' | 'exit' | null;
}
export interface KeyEvent { input: string; key: KeyInfo & { escape?: boolean; tab?: boolean; upArrow?: boolean; downArrow?: boolean; pageUp?: boolean; pageDown?: boolean } }
/** A key; `traceMax`, the last first line the explanation can show (the screen knows it), bounds its scrolling. */
export type Action = { type: 'key'; ev: KeyEvent; traceMax?: number } | { type: 'message'; text: string } | { type: 'effectDone' };

let lastSearch: { rules: Rules; query: string; refs: readonly string[] } | null = null;
/**
 * The offences the search box finds, as refs in catalogue order: the screen makes only the provisions it shows.
 * The last answer is kept, since every key and every frame asks again for the same query.
 */
export function offences(rules: Rules, query: string): readonly string[] {
  if (lastSearch?.rules === rules && lastSearch.query === query) return lastSearch.refs;
  const refs = searchRefs(rules, query.trim() ? [query] : []).filter((ref) => kindOf(rules, ref) === 'offence');
  lastSearch = { rules, query, refs };
  return refs;
}

export function initialState(today: string, initial: Partial<Pick<Case, 'date' | 'judgmentDate'>> & { legal?: boolean; charges?: Charge[] }): State {
  return {
    query: '', highlight: 0, focus: 'search', charges: initial.charges ?? [], selected: 0, priors: [],
    date: initial.date ?? today, judgmentDate: initial.judgmentDate ?? today, judgmentSet: initial.judgmentDate !== undefined, legal: initial.legal ?? false, birthDate: null,
    showTrace: false, traceTop: 0, help: false, prompt: null, chooser: null, message: null, promptError: null, esc: false, effect: null,
  };
}

/** What every handler needs: the rules and the words, fixed for the UI's life. */
interface Ctx { rules: Rules; m: Messages; lang: Lang }

const patchSelected = (st: State, f: (c: Charge) => Charge): State =>
  (st.charges[st.selected] ? { ...st, charges: st.charges.map((c, i) => (i === st.selected ? f(c) : c)) } : st);

/** Adds a charge by its ref; an article whose tiers differ opens the chooser instead of guessing one. */
function add({ rules, m, lang }: Ctx, st: State, ref: string): State {
  const r = resolve(rules, ref, lang);
  if (!r.ok) {
    const tiers = r.error.code === 'AMBIGUOUS_PROVISION' ? articleOf(rules, ref).filter((p) => p.kind === 'offence') : [];
    if (tiers.length > 1) return { ...st, chooser: { article: tiers[0]!.article, refs: tiers.map((p) => p.ref), highlight: 0 }, message: null };
    return { ...st, message: r.error.message };
  }
  const charges = [...st.charges, { ref: r.ref }];
  const needs = needsPredicate(r.provision);
  return { ...st, charges, selected: charges.length - 1, query: '', highlight: 0, chooser: null, message: `${m.added} ${r.ref}`, prompt: needs ? { kind: 'predicate', value: '' } : null };
}

function remove({ m }: Ctx, st: State): State {
  const c = st.charges[st.selected];
  if (!c) return st;
  const charges = st.charges.filter((_, i) => i !== st.selected);
  return { ...st, charges, selected: Math.max(0, Math.min(st.selected, charges.length - 1)), message: `${m.removed} ${c.ref}` };
}

/** A prompt's value, checked and applied; an invalid value keeps the prompt open with a message. */
function commit({ rules, m, lang }: Ctx, st: State, p: Prompt): State {
  const v = p.value.trim();
  switch (p.kind) {
    case 'date': case 'judgment': {
      const iso = parseUserDate(v);
      if (!iso) return { ...st, promptError: m.badDate };
      return p.kind === 'date' ? { ...st, date: iso, prompt: null, message: null } : { ...st, judgmentDate: iso, judgmentSet: true, prompt: null, message: null };
    }
    case 'birth': {
      // Empty: no date of birth (an adult, as before).
      const iso = v ? parseUserDate(v) : null;
      if (v && !iso) return { ...st, promptError: m.badDate };
      return { ...st, birthDate: iso, prompt: null, message: null };
    }
    case 'with': {
      // Charge numbers from 1, as shown; the contract's relatedTo counts from 0.
      const nums = v.split(/[\s,+]+/).filter(Boolean);
      if (nums.some((x) => !/^\d{1,4}$/.test(x) || Number(x) < 1 || Number(x) > st.charges.length || Number(x) === st.selected + 1)) return { ...st, promptError: m.badWith({ count: st.charges.length }) };
      return { ...patchSelected(st, ({ relatedTo: _r, ...c }) => (nums.length ? { ...c, relatedTo: nums.map((x) => Number(x) - 1) } : c)), prompt: null, message: null };
    }
    case 'prior': {
      const parsed = parsePriorShorthand(v);
      if (!parsed) return { ...st, promptError: m.badPrior };
      const r = resolve(rules, parsed.ref, lang);
      if (!r.ok) return { ...st, promptError: r.error.message };
      return { ...st, priors: [...st.priors, { ...parsed, ref: r.ref }], prompt: null, message: `${m.priorAdded} ${r.ref}` };
    }
    case 'amount': {
      const amount = v ? canonicalAmount(v) : '';
      if (amount === null) return { ...st, promptError: m.badAmount };
      return { ...patchSelected(st, ({ amount: _a, ...c }) => (amount ? { ...c, amount } : c)), prompt: null, message: null };
    }
    case 'aggravation': {
      const keys = v.split(/[\s,+]+/).filter(Boolean);
      // Refused in the field, as other values are: an unknown one would otherwise replace every figure by an error.
      const known = rules.aggravations.aggravations.map((a) => a.key);
      const bad = keys.find((k) => !known.includes(k));
      if (bad) return { ...st, promptError: m.badAggravation({ key: bad, known: known.join(' ') }) };
      return { ...patchSelected(st, ({ aggravations: _g, ...c }) => (keys.length ? { ...c, aggravations: keys } : c)), prompt: null, message: null };
    }
    default:
      return { ...patchSelected(st, ({ predicate: _p, ...c }) => (v ? { ...c, predicate: v } : c)), prompt: null, message: null };
  }
}

function onPrompt(ctx: Ctx, st: State, p: Prompt, { input, key }: KeyEvent): State {
  if (key.escape) return { ...st, prompt: null, message: null, promptError: null };
  if (key.return) return commit(ctx, { ...st, promptError: null }, p);
  const paste = pasted(input);
  const value = edit(p.value, paste.text, key);
  return paste.enter ? commit(ctx, { ...st, promptError: null }, { ...p, value }) : { ...st, prompt: { ...p, value }, promptError: null };
}

function onChooser(ctx: Ctx, st: State, ch: Chooser, { key }: KeyEvent): State {
  if (key.escape) return { ...st, chooser: null, message: null };
  if (key.upArrow) return { ...st, chooser: { ...ch, highlight: Math.max(0, ch.highlight - 1) } };
  if (key.downArrow) return { ...st, chooser: { ...ch, highlight: Math.min(ch.refs.length - 1, ch.highlight + 1) } };
  if (key.return) return add(ctx, { ...st, chooser: null }, ch.refs[ch.highlight]!);
  return st;
}

function onSearch(ctx: Ctx, st: State, { input, key }: KeyEvent): State {
  const { rules, m, lang } = ctx;
  const matches = offences(rules, st.query);
  if (key.upArrow) return { ...st, highlight: Math.max(0, st.highlight - 1) };
  if (key.downArrow) return { ...st, highlight: Math.min(Math.max(0, matches.length - 1), st.highlight + 1) };
  const paste = key.return ? { text: '', enter: true } : pasted(input);
  if (paste.enter) {
    const q = edit(st.query, paste.text, key).trim();
    if (!q) return st;
    // A line the user moved the highlight to is what they chose (a word can also be an alias of another line).
    if (!paste.text && st.highlight > 0 && matches[st.highlight]) return add(ctx, st, matches[st.highlight]!);
    // A ref typed in full is what the user means: added, or its tiers offered; never the first search match.
    const exact = resolve(rules, q, lang);
    if (exact.ok || exact.error.code === 'AMBIGUOUS_PROVISION') return add(ctx, { ...st, query: q }, q);
    const pick = (paste.text ? offences(rules, q) : matches)[paste.text ? 0 : st.highlight];
    return pick ? add(ctx, st, pick) : { ...st, query: q, message: m.noMatch };
  }
  if (input === '?' && !st.query) return { ...st, help: true };
  return { ...st, query: edit(st.query, input, key), highlight: 0, message: null };
}

function onCharges(ctx: Ctx, st: State, { input, key }: KeyEvent, traceMax = Infinity): State {
  if (st.showTrace && (key.upArrow || key.downArrow || key.pageUp || key.pageDown)) {
    const step = key.pageUp || key.pageDown ? 10 : 1;
    // Past the end nothing moves: one press back up always scrolls back.
    const top = Math.min(traceMax, st.traceTop + (key.upArrow || key.pageUp ? -step : step));
    return { ...st, traceTop: Math.max(0, top) };
  }
  if (key.upArrow) return { ...st, selected: Math.max(0, st.selected - 1) };
  if (key.downArrow) return { ...st, selected: Math.min(Math.max(0, st.charges.length - 1), st.selected + 1) };
  if (key.backspace || key.delete) return remove(ctx, st);
  const sel = st.charges[st.selected];
  const ask = (kind: PromptKind, value = ''): State => (sel || kind === 'date' || kind === 'judgment' || kind === 'prior' || kind === 'birth' ? { ...st, prompt: { kind, value } } : st);
  switch (input) {
    case 't': return patchSelected(st, (c) => ({ ...c, attempt: !c.attempt }));
    case 'c': return patchSelected(st, (c) => ({ ...c, accomplice: !c.accomplice }));
    case 'm': return ask('amount', sel?.amount ?? '');
    case 'p': return ask('predicate', sel?.predicate ?? '');
    case 'a': return ask('aggravation', sel?.aggravations?.join(' ') ?? '');
    case 'd': return remove(ctx, st);
    case 'f': return ask('date', st.date);
    case 'j': return ask('judgment', st.judgmentDate);
    case 'l': return { ...st, legal: !st.legal };
    case 'n': return ask('birth', st.birthDate ?? '');
    // Repentis (132-78): none, exemption, reduction, in turn; the engine says whether a text provides it.
    case 'v': return patchSelected(st, ({ repentis, ...c }) => (repentis === undefined ? { ...c, repentis: 'exempt' } : repentis === 'exempt' ? { ...c, repentis: 'reduced' } : c));
    case 'w': return ask('with', sel?.relatedTo?.map((j) => j + 1).join(' ') ?? '');
    case 'x': return { ...st, showTrace: !st.showTrace, traceTop: 0 };
    case 'e': return { ...st, effect: 'export' };
    case 'r': return ask('prior');
    case 'R': return { ...st, priors: [], message: ctx.m.priorsCleared };
    case '?': return { ...st, help: true };
    default: return st;
  }
}

/** The reducer of one UI: the rules and the words are fixed for its life. */
export function reducer(rules: Rules, m: Messages, lang: Lang) {
  const ctx: Ctx = { rules, m, lang };
  return (st: State, action: Action): State => {
    if (action.type === 'message') return { ...st, message: action.text };
    if (action.type === 'effectDone') return { ...st, effect: null };
    const ev = action.ev;
    if (st.help) return { ...st, help: false };
    if (st.prompt) return onPrompt(ctx, st, st.prompt, ev);
    if (st.chooser) return onChooser(ctx, st, st.chooser, ev);
    if (st.esc) {
      if (ev.input === 'q') return { ...st, esc: false, effect: 'exit' };
      st = { ...st, esc: false, message: null };
    }
    if (ev.key.escape) return { ...st, esc: true, message: m.escHint };
    if (ev.key.tab) return { ...st, focus: st.focus === 'search' ? 'charges' : 'search', message: null };
    return st.focus === 'search' ? onSearch(ctx, st, ev) : onCharges(ctx, st, ev, action.traceMax);
  };
}
