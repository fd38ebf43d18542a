// `quantum eval`: charges on the command line (or a JSON case) in, the maximum penalties out, in a chosen format.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Argv } from 'yargs';
import type { Lang } from '../core/model.js';
import { MESSAGES } from '../messages/index.js';
import { jsonShapeError, jsonSyntaxError } from '../io/json-text.js';
import { checkWith, parseChargeArg, parsePriorArg } from './charges.js';
import { type Common, dateOption, EXIT, InputError, loadRulesFor, localToday, readLimited, UsageError, textWidth, wholeOption } from './common.js';

export type FormatName = 'text' | 'json' | 'markdown' | 'csv';
export interface EvalArgs extends Common {
  refs?: string[]; case?: string; date?: string; judgmentDate?: string; legalPerson?: boolean; prior?: string[]; birthDate?: string;
  trace?: boolean; full: boolean; complementary?: boolean; maxCharges: number; maxCaseBytes: number; format: FormatName; width?: number;
}

/** What eval's help lists from the rules: the general aggravations' keys and the cumulation clauses (help only). */
export interface HelpLists { aggravations?: string; clauses?: string }

/**
 * The lists the help names, read from the rules directory's general part (--rules DIR, else the shipped one) when
 * help is asked for, so they follow the data; unreadable, the help says "e.g." instead.
 */
export function helpLists(dir: string): HelpLists {
  const read = (file: string): unknown => JSON.parse(readFileSync(join(dir, 'general', file), 'utf8'));
  const out: HelpLists = {};
  try { out.aggravations = (read('aggravations.json') as { aggravations: { key: string }[] }).aggravations.map((a) => a.key).join('|'); } catch { /* e.g. */ }
  try { out.clauses = (read('cumulation.json') as { clauses: { article: string }[] }).clauses.map((c) => c.article).join(', '); } catch { /* e.g. */ }
  return out;
}

export function evalBuilder(y: Argv, lang: Lang, lists: HelpLists = {}): Argv {
  const h = MESSAGES[lang].cli.help;
  return y
    .positional('refs', { type: 'string', array: true, describe: h.refs(lists) })
    .option('date', { type: 'string', describe: h.date })
    .option('judgment-date', { type: 'string', describe: h.judgmentDate })
    .option('legal-person', { type: 'boolean', describe: h.legalPerson })
    .option('prior', { type: 'string', array: true, describe: h.prior })
    .option('birth-date', { type: 'string', alias: 'naissance', describe: h.birthDate })
    .option('case', { type: 'string', describe: h.caseFile })
    // No default here: eval's middleware (main.ts) tells a --format given from none, to refuse it beside --json.
    .option('format', { choices: ['text', 'json', 'markdown', 'csv'] as const, describe: h.format })
    // No defaults: --full gives both unless one is said false (--full --trace=false: the complementary penalties only).
    .option('trace', { type: 'boolean', describe: h.trace })
    .option('complementary', { type: 'boolean', alias: 'complementaires', describe: h.complementary })
    .option('full', { type: 'boolean', default: false, describe: h.full })
    .option('width', { type: 'number', describe: h.width })
    .option('max-charges', { type: 'number', default: 10_000, describe: h.maxCharges })
    .option('max-case-bytes', { type: 'number', default: 10 * 1024 * 1024, describe: h.maxCaseBytes });
}

/** A JSON case from a file or standard input, checked to be one JSON value with each key once. */
async function caseFromFile(argv: EvalArgs, file: string): Promise<unknown> {
  const text = readLimited(file, argv.maxCaseBytes, argv.lang);
  if (text.trim() === '') throw new InputError({ code: 'PARSE_ERROR', path: null, message: MESSAGES[argv.lang].errors.E_EMPTY_CASE({ file }) });
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (e) {
    throw new InputError({ code: 'PARSE_ERROR', path: null, message: MESSAGES[argv.lang].errors.E_NOT_JSON(jsonSyntaxError(text, (e as Error).message, argv.lang)) });
  }
  const shape = jsonShapeError(text, argv.lang);
  // Refused, with its id when it can be read (a valid id, not itself the key given twice), as batch does.
  // (io/case.js holds the id's schema, and zod with it: loaded only for this rare refusal, not at every start.)
  if (shape) throw new InputError(shape, shape.path === 'id' ? null : (await import('../io/case.js')).readableId(input));
  return input;
}

