import { describe, expect, it } from 'vitest';
import { canonical, parseRef } from '../../src/core/refs.js';
import { formatMoney, formatPrison } from '../../src/messages/units.js';

describe('refs (contract.md: forgiving input, canonical output)', () => {
  const cases: [string, string][] = [
    ['323-3-2 III', '323-3-2 III'],
    ['art. 323-3-2, III', '323-3-2 III'],
    ['323-3-2:iii', '323-3-2 III'],
    ['Article 323-3-2 iii', '323-3-2 III'],
    ['222-24 8°', '222-24 8°'],
    ['222-24 8 °', '222-24 8°'],
    ['227-23 al. 5', '227-23 al. 5'],
    ['227-23 al 5', '227-23 al. 5'],
    ['227-23 alinéa 5', '227-23 al. 5'],
    ['227-23 alinéa 1er', '227-23 al. 1'], // "1er", as the first alinéa is written (red team rt13c)
    ['227-23 al. 1er', '227-23 al. 1'],
    ['227-23 alinéa premier', '227-23 al. 1'],
    ['R625-1', 'R625-1'],
    ['r. 625-1', 'R625-1'],
    ['  324-1  ', '324-1'],
  ];
  for (const [input, out] of cases) {
    it(`${input} -> ${out}`, () => {
      const p = parseRef(input);
      expect(p).not.toBeNull();
      expect(canonical(p!)).toBe(out);
    });
  }
  it('rejects what is not a ref', () => {
    for (const bad of ['', 'vol', '324-1 zz', '323-3-2 IIII x']) expect(parseRef(bad)).toBeNull();
  });
});

describe('French formatting of figures', () => {
  it('groups thousands with spaces and puts the euro sign after', () => {
    expect(formatMoney('500000', 'fr')).toBe('500 000 €');
    expect(formatMoney('1234567.5', 'fr')).toBe('1 234 567,50 €');
    expect(formatMoney('500000', 'en')).toBe('€500,000');
  });
  it('says years and months as a lawyer would', () => {
    expect(formatPrison({ kind: 'emprisonnement', months: 120, life: false }, 'fr')).toBe("10 ans d'emprisonnement");
    expect(formatPrison({ kind: 'emprisonnement', months: 2, life: false }, 'fr')).toBe("2 mois d'emprisonnement");
    expect(formatPrison({ kind: 'reclusion-criminelle', months: null, life: true }, 'fr')).toBe('réclusion criminelle à perpétuité');
    expect(formatPrison({ kind: 'emprisonnement', months: 18, life: false }, 'fr')).toBe("1 an et 6 mois d'emprisonnement");
  });
});

describe('an ambiguous article names its tiers, and says which were repealed', () => {
  it('221-6-1 since loi n° 2025-622: al. 2 and al. 3 repealed on 11 July 2025 (their cases moved to 221-18 ff.)', async () => {
    const { resolve } = await import('../../src/api.js');
    const { loadRules } = await import('../../src/rules/load.js');
    const rules = loadRules();
    const fr = resolve(rules, '221-6-1');
    expect(fr.ok).toBe(false);
    if (fr.ok) return;
    expect(fr.error.code).toBe('AMBIGUOUS_PROVISION');
    expect(fr.error.message).toContain('221-6-1 al. 1, 221-6-1 al. 2 (ou ses 1°, 2°, 3°, 4°, 5°, 6°) [abrogé le 11/07/2025], 221-6-1 al. 3 [abrogé le 11/07/2025]');
    const en = resolve(rules, '221-6-1', 'en');
    expect(!en.ok && en.error.message).toContain('221-6-1 al. 3 [repealed on 2025-07-11]');
    // A tier still in force carries no mark: 323-3-2's three tiers (loi n° 2023-22) are all current.
    const coco = resolve(rules, '323-3-2');
    expect(!coco.ok && coco.error.message).not.toContain('abrogé');
  });
});

describe('a tier then one of its items (audit au15a)', () => {
  it('"222-19-1 al. 2 3°" is the item 3° of the tier al. 2, named as the data names it; an item of another tier is not', async () => {
    const { loadRules, resolve } = await import('../../src/index.js');
    const rules = loadRules();
    const r = resolve(rules, '222-19-1 al. 2 3°');
    expect(r.ok ? r.ref : r.error.message).toBe('222-19-1 3°');
    expect(resolve(rules, '222-19-1 al. 1 3°').ok).toBe(false); // al. 1 has no items
  });
});

describe('a ref that names a rule, not an offence: one code, INVALID_CASE (new-user pass ux20)', () => {
  it('a rule provision (324-3, 323-3-2 IV), a cumulation clause (route L233-1 II, 434-31, 132-6-1, route L324-2 I bis), a general aggravation (132-76)', async () => {
    const { evaluate, loadRules } = await import('../../src/index.js');
    const rules = loadRules();
    const code = (ref: string) => { const r = evaluate(rules, { date: '2026-10-01', judgmentDate: '2026-11-29', charges: [{ ref }] }, { today: '2026-11-29' }); return r.ok ? null : [r.error.code, r.error.path]; };
    for (const ref of ['324-3', '323-3-2 IV', 'route L233-1 II', '434-31', '132-6-1', 'route L324-2 I bis', '132-76']) expect([ref, code(ref)]).toEqual([ref, ['INVALID_CASE', 'charges[0].ref']]);
    const r = evaluate(rules, { charges: [{ ref: '434-31' }] }, { today: '2026-11-29' });
    expect(r.ok ? null : r.error.message).toMatch(/^434-31 est une règle de cumul, pas une infraction/);
  });
});
