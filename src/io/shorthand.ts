// Shorthand the command line and the terminal UI accept for a prior conviction (no zod: the CLI starts without it).
import type { Prior } from '../core/contract.js';

/** The prior-conviction shorthand of the CLI and the TUI: `REF@FINAL[:EXPIRED]`, e.g. "222-37@2018-01-10:2020-01-10". */
export function parsePriorShorthand(text: string): Prior | null {
  const m = /^(.+?)@(\d{4}-\d{2}-\d{2})(?::(\d{4}-\d{2}-\d{2}))?$/.exec(text.trim());
  return m ? { ref: m[1]!.trim(), final: m[2]!, ...(m[3] ? { expired: m[3] } : {}) } : null;
}
