// The command line: thin commands that parse, call the library, format, and choose an exit code. Each command is
// its own module (eval.ts, catalogue.ts, batch-command.ts, rules-commands.ts, tui.ts); this file assembles them.
import { readFileSync } from 'node:fs';
import yargs, { type Argv, type MiddlewareFunction } from 'yargs';
import { hideBin } from 'yargs/helpers';
import type { ErrorResult } from '../core/contract.js';
import { CONTRACT_VERSION } from '../core/contract.js';
import type { Lang } from '../core/model.js';
import { MESSAGES } from '../messages/index.js';
import { sanitize } from '../io/terminal.js';
import { EXIT, isInputError, isUsageError, UsageError } from './common.js';
import { evalBuilder, type FormatName, helpLists } from './eval.js';
import { checkOptions, type OptionsOf } from './option-checks.js';
import { DEFAULT_RULES_DIR } from '../rules/read.js';
import { listBuilder, showBuilder } from './catalogue.js';
import { batchBuilder } from './batch-command.js';
import { SCHEMA_KINDS } from './schema-kinds.js';

/** quantum's own version, from its package.json (never the current directory's). */
function ownVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** The language asked for, before yargs parses (its help is written in it). */
function langOf(args: string[]): Lang {
  const i = args.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const v = i < 0 ? undefined : args[i]!.includes('=') ? args[i]!.split('=')[1] : args[i + 1];
  return v === 'en' ? 'en' : 'fr';
}

/** The command named, if any: the first word that is neither an option nor the value of --lang or --rules. */
function commandOf(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--lang' || a === '--rules') { i++; continue; }
    if (!a.startsWith('-')) return a;
  }
  return undefined;
}

/** What a run decides as it goes: its exit code, and how its errors are written. */
interface RunState { code: number; format: FormatName; lang: Lang }

type Handler = (argv: never) => number | Promise<number>;
const run = (st: RunState, load: () => Promise<Handler>) => async (argv: unknown) => { st.code = await (await load())(argv as never); };

/** eval's output format: --json is --format json, and contradicts any other; CSV has no room for a trace. */
function evalFormat(x: Record<string, unknown>): FormatName {
  const json = x.json === true, format = x.format as FormatName | undefined;
  if (json && format !== undefined && format !== 'json') throw new UsageError('U_CONFLICT', { a: '--json', b: `--format ${format}` });
  const chosen = json ? 'json' : format ?? 'text';
  const asked = (['trace', 'complementary', 'full'] as const).find((k) => x[k] === true);
  if (chosen === 'csv' && asked) throw new UsageError('U_CONFLICT', { a: `--${asked}`, b: '--format csv' });
  return chosen;
}

/** The rules directory the command line names (--rules DIR), or the shipped one. */
function rulesDirOf(args: readonly string[]): string {
  const i = args.findIndex((a) => a === '--rules' || a.startsWith('--rules='));
  const v = i < 0 ? undefined : args[i]!.startsWith('--rules=') ? args[i]!.slice('--rules='.length) : args[i + 1];
  return v || DEFAULT_RULES_DIR;
}

function commands(y: Argv, st: RunState, lang: Lang, args: readonly string[]): Argv {
  const h = MESSAGES[lang].cli.help;
  // Only the help reads the rules' lists (a file each): an evaluation never pays for it.
  const help = args.some((a) => a === '--help' || a === '-h');
  return y
    .command('eval [refs..]', h.eval, (a) => evalBuilder(a, lang, help ? helpLists(rulesDirOf(args)) : {}).middleware((x) => { st.format = evalFormat(x); x.format = st.format; }),
      run(st, async () => (await import('./oneshot.js')).evalCommand))
    .command('show <ref>', h.show, (a) => showBuilder(a, lang), run(st, async () => (await import('./oneshot.js')).showCommand))
    .command('list [words..]', h.list, (a) => listBuilder(a, lang), run(st, async () => (await import('./oneshot.js')).listCommand))
    .command('batch [file]', h.batch, (a) => batchBuilder(a, lang), run(st, async () => (await import('./batch-command.js')).batchCommand))
    .command('rules <action>', h.rulesCmd, (a) => a.positional('action', { choices: ['validate', 'stats'] as const, describe: h.action }),
      run(st, async () => (await import('./rules-commands.js')).rulesCommand))
    .command('schema [kind]', h.schema, (a) => a.positional('kind', { choices: SCHEMA_KINDS, default: 'article' as const, describe: h.kind }),
      run(st, async () => (await import('./rules-commands.js')).schemaCommand))
    .command('diff', h.diff, (a) => a.option('from', { type: 'string', demandOption: true, describe: h.from }).option('to', { type: 'string', demandOption: true, describe: h.to }).option('width', { type: 'number', describe: h.width }),
      run(st, async () => (await import('./rules-commands.js')).diffCli))
    .command('tui', h.tui, (a) => a, run(st, async () => (await import('./tui.js')).tuiCommand))
    .completion('completion', h.completion);
}

