// Code pénal, art. 112-1: the law in time. Al. 1-2: only facts punishable when committed are punished, with the
// penalties then in force. Al. 3: a later, milder law applies to facts not yet finally judged, including a law that
// no longer punishes them.
import type { Decimal } from 'decimal.js';
import type { Item, IsoDate, Label, Provision, Rules, Version } from '../model.js';
import { aggravationNamed, continuedByOf } from '../model.js';
import type { Steps } from '../steps.js';
import type { Reason } from '../contract.js';
import { at } from '../dates.js';
import { refOn } from '../refs.js';
import { itemsMovedTo, predecessorsOf } from '../dependencies.js';
import { compareFine, comparePrison } from '../penalty.js';
import { classify } from './classify.js';
import { attemptPunishable } from './attempt.js';
import { specialPenalty, type AmountUse } from './special.js';
import { legalPersonFine } from './legal-person.js';
import { aggravatedPrison } from './aggravations.js';
import { param } from '../params.js';
import type { CaseCtx, ChargeModule, ChargeState, Penalty, WarningDraft } from './types.js';

/**
 * A subdivision whose every listing is dated: one added to the text later (e.g. an aggravating item) does not reach
 * earlier facts; one that left the text before judgment no longer applies, unless it was only renumbered or its
 * conduct moved to another text (then the offence continues).
 */
function itemNotInForce(items: Item[] | undefined, date: IsoDate, judgment: IsoDate, ref: string, versions: readonly Version[], steps: Steps, warnings: WarningDraft[], continued: boolean): Reason | null {
  if (!items || items.length === 0) return null;
  for (const i of items) if (typeof i === 'string' || (i.from === undefined && (i.to ?? null) === null)) return null;
  const dated = items as Exclude<Item, string>[];
  const found = dated.find((i) => (i.from ?? '0000') <= date && (i.to == null || date < i.to));
  if (!found) {
    // Before the number's first meaning: not yet in force; after a meaning that is gone (even if the number gets
    // another later, 311-4 5° in 2011-2020): repealed, with a note saying where its conduct went.
    const first = dated.reduce((a, b) => ((a.from ?? '') < (b.from ?? '') ? a : b));
    if (date < (first.from ?? '')) {
      // The text that added the item: its own, or the provision's version that starts that day; never an older one.
      const amendedBy = first.amendedBy ?? versions.find((v) => v.from === first.from)?.amendedBy ?? null;
      steps?.push({ rule: '112-1', code: 'NOT_YET_IN_FORCE', params: { ref, date, from: first.from, amendedBy } });
      return 'NOT_YET_IN_FORCE';
    }
    steps?.push({ rule: '112-1', code: 'REPEALED_BEFORE_FACTS', params: { ref, date, repealed: null } });
    return 'REPEALED_BEFORE_FACTS';
  }
  if (!found.to || found.to > judgment) return null;
  if (found.renumberedAs) { steps?.push({ rule: '112-1', code: 'ITEM_RENUMBERED', params: { ref, at: found.to, as: found.renumberedAs } }); return null; }
  // Its conduct punished from then by another provision (227-26's payment, by 225-12-2 in 2002): the chain goes on there.
  if (found.continuedBy) return null;
  if (found.movedTo) {
    steps?.push({ rule: '112-1', code: 'ITEM_MOVED', params: { ref, at: found.to, to: found.movedTo } });
    // When the provision is not itself continued, the later versions compared (al. 3) are its own: said.
    if (!continued) warnings.push({ code: 'NOTE', ref, key: 'W_ITEM_MOVED', params: { ref, at: found.to, to: found.movedTo } });
    return null;
  }
  steps?.push({ rule: '112-1', code: 'ABOLISHED', params: { ref, at: found.to, repealed: null, judgment } });
  return 'ABOLISHED';
}

/**
 * An item gone before the facts whose conduct went elsewhere (222-12 5° bis -> the general aggravation 132-76 in
 * 2017; a renumbering): the note says what to charge instead, so "not punishable" is not read as impunity.
 */
