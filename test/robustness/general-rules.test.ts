// Properties of the general rules that move a maximum (minors, repentis, clauses that escape the cap), on random
// cases from the real catalogue, and against the independent oracles of test/oracle.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, loadRules } from '../../src/index.js';
import type { Result } from '../../src/core/contract.js';
import { comparePrison } from '../../src/core/penalty.js';
import { oracleMinor, oracleTotal, oracleWithAdded } from '../oracle.js';

const rules = loadRules();
const today = '2026-11-29';
const standalone = [...rules.provisions.values()]
  .filter((p) => p.kind === 'offence' && p.versions.every((v) => v.penalty && !('byPredicate' in v.penalty) && !('heavierPredicate' in v.penalty && v.penalty.heavierPredicate?.required) && !('fine' in v.penalty && v.penalty.fine && 'proportional' in v.penalty.fine && !('amount' in v.penalty.fine))))
  .map((p) => p.ref);
const isoDate = (min: string, max: string) => fc.date({ min: new Date(min), max: new Date(max), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const run = (c: unknown): Result => {
  const r = evaluate(rules, c, { today, trace: false });
  if (!r.ok) throw new Error(`unexpected error: ${JSON.stringify(r.error)} for ${JSON.stringify(c)}`);
  return r;
};
const cents = (s: string | null) => (s === null ? null : BigInt(Math.round(Number(s) * 100)));
const NUM = { numRuns: 400 };

/** A case with its date of facts, an age at the facts (10 to 20), and charges. */
const minorCase = fc.record({
  date: isoDate('1994-03-01', today), age: fc.integer({ min: 10, max: 20 }), days: fc.integer({ min: 0, max: 364 }),
  charges: fc.array(fc.record({ ref: fc.constantFrom(...standalone), attempt: fc.boolean() }), { minLength: 1, maxLength: 4 }),
}).map(({ date, age, days, charges }) => {
  const birth = new Date(Date.parse(`${Number(date.slice(0, 4)) - age}${date.slice(4)}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
  return { adult: { date, judgmentDate: today, charges }, minor: { date, judgmentDate: today, offender: { birthDate: birth }, charges } };
});

describe('minors', () => {
  it("a minor's maximum never exceeds an adult's, nor does it once the excuse is set aside", () => {
    fc.assert(fc.property(minorCase, ({ adult, minor }) => {
      const a = run(adult), m = run(minor);
      m.charges.forEach((ch, i) => {
        const ad = a.charges[i]!;
        if (!ch.punishable) return;
        expect(comparePrison(ch.prison, ad.prison)).toBeLessThanOrEqual(0);
        if (ch.fine !== null) expect(cents(ch.fine)! <= cents(ad.fine)!).toBe(true);
        if (ch.withoutExcuse) expect(comparePrison(ch.withoutExcuse.prison, ad.prison)).toBeLessThanOrEqual(0);
        if (ch.withoutExcuse) expect(comparePrison(ch.prison, ch.withoutExcuse.prison)).toBeLessThanOrEqual(0);
      });
      expect(comparePrison(m.total.prison, a.total.prison)).toBeLessThanOrEqual(0);
    }), NUM);
  });

  it('agrees with an oracle of CJPM L121-5 to L121-7 for facts since 30 September 2021', () => {
    const since = minorCase.filter(({ adult }) => adult.date >= '2021-09-30');
    fc.assert(fc.property(since, ({ adult, minor }) => {
      const a = run(adult), m = run(minor);
      m.charges.forEach((ch, i) => {
        const ad = a.charges[i]!;
        if (!ch.minority || !ch.punishable || !ad.punishable) return;
        const o = oracleMinor(ad, ch.minority.age);
        expect(ch.prison ? (ch.prison.life ? null : ch.prison.months) : null).toBe(o.prisonMonths);
        // Contravention fines too: L121-6 names no court.
        expect(cents(ch.fine)).toBe(o.fineCents);
        expect(ch.withoutExcuse?.prison ? ch.withoutExcuse.prison.months : null).toBe(o.withoutExcuseMonths);
        expect(ch.safetyPeriod ?? false).toBe(false);
      });
    }), NUM);
  });

  it('an age under 13 on the date of facts gives no penalty at all, and 18 or more changes nothing', () => {
    fc.assert(fc.property(minorCase, ({ adult, minor }) => {
      const m = run(minor), a = run(adult);
      m.charges.forEach((ch, i) => {
        if (ch.minority && ch.minority.age < 13) expect(a.charges[i]!.punishable ? ch.reason : 'MINOR_UNDER_13').toBe('MINOR_UNDER_13');
        // A text that punishes only an adult (227-25 "pour un majeur") leaves a minor unpunishable under it; never an adult.
        if (ch.reason === 'AUTHOR_NOT_ADULT') expect(minor.offender.birthDate > `${Number(minor.date.slice(0, 4)) - 18}${minor.date.slice(4)}`).toBe(true);
        else if (!ch.minority) expect(JSON.stringify([ch.prison, ch.fine])).toBe(JSON.stringify([a.charges[i]!.prison, a.charges[i]!.fine]));
      });
    }), NUM);
  });
});

describe('repentis', () => {
  const refs = ['222-34', '222-35 al. 1', '222-36 al. 1', '222-37', '222-38 al. 1', '225-5', '225-7', '324-1', '311-3', '221-1', '221-5 al. 2', '222-1', '224-1 al. 1', '421-2-1', '432-11', '433-1', '434-27 al. 2'];
  const c = fc.record({ date: isoDate('1994-03-01', today), judgment: isoDate('1994-03-01', today), ref: fc.constantFrom(...refs), attempt: fc.boolean(), repentis: fc.constantFrom('exempt', 'reduced') })
    .map((x) => ({ date: x.date < x.judgment ? x.date : x.judgment, judgmentDate: x.date < x.judgment ? x.judgment : x.date, charges: [{ ref: x.ref, attempt: x.attempt, repentis: x.repentis }] }));
  it('never raises a maximum, never touches the fine, and an exemption leaves nothing', () => {
    fc.assert(fc.property(c, (k) => {
      const plain = { ...k, charges: [{ ref: k.charges[0]!.ref, attempt: k.charges[0]!.attempt }] };
      const with_ = run(k).charges[0]!, without = run(plain).charges[0]!;
      if (!without.punishable) return;
      if (!with_.punishable) { expect(with_.reason).toBe('REPENTIS_EXEMPT'); return; }
      expect(comparePrison(with_.prison, without.prison)).toBeLessThanOrEqual(0);
      expect(with_.fine).toBe(without.fine);
    }), NUM);
  });
});

describe('penalties that escape the cap', () => {
  const related = fc.constantFrom('311-3', '222-37', '311-4', '222-11', '221-1', 'R625-1', '225-5');
  const escape = fc.constantFrom('434-27 al. 2', '434-27 al. 3', '434-30 al. 1', '434-23 al. 1', '433-7 al. 1', '433-8 al. 2');
  const k = fc.record({ date: isoDate('1994-03-01', today), clause: escape, rel: related, other: fc.option(related, { nil: undefined }) })
    .map(({ date, clause, rel, other }) => ({ date, judgmentDate: today, charges: [{ ref: clause, relatedTo: [1] }, { ref: rel }, ...(other ? [{ ref: other }] : [])] }));
  it('the total never falls below the ordinary cap, never exceeds the sum, and agrees with the oracle', () => {
    fc.assert(fc.property(k, (c) => {
      const r = run(c);
      const ordinary = run({ ...c, charges: c.charges.map(({ ref }) => ({ ref })) });
      const o = oracleTotal(ordinary.charges as never);
      expect(comparePrison(r.total.prison, ordinary.total.prison)).toBeGreaterThanOrEqual(0);
      if (r.total.prison && !r.total.prison.life && r.arithmetic.prison) expect(r.total.prison.months! <= r.arithmetic.prison.months).toBe(true);
      expect(ordinary.total.prison?.months ?? null).toBe(o.prisonLife ? null : o.prisonMonths);
      const added = r.charges.map((_, i) => r.total.cumulated?.some((e) => e.charge === i) ?? false);
      const w = oracleWithAdded(r.charges as never, added);
      expect(r.total.prison?.life ?? false).toBe(w.prisonLife);
      if (!w.prisonLife) expect(r.total.prison?.months ?? null).toBe(w.prisonMonths);
      expect(r.total.fine).toBe(w.fine);
      // The clause applies exactly when both it and a related charge are punishable.
      expect(added[0]).toBe(r.charges[0]!.punishable && r.charges[1]!.punishable);
    }), NUM);
  });
});

describe('the memo knows the new inputs', () => {
  const c = fc.record({ date: isoDate('2015-01-01', today), birth: fc.option(isoDate('1995-01-01', '2014-01-01'), { nil: undefined }), refs: fc.array(fc.record({ ref: fc.constantFrom('222-37', '311-3', '221-4', 'R625-1', '225-5', '434-27 al. 2'), repentis: fc.option(fc.constantFrom('exempt', 'reduced'), { nil: undefined }) }), { minLength: 1, maxLength: 4 }) })
    .filter((x) => x.birth === undefined || x.birth < x.date)
    .map((x) => ({ date: x.date, judgmentDate: today, ...(x.birth ? { offender: { birthDate: x.birth } } : {}), charges: x.refs.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined))) }));
  it('lean results with and without the memo are identical with birth dates and repentis', () => {
    fc.assert(fc.property(c, (k) => {
      const a = evaluate(rules, k, { today, trace: false, lean: true } as never);
      const b = evaluate(rules, k, { today, trace: false, lean: true, memo: false } as never);
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    }), { numRuns: 2000 });
  });
});

describe('the memo sees every date the law changes on', () => {
  it('changeDates holds every from and to of the rules (provisions, items, repeals, every general file)', async () => {
    const { changeDates } = await import('../../src/core/fast.js');
    const dates = new Set(changeDates(rules));
    const missing = new Set<string>();
    const walk = (o: unknown): void => {
      if (Array.isArray(o)) { o.forEach(walk); return; }
      if (!o || typeof o !== 'object') return;
      const r = o as Record<string, unknown>;
      for (const k of ['from', 'to']) if (typeof r[k] === 'string' && /^\d{4}-\d\d-\d\d$/.test(r[k] as string) && !dates.has(r[k] as string)) missing.add(`${k} ${r[k]}`);
      for (const v of Object.values(r)) walk(v);
    };
    walk([...rules.provisions.values()]);
    for (const key of ['general', 'recidive', 'aggravations', 'minors', 'repentis', 'cumulation'] as const) walk(rules[key]);
    // organisedGangForms are read only by 450-1's own version dates, which are in; they carry from/to too.
    expect([...missing].filter((m) => !m.includes('undefined'))).toEqual([]);
  });
});
