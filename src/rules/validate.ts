// `quantum rules validate`: the loader's checks (schema, dates, duplicates) plus cross-references between files.
import type { Provision, Rules, Version } from '../core/model.js';
import { continuedByOf, isByPredicate, isPenaltyOf } from '../core/model.js';
import { param } from '../core/params.js';
import { Money } from '../core/money.js';
import { loadRules, RulesError, type RulesIssue } from './load.js';
import { coversArticle } from '../core/law/covers.js';
import { resolveRef } from '../core/refs.js';

export interface ValidationReport { errors: RulesIssue[]; notes: RulesIssue[]; rules: Rules | null }

/** The article of a ref: its code (when not the Code pénal) and number, without the subdivisions. */
const articleOf = (rules: Rules, ref: string) => {
  const words = ref.split(' ');
  const coded = words.length > 1 && rules.codes.some((c) => c.id === words[0]);
  const latin = /^(bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies)$/;
  const n = coded ? 2 : 1;
  return words.slice(0, n + (words[n] && latin.test(words[n]!) ? 1 : 0)).join(' ');
};

/** Every reference from one piece of data to another must land on something the rules define. */
export function crossCheck(rules: Rules): { errors: RulesIssue[]; notes: RulesIssue[] } {
  const errors: RulesIssue[] = [];
  const notes: RulesIssue[] = [];
  const knownArticle = (a: string) => rules.articles.has(a) || rules.provisions.has(a);
  for (const p of rules.provisions.values()) {
    const at = (k: number, rest: string) => `provisions[${rules.articles.get(p.article)!.refs.indexOf(p.ref)}].versions[${k}]${rest}`;
    p.versions.forEach((v, k) => {
      const pen = v.penalty;
      if (pen && isByPredicate(pen) && !knownArticle(pen.byPredicate.article)) {
        errors.push({ file: p.file, path: at(k, '.penalty.byPredicate.article'), message: `article ${pen.byPredicate.article} is not in the rules` });
      }
      if (pen && isByPredicate(pen)) {
        (pen.byPredicate.predicates ?? []).forEach((a, j) => {
          if (!knownArticle(a)) notes.push({ file: p.file, path: at(k, `.penalty.byPredicate.predicates[${j}]`), message: `predicate article ${a} is not in the catalogue yet` });
        });
      }
      if (pen && isPenaltyOf(pen) && !rules.provisions.has(pen.penaltyOf) && !knownArticle(pen.penaltyOf)) {
        errors.push({ file: p.file, path: at(k, '.penalty.penaltyOf'), message: `${pen.penaltyOf} is not in the rules` });
      }
      if (pen && 'heavierPredicate' in pen && pen.heavierPredicate && !knownArticle(pen.heavierPredicate.article)) {
        errors.push({ file: p.file, path: at(k, '.penalty.heavierPredicate.article'), message: `article ${pen.heavierPredicate.article} is not in the rules` });
      }
      if (v.attempt?.article && !knownArticle(articleOf(rules, v.attempt.article))) {
        notes.push({ file: p.file, path: at(k, '.attempt.article'), message: `attempt article ${v.attempt.article} is not in the catalogue (cited only)` });
      }
    });
  }
  // An item that left the text but went on needs an end date: renumbered (renumberedAs), its new number listed in
  // the article from that date; moved (movedTo), its target an article or a general aggravation.
  for (const p of rules.provisions.values()) {
    const idx = rules.articles.get(p.article)!.refs.indexOf(p.ref);
    (p.items ?? []).forEach((it, j) => {
      if (typeof it === 'string' || (!it.renumberedAs && !it.movedTo)) return;
      const field = it.renumberedAs ? 'renumberedAs' : 'movedTo';
      const path = `provisions[${idx}].items[${j}].${field}`;
      if (!it.to) { errors.push({ file: p.file, path, message: `${it.sub} ${it.renumberedAs ? 'is renumbered' : `moved to ${it.movedTo}`} but has no "to" date` }); return; }
      if (it.renumberedAs && it.movedTo) errors.push({ file: p.file, path, message: `${it.sub} cannot be both renumbered and moved` });
      if (it.renumberedAs) {
        const target = rules.articles.get(p.article)!.refs.flatMap((r) => rules.provisions.get(r)!.items ?? [])
          .find((x) => typeof x !== 'string' && x.sub === it.renumberedAs && x.from === it.to);
        if (!target) errors.push({ file: p.file, path, message: `${it.sub} becomes ${it.renumberedAs} on ${it.to}, but no item ${it.renumberedAs} of article ${p.article} starts that day` });
      } else {
        const target = articleOf(rules, it.movedTo!);
        const aggravation = rules.aggravations.aggravations.some((a) => a.article === target);
        if (!knownArticle(target) && !aggravation) notes.push({ file: p.file, path, message: `${it.sub} moved to ${it.movedTo}, which is not in the catalogue (cited only)` });
      }
    });
  }
  const general = 'general/recidive.json';
  rules.recidive.predicateAssimilations.forEach((pa, i) => pa.appliesTo.forEach((a, j) => {
    if (!knownArticle(a)) errors.push({ file: general, path: `predicateAssimilations[${i}].appliesTo[${j}]`, message: `article ${a} is not in the rules` });
  }));
  rules.recidive.assimilations.forEach((g, i) => g.articles.forEach((a, j) => {
    const hit = a.endsWith('-*') ? [...rules.articles.keys()].some((k) => k.startsWith(a.slice(0, -1))) : knownArticle(a);
    if (!hit) notes.push({ file: general, path: `assimilations[${i}].articles[${j}]`, message: `${a} (named by ${g.article}) is not in the catalogue yet` });
  }));
  rules.recidive.assimilations.forEach((g, i) => g.refs?.forEach((r, j) => {
    const hit = resolveRef(rules, r, '');
    if (!hit.ok || hit.ref !== r) errors.push({ file: general, path: `assimilations[${i}].refs[${j}]`, message: `${r} (named by ${g.article}) is not a provision or item of the rules, as charged` });
  }));
  rules.aggravations.aggravations.forEach((ag, i) => ag.excludes.forEach((a, j) => {
    if (!knownArticle(a)) notes.push({ file: 'general/aggravations.json', path: `aggravations[${i}].excludes[${j}]`, message: `${a} (excluded by ${ag.article}) is not in the catalogue yet` });
  }));
  codeNames(rules, errors);
  for (const [alias, ref] of rules.aliases) {
    if (!rules.provisions.has(ref)) errors.push({ file: '(aliases)', path: alias, message: `alias ${alias} names ${ref}, which is not in the rules` });
  }
  for (const p of rules.provisions.values()) p.versions.forEach((v, k) => errors.push(...classBounds(rules, p, v, k)));
  for (const p of rules.provisions.values()) {
    for (const by of continuedByOf(p)) {
    const next = rules.provisions.get(by);
    const path = `provisions[${rules.articles.get(p.article)!.refs.indexOf(p.ref)}].repealed.continuedBy`;
    if (!next) errors.push({ file: p.file, path, message: `${by} is not in the rules (give its canonical ref, e.g. "CESEDA L823-1")` });
    else if (!next.versions.some((v) => v.from <= p.repealed!.from && (v.to === null || p.repealed!.from < v.to))) errors.push({ file: p.file, path, message: `${by} has no version in force on ${p.repealed!.from}, the day ${p.ref} was repealed` });
    }
  }
  generalRules(rules, errors, notes);
  return { errors, notes };
}

