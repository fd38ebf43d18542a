// 112-1: facts before a provision existed. When an item of another text punished the same conduct before it moved
// here (`movedTo`), the result names that ref, so a user charges it (presse 24 al. 6 became 421-2-5 in 2014).
import { describe, expect, it } from 'vitest';
import { evaluate, loadRules } from '../../src/index.js';
import type { Result } from '../../src/core/contract.js';

const rules = loadRules();
const run = (date: string, ref: string, judgmentDate = '2016-01-10') => evaluate(rules, { date, judgmentDate, charges: [{ ref }] }, { today: '2026-11-29', lang: 'en' }) as Result;

describe('earlier conduct under a moved item', () => {
  it('421-2-5 before 2014-11-15 points to presse 24 al. 6 (loi 2014-1353), which punishes the 2014 facts', () => {
    const r = run('2014-11-10', '421-2-5 al. 2');
    expect(r.charges[0]!.reason).toBe('NOT_YET_IN_FORCE');
    expect(r.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/punished by presse 24 al\. 6/));
    // 24 al. 6 (1881 law, text of 1994): the penalties of al. 1, 5 ans and 45 000 €.
    expect(run('2014-11-10', 'presse 24 al. 6').total.prison?.months).toBe(60);
  });
  it('an aggravated tier charged before it existed names the tiers then in force (226-1 al. 7, loi 2020-936)', () => {
    const r = run('2019-05-01', '226-1 al. 7', '2026-11-29');
    expect(r.charges[0]!.reason).toBe('NOT_YET_IN_FORCE');
    expect(r.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/the article had 226-1 al\. 1/));
  });
});

describe('a general aggravation asked for before it was general', () => {
  const runAg = (date: string, ref: string, aggravation: string) =>
    evaluate(rules, { date, judgmentDate: '2026-11-29', charges: [{ ref, aggravations: [aggravation] }] }, { today: '2026-11-29', lang: 'en' }) as Result;
  it('theft with a racist motive in 2015: 132-76 general only since loi n° 2017-86; the note names 311-4 9° (loi n° 2004-204), then the special circumstance', () => {
    const r = runAg('2015-06-01', '311-3', '132-76');
    // 311-3: 3 ans, 45 000 €, not raised.
    expect(r.total.prison?.months).toBe(36);
    const note = r.warnings.find((w) => w.message?.includes('132-76'))!.message!;
    expect(note).toMatch(/general only since 2017-01-29/);
    expect(note).toMatch(/311-4 9°/);
    expect(note).toMatch(/222-8 5° bis/);
    // 311-4 9° (5 ans, 75 000 €) is what the user can then charge for 2015 facts.
    const r2 = evaluate(rules, { date: '2015-06-01', judgmentDate: '2026-11-29', charges: [{ ref: '311-4 9°' }] }, { today: '2026-11-29' }) as Result;
    expect(r2.total.prison?.months).toBe(60);
  });
  it('a rule that never had special forms (132-79, cryptology, 2004) says nothing more', () => {
    const note = runAg('2003-01-01', '311-3', '132-79').warnings.find((w) => w.message?.includes('132-79'))!.message!;
    expect(note).not.toMatch(/Before that date/);
  });
});

