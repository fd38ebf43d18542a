// The terminal UI: search the catalogue, build a case, watch the maximum move. Imported only by `quantum tui`.
import { useEffect, useMemo, useReducer } from 'react';
import { Box, Text, useApp, useInput, useStdout } from 'ink';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Case, Charge, Outcome, Prior, Result } from '../core/contract.js';
import type { Lang, Rules } from '../core/model.js';
import { describeProvision, evaluate, FORMATS, needsPredicate, resolve, searchProvisions } from '../index.js';
import { formatDate, formatDuration, formatMoney, formatPrison, formatSumPrison } from '../messages/units.js';
import { parsePriorShorthand } from '../io/shorthand.js';
import { MESSAGES, type Messages as AllMessages } from '../messages/index.js';

type Messages = AllMessages['ui'];

export interface AppProps {
  rules: Rules;
  today: string;
  lang: Lang;
  /** Where exports are written (the current directory in real use). */
  exportDir: string;
  /** Clock for export file names; injected so tests are deterministic. */
  now?: () => Date;
  initial?: Partial<Pick<Case, 'date' | 'judgmentDate'>> & { legal?: boolean; charges?: Charge[] };
}

type Focus = 'search' | 'charges';
type PromptKind = 'amount' | 'predicate' | 'date' | 'judgment' | 'prior';
interface Prompt { kind: PromptKind; value: string }

const ISO = /^\d{4}-\d{2}-\d{2}$/;

interface State {
  query: string; highlight: number; focus: Focus; charges: Charge[]; selected: number; priors: Prior[];
  date: string; judgmentDate: string; legal: boolean; showTrace: boolean; help: boolean;
  prompt: Prompt | null; message: string | null; esc: boolean;
  /** A side effect the reducer asks for (writing files, leaving); run by an effect, never by the reducer. */
  effect: 'export' | 'exit' | null;
}
interface KeyEvent { input: string; key: { return?: boolean; escape?: boolean; tab?: boolean; backspace?: boolean; delete?: boolean; upArrow?: boolean; downArrow?: boolean; ctrl?: boolean; meta?: boolean } }
type Action = { type: 'key'; ev: KeyEvent } | { type: 'message'; text: string } | { type: 'effectDone' };

const offences = (rules: Rules, query: string) => searchProvisions(rules, query.trim() ? [query] : []).filter((p) => p.kind === 'offence');

