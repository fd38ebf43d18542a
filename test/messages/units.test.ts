// Durations as lawyers write them: years and months, thousands grouped as money is.
import { describe, expect, it } from 'vitest';
import { formatDuration, formatSumPrison } from '../../src/messages/units.js';

describe('formatDuration', () => {
  it('years and months, singular and plural', () => {
    expect(formatDuration(18, 'fr')).toBe('1 an et 6 mois');
    expect(formatDuration(18, 'en')).toBe('1 year and 6 months');
    expect(formatDuration(0, 'fr')).toBe('0 mois');
  });
  it('a sum of thousands of charges groups its years (red team rt13c: "30000 ans")', () => {
    expect(formatDuration(360_000, 'fr')).toBe('30 000 ans');
    expect(formatDuration(360_000, 'en')).toBe('30,000 years');
    expect(formatDuration(9_999 * 12, 'fr')).toBe('9999 ans');
    expect(formatSumPrison({ months: 120_006, life: true }, 'fr')).toBe('perpétuité + 10 000 ans et 6 mois');
  });
});