function itemGoneNote(s: ChargeState, c: CaseCtx): void {
  const gone = (s.items ?? []).filter((i): i is Exclude<Item, string> => typeof i !== 'string' && !!i.to && i.to <= s.date && !!(i.movedTo ?? i.renumberedAs));
  const last = gone.sort((a, b) => (a.to! < b.to! ? 1 : -1))[0];
  if (!last) return;
  const to = (last.movedTo ?? last.renumberedAs)!;
  // The number may carry another meaning later (313-2 5°: organised gang until 2004, public bodies from 2013): said.
  const later = (s.items ?? []).find((i): i is Exclude<Item, string> => typeof i !== 'string' && !!i.from && i.from > s.date);
  c.warnings.push({ code: 'NOTE', ref: s.ref, key: 'W_ITEM_GONE_SEE', params: { ref: s.ref, at: last.to, to, aggravation: aggravationNamed(c.rules, to) !== undefined, renumbered: !last.movedTo, laterFrom: later?.from ?? null } });
}

/**
 * An item charged for facts before it existed, whose conduct an item of another text punished then (311-5 2° was
 * 311-4 5° until 2011): the note names that one, so the facts are charged under it rather than read as unpunished.
 */
function formerlyItem(s: ChargeState, c: CaseCtx): void {
  const before = itemsMovedTo(c.rules, s.ref, s.ref);
  const first = (s.items ?? []).find((i): i is Exclude<Item, string> => typeof i !== 'string' && i.from !== undefined);
  if (before.length && first) c.warnings.push({ code: 'NOTE', ref: s.ref, key: 'W_FORMERLY_ITEM', params: { ref: s.ref, from: first.from, by: before.join(', ') } });
}

/** Whether every listing of the subdivisions charged starts after the date. */
const addedLater = (items: Item[] | undefined, date: IsoDate): boolean => !!items?.length && items.every((i) => typeof i !== 'string' && i.from !== undefined && date < i.from);

