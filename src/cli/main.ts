// The command line: thin commands that parse, call the engine, format, and choose an exit code.
import { readFileSync } from 'node:fs';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import type { Case, ErrorResult, QuantumError } from '../core/contract.js';
import { CONTRACT_VERSION } from '../core/contract.js';
import type { Lang, Rules } from '../core/model.js';
// The engine, zod (case validation) and the text formatters load inside the commands that use them: a large
// batch never needs them in this thread, and starts its workers sooner.
import { DEFAULT_RULES_DIR, RulesError, rulesFromSnapshot } from '../rules/read.js';
import { parseChargeArg, parsePriorArg, UsageError } from './charges.js';
import { BatchInputError, defaultWorkers, runBatch, startWorkers } from './batch.js';
import { formatSummary } from '../io/summary.js';
import { SCHEMA_KINDS, type SchemaKind } from './schema-kinds.js';

export const EXIT = { ok: 0, input: 1, usage: 2 } as const;

export function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

interface Common { rules?: string; lang: Lang; json: boolean }
type FormatName = 'text' | 'json' | 'markdown' | 'csv';

/** An input error: printed once (JSON on stdout with --json, one line on stderr otherwise), exit 1. */
class InputError extends Error {
  constructor(readonly error: QuantumError, readonly id: string | null = null) { super(error.message); }
}

function rulesInputError(e: unknown): unknown {
  return e instanceof RulesError ? new InputError({ code: 'RULES_ERROR', path: e.issues[0]?.file ?? null, message: e.message }) : e;
}

type FirstRead = ReturnType<typeof rulesFromSnapshot> & { dir: string };
/** The shipped rules, unchanged since the build, from the build's snapshot, at once (rules: null otherwise). */
function shippedRules(argv: Common): FirstRead {
  const dir = argv.rules ?? DEFAULT_RULES_DIR;
  try {
    return { ...rulesFromSnapshot(dir), dir };
  } catch (e) {
    throw rulesInputError(e);
  }
}

/** Any other rules directory: the validating loader (and zod) is imported only then, so most commands start sooner. */
async function validatedRules(first: FirstRead): Promise<Rules> {
  try {
    return (await import('../rules/load.js')).loadRules(first.dir, { read: first.read });
  } catch (e) {
    throw rulesInputError(e);
  }
}

/** The rules of a command. */
async function load(argv: Common): Promise<Rules> {
  const first = shippedRules(argv);
  return first.rules ?? validatedRules(first);
}

