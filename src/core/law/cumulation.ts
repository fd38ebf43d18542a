// Clauses that set 132-2 to 132-5 aside for a pair of offences: the penalties of one "se cumulent, sans possibilité
// de confusion" with those of a related one (Code pénal 434-31 escape, 434-23 al. 2 false name, 433-9 rébellion of a
// detainee; Code de la route L233-1 II since 26 January 2022, refusing to stop). The related charges are capped as
// usual (with every other charge); the clause's charge adds its maxima on top. A clause is data
// (rules/general/cumulation.json), dated: it must be in force from the facts to the judgment, being harsher
// (112-1: not retroactive; a repeal before judgment is milder).
import type { Charge, ChargeResult } from '../contract.js';
import type { CumulationClause, Rules } from '../model.js';
import { at } from '../dates.js';
import { draft, type ErrorDraft } from '../errors.js';
import { resolveRef } from '../refs.js';
import { coversCharge } from './covers.js';
import type { CaseCtx, Module } from './types.js';

export const cumulationModule: Module = {
  id: '434-31',
  cites: 'Code pénal, art. 132-6-1, 433-9, 434-23 al. 2 et 434-31 ; code de la route, art. L233-1 II et L324-2 I bis',
  rule: {
    fr: "Par dérogation aux articles 132-2 à 132-5, les peines prononcées pour certaines infractions se cumulent, sans confusion possible, avec celles de l'infraction à laquelle le texte les lie.",
    en: 'Notwithstanding articles 132-2 to 132-5, the penalties for some offences add, without merging, to those of the offence the text pairs them with.',
  },
  reads: ['charge.relatedTo'],
  params: [],
};

/** The charges added on top of the cap, each with its clause and its related charges. */
export interface Cumulation { added: boolean[]; entries: { charge: number; ref: string; article: string; relatedTo: number[] }[] }
export const NO_CUMULATION: Cumulation = Object.freeze({ added: [], entries: [] }) as unknown as Cumulation;

const byRef = new WeakMap<Rules, Map<string, CumulationClause | null>>();
/**
 * The clause that reaches a provision (by its ref or its article), if any; else one that reaches it through the
 * offence it refers to (`viaPredicate`: 450-1 preparing a listed offence, the laundering of its proceeds).
 */
export function clauseOf(rules: Rules, ref: string, predicate?: string): CumulationClause | null {
  let m = byRef.get(rules);
  if (!m) { m = new Map(); byRef.set(rules, m); }
  const key = predicate === undefined ? ref : `${ref}\u0000${predicate}`;
  let hit = m.get(key);
  if (hit === undefined) {
    const article = rules.provisions.get(ref)?.article ?? articleOfItem(rules, ref);
    hit = rules.cumulation.clauses.find((k) => k.charges.some((e) => e === ref || e === article)) ?? (predicate === undefined ? null : viaPredicate(rules, ref, article ?? ref, predicate));
    m.set(key, hit);
  }
  return hit;
}

function viaPredicate(rules: Rules, ref: string, article: string, predicate: string): CumulationClause | null {
  const p = resolveRef(rules, predicate, '');
  if (!p.ok) return null;
  return rules.cumulation.clauses.find((k) => k.viaPredicate?.some((e) => coversCharge(e.charges, ref, article) && coversCharge(e.predicates, p.ref, p.provision.article))) ?? null;
}

/** The article of an item's ref ("225-7 3°" -> "225-7"), whose tiers the clause may name. */
function articleOfItem(rules: Rules, ref: string): string | undefined {
  const words = ref.split(' ');
  for (let n = words.length - 1; n > 0; n--) { const a = words.slice(0, n).join(' '); if (rules.articles.has(a)) return a; }
  return undefined;
}

/** relatedTo names other charges of the case, each once, on a charge a clause can reach. */
function checkRelated(c: CaseCtx, charges: readonly Charge[], results: readonly ChargeResult[]): ErrorDraft | null {
  for (let i = 0; i < charges.length; i++) {
    const rel = charges[i]!.relatedTo;
    if (!rel) continue;
    const path = `charges[${i}].relatedTo`;
    if (!clauseOf(c.rules, results[i]!.ref, charges[i]!.predicate)) return draft('INVALID_CASE', path, 'E_RELATED_NO_CLAUSE', { ref: results[i]!.ref, predicate: charges[i]!.predicate ?? null, clauses: c.rules.cumulation.clauses.map((k) => k.article) });
    for (let k = 0; k < rel.length; k++) {
      const j = rel[k]!;
      if (j >= charges.length) return draft('INVALID_CASE', `${path}[${k}]`, 'E_RELATED_RANGE', { index: j, count: charges.length });
      if (j === i) return draft('INVALID_CASE', `${path}[${k}]`, 'E_RELATED_SELF', { index: j });
      if (rel.indexOf(j) !== k) return draft('INVALID_CASE', `${path}[${k}]`, 'E_RELATED_TWICE', { index: j });
    }
  }
  const cycle = charges.some((ch) => ch.relatedTo) ? relatedCycle(charges) : null;
  return cycle ? draft('INVALID_CASE', `charges[${cycle[0]}].relatedTo`, 'E_RELATED_CYCLE', { chain: cycle.map((x) => x + 1).join(' → ') }) : null;
}

