// The pieces of the terminal UI's screen. Figures come first on every line, so a narrow terminal cuts labels, never
// a penalty; strings from input or data are shown with their control characters escaped.
import { Box, Text } from 'ink';
import type { Charge, Prior, Result } from '../core/contract.js';
import type { Lang, Rules } from '../core/model.js';
import { describeProvision, type ProvisionView } from '../api.js';
import { formatDate, formatDuration, formatMoney, formatPrison, formatSumPrison } from '../messages/units.js';
import { sanitize } from '../io/terminal.js';
import { formatTotalPrison, totalSources } from '../io/total-sources.js';
import { wrapLine } from '../io/wrap.js';
import type { Chooser, Messages, Prompt } from './state.js';

/** Colours, unless NO_COLOR asks for none (https://no-color.org). */
export const colour = (c: string): string | undefined => (process.env.NO_COLOR ? undefined : c);
const sep = (lang: Lang) => (lang === 'fr' ? ' : ' : ': ');

export function penaltyShort(v: ProvisionView, m: Messages, lang: Lang): string {
  if (!v.version) return v.notHeld ? m.notHeld : m.notInForce;
  if (v.tiers) return m.byPredicate;
  // A fine that is only a multiple of a base (douanes 411) is a penalty, as show and list say, not "—".
  const parts = [v.prison ? shortPrison(v.prison, lang) : null, v.fine ? formatMoney(v.fine, lang) : v.proportional ? m.proportionalFine : null].filter(Boolean);
  return parts.join(' · ') || '—';
}

function shortPrison(p: { kind: string; months: number | null; life: boolean }, lang: Lang): string {
  const kind = p.kind === 'emprisonnement' ? (lang === 'fr' ? 'emp.' : 'imp.') : 'RC';
  return p.life ? (lang === 'fr' ? 'perpétuité' : 'life') : `${formatDuration(p.months ?? 0, lang)} ${kind}`;
}

/** The refs' column: as wide as the longest ref shown (the penalties line up), within a third of the terminal. */
export const refColumn = (refs: readonly string[], columns: number, least: number): number =>
  Math.min(Math.max(least, ...refs.map((r) => sanitize(r).length + 1)), Math.max(least, Math.floor(columns / 3)));
const padRef = (ref: string, width: number): string => { const r = sanitize(ref); return r.length < width ? r.padEnd(width) : `${r} `; };

export function SearchList({ rules, matches, start, rows, highlight, active, date, lang, m, columns }: { rules: Rules; matches: readonly string[]; start: number; rows: number; highlight: number; active: boolean; date: string; lang: Lang; m: Messages; columns: number }) {
  const shown = matches.slice(start, start + rows).map((ref) => rules.provisions.get(ref)!);
  const w = refColumn(shown.map((p) => p.ref), columns, 17);
  const more = matches.length - start - shown.length;
  return (
    <Box flexDirection="column">
      {shown.map((p, i) => {
        const v = describeProvision(rules, p, date);
        const on = active && start + i === highlight;
        return <Text key={p.ref} wrap="truncate-end" color={on ? colour('green') : undefined}>{on ? '›' : ' '} {padRef(p.ref, w)}{penaltyShort(v, m, lang)}  <Text dimColor>{sanitize(p.label[lang])}</Text></Text>;
      })}
      {more > 0 ? <Text dimColor>  … {m.more({ count: more })}</Text> : null}
    </Box>
  );
}

export function ChooserView({ rules, ch, date, lang, m, columns }: { rules: Rules; ch: Chooser; date: string; lang: Lang; m: Messages; columns: number }) {
  const w = refColumn(ch.refs, columns, 17);
  return (
    <Box flexDirection="column">
      <Text bold color={colour('yellow')}>{m.chooseTier({ article: ch.article })}</Text>
      {ch.refs.map((ref, i) => {
        const p = rules.provisions.get(ref)!;
        const v = describeProvision(rules, p, date);
        return <Text key={ref} wrap="truncate-end" color={i === ch.highlight ? colour('green') : undefined}>{i === ch.highlight ? '›' : ' '} {padRef(ref, w)}{penaltyShort(v, m, lang)}  <Text dimColor>{sanitize(p.label[lang])}</Text></Text>;
      })}
      <Text dimColor>{m.chooserHint}</Text>
    </Box>
  );
}

