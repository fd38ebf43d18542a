// Human-readable views of results, provisions and errors (French by default, English on request).
import type { ChargeResult, ErrorResult, QuantumError, Result } from '../core/contract.js';
import type { Aggravation, Lang, Provision, Rules } from '../core/model.js';
import { formatDate, formatMoney, formatPenalty, formatPrison, formatSumPrison } from '../messages/units.js';
import { MESSAGES } from '../messages/index.js';
import { itemSub, type Item } from '../core/model.js';
import type { ProvisionView } from '../core/describe.js';
import { describeProvision } from '../core/describe.js';
import { at } from '../core/dates.js';
import { notHeldOn, predecessor } from '../core/law/time.js';
import { wrapText } from './wrap.js';
import { sanitize } from './terminal.js';
import { formatTotalPrison, totalSources } from './total-sources.js';

const T = (lang: Lang) => MESSAGES[lang].text;
const natureLabel = (n: string, lang: Lang) => MESSAGES[lang].nature[n] ?? n;

/** French puts a space before the colon; English does not. */
const colon = (lang: Lang) => (lang === 'fr' ? ' : ' : ': ');

const semi = (lang: Lang) => (lang === 'fr' ? ' ; ' : '; ');

/** A custodial maximum and a fine, side by side. */
function penaltyOf(x: { prison: ChargeResult['prison']; fine: string | null; fineNotComputed?: boolean; said?: string | null }, lang: Lang): string {
  const t = T(lang);
  const fine = x.fine ? formatMoney(x.fine, lang) : `${t.fine.toLowerCase()}${colon(lang)}${x.fineNotComputed ? t.fineNotComputed : t.none}`;
  // `said`: custody already put in words (a total with custody of two kinds added on top).
  return [x.said ?? (x.prison ? formatPrison(x.prison, lang) : t.noCustody), fine].join(semi(lang));
}

/** A version's dates and the text that made it, with its status when not `text`. */
function versionText(v: NonNullable<ChargeResult['version']>, lang: Lang): string {
  const t = T(lang);
  return `${v.to ? `${t.from} ${formatDate(v.from, lang)} ${t.to} ${formatDate(v.to, lang)}` : `${t.since} ${formatDate(v.from, lang)}`} — ${v.source}${v.status !== 'text' ? ` [${v.status}]` : ''}`;
}

function chargeLines(c: ChargeResult, r: Result, lang: Lang): string[] {
  const t = T(lang);
  const flags = [c.attempt && t.attempt, c.accomplice && t.accomplice, c.predicate && `${t.predicate} ${c.predicate}`].filter(Boolean).join(', ');
  const date = c.date && c.date !== r.date ? ` — ${t.facts} ${formatDate(c.date, lang)}` : '';
  const head = `  ${c.ref}${c.input && c.input !== c.ref ? ` (« ${c.input} »)` : ''} — ${c.label}${flags ? ` [${flags}]` : ''}${date}`;
  if (!c.punishable) {
    const by = c.minority ? ` (${c.minority.article})` : c.repentis ? ` (${t.repentisExempt({ article: c.repentis.article })})` : '';
    // A charge whose law of that date is not held is not computed: never shown as not punishable.
    return [head, `      ${(c.reason === 'LAW_NOT_HELD' ? t.notComputed : t.notPunishable).toUpperCase()}${colon(lang)}${c.reason ? MESSAGES[lang].reasons[c.reason] : ''}${by}`];
  }
  const lines = [head, `      ${c.nature ? natureLabel(c.nature, lang) : ''}${colon(lang)}${penaltyOf(c, lang)}`];
  if (c.minority) lines.push(`      ${t.minor(c.minority)}`);
  if (c.withoutExcuse) lines.push(`      ${t.withoutExcuse}${colon(lang)}${penaltyOf(c.withoutExcuse, lang)}`);
  if (c.repentis?.effect === 'reduced') lines.push(`      ${t.repentisReduced({ article: c.repentis.article })}`);
  if (c.tier) lines.push(`      ${c.tier}`);
  if (c.aggravations?.length) lines.push(`      ${t.aggravation}${colon(lang)}art. ${c.aggravations.join(', ')}`);
  if (c.recidive) lines.push(`      ${t.recidive}${colon(lang)}art. ${c.recidive}`);
  if (c.version) lines.push(`      ${t.version} ${versionText(c.version, lang)}`);
  // 112-1 al. 3 penalty by penalty: a custody or a fine taken from a later, milder version is said, with that version.
  const av = c.appliedVersions;
  if (c.version && av?.prison && av.prison.from !== c.version.from) lines.push(`      ${t.prisonFromMilder} ${versionText(av.prison, lang)}`);
  if (c.version && av?.fine && av.fine.from !== c.version.from) lines.push(`      ${t.fineFromMilder} ${versionText(av.fine, lang)}`);
  if (c.safetyPeriod) lines.push(`      ${t.safety}`);
  return lines;
}