/**
 * The repentis texts and cumulation clauses name articles: an entry that reaches no article of the catalogue is
 * noted (the text is kept for when it comes); two texts giving the same effect to one article at once, or two
 * clauses reaching one provision, are errors (the engine would have to choose).
 */
function generalRules(rules: Rules, errors: RulesIssue[], notes: RulesIssue[]): void {
  const articles = [...rules.articles.keys()];
  const seen = new Map<string, { from: string; to: string | null; by: string }[]>();
  const overlap = (key: string, v: { from: string; to: string | null }, by: string, path: string) => {
    const list = seen.get(key) ?? [];
    const other = list.find((x) => x.by !== by && x.from < (v.to ?? '9999') && v.from < (x.to ?? '9999'));
    if (other) errors.push({ file: 'general/repentis.json', path, message: `${key.split('|')[1]} is reached by ${other.by} and ${by} at the same time (${key.split('|')[0]})` });
    list.push({ ...v, by });
    seen.set(key, list);
  };
  rules.repentis.texts.forEach((t, i) => t.versions.forEach((v, k) => {
    const lists: [string, readonly string[], string][] = [['exemption', v.exemption?.covers ?? [], 'exemption.covers'], ...(v.reductions ?? []).map((r, j) => ['reduction', r.covers, `reductions[${j}].covers`] as [string, readonly string[], string])];
    for (const [effect, covers, at] of lists) covers.forEach((e, j) => {
      const path = `texts[${i}].versions[${k}].${at}[${j}]`;
      const hits = articles.filter((a) => coversArticle(e, a));
      if (!hits.length) notes.push({ file: 'general/repentis.json', path, message: `${e} (named by ${t.article}) is not in the catalogue yet` });
      for (const a of hits) overlap(`${effect}|${a}`, v, t.article, path);
    });
  }));
  const reached = new Map<string, string>();
  rules.cumulation.clauses.forEach((cl, i) => cl.charges.forEach((e, j) => {
    const refs = rules.provisions.has(e) ? [e] : rules.articles.get(e)?.refs ?? [];
    const path = `clauses[${i}].charges[${j}]`;
    if (!refs.length) errors.push({ file: 'general/cumulation.json', path, message: `${e} is neither a provision nor an article of the rules` });
    for (const r of refs) {
      if (reached.has(r) && reached.get(r) !== cl.article) errors.push({ file: 'general/cumulation.json', path, message: `${r} is reached by two clauses (${reached.get(r)}, ${cl.article})` });
      reached.set(r, cl.article);
    }
  }));
}

