// One input record in, one output line out: the unit of work of `quantum batch`, run in workers or inline.
import type { Case, ErrorCode, Outcome, PrisonOut, Result } from '../core/contract.js';
import { CONTRACT_VERSION } from '../core/contract.js';
import type { Lang, Rules } from '../core/model.js';
import { evaluateCaseFast, isMemoised, type FastOptions } from '../core/fast.js';
import { parseCase, readableId } from './case.js';
import { blockRecords, csvFields, type LineBlock, type RawRecord } from './records.js';
import { csvLine } from './csv.js';
import { parseUserDate } from './dates.js';
import { MESSAGES } from '../messages/index.js';
import { type ByteSink, cachedJson, sharedJson } from './sink.js';
import { jsonSafe } from './terminal.js';
import { jsonShapeError, jsonSyntaxError } from './json-text.js';
import { inUserTerms } from './user-terms.js';

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
  /** The largest output line, in bytes: a result over it becomes a RESULT_TOO_LARGE record. */
  maxResult: number;
  /** CSV input: the field delimiter, or taken from the header row. */
  delimiter?: ',' | ';' | 'auto';
  /** CSV output: keep cells that a spreadsheet would run as formulas (default: neutralised). */
  csvRaw?: boolean;
}

export const CSV_COLUMNS = ['id', 'date', 'judgment_date', 'offender', 'birth_date', 'refs', 'amount', 'predicate', 'attempt', 'accomplice', 'repentis', 'related_to'] as const;
export { CSV_OUTPUT_HEADER } from './csv.js';

/** Checks a CSV header row; returns the column order or a message naming what is wrong. */
export function csvHeader(text: string, delimiter: ',' | ';', lang: Lang = 'fr'): string[] | string {
  const e = MESSAGES[lang].errors;
  const cols = csvFields(text, delimiter);
  if (!cols) return e.E_CSV_HEADER();
  const names = cols.map((c) => c.trim().toLowerCase());
  const unknown = names.filter((n) => !(CSV_COLUMNS as readonly string[]).includes(n));
  if (unknown.length) return e.E_CSV_UNKNOWN_COLUMNS({ columns: unknown, known: CSV_COLUMNS.join(', ') });
  if (!names.includes('refs')) return e.E_CSV_NO_REFS();
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) return e.E_CSV_DUPLICATE({ column: dup });
  return names;
}

type Built = { ok: true; value: unknown } | { ok: false; code: ErrorCode; path: string | null; message: string; id?: string };

const BOOL: Record<string, boolean> = { true: true, false: false, '1': true, '0': false, oui: true, non: false, yes: true, no: false, vrai: true, faux: false };
/** Several values in one cell (one per ref, in order): ";" in a comma file, "|" in any. */
const LIST = /[;|]/;

/** One per-charge column of a CSV row, spread over the charges; a message when it does not fit. */
type PerCharge = 'amount' | 'predicate' | 'attempt' | 'accomplice' | 'repentis' | 'related_to';
/** related_to: the indices (from 0, as the contract's relatedTo) of the charges a cumulation clause pairs this one with, "1+2". */
const INDICES = /^\d{1,5}(\+\d{1,5})*$/;
function perCharge(col: PerCharge, raw: string, charges: Record<string, unknown>[], lang: Lang): string | null {
  const e = MESSAGES[lang].errors;
  const values = raw.split(LIST).map((v) => v.trim());
  if (values.length !== charges.length) return e.E_CSV_PER_CHARGE({ column: col, values: values.length, refs: charges.length });
  for (const [i, v] of values.entries()) {
    if (!v) continue;
    if (col === 'attempt' || col === 'accomplice') {
      const b = BOOL[v.toLowerCase()];
      if (b === undefined) return e.E_CSV_BOOL({ column: col, value: v });
      charges[i]![col] = b;
    } else if (col === 'related_to') {
      if (!INDICES.test(v)) return e.E_CSV_INDICES({ value: v });
      charges[i]!.relatedTo = v.split('+').map(Number);
    } else charges[i]![col] = v;
  }
  return null;
}

