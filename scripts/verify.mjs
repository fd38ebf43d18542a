#!/usr/bin/env node
// Compares the figures of rules/ with a local clone of a LEGI git mirror, version by version.
//
//   npm run verify -- 225-5 227-23          some articles (Code pénal unless prefixed: "route L234-1")
//   npm run verify -- --all                 every article of the codes the mirror has
//   options: --mirror PATH (repeatable; default $QUANTUM_LEGI_MIRROR or the etalab mirror below),
//            --report FILE (also write the report as Markdown), --quiet (only disagreements and flags),
//            --until DATE (the day the mirror stops knowing the law; default: the day after the last date of its
//            dense run of daily commits, so that versions announced in advance are not taken for the end of its data),
//            --export CODE:DATE:FILE (repeatable: a code's consolidated export on one date, e.g. from Légifrance's
//            export of a code, as JSON; compared with the data's versions in force that day)
//
// A mirror is a bare or normal git repository with one commit per version of an article, dated by the day the
// version came into force: etalab/codes-juridiques-francais ("codes-en-vigueur/code-penal/…/article-225-5.md")
// and steeve/france.code-penal ("Partie législative/…/Article 225-5.md") are understood. For each version of
// each provision, the mirror versions in force during its dates are read, and the penalties found in their
// text ("N ans d'emprisonnement et X euros d'amende", réclusion, contravention classes) are compared with the
// data: AGREE when the data's pair of figures is in the text, DISAGREE when the text has figures but not that
// pair, FLAG when the text gives no figure the heuristic can read ("puni des mêmes peines", "peines prévues à
// l'article …"). Francs are compared with the euro amounts of Ord. n° 2000-916 (about 0.15 € a franc). It is a heuristic: a
// disagreement is a question to answer by reading the text, not a verdict.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const DEFAULT_MIRROR = '/work/.mirror/etalab+codes-juridiques-francais/repo';
// The data's code ids and the folder each mirror layout gives that code.
const ETALAB_DIRS = { CP: 'code-penal', route: 'code-de-la-route', CSP: 'code-de-la-sante-publique', douanes: 'code-des-douanes',
  CMF: 'code-monetaire-et-financier', travail: 'code-du-travail', CSI: 'code-de-la-securite-interieure',
  CESEDA: "code-de-l-entree-et-du-sejour-des-etrangers-et-du-droit-d-asile", environnement: "code-de-l-environnement",
  consommation: 'code-de-la-consommation', commerce: 'code-de-commerce', CPI: 'code-de-la-propriete-intellectuelle',
  CSS: 'code-de-la-securite-sociale', transports: 'code-des-transports', rural: 'code-rural-et-de-la-peche-maritime',
  urbanisme: "code-de-l-urbanisme", CCH: "code-de-la-construction-et-de-l-habitation", assurances: 'code-des-assurances',
  CPP: 'code-de-procedure-penale' };

// ---- arguments
const args = process.argv.slice(2);
const mirrors = [];
const exports = [];
let all = false, report = null, quiet = false, until = null;
const wanted = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--all') all = true;
  else if (a === '--mirror') mirrors.push(args[++i]);
  else if (a === '--report') report = args[++i];
  else if (a === '--quiet') quiet = true;
  else if (a === '--until') until = args[++i];
  else if (a === '--export') exports.push(args[++i]);
  else if (a === '--help' || a === '-h') { console.log(readFileSync(new URL(import.meta.url)).toString().split('\n').slice(1, 12).join('\n')); process.exit(0); }
  else wanted.push(a);
}
if (!mirrors.length && !exports.length) mirrors.push(process.env.QUANTUM_LEGI_MIRROR || DEFAULT_MIRROR);
if (!all && !wanted.length) { console.error('usage: npm run verify -- <article>… | --all [--mirror PATH] [--report FILE]'); process.exit(2); }

// ---- the mirrors
const git = (repo, ...a) => execFileSync('git', ['-C', repo, '-c', 'core.quotepath=off', ...a], { encoding: 'utf8', maxBuffer: 1 << 28 });
const mirrorInfo = mirrors.map((repo) => {
  if (!existsSync(repo)) { console.error(`mirror not found: ${repo}`); process.exit(2); }
  const top = git(repo, 'ls-tree', '--name-only', 'HEAD').split('\n');
  const layout = top.includes('codes-en-vigueur') ? 'etalab' : 'steeve';
  const lastDate = until || knowledgeDate(repo);
  return { repo, layout, files: {}, lastDate, name: repo.replace(/\/(repo|\.git)$/, '').split('/').pop() };
}).concat(exports.map(readExport));

