import { Decimal } from 'decimal.js';

/** Money: an isolated Decimal constructor, so global configuration never leaks in. */
export const Money = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN, toExpPos: 1000, toExpNeg: -1000 });
export type Money = Decimal;

/** A maximum is never rounded up: cut to the cent. */
export function moneyString(d: Decimal): string {
  // Whole euros (nearly every fine) have nothing to cut.
  return d.isInteger() ? d.toFixed() : d.toDecimalPlaces(2, Decimal.ROUND_DOWN).toFixed();
}

const constants = new Map<string, Decimal>();
/** The Decimal of an amount written in the rules (a small, fixed set): parsed once. */
export function moneyOf(amount: string): Decimal {
  let d = constants.get(amount);
  if (!d) { d = new Money(amount); if (constants.size < 10_000) constants.set(amount, d); }
  return d;
}