/** A CSV row becomes a contract case; per-charge columns hold one value per ref, in the order of `refs`. */
function caseFromCsv(text: string, header: string[], delimiter: ',' | ';', lang: Lang): Built {
  const e = MESSAGES[lang].errors;
  const fields = csvFields(text, delimiter);
  if (!fields) return { ok: false, code: 'PARSE_ERROR', path: null, message: e.E_CSV_RECORD() };
  if (fields.length !== header.length) return { ok: false, code: 'PARSE_ERROR', path: null, message: e.E_CSV_FIELDS({ fields: fields.length, header: header.length }) };
  const row: Record<string, string> = {};
  header.forEach((h, i) => { row[h] = fields[i]!.trim(); });
  const id = row.id || undefined;
  const fail = (path: string, message: string): Built => ({ ok: false, code: 'INVALID_CASE', path, message, ...(id && { id }) });
  const c: Record<string, unknown> = {};
  if (id) c.id = id;
  if (row.date) c.date = parseUserDate(row.date) ?? row.date;
  if (row.judgment_date) c.judgmentDate = parseUserDate(row.judgment_date) ?? row.judgment_date;
  if (row.offender || row.birth_date) c.offender = { ...(row.offender && { type: row.offender }), ...(row.birth_date && { birthDate: parseUserDate(row.birth_date) ?? row.birth_date }) };
  const refs = (row.refs ?? '').split(LIST).map((r) => r.trim());
  if (!row.refs || refs.some((r) => !r)) return fail('refs', e.E_CSV_REFS());
  const charges: Record<string, unknown>[] = refs.map((ref) => ({ ref }));
  for (const col of ['amount', 'predicate', 'attempt', 'accomplice', 'repentis', 'related_to'] as const) {
    const problem = row[col] ? perCharge(col, row[col]!, charges, lang) : null;
    if (problem) return fail(col, problem);
  }
  c.charges = charges;
  return { ok: true, value: c };
}

