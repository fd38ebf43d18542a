import type { IsoDate, Param, ParamValue, Version } from './model.js';

/** ISO dates compare as strings. */
export const before = (a: IsoDate, b: IsoDate) => a < b;

export function inForce(v: { from: IsoDate; to: IsoDate | null }, d: IsoDate): boolean {
  return v.from <= d && (v.to === null || d < v.to);
}

export function versionAt(versions: Version[], d: IsoDate): Version | undefined {
  return versions.find((v) => inForce(v, d));
}

/** The value of a dated parameter of the general part on a date (OpenFisca-style). */
export function paramAt<T>(param: Param<T>, d: IsoDate): ParamValue<T> | undefined {
  return param.values.find((v) => inForce(v, d));
}
