// `quantum batch`: the command's options and exit codes; the run itself is batch.ts.
import type { Argv } from 'yargs';
import type { Lang, Rules } from '../core/model.js';
import { MESSAGES } from '../messages/index.js';
import type { BatchOptions } from '../io/batch.js';
import { BatchInputError, defaultWorkers, maxWorkers, runBatch, startWorkers, type BatchSummary } from './batch.js';
import { OutputError, sameFile } from './output.js';
import { sanitize } from '../io/terminal.js';
import { type Common, EXIT, InputError, localToday, shippedRules, UsageError, validatedRules, wholeOption } from './common.js';

export interface BatchArgs extends Common {
  file: string; format?: 'jsonl' | 'csv'; output: 'jsonl' | 'csv'; out?: string; trace: boolean; workers?: number; chunk?: number;
  maxLine: number; maxCharges: number; maxResult: number; progress?: boolean; delimiter?: ',' | ';'; csvRaw: boolean;
}

export function batchBuilder(y: Argv, lang: Lang): Argv {
  const h = MESSAGES[lang].cli.help;
  return y
    .positional('file', { type: 'string', default: '-', describe: h.file })
    .option('format', { choices: ['jsonl', 'csv'] as const, describe: h.inputFormat })
    .option('output', { choices: ['jsonl', 'csv'] as const, default: 'jsonl' as const, describe: h.output })
    .option('out', { type: 'string', describe: h.out })
    .option('trace', { type: 'boolean', default: false, describe: h.batchTrace })
    .option('workers', { type: 'number', describe: h.workers({ n: defaultWorkers(), max: maxWorkers() }) })
    .option('chunk', { type: 'number', describe: h.chunk })
    .option('max-line', { type: 'number', default: 1_000_000, describe: h.maxLine })
    .option('max-charges', { type: 'number', default: 10_000, describe: h.batchMaxCharges })
    .option('max-result', { type: 'number', default: 32 * 1024 * 1024, describe: h.maxResult })
    .option('delimiter', { choices: [',', ';'] as const, describe: h.delimiter })
    .option('csv-raw', { type: 'boolean', default: false, describe: h.csvRaw })
    .option('progress', { type: 'boolean', describe: h.progress })
    .example('$0 batch cases.jsonl > results.jsonl', '')
    .example('$0 batch cases.csv --output csv --out results.csv', '')
    .example('cat cases.jsonl | $0 batch - --workers 2 --trace', '');
}

/** The run's options, checked: bounds on every limit, the input format from the file's extension. */
/** Records per block sent to a worker, by default: many for speed; few when each result carries its trace. */
const PLAIN_CHUNK = 256, TRACED_CHUNK = 4;

function options(argv: BatchArgs): { opts: BatchOptions; workers: number } {
  wholeOption('max-charges', argv.maxCharges, 1);
  wholeOption('max-line', argv.maxLine, 10);
  wholeOption('max-result', argv.maxResult, 1024);
  if (argv.chunk !== undefined) wholeOption('chunk', argv.chunk, 1, 10_000);
  const workers = argv.workers === undefined ? defaultWorkers() : wholeOption('workers', argv.workers, 0, maxWorkers());
  // `--out ""` or `--out` alone: a file was meant and not named; never silently standard output.
  if (argv.out === '') throw new UsageError('U_OUT_EMPTY');
  if (argv.json && argv.output === 'csv') throw new UsageError('U_CONFLICT', { a: '--json', b: '--output csv' });
  // A CSV row has no room for the explanation, and --delimiter reads CSV only: neither is dropped silently.
  if (argv.trace && argv.output === 'csv') throw new UsageError('U_CONFLICT', { a: '--trace', b: '--output csv' });
  const csvInput = (argv.format ?? (/\.csv$/i.test(argv.file) ? 'csv' : 'jsonl')) === 'csv';
  if (argv.delimiter !== undefined && !csvInput) throw new UsageError('U_CONFLICT', { a: '--delimiter', b: '--format jsonl' });
  if (argv.out !== undefined && argv.file !== '-' && sameFile(argv.file, argv.out)) throw new UsageError('U_SAME_FILE', { out: argv.out });
  const format = argv.format ?? (/\.csv$/i.test(argv.file) ? 'csv' : 'jsonl');
  return {
    workers,
    opts: {
      format, output: argv.output, trace: argv.trace, today: localToday(), lang: argv.lang, maxChars: argv.maxLine, maxCharges: argv.maxCharges,
      maxResult: argv.maxResult, delimiter: argv.delimiter ?? 'auto', csvRaw: argv.csvRaw,
    },
  };
}

