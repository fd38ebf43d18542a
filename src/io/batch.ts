// One input record in, one output line out: the unit of work of `quantum batch`, run in workers or inline.
import type { Case, ErrorCode, Outcome, PrisonOut, Result } from '../core/contract.js';
import { CONTRACT_VERSION } from '../core/contract.js';
import type { Lang, Rules } from '../core/model.js';
import { evaluateCaseFast, isMemoised, type FastOptions } from '../core/fast.js';
import { parseCase } from './case.js';
import { blockRecords, csvFields, type LineBlock, type RawRecord } from './records.js';
import { csvLine } from './csv.js';
import { type ByteSink, cachedJson, sharedJson } from './sink.js';

export type InputFormat = 'jsonl' | 'csv';
export type OutputFormat = 'jsonl' | 'csv';

export interface BatchOptions {
  format: InputFormat;
  output: OutputFormat;
  trace: boolean;
  today: string;
  lang: Lang;
  maxChars: number;
  maxCharges: number;
}

export const CSV_COLUMNS = ['id', 'date', 'judgment_date', 'offender', 'refs', 'amount', 'predicate', 'attempt', 'accomplice'] as const;
export { CSV_OUTPUT_HEADER } from './csv.js';

/** Checks a CSV header row; returns the column order or a message naming what is wrong. */
export function csvHeader(text: string): string[] | string {
  const cols = csvFields(text);
  if (!cols) return 'the CSV header row is not valid CSV';
  const names = cols.map((c) => c.trim().toLowerCase());
  const unknown = names.filter((n) => !(CSV_COLUMNS as readonly string[]).includes(n));
  if (unknown.length) return `unknown CSV column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')} (known: ${CSV_COLUMNS.join(', ')})`;
  if (!names.includes('refs')) return 'the CSV header has no "refs" column';
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) return `CSV column "${dup}" appears twice`;
  return names;
}

type Built = { ok: true; value: unknown } | { ok: false; code: ErrorCode; path: string | null; message: string };

const BOOL: Record<string, boolean> = { true: true, false: false, '1': true, '0': false, oui: true, non: false, yes: true, no: false };

/** A CSV row becomes a contract case; per-charge columns are ';'-separated in the order of `refs`. */
function caseFromCsv(text: string, header: string[]): Built {
  const fields = csvFields(text);
  if (!fields) return { ok: false, code: 'PARSE_ERROR', path: null, message: 'not a valid CSV record (check the quotes)' };
  if (fields.length !== header.length) return { ok: false, code: 'PARSE_ERROR', path: null, message: `${fields.length} fields where the header has ${header.length}` };
  const row: Record<string, string> = {};
  header.forEach((h, i) => { row[h] = fields[i]!.trim(); });
  const c: Record<string, unknown> = {};
  if (row.id) c.id = row.id;
  if (row.date) c.date = row.date;
  if (row.judgment_date) c.judgmentDate = row.judgment_date;
  if (row.offender) c.offender = { type: row.offender };
  const refs = (row.refs ?? '').split(';').map((r) => r.trim());
  if (!row.refs || refs.some((r) => !r)) return { ok: false, code: 'INVALID_CASE', path: 'refs', message: 'refs: give one or more refs separated by ";", none empty' };
  const charges: Record<string, unknown>[] = refs.map((ref) => ({ ref }));
  for (const col of ['amount', 'predicate', 'attempt', 'accomplice'] as const) {
    const raw = row[col];
    if (!raw) continue;
    const values = raw.split(';').map((v) => v.trim());
    if (values.length !== refs.length) return { ok: false, code: 'INVALID_CASE', path: col, message: `${col}: ${values.length} value(s) for ${refs.length} ref(s); give one per ref, in order, separated by ";" (leave a slot empty for none)` };
    for (const [i, v] of values.entries()) {
      if (!v) continue;
      if (col === 'attempt' || col === 'accomplice') {
        const b = BOOL[v.toLowerCase()];
        if (b === undefined) return { ok: false, code: 'INVALID_CASE', path: `charges[${i}].${col}`, message: `${col}: "${v}" is not true/false (or oui/non, 1/0)` };
        charges[i]![col] = b;
      } else charges[i]![col] = v;
    }
  }
  c.charges = charges;
  return { ok: true, value: c };
}

