// The minors' rules, on the offender's age on each date of facts (CJPM L13-2): under 13, no penalty (CJPM L11-4;
// before 30 Sept 2021, ordonnance du 2 février 1945 art. 2); 13 to 17, the excuse de minorité halves the custodial
// maximum, replaces life by a term, halves the fine within a cap (CJPM L121-5, L121-6; ord. 1945 art. 20-2, 20-3);
// from 16 the court may set it aside (L121-7; ord. 1945 art. 20-2 al. 2), and the maxima are then the adult's, life
// replaced by 30 years where the text says so. A minor is never under a période de sûreté of right. Every figure is
// data (rules/general/minors.json), dated; a milder later version applies (112-1 al. 3).
import type { Decimal } from 'decimal.js';
import type { PrisonOut } from '../contract.js';
import type { MinorsVersion, Version } from '../model.js';
import { ageOn, at, during } from '../dates.js';
import { draft } from '../errors.js';
import { moneyOf } from '../money.js';
import { param } from '../params.js';
import { compareFine, comparePrison } from '../penalty.js';
import { reducePrison } from './reduce.js';
import type { CaseCtx, ChargeModule, ChargeState, Penalty } from './types.js';

type Figures = { prison: PrisonOut | null; fine: Decimal | null };

/** The contravention class of a fine, from the 131-13 amounts (a class-5 fine raised in récidive stays class 5). */
function contraventionClass(c: CaseCtx, fine: Decimal, date: string): number {
  const classes = param(c.rules, 'contraventionClassFines', date)?.value;
  for (let k = 1; k <= 5 && classes; k++) if (fine.lte(moneyOf(classes[String(k) as '1']))) return k;
  return 5;
}

/** The excused maxima under one version of the minors' rules; what to say about them goes to `notes`. */
function excused(s: ChargeState, c: CaseCtx, v: MinorsVersion, p: Penalty, notes: Set<string>): Figures {
  let prison = p.prison;
  if (prison) {
    const r = reducePrison(prison, { remaining: v.custody.remaining, lifeTo: v.custody.lifeTo });
    if (prison.life && !v.custody.lifeKinds.includes(prison.kind)) notes.add('W_MINOR_LIFE_ANALOGY');
    if (r.rounded) notes.add('W_ROUNDED_DOWN');
    prison = r.prison;
  }
  let fine = p.fine;
  if (fine) {
    if (s.nature === 'contravention' && !v.fine.contraventionClasses.includes(contraventionClass(c, fine, s.date))) notes.add('W_MINOR_CONTRAVENTION_NOT_REDUCED');
    else {
      const [num, den] = v.fine.remaining.split('/').map(Number) as [number, number];
      const share = fine.times(num).dividedBy(den), cap = moneyOf(v.fine.cap);
      fine = share.gt(cap) ? cap : share;
    }
  }
  return { prison, fine };
}

/** The maxima once the excuse is set aside: the adult's, life replaced where the version says so. */
function setAside(v: MinorsVersion, p: Penalty): Figures {
  const life = p.prison?.life && v.setAside?.lifeTo != null;
  return { prison: life ? { kind: p.prison!.kind, months: v.setAside!.lifeTo!, life: false } : p.prison, fine: p.fine };
}

/** The mildest figures of several versions, penalty by penalty (112-1 al. 3), with the version each comes from. */
function mildest(list: { v: MinorsVersion; f: Figures }[]): { prison: { v: MinorsVersion; f: Figures }; fine: { v: MinorsVersion; f: Figures } } {
  let prison = list[0]!, fine = list[0]!;
  for (const x of list) {
    if (comparePrison(x.f.prison, prison.f.prison) < 0) prison = x;
    if (compareFine(x.f.fine, fine.f.fine) < 0) fine = x;
  }
  return { prison, fine };
}

