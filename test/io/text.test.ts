// The text view says where each penalty comes from when 112-1 al. 3 takes custody and fine from different versions.
import { describe, expect, it } from 'vitest';
import { evaluate, loadRules } from '../../src/index.js';
import { formatResult } from '../../src/io/text.js';
import { formatMarkdown } from '../../src/io/markdown.js';
import type { Result } from '../../src/core/contract.js';

const rules = loadRules();

describe('text view of a milder later law', () => {
  it('insider dealing by a company in 2015: the fine follows the 2016 text (CMF L465-3-5 I), custody none; the line names that version', () => {
    const r = evaluate(rules, { date: '2015-05-01', judgmentDate: '2026-11-29', offender: { type: 'legal' }, charges: [{ ref: 'CMF L465-1', amount: '100000000' }] }, { today: '2026-11-29' }) as Result;
    const text = formatResult(r, 'fr', { width: 200 });
    expect(text).toMatch(/version en vigueur du 28\/07\/2013 au 03\/07\/2016/);
    expect(text).toMatch(/amende : loi plus douce \(112-1\), version du 03\/07\/2016/);
  });
  it('one version for both: no such line (311-3, unchanged since 1994)', () => {
    const r = evaluate(rules, { date: '2015-05-01', judgmentDate: '2026-11-29', charges: [{ ref: '311-3' }] }, { today: '2026-11-29' }) as Result;
    expect(formatResult(r, 'fr', { width: 200 })).not.toMatch(/loi plus douce \(112-1\), version/);
  });
});