function build(rec: RawRecord, opts: BatchOptions, header: string[] | null): Built {
  if (rec.tooLong) return { ok: false, code: 'PARSE_ERROR', path: null, message: `record longer than ${opts.maxChars} characters (see --max-line)` };
  if (opts.format === 'csv') return caseFromCsv(rec.text, header!);
  try {
    return { ok: true, value: JSON.parse(rec.text) };
  } catch (e) {
    return { ok: false, code: 'PARSE_ERROR', path: null, message: `not valid JSON: ${(e as Error).message}` };
  }
}

/** The id of a case that has none: its line (contract.md). */
const lineId = (line: number): string => `line-${line}`;

let optionsOf: BatchOptions | null = null, options: FastOptions = { today: '' };
/** The engine's options for a batch's options: one object for the whole run. */
function evaluateOptions(opts: BatchOptions): FastOptions {
  if (opts !== optionsOf) { optionsOf = opts; options = { today: opts.today, lang: opts.lang, trace: opts.trace, lean: !opts.trace, shared: 'owned' }; }
  return options;
}

/** Evaluates one record and writes its output line to `sink`; never throws. The id defaults to `line-N` (contract.md). */
export function evaluateRecord(rules: Rules, rec: RawRecord, opts: BatchOptions, header: string[] | null, sink: ByteSink): boolean {
  let outcome: Outcome;
  const built = build(rec, opts, header);
  if (!built.ok) {
    outcome = { contract: CONTRACT_VERSION, id: lineId(rec.line), ok: false, error: { code: built.code, path: built.path, message: built.message } };
  } else if (built.value === null || typeof built.value !== 'object' || Array.isArray(built.value)) {
    outcome = { contract: CONTRACT_VERSION, id: lineId(rec.line), ok: false, error: { code: 'INVALID_CASE', path: null, message: 'a case must be a JSON object' } };
  } else {
    const parsed = parseCase(built.value, { maxCharges: opts.maxCharges, owned: true, lang: opts.lang });
    if (!parsed.ok) outcome = { contract: CONTRACT_VERSION, id: parsed.id ?? lineId(rec.line), ok: false, error: parsed.error };
    else {
      const c = parsed.case as Case;
      if (c.id === undefined) c.id = lineId(rec.line);
      try {
        outcome = evaluateCaseFast(rules, c, evaluateOptions(opts));
      } catch (e) {
        // A defect must not lose the line: report it as this case's error and go on.
        outcome = { contract: CONTRACT_VERSION, id: c.id, ok: false, error: { code: 'INVALID_CASE', path: null, message: `internal error: ${(e as Error).message}` } };
      }
    }
  }
  if (opts.output === 'csv') sink.text(`${csvLine(outcome, rec.line)}\n`);
  // Errors and traced results are rare or large: generic JSON. The bulk goes through resultLine, which then only
  // ever sees one kind of object (V8 compiles it once).
  else if (outcome.ok && !opts.trace) resultLine(outcome, rec.line, sink);
  else sink.text(`${JSON.stringify(outcome).slice(0, -1)},"line":${rec.line}}\n`);
  return outcome.ok;
}

/** What a worker (or the main thread) is given to evaluate: a block of JSON Lines, or CSV records. */
export type Work = { block: LineBlock } | { records: RawRecord[]; header: string[] | null };

