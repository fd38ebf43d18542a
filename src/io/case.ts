// Untrusted input in, a valid case or an error naming the field at fault out, in the user's language. The schema is
// src/schema/case.ts (zod/mini); its `error` options are message keys.
import * as z from 'zod/mini';
import type { Lang } from '../messages/index.js';
import { say } from '../messages/index.js';
import { jsonPath } from '../core/json-path.js';
import type { Case, QuantumError } from '../core/contract.js';
import { caseIdSchema, caseSchema, chargeSchema, DEFAULT_MAX_CHARGES, makeCaseSchema, offenderSchema, priorSchema } from '../schema/case.js';
import { distance } from '../core/refs.js';
import { isCanonicalAmount } from '../schema/amount.js';

export { DEFAULT_MAX_CHARGES } from '../schema/case.js';

const plainSchemas = new Map<number, ReturnType<typeof makeCaseSchema>>();
const compiledSchemas = new Map<number, ReturnType<typeof makeCaseSchema>>();
/** Compiling costs about 10 ms: worth it for a batch, not for one case. Parses before the compiled one is used. */
const COMPILE_AFTER = 32;
let uses = 0;
/**
 * The case schema for a charge limit: plain for the first cases, then ahead-of-time compiled by zod where the
 * installed zod offers it (3 to 4 times faster in batch, same issues: the tests check the error paths of both).
 */
let lastKey = 0, lastSchema: ReturnType<typeof makeCaseSchema> | null = null;
export function caseSchemaFor(maxCharges = DEFAULT_MAX_CHARGES, compiled = ++uses > COMPILE_AFTER) {
  const key = compiled ? -maxCharges : maxCharges;
  if (key === lastKey) return lastSchema!;
  let plain = plainSchemas.get(maxCharges);
  if (!plain) { plain = makeCaseSchema(maxCharges); plainSchemas.set(maxCharges, plain); }
  let s = plain;
  if (compiled && typeof z.compile === 'function') {
    s = compiledSchemas.get(maxCharges) ?? z.compile(plain);
    compiledSchemas.set(maxCharges, s);
  }
  lastKey = key;
  return (lastSchema = s);
}

export type CaseParse = { ok: true; case: Case } | { ok: false; error: QuantumError; id: string | null };
export interface ParseOptions { maxCharges?: number; owned?: boolean; lang?: Lang }

type Issue = z.core.$ZodIssue;

/**
 * The most specific issue: a union that failed (the offender, an object or a word) reports the branch that got
 * furthest, with its path.
 */
function specific(issue: Issue): Issue {
  if (issue.code !== 'invalid_union' || !issue.errors.length) return issue;
  // A branch that took the value's type says more than one that did not; when none did, the union's own message.
  const typed = issue.errors.filter((b) => b.some((i) => i.code !== 'invalid_type' || i.path.length > 0));
  if (!typed.length && /^E_[A-Z_]+$/.test(issue.message)) return issue;
  const branch = (typed.length ? typed : issue.errors).reduce((a, b) => (Math.max(0, ...b.map((i) => i.path.length)) > Math.max(0, ...a.map((i) => i.path.length)) ? b : a));
  const inner = branch[0];
  return inner ? specific({ ...inner, path: [...issue.path, ...inner.path] } as Issue) : issue;
}

/** Whether a case needs nothing normalised (a numeric id, an offender as a word, an amount as "2 000 000,50"). */
function asIs(input: unknown): boolean {
  const c = input as { id?: unknown; offender?: unknown; charges?: unknown };
  if (typeof c?.id === 'number' || typeof c?.offender === 'string' || !Array.isArray(c?.charges)) return false;
  for (const ch of c.charges as { amount?: unknown }[]) if (typeof ch?.amount === 'string' && !isCanonicalAmount(ch.amount)) return false;
  return true;
}

/** A zod issue in words: the schema's own message key when it set one, else by the kind of issue. */
function issueMessage(issue: Issue, input: unknown, lang: Lang, maxCharges: number): string {
  if (/^E_[A-Z_]+$/.test(issue.message)) return say(lang, 'errors', schemaKey(issue, input), { max: maxCharges, received: received(valueAt(input, issue.path)) });
  switch (issue.code) {
    case 'unrecognized_keys': return say(lang, 'errors', 'E_UNKNOWN_FIELDS', { keys: issue.keys, like: nearKeys(issue.keys, issue.path) });
    case 'invalid_type': return say(lang, 'errors', 'E_TYPE', { expected: issue.expected, received: received(valueAt(input, issue.path)) });
    case 'too_small': return say(lang, 'errors', 'E_TOO_SHORT', { origin: issue.origin, minimum: issue.minimum });
    case 'too_big': return say(lang, 'errors', 'E_TOO_LONG', { origin: issue.origin, maximum: issue.maximum });
    case 'invalid_value': return say(lang, 'errors', 'E_OPTION', { values: issue.values.map(String) });
    default: return say(lang, 'errors', 'E_INVALID');
  }
}

