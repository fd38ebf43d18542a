// Penalties as figures: custodial maxima from the data's specs, and how two maxima compare (most severe first).
import type { Decimal } from 'decimal.js';
import type { PrisonOut } from './contract.js';
import type { PrisonSpec } from './model.js';

export function prisonOut(p: PrisonSpec | null | undefined): PrisonOut | null {
  if (!p) return null;
  return p.life ? { kind: p.kind, months: null, life: true } : { kind: p.kind, months: p.months ?? 0, life: false };
}

/**
 * Severity of a custodial maximum: life first, then length, then the kind: emprisonnement, détention criminelle (the
 * political crimes' penalty, the milder regime), réclusion criminelle. Every tie is broken, so a concours of a
 * réclusion and a détention of the same length names the same total whatever the order of the charges.
 */
const KIND_RANK: Record<PrisonOut['kind'], number> = { 'emprisonnement': 0, 'detention-criminelle': 1, 'reclusion-criminelle': 2 };
export function comparePrison(a: PrisonOut | null, b: PrisonOut | null): number {
  const rank = (p: PrisonOut | null): [number, number, number] =>
    p === null ? [-1, 0, 0] : [p.life ? 1 : 0, p.months ?? 0, KIND_RANK[p.kind]];
  const x = rank(a), y = rank(b);
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

export function compareFine(a: Decimal | null, b: Decimal | null): number {
  if (a === null || b === null) return (a === null ? 0 : 1) - (b === null ? 0 : 1);
  return a.comparedTo(b);
}