/**
 * A consolidated export of one code on one date (`--export CODE:DATE:FILE`): the articles in force that day, as
 * Légifrance's export of a code gives them, one version each, valid on that date only. FILE is JSON, either
 * { articles: { "<number>": { texte } } } or [{ article_number, content }].
 */
function readExport(spec) {
  const [code, asOf, ...rest] = spec.split(':');
  const file = rest.join(':');
  if (!code || !/^\d{4}-\d\d-\d\d$/.test(asOf ?? '') || !existsSync(file)) { console.error(`--export wants CODE:YYYY-MM-DD:FILE, got ${spec}`); process.exit(2); }
  const raw = JSON.parse(readFileSync(file, 'utf8'));
  const articles = Array.isArray(raw) ? Object.fromEntries(raw.map((x) => [x.article_number, x.content])) : Object.fromEntries(Object.entries(raw.articles).map(([k, v]) => [k, v.texte]));
  const lastDate = new Date(Date.parse(`${asOf}T00:00:00Z`) + 86400000).toISOString().slice(0, 10);
  return { repo: file, layout: 'export', code, asOf, articles, lastDate, name: `export ${code} ${asOf}` };
}

/** The day after the mirror's data was taken. LEGI dumps also hold versions announced for later dates (a few
 *  commits dated months or years ahead, e.g. 2017-01-01 in a 2015 dump), so the newest commit date is not it: it is
 *  the newest date still in the dense daily run of commits (at least 8 distinct commit dates in the 30 days up to it),
 *  or, for a sparse mirror, the newest date not separated from the previous one by more than a year. */
function knowledgeDate(repo) {
  const dates = [...new Set(git(repo, 'log', '--format=%ad', '--date=short').split('\n').filter(Boolean))].sort();
  const day = (d) => Date.parse(`${d}T00:00:00Z`) / 86400000;
  const next = (d) => new Date((day(d) + 1) * 86400000).toISOString().slice(0, 10);
  for (let i = dates.length - 1; i >= 0; i--) {
    if (dates.filter((d) => day(d) > day(dates[i]) - 30 && d <= dates[i]).length >= 8) return next(dates[i]);
  }
  // A sparse mirror (one commit per change of the whole code): drop the trailing dates more than a year apart.
  let i = dates.length - 1;
  while (i > 0 && day(dates[i]) - day(dates[i - 1]) > 365) i--;
  return next(dates[i]);
}

/** Every path a code's articles ever had in the mirror (cached per code). */
function filesOf(m, code) {
  if (m.files[code]) return m.files[code];
  const scope = m.layout === 'etalab' ? [`codes-en-vigueur/${ETALAB_DIRS[code]}/`, `codes-non-en-vigueur/${ETALAB_DIRS[code]}/`] : [];
  const list = git(m.repo, 'log', '--no-renames', '--format=', '--name-only', '--diff-filter=A', '--', ...scope).split('\n').filter(Boolean);
  return (m.files[code] = [...new Set(list)]);
}

/** The mirror's paths for an article of a code (all spellings it ever had). */
function pathsFor(m, code, article) {
  if (m.layout === 'export') return m.code === code && m.articles[article] !== undefined ? [article] : [];
  if (m.layout === 'etalab') {
    if (!ETALAB_DIRS[code]) return [];
    const base = `/article-${article.toLowerCase().replace(/ /g, '-')}.md`;
    return filesOf(m, code).filter((f) => f.endsWith(base));
  }
  if (code !== 'CP') return [];
  return filesOf(m, code).filter((f) => f.endsWith(`/Article ${article}.md`));
}

