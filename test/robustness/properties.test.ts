// Properties of the engine on random cases drawn from the real catalogue (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, loadRules } from '../../src/index.js';
import type { Outcome, Result } from '../../src/core/contract.js';
import { describeProvision } from '../../src/core/describe.js';
import { comparePrison } from '../../src/core/penalty.js';
import { oracleTotal } from '../oracle.js';

const rules = loadRules();
const today = '2026-11-29';
// Offences that need nothing but their ref (no predicate).
const standalone = [...rules.provisions.values()]
  .filter((p) => p.kind === 'offence' && p.versions.every((v) => v.penalty && !('byPredicate' in v.penalty) && !('heavierPredicate' in v.penalty && v.penalty.heavierPredicate?.required)));
const simpleRefs = standalone.map((p) => p.ref);
const proportional = standalone.filter((p) => p.versions.some((v) => v.penalty && 'fine' in v.penalty && v.penalty.fine && 'amount' in v.penalty.fine && v.penalty.fine.proportional)).map((p) => p.ref);

const isoDate = fc.date({ min: new Date('1994-03-01'), max: new Date('2026-11-29'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const charge = fc.oneof(
  fc.record({ ref: fc.constantFrom(...simpleRefs), attempt: fc.boolean(), accomplice: fc.boolean() }),
  fc.record({ ref: fc.constantFrom(...proportional), amount: fc.bigInt({ min: 0n, max: 10n ** 12n }).map(String) }),
  fc.record({ ref: fc.constant('450-1'), predicate: fc.constantFrom('222-37', '222-34', '324-1', '225-8', '311-3') }),
);
const aCase = fc.record({
  date: isoDate,
  legal: fc.boolean(),
  charges: fc.array(charge, { minLength: 1, maxLength: 6 }),
}).map(({ date, legal, charges }) => ({ date, judgmentDate: today, ...(legal ? { offender: { type: 'legal' } } : {}), charges }));

const run = (c: unknown): Result => {
  const r = evaluate(rules, c, { today, trace: false });
  if (!r.ok) throw new Error(`unexpected error: ${JSON.stringify(r.error)} for ${JSON.stringify(c)}`);
  return r;
};
const totalKey = (r: Result) => JSON.stringify([r.total.prison, r.total.fine, r.total.fineParts]);
const months = (p: { life: boolean; months: number | null } | null) => (p ? (p.life ? Infinity : p.months ?? 0) : 0);
const NUM = { numRuns: 300 };

describe('engine properties', () => {
  it('the total does not depend on the order of the charges', () => {
    fc.assert(fc.property(aCase, fc.integer(), (c, seed) => {
      const shuffled = [...c.charges].sort((a, b) => ((JSON.stringify(a).length * 31 + seed) % 7) - ((JSON.stringify(b).length * 31 + seed) % 7));
      expect(totalKey(run({ ...c, charges: shuffled }))).toBe(totalKey(run(c)));
    }), NUM);
  });
  it('adding a charge never lowers the total', () => {
    fc.assert(fc.property(aCase, charge, (c, extra) => {
      const before = run(c), after = run({ ...c, charges: [...c.charges, extra] });
      expect(comparePrison(after.total.prison, before.total.prison)).toBeGreaterThanOrEqual(0);
      expect(Number(after.total.fine ?? 0)).toBeGreaterThanOrEqual(Number(before.total.fine ?? 0));
    }), NUM);
  });
  it('the total is never above the arithmetic sum', () => {
    fc.assert(fc.property(aCase, (c) => {
      const r = run(c);
      if (r.total.prison && r.arithmetic.prison && !r.arithmetic.prison.life) expect(months(r.total.prison)).toBeLessThanOrEqual(r.arithmetic.prison.months);
      if (r.total.fine) expect(Number(r.total.fine)).toBeLessThanOrEqual(Number(r.arithmetic.fine));
    }), NUM);
  });
  it('a legal person never gets a custodial penalty', () => {
    fc.assert(fc.property(aCase, (c) => {
      const r = run({ ...c, offender: { type: 'legal' } });
      expect(r.total.prison).toBeNull();
      for (const ch of r.charges) expect(ch.prison).toBeNull();
    }), NUM);
  });
  it('the milder-law result is never above the version in force on the date of the facts (112-1)', () => {
    fc.assert(fc.property(isoDate, isoDate, fc.constantFrom(...simpleRefs), (d1, d2, ref) => {
      const [facts, judgment] = d1 <= d2 ? [d1, d2] : [d2, d1];
      const r = run({ date: facts, judgmentDate: judgment, charges: [{ ref }] });
      const ch = r.charges[0]!;
      if (!ch.punishable) return;
      const v = describeProvision(rules, rules.provisions.get(ch.ref) ?? [...rules.provisions.values()].find((p) => p.items?.length && ch.ref.startsWith(p.ref))!, facts);
      // A provision not yet in force on the date of the facts is judged under the one it replaced (another test).
      if (!v.version) return;
      expect(comparePrison(ch.prison, v.prison)).toBeLessThanOrEqual(0);
      if (ch.fine !== null && v.fine !== null) expect(Number(ch.fine)).toBeLessThanOrEqual(Number(v.fine));
    }), NUM);
  });
  it('fines are never negative, and every figure is a decimal string', () => {
    fc.assert(fc.property(aCase, (c) => {
      const r = run(c);
      for (const f of [r.total.fine, r.arithmetic.fine, ...r.charges.map((x) => x.fine)]) {
        if (f !== null) expect(f).toMatch(/^\d+(\.\d{1,2})?$/);
      }
    }), NUM);
  });
  it('evaluation is deterministic', () => {
    fc.assert(fc.property(aCase, (c) => {
      const a: Outcome = evaluate(rules, c, { today });
      const b: Outcome = evaluate(rules, JSON.parse(JSON.stringify(c)), { today });
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    }), { numRuns: 100 });
  });
  it('bulk memoisation changes nothing: lean results with and without the memo are identical, whatever the dates', () => {
    // Judgment dates vary too: the milder-law chain between facts and judgment is part of what the memo keys on.
    const withJudgment = fc.tuple(aCase, fc.integer({ min: 0, max: 12000 })).map(([c, days]) => {
      const j = new Date(Date.parse(`${c.date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
      return { ...c, judgmentDate: j < today ? j : today };
    });
    fc.assert(fc.property(withJudgment, (c) => {
      const a = evaluate(rules, c, { today, trace: false, lean: true } as never);
      const b = evaluate(rules, c, { today, trace: false, lean: true, memo: false } as never);
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    }), { numRuns: 3000 });
  });
  it('the memo never answers for an input that merely spells another input\'s key', () => {
    // The memo key joins fields with NUL: a predicate holding one must still be validated, not served a result.
    const lean = { today, trace: false, lean: true } as never;
    expect(evaluate(rules, { date: '2024-05-01', charges: [{ ref: '450-1', predicate: '222-37', aggravations: ['132-79', '132-76'] }] }, lean).ok).toBe(true);
    const forged = evaluate(rules, { date: '2024-05-01', charges: [{ ref: '450-1', predicate: '222-37\u0000132-79', aggravations: ['132-76'] }] }, lean);
    expect(forged.ok).toBe(false);
  });
  it('agrees with an independent oracle of 132-3, 132-5 and 132-7 on thousands of cases', () => {
    fc.assert(fc.property(aCase, (c) => {
      const r = run(c);
      // The oracle knows 132-3, 132-5 and 132-7 only: a clause that adds a charge on top (route L233-1 II pairs the
      // driving offences of one date by default) is tested by its own golden cases.
      if (r.total.cumulated) return;
      const o = oracleTotal(r.charges as never);
      expect(r.total.prison?.life ?? false).toBe(o.prisonLife);
      expect(r.total.prison && !r.total.prison.life ? r.total.prison.months : null).toBe(o.prisonMonths);
      expect(r.total.fine).toBe(o.fine);
    }), { numRuns: 3000 });
  });
});