/** 112-1 al. 1 and 2: the text in force on the date of the facts; al. 3: the later ones in force before judgment. */
export const inForce: ChargeModule = {
  id: '112-1',
  cites: 'Code pénal, art. 112-1 al. 1 et 2',
  rule: {
    fr: 'Seuls sont punissables les faits constituant une infraction à la date où ils ont été commis, des peines alors applicables ; une abrogation avant le jugement les rend non punissables.',
    en: 'Only facts that were an offence when committed are punishable, by the penalties then in force; a repeal before judgment makes them unpunishable.',
  },
  reads: [],
  params: [],
  apply(s, c) {
    const { ref, date, steps } = s;
    let provision = s.provision;
    let v0 = at(provision.versions, date);
    // A subdivision added after the facts (a new offence in an existing article) had no predecessor to answer for it.
    if (!v0 && addedLater(s.items, date)) { s.stop = itemNotInForce(s.items, date, c.judgment, ref, provision.versions, steps, c.warnings, false); formerlyItem(s, c); return; }
    const before = v0 ? null : predecessor(c, provision, date);
    if (before) {
      c.warnings.push({ code: 'NOTE', ref, key: 'W_FORMERLY', params: { ref, from: provision.versions[0]!.from, by: before.provision.ref } });
      s.provision = provision = before.provision;
      v0 = before.v;
    }
    if (!v0) {
      const first = provision.versions[0]!;
      if (date < first.from && lawNotHeld(s, c, provision, first.from)) {
        s.stop = 'LAW_NOT_HELD';
      } else if (date < first.from) {
        steps?.push({ rule: '112-1', code: 'NOT_YET_IN_FORCE', params: { ref, date, from: first.from, amendedBy: first.amendedBy } });
        // Conduct an item of another text punished before it moved here (presse 24 al. 6 -> 421-2-5): say where.
        const before = itemsMovedTo(c.rules, provision.ref, provision.article);
        if (before.length) c.warnings.push({ code: 'NOTE', ref, key: 'W_FORMERLY_ITEM', params: { ref, from: first.from, by: before.join(', ') } });
        // A tier added later (an aggravated alinéa): the article's other tiers then in force may fit the facts.
        const others = (c.rules.articles.get(provision.article)?.refs ?? []).filter((r) => r !== provision.ref).map((r) => c.rules.provisions.get(r)!);
        const tiers = others.filter((p) => at(p.versions, date)?.penalty).map((p) => p.ref);
        if (!before.length && tiers.length) c.warnings.push({ code: 'NOTE', ref, key: 'W_OTHER_TIERS', params: { ref, from: first.from, tiers: tiers.join(', ') } });
        // No tier then, but the former text another tier continues (223-15-2 al. 1 <- 313-4 before 2001): named.
        const formerly = tiers.length || before.length ? [] : [...new Set(others.flatMap((p) => predecessor(c, p, date)?.provision.ref ?? []))];
        if (formerly.length) c.warnings.push({ code: 'NOTE', ref, key: 'W_OTHER_TIERS_FORMERLY', params: { ref, from: first.from, tiers: formerly.join(', ') } });
        s.stop = 'NOT_YET_IN_FORCE';
      } else {
        steps?.push({ rule: '112-1', code: 'REPEALED_BEFORE_FACTS', params: { ref, date, repealed: provision.repealed ?? null } });
        // The conduct is punished by another provision since: the charge should name it.
        const by = continuedByOf(provision).join(', ') || provision.repealed?.movedTo;
        if (by) c.warnings.push({ code: 'NOTE', ref, key: 'W_REPEALED_SEE', params: { ref, at: provision.repealed!.from, by } });
        s.stop = 'REPEALED_BEFORE_FACTS';
      }
      return;
    }
    s.stop = itemNotInForce(s.items, date, c.judgment, ref, provision.versions, steps, c.warnings, continuedByOf(provision).length > 0);
    if (s.stop === 'REPEALED_BEFORE_FACTS') itemGoneNote(s, c);
    if (s.stop === 'NOT_YET_IN_FORCE') formerlyItem(s, c);
    if (s.stop) return;
    s.v0 = v0;
    steps?.push({ rule: '112-1', code: 'VERSION_AT_FACTS', params: { ref, date, from: v0.from, to: v0.to, amendedBy: v0.amendedBy, status: v0.status } });
    s.chain = [{ v: v0, provision }];
    s.stop = laterVersions(s, c, provision, v0);
  },
};

/**
 * Facts before a provision's first version, when the law of that date is not in the data: before the date the data
 * holds the code from (the former Code pénal before 1994), or before a recodification whose former article is
 * missing (`formerly`, or a predecessor held only from a later date). Said as such, never as "not punishable".
 */
function lawNotHeld(s: ChargeState, c: CaseCtx, provision: Provision, from: IsoDate): boolean {
  const held = notHeldOn(c.rules, provision, s.date);
  if (!held) return false;
  const { before, heldFrom, formerly } = held;
  s.steps?.push({ rule: '112-1', code: 'LAW_NOT_HELD', params: { ref: s.ref, date: s.date, from, heldFrom: before ? heldFrom : null } });
  c.warnings.push({ code: 'NOTE', ref: s.ref, key: 'W_LAW_NOT_HELD', params: { ref: s.ref, from, heldFrom: before ? heldFrom : null, code: c.rules.codes.find((k) => k.id === provision.code)?.label[c.lang] ?? provision.code, formerly: formerly ? formerly[c.lang] : null } });
  return true;
}

/**
 * Whether the law of a date before a provision's first version is missing from the data (rather than the conduct
 * unpunished then): before the code is held, or the provision names a former text, or it replaced none the data holds.
 */
