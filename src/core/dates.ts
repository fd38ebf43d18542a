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
