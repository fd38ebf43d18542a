// Human-readable views of results, provisions and errors (French by default, English on request).
import type { ChargeResult, ErrorResult, QuantumError, Result } from '../core/contract.js';
import type { Lang, Provision, Rules } from '../core/model.js';
import { formatDate, formatMoney, formatPenalty, formatPrison, formatSumPrison } from '../core/units.js';
import { itemSub, type Item } from '../core/model.js';
import { natureLabel } from '../core/explain.js';
import type { ProvisionView } from '../core/describe.js';
import { describeProvision } from '../core/describe.js';

const T = {
  fr: {
    title: 'Peines maximales encourues', facts: 'faits du', judgment: 'jugement au', natural: 'personne physique', legal: 'personne morale',
    charges: 'Chefs de poursuite', total: 'Total (concours réel, art. 132-3 et 132-5)', prison: 'Privation de liberté', fine: 'Amende',
    none: 'aucune', cappedBy: 'maximum fixé par', sum: 'Somme arithmétique (pour mémoire, pas la règle légale)',
    warnings: 'Avertissements', trace: 'Explication', notPunishable: 'non punissable', version: 'version en vigueur', since: 'depuis le',
    from: 'du', to: 'au', attempt: 'tentative', accomplice: 'complicité', predicate: 'infraction de référence',
    contraventions: 'dont amendes contraventionnelles (art. 132-7)', life30: 'si la perpétuité n\'est pas prononcée : 30 ans au plus (art. 132-5)',
    noCustody: 'aucune privation de liberté', safety: 'période de sûreté de plein droit (art. 132-23)', dataset: 'données',
    reason: {
      NOT_YET_IN_FORCE: 'texte pas encore en vigueur à la date des faits', REPEALED_BEFORE_FACTS: 'texte abrogé avant les faits',
      ABOLISHED: 'texte abrogé avant le jugement', ATTEMPT_NOT_PUNISHABLE: 'tentative non punissable',
      PREDICATE_NOT_ELIGIBLE: "l'infraction de référence n'entre pas dans les prévisions du texte",
    },
  },
  en: {
    title: 'Maximum penalties incurred', facts: 'facts of', judgment: 'judgment on', natural: 'natural person', legal: 'legal person',
    charges: 'Charges', total: 'Total (concours réel, art. 132-3 and 132-5)', prison: 'Custody', fine: 'Fine',
    none: 'none', cappedBy: 'maximum set by', sum: 'Arithmetic sum (for reference, not the legal rule)',
    warnings: 'Warnings', trace: 'Explanation', notPunishable: 'not punishable', version: 'version in force', since: 'since',
    from: 'from', to: 'to', attempt: 'attempt', accomplice: 'complicity', predicate: 'offence referred to',
    contraventions: 'of which contravention fines (art. 132-7)', life30: 'if life is not pronounced: 30 years at most (art. 132-5)',
    noCustody: 'no custody', safety: 'safety period of right (art. 132-23)', dataset: 'data',
    reason: {
      NOT_YET_IN_FORCE: 'text not yet in force on the date of the facts', REPEALED_BEFORE_FACTS: 'text repealed before the facts',
      ABOLISHED: 'text repealed before judgment', ATTEMPT_NOT_PUNISHABLE: 'attempt not punishable',
      PREDICATE_NOT_ELIGIBLE: 'the offence referred to is outside the text',
    },
  },
} as const;

/** French puts a space before the colon; English does not. */
const colon = (lang: Lang) => (lang === 'fr' ? ' : ' : ': ');

function chargeLines(c: ChargeResult, lang: Lang): string[] {
  const t = T[lang];
  const flags = [c.attempt && t.attempt, c.accomplice && t.accomplice, c.predicate && `${t.predicate} ${c.predicate}`].filter(Boolean).join(', ');
  const head = `  ${c.ref}${c.input && c.input !== c.ref ? ` (« ${c.input} »)` : ''} — ${c.label}${flags ? ` [${flags}]` : ''}`;
  if (!c.punishable) return [head, `      ${t.notPunishable.toUpperCase()}${colon(lang)}${c.reason ? t.reason[c.reason] : ''}`];
  const penalty = [c.prison ? formatPrison(c.prison, lang) : t.noCustody, c.fine ? formatMoney(c.fine, lang) : `${t.fine.toLowerCase()}${colon(lang)}${t.none}`].join(lang === 'fr' ? ' ; ' : '; ');
  const lines = [head, `      ${c.nature ? natureLabel(c.nature, lang) : ''}${colon(lang)}${penalty}`];
  if (c.tier) lines.push(`      ${c.tier}`);
  if (c.aggravations?.length) lines.push(`      ${lang === 'fr' ? 'circonstance aggravante générale' : 'general aggravation'}${colon(lang)}art. ${c.aggravations.join(', ')}`);
  if (c.recidive) lines.push(`      ${lang === 'fr' ? 'récidive' : 'récidive (repeat offending)'}${colon(lang)}art. ${c.recidive}`);
  if (c.version) {
    const v = c.version;
    lines.push(`      ${t.version} ${v.to ? `${t.from} ${formatDate(v.from, lang)} ${t.to} ${formatDate(v.to, lang)}` : `${t.since} ${formatDate(v.from, lang)}`} — ${v.source}${v.status !== 'text' ? ` [${v.status}]` : ''}`);
  }
  if (c.safetyPeriod) lines.push(`      ${t.safety}`);
  return lines;
}