describe('321-4 and 324-4: the penalties of the offence of origin', () => {
  const one = (charge: Record<string, unknown>) => evaluate(rules, { date: '2024-05-01', judgmentDate: '2026-11-29', charges: [charge as never] }, { today: '2026-11-29', lang: 'en' }) as Result;
  it('receiving or laundering the proceeds of a contravention is outside 321-1 and 324-1 ("provenant d\'un crime ou d\'un délit")', () => {
    for (const ref of ['321-1', '324-1']) {
      const r = one({ ref, predicate: 'R625-1' });
      expect(r.charges[0]!.punishable).toBe(false);
      expect(r.charges[0]!.reason).toBe('PREDICATE_NOT_ELIGIBLE');
    }
  });
  it('receiving the proceeds of 311-6 (10 ans, 150 000 €) worth 2 M€: 321-4 gives 10 years and 150 000 €, and a note says 321-3 would give 1 000 000 €', () => {
    const r = one({ ref: '321-1', predicate: '311-6', amount: '2000000' });
    expect(r.total.prison?.months).toBe(120);
    expect(r.total.fine).toBe('150000');
    expect(r.warnings.map((w) => w.message).join('\n')).toMatch(/321-4 applies the penalties of the offence of origin 311-6.*€1,000,000|321-4 applies the penalties of the offence of origin 311-6.*1 000 000/);
  });
  it('no note when the predicate\'s fine is the higher one (222-34: 7 500 000 €)', () => {
    const r = one({ ref: '324-1', predicate: '222-34' });
    expect(r.total.fine).toBe('7500000');
    expect(r.warnings.map((w) => w.message).join('\n')).not.toMatch(/applies the penalties of the offence of origin/);
  });
});

describe('what the fine makes of `amount`', () => {
  const one = (date: string, charge: Record<string, unknown>) => evaluate(rules, { date, judgmentDate: '2026-11-29', charges: [charge as never] }, { today: '2026-11-29', lang: 'en' }) as Result;
  const notes = (r: Result) => r.warnings.map((w) => w.message).join('\n');
  it('432-11 since loi n° 2013-1117 without an amount: 1 000 000 €, and a note that twice the product may be more', () => {
    const r = one('2020-01-01', { ref: '432-11' });
    expect(r.total.fine).toBe('1000000');
    expect(notes(r)).toMatch(/432-11: the fine may be raised to 2 times the/);
  });
  it('432-11 in 2012 (150 000 €, no proportional fine before 2013-12-08): the amount given is said to change nothing', () => {
    const r = one('2012-01-01', { ref: '432-11', amount: '3000000' });
    expect(r.total.fine).toBe('150000');
    expect(notes(r)).toMatch(/432-11: the applicable version has no proportional fine/);
  });
  it('an amount that is used raises no such note (432-11, 2020, product 3 M€: 6 000 000 €)', () => {
    const r = one('2020-01-01', { ref: '432-11', amount: '3000000' });
    expect(r.total.fine).toBe('6000000');
    expect(notes(r)).not.toMatch(/may be raised|no proportional fine/);
  });
});

describe('notes on a fine that depends on who and on what', () => {
  const run = (c: Record<string, unknown>) => evaluate(rules, { judgmentDate: '2026-11-29', ...c } as never, { today: '2026-11-29', lang: 'en' }) as Result;
  const notes = (r: Result) => r.warnings.map((w) => w.message).join('\n');
  it('324-4 with 432-11 as the predicate: no "amount unused" note; a note that 432-11\'s own fine may rise (twice its proceeds)', () => {
    const r = run({ date: '2020-05-01', charges: [{ ref: '324-1', predicate: '432-11', amount: '4000000' }] });
    // 324-4: the penalties of 432-11 (10 ans, 1 000 000 € since loi n° 2013-1117).
    expect(r.total.fine).toBe('1000000');
    expect(notes(r)).not.toMatch(/has no proportional fine/);
    expect(notes(r)).toMatch(/the penalties of 432-11 apply; its fine may be raised to 2 times/);
  });
  it('the 15 % turnover cap of CMF L465-3-5 I is said to legal persons only', () => {
    const legal = run({ date: '2020-05-01', offender: { type: 'legal' }, charges: [{ ref: 'CMF L465-1', amount: '30000000' }] });
    const natural = run({ date: '2020-05-01', charges: [{ ref: 'CMF L465-1', amount: '30000000' }] });
    expect(notes(legal)).toMatch(/15% of the total annual turnover/);
    expect(notes(natural)).not.toMatch(/turnover/);
  });
});

