// `quantum rules validate`: the loader's checks (schema, dates, duplicates) plus cross-references between files.
import type { Lang, Provision, Rules, Version } from '../core/model.js';
import { continuedByOf, isByPredicate, isPenaltyOf } from '../core/model.js';
import { param } from '../core/params.js';
import { Money } from '../core/money.js';
import { Issues, loadRules, RulesError, type RulesIssue } from './load.js';
import { coversArticle } from '../core/law/covers.js';
import { resolveRef } from '../core/refs.js';
import { MAX_PENALTY_OF_LINKS } from '../core/law/special.js';

export interface ValidationReport { errors: RulesIssue[]; notes: RulesIssue[]; rules: Rules | null }

/** The article of a ref: its code (when not the Code pénal) and number, without the subdivisions. */
const articleOf = (rules: Rules, ref: string) => {
  const words = ref.split(' ');
  const coded = words.length > 1 && rules.codes.some((c) => c.id === words[0]);
  const latin = /^(bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies)$/;
  const n = coded ? 2 : 1;
  return words.slice(0, n + (words[n] && latin.test(words[n]!) ? 1 : 0)).join(' ');
};

/**
 * Every reference from one piece of data to another must land on something the rules define. The problems are
 * worded in `lang` (French by default).
 */
export function crossCheck(rules: Rules, lang: Lang = 'fr'): { errors: RulesIssue[]; notes: RulesIssue[] } {
  const errors = new Issues(lang);
  const notes = new Issues(lang);
  const knownArticle = (a: string) => rules.articles.has(a) || rules.provisions.has(a);
  versionRefs(rules, knownArticle, errors, notes);
  penaltyOfChains(rules, errors);
  leftItems(rules, knownArticle, errors, notes);
  const general = 'general/recidive.json';
  rules.recidive.predicateAssimilations.forEach((pa, i) => pa.appliesTo.forEach((a, j) => {
    if (!knownArticle(a)) errors.add(general, `predicateAssimilations[${i}].appliesTo[${j}]`, 'R_ARTICLE_UNKNOWN', { article: a });
  }));
  rules.recidive.assimilations.forEach((g, i) => g.articles.forEach((a, j) => {
    const hit = a.endsWith('-*') ? [...rules.articles.keys()].some((k) => k.startsWith(a.slice(0, -1))) : knownArticle(a);
    if (!hit) notes.add(general, `assimilations[${i}].articles[${j}]`, 'R_NAMED_NOT_YET', { entry: a, by: g.article });
  }));
  rules.recidive.assimilations.forEach((g, i) => g.refs?.forEach((x, j) => {
    const r = typeof x === 'string' ? x : x.ref;
    const hit = resolveRef(rules, r, '');
    if (!hit.ok || hit.ref !== r) errors.add(general, `assimilations[${i}].refs[${j}]`, 'R_NAMED_NOT_REF', { ref: r, by: g.article });
  }));
  rules.aggravations.aggravations.forEach((ag, i) => ag.excludes.forEach((a, j) => {
    if (!knownArticle(a)) notes.add('general/aggravations.json', `aggravations[${i}].excludes[${j}]`, 'R_EXCLUDED_NOT_YET', { entry: a, by: ag.article });
  }));
  rules.aggravations.aggravations.forEach((ag, i) => ag.values.forEach((v, k) => v.alreadyAggravated?.refs.forEach((r, j) => {
    const hit = resolveRef(rules, r, '');
    if (!hit.ok || hit.ref !== r) errors.add('general/aggravations.json', `aggravations[${i}].values[${k}].alreadyAggravated.refs[${j}]`, 'R_NAMED_NOT_REF', { ref: r, by: ag.article });
  })));
  codeNames(rules, errors);
  for (const [alias, ref] of rules.aliases) {
    if (!rules.provisions.has(ref)) errors.add('(aliases)', alias, 'R_ALIAS_DANGLING', { alias, ref });
  }
  for (const p of rules.provisions.values()) p.versions.forEach((v, k) => classBounds(rules, p, v, k, errors));
  for (const p of rules.provisions.values()) {
    for (const by of continuedByOf(p)) {
      const next = rules.provisions.get(by);
      const path = `provisions[${rules.articles.get(p.article)!.refs.indexOf(p.ref)}].repealed.continuedBy`;
      if (!next) errors.add(p.file, path, 'R_CONTINUED_UNKNOWN', { ref: by });
      else if (!next.versions.some((v) => v.from <= p.repealed!.from && (v.to === null || p.repealed!.from < v.to))) errors.add(p.file, path, 'R_CONTINUED_NOT_IN_FORCE', { by, date: p.repealed!.from, ref: p.ref });
    }
  }
  recidiveForms(rules, errors);
  for (const p of rules.provisions.values()) p.formerlyUnder?.forEach((f, k) => {
    if (!rules.provisions.has(f.ref)) errors.add(p.file, `provisions[${rules.articles.get(p.article)!.refs.indexOf(p.ref)}].formerlyUnder[${k}].ref`, 'R_CONTINUED_UNKNOWN', { ref: f.ref });
  });
  generalRules(rules, errors, notes);
  return { errors: errors.list, notes: notes.list };
}

