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
