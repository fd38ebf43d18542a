// `quantum eval`: charges on the command line (or a JSON case) in, the maximum penalties out, in a chosen format.
import type { Argv } from 'yargs';
import type { Lang } from '../core/model.js';
import { MESSAGES } from '../messages/index.js';
import { checkWith, parseChargeArg, parsePriorArg } from './charges.js';
import { type Common, dateOption, EXIT, InputError, loadRulesFor, localToday, readLimited, UsageError, textWidth, wholeOption } from './common.js';

export type FormatName = 'text' | 'json' | 'markdown' | 'csv';
export interface EvalArgs extends Common {
  refs?: string[]; case?: string; date?: string; judgmentDate?: string; legalPerson?: boolean; prior?: string[]; birthDate?: string;
  trace: boolean; full: boolean; complementary: boolean; maxCharges: number; maxCaseBytes: number; format: FormatName; width?: number;
}

export function evalBuilder(y: Argv, lang: Lang): Argv {
  const h = MESSAGES[lang].cli.help;
  return y
    .positional('refs', { type: 'string', array: true, describe: h.refs })
    .option('date', { type: 'string', describe: h.date })
    .option('judgment-date', { type: 'string', describe: h.judgmentDate })
    .option('legal-person', { type: 'boolean', describe: h.legalPerson })
    .option('prior', { type: 'string', array: true, describe: h.prior })
    .option('birth-date', { type: 'string', alias: 'naissance', describe: h.birthDate })
    .option('case', { type: 'string', describe: h.caseFile })
    .option('format', { choices: ['text', 'json', 'markdown', 'csv'] as const, default: 'text' as const, describe: h.format })
    .option('trace', { type: 'boolean', default: false, describe: h.trace })
    .option('complementary', { type: 'boolean', alias: 'complementaires', default: false, describe: h.complementary })
    .option('full', { type: 'boolean', default: false, describe: h.full })
    .option('width', { type: 'number', describe: h.width })
    .option('max-charges', { type: 'number', default: 10_000, describe: h.maxCharges })
    .option('max-case-bytes', { type: 'number', default: 10 * 1024 * 1024, describe: h.maxCaseBytes });
}

/** V8's "… at position N" of a multi-line file, said as a line and a column a user can find. */
function jsonErrorAt(text: string, detail: string, lang: Lang): string {
  const m = /position (\d+)/.exec(detail);
  if (!m) return detail;
  const before = text.slice(0, Number(m[1]));
  const line = before.split('\n').length, column = before.length - before.lastIndexOf('\n');
  return `${MESSAGES[lang].errors.E_JSON_AT({ line, column })} (${detail})`;
}

/** A JSON case from a file or standard input, with the command line's case options laid over it. */
function caseFromFile(argv: EvalArgs, file: string, over: Record<string, unknown>, priors: unknown[]): unknown {
  const text = readLimited(file, argv.maxCaseBytes, argv.lang);
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (e) {
    throw new InputError({ code: 'PARSE_ERROR', path: null, message: MESSAGES[argv.lang].errors.E_NOT_JSON({ detail: jsonErrorAt(text, (e as Error).message, argv.lang) }) });
  }
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  const c = { ...(input as Record<string, unknown>), ...over };
  const offender = offenderOf(argv, priors, typeof c.offender === 'string' ? { type: c.offender } : (c.offender as Record<string, unknown> | undefined) ?? {});
  if (offender) c.offender = offender;
  return c;
}

/** The offender options (--legal-person, --prior, --birth-date) laid over what a case gives; undefined if none. */
function offenderOf(argv: EvalArgs, priors: unknown[], base: Record<string, unknown>): Record<string, unknown> | undefined {
  const birthDate = dateOption('birth-date', argv.birthDate);
  if (argv.legalPerson === undefined && !priors.length && !birthDate) return Object.keys(base).length ? base : undefined;
  const o = { ...base };
  if (argv.legalPerson !== undefined) o.type = argv.legalPerson ? 'legal' : 'natural';
  if (priors.length) o.priors = [...(Array.isArray(base.priors) ? base.priors : []), ...priors];
  if (birthDate) o.birthDate = birthDate;
  return o;
}

/** The case the command line describes: refs with options, or a JSON case (--case FILE, or "-" alone). */
function caseOf(argv: EvalArgs): unknown {
  // `--prior` with no value: a prior was meant and not given; never silently none.
  if (argv.prior !== undefined && argv.prior.length === 0) throw new UsageError('U_PRIOR', { arg: '' });
  const priors = (argv.prior ?? []).map(String).map(parsePriorArg);
  const over: Record<string, unknown> = {};
  const date = dateOption('date', argv.date), judgmentDate = dateOption('judgment-date', argv.judgmentDate);
  if (date) over.date = date;
  if (judgmentDate) over.judgmentDate = judgmentDate;
  const refs = (argv.refs ?? []).map(String);
  // yargs swallows a lone "-" value: "--case -" arrives as an empty string and means standard input.
  const file = argv.case === '' ? '-' : argv.case ?? (refs.length === 1 && refs[0] === '-' ? '-' : undefined);
  if (file !== undefined) {
    if (argv.case !== undefined && refs.length) throw new UsageError('U_REFS_AND_CASE');
    return caseFromFile(argv, file, over, priors);
  }
  if (!refs.length) throw new UsageError('U_NO_CHARGE');
  const charges = refs.map(parseChargeArg);
  checkWith(charges, refs);
  const c: Record<string, unknown> = { ...over, charges };
  const offender = offenderOf({ ...argv, legalPerson: argv.legalPerson || undefined }, priors, {});
  if (offender) c.offender = offender;
  return c;
}

export async function evalCommand(argv: EvalArgs): Promise<number> {
  wholeOption('max-charges', argv.maxCharges, 1);
  wholeOption('max-case-bytes', argv.maxCaseBytes, 2);
  const width = textWidth(argv.width);
  const input = caseOf(argv);
  const [{ evaluate }, { FORMATS }] = await Promise.all([import('../api.js'), import('../io/formats.js')]);
  const rules = await loadRulesFor(argv, { notes: false, lazy: true });
  const outcome = evaluate(rules, input, { today: localToday(), lang: argv.lang, trace: true, maxCharges: argv.maxCharges });
  if (!outcome.ok) throw new InputError(outcome.error, outcome.id);
  const view = { trace: argv.trace || argv.full, complementary: argv.complementary || argv.full, width };
  process.stdout.write(FORMATS[argv.format].result(outcome, { lang: argv.lang, ...view }));
  return EXIT.ok;
}
