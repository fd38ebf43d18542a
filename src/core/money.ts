import { Decimal } from 'decimal.js';

/** Money: an isolated Decimal constructor, so global configuration never leaks in. */
export const Money = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN, toExpPos: 1000, toExpNeg: -1000 });
export type Money = Decimal;

/** A maximum is never rounded up: cut to the cent. */
export function moneyString(d: Decimal): string {
  return d.toDecimalPlaces(2, Decimal.ROUND_DOWN).toFixed();
}