/** The total: one custodial penalty and one fine, each with what sets it (a charge's maximum, or a sum, 132-7). */
function totalLines(r: Result, lang: Lang): string[] {
  const t = T(lang);
  const tot = r.total;
  const w = Math.max(t.prison.length, t.fine.length);
  const none = tot.notComputed ? t.notComputedTotal : t.none;
  const src = totalSources(tot, lang);
  const prisonBy = src.prison.ref ? ` — ${t.cappedBy} ${src.prison.ref}${src.prison.cumulated ? `, ${t.plusCumulated}` : ''}` : src.prison.cumulated ? ` — ${t.onlyCumulated}` : '';
  const out = [`  ${t.prison.padEnd(w)}${colon(lang)}${formatTotalPrison(tot, lang) ?? none}${prisonBy}`];
  if (tot.prison?.life && tot.lifeNotPronouncedCapMonths !== undefined) out.push(`  ${''.padEnd(w)}   ${t.lifeCap({ months: tot.lifeNotPronouncedCapMonths, article: tot.lifeNotPronouncedCapArticle })}`);
  const f = src.fine;
  const onlyContraventions = f.ref === null && f.contraventions;
  const fineParts = [f.ref ? `${t.cappedBy} ${f.ref}` : f.contraventions ? t.contraventionSum : null, f.cumulated ? (f.ref || f.contraventions ? t.plusCumulated : t.onlyCumulated) : null].filter((x) => x !== null);
  const fineBy = tot.fine && fineParts.length ? ` — ${fineParts.join(', ')}` : '';
  // A fine the case could not compute (no `amount`) is missing from the total: said, never shown as "none".
  const missing = r.charges.filter((c) => c.fineNotComputed).map((c) => c.ref);
  const lacking = missing.length ? (tot.fine ? ` ${t.withoutFinesOf({ refs: missing.join(', ') })}` : '') : '';
  out.push(`  ${t.fine.padEnd(w)}${colon(lang)}${tot.fine ? formatMoney(tot.fine, lang) : missing.length ? t.fineNotComputed : none}${fineBy}${lacking}`);
  if (tot.notComputed) out.push(`  ${t.incomplete({ refs: tot.notComputed.join(', ') })}`);
  if (!onlyContraventions && tot.fineParts.contraventions !== '0') out.push(`  ${''.padEnd(w)}   ${t.contraventions}${colon(lang)}${formatMoney(tot.fineParts.contraventions, lang)}`);
  for (const e of tot.cumulated ?? []) out.push(`  ${t.cumulated({ ref: e.ref, article: e.article, related: e.relatedTo.map((j) => r.charges[j]!.ref).join(', ') })}`);
  if (tot.withoutExcuse) out.push(`  ${t.withoutExcuse}${colon(lang)}${penaltyOf({ ...tot.withoutExcuse, said: formatTotalPrison(tot.withoutExcuse, lang) }, lang)}`);
  // The sum lacks the same fines as the total, and says so in the same words (never "none").
  const a = r.arithmetic;
  const sumFine = a.fine ? `${formatMoney(a.fine, lang)}${missing.length ? ` ${t.withoutFinesOf({ refs: missing.join(', ') })}` : ''}` : missing.length ? t.fineNotComputed : none;
  out.push(`  ${t.sum}${colon(lang)}${a.prison ? formatSumPrison(a.prison, lang) : tot.notComputed ? t.notComputedTotal : t.noCustody}${semi(lang)}${sumFine}`);
  return out;
}