function readInput(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    throw new InputError({ code: 'PARSE_ERROR', path: null, message: `cannot read ${file === '-' ? 'standard input' : file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
  }
}

function checkLimit(name: string, v: unknown): void {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new UsageError(`--${name} takes a whole number, at least 1`);
}

function checkDate(name: string, v: unknown): string | undefined {
  if (v === undefined) return undefined;
  const s = String(v);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) throw new UsageError(`--${name} must be a date YYYY-MM-DD, not "${s}"`);
  return s;
}

async function evalCommand(argv: Common & { refs?: string[]; case?: string; date?: string; judgmentDate?: string; legalPerson?: boolean; trace: boolean; prior?: string[]; maxCharges: number; format: FormatName }): Promise<number> {
  checkLimit('max-charges', argv.maxCharges);
  const priors = (argv.prior ?? []).map(String).map(parsePriorArg);
  const date = checkDate('date', argv.date);
  const judgmentDate = checkDate('judgment-date', argv.judgmentDate);
  const refs = argv.refs ?? [];
  // yargs swallows a lone "-" value: "--case -" arrives as an empty string and means standard input.
  if (argv.case === '') argv.case = '-';
  let input: unknown;
  if (argv.case !== undefined) {
    if (refs.length) throw new UsageError('give either REF arguments or --case, not both');
    const text = readInput(argv.case).replace(/^\uFEFF/, '');
    try {
      input = JSON.parse(text);
    } catch (e) {
      throw new InputError({ code: 'PARSE_ERROR', path: null, message: `${argv.case === '-' ? 'standard input' : argv.case} is not valid JSON: ${(e as Error).message}` });
    }
    if (input && typeof input === 'object' && !Array.isArray(input)) {
      const c = input as Record<string, unknown>;
      if (date) c.date = date;
      if (judgmentDate) c.judgmentDate = judgmentDate;
      if (argv.legalPerson !== undefined) c.offender = { ...(c.offender as object | undefined), type: argv.legalPerson ? 'legal' : 'natural' };
      if (priors.length) {
        const o = (c.offender ?? {}) as { priors?: unknown[] };
        c.offender = { ...o, priors: [...(Array.isArray(o.priors) ? o.priors : []), ...priors] };
      }
    }
  } else {
    if (!refs.length) throw new UsageError('name at least one charge (e.g. quantum eval "323-3-2 III") or give --case FILE');
    const c: Record<string, unknown> = { charges: refs.map(parseChargeArg) };
    if (date) c.date = date;
    if (judgmentDate) c.judgmentDate = judgmentDate;
    if (argv.legalPerson || priors.length) c.offender = { ...(argv.legalPerson ? { type: 'legal' } : {}), ...(priors.length ? { priors } : {}) };
    input = c;
  }
  const [{ evaluate }, { FORMATS }] = await Promise.all([import('../index.js'), import('../io/formats.js')]);
  const rules = await load(argv);
  const outcome = evaluate(rules, input, { today: localToday(), lang: argv.lang, trace: true, maxCharges: argv.maxCharges });
  if (!outcome.ok) throw new InputError(outcome.error, outcome.id);
  process.stdout.write(FORMATS[argv.format].result(outcome, { lang: argv.lang, trace: argv.trace }));
  return EXIT.ok;
}

async function showCommand(argv: Common & { ref: string; date?: string }): Promise<number> {
  const date = checkDate('date', argv.date) ?? localToday();
  const rules = await load(argv);
  const [{ resolve, describeProvision }, { formatProvision }] = await Promise.all([import('../index.js'), import('../io/text.js')]);
  const r = resolve(rules, argv.ref, argv.lang);
  if (!r.ok) throw new InputError(r.error);
  const p = r.provision;
  if (argv.json) {
    const v = describeProvision(rules, p, date);
    process.stdout.write(`${JSON.stringify({ ...p, inForce: v.version ? { from: v.version.from, nature: v.nature, prison: v.prison, fine: v.fine, tiers: v.tiers } : null }, null, 2)}\n`);
  } else {
    process.stdout.write(formatProvision(rules, p, date, argv.lang));
  }
  return EXIT.ok;
}

async function listCommand(argv: Common & { words?: string[]; date?: string }): Promise<number> {
  const date = checkDate('date', argv.date) ?? localToday();
  const rules = await load(argv);
  const [{ describeProvision, searchProvisions }, { formatList }] = await Promise.all([import('../index.js'), import('../io/text.js')]);
  const found = searchProvisions(rules, (argv.words ?? []).map(String));
  if (argv.json) {
    const rows = found.map((p) => {
      const v = describeProvision(rules, p, date);
      return {
        ref: p.ref, article: p.article, kind: p.kind, label: p.label.fr, labels: p.label, aliases: p.aliases ?? [], items: v.items,
        nature: v.nature, prison: v.prison, fine: v.fine, dependsOnPredicate: v.dependsOn === 'predicate',
        versions: p.versions.map((x) => ({ from: x.from, to: x.to, amendedBy: x.amendedBy, status: x.status, sources: x.sources })),
        sources: [...new Set(p.versions.flatMap((x) => x.sources))],
      };
    });
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    process.stdout.write(formatList(rules, found, date, argv.lang));
  }
  return EXIT.ok;
}

async function batchCommand(argv: Common & { file: string; format: 'jsonl' | 'csv'; output: 'jsonl' | 'csv'; out?: string; trace: boolean; workers?: number; chunk: number; maxLine: number; maxCharges: number; progress?: boolean }): Promise<number> {
  checkLimit('max-charges', argv.maxCharges);
  if (argv.workers !== undefined && (!Number.isInteger(argv.workers) || argv.workers < 0 || argv.workers > 64)) throw new UsageError('--workers takes a whole number from 0 to 64');
  if (!Number.isInteger(argv.chunk) || argv.chunk < 1 || argv.chunk > 100_000) throw new UsageError('--chunk takes a whole number from 1 to 100000');
  if (!Number.isInteger(argv.maxLine) || argv.maxLine < 10) throw new UsageError('--max-line takes a whole number of characters, at least 10');
  const workers = argv.workers ?? defaultWorkers();
  const opts = { format: argv.format, output: argv.output, trace: argv.trace, today: localToday(), lang: argv.lang, maxChars: argv.maxLine, maxCharges: argv.maxCharges };
  // On a large file the workers start now, while this thread loads the rules.
  const pool = startWorkers(argv.file, workers, opts);
  let rules: Rules;
  try {
    const first = shippedRules(argv);
    // Sent before anything awaits: the workers have the rules while the command line finishes starting up.
    if (first.rules) pool?.init(first.rules);
    rules = first.rules ?? await validatedRules(first);
  } catch (e) {
    await pool?.close();
    throw e;
  }
  let summary;
  try {
    summary = await runBatch({
      input: argv.file, rules, workers, pool, chunk: argv.chunk, opts,
      progress: argv.progress ?? Boolean(process.stderr.isTTY),
      ...(argv.out !== undefined && { out: argv.out }),
    });
  } catch (e) {
    if (e instanceof BatchInputError) throw new InputError({ code: 'PARSE_ERROR', path: null, message: e.message });
    throw e;
  }
  process.stderr.write(formatSummary(summary, argv.lang));
  if (summary.interrupted === 'SIGINT') return 130;
  if (summary.interrupted === 'EPIPE') return 141;
  return summary.failed > 0 ? EXIT.input : EXIT.ok;
}

async function tuiCommand(argv: Common): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write(argv.lang === 'fr'
      ? 'quantum tui : il faut un terminal interactif ; hors terminal, utilisez `quantum eval` (quelques chefs) ou `quantum batch` (des milliers de cas).\n'
      : 'quantum tui: needs an interactive terminal; without one, use `quantum eval` (a few charges) or `quantum batch` (thousands of cases).\n');
    return EXIT.input;
  }
  const rules = await load(argv);
  // ink and react load here only: every other command keeps its start-up time.
  const { runTui } = await import('../ui/run.js');
  await runTui(rules, { today: localToday(), lang: argv.lang });
  return EXIT.ok;
}

export async function main(args: string[] = hideBin(process.argv)): Promise<number> {
  // `quantum` alone in a terminal opens the terminal UI.
  if (args.length === 0 && process.stdin.isTTY && process.stdout.isTTY) args = ['tui'];
  // A closed pipe (`quantum list | head`) ends the command quietly; batch handles it itself to keep its summary.
  if (args[0] !== 'batch') {
    process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); });
  }
  let code: number = EXIT.ok;
  let json: FormatName = args.includes('--json') ? 'json' : 'text';
  let lang: Lang = 'fr';
  const run = (fn: () => number | Promise<number>) => async () => { code = await fn(); };
  const parser = yargs(args)
    .scriptName('quantum')
    .usage('$0 <command> [options]\n\nPeines maximales encourues en droit pénal français : chaque chiffre rattaché à un article et à sa version.\nMaximum penalties incurred under French criminal law, each figure traced to an article and its version.')
    .option('rules', { type: 'string', describe: 'rules directory (default: the rules shipped with quantum)', global: true })
    .option('lang', { choices: ['fr', 'en'] as const, default: 'fr' as Lang, describe: 'language of the text output', global: true })
    .option('json', { type: 'boolean', default: false, describe: 'JSON output (contract.md); errors as JSON on stdout', global: true })
    .middleware((a) => { json = a.json ? 'json' : 'text'; lang = a.lang as Lang; })
    .command('eval [refs..]', 'evaluate charges: maximum penalties per charge and for the whole case', (y) => y
      .positional('refs', { type: 'string', array: true, describe: 'charges: REF[; option]…  options: attempt, accomplice, amount=EUROS, predicate=REF, date=YYYY-MM-DD, aggravation=132-76|132-77|132-79' })
      .option('date', { type: 'string', describe: 'date of the facts, YYYY-MM-DD (default: today)' })
      .option('judgment-date', { type: 'string', describe: 'date of judgment, for the milder-law rule of art. 112-1 (default: today)' })
      .option('legal-person', { type: 'boolean', describe: 'the offender is a legal person (personne morale)' })
      .option('prior', { type: 'string', array: true, describe: 'a prior final conviction, for récidive: REF@FINAL[:EXPIRED] (repeatable)' })
      .option('case', { type: 'string', describe: 'read a JSON case (contract.md) from FILE, or - for standard input' })
      .option('trace', { type: 'boolean', default: true, describe: 'show the explanation (--no-trace to hide it)' })
      .option('max-charges', { type: 'number', default: 10_000, describe: 'most charges accepted in one case' })
      .option('format', { choices: ['text', 'json', 'markdown', 'csv'] as const, default: 'text' as const, describe: 'output format: text (for people), json (the contract, docs/contract.md), markdown (a report), csv (one row)' })
      .middleware((a) => { if (a.json) a.format = 'json'; json = a.format as FormatName; })
      .example('$0 eval "323-3-2 III" --date 2024-05-01', 'online platform for illicit transactions, organised gang')
      .example('$0 eval "323-3-2 III" "225-8" "324-2 2°; amount=2000000" --date 2024-05-01', 'several charges in concours')
      .example('$0 eval "450-1; predicate=222-37" --date 2025-09-01', 'criminal association preparing drug trafficking')
      .example('$0 eval "324-1; predicate=222-34; accomplice" --legal-person', 'a legal person, laundering the proceeds of a drug crime')
      .example('$0 eval "222-23; attempt" --lang en', 'attempted rape, English output')
      .example('$0 eval 222-37 --prior 222-37@2018-01-10:2020-01-10 --date 2024-05-01', 'récidive: same offence, penalty served in 2020')
      .example('$0 eval "323-3-2 III; aggravation=132-79" --date 2024-05-01', 'general aggravation: use of cryptology')
      .example('$0 eval --case case.json --json', 'a JSON case in, the contract result out'),
    (a) => run(() => evalCommand(a as never))())
    .command('show <ref>', 'show a provision: its versions, sources, and the version in force at --date', (y) => y
      .positional('ref', { type: 'string', demandOption: true })
      .option('date', { type: 'string', describe: 'date, YYYY-MM-DD (default: today)' })
      .example('$0 show 450-1 --date 2024-01-01', ''),
    (a) => run(() => showCommand(a as never))())
    .command('list [words..]', 'search the catalogue by ref, label or alias', (y) => y
      .positional('words', { type: 'string', array: true })
      .option('date', { type: 'string', describe: 'show the penalties in force on this date (default: today)' })
      .example('$0 list blanchiment', '')
      .example('$0 list 227', ''),
    (a) => run(() => listCommand(a as never))())
    .command('batch [file]', 'evaluate many cases: JSON Lines (or CSV) in, one result per line out, in input order', (y) => y
      .positional('file', { type: 'string', default: '-', describe: 'input file, or - for standard input' })
      .option('format', { choices: ['jsonl', 'csv'] as const, default: 'jsonl' as const, describe: 'input format: JSON Lines of contract cases, or CSV (see README)' })
      .option('output', { choices: ['jsonl', 'csv'] as const, default: 'jsonl' as const, describe: 'output format: contract results as JSON Lines, or a flat CSV' })
      .option('out', { type: 'string', describe: 'write results to FILE instead of standard output' })
      .option('trace', { type: 'boolean', default: false, describe: 'include the explanation in each result' })
      .option('workers', { type: 'number', describe: `worker threads (default: the machine's cores, here ${defaultWorkers()}; 0 = main thread)` })
      .option('chunk', { type: 'number', default: 256, describe: 'input lines (CSV: records) per message to a worker' })
      .option('max-line', { type: 'number', default: 1_000_000, describe: 'longest record accepted, in characters; longer ones give a PARSE_ERROR record' })
      .option('max-charges', { type: 'number', default: 10_000, describe: 'most charges accepted in one case; more give an INVALID_CASE record' })
      .option('progress', { type: 'boolean', describe: 'progress bar on stderr (default: when stderr is a terminal)' })
      .example('$0 batch cases.jsonl > results.jsonl', '')
      .example('$0 batch cases.csv --format csv --output csv --out results.csv', '')
      .example('cat cases.jsonl | $0 batch - --workers 2 --trace', ''),
    (a) => run(() => batchCommand(a as never))())
    .command('rules <action>', 'the law data: validate a rules directory, or show statistics by verification status', (y) => y
      .positional('action', { choices: ['validate', 'stats'] as const, describe: 'validate: schema and integrity, each error with file and JSON path; stats: provisions and versions by status' })
      .example('$0 rules validate --rules ./my-rules', '')
      .example('$0 rules stats', ''),
    (a) => run(async () => {
      const argv = a as unknown as Common & { action: 'validate' | 'stats' };
      const { statsCommand, validateCommand } = await import('./rules-commands.js');
      return argv.action === 'validate' ? validateCommand(argv.rules ?? DEFAULT_RULES_DIR, argv.json) : statsCommand(await load(argv), argv.json, argv.lang);
    })())
    .command('schema [kind]', 'print the JSON Schema of rule files, generated from the zod schemas', (y) => y
      .positional('kind', { choices: SCHEMA_KINDS, default: 'article' as const, describe: 'article (rules/<article>.json), parameters, recidive or aggravations (rules/general/)' }),
    (a) => run(async () => {
      const { jsonSchema } = await import('./rules-commands.js');
      process.stdout.write(`${JSON.stringify(jsonSchema((a as unknown as { kind: SchemaKind }).kind), null, 2)}\n`);
      return EXIT.ok;
    })())
    .command('diff', 'the provisions whose penalties changed between two dates, old and new', (y) => y
      .option('from', { type: 'string', demandOption: true, describe: 'first date, YYYY-MM-DD' })
      .option('to', { type: 'string', demandOption: true, describe: 'second date, YYYY-MM-DD' })
      .example('$0 diff --from 2020-01-01 --to 2024-01-01', ''),
    (a) => run(async () => {
      const argv = a as unknown as Common & { from: string; to: string };
      const { diffCommand } = await import('./rules-commands.js');
      return diffCommand(await load(argv), checkDate('from', argv.from)!, checkDate('to', argv.to)!, argv.json, argv.lang);
    })())
    .command('tui', 'terminal UI: search the catalogue, build a case, watch the maximum move (also: quantum alone in a terminal)', (y) => y
      .example('$0 tui --lang en', ''),
    (a) => run(() => tuiCommand(a as never))())
    .demandCommand(1, 'name a command: eval, batch, show, list, tui, rules, schema or diff')
    .strictCommands()
    .strictOptions()
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version()
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((msg, err) => { throw err ?? new UsageError(msg); });
  try {
    await parser.parseAsync();
    return code;
  } catch (e) {
    return await report(e, json, lang);
  }
}

async function report(e: unknown, json: FormatName, lang: Lang): Promise<number> {
  if (e instanceof InputError) {
    const out: ErrorResult = { contract: CONTRACT_VERSION, id: e.id, ok: false, error: e.error };
    const format = (await import('../io/formats.js')).FORMATS[json];
    (format.errorsToStdout ? process.stdout : process.stderr).write(format.error(out, { lang }));
    return EXIT.input;
  }
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof UsageError || (e instanceof Error && e.name === 'YError')) {
    process.stderr.write(`quantum: ${message}\n${lang === 'fr' ? 'Voir' : 'See'} quantum --help\n`);
    return EXIT.usage;
  }
  process.stderr.write(`quantum: internal error: ${message}\n`);
  return 70;
}