/** A text's own récidive penalty (recidiveForm) names a provision of the rules that says it is one (ownRecidive). */
function recidiveForms(rules: Rules, errors: Issues): void {
  for (const p of rules.provisions.values()) p.versions.forEach((v, k) => {
    if (!v.recidiveForm) return;
    const form = rules.provisions.get(v.recidiveForm);
    const path = `provisions[${rules.articles.get(p.article)!.refs.indexOf(p.ref)}].versions[${k}].recidiveForm`;
    if (!form?.versions.some((w) => w.ownRecidive)) errors.add(p.file, path, 'R_RECIDIVE_FORM', { ref: v.recidiveForm });
  });
}

/** The articles a version's penalty and attempt name: those it computes with must be in the rules. */
/** "Puni des peines prévues à l'article …" chains: no cycle, at most MAX_PENALTY_OF_LINKS links (the engine's limit). */
function penaltyOfChains(rules: Rules, errors: Issues): void {
  const next = (p: Provision): Provision[] => p.versions.flatMap((v) => (v.penalty && isPenaltyOf(v.penalty) ? [v.penalty.penaltyOf] : []))
    .map((ref) => resolveRef(rules, ref, '')).flatMap((r) => (r.ok ? [r.provision] : []));
  for (const start of rules.provisions.values()) {
    // Walk every path from this provision, breadth first, up to one link beyond the limit.
    let level: Provision[][] = next(start).map((q) => [start, q]);
    for (let links = 1; level.length && links <= MAX_PENALTY_OF_LINKS; links++) {
      const cycle = level.find((path) => path.indexOf(path[path.length - 1]!) < path.length - 1);
      if (cycle) { errors.add(start.file, start.ref, 'R_PENALTY_OF_CYCLE', { chain: cycle.map((q) => q.ref).join(' → ') }); break; }
      level = level.flatMap((path) => next(path[path.length - 1]!).map((q) => [...path, q]));
      if (links === MAX_PENALTY_OF_LINKS && level.length) errors.add(start.file, start.ref, 'R_PENALTY_OF_DEEP', { ref: start.ref, max: MAX_PENALTY_OF_LINKS });
    }
  }
}

function versionRefs(rules: Rules, knownArticle: (a: string) => boolean, errors: Issues, notes: Issues): void {
  for (const p of rules.provisions.values()) {
    const at = (k: number, rest: string) => `provisions[${rules.articles.get(p.article)!.refs.indexOf(p.ref)}].versions[${k}]${rest}`;
    p.versions.forEach((v, k) => {
      const pen = v.penalty;
      if (pen && isByPredicate(pen) && !knownArticle(pen.byPredicate.article)) {
        errors.add(p.file, at(k, '.penalty.byPredicate.article'), 'R_ARTICLE_UNKNOWN', { article: pen.byPredicate.article });
      }
      if (pen && isByPredicate(pen)) {
        (pen.byPredicate.predicates ?? []).forEach((a, j) => {
          if (!knownArticle(a)) notes.add(p.file, at(k, `.penalty.byPredicate.predicates[${j}]`), 'R_PREDICATE_NOT_YET', { article: a });
        });
      }
      if (pen && isPenaltyOf(pen) && !rules.provisions.has(pen.penaltyOf) && !knownArticle(pen.penaltyOf)) {
        errors.add(p.file, at(k, '.penalty.penaltyOf'), 'R_REF_UNKNOWN', { ref: pen.penaltyOf });
      }
      if (pen && 'heavierPredicate' in pen && pen.heavierPredicate && !knownArticle(pen.heavierPredicate.article)) {
        errors.add(p.file, at(k, '.penalty.heavierPredicate.article'), 'R_ARTICLE_UNKNOWN', { article: pen.heavierPredicate.article });
      }
      if (v.attempt?.article && !knownArticle(articleOf(rules, v.attempt.article))) {
        notes.add(p.file, at(k, '.attempt.article'), 'R_ATTEMPT_CITED', { article: v.attempt.article });
      }
    });
  }
}