describe('a fine the case cannot compute', () => {
  // Code des douanes 414: the fine is a multiple of the value of the goods only (no fixed figure): without `amount`
  // it is not computed, which the result says (fineNotComputed) and the views show, never as "no fine".
  it('douanes 414 without amount: fineNotComputed, "non calculée" in the charge and the total; with 311-3 the total says what it lacks', () => {
    const alone = evaluate(rules, { date: '2020-05-01', judgmentDate: '2026-11-29', charges: [{ ref: 'douanes 414' }] }, { today: '2026-11-29' }) as Result;
    expect(alone.charges[0]!.fine).toBeNull();
    expect(alone.charges[0]!.fineNotComputed).toBe(true);
    const text = formatResult(alone, 'fr', { width: 200 });
    expect(text).toMatch(/Amende\s+: non calculée/);
    expect(text).not.toMatch(/Amende\s+: aucune/);
    const two = evaluate(rules, { date: '2020-05-01', judgmentDate: '2026-11-29', charges: [{ ref: 'douanes 414' }, { ref: '311-3' }] }, { today: '2026-11-29' }) as Result;
    expect(formatResult(two, 'fr', { width: 200 })).toMatch(/45 000 € — maximum fixé par 311-3 \(sans l'amende non calculée de douanes 414\)/);
  });
  it('the arithmetic sum lacks the same fine and says so, in text, Markdown and the trace (never "aucune" or a bare figure)', () => {
    const alone = evaluate(rules, { date: '2024-05-01', judgmentDate: '2026-11-29', charges: [{ ref: 'douanes 415' }] }, { today: '2026-11-29' }) as Result;
    const sumLine = (text: string) => text.split('\n').find((l) => l.includes('Somme arithmétique'))!;
    expect(sumLine(formatResult(alone, 'fr', { width: 200 }))).toMatch(/: 10 ans ; non calculée \(montant manquant\)$/);
    expect(sumLine(formatMarkdown(alone, 'fr'))).toMatch(/: 10 ans ; non calculée \(montant manquant\)$/);
    const two = evaluate(rules, { date: '2024-05-01', judgmentDate: '2026-11-29', charges: [{ ref: 'douanes 415' }, { ref: '311-3' }] }, { today: '2026-11-29' }) as Result;
    expect(sumLine(formatResult(two, 'fr', { width: 200 }))).toMatch(/: 13 ans ; 45 000 € \(sans l'amende non calculée de douanes 415\)$/);
    expect(sumLine(formatMarkdown(two, 'fr'))).toMatch(/: 13 ans ; 45 000 € \(sans l'amende non calculée de douanes 415\)$/);
    expect(formatMarkdown(two, 'en')).toContain('13 years; €45,000 (without the uncomputed fine of douanes 415)');
    expect(two.trace!.find((s) => s.code === 'ARITHMETIC')!.text).toContain("45 000 € (sans l'amende non calculée de douanes 415)");
  });
  it('with its base given, the fine is computed and the flag is absent (twice 100 000 €)', () => {
    const r = evaluate(rules, { date: '2020-05-01', judgmentDate: '2026-11-29', charges: [{ ref: 'douanes 414', amount: '100000' }] }, { today: '2026-11-29' }) as Result;
    expect(r.charges[0]!.fineNotComputed).toBeUndefined();
    expect(r.total.fine).not.toBeNull();
  });
});

describe('show', () => {
  it('lists a version\'s récidive exclusion (221-5-6 al. 2: "les articles 132-8 et 132-9 ne sont pas applicables")', async () => {
    const { formatProvision } = await import('../../src/io/text.js');
    const out = formatProvision(rules, rules.provisions.get('221-5-6 al. 2')!, '2024-05-01', 'fr');
    expect(out).toContain('récidive : le texte écarte 132-8, 132-9');
  });
});

describe('a total that lacks a charge whose law is not held (LAW_NOT_HELD)', () => {
  // 311-3 for facts of 1993: the Code pénal of 1994 is held from 1994-03-01, the former code's theft is not.
  const only = evaluate(rules, { date: '1993-12-31', judgmentDate: '2026-11-29', charges: [{ ref: '311-3' }] }, { today: '2026-11-29' }) as Result;
  const mixed = evaluate(rules, { date: '2024-01-01', judgmentDate: '2026-11-29', charges: [{ ref: '311-3', date: '1993-06-01' }, { ref: '222-37' }] }, { today: '2026-11-29' }) as Result;
  it('JSON: total.notComputed names it; absent when every charge is computed', () => {
    expect(only.total.notComputed).toEqual(['311-3']);
    expect(mixed.total.notComputed).toEqual(['311-3']);
    expect(mixed.total.prison?.months).toBe(120); // 222-37: 10 ans
    const plain = evaluate(rules, { date: '2024-01-01', judgmentDate: '2026-11-29', charges: [{ ref: '311-3' }] }, { today: '2026-11-29' }) as Result;
    expect('notComputed' in plain.total).toBe(false);
  });
  it('text and Markdown say "non calculée" and "Total incomplet", never "aucune", in both languages', () => {
    const fr = formatResult(only, 'fr', { width: 200 });
    expect(fr).toMatch(/Privation de liberté : non calculée/);
    expect(fr).toMatch(/Amende {15}: non calculée/);
    expect(fr).toMatch(/Total incomplet : 311-3 n'y figure pas/);
    expect(formatResult(only, 'en', { width: 200 })).toMatch(/Custody: not computed[\s\S]*Total incomplete: 311-3/);
    expect(formatMarkdown(only, 'fr')).toMatch(/\*\*non calculée\*\*/);
    expect(formatResult(mixed, 'fr', { width: 200 })).toMatch(/Total incomplet : 311-3/);
    // The trace says "not computed", never "no punishable offence" (rt11a); two such charges: plural.
    const traced = evaluate(rules, { date: '1990-01-01', judgmentDate: '2025-01-01', charges: [{ ref: '311-3' }, { ref: '222-37' }] }, { today: '2026-11-29' }) as Result;
    const text = formatResult(traced, 'fr', { width: 200, trace: true });
    expect(text).toMatch(/Aucune peine calculée/);
    expect(text).not.toMatch(/Aucune infraction punissable/);
    expect(text).toMatch(/311-3, 222-37 n'y figurent pas/);
    expect(text).toMatch(/Somme arithmétique[^\n]*: non calculée ; non calculée/);
  });
});

describe('what sets a total when a clause adds a charge on top (route L233-1 II)', () => {
  // Route L233-1 II (loi n° 2022-52): the refusal to stop's penalties cumulate with those of the other offences
  // committed while driving. With a speeding contravention only, no crime or délit caps anything: the 2 years are
  // L233-1 I's own, and the fine is its 15 000 € plus the contravention's (132-7): no charge "caps" either.
  const r = evaluate(rules, { date: '2025-09-01', judgmentDate: '2026-11-29', charges: [{ ref: 'route L233-1 I' }, { ref: 'route R413-14 I' }] }, { today: '2026-11-29' }) as Result;
  it('text: the fine is not called a sum of contravention fines alone, custody names the cumulated penalties', () => {
    const text = formatResult(r, 'fr', { width: 200 });
    expect(text).toMatch(/Privation de liberté : 2 ans d'emprisonnement — peines cumulées ci-dessous/);
    expect(text).toMatch(/somme des amendes contraventionnelles \(art\. 132-7\), total incluant les peines cumulées ci-dessous/);
    expect(text).not.toMatch(/maximum fixé par route R413-14/);
  });
  it('Markdown: no contravention named as the cap of the fine', () => {
    const md = formatMarkdown(r, 'fr');
    const total = md.slice(md.indexOf('## Total'), md.indexOf('## Explication'));
    expect(total).not.toMatch(/\(route R413-14 I/);
    expect(md).toMatch(/\*\*2 ans d'emprisonnement\*\* \(peines cumulées ci-dessous\)/);
  });
});

describe('custody of two kinds added on top (132-6-1, red team rt19a)', () => {
  // 225-8 (20 ans de réclusion criminelle) for the offence of detention; 222-52 al. 1 (5 ans d'emprisonnement)
  // committed in detention adds on top (132-6-1, 2025): réclusion and emprisonnement are not one scale (131-1,
  // 131-4), so the total says both, not "25 ans de réclusion criminelle".
  const r = evaluate(rules, { date: '2025-12-01', judgmentDate: '2026-11-29', charges: [{ ref: '225-8', date: '2023-01-01' }, { ref: '222-52 al. 1', relatedTo: [0] }] }, { today: '2026-11-29' }) as Result;
  it('the result keeps both parts; text, Markdown and English name them', () => {
    expect(r.total.prisonParts).toEqual({ capped: { kind: 'reclusion-criminelle', months: 240, life: false }, cumulated: { kind: 'emprisonnement', months: 60, life: false } });
    expect(formatResult(r, 'fr', { width: 200 })).toMatch(/Privation de liberté : 20 ans de réclusion criminelle \+ 5 ans d'emprisonnement — /);
    expect(formatMarkdown(r, 'en')).toMatch(/\*\*20 years' criminal imprisonment \(réclusion\) \+ 5 years' imprisonment\*\*/);
  });
});

describe('custody of two kinds added on top, if the minors\' excuse is set aside (attacker rt22b)', () => {
  it('the total then names both parts too', () => {
    // 222-36 al. 2 (30 ans de réclusion criminelle) and 222-37 (10 ans d'emprisonnement) committed in detention for
    // it (132-6-1, 2025), by a 17-year-old: set aside, the excuse leaves 30 years' réclusion + 10 years' emprisonnement.
    const r = evaluate(rules, { date: '2025-09-01', judgmentDate: '2026-01-01', offender: { birthDate: '2008-06-01' }, charges: [{ ref: '222-36 al. 2' }, { ref: '222-37', relatedTo: [0] }] }, { today: '2026-11-29' }) as Result;
    expect(r.total.withoutExcuse?.prisonParts).toEqual({ capped: { kind: 'reclusion-criminelle', months: 360, life: false }, cumulated: { kind: 'emprisonnement', months: 120, life: false } });
    expect(formatResult(r, 'fr', { width: 200 })).toMatch(/si l'excuse de minorité est écartée : 30 ans de réclusion criminelle \+ 10 ans d'emprisonnement ; /);
  });
});

describe('a date of facts the case did not give (red team rt13c)', () => {
  it('is today, and the result and the views say it was defaulted', () => {
    const r = evaluate(rules, { charges: [{ ref: '311-3' }], judgmentDate: '2026-11-29' }, { today: '2026-11-29' }) as Result;
    expect(r.date).toBe('2026-11-29');
    expect(r.dateDefault).toBe(true);
    expect(r.judgmentDateDefault).toBeUndefined();
    expect(formatResult(r, 'fr', { width: 200 })).toMatch(/faits du 29\/11\/2026 \(aujourd'hui, par défaut\) · jugement au 29\/11\/2026\n/);
    expect(formatMarkdown(r, 'en')).toMatch(/Date of the facts: 2026-11-29 \(today, by default\)/);
    const given = evaluate(rules, { date: '2024-01-01', charges: [{ ref: '311-3' }] }, { today: '2026-11-29' }) as Result;
    expect(given.dateDefault).toBeUndefined();
  });
});

describe('layout of wrapped text (new-user pass ux20)', () => {
  it('--trace: continuation lines of steps 1-9 and of 10 and above are indented alike, under the text', async () => {
    const { wrapText } = await import('../../src/io/wrap.js');
    const long = 'mot '.repeat(30).trim();
    const lines = wrapText(`   9. [art. 1] ${long}\n  10. [art. 2] ${long}`, 60).split('\n');
    const continuations = lines.filter((l) => !/^ *\d+\. /.test(l));
    expect(continuations.length).toBeGreaterThan(2);
    for (const l of continuations) expect(/^ */.exec(l)![0].length).toBe(6);
  });
  it('an article reference with its subdivision is never split ("(art. 225-20" / "3°)"), and output keeps plain spaces', () => {
    const r = evaluate(rules, { date: '2024-05-01', judgmentDate: '2026-11-29', charges: [{ ref: '225-5' }] }, { today: '2026-11-29' }) as Result;
    for (let width = 40; width <= 120; width++) {
      const text = formatResult(r, 'fr', { complementary: true, trace: true, width });
      expect(text, `width ${width}`).not.toMatch(/\(art\.( [^)\n]*)?\n/);
      expect(text, `width ${width}`).not.toMatch(/\u00a0/);
    }
  });
  it('show: no line ends with a space, and "← en vigueur à cette date" stays with the version it marks', async () => {
    const { formatProvision } = await import('../../src/io/text.js');
    const { wrapText } = await import('../../src/io/wrap.js');
    for (let width = 40; width <= 120; width += 7) {
      const lines = wrapText(formatProvision(rules, rules.provisions.get('311-3')!, '2024-05-01', 'fr'), width).split('\n');
      expect(lines.filter((l) => / $/.test(l)), `width ${width}`).toEqual([]);
      expect(lines.filter((l) => /^\s*← /.test(l)), `width ${width}`).toEqual([]);
    }
  });
});

describe('Markdown: the cap if life is not pronounced (attacker rt22b)', () => {
  it('is said beside a life total, as the text says it', () => {
    // 221-4: réclusion criminelle à perpétuité; 131-1 2°: thirty years at most when life is not pronounced.
    const r = evaluate(rules, { date: '2024-01-01', judgmentDate: '2026-11-29', charges: [{ ref: '221-4' }] }, { today: '2026-11-29' }) as Result;
    expect(formatMarkdown(r, 'fr')).toMatch(/\*\*réclusion criminelle à perpétuité\*\* \(221-4\) ; si la perpétuité n'est pas prononcée : 30 ans au plus/);
  });
});

describe('library: bad arguments are named (attacker rt22b)', () => {
  it('resolve and describeProvision refuse a non-string ref or an unknown language with a TypeError saying so', async () => {
    const { resolve, describeProvision } = await import('../../src/api.js');
    expect(() => resolve(rules, 311 as never)).toThrow(/la référence est une chaîne/);
    expect(() => resolve(rules, '999-9', 'xx' as never)).toThrow(/la langue est "fr" ou "en"/);
    expect(() => describeProvision(rules, '311-3', '2024-01-01', 'xx' as never)).toThrow(TypeError);
  });
});