export function ChargeRow({ c, r, active, m, lang, columns, refW }: { c: Charge; r: Result['charges'][number] | undefined; active: boolean; m: Messages; lang: Lang; columns: number; refW: number }) {
  const flags = [r?.recidive ? `${m.recidive} ${r.recidive}` : null, c.attempt ? m.attempt : null, c.accomplice ? m.accomplice : null,
    c.amount ? `${m.amount} ${formatMoney(c.amount, lang)}` : null, c.predicate ? `${m.predicate} ${sanitize(c.predicate)}` : null,
    c.aggravations?.length ? c.aggravations.join('+') : null, r?.minority ? m.minor({ age: r.minority.age }) : null,
    c.repentis ? `${m.repentis[c.repentis]}${r?.repentis ? ` ${r.repentis.article}` : ` (${m.noText})`}` : null,
    c.relatedTo?.length ? `${m.withCharges} ${c.relatedTo.map((j) => j + 1).join('+')}` : null].filter(Boolean).join(' · ');
  let penalty = '';
  const figures = (x: { prison: Result['total']['prison']; fine: string | null; fineNotComputed?: boolean }, short: boolean) => [x.prison ? (short ? shortPrison(x.prison, lang) : formatPrison(x.prison, lang)) : m.noCustody, x.fine ? formatMoney(x.fine, lang) : x.fineNotComputed ? m.fineNotComputed : null].filter(Boolean).join(' · ');
  // Side by side: the minor's maxima, then those once the excuse is set aside.
  const both = (short: boolean) => `${figures(r!, short)}${r!.withoutExcuse ? ` | ${m.withoutExcuse} ${figures(r!.withoutExcuse, short)}` : ''}`;
  if (r) penalty = r.punishable ? both(false) : `${r.reason === 'LAW_NOT_HELD' ? m.notComputed : m.notPunishable} (${m.reasons[r.reason!] ?? r.reason})`;
  // In a narrow terminal the short form keeps every figure on the line.
  if (r?.punishable && 2 + Math.max(refW, sanitize(c.ref).length + 1) + penalty.length > columns) penalty = both(true);
  return (
    <Text wrap="truncate-end" color={active ? colour('green') : r && !r.punishable ? colour('gray') : undefined}>
      {active ? '▸' : ' '} {padRef(c.ref, refW)}{penalty}{flags ? `  [${flags}]` : ''}
    </Text>
  );
}

export function Totals({ r, m, lang, columns }: { r: Result; m: Messages; lang: Lang; columns: number }) {
  const t = r.total;
  const a = r.arithmetic;
  const src = totalSources(t, lang);
  // The sum lacks the fines the total lacks (no amount given): said, as under the total, never a bare figure.
  const lacking = r.charges.some((c) => c.fineNotComputed);
  const sumFine = a.fine ? `${formatMoney(a.fine, lang)}${lacking ? ` (${m.sumLacking})` : ''}` : lacking ? m.fineNotComputed : '—';
  const sum = `${sep(lang)}${a.prison ? formatSumPrison(a.prison, lang) : '—'} · ${sumFine}`;
  const f = src.fine;
  const fineBy = [f.ref ? `${f.ref}, art. 132-3${f.contraventions ? ' + 132-7' : ''}` : f.contraventions ? m.fineSum : null, f.cumulated ? '+' : null].filter((x) => x !== null).join(' ') || null;
  const prisonBy = src.prison.ref ? `${src.prison.ref}, art. 132-5${src.prison.cumulated ? ' +' : ''}` : src.prison.cumulated ? '+' : null;
  return (
    <Box flexDirection="column">
      <Text wrap="wrap">
        <Text bold>{m.total}{sep(lang)}</Text>
        <Text bold color={colour('cyan')}>{formatTotalPrison(t, lang) ?? (t.notComputed ? m.totalNotComputed : m.noCustody)}</Text>
        {prisonBy ? <Text dimColor>  ← {prisonBy}</Text> : null}
      </Text>
      <Text wrap="wrap">
        <Text>{' '.repeat(m.total.length + sep(lang).length)}</Text>
        <Text bold color={colour('cyan')}>{t.fine ? formatMoney(t.fine, lang) : r.charges.some((c) => c.fineNotComputed) ? m.fineNotComputed : t.notComputed ? m.totalNotComputed : m.noFine}</Text>
        {fineBy ? <Text dimColor>  ← {fineBy}</Text> : null}
      </Text>
      {t.notComputed ? <Text color={colour('yellow')} wrap="wrap">{m.incomplete({ refs: t.notComputed.join(', ') })}</Text> : null}
      {t.cumulated?.length ? <Text dimColor wrap="wrap">  + {t.cumulated.map((e) => `${e.ref} (art. ${e.article})`).join(', ')}</Text> : null}
      {t.withoutExcuse ? <Text wrap="wrap"><Text>{m.withoutExcuse}{sep(lang)}</Text><Text bold>{formatTotalPrison(t.withoutExcuse, lang) ?? m.noCustody} · {t.withoutExcuse.fine ? formatMoney(t.withoutExcuse.fine, lang) : m.noFine}</Text></Text> : null}
      <Text dimColor wrap="truncate-end">{sum.length + m.sum.length > columns ? m.sumNarrow : m.sum}{sum}</Text>
    </Box>
  );
}