export function notHeldOn(rules: Rules, provision: Provision, date: IsoDate): { before: boolean; heldFrom: IsoDate | undefined; formerly: Label | null | undefined } | null {
  const heldFrom = rules.codes.find((k) => k.id === provision.code)?.heldFrom;
  const before = heldFrom !== undefined && date < heldFrom;
  const formerly = provision.formerly ?? (predecessorsOf(rules, provision.ref).length ? null : undefined);
  return before || formerly !== undefined ? { before, heldFrom, formerly } : null;
}

/**
 * The versions in force after the facts and before judgment: the provision's own, then, if it was repealed and
 * continued by another provision, that one's from the day of the repeal. A repeal with no continuation abolishes.
 */
function laterVersions(s: ChargeState, c: CaseCtx, first: Provision, v0: Version): Reason | null {
  let provision = first;
  // Said once the chain is known: a continuation later repealed without successor abolishes after all.
  const continued: WarningDraft[] = [];
  for (let cur = v0; cur.to !== null && cur.to <= c.judgment;) {
    const byItem = provision === first ? itemContinuation(s, c, cur.to) : null;
    let next = byItem ? undefined : provision.versions.find((v) => v.from === cur.to);
    const successor = byItem ?? (next ? null : continuation(c, provision, cur.to, s.ref));
    if (successor) {
      const gone = byItem ? s.ref : provision.ref;
      s.steps?.push({ rule: '112-1', code: 'CONTINUED_BY', params: { ref: gone, at: cur.to, by: successor.provision.ref, repealed: byItem ? null : provision.repealed ?? null } });
      continued.push({ code: 'NOTE', ref: s.ref, key: 'W_CONTINUED_BY', params: { ref: gone, at: cur.to, by: successor.provision.ref } });
      provision = successor.provision;
      next = successor.v;
    }
    if (next?.otherConduct) {
      // The number now punishes another conduct: the facts' offence goes on elsewhere, not in these versions.
      s.steps?.push({ rule: '112-1', code: 'CONDUCT_MOVED', params: { ref: provision.ref, at: cur.to, to: next.otherConduct.movedTo } });
      c.warnings.push(...continued, { code: 'NOTE', ref: s.ref, key: 'W_CONDUCT_MOVED', params: { ref: provision.ref, at: cur.to, to: next.otherConduct.movedTo } });
      return null;
    }
    const movedTo = provision.repealed?.from === cur.to ? provision.repealed.movedTo : undefined;
    if (!next && movedTo) {
      // Repealed, its conduct punished since by other texts together: the offence continues (not abolished).
      s.steps?.push({ rule: '112-1', code: 'PROVISION_MOVED', params: { ref: provision.ref, at: cur.to, to: movedTo } });
      c.warnings.push(...continued, { code: 'NOTE', ref: s.ref, key: 'W_PROVISION_MOVED', params: { ref: provision.ref, at: cur.to, to: movedTo } });
      return null;
    }
    if (!next) {
      s.steps?.push({ rule: '112-1', code: 'ABOLISHED', params: { ref: s.ref, at: cur.to, repealed: provision.repealed ?? null, judgment: c.judgment } });
      for (const w of continued) c.warnings.push({ ...w, key: 'W_CONTINUED_THEN_ABOLISHED', params: { ...w.params, end: cur.to, last: provision.ref } });
      return 'ABOLISHED';
    }
    s.chain.push({ v: next, provision });
    cur = next;
  }
  c.warnings.push(...continued);
  return null;
}

/**
 * For facts before a provision existed: the provision it replaced (one whose repeal says it is continued by this
 * one), when that one was in force on the date of the facts. The charge is then judged under it.
 */
