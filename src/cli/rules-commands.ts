// Tooling for the law data: validate, stats, schema, diff.
import { z } from 'zod';
import type { Lang, Provision, Rules, Status } from '../core/model.js';
import { describeProvision, sortByRef, type ProvisionView } from '../core/describe.js';
import { formatDate, formatPenalty } from '../messages/units.js';
import { MESSAGES } from '../messages/index.js';
import { sanitize, sanitizeLines } from '../io/terminal.js';
import { wrapText } from '../io/wrap.js';
import { aggravationsFile, articleFile, codesFile, cumulationFile, minorsFile, parametersFile, recidiveFile, repentisFile, specialityFile } from '../schema/rules.js';
import { validateRules } from '../rules/validate.js';
import type { SchemaKind } from './schema-kinds.js';
import { DEFAULT_RULES_DIR } from '../rules/read.js';
import { catalogueDate, type Common, loadRulesFor, textWidth, UsageError } from './common.js';

/** `quantum rules validate|stats`. */
export async function rulesCommand(argv: Common & { action: 'validate' | 'stats' }): Promise<number> {
  return argv.action === 'validate' ? validateCommand(argv.rules ?? DEFAULT_RULES_DIR, argv.json, argv.lang) : statsCommand(await loadRulesFor(argv), argv.json, argv.lang);
}

/** `quantum schema [kind]`. */
export function schemaCommand(argv: { kind: SchemaKind }): number {
  process.stdout.write(`${JSON.stringify(jsonSchema(argv.kind), null, 2)}\n`);
  return 0;
}

/** `quantum rules validate`: every problem with its file and JSON path, in `lang`; exit 1 on any error. */
export function validateCommand(dir: string, json: boolean, lang: Lang): number {
  const r = validateRules(dir, lang);
  if (json) {
    process.stdout.write(`${JSON.stringify({ ok: r.errors.length === 0, errors: r.errors, notes: r.notes, provisions: r.rules?.provisions.size ?? null }, null, 2)}\n`);
    return r.errors.length ? 1 : 0;
  }
  const m = MESSAGES[lang].rules;
  const width = Math.max(m.error.length, m.note.length) + 2;
  // One line per problem, each made safe on its own: a file name or a key from the data cannot start another line
  // or reach the terminal raw.
  for (const [label, list] of [[m.error, r.errors], [m.note, r.notes]] as const) {
    for (const i of list) process.stdout.write(`${label.padEnd(width)}${sanitize(m.line(i))}\n`);
  }
  process.stdout.write(`${sanitize(r.errors.length
    ? m.failed({ count: r.errors.length, dir })
    : m.passed({ dir, provisions: r.rules!.provisions.size, articles: r.rules!.articles.size, notes: r.notes.length }))}\n`);
  return r.errors.length ? 1 : 0;
}

const STATUSES: Status[] = ['text', 'secondary', 'unconfirmed'];

export function statsData(rules: Rules) {
  const provisions = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const versions = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  let offences = 0, repealed = 0;
  for (const p of rules.provisions.values()) {
    if (p.kind === 'offence') offences++;
    if (p.repealed) repealed++;
    provisions[p.versions[p.versions.length - 1]!.status]++;
    for (const v of p.versions) versions[v.status]++;
  }
  const general = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const p of Object.values(rules.general) as { values: { status: Status }[] }[]) for (const v of p.values) general[v.status]++;
  for (const r of rules.recidive.rules) for (const v of r.values) general[v.status]++;
  for (const a of rules.aggravations.aggravations) for (const v of a.values) general[v.status]++;
  return { articles: rules.articles.size, provisions: rules.provisions.size, offences, repealed, byStatus: { provisions, versions, general } };
}

export function statsCommand(rules: Rules, json: boolean, lang: Lang): number {
  const s = statsData(rules);
  if (json) { process.stdout.write(`${JSON.stringify(s, null, 2)}\n`); return 0; }
  const fr = lang === 'fr';
  const rows = [
    [fr ? 'statut' : 'status', fr ? 'dispositions (version la plus récente)' : 'provisions (latest version)', fr ? 'versions' : 'versions', fr ? 'règles générales (valeurs datées)' : 'general rules (dated values)'],
    ...STATUSES.map((st) => [st, String(s.byStatus.provisions[st]), String(s.byStatus.versions[st]), String(s.byStatus.general[st])]),
    [fr ? 'total' : 'total', String(s.provisions), String(Object.values(s.byStatus.versions).reduce((a, b) => a + b, 0)), String(Object.values(s.byStatus.general).reduce((a, b) => a + b, 0))],
  ];
  const w = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  process.stdout.write(`${s.articles} ${fr ? 'articles' : 'articles'}, ${s.provisions} ${fr ? 'dispositions' : 'provisions'} (${s.offences} ${fr ? 'infractions' : 'offences'}, ${s.repealed} ${fr ? 'abrogées' : 'repealed'})\n\n`);
  for (const r of rows) process.stdout.write(`${r.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ')}\n`);
  return 0;
}

