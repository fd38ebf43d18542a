// The terminal UI: search the catalogue, build a case, watch the maximum move. Imported only by `quantum tui`.
import { useEffect, useMemo, useReducer } from 'react';
import { Box, Text, useApp, useStdout } from 'ink';
import type { Case, Charge, Outcome } from '../core/contract.js';
import type { Lang, Rules } from '../core/model.js';
import { evaluate, FORMATS } from '../api.js';
import { formatDate } from '../messages/units.js';
import { MESSAGES } from '../messages/index.js';
import { sanitize } from '../io/terminal.js';
import { inUserTerms } from '../io/user-terms.js';
import { initialState, offences, reducer, type Messages, type State } from './state.js';
import { ChargeRow, Chart, ChooserView, colour, Help, Priors, PromptLine, SearchList, refColumn, Totals, Trace, traceLines } from './views.js';
import { exportCase, stampOf } from './export.js';
import { useKeys } from './keys.js';

export interface AppProps {
  rules: Rules;
  today: string;
  lang: Lang;
  /** Where exports are written (the current directory in real use). */
  exportDir: string;
  /** Clock for export file names; injected so tests are deterministic. */
  now?: () => Date;
  /** The narrowest `quantum eval --width` (src/cli/common.ts), suggested when the terminal is too narrow. */
  minEvalWidth?: number;
  initial?: Partial<Pick<Case, 'date' | 'judgmentDate'>> & { legal?: boolean; charges?: Charge[] };
}

const caseOf = (st: State): Case => ({
  date: st.date, judgmentDate: st.judgmentDate, charges: st.charges,
  ...(st.legal || st.priors.length || st.birthDate ? { offender: { ...(st.legal ? { type: 'legal' as const } : {}), ...(st.priors.length ? { priors: st.priors } : {}), ...(st.birthDate ? { birthDate: st.birthDate } : {}) } } : {}),
});

/** Runs what the reducer asks for: the export (files) and leaving. */
function useEffects(st: State, outcome: Outcome | null, theCase: Case, props: AppProps, m: Messages, dispatch: (a: { type: 'message'; text: string } | { type: 'effectDone' }) => void) {
  const { exit } = useApp();
  useEffect(() => {
    if (st.effect === 'exit') { exit(); return; }
    if (st.effect !== 'export') return;
    dispatch({ type: 'effectDone' });
    if (!outcome || !outcome.ok) { dispatch({ type: 'message', text: outcome ? m.exportError : m.nothingToExport }); return; }
    try {
      const names = exportCase(props.exportDir, stampOf((props.now ?? (() => new Date()))()), `${JSON.stringify(theCase, null, 2)}\n`, FORMATS.markdown.result(outcome, { lang: props.lang }));
      dispatch({ type: 'message', text: `${m.exported} ${names.join(', ')} (${sanitize(props.exportDir)})` });
    } catch (e) {
      // The system's code with its meaning in words (ENOENT (no such file or directory)), as the CLI says it.
      const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      const cli = MESSAGES[props.lang].cli;
      dispatch({ type: 'message', text: m.exportFailed({ dir: sanitize(props.exportDir), reason: cli.reason({ code, meaning: cli.errno[code] }) }) });
    }
  }, [st.effect]);
}

export function App(props: AppProps) {
  const { rules, today, lang, initial = {} } = props;
  const m: Messages = MESSAGES[lang].ui;
  const { stdout } = useStdout();
  const columns = Math.max(60, stdout.columns || 80);
  const rows = Math.max(20, stdout.rows || 24);
  const reduce = useMemo(() => reducer(rules, m, lang), [rules, m, lang]);
  const [st, dispatch] = useReducer(reduce, undefined, () => initialState(today, initial));
  const matches = useMemo(() => offences(rules, st.query), [rules, st.query]);
  const theCase = useMemo(() => caseOf(st), [st.date, st.judgmentDate, st.charges, st.legal, st.priors, st.birthDate]);
  const evaluated: Outcome | null = useMemo(() => (st.charges.length ? evaluate(rules, theCase, { today, lang }) : null), [rules, theCase, today, lang]);
  // Shown in the UI's terms: a field is named with the key that sets it (m for the amount), not the contract's JSON
  // name; the export, a report beside the contract's JSON case, keeps the contract's.
  const outcome = useMemo(() => evaluated && inUserTerms(evaluated, 'ui', lang), [evaluated, lang]);
  const { exit } = useApp();
  // Ctrl-C quits; an exception while handling a key ends the UI as an internal error (src/cli/tui.ts).
  const result = outcome && outcome.ok ? outcome : null;
  const lay = layout(st, result, outcome !== null && !outcome.ok, rows);
  // How far the explanation can scroll: its last line at the bottom of its window.
  const traceCount = useMemo(() => (result && st.showTrace ? traceLines(result, lang, columns).lines.length : 0), [result, st.showTrace, lang, columns]);
  const traceMax = Math.max(0, traceCount - lay.trace);
  useKeys((ev) => dispatch({ type: 'key', ev, traceMax }), () => exit(), (e) => exit(e instanceof Error ? e : new Error(String(e))));
  useEffects(st, evaluated, theCase, props, m, dispatch);
  // Below 60 columns the screen cannot be laid out without overflowing: say so rather than draw past the edge.
  if (stdout.columns && stdout.columns < 60) return <Text wrap="wrap">{m.tooNarrow({ columns: stdout.columns, width: props.minEvalWidth === undefined ? null : Math.max(stdout.columns, props.minEvalWidth) })}</Text>;
  if (st.help) return <Help m={m} columns={columns} clauses={rules.cumulation.clauses.map((c) => c.article)} />;
  return <Screen st={st} rules={rules} lang={lang} m={m} outcome={outcome} matches={matches} columns={columns} lay={lay} />;
}