/** Evaluates a unit of work into `sink`, one line per non-blank record; returns the counts. */
export function evaluateWork(rules: Rules, work: Work, opts: BatchOptions, sink: ByteSink): { count: number; failed: number } {
  let count = 0, failed = 0;
  const one = (r: RawRecord, header: string[] | null) => {
    if (!r.tooLong && r.text.trim() === '') return; // blank lines are skipped
    count++;
    if (!evaluateRecord(rules, r, opts, header, sink)) failed++;
  };
  if ('block' in work) for (const r of blockRecords(work.block, opts.maxChars)) one(r, null);
  else for (const r of work.records) one(r, work.header);
  return { count, failed };
}

const COMMA = Buffer.from(',');

/**
 * JSON of a string the engine made from validated data: decimal strings ("500000", "0.5"), penalty kinds and
 * canonical refs (rules/ refs match a pattern of digits, letters, spaces, "-", "." and "°"), none of which JSON
 * escapes; a string from elsewhere (the case id) goes through JSON.stringify.
 */
const plain = (v: string | null): string => (v === null ? 'null' : `"${v}"`);
const prisonJson = (p: PrisonOut | null): string => (p === null ? 'null' : `{"kind":"${p.kind}","months":${p.months},"life":${p.life}}`);

/**
 * `total` and `arithmetic` as JSON, written by hand because every line has its own (a generic JSON.stringify
 * was a third of a line's cost). Same text as JSON.stringify, field for field: a property test holds it to that.
 */
export function totalJson(t: Result['total']): string {
  return `{"prison":${prisonJson(t.prison)},"fine":${plain(t.fine)},"fineParts":{"crimesDelits":${plain(t.fineParts.crimesDelits)},"contraventions":${plain(t.fineParts.contraventions)}},"cappedBy":{"prison":${plain(t.cappedBy.prison)},"fine":${plain(t.cappedBy.fine)}}${t.lifeNotPronouncedCapMonths === undefined ? '' : `,"lifeNotPronouncedCapMonths":${t.lifeNotPronouncedCapMonths}`}${t.lifeNotPronouncedCapArticle === undefined ? '' : `,"lifeNotPronouncedCapArticle":${JSON.stringify(t.lifeNotPronouncedCapArticle)}`}}`;
}
export function arithmeticJson(a: Result['arithmetic']): string {
  return `{"prison":${a.prison === null ? 'null' : `{"months":${a.prison.months},"life":${a.prison.life}}`},"fine":${plain(a.fine)}}`;
}

let datasetOf: object | null = null, datasetText = '';
/**
 * The output line of a lean result. It is assembled from shared fragments, already UTF-8 (its charges and warnings
 * are shared between cases), in as few writes as the shared parts allow; its fields and their order are those
 * of the contract result, plus the line number.
 */
function resultLine(o: Result, line: number, sink: ByteSink): void {
  if (o.dataset !== datasetOf) { datasetOf = o.dataset; datasetText = JSON.stringify(o.dataset); }
  sink.text(`{"contract":${o.contract},"id":${JSON.stringify(o.id)},"ok":true,"dataset":${datasetText},"date":"${o.date}","judgmentDate":"${o.judgmentDate}","offender":"${o.offender}","charges":[`);
  for (let i = 0; i < o.charges.length; i++) {
    if (i) sink.bytes(COMMA);
    // A charge used once (one with an amount) is written as text: caching its bytes would cost more than it saves.
    const c = o.charges[i]!;
    const cached = cachedJson(c);
    if (cached !== undefined) sink.bytes(cached);
    else if (isMemoised(c)) sink.bytes(sharedJson(c));
    else sink.text(JSON.stringify(c));
  }
  const totals = `],"total":${totalJson(o.total)},"arithmetic":${arithmeticJson(o.arithmetic)},"warnings":[`;
  if (o.warnings.length === 0) { sink.text(`${totals}],"line":${line}}\n`); return; }
  sink.text(totals);
  for (let i = 0; i < o.warnings.length; i++) { if (i) sink.bytes(COMMA); sink.bytes(sharedJson(o.warnings[i]!)); }
  sink.text(`],"line":${line}}\n`);
}