export function predecessor(c: Pick<CaseCtx, 'rules'>, provision: Provision, date: IsoDate, depth = 0): { provision: Provision; v: Version } | null {
  for (const p of predecessorsOf(c.rules, provision.ref)) {
    const v = at(p.versions, date);
    if (v) return { provision: p, v };
  }
  // A provision that punished this conduct among others until a given day (formerlyUnder), and goes on.
  for (const f of provision.formerlyUnder ?? []) {
    const p = date < f.until ? c.rules.provisions.get(f.ref) : undefined;
    const v = p && at(p.versions, date);
    if (p && v) return { provision: p, v };
  }
  // Two recodifications in a row (CESEDA L823-1 <- L622-1 <- ord. 45-2658 art. 21): the one before, and so on.
  if (depth < 4) {
    for (const p of predecessorsOf(c.rules, provision.ref)) {
      const older = predecessor(c, p, date, depth + 1);
      if (older) return older;
    }
  }
  return null;
}

/**
 * The provision that takes over the conduct of the item charged when that item leaves the text (an aggravating
 * circumstance removed, its conduct punished from that day by another provision), with its version then.
 */
function itemContinuation(s: ChargeState, c: CaseCtx, day: IsoDate): { provision: Provision; v: Version } | null {
  const item = (s.items ?? []).find((i): i is Exclude<Item, string> => typeof i !== 'string' && i.to === day && !!i.continuedBy && (i.from ?? '0000') <= s.date);
  const next = item ? c.rules.provisions.get(item.continuedBy!) : undefined;
  const v = next ? at(next.versions, day) : undefined;
  return next && v ? { provision: next, v } : null;
}

/**
 * The provision that continues a repealed one on the day of its repeal, with its version then in force: of several
 * (a split recodification), the one charged, else the first the data lists.
 */
function continuation(c: CaseCtx, provision: Provision, day: IsoDate, charged: string): { provision: Provision; v: Version } | null {
  const list = continuedByOf(provision);
  if (!list.length || provision.repealed!.from !== day) return null;
  const by = list.includes(charged) ? charged : list[0]!;
  const next = c.rules.provisions.get(by);
  const v = next ? at(next.versions, day) : undefined;
  return next && v ? { provision: next, v } : null;
}

interface Candidate { v: Version; provision: Provision; penalty: Penalty; versions: Version[]; notes: WarningDraft[]; amountUse: AmountUse }

/**
 * What the fine applied made of `amount`, when the user should know: a proportional part the case could raise the
 * fine to, or an amount the applied version has no use for (an amount given is never dropped without a word).
 */
function amountNotes(s: ChargeState, c: CaseCtx, use: AmountUse): void {
  if (use.kind === 'missing' && !use.required) c.warnings.push({ code: 'NOTE', ref: s.ref, key: 'W_FINE_CAN_RISE', params: { ref: s.ref, ratio: use.ratio, base: use.base, article: use.article } });
  else if (use.kind === 'none' && s.charge.amount !== undefined) c.warnings.push({ code: 'NOTE', ref: s.ref, key: 'W_AMOUNT_UNUSED', params: { ref: s.ref, amount: s.charge.amount } });
  else if (use.kind === 'replaced' && use.proportional) c.warnings.push({ code: 'NOTE', ref: s.ref, key: 'W_PREDICATE_FINE_CAN_RISE', params: { ref: s.ref, predicate: use.predicate, ...use.proportional } });
}

/** What a text says of a legal person's proportional fine that quantum cannot compute (CMF L465-3-5 I: 15 % of turnover). */
function legalPersonNotice(s: ChargeState, c: CaseCtx, versions: readonly Version[]): void {
  for (const v of versions) {
    const fine = v.penalty && 'fine' in v.penalty ? v.penalty.fine : null;
    const notice = fine && 'proportional' in fine ? fine.proportional?.legalPersons?.notice : undefined;
    if (notice) { c.warnings.push({ code: 'NOTE', ref: s.ref, key: 'W_NOTICE', params: { ref: s.ref, text: notice[c.lang] } }); return; }
  }
}

/**
 * The fine the milder-law rule compares: the natural person's, or, for a legal person when a version keeps a
 * proportional part out of 131-38's multiple (CMF L465-3-5 I), the legal person's under each version.
 */