/** 132-3 in one picture: each charge's custodial maximum against the legal maximum and the plain sum. */
export function Chart({ r, m, lang, columns }: { r: Result; m: Messages; lang: Lang; columns: number }) {
  const live = r.charges.filter((c) => c.punishable && c.prison);
  if (!live.length || !r.total.prison) return null;
  // Life is drawn at the maximum of 132-5 when life is not pronounced (from the result).
  const lifeScale = r.total.lifeNotPronouncedCapMonths ?? 0;
  const monthsOf = (p: { months: number | null; life: boolean }) => (p.life ? lifeScale : p.months ?? 0);
  const sum = r.arithmetic.prison ? (r.arithmetic.prison.life ? lifeScale + r.arithmetic.prison.months : r.arithmetic.prison.months) : 0;
  const scale = Math.max(sum, monthsOf(r.total.prison), 1);
  const labelW = 14, valueW = 16;
  const width = Math.max(10, columns - labelW - valueW - 4);
  const bar = (months: number) => '█'.repeat(Math.max(1, Math.round((months / scale) * width)));
  const value = (p: { months: number | null; life: boolean }) => (p.life ? (lang === 'fr' ? 'perpétuité' : 'life') : formatDuration(p.months ?? 0, lang));
  return (
    <Box flexDirection="column">
      {live.map((c, i) => <Text key={i} wrap="truncate-end"><Text>{c.ref.slice(0, labelW - 1).padEnd(labelW)}</Text><Text color={colour('blue')}>{bar(monthsOf(c.prison!))}</Text> {value(c.prison!)}</Text>)}
      <Text wrap="truncate-end"><Text bold>{m.cap.padEnd(labelW)}</Text><Text color={colour('cyan')}>{bar(monthsOf(r.total.prison))}</Text> {value(r.total.prison)}</Text>
      <Text wrap="truncate-end"><Text dimColor>{m.sumShort.padEnd(labelW)}</Text><Text color={colour('gray')}>{bar(sum)}</Text> {r.arithmetic.prison?.life ? `${value({ months: null, life: true })}${r.arithmetic.prison.months ? ' +' : ''}` : formatDuration(sum, lang)}</Text>
    </Box>
  );
}

/**
 * The explanation's lines: the warnings first, in words (the line under the total only counts them), then the steps;
 * each wrapped to the terminal, never cut (the reasoning is the point).
 */
export function traceLines(r: Result, lang: Lang, columns: number) {
  const steps = [...r.warnings.map((w) => ({ rule: '!', text: w.message ?? w.code, ref: undefined as string | undefined })), ...(r.trace ?? [])];
  const lines = steps.flatMap((s, k) => {
    const head = `${String(k + 1).padStart(2)}. [${sanitize(s.rule)}]`;
    return wrapLine(`${head} ${s.ref ? `${sanitize(s.ref)}${sep(lang)}` : ''}${sanitize(s.text)}`, Math.max(20, columns - 1), 6)
      .map((text, j) => ({ step: k, head: j === 0 ? head : '', text: j === 0 ? text.slice(head.length) : text }));
  });
  return { steps: steps.length, lines };
}

/** The explanation, a window of it at a time: ↑↓ and PgUp/PgDn scroll, by lines. */
export function Trace({ r, rows, top, m, lang, columns }: { r: Result; rows: number; top: number; m: Messages; lang: Lang; columns: number }) {
  const { steps, lines } = traceLines(r, lang, columns);
  const first = Math.min(top, Math.max(0, lines.length - rows));
  const shown = lines.slice(first, first + rows);
  return (
    <Box flexDirection="column">
      {shown.map((l, i) => <Text key={first + i} wrap="truncate-end"><Text dimColor>{l.head}</Text>{l.text}</Text>)}
      <Text dimColor>{m.traceWindow({ from: (shown[0]?.step ?? 0) + 1, to: (shown[shown.length - 1]?.step ?? 0) + 1, count: steps })}</Text>
    </Box>
  );
}

export function Priors({ priors, m, lang }: { priors: Prior[]; m: Messages; lang: Lang }) {
  return <Text wrap="truncate-end" color={colour('magenta')}>{m.priors}{sep(lang)}{priors.map((p) => `${sanitize(p.ref)} (${m.final} ${formatDate(p.final, lang)}${p.expired ? `, ${m.expired} ${formatDate(p.expired, lang)}` : ''})`).join(' ; ')}</Text>;
}

export function PromptLine({ prompt, m }: { prompt: Prompt; m: Messages }) {
  return <Text wrap="wrap"><Text bold color={colour('yellow')}>{m.prompts[prompt.kind]} › </Text>{sanitize(prompt.value)}<Text inverse> </Text><Text dimColor>  {m.promptHint}</Text></Text>;
}

/** The keys; the cumulation clauses `w` pairs a charge under are the rules' own (rules/general/cumulation.json). */
export function Help({ m, columns, clauses }: { m: Messages; columns: number; clauses: readonly string[] }) {
  return (
    <Box flexDirection="column" borderStyle="round" width={Math.min(columns, 80)} paddingX={1}>
      <Text bold>{m.helpTitle}</Text>
      {m.helpLines({ clauses: clauses.join(', ') }).map((l, i) => <Text key={i}>{l}</Text>)}
      <Text dimColor>{m.helpClose}</Text>
    </Box>
  );
}
