// What sets each figure of a total, for every view (text, Markdown, UI): the charge whose maximum caps it
// (132-3, 132-5), the contravention fines added (132-7), and penalties a clause adds on top (cumulated).
import type { Result } from '../core/contract.js';
import type { Lang } from '../core/model.js';
import { formatDuration, formatPrison } from '../messages/units.js';
import { MESSAGES } from '../messages/index.js';

export interface TotalSources {
  /** The charge whose maximum is the custodial total, if any; whether penalties added on top count too. */
  prison: { ref: string | null; cumulated: boolean };
  /** The crime or délit whose fine caps (null when none has one); contravention fines and cumulated fines added. */
  fine: { ref: string | null; contraventions: boolean; cumulated: boolean };
}

export function totalSources(t: Result['total'], lang: Lang): TotalSources {
  const cumulatedFine = t.fineParts.cumulated !== undefined && t.fineParts.cumulated !== '0';
  const fineRef = t.fineParts.crimesDelits !== '0' ? t.cappedBy.fine : null;
  return {
    prison: { ref: withTies(t.cappedBy.prison, t.cappedByAlso?.prison, lang), cumulated: t.prison !== null && (t.cumulated?.length ?? 0) > 0 },
    // cappedBy.fine names the first contravention when no crime or délit has a fine: not a cap, a sum.
    fine: { ref: withTies(fineRef, t.cappedByAlso?.fine, lang), contraventions: t.fineParts.contraventions !== '0', cumulated: cumulatedFine },
  };
}

/** The charge that caps, and those whose maximum is the same ("225-7 et 324-2 1° (à égalité)"). */
function withTies(ref: string | null, ties: readonly string[] | undefined, lang: Lang): string | null {
  if (ref === null || !ties?.length) return ref;
  const all = [ref, ...ties];
  return MESSAGES[lang].text.tie({ refs: all.slice(0, -1), last: all[all.length - 1]! });
}

/**
 * The custodial total as said: with charges added on top whose custody is of another kind than the cap's (réclusion
 * and emprisonnement), the two parts ("20 ans de réclusion criminelle + 5 ans d'emprisonnement"), not their sum
 * under the heavier kind's name, which no scale of 131-1 or 131-4 holds.
 */
export function formatTotalPrison(t: Pick<Result['total'], 'prison' | 'prisonParts'>, lang: Lang): string | null {
  if (!t.prison) return null;
  const parts = t.prisonParts;
  if (!parts?.capped || t.prison.life || parts.capped.life || parts.cumulated.life) return formatPrison(t.prison, lang);
  // Of one kind: the sum, with its parts (the capped total and what was added on top), so that the charge named as
  // setting the cap is not read as setting the whole.
  if (parts.capped.kind === parts.cumulated.kind) return `${formatPrison(t.prison, lang)} (${formatDuration(parts.capped.months ?? 0, lang)} + ${formatDuration(parts.cumulated.months ?? 0, lang)})`;
  return `${formatPrison(parts.capped, lang)} + ${formatPrison(parts.cumulated, lang)}`;
}
