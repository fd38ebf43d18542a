// `npm run fuzz [-- --seconds N --seed S]`: random cases through evaluate(), checked against the independent
// oracle of 132-3 / 132-5 / 132-7 and the engine's invariants, until the time is up. Reports what it tried.
import fc from 'fast-check';
import { evaluate, loadRules } from '../src/index.js';
import type { Result } from '../src/core/contract.js';
import { oracleTotal, oracleWithAdded } from './oracle.js';

const arg = (name: string, def: number) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : def; };
const seconds = arg('seconds', 20);
const seed = arg('seed', Date.now() % 1_000_000);
const rules = loadRules();
const today = '2026-11-29';
const offences = [...rules.provisions.values()].filter((p) => p.kind === 'offence');
const refs = offences.map((p) => p.ref);
const inputs = [...refs, ...offences.flatMap((p) => (p.aliases ?? []).slice(0, 1)), '323-3-9', 'art. 323-3-2, iii', '222-24 8 °', 'nonsense', ''];
const date = fc.date({ min: new Date('1990-01-01'), max: new Date('2026-11-29'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
// Mostly plausible charges (options where the provision uses them), some deliberately wrong.
const usesPredicate = offences.filter((p) => p.versions.some((v) => v.penalty && ('byPredicate' in v.penalty || ('heavierPredicate' in v.penalty && v.penalty.heavierPredicate)))).map((p) => p.ref);
const usesAmount = offences.filter((p) => p.versions.some((v) => v.penalty && 'fine' in v.penalty && v.penalty.fine && 'amount' in v.penalty.fine && v.penalty.fine.proportional)).map((p) => p.ref);
const sometimes = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 8 });
const charge = fc.oneof(
  { arbitrary: fc.record({ ref: fc.constantFrom(...refs), attempt: fc.boolean(), accomplice: fc.boolean(), aggravations: sometimes(fc.subarray(['132-76', '132-77', '132-79'])) }), weight: 6 },
  { arbitrary: fc.record({ ref: fc.constantFrom(...usesPredicate), predicate: fc.constantFrom(...refs), amount: sometimes(fc.bigInt({ min: 0n, max: 10n ** 15n }).map(String)) }), weight: 2 },
  { arbitrary: fc.record({ ref: fc.constantFrom(...usesAmount), amount: fc.bigInt({ min: 0n, max: 10n ** 15n }).map(String) }), weight: 2 },
  { arbitrary: fc.record({ ref: fc.constantFrom(...inputs), amount: sometimes(fc.string()), predicate: sometimes(fc.string()) }), weight: 1 },
  // Repentis on any charge (most have no text: a NOTE, figures unchanged), and escapes tied to another charge.
  { arbitrary: fc.record({ ref: fc.constantFrom(...refs), attempt: fc.boolean(), repentis: fc.constantFrom('exempt', 'reduced') }), weight: 1 },
  { arbitrary: fc.record({ ref: fc.constantFrom('434-27 al. 2', '434-30 al. 1', 'route L233-1 I', '433-7 al. 1', '434-23 al. 1'), relatedTo: fc.constant([0]) }), weight: 1 },
).map((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined && v !== false)));
const prior = fc.record({ ref: fc.constantFrom(...refs), final: date }).chain((p) => fc.record({ ref: fc.constant(p.ref), final: fc.constant(p.final), expired: fc.constantFrom(p.final, `${Number(p.final.slice(0, 4)) + 2}${p.final.slice(4)}`.replace('-02-29', '-02-28')) }));
const aCase = fc.record({
  date, legal: fc.boolean(), priors: fc.array(prior, { maxLength: 3 }), charges: fc.array(charge, { minLength: 1, maxLength: 8 }), age: fc.option(fc.integer({ min: 10, max: 20 }), { nil: undefined, freq: 4 }),
}).map(({ date: d, legal, priors, charges, age }) => ({
  date: d, judgmentDate: today,
  // A birth date some years before the facts (a minor, sometimes): the minors' rules.
  offender: { ...(legal ? { type: 'legal' } : {}), ...(priors.length ? { priors } : {}), ...(age !== undefined && !legal ? { birthDate: `${Number(d.slice(0, 4)) - age}-03-01` } : {}) },
  charges,
}));

const counts = { cases: 0, ok: 0, charges: 0, punishable: 0, disagreements: 0 } as Record<string, number>;
const errors: Record<string, number> = {};
const reasons: Record<string, number> = {};
const end = Date.now() + seconds * 1000;
let failure: unknown = null;
let round = 0;
while (Date.now() < end && !failure) {
  for (const c of fc.sample(aCase, { numRuns: 500, seed: seed + round++ })) {
    counts.cases!++;
    const r = evaluate(rules, c, { today, trace: false });
    if (!r.ok) { errors[r.error.code] = (errors[r.error.code] ?? 0) + 1; continue; }
    counts.ok!++;
    counts.charges! += r.charges.length;
    for (const ch of r.charges) { if (ch.punishable) counts.punishable!++; else reasons[ch.reason!] = (reasons[ch.reason!] ?? 0) + 1; }
    const t = (r as Result).total;
    // A clause adding a charge on top of the cap (434-31, route L233-1 II): the oracle adds it too.
    const added = r.charges.map((_, i) => t.cumulated?.some((e) => e.charge === i) ?? false);
    const o = t.cumulated ? oracleWithAdded(r.charges as never, added) : oracleTotal(r.charges as never);
    const agree = (t.prison?.life ?? false) === o.prisonLife && (t.prison && !t.prison.life ? t.prison.months : null) === o.prisonMonths && t.fine === o.fine;
    const invariants = (!c.offender.type || t.prison === null) && [t.fine, ...r.charges.map((x) => x.fine)].every((f) => f === null || /^\d+(\.\d{1,2})?$/.test(f));
    if (!agree || !invariants) { counts.disagreements!++; failure = { case: c, total: t, oracle: o }; break; }
  }
}
console.log(`quantum fuzz: seed ${seed}, ${seconds} s`);
console.log(`  cases ${counts.cases}, evaluated ${counts.ok}, charges ${counts.charges} (${counts.punishable} punishable)`);
console.log(`  error records by code: ${JSON.stringify(errors)}`);
console.log(`  not punishable by reason: ${JSON.stringify(reasons)}`);
console.log(`  disagreements with the oracle or invariants: ${counts.disagreements}`);
if (failure) { console.log(JSON.stringify(failure, null, 2)); process.exitCode = 1; }
