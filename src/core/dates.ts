// Dated data: what is in force on a date. ISO dates compare as strings.
import type { IsoDate } from './model.js';

export function inForce(v: { from: IsoDate; to: IsoDate | null }, d: IsoDate): boolean {
  return v.from <= d && (v.to === null || d < v.to);
}

/** The entry of a dated list in force on a date (a provision's versions, a rule's values). */
export function at<T extends { from: IsoDate; to: IsoDate | null }>(list: readonly T[], d: IsoDate): T | undefined {
  for (let i = 0; i < list.length; i++) if (inForce(list[i]!, d)) return list[i];
  return undefined;
}

/** Adds whole years to a date, keeping the day (29 February becomes 28 February). */
export function addYears(d: IsoDate, years: number): IsoDate {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const ny = y + years;
  const last = new Date(Date.UTC(ny, m, 0)).getUTCDate();
  return `${ny}-${String(m).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/** The entries of a dated list in force at some time from `from` to `to`, both included (112-1 al. 3: facts to judgment). */
export function during<T extends { from: IsoDate; to: IsoDate | null }>(list: readonly T[], from: IsoDate, to: IsoDate): T[] {
  return list.filter((v) => v.from <= to && (v.to === null || v.to > from));
}

/**
 * Age in completed years on a date: 18 on the 18th birthday. Someone born on 29 February has a birthday on
 * 1 March in other years (the day after 28 February), a choice the README states.
 */
export function ageOn(birth: IsoDate, d: IsoDate): number {
  const years = Number(d.slice(0, 4)) - Number(birth.slice(0, 4));
  return d.slice(5) < birth.slice(5) ? years - 1 : years;
}