/**
 * An item that left the text but went on needs an end date: renumbered (renumberedAs), its new number listed in
 * the article from that date; moved (movedTo), its target an article or a general aggravation.
 */
function leftItems(rules: Rules, knownArticle: (a: string) => boolean, errors: Issues, notes: Issues): void {
  for (const p of rules.provisions.values()) {
    const idx = rules.articles.get(p.article)!.refs.indexOf(p.ref);
    (p.items ?? []).forEach((it, j) => {
      if (typeof it === 'string' || (!it.renumberedAs && !it.movedTo)) return;
      const field = it.renumberedAs ? 'renumberedAs' : 'movedTo';
      const path = `provisions[${idx}].items[${j}].${field}`;
      if (!it.to) {
        if (it.renumberedAs) errors.add(p.file, path, 'R_RENUMBERED_NO_DATE', { sub: it.sub });
        else errors.add(p.file, path, 'R_MOVED_NO_DATE', { sub: it.sub, to: it.movedTo! });
        return;
      }
      if (it.renumberedAs && it.movedTo) errors.add(p.file, path, 'R_RENUMBERED_AND_MOVED', { sub: it.sub });
      if (it.renumberedAs) {
        const target = rules.articles.get(p.article)!.refs.flatMap((r) => rules.provisions.get(r)!.items ?? [])
          .find((x) => typeof x !== 'string' && x.sub === it.renumberedAs && x.from === it.to);
        if (!target) errors.add(p.file, path, 'R_RENUMBERED_MISSING', { sub: it.sub, as: it.renumberedAs, date: it.to, article: p.article });
      } else {
        const target = articleOf(rules, it.movedTo!);
        const aggravation = rules.aggravations.aggravations.some((a) => a.article === target);
        if (!knownArticle(target) && !aggravation) notes.add(p.file, path, 'R_MOVED_CITED', { sub: it.sub, to: it.movedTo! });
      }
    });
  }
}

/**
 * The repentis texts and cumulation clauses name articles: an entry that reaches no article of the catalogue is
 * noted (the text is kept for when it comes); two texts giving the same effect to one article at once, or two
 * clauses reaching one provision, are errors (the engine would have to choose).
 */