function excuse(s: ChargeState, c: CaseCtx, age: number, versions: MinorsVersion[]): void {
  const before = s.penalty;
  // What to say about each version's figures; only the versions whose figures apply are said.
  const said = new Map<MinorsVersion, Set<string>>();
  const m = mildest(versions.map((v) => { const n = new Set<string>(); said.set(v, n); return { v, f: excused(s, c, v, before, n) }; }));
  const notes = new Set<string>();
  for (const k of said.get(m.prison.v)!) if (k !== 'W_MINOR_CONTRAVENTION_NOT_REDUCED') notes.add(k);
  if (said.get(m.fine.v)!.has('W_MINOR_CONTRAVENTION_NOT_REDUCED')) notes.add('W_MINOR_CONTRAVENTION_NOT_REDUCED');
  const main = before.prison ? m.prison.v : m.fine.v;
  // An excuse that reduces nothing (a contravention fine the ordonnance of 1945 leaves whole) has nothing to set aside.
  const reduces = comparePrison(before.prison, m.prison.f.prison) !== 0 || compareFine(before.fine, m.fine.f.fine) !== 0;
  const excludable = reduces && versions.every((v) => v.setAside !== null && age >= v.setAside.fromAge);
  s.minority = { age, article: before.prison ? main.custody.article : main.fine.article, excludable };
  s.penalty = { ...before, prison: m.prison.f.prison, fine: m.fine.f.fine };
  s.steps?.push({ rule: main.custody.article, code: 'MINOR_EXCUSE', params: { age, prisonArticle: m.prison.v.custody.article, fineArticle: m.fine.v.fine.article, before: before.prison, after: s.penalty.prison, beforeFine: before.fine?.toFixed() ?? null, afterFine: s.penalty.fine?.toFixed() ?? null, cap: m.fine.v.fine.cap } });
  // The maxima once the excuse is set aside, worked out once: the result and the flags below both use them.
  const w = excludable ? mildest(versions.map((v) => ({ v, f: setAside(v, before) }))) : null;
  if (w) {
    s.withoutExcuse = { prison: w.prison.f.prison, fine: w.fine.f.fine };
    s.steps?.push({ rule: w.prison.v.setAside!.article, code: 'MINOR_EXCLUDABLE', params: { age, article: w.prison.v.setAside!.article, prison: s.withoutExcuse.prison, fine: s.withoutExcuse.fine?.toFixed() ?? null } });
  }
  // Fines of contraventions add up (132-7): whether the cap holds for each or for their sum is open (the README says so).
  if (s.nature === 'contravention' && s.penalty.fine && !notes.has('W_MINOR_CONTRAVENTION_NOT_REDUCED')) c.warnings.push({ code: 'NOTE', ref: null, status: 'unconfirmed', key: 'W_MINOR_FINE_CAP', params: { cap: m.fine.v.fine.cap, article: m.fine.v.fine.article } });
  if (s.recidive) c.warnings.push({ code: 'NOTE', ref: s.ref, status: 'unconfirmed', key: 'W_MINOR_RECIDIVE', params: { ref: s.ref, article: main.custody.article } });
  for (const key of notes) c.warnings.push({ code: 'NOTE', ref: s.ref, status: 'unconfirmed', key, params: { ref: s.ref, article: key === 'W_MINOR_CONTRAVENTION_NOT_REDUCED' ? m.fine.v.fine.article : m.prison.v.custody.article } });
  const safety = m.prison.v.safetyPeriod;
  if (s.safety && !safety.applies) { s.safety = false; s.steps?.push({ rule: safety.article, code: 'MINOR_NO_SAFETY', params: { article: safety.article } }); }
  // Flagged: the versions whose figures apply (custody, fine, and the custody once the excuse is set aside).
  const used = new Set<MinorsVersion>();
  if (before.prison) used.add(m.prison.v);
  if (before.fine) used.add(m.fine.v);
  if (w && before.prison) used.add(w.prison.v);
  for (const v of used) unverified(s, c, v);
}

function unverified(s: ChargeState, c: CaseCtx, v: MinorsVersion): void {
  if (v.status !== 'text') c.warnings.push({ code: 'UNVERIFIED', ref: v.custody.article, status: v.status, key: 'W_GENERAL_UNVERIFIED', params: { ref: s.ref, rule: v.amendedBy, from: v.from, status: v.status } });
}