/** The fields an object at this path may have (the schemas' own keys). */
function fieldsAt(path: readonly PropertyKey[]): string[] {
  const shape = (s: unknown) => Object.keys((s as { def: { shape: object } }).def.shape);
  if (path.length === 0) return shape(caseSchema);
  if (path[0] === 'charges') return shape(chargeSchema);
  if (path[0] === 'offender') return path.length > 1 ? shape(priorSchema) : shape(offenderSchema);
  return [];
}
/** The known fields an unknown one probably meant ("aggravation" -> "aggravations", "charge" -> "charges"). */
/**
 * Words users write for a field under another name (the law's or the command line's) that no spelling distance
 * finds: "complicity" is `accomplice` ("aggravation", "predicat", "prior" are found by distance).
 */
const SYNONYMS: Readonly<Record<string, string>> = {
  complicity: 'accomplice', complice: 'accomplice', complicite: 'accomplice', tentative: 'attempt', montant: 'amount',
  antecedents: 'priors', naissance: 'birthDate', judgment: 'judgmentDate', jugement: 'judgmentDate', avec: 'relatedTo',
};
function nearKeys(keys: readonly string[], path: readonly PropertyKey[]): string[] {
  const known = fieldsAt(path);
  const near = (k: string) => known.filter((f) => f.toLowerCase() === k.toLowerCase() || distance(k.toLowerCase(), f.toLowerCase()) <= 2 || SYNONYMS[k.toLowerCase()] === f);
  return [...new Set(keys.flatMap(near))];
}

/** The schema's message key, made precise by the value: an amount that is no number, a date that is not real. */
function schemaKey(issue: Issue, input: unknown): string {
  const v = valueAt(input, issue.path);
  if (issue.message === 'E_AMOUNT_TYPE' && typeof v !== 'number') return 'E_AMOUNT_NOT_STRING';
  if (issue.message === 'E_DATE' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return 'E_DATE_UNREAL';
  return issue.message;
}

/** The value at a path of the input (zod/mini does not keep it in its issues). */
function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v = input;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

function received(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/**
 * Validates untrusted input as a case; the error names the first field at fault and its path. The case returned
 * is a copy, unless `owned` says the input is the caller's own (batch: fresh from JSON.parse) and needs nothing
 * transformed (a numeric id becomes a string): zod then only checks it, and it is used as it is.
 */
export function parseCase(input: unknown, options: ParseOptions = {}): CaseParse {
  const maxCharges = options.maxCharges ?? DEFAULT_MAX_CHARGES;
  const lang = options.lang ?? 'fr';
  const schema = caseSchemaFor(maxCharges);
  if (options.owned && asIs(input) && z.validate(schema, input)) return { ok: true, case: input as Case };
  const r = schema.safeParse(input);
  if (r.success) return { ok: true, case: r.data as Case };
  // A misspelt field ("charge") also leaves the right one missing: the unknown field, with its likely meaning, is said first.
  const issues = r.error.issues;
  const issue = specific(issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0]!);
  const path = jsonPath(issue.path);
  const said = (i: Issue) => { const p = jsonPath(i.path); return `${p ? `${p}: ` : ''}${issueMessage(i, input, lang, maxCharges)}`; };
  return { ok: false, id: readableId(input), error: { code: 'INVALID_CASE', path: path || null, message: `${said(issue)}${otherProblems(issues, issue, said, lang)}` } };
}

/** At most this many other problems are named after the first; more are counted only. */
const NAMED_PROBLEMS = 5;
/**
 * The problems besides the first, one per field (a date that is not one also fails its range: one problem), each
 * named with its path; past a few, only their number (a case of 10 000 bad charges gets one line, not 10 000).
 */
function otherProblems(issues: readonly Issue[], first: Issue, said: (i: Issue) => string, lang: Lang): string {
  const seen = new Set([jsonPath(first.path)]);
  const others: Issue[] = [];
  for (const i of issues) {
    const s = specific(i), p = jsonPath(s.path);
    if (seen.has(p)) continue;
    seen.add(p);
    others.push(s);
  }
  if (!others.length) return '';
  if (others.length > NAMED_PROBLEMS) return say(lang, 'errors', 'E_MORE_PROBLEMS', { count: others.length });
  return say(lang, 'errors', 'E_OTHER_PROBLEMS', { problems: others.map(said) });
}

/** A case's id when it is a valid one (the schema's own rule), as results echo it; null otherwise. */
export function readableId(input: unknown): string | null {
  return input && typeof input === 'object' && 'id' in input && z.safeParse(caseIdSchema, (input as { id: unknown }).id).success ? String((input as { id: unknown }).id) : null;
}

export { parsePriorShorthand } from './shorthand.js';
