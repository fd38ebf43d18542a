// A Markdown report of a result: what a student pastes in notes or a lawyer attaches to a memo.
import type { Result } from '../core/contract.js';
import type { Lang } from '../core/model.js';
import { MESSAGES } from '../messages/index.js';
import { formatDate, formatMoney, formatPrison, formatSumPrison } from '../messages/units.js';
import { markdownInline } from './terminal.js';
import { formatTotalPrison, totalSources } from './total-sources.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function formatMarkdown(r: Result, lang: Lang): string {
  const m = MESSAGES[lang];
  const t = m.markdown;
  const none = m.text.none;
  const c = lang === 'fr' ? ' : ' : ': ';
  const semi = lang === 'fr' ? ' ; ' : '; ';
  const out: string[] = [];
  out.push(`# ${t.title}${r.id ? ` — ${markdownInline(r.id)}` : ''}`, '');
  const today = ` (${m.cli.judgmentToday})`;
  out.push(`- ${t.factsDate}${c}${formatDate(r.date, lang)}${r.dateDefault ? today : ''}`);
  out.push(`- ${t.judgmentDate}${c}${formatDate(r.judgmentDate, lang)}${r.judgmentDateDefault ? today : ''}`);
  out.push(`- ${t.offender}${c}${r.offender === 'legal' ? m.text.legal : m.text.natural}`, '');
  out.push(`## ${t.charges}`, '', t.header, '|---|---|---|---|---|---|');
  for (const ch of r.charges) {
    const flags = [ch.attempt && m.text.attempt, ch.accomplice && m.text.accomplice, ch.predicate && `${t.reference} ${ch.predicate}`, ch.minority && m.text.minor(ch.minority), ch.repentis?.effect === 'reduced' && m.text.repentisReduced({ article: ch.repentis.article })].filter(Boolean).join(', ');
    const label = `${ch.label}${flags ? ` (${flags})` : ''}`;
    if (!ch.punishable) {
      out.push(`| ${ch.ref} | ${cell(label)} | — | ${ch.reason === 'LAW_NOT_HELD' ? t.notComputed : t.notPunishable}${c}${ch.reason ? m.reasons[ch.reason] : ''} | — | ${ch.version ? formatDate(ch.version.from, lang) : '—'} |`);
      continue;
    }
    const v = ch.version ? `${formatDate(ch.version.from, lang)}, ${cell(ch.version.source)}${ch.version.status !== 'text' ? ` (${ch.version.status})` : ''}` : '—';
    const w = ch.withoutExcuse;
    const aside = (x: string, y: string) => (w ? `${x} (${m.text.withoutExcuse}${c}${y})` : x);
    out.push(`| ${ch.ref} | ${cell(label)} | ${ch.nature ? m.nature[ch.nature] : ''} | ${aside(ch.prison ? formatPrison(ch.prison, lang) : none, w?.prison ? formatPrison(w.prison, lang) : none)} | ${aside(ch.fine ? formatMoney(ch.fine, lang) : ch.fineNotComputed ? m.text.fineNotComputed : none, w?.fine ? formatMoney(w.fine, lang) : none)} | ${v} |`);
  }
  out.push('', `## ${t.total}`, '');
  const tot = r.total;
  const unknown = tot.notComputed ? m.text.notComputedTotal : none;
  const src = totalSources(tot, lang);
  const by = (ref: string | null, cumulated: boolean) => (ref || cumulated ? ` (${[ref, cumulated ? m.text.onlyCumulated : null].filter((x) => x).join(', ')})` : '');
  out.push(`- ${t.custody}${c}**${formatTotalPrison(tot, lang) ?? unknown}**${by(src.prison.ref, src.prison.cumulated)}${tot.prison?.life && tot.lifeNotPronouncedCapMonths !== undefined ? `${semi}${m.text.lifeCap({ months: tot.lifeNotPronouncedCapMonths, article: tot.lifeNotPronouncedCapArticle })}` : ''}`);
  const missing = r.charges.filter((x) => x.fineNotComputed).map((x) => x.ref);
  out.push(`- ${t.fine}${c}**${tot.fine ? formatMoney(tot.fine, lang) : missing.length ? m.text.fineNotComputed : unknown}**${by(src.fine.ref, src.fine.cumulated)}${tot.fine && missing.length ? ` ${m.text.withoutFinesOf({ refs: missing.join(', ') })}` : ''}${tot.fineParts.contraventions !== '0' ? `, ${t.including} ${formatMoney(tot.fineParts.contraventions, lang)} (132-7)` : ''}`);
  if (tot.notComputed) out.push(`- ${cell(m.text.incomplete({ refs: tot.notComputed.join(', ') }))}`);
  for (const e of tot.cumulated ?? []) out.push(`- ${m.text.cumulated({ ref: e.ref, article: e.article, related: e.relatedTo.map((j) => r.charges[j]!.ref).join(', ') })}`);
  if (tot.withoutExcuse) out.push(`- ${m.text.withoutExcuse}${c}${formatTotalPrison(tot.withoutExcuse, lang) ?? none}${semi}${tot.withoutExcuse.fine ? formatMoney(tot.withoutExcuse.fine, lang) : none}`);
  // The sum lacks the same fines as the total, and says so in the same words.
  const a = r.arithmetic;
  const sumFine = a.fine ? `${formatMoney(a.fine, lang)}${missing.length ? ` ${m.text.withoutFinesOf({ refs: missing.join(', ') })}` : ''}` : missing.length ? m.text.fineNotComputed : unknown;
  out.push(`- ${t.sum}${c}${a.prison ? formatSumPrison(a.prison, lang) : unknown}${semi}${sumFine}`);
  if (r.warnings.length) {
    out.push('', `## ${t.warnings}`, '');
    for (const w of r.warnings) out.push(`- ${w.message ?? w.code}`);
  }
  const comp = r.charges.filter((ch) => ch.complementary?.length);
  if (comp.length) {
    out.push('', `## ${t.complementary}`, '');
    for (const ch of comp) for (const x of ch.complementary!) out.push(`- ${ch.ref}${c}${x.label} (art. ${x.article})`);
  }
  if (r.trace?.length) {
    out.push('', `## ${t.explanation}`, '');
    r.trace.forEach((s, i) => out.push(`${i + 1}. **art. ${s.rule}**${s.ref ? ` (${s.ref})` : ''} — ${s.text}`));
  }
  out.push('', `_${t.data} ${r.dataset.version}, ${r.dataset.hash}._`, '');
  return out.join('\n');
}