/** The text applied punishes only an adult ("pour un majeur", "par un majeur agissant avec l'aide d'un mineur"). */
function adultOnly(s: ChargeState): boolean {
  return s.v0?.adultAuthor === true || (s.items ?? []).some((i) => typeof i !== 'string' && i.adultAuthor === true);
}

/**
 * A later version in force before the judgment that punishes only an adult (227-27 since loi n° 2021-478): for a
 * minor author that law no longer punishes the facts, and being milder it applies to them (112-1 al. 3).
 */
function adultOnlyLater(s: ChargeState): Version | null {
  return s.chain.find((x) => x.v !== s.v0 && x.v.adultAuthor === true)?.v ?? null;
}

export const minority: ChargeModule = {
  id: 'L121-5',
  cites: 'Code de la justice pénale des mineurs, art. L11-4, L13-2, L121-5 à L121-7 ; avant le 30 septembre 2021, ordonnance n° 45-174 du 2 février 1945, art. 2, 20-2 et 20-3',
  rule: {
    fr: "Un texte qui ne punit qu'un majeur ne s'applique pas à un mineur. Sous l'âge minimal que fixe la loi, aucune peine ; au-delà et jusqu'à la majorité, l'excuse de minorité réduit les peines encourues (la perpétuité devient une peine à temps, l'amende est plafonnée) ; à partir de l'âge que fixe la loi, le juge peut l'écarter.",
    en: 'A text that punishes only an adult does not apply to a minor. Under the minimum age the law sets, no penalty; above it and until majority, the minors\' excuse reduces the maxima (life becomes a fixed term, the fine is capped); from the age the law sets, the court may set it aside.',
  },
  reads: ['offender.birthDate'],
  params: ['contraventionClassFines'],
  /** A legal person has no age: a birth date with it is an error. */
  prepare(c) {
    return c.birthDate !== null && c.legal ? draft('INVALID_CASE', 'offender.birthDate', 'E_BIRTH_LEGAL') : null;
  },
  apply(s, c) {
    if (c.birthDate === null) return;
    if (s.date < c.birthDate) { s.error = draft('INVALID_CASE', 'offender.birthDate', 'E_BORN_AFTER_FACTS', { birth: c.birthDate, date: s.date }); return; }
    const age = ageOn(c.birthDate, s.date);
    const v0 = at(c.rules.minors.versions, s.date);
    if (!v0) { c.warnings.push({ code: 'NOT_COMPUTED', ref: s.ref, key: 'W_MINORS_NO_DATA', params: { ref: s.ref } }); return; }
    if (age >= v0.adultAge) return;
    if (adultOnly(s)) {
      s.steps?.push({ rule: s.provision.article, code: 'AUTHOR_NOT_ADULT', params: { age, ref: s.ref } });
      // The ordinary offence the same facts may fall under, when the data names it: said, so "not punishable" is not read as impunity.
      const instead = s.v0?.adultAuthorElse;
      if (instead) c.warnings.push({ code: 'NOTE', ref: s.ref, key: 'W_ADULT_ONLY_INSTEAD', params: { ref: s.ref, age, instead } });
      s.stop = 'AUTHOR_NOT_ADULT';
      return;
    }
    const later = adultOnlyLater(s);
    if (later) {
      s.steps?.push({ rule: '112-1', code: 'AUTHOR_NOT_ADULT_LATER', params: { age, ref: s.ref, from: later.from } });
      c.warnings.push({ code: 'NOTE', ref: s.ref, key: 'W_AUTHOR_NOT_ADULT_LATER', params: { age, ref: s.ref, from: later.from } });
      s.stop = 'AUTHOR_NOT_ADULT';
      return;
    }
    const versions = during(c.rules.minors.versions, s.date, c.judgment);
    const bar = versions.find((v) => age < v.noPenalty.belowAge);
    if (bar) {
      s.minority = { age, article: bar.noPenalty.article, excludable: false };
      s.steps?.push({ rule: bar.noPenalty.article, code: 'MINOR_UNDER_13', params: { age, article: bar.noPenalty.article, below: bar.noPenalty.belowAge } });
      unverified(s, c, bar);
      s.stop = 'MINOR_UNDER_13';
      return;
    }
    excuse(s, c, age, versions);
  },
};