/** Every key goes through this pure function of (state, key): fast typing never sees a stale state. */
function reducer(rules: Rules, m: Messages, lang: Lang) {
  const add = (st: State, ref: string): State => {
    const r = resolve(rules, ref, lang);
    if (!r.ok) return { ...st, message: r.error.message };
    const charges = [...st.charges, { ref: r.ref }];
    // A provision whose penalty follows another offence asks for it at once.
    const needs = needsPredicate(r.provision);
    return { ...st, charges, selected: charges.length - 1, query: '', highlight: 0, message: `${m.added} ${r.ref}`, prompt: needs ? { kind: 'predicate', value: '' } : null };
  };
  const patchSelected = (st: State, f: (c: Charge) => Charge): State =>
    (st.charges[st.selected] ? { ...st, charges: st.charges.map((c, i) => (i === st.selected ? f(c) : c)) } : st);
  const remove = (st: State): State => {
    const c = st.charges[st.selected];
    if (!c) return st;
    const charges = st.charges.filter((_, i) => i !== st.selected);
    return { ...st, charges, selected: Math.max(0, Math.min(st.selected, charges.length - 1)), message: `${m.removed} ${c.ref}` };
  };
  const commit = (st: State, p: Prompt): State => {
    const v = p.value.trim();
    if (p.kind === 'date' || p.kind === 'judgment') {
      if (!ISO.test(v)) return { ...st, message: m.badDate };
      return { ...st, [p.kind === 'date' ? 'date' : 'judgmentDate']: v, prompt: null, message: null };
    }
    if (p.kind === 'prior') {
      // REF@FINAL[:EXPIRED], as on the command line (--prior).
      const parsed = parsePriorShorthand(v);
      if (!parsed) return { ...st, message: m.badPrior };
      const r = resolve(rules, parsed.ref, lang);
      if (!r.ok) return { ...st, message: r.error.message };
      const prior: Prior = { ...parsed, ref: r.ref };
      return { ...st, priors: [...st.priors, prior], prompt: null, message: `${m.priorAdded} ${r.ref}` };
    }
    if (p.kind === 'amount') {
      const amount = v.replace(/[\s_]/g, '').replace(',', '.');
      if (amount && !/^\d+(\.\d{1,2})?$/.test(amount)) return { ...st, message: m.badAmount };
      return { ...patchSelected(st, (c) => { const { amount: _a, ...rest } = c; return amount ? { ...rest, amount } : rest; }), prompt: null, message: null };
    }
    return { ...patchSelected(st, (c) => { const { predicate: _p, ...rest } = c; return v ? { ...rest, predicate: v } : rest; }), prompt: null, message: null };
  };

  return (st: State, action: Action): State => {
    if (action.type === 'message') return { ...st, message: action.text };
    if (action.type === 'effectDone') return { ...st, effect: null };
    const { input, key } = action.ev;
    if (st.help) return { ...st, help: false };
    if (st.prompt) {
      if (key.escape) return { ...st, prompt: null };
      if (key.return) return commit(st, st.prompt);
      if (key.backspace || key.delete) return { ...st, prompt: { ...st.prompt, value: st.prompt.value.slice(0, -1) } };
      if (/[\r\n]/.test(input)) return commit(st, { ...st.prompt, value: st.prompt.value + input.split(/[\r\n]/)[0] });
      return input && !key.ctrl && !key.meta ? { ...st, prompt: { ...st.prompt, value: st.prompt.value + input } } : st;
    }
    if (st.esc) {
      if (input === 'q') return { ...st, esc: false, effect: 'exit' };
      st = { ...st, esc: false, message: null };
    }
    if (key.escape) return { ...st, esc: true, message: m.escHint };
    if (key.tab) return { ...st, focus: st.focus === 'search' ? 'charges' : 'search', message: null };
    if (st.focus === 'search') {
      const matches = offences(rules, st.query);
      if (key.upArrow) return { ...st, highlight: Math.max(0, st.highlight - 1) };
      if (key.downArrow) return { ...st, highlight: Math.min(Math.max(0, matches.length - 1), st.highlight + 1) };
      // A paste arrives as one chunk, Enter included: "323-3-2 III\r".
      const pasted = !key.return && /[\r\n]/.test(input) ? input.split(/[\r\n]/)[0]! : null;
      if (key.return || pasted !== null) {
        const q = (st.query + (pasted ?? '')).trim();
        const exact = q ? resolve(rules, q, lang) : null;
        if (exact?.ok) return add(st, q);
        const list = pasted !== null ? offences(rules, q) : matches;
        const pick = list[pasted !== null ? 0 : st.highlight];
        if (pick) return add(st, pick.ref);
        return q ? { ...st, query: q, message: exact && !exact.ok ? exact.error.message : m.noMatch } : st;
      }
      if (key.backspace || key.delete) return { ...st, query: st.query.slice(0, -1), highlight: 0 };
      if (input === '?' && !st.query) return { ...st, help: true };
      return input && !key.ctrl && !key.meta ? { ...st, query: st.query + input, highlight: 0, message: null } : st;
    }
    // Charges zone: one-key commands.
    if (key.upArrow) return { ...st, selected: Math.max(0, st.selected - 1) };
    if (key.downArrow) return { ...st, selected: Math.min(Math.max(0, st.charges.length - 1), st.selected + 1) };
    if (key.backspace || key.delete) return remove(st);
    const sel = st.charges[st.selected];
    switch (input) {
      case 't': return patchSelected(st, (c) => ({ ...c, attempt: !c.attempt }));
      case 'c': return patchSelected(st, (c) => ({ ...c, accomplice: !c.accomplice }));
      case 'm': return sel ? { ...st, prompt: { kind: 'amount', value: sel.amount ?? '' } } : st;
      case 'p': return sel ? { ...st, prompt: { kind: 'predicate', value: sel.predicate ?? '' } } : st;
      case 'd': return remove(st);
      case 'f': return { ...st, prompt: { kind: 'date', value: st.date } };
      case 'j': return { ...st, prompt: { kind: 'judgment', value: st.judgmentDate } };
      case 'l': return { ...st, legal: !st.legal };
      case 'x': return { ...st, showTrace: !st.showTrace };
      case 'e': return { ...st, effect: 'export' };
      case 'r': return { ...st, prompt: { kind: 'prior', value: '' } };
      case 'R': return { ...st, priors: [], message: m.priorsCleared };
      case '?': return { ...st, help: true };
      default: return st;
    }
  };
}

