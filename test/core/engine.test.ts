// Mechanisms of the engine on fictitious articles: each test states the rule of law it checks.
import { describe, expect, it } from 'vitest';
import { evaluate, loadRules } from '../../src/index.js';
import type { Result } from '../../src/core/contract.js';
import { article, E, fixtureRules, provision, RC, version } from '../helpers.js';

const rules = fixtureRules([
  // 901-1: 5 years / 75 000 € until 2020-01-01, then 3 years / 100 000 € (milder prison, harsher fine).
  article('901-1', [provision('901-1', [
    version('1994-03-01', '2020-01-01', { prison: E(60), fine: { amount: '75000' } }, { attempt: { punishable: true, article: '901-1' } }),
    version('2020-01-01', null, { prison: E(36), fine: { amount: '100000' } }, { attempt: { punishable: true, article: '901-1' } }),
  ])]),
  // 902-1: repealed on 2018-06-01.
  article('902-1', [provision('902-1', [version('1994-03-01', '2018-06-01', { prison: E(12), fine: { amount: '15000' } })],
    { repealed: { from: '2018-06-01', by: 'fixture repeal', sources: ['https://example.org/r'] } })]),
  // 903-1: harsher from 2015 (10 years); the attempt stops being punished from 2022.
  article('903-1', [provision('903-1', [
    version('1994-03-01', '2015-01-01', { prison: E(36), fine: { amount: '45000' } }, { attempt: { punishable: true, article: '903-1' } }),
    version('2015-01-01', '2022-01-01', { prison: E(120), fine: { amount: '150000' } }, { attempt: { punishable: true, article: '903-1' } }),
    version('2022-01-01', null, { prison: E(120), fine: { amount: '150000' } }),
  ])]),
  // 904-1: a crime (20 years) that becomes a délit of 10 years in 2019.
  article('904-1', [provision('904-1', [
    version('1994-03-01', '2019-01-01', { prison: RC(240), fine: null }),
    version('2019-01-01', null, { prison: E(120), fine: { amount: '150000' } }),
  ], { items: ['1°', { sub: '2°', from: '2010-01-01' }] })]),
  // 906-1: 3° became 4° in 2010 (renumbered: the circumstance goes on); 5° left the text in 2012 (removed); 6°
  // left it in 2017 for a general aggravation (moved: the conduct stays punishable elsewhere).
  article('906-1', [provision('906-1', [version('1994-03-01', null, { prison: E(60), fine: { amount: '75000' } })], {
    items: ['1°', { sub: '3°', to: '2010-01-01', renumberedAs: '4°' }, { sub: '4°', from: '2010-01-01' }, { sub: '5°', to: '2012-01-01' },
      { sub: '6°', to: '2017-01-29', movedTo: '132-77' }],
  })]),
  // 907-1: a political crime punished by 15 years of détention criminelle.
  article('907-1', [provision('907-1', [version('1994-03-01', null, { prison: { kind: 'detention-criminelle', months: 180 }, fine: null })])]),
  // 905-1: a fine-only délit and a 4th-class contravention.
  article('905-1', [provision('905-1', [version('1994-03-01', null, { prison: null, fine: { amount: '7500' } })])]),
  article('R905-2', [provision('R905-2', [version('1994-03-01', null, { prison: null, fine: { class: 4 } })])]),
]);

// Results of a traced evaluation (the default): their trace is always there.
const run = (c: object) => evaluate(rules, c, { today: '2026-11-29' }) as Result & { trace: NonNullable<Result['trace']> };