function comparableFine(s: ChargeState, c: CaseCtx, candidates: Candidate[]): (x: Candidate) => Decimal | null {
  const m = c.legal && candidates.some((x) => x.penalty.shareNotMultiplied) ? param(c.rules, 'legalPersonFineMultiplier', s.date) : undefined;
  return m ? (x) => legalPersonFine(x.penalty, m.value) : (x) => x.penalty.fine;
}

/**
 * One version's penalty for this charge, with what the result must say about it; null when the charge stops;
 * 'skip' for a later version that no longer names the predicate because its conduct moved to another text.
 */
function candidate(s: ChargeState, c: CaseCtx, { v, provision }: { v: Version; provision: Provision }, later: boolean, predicate: string | undefined): Candidate | 'skip' | null {
  // A later version is read as of its own first day: the texts it refers to (another article's penalties, a
  // contravention class) are those then in force.
  const day = later && v.from > s.date ? v.from : s.date;
  const out = specialPenalty(c.rules, provision, v, { ref: s.ref, path: s.path, amount: s.charge.amount, predicate }, day, s.steps !== null);
  if (!out.ok && 'error' in out) { s.error = out.error; return null; }
  if (later) s.steps?.push({ rule: '112-1', code: 'LATER_VERSION', params: { from: v.from, amendedBy: v.amendedBy, status: v.status } });
  if (s.steps && out.steps) s.steps.push(...out.steps);
  if (!out.ok) {
    // The conduct still punished elsewhere since (227-28-3 in 2021): no abolition, so not a milder law; said.
    if ('movedTo' in out && out.movedTo) {
      c.warnings.push({ code: 'NOTE', ref: s.ref, key: 'W_PREDICATE_MOVED', params: { ref: s.ref, predicate: s.charge.predicate, from: v.from, to: out.movedTo.join(', '), later } });
      if (later) return 'skip';
    }
    if (later) s.steps?.push({ rule: '112-1', code: 'MILDER_NOT_PUNISHABLE', params: { from: v.from } });
    s.stop = out.reason;
    return null;
  }
  // A rule of law the data states in words (e.g. 434-31 for escape): said in the result, not applied.
  const notes: WarningDraft[] = [];
  // Named after the provision whose version it is (a later one may be another provision's, by continuation).
  const noticeRef = provision === s.provision ? s.ref : provision.ref;
  if (v.notice) notes.push({ code: 'NOTE', ref: s.ref, key: 'W_NOTICE', params: { ref: noticeRef, text: v.notice[c.lang] } });
  if (out.amountUse.kind === 'missing' && out.amountUse.required) notes.push({ code: 'NOT_COMPUTED', ref: s.ref, key: 'W_FINE_NEEDS_AMOUNT', params: { ref: s.ref } });
  if (out.fineSetAside) notes.push({ code: 'NOTE', ref: s.ref, key: 'W_HEAVIER_PREDICATE_FINE', params: { ref: s.ref, ...out.fineSetAside } });
  // 121-4: an attempt a version does not punish makes that version the milder law.
  if (s.charge.attempt) {
    // The class is that of the offence as aggravated: a 10-year délit that 132-76 raises to 15 years' réclusion is a
    // crime (111-1), whose attempt is always punished.
    const own = classify(c.rules, out.penalty, s.date);
    const nature = own === 'delit' && s.charge.aggravations?.length ? classify(c.rules, { ...out.penalty, nature: undefined, prison: aggravatedPrison(s, c, out.penalty) }, s.date) : own;
    if (!attemptPunishable(c.rules, nature, v, s.date)) {
      s.steps?.push({ rule: '121-4', code: 'ATTEMPT_NOT_PUNISHABLE', params: { nature, later, from: v.from } });
      s.stop = 'ATTEMPT_NOT_PUNISHABLE';
      return null;
    }
  }
  return { v, provision, penalty: out.penalty, versions: out.versions, notes, amountUse: out.amountUse };
}

