// The general part's parameters (rules/general/parameters.json), read through this one accessor: dated values,
// each with its article (OpenFisca's parameters). A test fails on any parameter no module reads.
import type { IsoDate, ParamName, ParamValue, Rules } from './model.js';
import { at } from './dates.js';

/** The value of a parameter on a date, with its status and source; undefined when none is in force. */
export function param<K extends ParamName>(rules: Rules, name: K, date: IsoDate): ParamValue<K> | undefined {
  return at(rules.general[name].values as ParamValue<K>[], date);
}

/** The article a parameter comes from (cited in the trace). */
export function paramArticle(rules: Rules, name: ParamName): string {
  return rules.general[name].article;
}

/** The first date a parameter holds a value (e.g. when a rule became general). */
export function paramValues<K extends ParamName>(rules: Rules, name: K): readonly ParamValue<K>[] {
  return rules.general[name].values as ParamValue<K>[];
}