export function App({ rules, today, lang, exportDir, now = () => new Date(), initial = {} }: AppProps) {
  const m: Messages = MESSAGES[lang].ui;
  const { exit } = useApp();
  const { stdout } = useStdout();
  const columns = Math.max(60, stdout.columns || 80);
  const rows = Math.max(20, stdout.rows || 24);
  const reduce = useMemo(() => reducer(rules, m, lang), [rules, m, lang]);
  const [st, dispatch] = useReducer(reduce, undefined, (): State => ({
    query: '', highlight: 0, focus: 'search', charges: initial.charges ?? [], selected: 0, priors: [],
    date: initial.date ?? today, judgmentDate: initial.judgmentDate ?? today, legal: initial.legal ?? false,
    showTrace: false, help: false, prompt: null, message: null, esc: false, effect: null,
  }));
  const { query, highlight, focus, charges, selected, priors, date, judgmentDate, legal, showTrace, help, prompt, message } = st;

  const matches = useMemo(() => offences(rules, query), [rules, query]);
  const theCase: Case = useMemo(() => ({
    date, judgmentDate, charges,
    ...(legal || priors.length ? { offender: { ...(legal ? { type: 'legal' as const } : {}), ...(priors.length ? { priors } : {}) } } : {}),
  }), [date, judgmentDate, charges, legal, priors]);
  const outcome: Outcome | null = useMemo(
    () => (charges.length ? evaluate(rules, theCase, { today, lang }) : null),
    [rules, theCase, today, lang, charges.length],
  );

  useInput((input, key) => dispatch({ type: 'key', ev: { input, key } }));

  useEffect(() => {
    if (st.effect === 'exit') { exit(); return; }
    if (st.effect !== 'export') return;
    dispatch({ type: 'effectDone' });
    if (!outcome || !outcome.ok) { dispatch({ type: 'message', text: m.nothingToExport }); return; }
    const d = now();
    const p2 = (n: number) => String(n).padStart(2, '0');
    const stamp = `${d.getFullYear()}${p2(d.getMonth() + 1)}${p2(d.getDate())}-${p2(d.getHours())}${p2(d.getMinutes())}${p2(d.getSeconds())}`;
    try {
      writeFileSync(join(exportDir, `quantum-case-${stamp}.json`), `${JSON.stringify(theCase, null, 2)}\n`);
      writeFileSync(join(exportDir, `quantum-report-${stamp}.md`), FORMATS.markdown.result(outcome, { lang }));
      dispatch({ type: 'message', text: `${m.exported} quantum-case-${stamp}.json, quantum-report-${stamp}.md (${exportDir})` });
    } catch (e) {
      dispatch({ type: 'message', text: `${m.exportFailed}: ${(e as Error).message}` });
    }
  }, [st.effect]);

  if (help) return <Help m={m} columns={columns} />;

  const result = outcome && outcome.ok ? outcome : null;
  const error = outcome && !outcome.ok ? outcome.error : null;
  // Height budget: header 1, search 1 + matches, charges, totals, chart, footer; matches shrink first.
  const fixed = 9 + charges.length + (priors.length ? 1 : 0) + (result ? result.charges.filter((c) => c.punishable).length + 3 : 0);
  const matchRows = focus === 'search' ? Math.max(1, Math.min(6, rows - fixed - 2)) : Math.max(0, Math.min(3, rows - fixed - 2));
  const start = Math.max(0, Math.min(highlight - matchRows + 1, matches.length - matchRows));
  const shown = matches.slice(start, start + matchRows);

  return (
    <Box flexDirection="column" width={columns}>
      <Text wrap="truncate-end">
        <Text bold color="cyan">quantum</Text>
        <Text> — {m.facts} {formatDate(date, lang)} · {m.judgment} {formatDate(judgmentDate, lang)} · {legal ? m.legal : m.natural}</Text>
      </Text>
      <Text>
        <Text color={focus === 'search' ? 'green' : undefined} bold={focus === 'search'}>{m.search} › </Text>
        <Text>{query}</Text>
        {focus === 'search' && !prompt ? <Text inverse> </Text> : null}
        <Text dimColor>  ({matches.length})</Text>
      </Text>
      {shown.map((p, i) => {
        const v = describeProvision(rules, p, date);
        const active = focus === 'search' && start + i === highlight;
        return <Text key={p.ref} wrap="truncate-end" color={active ? 'green' : undefined}>{active ? '›' : ' '} {p.ref.padEnd(16)} {penaltyShort(v, m, lang)}  <Text dimColor>{p.label[lang]}</Text></Text>;
      })}
      <Text bold color={focus === 'charges' ? 'green' : undefined}>{m.charges} ({charges.length}){focus === 'charges' ? '' : `  ${m.tabHint}`}</Text>
      {charges.length === 0 ? <Text dimColor>  {m.noCharges}</Text> : null}
      {charges.map((c, i) => <ChargeRow key={i} c={c} r={result?.charges[i]} active={focus === 'charges' && i === selected} m={m} lang={lang} />)}
      {priors.length ? <Text wrap="truncate-end" color="magenta">{m.priors}{lang === 'fr' ? ' : ' : ': '}{priors.map((p) => `${p.ref} (${m.final} ${formatDate(p.final, lang)}${p.expired ? `, ${m.expired} ${formatDate(p.expired, lang)}` : ''})`).join(' ; ')}</Text> : null}
      {error ? <Text color="red" wrap="wrap">! {error.message}</Text> : null}
      {result ? <Totals r={result} m={m} lang={lang} /> : null}
      {result && !showTrace ? <Chart r={result} m={m} lang={lang} columns={columns} lifeScale={result.total.lifeNotPronouncedCapMonths ?? 0} /> : null}
      {result && showTrace ? <Trace r={result} rows={Math.max(3, rows - fixed)} /> : null}
      {result && result.warnings.length ? <Text color="yellow" wrap="truncate-end">! {result.warnings.length} {m.warnings}: {result.warnings.map((w) => w.ref).filter(Boolean).join(', ')}</Text> : null}
      {prompt ? (
        <Text><Text bold color="yellow">{m.prompts[prompt.kind]} › </Text>{prompt.value}<Text inverse> </Text><Text dimColor>  {m.promptHint}</Text></Text>
      ) : (
        <Text dimColor wrap="truncate-end">{message ?? (focus === 'charges' ? m.chargeKeys : m.footer)}</Text>
      )}
    </Box>
  );
}