/** The header: who, and when (the case's dates; each charge's own date is on its line). */
function headerLines(r: Result, lang: Lang): string[] {
  const t = T(lang);
  const own = r.charges.filter((c) => c.date && c.date !== r.date).length;
  const today = MESSAGES[lang].cli.judgmentToday;
  const facts = own === r.charges.length ? t.factsPerCharge : `${t.facts} ${formatDate(r.date, lang)}${r.dateDefault ? ` (${today})` : ''}${own ? ` (${t.factsOtherwise})` : ''}`;
  const judgment = `${t.judgment} ${formatDate(r.judgmentDate, lang)}${r.judgmentDateDefault ? ` (${today})` : ''}`;
  return [`${t.title} — ${r.offender === 'legal' ? t.legal : t.natural}${r.id ? ` — ${sanitize(r.id)}` : ''}`, `${facts} · ${judgment}`];
}

/** What the default view leaves out, and how to ask for it. */
function moreLines(r: Result, lang: Lang, opts: { trace?: boolean; complementary?: boolean }): string[] {
  const t = T(lang);
  const asks = [!opts.trace && r.trace?.length ? t.askTrace : null, !opts.complementary && r.charges.some((c) => c.complementary?.length) ? t.askComplementary : null].filter(Boolean);
  return asks.length ? ['', `(${asks.join(semi(lang))})`] : [];
}

export function formatResult(r: Result, lang: Lang, opts: { trace?: boolean; complementary?: boolean; width?: number } = {}): string {
  const t = T(lang);
  const out: string[] = [...headerLines(r, lang), '', t.total, ...totalLines(r, lang), '', t.charges];
  for (const c of r.charges) out.push(...chargeLines(c, r, lang));
  if (r.warnings.length) {
    out.push('', t.warnings);
    for (const x of r.warnings) out.push(`  ! ${x.message ?? `${x.code} ${x.ref ?? ''}`}`);
  }
  const withComplementary = opts.complementary ? r.charges.filter((c) => c.complementary?.length) : [];
  if (withComplementary.length) {
    out.push('', t.complementary);
    for (const c of withComplementary) {
      out.push(`  ${c.ref}${colon(lang).trimEnd()}`);
      for (const x of c.complementary!) out.push(`    - ${x.label} (art. ${x.article})`);
    }
  }
  if (opts.trace && r.trace?.length) {
    out.push('', t.trace);
    r.trace.forEach((s, i) => out.push(`  ${String(i + 1).padStart(2)}. [art. ${s.rule}]${s.ref ? ` ${s.ref}${colon(lang).trimEnd()}` : ''} ${s.text}`));
  }
  out.push(...moreLines(r, lang, opts), '', `${t.dataset} ${r.dataset.version} (${r.dataset.hash.slice(0, 19)}…)`);
  return `${wrapText(out.join('\n'), opts.width ?? 80)}\n`;
}

/**
 * An error in one line; or, when its message lists several problems (`lines`: a RULES_ERROR's issues), a first line
 * and then one line per problem.
 */
export function formatError(e: QuantumError | ErrorResult, lang: Lang, lines?: readonly string[]): string {
  const err = 'error' in e ? e.error : e;
  const head = `quantum: ${T(lang).error} ${err.code}${err.path ? ` (${sanitize(err.path)})` : ''}${colon(lang)}`;
  // Each problem made safe on its own: a line feed in one (a file name from a rules directory) cannot start another.
  if (lines && lines.length > 1) return [head.trimEnd(), ...lines.map((l) => `  ${sanitize(l)}`)].join('\n');
  // One line: input quoted in the message (a ref, an id) cannot start another.
  return `${head}${sanitize(withoutPath(err.message, err.path, lang))}`;
}

/**
 * A message that starts with its path says it once: the case's validation writes "charges[0].amount: …", a rules
 * directory's single problem "CP/x.json : …" in French.
 */
function withoutPath(message: string, path: string | null, lang: Lang): string {
  if (!path) return message;
  for (const sep of [': ', colon(lang)]) if (message.startsWith(`${path}${sep}`)) return message.slice(path.length + sep.length);
  return message;
}

/**
 * Why a provision has no version on a date: before it, the text then applicable under another number, a law the
 * data does not hold (never "not in force" for a date before the data), or an offence not yet created.
 */