/** The rules, sent to workers already started before anything awaits: they have them while the CLI starts up. */
async function rulesAndPool(argv: BatchArgs, opts: BatchOptions, workers: number) {
  const pool = startWorkers(argv.file, workers, opts);
  try {
    const first = shippedRules(argv, { notes: false });
    if (first.rules) pool?.init(first.rules);
    const rules: Rules = first.rules ?? await validatedRules(first);
    return { rules, pool };
  } catch (e) {
    await pool?.close();
    throw e;
  }
}

function exitCode(s: BatchSummary): number {
  if (s.interrupted === 'SIGINT') return EXIT.sigint;
  if (s.interrupted === 'SIGTERM') return EXIT.sigterm;
  if (s.interrupted === 'EPIPE') return EXIT.sigpipe;
  if (s.interrupted === 'OUTPUT') return EXIT.input;
  return s.failed > 0 ? EXIT.input : EXIT.ok;
}

export async function batchCommand(argv: BatchArgs): Promise<number> {
  const { opts, workers } = options(argv);
  const m = MESSAGES[argv.lang];
  const { rules, pool } = await rulesAndPool(argv, opts, workers);
  let summary: BatchSummary;
  try {
    summary = await runBatch({
      // Traced results weigh up to megabytes each: smaller blocks keep the memory a run holds bounded by few results.
      input: argv.file, rules, workers, pool, chunk: argv.chunk ?? (argv.trace ? TRACED_CHUNK : PLAIN_CHUNK), opts,
      // The progress line is for a terminal watching a run whose results go elsewhere: drawn between result lines
      // on the same screen it would garble them.
      progress: argv.progress ?? Boolean(process.stderr.isTTY && !process.stdout.isTTY),
      showProgress: (p) => process.stderr.write(`\r\x1b[Kquantum batch${p.pct === null ? '' : ` ${p.pct}%`} ${m.cli.progress(p)}${p.final ? '\n' : ''}`),
      ...(argv.out !== undefined && { out: argv.out }),
    });
  } catch (e) {
    // Workers started early for a large input must not keep the process alive after a failed start (an --out that
    // cannot be opened): terminated here, as the run's end does.
    await pool?.close();
    // An input that cannot be read (missing, a directory, unreadable) is a READ_ERROR; a CSV header that is wrong, a PARSE_ERROR.
    if (e instanceof BatchInputError) throw new InputError(e.key === 'READ' ? { code: 'READ_ERROR', path: null, message: m.errors.E_READ(e.params) } : { code: 'PARSE_ERROR', path: null, message: m.errors.E_HEADER_AT(e.params) });
    // A target that cannot be written is an input error (exit 1), as a full disk during the run.
    if (e instanceof OutputError) { process.stderr.write(`quantum: ${m.cli.usage.U_OUT!({ out: sanitize(e.out), reason: m.cli.reason({ code: e.reason, meaning: m.cli.errno[e.reason] }) })}\n`); return EXIT.input; }
    throw e;
  }
  const s = summary;
  process.stderr.write(`${m.cli.summary({ ...s, secs: s.ms / 1000, rate: Math.round(s.cases / Math.max(s.ms / 1000, 1e-3)), mb: Math.round(s.peakRssBytes / 1048576), stop: s.interrupted && s.interrupted !== 'OUTPUT' ? m.cli.stops[s.interrupted] : null })}\n`);
  // A closed pipe (`| head`) is a normal end: the summary says so, no error line.
  if (s.outputError && s.interrupted !== 'EPIPE') process.stderr.write(`quantum: ${m.cli.usage.U_OUT!({ out: argv.out === undefined ? m.cli.stdout : sanitize(argv.out), reason: m.cli.reason({ code: s.outputError, meaning: m.cli.errno[s.outputError] }) })}\n`);
  if (s.partial) process.stderr.write(`${m.cli.partialKept({ file: sanitize(s.partial), out: sanitize(argv.out ?? '') })}\n`);
  return exitCode(s);
}