/** The article's versions in the mirror: [{ from, to, sha, subject, text }] (text null where the file is gone). */
function mirrorVersions(m, paths) {
  if (!paths.length) return [];
  if (m.layout === 'export') return [{ from: m.asOf, to: m.lastDate, sha: 'export', subject: m.name, text: m.articles[paths[0]] }];
  const log = git(m.repo, 'log', '--no-renames', '--format=@%H %ad %s', '--date=short', '--name-status', '--', ...paths);
  const commits = [];
  for (const block of log.split('@').filter(Boolean)) {
    const [head, ...rest] = block.split('\n');
    const [sha, date, ...subject] = head.split(' ');
    const touched = rest.filter(Boolean).map((l) => l.split('\t'));
    const deleted = touched.length > 0 && touched.every(([s]) => s === 'D');
    const path = (touched.find(([s]) => s !== 'D') || [])[1];
    commits.push({ sha, date, subject: subject.join(' '), deleted, path });
  }
  commits.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const out = [];
  commits.forEach((c, i) => {
    const next = commits.slice(i + 1).find((n) => n.date > c.date);
    const to = next ? next.date : m.lastDate;
    if (commits[i + 1] && commits[i + 1].date === c.date) return;  // several commits one day: the last counts
    out.push({ from: c.date, to, sha: c.sha, subject: c.subject, text: c.deleted ? null : git(m.repo, 'show', `${c.sha}:${c.path}`) });
  });
  return out.filter((v) => v.from < m.lastDate).map((v) => ({ ...v, to: v.to > m.lastDate ? m.lastDate : v.to }));
}

// ---- reading penalties in a text
const NUM = { un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11,
  douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16, 'dix-sept': 17, 'dix-huit': 18, 'dix-neuf': 19, vingt: 20,
  'vingt-cinq': 25, trente: 30 };
