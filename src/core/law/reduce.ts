// A custodial maximum reduced by a general rule (repentis, 132-78; the minors' excuse): a share that remains
// ("réduite de moitié": 1/2; "des deux tiers": 1/3), life replaced by a term, or a fixed term. Months stay whole:
// a share that does not fall on a whole month is rounded down, and the caller says so.
import type { PrisonOut } from '../contract.js';

export interface Reduced { prison: PrisonOut; rounded: boolean; lifeKept: boolean }

/** The share `remaining` ("1/2") of a custodial maximum; life becomes `lifeTo` months, or stays (lifeKept) without it. */
export function reducePrison(p: PrisonOut, rule: { remaining?: string | undefined; lifeTo?: number | undefined; fixedTo?: number | undefined }): Reduced {
  if (rule.fixedTo !== undefined) {
    const months = p.life ? rule.fixedTo : Math.min(p.months ?? 0, rule.fixedTo);
    return { prison: { kind: p.kind, months, life: false }, rounded: false, lifeKept: false };
  }
  if (p.life) {
    return rule.lifeTo !== undefined
      ? { prison: { kind: p.kind, months: rule.lifeTo, life: false }, rounded: false, lifeKept: false }
      : { prison: p, rounded: false, lifeKept: true };
  }
  if (rule.remaining === undefined) return { prison: p, rounded: false, lifeKept: false };
  const [num, den] = rule.remaining.split('/').map(Number) as [number, number];
  const exact = (p.months ?? 0) * num;
  return { prison: { kind: p.kind, months: Math.floor(exact / den), life: false }, rounded: exact % den !== 0, lifeKept: false };
}
