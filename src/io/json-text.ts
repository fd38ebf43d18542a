// JSON text as users send it (a case file, a batch line): its faults in words. src/core/json-shape.ts finds what
// JSON.parse lets through silently (a key given twice, nesting too deep).
import type { QuantumError } from '../core/contract.js';
import { jsonPath } from '../core/json-path.js';
import type { Lang } from '../core/model.js';
import { MESSAGES } from '../messages/index.js';
import { jsonShape, MAX_JSON_DEPTH } from '../core/json-shape.js';

/** jsonShape's finding as the error a user reads (PARSE_ERROR, with the path where it is). */
export function jsonShapeError(text: string, lang: Lang, maxDepth = MAX_JSON_DEPTH): QuantumError | null {
  const s = jsonShape(text, maxDepth);
  if (!s) return null;
  const e = MESSAGES[lang].errors;
  // A path 64 levels deep says nothing more than the message: only a duplicate's is given.
  const path = s.problem === 'duplicate' ? jsonPath(s.path) || null : null;
  const what = s.problem === 'duplicate' ? e.E_DUPLICATE_KEY({ key: s.key }) : e.E_TOO_DEEP({ max: maxDepth });
  return { code: 'PARSE_ERROR', path, message: path ? `${path}: ${what}` : what };
}

/**
 * JSON.parse's message as E_NOT_JSON's figures: V8's detail (French says it in French, src/messages) and where
 * the fault is, as a line and a column a user can find (a column alone for one line).
 */
export function jsonSyntaxError(text: string, detail: string, lang: Lang): { detail: string; where?: string } {
  const m = /position (\d+)/.exec(detail);
  if (!m) return { detail };
  const before = text.slice(0, Number(m[1]));
  const line = before.split('\n').length, column = before.length - before.lastIndexOf('\n');
  const e = MESSAGES[lang].errors;
  return { detail, where: text.includes('\n') ? e.E_JSON_AT({ line, column }) : e.E_JSON_COLUMN({ column }) };
}