const CLASSES = { premiere: 1, première: 1, deuxieme: 2, deuxième: 2, troisieme: 3, troisième: 3, quatrieme: 4, quatrième: 4, cinquieme: 5, cinquième: 5 };
const num = (w) => (/^\d+$/.test(w) ? Number(w) : NUM[w.toLowerCase()]);
const MILLIONS = { un: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, dix: 10 };
const clean = (t) => t.replace(/\[\*[^\]]*\*\]/g, ' ').replace(/[\u00a0\u202f]/g, ' ').replace(/’/g, "'").replace(/\s+/g, ' ')
  // "un million d'euros", "deux millions d'euros": as figures; "EUR" as "euros".
  .replace(/\b(un|deux|trois|quatre|cinq|dix) millions? d'euros/gi, (_, n) => `${MILLIONS[n.toLowerCase()]} 000 000 euros`)
  .replace(/(\d) EUR\b/g, '$1 euros');

/** Penalty pairs in a text: [{ months | life, amount }], contravention classes, and whether it refers elsewhere. */
export function readPenalties(raw) {
  const t = clean(raw);
  const marks = [];
  const W = "(\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|dix-sept|dix-huit|dix-neuf|vingt|vingt-cinq|trente)";
  let r;
  const prison = new RegExp(`\\b${W} (ans|an|mois) (?:d'emprisonnement|de réclusion criminelle|de détention criminelle)`, 'gi');
  while ((r = prison.exec(t))) marks.push({ at: r.index, kind: 'p', months: num(r[1]) * (r[2].toLowerCase() === 'mois' ? 1 : 12) });
  // The older order, "d'un emprisonnement de deux ans" (also "de six jours à trois mois": the maximum is kept).
  const prison2 = new RegExp(`\\bemprisonnement (?:de |d')(?:${W} (?:jours?|mois|ans?) à )?${W} (ans|an|mois)\\b`, 'gi');
  while ((r = prison2.exec(t))) marks.push({ at: r.index, kind: 'p', months: num(r[2]) * (r[3].toLowerCase() === 'mois' ? 1 : 12) });
  const life = /(réclusion|détention) criminelle à perpétuité/gi;
  while ((r = life.exec(t))) marks.push({ at: r.index, kind: 'p', life: true });
  const raised = new RegExp(`peine d'emprisonnement est portée à ${W} ans`, 'gi');
  while ((r = raised.exec(t))) marks.push({ at: r.index, kind: 'p', months: num(r[1]) * 12, partial: true });
  // "amende de 2 000 F à 20 000 F" (older ranges): the maximum is kept.
  const fine = /(\d{1,3}(?:[ .]?\d{3})*(?:,\d+)?) ?(euros|euro|€|francs|F)(?![\wÀ-ÿ])(?= ?d'amende)|amende de (\d{1,3}(?:[ .]?\d{3})*) ?(euros|€|francs|F)(?![\wÀ-ÿ])(?: à (\d{1,3}(?:[ .]?\d{3})*) ?(euros|€|francs|F)(?![\wÀ-ÿ]))?/gi;
  // "la peine d'amende est portée à 2 000 000 €": a fine raised on its own.
  const raisedFine = /amende est portée à (\d{1,3}(?:[ .]?\d{3})*) ?(euros|€)(?![\wÀ-ÿ])/gi;
  while ((r = raisedFine.exec(t))) marks.push({ at: r.index, kind: 'f', amount: Number(r[1].replace(/[ .]/g, '')), franc: null, partialFine: true });
  while ((r = fine.exec(t))) {
    const n = Number((r[1] || r[5] || r[3]).replace(/[ .]/g, '').replace(',', '.'));
    const unit = (r[2] || r[6] || r[4]).toLowerCase();
    const franc = unit === 'f' || unit === 'francs';
    marks.push({ at: r.index, kind: 'f', amount: franc ? Math.round(n * 0.15) : n, franc: franc ? n : null });
  }
  marks.sort((a, b) => a.at - b.at);
  const pairs = [];
  for (let i = 0; i < marks.length; i++) {
    const m = marks[i];
    if (m.kind === 'p') {
      const n = marks[i + 1];
      if (n && n.kind === 'f' && n.at - m.at < 160) { pairs.push({ ...m, amount: n.amount, franc: n.franc }); i++; }
      else pairs.push({ ...m, amount: null });
    } else pairs.push({ months: null, amount: m.amount, franc: m.franc, partialFine: m.partialFine === true });
  }
  const classes = [...t.matchAll(/(?:contraventions? de|et de|ou de) (?:la )?(\S+) classe/gi)].map((x) => CLASSES[x[1].toLowerCase()] || Number((x[1].match(/^(\d)(?:e|re|ème)$/) || [])[1])).filter(Boolean);
  const refers = /(mêmes peines|peines prévues (?:par|à) l'article|peines prévues aux articles|des peines de l'infraction)/i.test(t);
  return { pairs, classes, refers };
}

/** The paragraphs (alinéas) of an article's text, its heading removed. */
function paragraphs(raw) {
  return raw.replace(/^#[^\n]*\n/, '').replace(/^Article [^\n]*\n-+\n/, '').split(/\n\s*\n/).map((x) => x.replace(/\n/g, ' ').trim()).filter(Boolean);
}
/** The part of the text a ref names: "al. 5" the fifth paragraph, "III" the paragraphs of III; null for the whole. */
function partFor(ref, raw) {
  const paras = paragraphs(raw);
  const al = ref.match(/ al\. (\d+)/);
  const roman = ref.match(/^\S+ ([IVX]+)\b/);
  let part = null;
  if (roman) {
    const i = paras.findIndex((x) => x.startsWith(`${roman[1]}.`) || x.startsWith(`${roman[1]} -`) || x.startsWith(`${roman[1]}.-`) || x.startsWith(`${roman[1]}. `));
    if (i >= 0) { const j = paras.findIndex((x, k) => k > i && /^[IVX]+\s?[.-]/.test(x)); part = paras.slice(i, j < 0 ? undefined : j); }
    if (part && al) part = part[Number(al[1]) - 1] ? [part[Number(al[1]) - 1]] : null;
  } else if (al) part = paras[Number(al[1]) - 1] ? [paras[Number(al[1]) - 1]] : null;
  if (!part) return null;
  const ph = ref.match(/ ph\. (\d+)/);
  return { text: part.join('\n\n'), nth: ph ? Number(ph[1]) : null };
}

// ---- the data
function dataFigures(pen) {
  if (!pen) return null;
  if (pen.penaltyOf) return { skip: `penalties of ${pen.penaltyOf}` };
  if (pen.heavierPredicate && pen.heavierPredicate.required) return { skip: `figures copied from the base offence (${pen.heavierPredicate.article})` };
  if (pen.byPredicate) return { list: pen.byPredicate.tiers.map((t) => fig(t.prison, t.fine)) };
  if (pen.fine && pen.fine.class) return { cls: pen.fine.class };
  return { list: [fig(pen.prison, pen.fine)] };
}
function fig(prison, fine) {
  return { months: prison ? (prison.life ? null : prison.months) : null, life: !!(prison && prison.life), amount: fine && fine.amount ? Number(fine.amount) : null };
}
const showFig = (f) => `${f.life ? 'life' : f.months ? `${f.months} m` : 'no prison'} / ${f.amount !== null && f.amount !== undefined ? `${f.amount} €` : 'no fine'}`;
const showPair = (p) => `${p.life ? 'life' : p.months ? `${p.months} m${p.partial ? ' (raised)' : ''}` : '-'} / ${p.amount !== null ? `${p.amount} €${p.franc ? ` (${p.franc} F)` : ''}` : '-'}`;
// Francs: Ord. n° 2000-916 converted by a table close to 0.15 € a franc (700 000 F became 100 000 €), so a franc
// amount agrees with a euro amount between 0.14 and 0.155 times it.
const sameFine = (f, p) => p.amount === f.amount || (p.franc && f.amount && f.amount >= p.franc * 0.14 && f.amount <= p.franc * 0.155);
// A raised term alone ("la peine d'emprisonnement est portée à …") or a raised fine alone ("la peine d'amende est
// portée à …") agrees on the figure it raises.
const matches = (f, p) => (p.partialFine && p.months === null && sameFine(f, p)) || ((f.life ? p.life : p.months === f.months || (f.months === null && p.months === null)) && (sameFine(f, p) || (p.amount === null && p.partial)));

function articlesToCheck() {
  const out = [];
  for (const code of readdirSync(join(ROOT, 'rules'), { withFileTypes: true }).filter((d) => d.isDirectory() && !['general', 'schema'].includes(d.name)).map((d) => d.name)) {
    const dir = join(ROOT, 'rules', code);
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
      const data = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      const key = code === 'CP' ? data.article : `${code} ${data.article}`;
      if (all || wanted.includes(key) || wanted.includes(data.article) && code === 'CP') out.push({ code, data });
    }
  }
  const missing = wanted.filter((w) => !out.some((o) => (o.code === 'CP' ? o.data.article : `${o.code} ${o.data.article}`) === w || o.data.article === w));
  for (const w of missing) console.error(`no data file for ${w}`);
  return out.sort((a, b) => a.data.article.localeCompare(b.data.article, 'fr', { numeric: true }));
}

// ---- compare
let nArticles = 0, nVersions = 0;
const counts = { agree: 0, elsewhere: 0, disagree: 0, flag: 0, uncovered: 0, skipped: 0 };
const lines = [];
const md = [];
const say = (kind, s) => { if (!quiet || ['DISAGREE', 'FLAG', 'ELSEWHERE'].includes(kind)) lines.push(s); };

for (const { code, data } of articlesToCheck()) {
  nArticles++;
  const perMirror = mirrorInfo.map((m) => ({ m, versions: mirrorVersions(m, pathsFor(m, code, data.article)) }));
  const head = `${code === 'CP' ? '' : code + ' '}${data.article}`;
  if (perMirror.every((x) => !x.versions.length)) { counts.uncovered++; say('NONE', `${head}: not in the mirror(s)`); md.push(`| ${head} | — | — | not in the mirror | |`); continue; }
  for (const p of data.provisions) {
    if (p.kind === 'rule') continue;
    for (const v of p.versions) {
      nVersions++;
      const figs = dataFigures(v.penalty);
      const to = v.to || '9999-12-31';
      if (figs && figs.skip) { counts.skipped++; say('SKIP', `  ${p.ref} ${v.from}..${v.to ?? ''}: skipped (${figs.skip})`); continue; }
      for (const { m, versions } of perMirror) {
        const over = versions.filter((mv) => mv.from < to && (mv.to > v.from || mv === versions[versions.length - 1] && mv.from <= v.from && v.from < m.lastDate));
        if (!over.length) continue;
        for (const mv of over) {
          const where = `${m.name}@${mv.sha.slice(0, 8)} (${mv.from})`;
          let kind, detail;
          if (mv.text === null) { kind = 'UNCOVERED'; detail = 'the mirror has no file for these dates'; }
          else {
            const got = readPenalties(mv.text);
            if (figs.cls) {
              kind = got.classes.includes(figs.cls) ? 'AGREE' : got.classes.length ? 'DISAGREE' : 'FLAG';
              detail = `data class ${figs.cls}; text: ${got.classes.length ? 'class ' + got.classes.join(', ') : 'no class read'}`;
            } else {
              const missing = figs.list.filter((f) => !got.pairs.some((pr) => matches(f, pr)));
              const part = partFor(p.ref, mv.text);
              let inPart = null;
              if (part && figs.list.length === 1) {
                const pp = readPenalties(part.text).pairs;
                inPart = part.nth ? !!pp[part.nth - 1] && matches(figs.list[0], pp[part.nth - 1]) || pp.some((pr) => matches(figs.list[0], pr)) : pp.some((pr) => matches(figs.list[0], pr));
              }
              const same = part && inPart === false && /mêmes peines/i.test(part.text);
              if (!missing.length) kind = inPart === false && !same ? 'ELSEWHERE' : 'AGREE';
              else if (!got.pairs.length) kind = 'FLAG';
              else kind = got.refers && figs.list.length === 1 ? 'FLAG' : 'DISAGREE';
              detail = `data ${figs.list.map(showFig).join(' | ')}; text: ${got.pairs.length ? got.pairs.map(showPair).join(', ') : 'no figure read'}${got.refers ? ' (refers to other penalties)' : ''}${kind === 'ELSEWHERE' ? ` (not in ${p.ref.split(' ').slice(1).join(' ')} of this text: numbering changed?)` : ''}${same ? ` (${p.ref.split(' ').slice(1).join(' ')} says 'des mêmes peines')` : ''}`;
            }
          }
          const key = { AGREE: 'agree', ELSEWHERE: 'elsewhere', DISAGREE: 'disagree', FLAG: 'flag', UNCOVERED: 'uncovered' }[kind];
          counts[key]++;
          say(kind, `${kind.padEnd(9)} ${p.ref} [${v.from}..${v.to ?? ''}] ${v.status} vs ${where}: ${detail}`);
          if (kind !== 'AGREE') md.push(`| ${p.ref} | ${v.from} → ${v.to ?? ''} (${v.status}) | ${m.name} ${mv.sha.slice(0, 8)} (${mv.from} → ${mv.to}) | ${kind} | ${detail.replace(/\|/g, '/')} |`);
        }
      }
      // Dates: a data version starting inside a mirror's coverage should start on a mirror version's date.
      for (const { m, versions } of perMirror) {
        if (!versions.length || v.from <= versions[0].from || v.from >= m.lastDate) continue;
        if (!versions.some((mv) => mv.from === v.from)) {
          counts.flag++;
          say('FLAG', `FLAG      ${p.ref} [${v.from}..] starts on a day when ${m.name} has no version of ${head}`);
          md.push(`| ${p.ref} | ${v.from} → ${v.to ?? ''} (${v.status}) | ${m.name} | FLAG | no mirror version starts on ${v.from} |`);
        }
      }
    }
  }
}

const summary = `${counts.agree} agreements, ${counts.elsewhere} agreements found only in another alinéa (numbering), ${counts.disagree} disagreements, ${counts.flag} flags (unreadable text or unmatched dates), ${counts.uncovered} not covered, ${counts.skipped} skipped (penalties of another article)`;
console.log(lines.join('\n'));
console.log(`\n${summary}\nmirror(s): ${mirrorInfo.map((m) => `${m.repo} (${m.layout} layout, read up to ${m.lastDate})`).join('; ')}`);
if (report) {
  const today = new Date().toISOString().slice(0, 10);
  const text = `# Verification of the data against LEGI mirrors\n\nGenerated by \`npm run verify -- ${args.filter((a) => a !== '--report' && a !== report).join(' ')}\` on ${today}.\n\n` +
    `Mirror(s): ${mirrorInfo.map((m) => `\`${m.repo}\` (${m.layout} layout, read up to ${m.lastDate})`).join('; ')}.\n\n` +
    `Each version of each provision (rules/) was compared with the mirror versions in force during its dates: the pair of figures (custodial months, fine in euros; a franc amount agrees with the euro amount Ord. n° 2000-916 set, about 0.15 € a franc) must appear in the text. ` +
    `A disagreement or a flag is a question to answer by reading the text (the reading is heuristic), not a verdict. Versions after the date a mirror is read up to are not covered.\n\n` +
    `Legend: AGREE (not listed): the figures are in the text, in the alinéa the ref names when it can be located. ELSEWHERE: the figures are in the text but not in the alinéa of that number (the data numbers alinéas as in the current text; older texts are numbered differently). DISAGREE: the text has figures, not these. FLAG: no figure could be read (\"puni des mêmes peines\", \"peines prévues à l'article …\", penalties set by another article) or a data version starts on a day when the mirror has no version of the article. UNCOVERED: the mirror has no file for those dates (the etalab mirror drops some articles, e.g. 225-5 to 225-12-2 from 2003-03-19 and 433-3 from 1996-07-23; the steeve mirror has them).\n\n` +
    `**Covered:** ${nArticles} articles, ${nVersions} provision versions (rule provisions excluded), each compared with every mirror version in force during its dates.\n\n**Result:** ${summary}.\n\n| provision | data version | mirror version | result | detail |\n|---|---|---|---|---|\n${md.join('\n')}\n`;
  writeFileSync(report, text);
  console.log(`report written to ${report}`);
}
process.exitCode = counts.disagree ? 1 : 0;
