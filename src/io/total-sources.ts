// What sets each figure of a total, for every view (text, Markdown, UI): the charge whose maximum caps it
// (132-3, 132-5), the contravention fines added (132-7), and penalties a clause adds on top (cumulated).
import type { Result } from '../core/contract.js';

export interface TotalSources {
  /** The charge whose maximum is the custodial total, if any; whether penalties added on top count too. */
  prison: { ref: string | null; cumulated: boolean };
  /** The crime or délit whose fine caps (null when none has one); contravention fines and cumulated fines added. */
  fine: { ref: string | null; contraventions: boolean; cumulated: boolean };
}

export function totalSources(t: Result['total']): TotalSources {
  const cumulatedFine = t.fineParts.cumulated !== undefined && t.fineParts.cumulated !== '0';
  return {
    prison: { ref: t.cappedBy.prison, cumulated: t.prison !== null && (t.cumulated?.length ?? 0) > 0 },
    // cappedBy.fine names the first contravention when no crime or délit has a fine: not a cap, a sum.
    fine: { ref: t.fineParts.crimesDelits !== '0' ? t.cappedBy.fine : null, contraventions: t.fineParts.contraventions !== '0', cumulated: cumulatedFine },
  };
}