/**
 * A version not read in the official text is flagged: as the source of a figure when its figures apply, as a
 * compared and refused later version (not milder) when they do not: the refusal rests on unverified figures too.
 */
function unverified(s: ChargeState, c: CaseCtx, cand: Candidate, used: boolean): void {
  for (const v of cand.versions) {
    if (v.status === 'text') continue;
    const ref = v === cand.v ? cand.provision.ref : cand.penalty.predicateRef ?? s.ref;
    // Another provision's version (the penalties it refers to, its predicate): said for which charge it was read.
    c.warnings.push({ code: 'UNVERIFIED', ref, status: v.status, key: used ? 'W_UNVERIFIED' : 'W_UNVERIFIED_COMPARED', params: { ref, from: v.from, status: v.status, charged: ref !== s.ref ? s.ref : null } });
  }
}

/** 112-1 al. 3, penalty by penalty: the mildest of the versions in force between facts and judgment. */
export const milderLaw: ChargeModule = {
  id: '112-1',
  cites: 'Code pénal, art. 112-1 al. 3',
  rule: {
    fr: "Une loi nouvelle plus douce s'applique aux faits non encore définitivement jugés : pour chaque peine, la version la moins sévère en vigueur entre les faits et le jugement.",
    en: 'A milder new law applies to facts not yet finally judged: for each penalty, the least severe version in force between the facts and the judgment.',
  },
  reads: ['charge.amount', 'charge.predicate', 'charge.attempt', 'charge.aggravations', 'offender.type'],
  // Each version's penalty: contravention classes (131-13), the class of a predicate (CPP 381), and whether the
  // attempt is punished under it (121-4).
  params: ['contraventionClassFines', 'delitFineThreshold', 'attemptRules', 'legalPersonFineMultiplier'],
  apply(s, c) {
    const candidates: Candidate[] = [];
    // The predicate as read on the date of the facts (one tier of a bare article then), the same for every version.
    const predicate = s.charge.predicate === undefined ? undefined : refOn(c.rules, s.charge.predicate, s.date);
    for (let k = 0; k < s.chain.length; k++) {
      const cand = candidate(s, c, s.chain[k]!, k > 0, predicate);
      if (!cand) return;
      if (cand !== 'skip') candidates.push(cand);
    }
    let prisonFrom = candidates[0]!, fineFrom = candidates[0]!;
    const fineOf = comparableFine(s, c, candidates);
    for (let k = 1; k < candidates.length; k++) {
      const x = candidates[k]!;
      if (comparePrison(x.penalty.prison, prisonFrom.penalty.prison) < 0) prisonFrom = x;
      if (compareFine(fineOf(x), fineOf(fineFrom)) < 0) fineFrom = x;
    }
    if (candidates.length > 1) {
      const changed = prisonFrom !== candidates[0] || fineFrom !== candidates[0];
      s.steps?.push({ rule: '112-1', code: 'MILDER_LAW', params: { prisonFrom: prisonFrom.v.from, fineFrom: fineFrom.v.from, prison: prisonFrom.penalty.prison, fine: fineFrom.penalty.fine?.toFixed() ?? null, changed } });
    }
    for (const cand of candidates) { unverified(s, c, cand, cand === prisonFrom || cand === fineFrom); c.warnings.push(...cand.notes); }
    amountNotes(s, c, fineFrom.amountUse);
    if (c.legal) legalPersonNotice(s, c, fineFrom.versions);
    s.prisonFrom = prisonFrom.v;
    s.fineFrom = fineFrom.v;
    s.fineNotComputed = fineFrom.amountUse.kind === 'missing' && fineFrom.amountUse.required;
    s.penalty = { prison: prisonFrom.penalty.prison, fine: fineFrom.penalty.fine, contraventionFine: fineFrom.penalty.contraventionFine, tier: prisonFrom.penalty.tier, predicateRef: prisonFrom.penalty.predicateRef, nature: fineFrom.penalty.nature, shareNotMultiplied: fineFrom.penalty.shareNotMultiplied };
  },
};
