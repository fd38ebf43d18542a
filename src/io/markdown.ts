// A Markdown report of a result: what a student pastes in notes or a lawyer attaches to a memo.
import type { Result } from '../core/contract.js';
import type { Lang } from '../core/model.js';
import { natureLabel } from '../core/explain.js';
import { formatDate, formatMoney, formatPrison, formatSumPrison } from '../core/units.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function formatMarkdown(r: Result, lang: Lang): string {
  const fr = lang === 'fr';
  const none = fr ? 'aucune' : 'none';
  const out: string[] = [];
  out.push(`# ${fr ? 'Peines maximales encourues' : 'Maximum penalties incurred'}${r.id ? ` — ${r.id}` : ''}`, '');
  out.push(`- ${fr ? 'Date des faits' : 'Date of the facts'} : ${formatDate(r.date, lang)}`);
  out.push(`- ${fr ? 'Date du jugement' : 'Date of judgment'} : ${formatDate(r.judgmentDate, lang)}`);
  out.push(`- ${fr ? 'Auteur' : 'Offender'} : ${r.offender === 'legal' ? (fr ? 'personne morale' : 'legal person') : (fr ? 'personne physique' : 'natural person')}`, '');
  out.push(`## ${fr ? 'Chefs' : 'Charges'}`, '');
  out.push(fr ? '| Chef | Qualification | Nature | Privation de liberté | Amende | Version |' : '| Charge | Offence | Class | Custody | Fine | Version |');
  out.push('|---|---|---|---|---|---|');
  for (const c of r.charges) {
    const flags = [c.attempt && (fr ? 'tentative' : 'attempt'), c.accomplice && (fr ? 'complicité' : 'complicity'), c.predicate && `${fr ? 'réf.' : 'ref.'} ${c.predicate}`].filter(Boolean).join(', ');
    const label = `${c.label}${flags ? ` (${flags})` : ''}`;
    if (!c.punishable) {
      out.push(`| ${c.ref} | ${cell(label)} | — | ${fr ? 'non punissable' : 'not punishable'} : ${c.reason} | — | ${c.version ? `${formatDate(c.version.from, lang)}` : '—'} |`);
      continue;
    }
    const v = c.version ? `${formatDate(c.version.from, lang)}, ${cell(c.version.source)}${c.version.status !== 'text' ? ` (${c.version.status})` : ''}` : '—';
    out.push(`| ${c.ref} | ${cell(label)} | ${c.nature ? natureLabel(c.nature, lang) : ''} | ${c.prison ? formatPrison(c.prison, lang) : none} | ${c.fine ? formatMoney(c.fine, lang) : none} | ${v} |`);
  }
  out.push('', `## ${fr ? 'Total (art. 132-3 et 132-5)' : 'Total (art. 132-3 and 132-5)'}`, '');
  const t = r.total;
  out.push(`- ${fr ? 'Privation de liberté' : 'Custody'} : **${t.prison ? formatPrison(t.prison, lang) : none}**${t.cappedBy.prison ? ` (${t.cappedBy.prison})` : ''}`);
  out.push(`- ${fr ? 'Amende' : 'Fine'} : **${t.fine ? formatMoney(t.fine, lang) : none}**${t.cappedBy.fine ? ` (${t.cappedBy.fine})` : ''}${t.fineParts.contraventions !== '0' ? `, ${fr ? 'dont amendes contraventionnelles' : 'including contravention fines'} ${formatMoney(t.fineParts.contraventions, lang)} (132-7)` : ''}`);
  const a = r.arithmetic;
  const ap = a.prison ? formatSumPrison(a.prison, lang) : none;
  out.push(`- ${fr ? 'Somme arithmétique (pour mémoire, pas la règle légale)' : 'Arithmetic sum (for reference, not the legal rule)'} : ${ap} ; ${a.fine ? formatMoney(a.fine, lang) : none}`);
  if (r.warnings.length) {
    out.push('', `## ${fr ? 'Avertissements' : 'Warnings'}`, '');
    for (const w of r.warnings) out.push(`- ${w.message ?? w.code}`);
  }
  const comp = r.charges.filter((c) => c.complementary?.length);
  if (comp.length) {
    out.push('', `## ${fr ? 'Peines complémentaires prévues (listées, non calculées)' : 'Complementary penalties provided (listed, not computed)'}`, '');
    for (const c of comp) for (const x of c.complementary!) out.push(`- ${c.ref} : ${x.label} (art. ${x.article})`);
  }
  if (r.trace?.length) {
    out.push('', `## ${fr ? 'Explication' : 'Explanation'}`, '');
    r.trace.forEach((s, i) => out.push(`${i + 1}. **art. ${s.rule}**${s.ref ? ` (${s.ref})` : ''} — ${s.text}`));
  }
  out.push('', `_${fr ? 'Données' : 'Data'} ${r.dataset.version}, ${r.dataset.hash}._`, '');
  return out.join('\n');
}