/** The offender options (--legal-person, --prior, --birth-date); undefined if none. */
function offenderOf(argv: EvalArgs, priors: unknown[]): Record<string, unknown> | undefined {
  const birthDate = dateOption('birth-date', argv.birthDate);
  if (!argv.legalPerson && !priors.length && !birthDate) return undefined;
  return { ...(argv.legalPerson && { type: 'legal' }), ...(priors.length && { priors }), ...(birthDate && { birthDate }) };
}

/** The case options given with --case: refused, since laying them over the file's values would change it unseen. */
function caseOptionsGiven(argv: EvalArgs): string[] {
  const given: [string, unknown][] = [['--date', argv.date], ['--judgment-date', argv.judgmentDate], ['--legal-person', argv.legalPerson], ['--prior', argv.prior], ['--birth-date', argv.birthDate]];
  return given.filter(([, v]) => v !== undefined).map(([k]) => k);
}

/** The case the command line describes: refs with options, or a JSON case (--case FILE, or "-" alone). */
async function caseOf(argv: EvalArgs): Promise<unknown> {
  const refs = (argv.refs ?? []).map(String);
  // yargs swallows a lone "-" value: "--case -" arrives as an empty string and means standard input.
  const file = argv.case === '' ? '-' : argv.case ?? (refs.length === 1 && refs[0] === '-' ? '-' : undefined);
  if (file !== undefined) {
    if (argv.case !== undefined && refs.length) throw new UsageError('U_REFS_AND_CASE');
    const options = caseOptionsGiven(argv);
    if (options.length) throw new UsageError('U_CASE_AND_OPTIONS', { options });
    return caseFromFile(argv, file);
  }
  // `--prior` with no value: a prior was meant and not given; never silently none.
  if (argv.prior !== undefined && argv.prior.length === 0) throw new UsageError('U_PRIOR', { arg: '' });
  const priors = (argv.prior ?? []).map(String).map(parsePriorArg);
  const date = dateOption('date', argv.date), judgmentDate = dateOption('judgment-date', argv.judgmentDate);
  if (!refs.length) throw new UsageError('U_NO_CHARGE');
  // Said in the command line's own terms, not the contract's offender.birthDate (a legal person has no birth date).
  if (argv.legalPerson && argv.birthDate !== undefined) throw new UsageError('U_CONFLICT', { a: '--legal-person', b: '--birth-date' });
  const charges = refs.map(parseChargeArg);
  checkWith(charges, refs);
  const c: Record<string, unknown> = { ...(date && { date }), ...(judgmentDate && { judgmentDate }), charges };
  const offender = offenderOf(argv, priors);
  if (offender) c.offender = offender;
  return c;
}

export async function evalCommand(argv: EvalArgs): Promise<number> {
  wholeOption('max-charges', argv.maxCharges, 1);
  wholeOption('max-case-bytes', argv.maxCaseBytes, 2);
  const width = textWidth(argv.width);
  const input = await caseOf(argv);
  const [{ evaluate }, { FORMATS }, { inUserTerms }] = await Promise.all([import('../api.js'), import('../io/formats.js'), import('../io/user-terms.js')]);
  const rules = await loadRulesFor(argv, { notes: false, lazy: true });
  const evaluated = evaluate(rules, input, { today: localToday(), lang: argv.lang, trace: true, maxCharges: argv.maxCharges });
  // Charges given on the command line are told in its terms (montant=, predicat=), a JSON case in the contract's.
  const outcome = argv.case === undefined ? inUserTerms(evaluated, 'cli', argv.lang) : evaluated;
  if (!outcome.ok) throw new InputError(outcome.error, outcome.id);
  // An explicit false wins over --full (--full --trace=false: all but the explanation).
  const view = { trace: argv.trace ?? argv.full, complementary: argv.complementary ?? argv.full, width };
  process.stdout.write(FORMATS[argv.format].result(outcome, { lang: argv.lang, ...view }));
  return EXIT.ok;
}