/**
 * 131-1, 131-4, 131-13 and C. proc. pén. 381, as dated parameters: réclusion and détention criminelle for a term run
 * from the criminal minimum, emprisonnement up to the délit maximum, and a fine alone is either a contravention's
 * (at most the contravention maximum) or a délit's (at least the délit threshold). A figure outside is a data error.
 */
function classBounds(rules: Rules, p: Provision, v: Version, k: number): RulesIssue[] {
  const pen = v.penalty;
  if (!pen || isByPredicate(pen) || isPenaltyOf(pen) || v.nature) return [];
  const path = `provisions[${rules.articles.get(p.article)!.refs.indexOf(p.ref)}].versions[${k}].penalty`;
  const out: RulesIssue[] = [];
  const prison = pen.prison;
  if (prison?.months !== undefined) {
    const min = param(rules, 'criminalCustodialMin', v.from)?.value.months;
    const max = param(rules, 'delitCustodialMax', v.from)?.value.months;
    if (prison.kind !== 'emprisonnement' && min !== undefined && prison.months < min) out.push({ file: p.file, path: `${path}.prison.months`, message: `${prison.kind} for ${prison.months} months is below the criminal minimum (${min} months, 131-1)` });
    if (prison.kind === 'emprisonnement' && max !== undefined && prison.months > max) out.push({ file: p.file, path: `${path}.prison.months`, message: `emprisonnement for ${prison.months} months is above the délit maximum (${max} months, 131-4)` });
  }
  if (!prison && pen.fine && 'amount' in pen.fine) {
    const cmax = param(rules, 'contraventionFineMax', v.from)?.value;
    const dmin = param(rules, 'delitFineThreshold', v.from)?.value;
    const f = new Money(pen.fine.amount);
    if (cmax !== undefined && dmin !== undefined && f.gt(cmax) && f.lt(dmin)) out.push({ file: p.file, path: `${path}.fine.amount`, message: `a fine alone of ${pen.fine.amount} € is neither a contravention's (at most ${cmax}) nor a délit's (at least ${dmin})` });
  }
  return out;
}

export function validateRules(dir: string): ValidationReport {
  try {
    const rules = loadRules(dir, { snapshot: false }); // validate means validate: never the build's snapshot
    return { ...crossCheck(rules), rules };
  } catch (e) {
    if (e instanceof RulesError) return { errors: e.issues, notes: [], rules: null };
    throw e;
  }
}

/** The ref parser skips the code names for an input starting with a digit (refs.ts codePrefix): none may. */
function codeNames(rules: Rules, errors: RulesIssue[]): void {
  rules.codes.forEach((k, i) => [k.id, ...k.names].forEach((n) => {
    if (/^\d/.test(n)) errors.push({ file: 'codes.json', path: `codes[${i}]`, message: `the name "${n}" starts with a digit, as an article does` });
  }));
}