/**
 * Rows for each part of the screen: the fixed lines first (header, search line, charges, totals, warnings, footer),
 * then the search list (three rows at least while searching, with its "more" mark), then the chart if it fits, or
 * the explanation's window.
 */
type Layout = { search: number; chart: boolean; trace: number };
function layout(st: State, result: Extract<Outcome, { ok: true }> | null, error: boolean, rows: number): Layout {
  const fixed = 2 + 1 + Math.max(1, st.charges.length) + (st.priors.length ? 1 : 0) + (error ? 1 : 0) + (result ? 3 + (result.total.withoutExcuse ? 1 : 0) + (result.total.cumulated ? 1 : 0) + (result.warnings.length ? 1 : 0) : 0) + 2;
  const free = Math.max(0, rows - fixed);
  const chartRows = result ? result.charges.filter((c) => c.punishable && c.prison).length + 2 : 0;
  const wanted = st.chooser ? 0 : st.focus === 'search' ? 3 : 0;
  const search = Math.max(Math.min(wanted, free - 1), Math.min(6, free - chartRows - 1), st.focus === 'search' ? 1 : 0);
  // The explanation shares the free rows with the search list still drawn above it (and its "… more" line).
  return { search, chart: chartRows > 0 && free - (st.chooser ? st.chooser.refs.length + 2 : search + 1) >= chartRows, trace: Math.max(3, free - search - 2) };
}

/** An error in the UI's terms: a missing predicate is asked for with the key that gives it, not the JSON field. */
function uiError(e: { code: string; path: string | null; message: string }, st: State, m: Messages): { code: string; path: string | null; message: string } {
  const i = /^charges\[(\d+)\]\.predicate$/.exec(e.path ?? '');
  if (e.code !== 'MISSING_PREDICATE' || !i) return e;
  return { ...e, message: m.needPredicate({ n: Number(i[1]) + 1, ref: st.charges[Number(i[1])]?.ref ?? '' }) };
}

function Screen({ st, rules, lang, m, outcome, matches, columns, lay }: { st: State; rules: Rules; lang: Lang; m: Messages; outcome: Outcome | null; matches: ReturnType<typeof offences>; columns: number; lay: Layout }) {
  const result = outcome && outcome.ok ? outcome : null;
  const error = outcome && !outcome.ok ? uiError(outcome.error, st, m) : null;
  const start = Math.max(0, Math.min(st.highlight - lay.search + 1, matches.length - lay.search));
  const refW = refColumn(st.charges.map((c) => c.ref), columns, 15);
  return (
    <Box flexDirection="column" width={columns}>
      <Text wrap="wrap"><Text bold color={colour('cyan')}>quantum</Text><Text> — {m.facts} {formatDate(st.date, lang)} · {m.judgment} {formatDate(st.judgmentDate, lang)}{st.judgmentSet ? '' : ` (${m.todayShort})`} · {st.legal ? m.legal : m.natural}{st.birthDate ? ` · ${m.born} ${formatDate(st.birthDate, lang)}` : ''}</Text></Text>
      <Text wrap="truncate-start">
        <Text color={st.focus === 'search' ? colour('green') : undefined} bold={st.focus === 'search'}>{m.search} › </Text>
        <Text>{sanitize(st.query)}</Text>{st.focus === 'search' && !st.prompt ? <Text inverse> </Text> : null}<Text dimColor>  ({matches.length})</Text>
      </Text>
      {st.chooser ? <ChooserView rules={rules} ch={st.chooser} date={st.date} lang={lang} m={m} columns={columns} />
        : <SearchList rules={rules} matches={matches} start={start} rows={lay.search} highlight={st.highlight} active={st.focus === 'search'} date={st.date} lang={lang} m={m} columns={columns} />}
      <Text bold color={st.focus === 'charges' ? colour('green') : undefined}>{m.charges} ({st.charges.length}){st.focus === 'charges' ? '' : `  ${m.tabHint}`}</Text>
      {st.charges.length === 0 ? <Text dimColor>  {m.noCharges}</Text> : null}
      {st.charges.map((c, i) => <ChargeRow key={i} c={c} r={result?.charges[i]} active={st.focus === 'charges' && i === st.selected} m={m} lang={lang} columns={columns} refW={refW} />)}
      {st.priors.length ? <Priors priors={st.priors} m={m} lang={lang} /> : null}
      {error ? <Text color={colour('red')} wrap="wrap">! {sanitize(error.message)}</Text> : null}
      {result ? <Totals r={result} m={m} lang={lang} columns={columns} /> : null}
      {result && !st.showTrace && lay.chart ? <Chart r={result} m={m} lang={lang} columns={columns} /> : null}
      {result && st.showTrace ? <Trace r={result} rows={lay.trace} top={st.traceTop} m={m} lang={lang} columns={columns} /> : null}
      {result && result.warnings.length ? <Text color={colour('yellow')} wrap="truncate-end">! {result.warnings.length} {m.warnings}{lang === 'fr' ? ' : ' : ': '}{result.warnings.map((w) => w.ref).filter(Boolean).join(', ')}</Text> : null}
      {st.prompt ? <PromptLine prompt={st.prompt} m={m} /> : <Text dimColor wrap="wrap">{sanitize(st.message ?? (st.focus === 'charges' ? m.chargeKeys : m.footer))}</Text>}
      {st.prompt && st.promptError ? <Text color={colour('red')} wrap="wrap">{sanitize(st.promptError)}</Text> : null}
    </Box>
  );
}