export const SCHEMAS = { article: articleFile, codes: codesFile, parameters: parametersFile, recidive: recidiveFile, aggravations: aggravationsFile, minors: minorsFile, repentis: repentisFile, cumulation: cumulationFile, speciality: specialityFile } as const satisfies Record<SchemaKind, z.ZodType>;

/** The JSON Schema of a kind of rule file, generated from the zod schema (input side: what authors write). */
export function jsonSchema(kind: SchemaKind): unknown {
  return z.toJSONSchema(SCHEMAS[kind], { io: 'input', unrepresentable: 'any' });
}

interface Change { ref: string; label: string; labels: Provision['label']; from: ProvisionView; to: ProvisionView; change: 'created' | 'repealed' | 'changed' }

function key(v: ProvisionView): string {
  if (!v.version) return 'absent';
  return JSON.stringify([v.prison, v.fine, v.nature, v.proportional, v.tiers ?? null]);
}

export function diffData(rules: Rules, from: string, to: string): Change[] {
  const out: Change[] = [];
  const all = sortByRef([...rules.provisions.values()].filter((p) => p.kind === 'offence'), (p) => p.ref);
  for (const p of all as Provision[]) {
    const a = describeProvision(rules, p, from);
    const b = describeProvision(rules, p, to);
    if (key(a) === key(b)) continue;
    out.push({ ref: p.ref, label: p.label.fr, labels: p.label, from: a, to: b, change: !a.version ? 'created' : !b.version ? 'repealed' : 'changed' });
  }
  return out;
}

function penaltyText(v: ProvisionView, lang: Lang): string {
  if (!v.version) return lang === 'fr' ? 'pas en vigueur' : 'not in force';
  if (v.tiers) return v.tiers.map((t) => formatPenalty(t.prison, t.fine, lang) ?? '—').join(' | ');
  return formatPenalty(v.prison, v.fine, lang) ?? '—';
}

/** `quantum diff --from D --to D`. */
export async function diffCli(argv: Common & { from: string; to: string; width?: number }): Promise<number> {
  const from = catalogueDate('from', argv.from, argv.lang)!, to = catalogueDate('to', argv.to, argv.lang)!;
  // A diff runs forward: the other way round every creation would read as a repeal.
  if (to < from) throw new UsageError('U_DIFF_ORDER', { from: argv.from, to: argv.to });
  const width = textWidth(argv.width);
  return diffCommand(await loadRulesFor(argv), from, to, argv.json, argv.lang, width);
}

export function diffCommand(rules: Rules, from: string, to: string, json: boolean, lang: Lang, width = 80): number {
  const changes = diffData(rules, from, to);
  if (json) {
    const slim = (v: ProvisionView) => (v.version ? { versionFrom: v.version.from, nature: v.nature, prison: v.prison, fine: v.fine, tiers: v.tiers ?? null } : null);
    process.stdout.write(`${JSON.stringify(changes.map((c) => ({ ref: c.ref, label: c.labels[lang], labels: c.labels, change: c.change, old: slim(c.from), new: slim(c.to) })), null, 2)}\n`);
    return 0;
  }
  const fr = lang === 'fr';
  const lines = [`${changes.length} ${fr ? 'disposition(s) dont la peine change entre le' : 'provision(s) whose penalty changes between'} ${formatDate(from, lang)} ${fr ? 'et le' : 'and'} ${formatDate(to, lang)}`, ''];
  for (const c of changes) {
    lines.push(`${c.ref} — ${c.labels[lang]}`, `  ${penaltyText(c.from, lang)}`, `  → ${penaltyText(c.to, lang)}${c.to.version ? `  (${c.to.version.amendedBy})` : ''}`);
  }
  // A user's rules directory could hold anything in a label: shown escaped, as every text view.
  process.stdout.write(`${wrapText(sanitizeLines(lines.join('\n')), width)}\n`);
  return 0;
}
