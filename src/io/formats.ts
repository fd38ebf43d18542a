// The output formats, one registry: `eval --format`, `batch --output` and the terminal UI's export all take their
// format from here. JSON is the contract (docs/contract.md); text and Markdown are for people; CSV for sheets.
import type { ErrorResult, Outcome, Result } from '../core/contract.js';
import type { Lang } from '../core/model.js';
import { formatError, formatResult } from './text.js';
import { formatMarkdown } from './markdown.js';
import { CSV_OUTPUT_HEADER, csvLine } from './csv.js';
import { jsonSafe, sanitizeLines } from './terminal.js';

export interface FormatOptions {
  lang: Lang;
  /** Text: the step-by-step explanation; the complementary penalties. */
  trace?: boolean; complementary?: boolean;
  /** Text: the width to wrap to, in columns. */
  width?: number;
  /** Text and Markdown errors: the problems a message lists (a RULES_ERROR's issues), shown one per line. */
  lines?: readonly string[];
}

export interface Format {
  /** The file extension of a report in this format. */
  readonly extension: string;
  /** A result as this format shows it. */
  result(r: Result, o: FormatOptions): string;
  /** An error as this format shows it. */
  error(e: ErrorResult, o: FormatOptions): string;
  /** Whether errors go to standard output with the results (machine formats) or to standard error (text). */
  readonly errorsToStdout: boolean;
}

const json = (o: Outcome) => `${jsonSafe(JSON.stringify(o, null, 2))}\n`;
const csv = (o: Outcome) => `${CSV_OUTPUT_HEADER}\n${csvLine(o, null)}\n`;

export const FORMATS = {
  text: { extension: 'txt', result: (r, o) => sanitizeLines(formatResult(r, o.lang, o)), error: (e, o) => `${sanitizeLines(formatError(e, o.lang, o.lines))}\n`, errorsToStdout: false },
  json: { extension: 'json', result: json, error: json, errorsToStdout: true },
  markdown: { extension: 'md', result: (r, o) => sanitizeLines(formatMarkdown(r, o.lang)), error: (e, o) => `${sanitizeLines(formatError(e, o.lang, o.lines))}\n`, errorsToStdout: false },
  csv: { extension: 'csv', result: csv, error: csv, errorsToStdout: true },
} as const satisfies Record<string, Format>;
export type FormatName = keyof typeof FORMATS;
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];
