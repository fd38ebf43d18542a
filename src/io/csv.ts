// Results as flat CSV rows (batch --output csv, eval --format csv): one row per case, the totals and the error.
import type { Outcome, Result } from '../core/contract.js';
import { csvCell } from './records.js';

export const CSV_OUTPUT_COLUMNS = [
  'line', 'id', 'ok', 'error_code', 'error_path', 'error_message', 'prison_kind', 'prison_months', 'prison_life', 'fine',
  'arithmetic_months', 'arithmetic_life', 'arithmetic_fine', 'prison_capped_by', 'fine_capped_by',
  'without_excuse_prison_months', 'without_excuse_prison_life', 'without_excuse_fine', 'cumulated', 'fine_not_computed',
  'not_computed', 'capped_prison_kind', 'capped_prison_months', 'capped_prison_life', 'cumulated_prison_kind',
  'cumulated_prison_months', 'cumulated_prison_life', 'without_excuse_prison_kind', 'without_excuse_capped_prison_kind',
  'without_excuse_capped_prison_months', 'without_excuse_capped_prison_life', 'without_excuse_cumulated_prison_kind',
  'without_excuse_cumulated_prison_months', 'without_excuse_cumulated_prison_life', 'warnings', 'prison_capped_by_also',
  'fine_capped_by_also',
] as const;
export const CSV_OUTPUT_HEADER = CSV_OUTPUT_COLUMNS.join(',');

/** One result (or error) as a CSV row, its cells in CSV_OUTPUT_COLUMNS' order. */
export function csvLine(o: Outcome, line: number | null, raw = false): string {
  const r = o as Result;
  const cells: (string | number | boolean | null)[] = o.ok
    ? [line, o.id, true, '', '', '', r.total.prison?.kind ?? '', r.total.prison?.months ?? '', r.total.prison?.life ?? '', r.total.fine ?? '',
      r.arithmetic.prison?.months ?? '', r.arithmetic.prison?.life ?? '', r.arithmetic.fine ?? '', r.total.cappedBy.prison ?? '', r.total.cappedBy.fine ?? '',
      ...withoutExcuse(r), r.total.cumulated?.map((x) => x.ref).join(';') ?? '', r.charges.filter((x) => x.fineNotComputed).map((x) => x.ref).join(';'),
      r.total.notComputed?.join(';') ?? '', ...prisonParts(r.total.prisonParts), r.total.withoutExcuse?.prison?.kind ?? '', ...prisonParts(r.total.withoutExcuse?.prisonParts), warningCodes(r),
      r.total.cappedByAlso?.prison?.join(';') ?? '', r.total.cappedByAlso?.fine?.join(';') ?? '']
    : [line, o.id, false, o.error.code, o.error.path ?? '', o.error.message, ...EMPTY_RESULT_CELLS];
  return cells.map((c) => (typeof c === 'string' ? csvCell(c, raw) : c === null ? '' : String(c))).join(',');
}

const EMPTY_RESULT_CELLS: string[] = Array(CSV_OUTPUT_COLUMNS.length - 6).fill('');

/**
 * Custody added on top of the 132-5 cap by a clause (434-31, 132-6-1…): the capped part and the part added, each of
 * its own kind (prison_kind and prison_months name their sum by the heavier kind); empty when nothing is added. The
 * same for the total if the minors' excuse is set aside (without_excuse_*).
 */
function prisonParts(p: Result['total']['prisonParts']): (string | number | boolean)[] {
  if (!p) return ['', '', '', '', '', ''];
  const cells = (x: typeof p.cumulated | null) => (x ? [x.kind, x.months ?? '', x.life] : ['', '', '']);
  return [...cells(p.capped), ...cells(p.cumulated)];
}

/**
 * The result's warnings, compactly ("UNVERIFIED 324-1;NOTE route L324-2 I"): a row says that a figure rests on an
 * unverified text or carries a note (their words are in the JSON and text outputs).
 */
function warningCodes(r: Result): string {
  return [...new Set(r.warnings.map((w) => (w.ref ? `${w.code} ${w.ref}` : w.code)))].join(';');
}

/** The total if a minor's excuse is set aside: empty cells when there is none. */
function withoutExcuse(r: Result): (string | number | boolean)[] {
  const w = r.total.withoutExcuse;
  return w ? [w.prison?.months ?? '', w.prison?.life ?? '', w.fine ?? ''] : ['', '', ''];
}
