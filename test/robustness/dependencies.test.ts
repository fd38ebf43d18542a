// The memo serves a charge's result for every date with the same epochs among the dates that charge depends on
// (src/core/dependencies.ts). Checked here against the plain engine, exhaustively: for every offence of the
// catalogue, on every date the law changes (each epoch of the whole law), the plain results of two dates that
// the charge's own list does not separate must be identical. A dependency left out of the list fails this test.
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/index.js';
import { evaluateCase } from '../../src/core/engine.js';
import { changeDates, epoch } from '../../src/core/fast.js';
import { chargeDates } from '../../src/core/dependencies.js';
import type { Case, Charge } from '../../src/core/contract.js';

const rules = loadRules();
const today = '2026-11-29';
const all = changeDates(rules).filter((d) => d >= '1994-03-01' && d <= today);
const needsPredicate = (ref: string): boolean => rules.provisions.get(ref)!.versions.some((v) => v.penalty !== undefined && ('byPredicate' in v.penalty || ('heavierPredicate' in v.penalty && v.penalty.heavierPredicate?.required === true)));
// Predicates of each kind: crimes with and without an organised-gang form, délits, a proportional fine.
const PREDICATES = ['222-34', '222-35 al. 1', '222-37', '311-3', '311-9 al. 1', '225-5', '324-1', '221-1'].filter((r) => rules.provisions.has(r));
const offences = [...rules.provisions.values()].filter((p) => p.kind === 'offence').map((p) => p.ref);
const charges: Charge[] = offences.flatMap((ref) => (needsPredicate(ref) ? PREDICATES.map((predicate) => ({ ref, predicate })) : [{ ref }]));

/** A charge's result and the warnings of its case, as text: what the memo shares between cases. */
function shared(c: Case): string {
  const r = evaluateCase(rules, c, { today, trace: false, lean: true });
  return r.ok ? JSON.stringify([r.charges, r.warnings]) : JSON.stringify(r.error);
}

/** Walks dates in order; within a run of dates the charge's own list puts in one epoch, every result is the same. */
function sameWithinEpochs(ch: Charge, dates: string[], make: (d: string) => Case, other: string): string[] {
  const own = chargeDates(rules, ch.ref, ch.predicate, { minors: make(today).offender?.birthDate !== undefined, repentis: ch.repentis !== undefined, legal: make(today).offender?.type === 'legal' })!;
  const seen = new Map<number, { d: string; out: string }>();
  const bad: string[] = [];
  for (const d of dates) {
    const e = epoch(own, d) * (own.length + 1) + epoch(own, other);
    const out = shared(make(d));
    const first = seen.get(e);
    if (!first) seen.set(e, { d, out });
    else if (first.out !== out) bad.push(`${ch.ref}${ch.predicate ? ` (${ch.predicate})` : ''}: ${first.d} and ${d}`);
  }
  return bad;
}

describe('each charge depends only on the dates of its dependency list', () => {
  it(`facts on every change date of the law (${all.length}), every offence of the catalogue, judged today`, () => {
    const bad = charges.flatMap((ch) => sameWithinEpochs(ch, all, (d) => ({ date: d, judgmentDate: today, charges: [ch] }), today));
    expect(bad).toEqual([]);
  });
  it('judgment on every change date after the facts, facts on three dates', () => {
    const bad = charges.flatMap((ch, i) => ['1996-06-01', '2005-01-15', '2016-03-01'].flatMap((facts) => {
      if (i % 2) return [];
      const later = all.filter((d) => d >= facts);
      // Here the judgment walks: the epochs compared are those of the judgment, the facts' fixed.
      const own = chargeDates(rules, ch.ref, ch.predicate, { minors: false, repentis: false, legal: false })!;
      const seen = new Map<number, { d: string; out: string }>();
      const out: string[] = [];
      for (const d of later) {
        const e = epoch(own, d);
        const res = shared({ date: facts, judgmentDate: d, charges: [ch] });
        const first = seen.get(e);
        if (!first) seen.set(e, { d, out: res });
        else if (first.out !== res) out.push(`${ch.ref}: facts ${facts}, judged ${first.d} and ${d}`);
      }
      return out;
    }));
    expect(bad).toEqual([]);
  });
  it('the same with a legal person, a minor aged 16 and a repentis', () => {
    const some = charges.filter((_, i) => i % 3 === 0);
    const legal = some.flatMap((ch) => sameWithinEpochs(ch, all, (d) => ({ date: d, judgmentDate: today, offender: { type: 'legal' }, charges: [ch] }), today));
    const minor = some.flatMap((ch) => sameWithinEpochs(ch, all, (d) => ({ date: d, judgmentDate: today, offender: { birthDate: `${Number(d.slice(0, 4)) - 16}-01-01` }, charges: [ch] }), today));
    const repentis = some.map((ch) => ({ ...ch, repentis: 'reduced' as const })).flatMap((ch) => sameWithinEpochs(ch, all, (d) => ({ date: d, judgmentDate: today, charges: [ch] }), today));
    expect([...legal, ...minor, ...repentis]).toEqual([]);
  });
  it('the same with the terrorism aggravation (421-3, whose list of offences changes with 421-1) and a repentis', () => {
    const some = charges.filter((_, i) => i % 3 === 1).map((ch) => ({ ...ch, aggravations: ['421-3'], repentis: 'reduced' as const }));
    expect(some.flatMap((ch) => sameWithinEpochs(ch, all, (d) => ({ date: d, judgmentDate: today, charges: [ch] }), today))).toEqual([]);
  });
});