export function formatResult(r: Result, lang: Lang, opts: { trace?: boolean } = {}): string {
  const t = T[lang];
  const out: string[] = [];
  out.push(`${t.title} — ${t.facts} ${formatDate(r.date, lang)}, ${t.judgment} ${formatDate(r.judgmentDate, lang)}, ${r.offender === 'legal' ? t.legal : t.natural}${r.id ? ` — ${r.id}` : ''}`);
  out.push('', t.charges);
  for (const c of r.charges) out.push(...chargeLines(c, lang));
  out.push('', t.total);
  const tot = r.total;
  const w = Math.max(t.prison.length, t.fine.length);
  out.push(`  ${t.prison.padEnd(w)}${colon(lang)}${tot.prison ? formatPrison(tot.prison, lang) : t.none}${tot.cappedBy.prison ? ` — ${t.cappedBy} ${tot.cappedBy.prison}` : ''}`);
  if (tot.prison?.life) out.push(`  ${''.padEnd(w)}   ${t.life30}`);
  out.push(`  ${t.fine.padEnd(w)}${colon(lang)}${tot.fine ? formatMoney(tot.fine, lang) : t.none}${tot.cappedBy.fine ? ` — ${t.cappedBy} ${tot.cappedBy.fine}` : ''}`);
  if (tot.fineParts.contraventions !== '0') out.push(`  ${''.padEnd(w)}   ${t.contraventions}${colon(lang)}${formatMoney(tot.fineParts.contraventions, lang)}`);
  const a = r.arithmetic;
  const aPrison = a.prison ? formatSumPrison(a.prison, lang) : t.noCustody;
  out.push(`  ${t.sum}${colon(lang)}${aPrison}${lang === 'fr' ? ' ; ' : '; '}${a.fine ? formatMoney(a.fine, lang) : t.none}`);
  if (r.warnings.length) {
    out.push('', t.warnings);
    for (const x of r.warnings) out.push(`  ! ${x.message ?? `${x.code} ${x.ref ?? ''}`}`);
  }
  const withComplementary = r.charges.filter((c) => c.complementary?.length);
  if (withComplementary.length) {
    out.push('', lang === 'fr' ? 'Peines complémentaires prévues par les textes (listées, non calculées)' : 'Complementary penalties the texts provide (listed, not computed)');
    for (const c of withComplementary) {
      out.push(`  ${c.ref}${colon(lang).trimEnd()}`);
      for (const x of c.complementary!) out.push(`    - ${x.label} (art. ${x.article})`);
    }
  }
  if (opts.trace !== false && r.trace?.length) {
    out.push('', t.trace);
    r.trace.forEach((s, i) => out.push(`  ${String(i + 1).padStart(2)}. [art. ${s.rule}]${s.ref ? ` ${s.ref}${colon(lang).trimEnd()}` : ''} ${s.text}`));
  }
  out.push('', `${t.dataset} ${r.dataset.version} (${r.dataset.hash.slice(0, 19)}…)`);
  return out.join('\n') + '\n';
}

export function formatError(e: QuantumError | ErrorResult, lang: Lang): string {
  const err = 'error' in e ? e.error : e;
  const label = lang === 'fr' ? 'erreur' : 'error';
  return `quantum: ${label} ${err.code}${err.path ? ` (${err.path})` : ''}: ${err.message}`;
}

