// Shorthand the command line and the terminal UI accept for a prior conviction (no zod: the CLI starts without it).
import type { Prior } from '../core/contract.js';
import { parseUserDate } from './dates.js';

const DATE = String.raw`\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}`;
const PRIOR = new RegExp(`^(.+?)@(${DATE})(?::(${DATE}))?$`);

/** `REF@FINAL[:EXPIRED]`, e.g. "222-37@2018-01-10:2020-01-10" or "222-37@10/01/2018:10/01/2020"; null if malformed. */
export function parsePriorShorthand(text: string): Prior | null {
  const m = PRIOR.exec(text.trim());
  if (!m) return null;
  const final = parseUserDate(m[2]!);
  const expired = m[3] ? parseUserDate(m[3]) : undefined;
  if (!final || expired === null) return null;
  return { ref: m[1]!.trim(), final, ...(expired ? { expired } : {}) };
}

/** The dates written in a prior's shorthand (final, then expired), whatever they are worth; null if not its shape. */
export function priorDates(text: string): string[] | null {
  const m = PRIOR.exec(text.trim());
  return m ? [m[2]!, ...(m[3] ? [m[3]] : [])] : null;
}