describe('application in time (112-1)', () => {
  it('applies a milder later law penalty by penalty: the lighter prison of the new law, the lighter fine of the old', () => {
    // 112-1 al. 3: the new 3 years apply; al. 2: the old 75 000 € fine stays, the new 100 000 € is harsher.
    const r = run({ date: '2018-01-01', judgmentDate: '2026-01-01', charges: [{ ref: '901-1' }] });
    expect(r.total.prison).toEqual({ kind: 'emprisonnement', months: 36, life: false });
    expect(r.total.fine).toBe('75000');
    expect(r.charges[0]!.appliedVersions?.prison.from).toBe('2020-01-01');
    expect(r.charges[0]!.appliedVersions?.fine.from).toBe('1994-03-01');
  });
  it('ignores a milder law that comes after the judgment date', () => {
    const r = run({ date: '2018-01-01', judgmentDate: '2019-06-01', charges: [{ ref: '901-1' }] });
    expect(r.total.prison?.months).toBe(60);
  });
  it('never applies a harsher later law to earlier facts (112-1 al. 2)', () => {
    const r = run({ date: '2014-01-01', judgmentDate: '2016-01-01', charges: [{ ref: '903-1' }] });
    expect(r.total.prison?.months).toBe(36);
    expect(r.total.fine).toBe('45000');
  });
  it('uses the version in force on the very day a new one starts', () => {
    expect(run({ date: '2015-01-01', judgmentDate: '2016-01-01', charges: [{ ref: '903-1' }] }).total.prison?.months).toBe(120);
    expect(run({ date: '2014-12-31', judgmentDate: '2016-01-01', charges: [{ ref: '903-1' }] }).total.prison?.months).toBe(36);
  });
  it('abolishes a charge whose text is repealed before judgment (112-1 al. 3)', () => {
    const r = run({ date: '2017-01-01', judgmentDate: '2019-01-01', charges: [{ ref: '902-1' }] });
    expect(r.charges[0]).toMatchObject({ punishable: false, reason: 'ABOLISHED', prison: null, fine: null });
    expect(r.total.prison).toBeNull();
  });
  it('keeps the charge when the repeal comes after the judgment', () => {
    const r = run({ date: '2017-01-01', judgmentDate: '2018-05-31', charges: [{ ref: '902-1' }] });
    expect(r.charges[0]!.punishable).toBe(true);
  });
  it('applies a later law that no longer punishes the attempt', () => {
    const r = run({ date: '2016-01-01', judgmentDate: '2023-01-01', charges: [{ ref: '903-1', attempt: true }] });
    expect(r.charges[0]!.reason).toBe('ATTEMPT_NOT_PUNISHABLE');
  });
  it('reclassifies a crime that a milder law made a délit (111-1)', () => {
    const r = run({ date: '2018-01-01', judgmentDate: '2020-01-01', charges: [{ ref: '904-1' }] });
    expect(r.charges[0]!.nature).toBe('delit');
    expect(r.total.prison).toEqual({ kind: 'emprisonnement', months: 120, life: false });
    // The 2019 fine is harsher than the old "no fine": the old law keeps it at none (112-1 al. 2).
    expect(r.total.fine).toBeNull();
  });
  it('an item that left the text before judgment no longer applies; one that was only renumbered still does (112-1 al. 3)', () => {
    const removed = run({ date: '2005-01-01', judgmentDate: '2026-01-01', charges: [{ ref: '906-1 5°' }] });
    expect(removed.charges[0]).toMatchObject({ punishable: false, reason: 'ABOLISHED' });
    const renumbered = run({ date: '2005-01-01', judgmentDate: '2026-01-01', charges: [{ ref: '906-1 3°' }] });
    expect(renumbered.charges[0]!.punishable).toBe(true);
    expect(renumbered.total.prison?.months).toBe(60);
    expect(renumbered.trace.some((s) => s.code === 'ITEM_RENUMBERED')).toBe(true);
    // Before the renumbering took effect, the old number was simply in force.
    expect(run({ date: '2005-01-01', judgmentDate: '2009-06-01', charges: [{ ref: '906-1 5°' }] }).charges[0]!.punishable).toBe(true);
  });
  it('an item moved to another text is not abolished: the facts stay punishable, with a note (112-1 al. 3)', () => {
    const moved = run({ date: '2015-01-01', judgmentDate: '2026-01-01', charges: [{ ref: '906-1 6°' }] });
    expect(moved.charges[0]!.punishable).toBe(true);
    expect(moved.total.prison?.months).toBe(60);
    expect(moved.trace.some((s) => s.code === 'ITEM_MOVED')).toBe(true);
    expect(moved.warnings.map((w) => w.message).join(' ')).toMatch(/132-77/);
    // Facts after the move are not punishable under the old item: the new text is what applies.
    expect(run({ date: '2018-01-01', judgmentDate: '2026-01-01', charges: [{ ref: '906-1 6°' }] }).charges[0]!.reason).toBe('REPEALED_BEFORE_FACTS');
  });
  it('a dated item does not reach facts before it was added', () => {
    const r = run({ date: '2009-12-31', judgmentDate: '2010-06-01', charges: [{ ref: '904-1 2°' }] });
    expect(r.charges[0]!.reason).toBe('NOT_YET_IN_FORCE');
    expect(run({ date: '2009-12-31', judgmentDate: '2010-06-01', charges: [{ ref: '904-1 1°' }] }).charges[0]!.punishable).toBe(true);
  });
});