function build(rec: RawRecord, opts: BatchOptions, work: Work): Built {
  const e = MESSAGES[opts.lang].errors;
  if (rec.tooLong) return { ok: false, code: 'PARSE_ERROR', path: null, message: e.E_TOO_LONG_RECORD({ max: opts.maxChars }) };
  if (rec.badUtf8) return { ok: false, code: 'PARSE_ERROR', path: null, message: e.E_UTF8({}) };
  if ('records' in work) return caseFromCsv(rec.text, work.header!, work.delimiter, opts.lang);
  let value: unknown;
  try {
    value = JSON.parse(rec.text);
  } catch (x) {
    // A CSV header or row read as JSON Lines (no --format csv, no .csv name): the message says what to add.
    const csvLike = !/^\s*[[{"]/.test(rec.text) && /[,;]/.test(rec.text);
    return { ok: false, code: 'PARSE_ERROR', path: null, message: e.E_NOT_JSON({ ...jsonSyntaxError(rec.text, (x as Error).message, opts.lang), csvLike }) };
  }
  // Only an object can repeat a key or nest; a scan of the text, as fast as the parse, finds either.
  const shape = typeof value === 'object' && value !== null ? jsonShapeError(rec.text, opts.lang) : null;
  if (!shape) return { ok: true, value };
  // The record is refused, but its id is kept when it can be read: a valid id, not itself the key given twice.
  const id = shape.path === 'id' ? null : readableId(value);
  return { ok: false, code: shape.code, path: shape.path, message: shape.message, ...(id !== null && { id }) };
}

/** The id of a case that has none: its line (contract.md). */
const lineId = (line: number): string => `line-${line}`;
const failure = (id: string, code: ErrorCode, path: string | null, message: string): Outcome => ({ contract: CONTRACT_VERSION, id, ok: false, error: { code, path, message } });

let optionsOf: BatchOptions | null = null, options: FastOptions = { today: '' };
/** The engine's options for a batch's options: one object for the whole run. */
function evaluateOptions(opts: BatchOptions): FastOptions {
  if (opts !== optionsOf) { optionsOf = opts; options = { today: opts.today, lang: opts.lang, trace: opts.trace, lean: !opts.trace, shared: 'owned' }; }
  return options;
}

/**
 * A result's size in bytes, estimated from its charges before it is computed (a traced charge writes about 7 KB, a
 * lean one about 0.5 KB): a case whose result would be too large is refused before it fills the memory.
 */
const estimate = (c: Case, trace: boolean): number => 2048 + c.charges.length * (trace ? 8192 : 1024);

/** The outcome of one record: built, validated, evaluated; never throws. */
function outcomeOf(rules: Rules, rec: RawRecord, opts: BatchOptions, work: Work): Outcome {
  const e = MESSAGES[opts.lang].errors;
  const built = build(rec, opts, work);
  if (!built.ok) return failure(built.id ?? lineId(rec.line), built.code, built.path, built.message);
  if (built.value === null || typeof built.value !== 'object' || Array.isArray(built.value)) return failure(lineId(rec.line), 'INVALID_CASE', null, e.E_CASE_OBJECT());
  const parsed = parseCase(built.value, { maxCharges: opts.maxCharges, owned: true, lang: opts.lang });
  if (!parsed.ok) return failure(parsed.id ?? lineId(rec.line), parsed.error.code, parsed.error.path, parsed.error.message);
  const c = parsed.case as Case;
  if (c.id === undefined) c.id = lineId(rec.line);
  const size = estimate(c, opts.trace);
  if (size > opts.maxResult) return failure(c.id, 'RESULT_TOO_LARGE', null, e.E_RESULT_TOO_LARGE({ size, max: opts.maxResult, estimated: true }));
  try {
    const o = evaluateCaseFast(rules, c, evaluateOptions(opts));
    if (!('records' in work) || o.ok) return o;
    return inUserTerms(o.error.code === 'MISSING_PREDICATE' ? csvMissingPredicate(o, opts.lang) : o, 'csv', opts.lang);
  } catch (x) {
    // A defect must not lose the line: report it as this case's error and go on.
    return failure(c.id, 'INVALID_CASE', null, e.E_INTERNAL({ detail: (x as Error).message }));
  }
}

/** A missing predicate said as CSV users give it: the predicate column, not the contract's JSON field. */
function csvMissingPredicate(o: Outcome & { ok: false }, lang: Lang): Outcome {
  const e = MESSAGES[lang].errors, msg = o.error.message;
  // The engine's message is "REF …": the ref is what precedes the sentence's fixed part.
  for (const [json, csv] of [[e.E_MISSING_PREDICATE, e.E_MISSING_PREDICATE_CSV], [e.E_MISSING_ORIGIN, e.E_MISSING_ORIGIN_CSV]] as const) {
    const rest = json({ ref: '' });
    if (msg.endsWith(rest)) return { ...o, error: { ...o.error, path: 'predicate', message: csv({ ref: msg.slice(0, msg.length - rest.length) }) } };
  }
  return o;
}

/** Evaluates one record and writes its output line to `sink`; never throws. The id defaults to `line-N` (contract.md). */
export function evaluateRecord(rules: Rules, rec: RawRecord, opts: BatchOptions, work: Work, sink: ByteSink): boolean {
  const outcome = outcomeOf(rules, rec, opts, work);
  if (opts.output === 'csv') { sink.text(`${csvLine(outcome, rec.line, opts.csvRaw)}\n`); return outcome.ok; }
  // The bulk goes through resultLine, which then only ever sees one kind of object (V8 compiles it once); errors
  // and traced results, rare or large, through JSON.stringify, and their size is checked.
  if (outcome.ok && !opts.trace) { resultLine(outcome, rec.line, sink); return true; }
  const line = `${jsonSafe(JSON.stringify(outcome)).slice(0, -1)},"line":${rec.line}}\n`;
  if (line.length <= opts.maxResult) { sink.text(line); return outcome.ok; }
  const tooLarge = failure(outcome.id ?? lineId(rec.line), 'RESULT_TOO_LARGE', null, MESSAGES[opts.lang].errors.E_RESULT_TOO_LARGE({ size: line.length, max: opts.maxResult, estimated: false }));
  sink.text(`${JSON.stringify(tooLarge).slice(0, -1)},"line":${rec.line}}\n`);
  return false;
}

/** What a worker (or the main thread) is given to evaluate: a block of JSON Lines, or CSV records. */
export type Work = { block: LineBlock } | { records: RawRecord[]; header: string[] | null; delimiter: ',' | ';' };

/** Evaluates a unit of work into `sink`, one line per non-blank record; returns the counts. */
export function evaluateWork(rules: Rules, work: Work, opts: BatchOptions, sink: ByteSink): { count: number; failed: number } {
  let count = 0, failed = 0;
  const one = (r: RawRecord) => {
    if (!r.tooLong && !r.badUtf8 && r.text.trim() === '') return; // blank lines are skipped
    count++;
    if (!evaluateRecord(rules, r, opts, work, sink)) failed++;
  };
  if ('block' in work) for (const r of blockRecords(work.block, opts.maxChars)) one(r);
  else for (const r of work.records) one(r);
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
  // The rarer fields (clauses adding charges on top, a minor's excuse set aside): the generic way, all of them.
  if (t.cumulated !== undefined || t.withoutExcuse !== undefined || t.fineParts.cumulated !== undefined || t.notComputed !== undefined || t.cappedByAlso !== undefined) return JSON.stringify(t);
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
  sink.text(`{"contract":${o.contract},"id":${jsonSafe(JSON.stringify(o.id))},"ok":true,"dataset":${datasetText},"date":"${o.date}","judgmentDate":"${o.judgmentDate}"${o.judgmentDateDefault ? ',"judgmentDateDefault":true' : ''}${o.dateDefault ? ',"dateDefault":true' : ''},"offender":"${o.offender}","charges":[`);
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