function penaltyShort(v: ReturnType<typeof describeProvision>, m: Messages, lang: Lang): string {
  if (!v.version) return m.notInForce;
  if (v.tiers) return m.byPredicate;
  const parts = [v.prison ? shortPrison(v.prison, lang) : null, v.fine ? formatMoney(v.fine, lang) : null].filter(Boolean);
  return parts.join(' · ') || '—';
}

function shortPrison(p: { kind: string; months: number | null; life: boolean }, lang: Lang): string {
  const kind = p.kind === 'emprisonnement' ? (lang === 'fr' ? 'emp.' : 'imp.') : 'RC';
  return p.life ? (lang === 'fr' ? 'perpétuité' : 'life') : `${formatDuration(p.months ?? 0, lang)} ${kind}`;
}

function ChargeRow({ c, r, active, m, lang }: { c: Charge; r: Result['charges'][number] | undefined; active: boolean; m: Messages; lang: Lang }) {
  const flags = [r?.recidive ? `${m.recidive} ${r.recidive}` : null, c.attempt ? m.attempt : null, c.accomplice ? m.accomplice : null, c.amount ? `${m.amount} ${formatMoney(c.amount, lang)}` : null, c.predicate ? `${m.predicate} ${c.predicate}` : null].filter(Boolean).join(' · ');
  let penalty = '';
  if (r) penalty = r.punishable ? [r.prison ? formatPrison(r.prison, lang) : m.noCustody, r.fine ? formatMoney(r.fine, lang) : null].filter(Boolean).join(' · ') : `${m.notPunishable} (${m.reasons[r.reason!] ?? r.reason})`;
  return (
    <Text wrap="truncate-end" color={active ? 'green' : r && !r.punishable ? 'gray' : undefined}>
      {active ? '▸' : ' '} {c.ref.padEnd(14)} {flags ? `[${flags}] ` : ''}{penalty}
    </Text>
  );
}