function notInForceText(rules: Rules, p: Provision, date: string, lang: Lang): string {
  const t = T(lang);
  const first = p.versions[0]!.from;
  // After its last version: repealed on that day (not "not in force", read as "not yet").
  const last = p.versions[p.versions.length - 1]!;
  if (last.to && date >= last.to) return t.repealedSince({ date: formatDate(last.to, lang) });
  if (date >= first) return t.notInForceOn;
  const pred = predecessor({ rules }, p, date);
  if (pred) return t.thenUnder({ ref: pred.provision.ref });
  const held = notHeldOn(rules, p, date);
  if (!held) return t.notYetOn({ from: formatDate(first, lang) });
  if (held.before && held.heldFrom) return t.notHeldBefore({ heldFrom: formatDate(held.heldFrom, lang) });
  return held.formerly ? t.notHeldFormerly({ formerly: held.formerly[lang] }) : t.notHeld;
}

function penaltyText(v: ProvisionView, lang: Lang): string {
  const t = T(lang);
  if (v.kind === 'rule') return t.rule;
  if (!v.version) return t.notInForceOn;
  if (v.tiers) return t.byPredicate;
  // A fine that is only a multiple of a base (douanes 411, CMF L152-4 I) is a penalty, not "none".
  const fine = v.fine ? formatMoney(v.fine, lang) + (v.proportional ? t.orProportional : '') : v.proportional ? t.proportionalOnly : null;
  return [v.prison ? formatPrison(v.prison, lang) : null, fine].filter(Boolean).join(lang === 'fr' ? ' ; ' : '; ') || t.noPenalty;
}

export function formatList(rules: Rules, provisions: Provision[], date: string, lang: Lang, aggravations: readonly Aggravation[] = []): string {
  const t = T(lang);
  // A general aggravation is not an offence: named after the list, with the option that asks for it.
  const general = aggravations.length ? `${t.generalAggravations}\n${aggravations.map((a) => `  ${a.article}  ${a.label[lang]} — aggravation=${a.key}`).join('\n')}\n` : '';
  if (!provisions.length) return general ? general : `${t.noMatch}\n`;
  const views = provisions.map((p) => describeProvision(rules, p, date));
  const w = Math.max(...views.map((v) => v.ref.length));
  return views.map((v, i) => {
    const status = v.version && v.version.status !== 'text' ? ` [${v.version.status}]` : '';
    // No version on the date: why (repealed, not yet, another text then), as show says it.
    const penalty = v.kind !== 'rule' && !v.version ? notInForceText(rules, provisions[i]!, date, lang) : penaltyText(v, lang);
    return `${v.ref.padEnd(w)}  ${v.label[lang]} — ${penalty}${status}`;
  }).join('\n') + `\n\n${t.listed({ count: provisions.length, date })}\n${general ? `\n${general}` : ''}`;
}

/** `show 421-3`: a general aggravation, what it does, what it reaches on that date, and its dated versions. */
export function formatAggravation(rules: Rules, ag: Aggravation, date: string, lang: Lang, opts: { notes?: boolean } = {}): string {
  const t = T(lang);
  const c = colon(lang);
  const now = at(ag.values, date) ?? null;
  const out = [`${ag.article} — ${ag.label[lang]} (${t.generalAggravation})`, t.aggravationEffect({ key: ag.key, table: rules.aggravations.steps.article }), ''];
  if (!now) out.push(`${t.inForceOn({ date })}${c}${t.notInForce}`);
  else {
    out.push(`${t.inForceOn({ date })}${c}${now.appliesTo ? `${t.reaches} ${now.appliesTo.join(', ')}` : t.reachesAll}`);
    if (ag.excludes.length) out.push(`  ${t.excludes}${c}${ag.excludes.join(', ')}`);
    if (now.alreadyAggravated) out.push(`  ${t.alreadyAggravated} ${now.alreadyAggravated.label[lang]}${c}${now.alreadyAggravated.refs.join(', ')}`);
    if (now.condition) out.push(`  ${t.condition}${c}${now.condition[lang]}`);
    if (now.safetyPeriod) out.push(`  ${t.safetyBy}${c}${now.safetyPeriod}`);
  }
  out.push('', t.versions);
  for (const ver of ag.values) {
    out.push(`  ${formatDate(ver.from, lang)} → ${ver.to ? formatDate(ver.to, lang) : '…'}  ${ver.amendedBy}  [${ver.status}]${now === ver ? t.inForceMark : ''}`);
    if (ver.note && opts.notes) out.push(`      ${t.note}${c}${ver.note}`);
    for (const src of ver.sources) out.push(`      ${src}`);
  }
  return out.join('\n') + '\n';
}