function penaltyText(v: ProvisionView, lang: Lang): string {
  if (v.kind === 'rule') return lang === 'fr' ? 'règle (pas de peine propre)' : 'rule (no penalty of its own)';
  if (!v.version) return lang === 'fr' ? 'pas en vigueur à cette date' : 'not in force on that date';
  if (v.tiers) return lang === 'fr' ? "selon l'infraction de référence" : 'depends on the offence referred to';
  const fine = v.fine ? formatMoney(v.fine, lang) + (v.proportional ? (lang === 'fr' ? ' (ou proportionnelle)' : ' (or proportional)') : '') : null;
  return [v.prison ? formatPrison(v.prison, lang) : null, fine].filter(Boolean).join(' ; ') || (lang === 'fr' ? 'aucune peine' : 'no penalty');
}

export function formatList(rules: Rules, provisions: Provision[], date: string, lang: Lang): string {
  if (!provisions.length) return lang === 'fr' ? 'Aucune disposition ne correspond.\n' : 'No provision matches.\n';
  const views = provisions.map((p) => describeProvision(rules, p, date));
  const w = Math.max(...views.map((v) => v.ref.length));
  return views.map((v) => {
    const status = v.version && v.version.status !== 'text' ? ` [${v.version.status}]` : '';
    return `${v.ref.padEnd(w)}  ${v.label[lang]} — ${penaltyText(v, lang)}${status}`;
  }).join('\n') + `\n\n${provisions.length} ${lang === 'fr' ? 'disposition(s), peines en vigueur le' : 'provision(s), penalties in force on'} ${formatDate(date, lang)}\n`;
}

export function formatProvision(rules: Rules, p: Provision, date: string, lang: Lang): string {
  const v = describeProvision(rules, p, date);
  const fr = lang === 'fr';
  const out: string[] = [`${p.ref} — ${p.label[lang]}`];
  const art = rules.articles.get(p.article);
  if (art && art.refs.length > 1) out.push(`${fr ? 'Article' : 'Article'} ${p.article} : ${art.label[lang]} (${art.refs.join(', ')})`);
  if (p.rule) out.push(`${fr ? 'Règle' : 'Rule'} : ${p.rule[lang]}${p.appliesTo?.length ? ` (${p.appliesTo.join(', ')})` : ''}`);
  if (p.items?.length) {
    // A dated item says when it is in the text: `show` describes the provision, an item may be younger.
    const period = (i: Exclude<Item, string>) => [i.from && `${fr ? 'depuis le' : 'from'} ${formatDate(i.from, lang)}`, i.to && `${fr ? "jusqu'au" : 'until'} ${formatDate(i.to, lang)}${i.renumberedAs ?? i.movedTo ? ` (${fr ? 'puis' : 'then'} ${i.renumberedAs ?? i.movedTo})` : ''}`].filter(Boolean).join(' ');
    const items = p.items.map((i) => (typeof i === 'string' || (!i.from && !i.to) ? itemSub(i) : `${i.sub} (${period(i)})`));
    out.push(`${fr ? 'Subdivisions de même peine' : 'Subdivisions with this penalty'} : ${items.join(', ')}`);
  }
  if (v.aliases.length) out.push(`${fr ? 'Alias' : 'Aliases'} : ${v.aliases.join(', ')}`);
  if (p.circumstances?.length) out.push(`${fr ? 'Circonstances' : 'Circumstances'} : ${p.circumstances.join(', ')}`);
  out.push('', `${fr ? 'En vigueur le' : 'In force on'} ${formatDate(date, lang)} : ${penaltyText(v, lang)}${v.nature ? ` (${natureLabel(v.nature, lang)})` : ''}`);
  for (const tier of v.tiers ?? []) out.push(`  - ${tier.label?.[lang] ?? ''} : ${formatPenalty(tier.prison, tier.fine, lang) ?? '—'}`);
  out.push('', fr ? 'Versions' : 'Versions');
  for (const ver of p.versions) {
    const cur = v.version === ver ? (fr ? '  ← en vigueur à cette date' : '  ← in force on that date') : '';
    out.push(`  ${formatDate(ver.from, lang)} → ${ver.to ? formatDate(ver.to, lang) : '…'}  ${ver.amendedBy}  [${ver.status}]${cur}`);
    if (ver.attempt) out.push(`      ${fr ? 'tentative' : 'attempt'} : ${ver.attempt.punishable ? (fr ? 'punissable' : 'punishable') : (fr ? 'non punissable' : 'not punishable')}${ver.attempt.article ? ` (art. ${ver.attempt.article})` : ''}`);
    if (ver.note) out.push(`      ${fr ? 'note' : 'note'} : ${ver.note}`);
    for (const s of ver.sources) out.push(`      ${s}`);
  }
  if (p.repealed) out.push('', `${fr ? 'Abrogé le' : 'Repealed on'} ${formatDate(p.repealed.from, lang)} (${p.repealed.by})`);
  return out.join('\n') + '\n';
}