function Totals({ r, m, lang }: { r: Result; m: Messages; lang: Lang }) {
  const t = r.total;
  const a = r.arithmetic;
  const sumPrison = a.prison ? formatSumPrison(a.prison, lang) : '—';
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold>{m.total}{lang === 'fr' ? ' : ' : ': '}</Text>
        <Text bold color="cyan">{t.prison ? formatPrison(t.prison, lang) : m.noCustody}</Text>
        {t.cappedBy.prison ? <Text dimColor>  ← {t.cappedBy.prison}, art. 132-5</Text> : null}
      </Text>
      <Text wrap="truncate-end">
        <Text>{' '.repeat(m.total.length + (lang === 'fr' ? 3 : 2))}</Text>
        <Text bold color="cyan">{t.fine ? formatMoney(t.fine, lang) : m.noFine}</Text>
        {t.cappedBy.fine ? <Text dimColor>  ← {t.cappedBy.fine}, art. 132-3{t.fineParts.contraventions !== '0' ? ' + 132-7' : ''}</Text> : null}
      </Text>
      <Text dimColor wrap="truncate-end">{m.sum}{lang === 'fr' ? ' : ' : ': '}{sumPrison} · {a.fine ? formatMoney(a.fine, lang) : '—'}</Text>
    </Box>
  );
}

/** The picture of art. 132-3: each charge's maximum against the legal cap and against the sum. */
function Chart({ r, m, lang, columns, lifeScale }: { r: Result; m: Messages; lang: Lang; columns: number; lifeScale: number }) {
  const live = r.charges.filter((c) => c.punishable && c.prison);
  if (!live.length || !r.total.prison) return null;
  // Life is drawn as the ceiling of 132-5 when life is not pronounced (from the rules).
  const LIFE_SCALE = lifeScale;
  const monthsOf = (p: { months: number | null; life: boolean }) => (p.life ? LIFE_SCALE : p.months ?? 0);
  const sum = r.arithmetic.prison ? (r.arithmetic.prison.life ? LIFE_SCALE + r.arithmetic.prison.months : r.arithmetic.prison.months) : 0;
  const scale = Math.max(sum, monthsOf(r.total.prison), 1);
  const labelW = 14, valueW = 16;
  const width = Math.max(10, columns - labelW - valueW - 4);
  const bar = (months: number) => '█'.repeat(Math.max(1, Math.round((months / scale) * width)));
  const value = (p: { months: number | null; life: boolean }) => (p.life ? (lang === 'fr' ? 'perpétuité' : 'life') : formatDuration(p.months ?? 0, lang));
  return (
    <Box flexDirection="column">
      {live.map((c, i) => (
        <Text key={i} wrap="truncate-end"><Text>{c.ref.slice(0, labelW - 1).padEnd(labelW)}</Text><Text color="blue">{bar(monthsOf(c.prison!))}</Text> {value(c.prison!)}</Text>
      ))}
      <Text wrap="truncate-end"><Text bold>{m.cap.padEnd(labelW)}</Text><Text color="cyan">{bar(monthsOf(r.total.prison))}</Text> {value(r.total.prison)}</Text>
      <Text wrap="truncate-end"><Text dimColor>{m.sumShort.padEnd(labelW)}</Text><Text color="gray">{bar(sum)}</Text> {r.arithmetic.prison?.life ? `${value({ months: null, life: true })}${r.arithmetic.prison.months ? ' +' : ''}` : formatDuration(sum, lang)}</Text>
    </Box>
  );
}

function Trace({ r, rows }: { r: Result; rows: number }) {
  const steps = r.trace ?? [];
  return (
    <Box flexDirection="column">
      {steps.slice(0, rows).map((s, i) => <Text key={i} wrap="truncate-end"><Text dimColor>{String(i + 1).padStart(2)}. [{s.rule}]</Text> {s.ref ? `${s.ref} : ` : ''}{s.text}</Text>)}
      {steps.length > rows ? <Text dimColor>… {steps.length - rows} +</Text> : null}
    </Box>
  );
}

function Help({ m, columns }: { m: Messages; columns: number }) {
  return (
    <Box flexDirection="column" borderStyle="round" width={Math.min(columns, 80)} paddingX={1}>
      <Text bold>{m.helpTitle}</Text>
      {m.helpLines.map((l, i) => <Text key={i}>{l}</Text>)}
      <Text dimColor>{m.helpClose}</Text>
    </Box>
  );
}

