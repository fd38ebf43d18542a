// Amounts of money as users write them, one rule everywhere (JSON, CSV, command line, terminal UI): digits with an
// optional decimal point or comma and at most two decimals, thousands optionally grouped by spaces (plain,
// no-break or narrow no-break), apostrophes or underscores, and an optional euro sign: "2000000", "2 000 000,50",
// "2_000_000.5 €". The canonical form is the contract's: digits, a point, no grouping, no trailing zero of the cents
// ("2000000.5").

const GROUP = /[ \u00a0\u202f_']/g;
const SHAPE = /^(\d{1,3}(?:[ \u00a0\u202f_']\d{3})+|\d{1,30})(?:[.,](\d{1,2}))?$/;

/** The canonical decimal string of an amount as written, or null when it is not an amount. */
export function canonicalAmount(text: string): string | null {
  const s = text.trim().replace(/\s*€$/, '');
  const m = SHAPE.exec(s);
  if (!m) return null;
  const int = m[1]!.replace(GROUP, '').replace(/^0+(?=\d)/, '');
  if (int.length > 30) return null;
  // One form per value: "4 000 000,00" is 4000000, "0,50" is 0.5 (the echo and the trace then say the same).
  const frac = m[2]?.replace(/0+$/, '');
  return frac ? `${int}.${frac}` : int;
}

/** Whether an amount is already in the canonical form (nothing to normalise). */
export const isCanonicalAmount = (text: string): boolean => /^(0|[1-9]\d{0,29})(\.\d?[1-9])?$/.test(text);

/**
 * Why a text is not an amount, when it can be told: more than two decimals ("1.123": a point or comma separates
 * decimals; thousands are grouped by spaces), a sign, more than 30 digits; null otherwise (not a number at all).
 */
export function amountProblem(text: string): 'decimals' | 'negative' | 'digits' | null {
  const s = text.trim().replace(/\s*€$/, '');
  if (/^[-−]\s*\d/.test(s)) return 'negative';
  if (/^\d[\d \u00a0\u202f_']*[.,]\d{3,}$/.test(s)) return 'decimals';
  if (/^\d{31,}([.,]\d{1,2})?$/.test(s.replace(GROUP, ''))) return 'digits';
  return null;
}