function parser(args: string[], st: RunState): Argv {
  const lang = st.lang;
  const h = MESSAGES[lang].cli.help;
  let y: Argv = yargs(args).scriptName('quantum').usage(h.usage)
    .option('rules', { type: 'string', describe: h.rules, global: true })
    .option('lang', { choices: ['fr', 'en'] as const, default: 'fr' as Lang, describe: h.lang, global: true })
    .option('json', { type: 'boolean', default: false, describe: h.json, global: true })
    // yargs passes itself as the second argument (its types omit it): the options of the command being run.
    .middleware(((a: Record<string, unknown>, self: OptionsOf) => checkOptions(args, a, self)) as unknown as MiddlewareFunction, true)
    .middleware((a) => { st.lang = a.lang as Lang; if (a.json) st.format = 'json'; });
  y = commands(y, st, lang, args);
  for (const [cmd, text] of h.examples) y = y.example(cmd, text);
  if (lang === 'fr') y = y.updateStrings(h.yargs as Record<string, string>);
  noHelpCache(y);
  return y.demandCommand(1, MESSAGES[lang].cli.usage.U_COMMAND!({}))
    .strictCommands().strictOptions().recommendCommands()
    .help().alias('h', 'help').describe('help', h.helpOpt)
    .version(ownVersion()).describe('version', h.version)
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((msg, err) => { throw err ?? yargsFailure(msg, args); });
}

/**
 * yargs's own failure as a usage error; a command's required argument missing (`quantum rules`, `quantum show`) is
 * said with what it takes, not "Not enough non-option arguments: got 0, need at least 1".
 */
function yargsFailure(msg: string, args: readonly string[]): UsageError {
  const command = commandOf([...args]);
  if (command && /^(Not enough non-option arguments|Arguments? manquants?)\b/.test(msg)) return new UsageError('U_NEEDS_ARGUMENT', { command });
  return new UsageError('', { text: msg });
}

/**
 * `quantum completion bash` (or zsh): the script for that shell, whatever $SHELL says (yargs reads it to choose);
 * another word is refused, never taken for a command ("Did you mean batch?").
 */
function completionShell(args: string[]): string[] {
  const i = args.indexOf('completion');
  // The positions of the words after the command that are neither options nor the value of one (--lang en, --rules DIR).
  const at = args.map((a, k) => k).filter((k) => k > i && !args[k]!.startsWith('-') && !/^--(lang|rules)$/.test(args[k - 1] ?? ''));
  const words = at.map((k) => args[k]!);
  const shell = words[0];
  // No shell named: $SHELL's, which yargs writes for bash or zsh only (another one would get bash's script).
  const fromEnv = (process.env.SHELL ?? '').split('/').pop() ?? '';
  if (shell === undefined && fromEnv && fromEnv !== 'bash' && fromEnv !== 'zsh') throw new UsageError('U_COMPLETION_SHELL', { shell: fromEnv });
  if (shell === undefined) return args;
  // One shell: "completion bash zsh" would leave "zsh" to be taken for a command.
  if ((shell !== 'bash' && shell !== 'zsh') || words.length > 1) throw new UsageError('U_COMPLETION_SHELL', { shell: words.join(' ') });
  process.env.SHELL = `/bin/${shell}`;
  return args.filter((_, k) => k !== at[0]);
}

/**
 * yargs renders the whole help text after every command, to show it if the command's promise later fails (about
 * 25 ms of a 200 ms `quantum eval`). quantum's failures never print the help (`.fail` throws, report() writes one
 * line), so that rendering is dropped; `--help` itself renders as before.
 */
function noHelpCache(y: Argv): void {
  const usage = (y as unknown as { getInternalMethods?: () => { getUsageInstance: () => { cacheHelpMessage?: () => void } } }).getInternalMethods?.().getUsageInstance();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => {};
}