function generalRules(rules: Rules, errors: Issues, notes: Issues): void {
  const articles = [...rules.articles.keys()];
  const seen = new Map<string, { from: string; to: string | null; by: string }[]>();
  const overlap = (effect: 'exemption' | 'reduction', article: string, v: { from: string; to: string | null }, by: string, path: string) => {
    const key = `${effect}|${article}`;
    const list = seen.get(key) ?? [];
    const other = list.find((x) => x.by !== by && x.from < (v.to ?? '9999') && v.from < (x.to ?? '9999'));
    if (other) errors.add('general/repentis.json', path, 'R_REPENTIS_TWICE', { article, first: other.by, second: by, effect });
    list.push({ ...v, by });
    seen.set(key, list);
  };
  rules.repentis.texts.forEach((t, i) => t.versions.forEach((v, k) => {
    type Covers = ['exemption' | 'reduction', readonly string[], string];
    const lists: Covers[] = [['exemption', v.exemption?.covers ?? [], 'exemption.covers'], ...(v.reductions ?? []).map((r, j): Covers => ['reduction', r.covers, `reductions[${j}].covers`])];
    for (const [effect, covers, at] of lists) covers.forEach((e, j) => {
      const path = `texts[${i}].versions[${k}].${at}[${j}]`;
      const hits = articles.filter((a) => coversArticle(e, a));
      if (!hits.length) notes.add('general/repentis.json', path, 'R_NAMED_NOT_YET', { entry: e, by: t.article });
      for (const a of hits) overlap(effect, a, v, t.article, path);
    });
  }));
  const reached = new Map<string, string>();
  rules.cumulation.clauses.forEach((cl, i) => cl.charges.forEach((e, j) => {
    const refs = rules.provisions.has(e) ? [e] : rules.articles.get(e)?.refs ?? [];
    const path = `clauses[${i}].charges[${j}]`;
    if (!refs.length) errors.add('general/cumulation.json', path, 'R_CHARGE_UNKNOWN', { ref: e });
    for (const r of refs) {
      if (reached.has(r) && reached.get(r) !== cl.article) errors.add('general/cumulation.json', path, 'R_TWO_CLAUSES', { ref: r, first: reached.get(r)!, second: cl.article });
      reached.set(r, cl.article);
    }
  }));
  // Entries reached through their predicate: each must name an article (or a tier) the catalogue can hold.
  const entryHits = (e: string) => articles.some((a) => coversArticle(e.replace(/ al\. \d+$/, ''), a));
  rules.cumulation.clauses.forEach((cl, i) => cl.viaPredicate?.forEach((v, k) => (['charges', 'predicates'] as const).forEach((field) => v[field].forEach((e, j) => {
    if (!entryHits(e)) notes.add('general/cumulation.json', `clauses[${i}].viaPredicate[${k}].${field}[${j}]`, 'R_NAMED_NOT_YET', { entry: e, by: cl.article });
  }))));
}

/**
 * 131-1, 131-4, 131-13 and C. proc. pén. 381, as dated parameters: réclusion and détention criminelle for a term run
 * from the criminal minimum, emprisonnement up to the délit maximum, and a fine alone is either a contravention's
 * (at most the contravention maximum) or a délit's (at least the délit threshold). A figure outside is a data error.
 */
function classBounds(rules: Rules, p: Provision, v: Version, k: number, errors: Issues): void {
  const pen = v.penalty;
  if (!pen || isByPredicate(pen) || isPenaltyOf(pen) || v.nature) return;
  const path = `provisions[${rules.articles.get(p.article)!.refs.indexOf(p.ref)}].versions[${k}].penalty`;
  const prison = pen.prison;
  if (prison?.months !== undefined) {
    const min = param(rules, 'criminalCustodialMin', v.from)?.value.months;
    const max = param(rules, 'delitCustodialMax', v.from)?.value.months;
    if (prison.kind !== 'emprisonnement' && min !== undefined && prison.months < min) errors.add(p.file, `${path}.prison.months`, 'R_BELOW_CRIMINAL', { kind: prison.kind, months: prison.months, min });
    if (prison.kind === 'emprisonnement' && max !== undefined && prison.months > max) errors.add(p.file, `${path}.prison.months`, 'R_ABOVE_DELIT', { months: prison.months, max });
  }
  if (!prison && pen.fine && 'amount' in pen.fine) {
    const cmax = param(rules, 'contraventionFineMax', v.from)?.value;
    const dmin = param(rules, 'delitFineThreshold', v.from)?.value;
    const f = new Money(pen.fine.amount);
    if (cmax !== undefined && dmin !== undefined && f.gt(cmax) && f.lt(dmin)) errors.add(p.file, `${path}.fine.amount`, 'R_FINE_BETWEEN', { amount: pen.fine.amount, max: cmax, min: dmin });
  }
}

/** The loader's checks and the cross-references of a rules directory, every problem worded in `lang`. */
export function validateRules(dir: string, lang: Lang = 'fr'): ValidationReport {
  try {
    const rules = loadRules(dir, { snapshot: false, lang }); // validate means validate: never the build's snapshot
    return { ...crossCheck(rules, lang), rules };
  } catch (e) {
    if (e instanceof RulesError) return { errors: e.issues, notes: [], rules: null };
    throw e;
  }
}

/** The ref parser skips the code names for an input starting with a digit (refs.ts codePrefix): none may. */
function codeNames(rules: Rules, errors: Issues): void {
  rules.codes.forEach((k, i) => [k.id, ...k.names].forEach((n) => {
    if (/^\d/.test(n)) errors.add('codes.json', `codes[${i}]`, 'R_CODE_NAME_DIGIT', { name: n });
  }));
}
