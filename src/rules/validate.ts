// `quantum rules validate`: the loader's checks (schema, dates, duplicates) plus cross-references between files.
import type { Rules } from '../core/model.js';
import { isByPredicate } from '../core/model.js';
import { loadRules, RulesError, type RulesIssue } from './load.js';

export interface ValidationReport { errors: RulesIssue[]; notes: RulesIssue[]; rules: Rules | null }

const articleOf = (ref: string) => ref.split(' ')[0]!;

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
      if (pen && !isByPredicate(pen) && pen.heavierPredicate && !knownArticle(pen.heavierPredicate.article)) {
        errors.push({ file: p.file, path: at(k, '.penalty.heavierPredicate.article'), message: `article ${pen.heavierPredicate.article} is not in the rules` });
      }
      if (v.attempt?.article && !knownArticle(articleOf(v.attempt.article))) {
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
        const target = articleOf(it.movedTo!);
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
  rules.aggravations.aggravations.forEach((ag, i) => ag.excludes.forEach((a, j) => {
    if (!knownArticle(a)) notes.push({ file: 'general/aggravations.json', path: `aggravations[${i}].excludes[${j}]`, message: `${a} (excluded by ${ag.article}) is not in the catalogue yet` });
  }));
  for (const [alias, ref] of rules.aliases) {
    if (!rules.provisions.has(ref)) errors.push({ file: '(aliases)', path: alias, message: `alias ${alias} names ${ref}, which is not in the rules` });
  }
  return { errors, notes };
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
