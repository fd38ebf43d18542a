// The engine names a case's fields as the contract's JSON spells them ("amount", "predicate"); a user who gave the
// case on the command line (montant=), in the terminal UI (the m key) or in CSV (birth_date) is told in those terms.
// The words are each language's (src/messages: `terms`); this rewrites an outcome's messages with them.
import type { Outcome } from '../core/contract.js';
import type { Lang } from '../core/model.js';
import { MESSAGES } from '../messages/index.js';

/** Where the case came from: the command line's charge options, the terminal UI, or CSV columns. */
export type Surface = 'cli' | 'ui' | 'csv';

/** A message with the contract's field names put in the surface's terms. */
export function userTerms(message: string, surface: Surface, lang: Lang): string {
  let out = message;
  for (const [json, user] of MESSAGES[lang].terms[surface]) out = out.replace(json, user);
  return out;
}

/** An outcome whose error, warnings and steps speak the surface's terms (a new object; the outcome is left as is). */
export function inUserTerms(o: Outcome, surface: Surface, lang: Lang): Outcome {
  const say = (m: string) => userTerms(m, surface, lang);
  if (!o.ok) return { ...o, error: { ...o.error, message: say(o.error.message) } };
  const warnings = o.warnings.map((w) => (w.message === undefined ? w : { ...w, message: say(w.message) }));
  return { ...o, warnings };
}
