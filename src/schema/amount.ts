// Amounts of money as users write them, one rule everywhere (JSON, CSV, command line, terminal UI): digits with an
// optional decimal point or comma and at most two decimals, thousands optionally grouped by spaces (plain,
// no-break or narrow no-break), apostrophes or underscores, and an optional euro sign: "2000000", "2 000 000,50",
// "2_000_000.5 €". The canonical form is the contract's: digits, a point, no grouping ("2000000.5").

const GROUP = /[ \u00a0\u202f_']/g;
const SHAPE = /^(\d{1,3}(?:[ \u00a0\u202f_']\d{3})+|\d{1,30})(?:[.,](\d{1,2}))?$/;

/** The canonical decimal string of an amount as written, or null when it is not an amount. */
export function canonicalAmount(text: string): string | null {
  const s = text.trim().replace(/\s*€$/, '');
  const m = SHAPE.exec(s);
  if (!m) return null;
  const int = m[1]!.replace(GROUP, '').replace(/^0+(?=\d)/, '');
  if (int.length > 30) return null;
  return m[2] ? `${int}.${m[2]}` : int;
}

/** Whether an amount is already in the canonical form (nothing to normalise). */
export const isCanonicalAmount = (text: string): boolean => /^\d{1,30}(\.\d{1,2})?$/.test(text);