/**
 * A loop of relatedTo links (1 → 2 → 1, 1 → 2 → 3 → 1): each added on top of the next would leave nothing under the
 * cap, where a clause adds one offence to another. The loop as indices from its first; null when there is none.
 */
function relatedCycle(charges: readonly Charge[]): number[] | null {
  const state = new Uint8Array(charges.length); // 0 unseen, 1 on the current path, 2 done
  const path: number[] = [];
  const visit = (i: number): number[] | null => {
    state[i] = 1;
    path.push(i);
    for (const j of charges[i]!.relatedTo ?? []) {
      if (state[j] === 1) return [...path.slice(path.indexOf(j)), j];
      if (state[j] === 0) { const found = visit(j); if (found) return found; }
    }
    path.pop();
    state[i] = 2;
    return null;
  };
  for (let i = 0; i < charges.length; i++) if (state[i] === 0) { const found = visit(i); if (found) return found; }
  return null;
}

/** The related charges of charge i under its clause: as given, or by the clause's default; null when none can be known. */
function relatedOf(c: CaseCtx, clause: CumulationClause, charges: readonly Charge[], results: readonly ChargeResult[], i: number): number[] | null {
  const given = charges[i]!.relatedTo;
  if (given) return given.filter((j) => results[j]!.punishable);
  if (clause.pairsWith !== 'drivingSameDate') return null;
  const date = charges[i]!.date ?? c.date;
  const out: number[] = [];
  for (let j = 0; j < charges.length; j++) {
    if (j !== i && results[j]!.punishable && (charges[j]!.date ?? c.date) === date && c.rules.provisions.get(results[j]!.ref)?.driving === true) out.push(j);
  }
  return out;
}

/** Which charges a clause adds on top of the cap; the case's error when relatedTo is wrong. */
export function cumulation(c: CaseCtx, charges: readonly Charge[], results: readonly ChargeResult[]): Cumulation | ErrorDraft {
  const e = checkRelated(c, charges, results);
  if (e) return e;
  let plan: Cumulation | null = null;
  for (let i = 0; i < results.length; i++) {
    const clause = results[i]!.punishable ? clauseOf(c.rules, results[i]!.ref, charges[i]!.predicate) : null;
    if (!clause) continue;
    const ref = results[i]!.ref, date = charges[i]!.date ?? c.date;
    const v = at(clause.versions, date), later = at(clause.versions, c.judgment);
    if (!v || !later) {
      if (charges[i]!.relatedTo) c.warnings.push({ code: 'NOTE', ref, key: 'W_CLAUSE_NOT_IN_FORCE', params: { ref, article: clause.article, from: clause.versions[0]!.from } });
      continue;
    }
    // A clause about a detainee (132-6-1, 434-31, 433-9) cannot reach a legal person: it is never detained.
    if (clause.persons === 'natural' && c.legal) {
      if (charges[i]!.relatedTo) c.warnings.push({ code: 'NOTE', ref, key: 'W_CLAUSE_NATURAL_ONLY', params: { ref, article: clause.article } });
      continue;
    }
    const related = relatedOf(c, clause, charges, results, i);
    if (!related?.length) {
      if (clause.onlyWhenRelated && !charges[i]!.relatedTo) continue;
      c.warnings.push({ code: 'NOTE', ref, key: related ? 'W_CLAUSE_NO_RELATED' : 'W_CLAUSE_NEEDS_RELATED', params: { ref, article: clause.article, label: clause.label[c.lang], byDefault: clause.pairsWith === 'drivingSameDate' && !charges[i]!.relatedTo } });
      continue;
    }
    plan ??= { added: results.map(() => false), entries: [] };
    plan.added[i] = true;
    plan.entries.push({ charge: i, ref, article: clause.article, relatedTo: related });
    for (const x of new Set([v, later])) if (x.status !== 'text') c.warnings.push({ code: 'UNVERIFIED', ref: clause.article, status: x.status, key: 'W_GENERAL_UNVERIFIED', params: { ref, rule: clause.article, from: x.from, status: x.status } });
    if (clause.requires) c.warnings.push({ code: 'NOTE', ref, key: 'W_CLAUSE_REQUIRES', params: { ref, article: clause.article, condition: clause.requires } });
  }
  return plan ?? NO_CUMULATION;
}