/** When a dated item is in the text: `show` describes the provision, an item may be younger. */
function itemText(i: Item, lang: Lang): string {
  if (typeof i === 'string' || (!i.from && !i.to)) return itemSub(i);
  const t = T(lang);
  const then = i.renumberedAs ?? i.movedTo;
  const period = [i.from && t.itemFrom({ date: i.from }), i.to && `${t.itemUntil({ date: i.to })}${then ? ` (${t.itemThen} ${then})` : ''}`].filter(Boolean).join(' ');
  return `${i.sub} (${period}${i.adultAuthor ? `, ${t.adultAuthorItem}` : ''})`;
}

export function formatProvision(rules: Rules, p: Provision, date: string, lang: Lang, opts: { notes?: boolean; items?: readonly Item[] } = {}): string {
  const t = T(lang);
  const c = colon(lang);
  const v = describeProvision(rules, p, date);
  // A subdivision asked for (presse 24 al. 6) is named first, with its own label and dates, then its provision.
  const asked = (opts.items ?? []).filter((i): i is Exclude<Item, string> => typeof i !== 'string' && i.label !== undefined);
  const out: string[] = [...asked.map((i) => `${p.article} ${itemText(i, lang)} — ${i.label![lang]}`), ...(asked.length ? [''] : []), `${p.ref} — ${p.label[lang]}`];
  const art = rules.articles.get(p.article);
  if (art && art.refs.length > 1) out.push(`${t.article} ${p.article}${c}${art.label[lang]} (${art.refs.join(', ')})`);
  if (p.rule) out.push(`${t.ruleLabel}${c}${p.rule[lang]}${p.appliesTo?.length ? ` (${p.appliesTo.join(', ')})` : ''}`);
  if (p.items?.length) out.push(`${t.items}${c}${p.items.map((i) => itemText(i, lang)).join(', ')}`);
  if (v.aliases.length) out.push(`${t.aliases}${c}${v.aliases.join(', ')}`);
  if (p.circumstances?.length) out.push(`${t.circumstances}${c}${p.circumstances.join(', ')}`);
  const status = v.kind !== 'rule' && !v.version ? notInForceText(rules, p, date, lang) : penaltyText(v, lang);
  out.push('', `${t.inForceOn({ date })}${c}${status}${v.nature ? ` (${natureLabel(v.nature, lang)})` : ''}`);
  for (const tier of v.tiers ?? []) out.push(`  - ${tier.label?.[lang] ?? ''}${c}${tier.predicatePenalty ? t.predicatePenalty : formatPenalty(tier.prison, tier.fine, lang) ?? '—'}`);
  out.push('', t.versions);
  for (const ver of p.versions) {
    out.push(`  ${formatDate(ver.from, lang)} → ${ver.to ? formatDate(ver.to, lang) : '…'}  ${ver.amendedBy}  [${ver.status}]${v.version === ver ? t.inForceMark : ''}`);
    if (ver.attempt) out.push(`      ${t.attemptLine({ punishable: ver.attempt.punishable, article: ver.attempt.article })}`);
    if (ver.recidiveExcluded) out.push(`      ${t.recidiveExcludedLine({ articles: ver.recidiveExcluded.join(', ') })}`);
    if (ver.adultAuthor) out.push(`      ${t.adultAuthorLine}`);
    if (ver.recidiveForm) out.push(`      ${t.recidiveFormLine({ ref: ver.recidiveForm })}`);
    if (ver.ownRecidive) out.push(`      ${t.ownRecidiveLine}`);
    if (ver.notice) out.push(`      ${t.noticeLine}${c}${ver.notice[lang]}`);
    if (ver.note && opts.notes) out.push(`      ${t.note}${c}${ver.note}`);
    for (const src of ver.sources) out.push(`      ${src}`);
  }
  if (p.repealed) out.push('', t.repealedOn({ date: p.repealed.from, by: p.repealed.by }));
  return out.join('\n') + '\n';
}