export async function main(args: string[] = hideBin(process.argv)): Promise<number> {
  // `quantum` with no command (options only, e.g. --lang en) in a terminal opens the terminal UI.
  if (!commandOf(args) && !args.some((a) => /^(-h|--help|--version)$/.test(a)) && process.stdin.isTTY && process.stdout.isTTY) args = ['tui', ...args];
  // `quantum eval -` reads a case on standard input; yargs drops a lone "-", so it is given as the option it means.
  if (commandOf(args) === 'eval') args = args.map((a, i) => (a === '-' && args[i - 1] !== '--case' ? '--case=-' : a));
  const st: RunState = { code: EXIT.ok, format: args.includes('--json') ? 'json' : 'text', lang: langOf(args) };
  // yargs answers `completion --help` with the script itself: the command's help is given instead.
  if (commandOf(args) === 'completion' && args.some((a) => a === '-h' || a === '--help')) {
    process.stdout.write(`quantum completion\n\n${MESSAGES[st.lang].cli.help.completion}\n`);
    return EXIT.ok;
  }
  if (commandOf(args) === 'completion') {
    try { args = completionShell(args); } catch (e) { return report(e, st); }
  }
  // The shell asking for completions (what it typed so far, "--" included) is answered, never refused.
  const completing = args[0] === '--get-yargs-completions';
  const flag = completing ? null : badFlagValue(args);
  if (flag) return report(new UsageError('U_FLAG_VALUE', flag), st);
  const twice = completing ? null : switchTwice(args);
  if (twice) return report(new UsageError('U_OPTION_TWICE', { option: twice }), st);
  // "--" would end the options; refs are plain arguments already: said, rather than a confusing later error.
  if (!completing && args.includes('--')) return report(new UsageError('U_DOUBLE_DASH'), st);
  // A closed pipe (`quantum list | head`) ends the command quietly; any other failure to write the answer (a full
  // disk) is an error, never a success. Batch handles its output itself to keep its summary.
  if (args[0] !== 'batch') process.stdout.on('error', (e: NodeJS.ErrnoException) => outputFailed(e, st));
  try {
    await parser(args, st).parseAsync();
    return st.code;
  } catch (e) {
    return report(e, st);
  }
}

// The switches of every command: yargs reads `--legal-person=yes` as false, silently; only true and false are let through.
const SWITCH = /^--(?:no-)?(legal-person|trace|complementary|complementaires|full|json|csv-raw|progress|notes)=(.*)$/s;
/** The switches, each under its one name (an alias is the same switch): given twice, even as --x and --no-x, is refused. */
const SWITCH_NAME: Record<string, string> = { complementaires: 'complementary' };
function switchTwice(args: string[]): string | null {
  const seen = new Set<string>();
  for (const a of args) {
    if (a === '--') break;
    const m = /^--(?:no-)?(legal-person|trace|complementary|complementaires|full|json|csv-raw|progress|notes)(?:=.*)?$/s.exec(a);
    if (!m) continue;
    const name = SWITCH_NAME[m[1]!] ?? m[1]!;
    if (seen.has(name)) return `--${name}`;
    seen.add(name);
  }
  return null;
}

function badFlagValue(args: string[]): { flag: string; value: string } | null {
  for (const a of args) {
    if (a === '--') break;
    const m = SWITCH.exec(a);
    if (m && m[2] !== 'true' && m[2] !== 'false') return { flag: m[1]!, value: m[2]! };
  }
  return null;
}

function outputFailed(e: NodeJS.ErrnoException, st: RunState): void {
  // A closed pipe ends quietly, with the command's own code when it is known (rules validate on broken rules: 1).
  if (e.code === 'EPIPE') process.exit(st.code);
  const m = MESSAGES[st.lang];
  const code = e.code ?? e.message;
  process.stderr.write(`quantum: ${m.cli.usage.U_OUT!({ out: m.cli.stdout, reason: m.cli.reason({ code, meaning: m.cli.errno[code] }) })}\n`);
  process.exit(EXIT.input);
}

async function report(e: unknown, st: RunState): Promise<number> {
  const m = MESSAGES[st.lang];
  if (isInputError(e)) {
    const out: ErrorResult = { contract: CONTRACT_VERSION, id: e.id, ok: false, error: e.error };
    const format = (await import('../io/formats.js')).FORMATS[st.format];
    (format.errorsToStdout ? process.stdout : process.stderr).write(format.error(out, { lang: st.lang, ...(e.lines && { lines: e.lines }) }));
    return EXIT.input;
  }
  if (isUsageError(e) || (e instanceof Error && e.name === 'YError')) {
    // yargs's own messages break their lines: one line, as every error of quantum.
    const text = isUsageError(e) && e.key ? e.text(st.lang) : (isUsageError(e) ? String(e.params.text) : e.message).replace(/\n\s*/g, ' ');
    process.stderr.write(`quantum: ${sanitize(text)}\n${m.cli.seeHelp}\n`);
    return EXIT.usage;
  }
  process.stderr.write(`quantum: ${m.cli.internalError({ detail: sanitize(e instanceof Error ? e.message : String(e)) })}\n`);
  return EXIT.internal;
}