describe('a repealed text continued by another, itself abolished later', () => {
  it('ord. 45-2658 art. 19 -> CESEDA L621-1 (2005) -> abolished (loi 2012-1560): the note never says the facts stay punishable', () => {
    const r = run('2002-05-01', 'ord452658 19', '2026-11-29');
    expect(r.charges[0]!.reason).toBe('ABOLISHED');
    const msgs = r.warnings.map((w) => w.message);
    expect(msgs).toContainEqual(expect.stringMatching(/replaced by CESEDA L621-1; CESEDA L621-1 was repealed in turn .* no longer punishable/));
    expect(msgs.some((m) => /remain punishable/.test(m ?? ''))).toBe(false);
    // Judged in 2010, before the abolition: the continuation note stands.
    expect(run('2002-05-01', 'ord452658 19', '2010-11-29').warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/remain punishable/));
  });
});

describe('an item gone before the facts names what took its conduct', () => {
  it('222-12 5° bis (racist motive, until 2017-01-29; loi 2017-86 made it the general aggravation 132-76)', () => {
    const r = run('2018-05-01', '222-12 5° bis', '2026-11-29');
    expect(r.charges[0]!.reason).toBe('REPEALED_BEFORE_FACTS');
    expect(r.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/general aggravation 132-76; .*aggravation=132-76/));
    // Before 2017 the item is in force: no such note.
    expect(run('2016-05-01', '222-12 5° bis', '2016-11-29').warnings.some((w) => /no longer exists/.test(w.message ?? ''))).toBe(false);
  });
});

describe('a cumulation clause charged as an offence', () => {
  it('route L233-1 II is said to be the refusal-to-stop cumulation rule, not "no subdivision II"', () => {
    const r = evaluate(rules, { date: '2024-05-01', judgmentDate: '2026-11-29', charges: [{ ref: 'route L233-1 II' }] }, { today: '2026-11-29', lang: 'en' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/route L233-1 II is a cumulation rule, not an offence .* applies by itself/);
  });
});

describe('an article with several tiers, named bare, when one tier alone was in force', () => {
  it('434-35-1 for 2010 facts is the 2003 text (today al. 2), with a NOTE; ambiguous once al. 1 exists (2025)', () => {
    const r = run('2010-01-01', '434-35-1', '2026-11-29');
    expect(r.charges[0]!.ref).toBe('434-35-1 al. 2');
    expect(r.total.prison?.months).toBe(12); // loi 2003-239: un an, 15 000 €
    expect(r.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/the article had only 434-35-1 al\. 2/));
    const later = evaluate(rules, { date: '2025-08-01', judgmentDate: '2026-11-29', charges: [{ ref: '434-35-1' }] }, { today: '2026-11-29', lang: 'en' });
    expect(later.ok ? null : later.error.code).toBe('AMBIGUOUS_PROVISION');
  });
});

describe('an item charged before it existed, whose conduct another item punished then', () => {
  it('311-5 2° for facts of 2011-03-15 names 311-4 5° (loi 2011-267 moved theft from a vulnerable person; red team rt12a)', () => {
    const r = run('2011-03-15', '311-5 2°', '2026-11-01');
    expect(r.charges[0]!.reason).toBe('NOT_YET_IN_FORCE');
    expect(r.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/punished by 311-4 5°/));
  });
});

describe('a tier added later to an article created after the facts (red team rt24a)', () => {
  it('223-15-2 al. 2 for 1998 facts names 313-4, the former text 223-15-2 al. 1 continues', () => {
    // 223-15-2 (loi n° 2001-504, 2001-06-13) took over 313-4 (abus de faiblesse, 1994 text); al. 2 (a sect's
    // leader) is new: for 1998 facts it is not yet in force, and the base conduct then fell under 313-4.
    const r = run('1998-06-01', '223-15-2 al. 2', '2026-11-29');
    expect(r.charges[0]!.reason).toBe('NOT_YET_IN_FORCE');
    expect(r.warnings.some((w) => w.message?.includes('313-4'))).toBe(true);
  });
});