describe('classification and fines', () => {
  it('a fine-only offence of 7 500 € is a délit (fine >= 3 750 €); a class-4 fine is a contravention (131-13: 750 €)', () => {
    const r = run({ date: '2024-01-01', judgmentDate: '2024-06-01', charges: [{ ref: '905-1' }, { ref: 'R905-2' }] });
    expect(r.charges.map((c) => c.nature)).toEqual(['delit', 'contravention']);
    expect(r.charges[1]!.fine).toBe('750');
    // 132-7: the contravention fine adds to the délit fine.
    expect(r.total.fine).toBe('8250');
    expect(r.total.fineParts).toEqual({ crimesDelits: '7500', contraventions: '750' });
  });
  it('counts life as dominating any term (132-5) and keeps the arithmetic sum apart', () => {
    const r = run({ date: '2018-01-01', judgmentDate: '2018-06-01', charges: [{ ref: '904-1' }, { ref: '901-1' }] });
    expect(r.total.prison).toEqual({ kind: 'reclusion-criminelle', months: 240, life: false });
    expect(r.arithmetic.prison).toEqual({ months: 300, life: false });
    expect(r.arithmetic.fine).toBe('75000');
  });
});

describe('errors are data', () => {
  it('names the path of an unknown ref and suggests close ones', () => {
    const r = evaluate(rules, { charges: [{ ref: '901-1' }, { ref: '901-2' }] }, { today: '2026-01-01' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('UNKNOWN_PROVISION');
      expect(r.error.path).toBe('charges[1].ref');
      expect(r.error.message).toContain('901-1');
    }
  });
  it('rejects unknown fields, float amounts and bad dates with their paths', () => {
    const bad = [
      [{ charges: [{ ref: '901-1', montant: '1' }] }, 'charges[0]'],
      [{ charges: [{ ref: '901-1', amount: 1000 }] }, 'charges[0].amount'],
      [{ charges: [{ ref: '901-1', amount: '-5' }] }, 'charges[0].amount'],
      [{ date: '2024-02-30', charges: [{ ref: '901-1' }] }, 'date'],
      [{ charges: [] }, 'charges'],
    ] as const;
    for (const [c, path] of bad) {
      const r = evaluate(rules, c, { today: '2026-01-01' });
      expect(r.ok, JSON.stringify(c)).toBe(false);
      if (!r.ok) { expect(r.error.code).toBe('INVALID_CASE'); expect(r.error.path).toBe(path); }
    }
  });
  it('récidive of 132-8 keeps the kind of custody: 15 years of détention criminelle become 30 years of détention', () => {
    const r = run({ date: '2020-01-01', judgmentDate: '2021-01-01', offender: { priors: [{ ref: '907-1', final: '2015-01-01' }] }, charges: [{ ref: '907-1' }] });
    expect(r.total.prison).toEqual({ kind: 'detention-criminelle', months: 360, life: false });
    const rc = run({ date: '2020-01-01', judgmentDate: '2021-01-01', offender: { priors: [{ ref: '904-1', final: '2015-01-01', date: '2010-01-01' }] }, charges: [{ ref: '907-1' }] });
    expect(rc.total.prison).toEqual({ kind: 'detention-criminelle', months: 360, life: false });
  });
  it('rejects an unknown prior with its path', () => {
    const r = evaluate(rules, { offender: { priors: [{ ref: '999-9', final: '2010-01-01' }] }, charges: [{ ref: '901-1' }] }, { today: '2026-01-01' });
    expect(r.ok).toBe(false);
    if (!r.ok) { expect(r.error.code).toBe('UNKNOWN_PROVISION'); expect(r.error.path).toBe('offender.priors[0].ref'); }
  });
});

describe('trace', () => {
  it('cites the article of every step and the version used', () => {
    const r = run({ date: '2018-01-01', judgmentDate: '2026-01-01', charges: [{ ref: '901-1' }, { ref: 'R905-2' }] });
    expect(r.trace.every((s) => s.rule.length > 0 && s.text.length > 0)).toBe(true);
    const rules_ = r.trace.map((s) => s.rule);
    expect(rules_).toContain('112-1');
    expect(rules_).toContain('132-5');
    expect(rules_).toContain('132-7');
    expect(r.trace.some((s) => s.code === 'MILDER_LAW')).toBe(true);
  });
  it('speaks English on request', () => {
    const r = evaluate(rules, { date: '2018-01-01', charges: [{ ref: '901-1' }] }, { today: '2026-01-01', lang: 'en' }) as Result & { trace: NonNullable<Result['trace']> };
    expect(r.trace[0]!.text).toMatch(/^Text applicable/);
  });
});

describe('an offence continued by another provision, and penalties of another article', () => {
  const r2 = fixtureRules([
    // 911-1 (3 years / 45 000 €) was repealed on 2021-05-01 and continued by "route L911-2" (5 years / 75 000 €,
    // milder fine no: harsher); 912-1 was repealed without continuation.
    article('911-1', [provision('911-1', [version('1994-03-01', '2021-05-01', { prison: E(36), fine: { amount: '45000' } })],
      { repealed: { from: '2021-05-01', by: 'fixture recodification', sources: ['https://example.org/r'], continuedBy: 'route L911-2' } })]),
    article('L911-2', [provision('L911-2', [version('2021-05-01', null, { prison: E(60), fine: { amount: '30000' } })])], 'route'),
    article('912-1', [provision('912-1', [version('1994-03-01', '2021-05-01', { prison: E(36), fine: { amount: '45000' } })],
      { repealed: { from: '2021-05-01', by: 'fixture repeal', sources: ['https://example.org/r'] } })]),
    // 913-1 takes the penalties of 914-1, whose fine is the higher of 10 000 € and twice the amount.
    article('913-1', [provision('913-1', [version('1994-03-01', null, { penaltyOf: '914-1' })])]),
    article('914-1', [provision('914-1', [version('1994-03-01', null, { prison: E(24), fine: { amount: '10000', proportional: { ratio: '2', article: '914-1', base: { fr: 'valeur', en: 'value' } } } })])]),
  ]);
  const ev = (c: object) => evaluate(r2, { judgmentDate: '2026-11-29', ...c }, { today: '2026-11-29' }) as Result;

  it('facts before the move, judged after: still punishable, each penalty the milder of both texts (112-1 al. 3)', () => {
    const r = ev({ date: '2020-01-01', charges: [{ ref: '911-1' }] });
    expect(r.charges[0]!.punishable).toBe(true);
    expect(r.total.prison).toEqual({ kind: 'emprisonnement', months: 36, life: false }); // the old text's 3 years
    expect(r.total.fine).toBe('30000'); // the new text's 30 000 € is milder
    expect(r.warnings.map((w) => w.message).join(' ')).toContain('remplacé par route L911-2');
  });
  it('without a continuation the same repeal abolishes the offence (112-1 al. 3)', () => {
    expect(ev({ date: '2020-01-01', charges: [{ ref: '912-1' }] }).charges[0]!.reason).toBe('ABOLISHED');
  });
  it('facts after the move charged under the old number are not punishable under it, and the result names the new one', () => {
    const r = ev({ date: '2022-01-01', charges: [{ ref: '911-1' }] });
    expect(r.charges[0]!.reason).toBe('REPEALED_BEFORE_FACTS');
    expect(r.warnings.map((w) => w.message).join(' ')).toContain('poursuivez route L911-2');
  });
  it('the new number charged for facts before it existed is judged under the text it replaced, the milder of both (112-1)', () => {
    const r = ev({ date: '2020-01-01', charges: [{ ref: 'route L911-2' }] });
    expect(r.charges[0]!.punishable).toBe(true);
    expect(r.total.prison?.months).toBe(36); // 911-1's 3 years, milder than the new 5
    expect(r.total.fine).toBe('30000');       // the new 30 000 €, milder than 45 000 €
    expect(r.warnings.map((w) => w.message).join(' ')).toContain('le texte applicable est 911-1');
  });
  it('"puni des peines prévues à l\'article 914-1" takes its prison, and its proportional fine with this charge\'s amount', () => {
    const r = ev({ date: '2024-01-01', charges: [{ ref: '913-1', amount: '50000' }] });
    expect(r.total.prison?.months).toBe(24);
    expect(r.total.fine).toBe('100000'); // twice 50 000 €, above 10 000 €
    expect(ev({ date: '2024-01-01', charges: [{ ref: '913-1' }] }).total.fine).toBe('10000');
  });
});

describe('112-1 across a provision that continues another (the shipped catalogue)', () => {
  const real = loadRules();
  const run = (c: object) => evaluate(real, c, { today: '2026-11-29' }) as Result;
  it('a subdivision added after the facts is not yet in force, and no predecessor is offered for it', () => {
    // route L237-1 I 2° (manifest drug use while driving) appears with L237-1 on 2026-08-22; L234-1 II, which
    // L237-1 I continues, punished manifest drunkenness only: facts of 2026-08-01 under 2° were no offence.
    const r = run({ date: '2026-08-01', judgmentDate: '2026-11-29', charges: [{ ref: 'route L237-1 I 2°' }] });
    expect(r.charges[0]!.punishable).toBe(false);
    expect(r.charges[0]!.reason).toBe('NOT_YET_IN_FORCE');
    expect(r.warnings.some((w) => (w.message ?? "").includes('L234-1 II'))).toBe(false);
  });
  it("a later version's notice is named after the provision it belongs to", () => {
    // route L234-1 II (ivresse manifeste), facts of 2026-01-01: the later text compared under 112-1 al. 3 is
    // L237-1 I (from 2026-08-22), whose version carries the notice: it is that provision's, not L234-1 II's.
    const r = run({ date: '2026-01-01', judgmentDate: '2026-11-29', charges: [{ ref: 'route L234-1 II' }] });
    const notices = r.warnings.filter((w) => (w.message ?? "").includes('22 août 2026'));
    expect(notices.length).toBeGreaterThan(0);
    for (const w of notices) expect((w.message ?? "").startsWith('route L237-1 I')).toBe(true);
  });
});

describe('R610-2: complicity in a contravention (the shipped catalogue)', () => {
  it('is punished as the author, with a note that aid or assistance needs a text', () => {
    // R610-2: provocation or instructions, as the author (R625-1: 5th class, 1 500 €); aid or assistance only where
    // the contravention's text provides it, which a case does not say.
    const r = evaluate(loadRules(), { date: '2024-01-01', charges: [{ ref: 'R625-1', accomplice: true }] }, { today: '2026-11-29' }) as Result;
    expect(r.charges[0]!.fine).toBe('1500');
    expect(r.warnings.some((w) => w.code === 'NOTE' && (w.message ?? "").includes('R610-2'))).toBe(true);
  });
});

describe('a general aggravation charged as an offence (the shipped catalogue)', () => {
  it('says how to ask for it instead of suggesting look-alike articles', () => {
    // 421-3 raises the offences of 421-1 when they are acts of terrorism; it punishes nothing by itself.
    const r = evaluate(loadRules(), { date: '2024-01-01', charges: [{ ref: '421-3' }] }, { today: '2026-11-29' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INVALID_CASE'); // a ref that names a rule, not an offence (docs/contract.md, Codes)
    expect(r.error.message).toContain('aggravation=421-3');
  });
});
