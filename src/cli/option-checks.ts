// The command line's options checked before yargs validates them, each a usage error (exit 2) naming the option as
// typed: an option given twice, an option that takes a value given none, an option the command does not have, a
// required one missing. The options are the command's own, from yargs (its getOptions()), so a new one is covered.
import { UsageError } from './common.js';

/** The option definitions yargs holds once a command's builder has run (its getOptions()). */
export interface OptionTable { string: string[]; number: string[]; choices: Record<string, readonly unknown[]>; alias: Record<string, string[]> }
/**
 * The first option that takes a value given without one (`--rules` last, or followed by another option, or
 * `--rules=`): a usage error naming it, never an empty value used as one (an empty rules directory, the default
 * width). The options are the command's own, from yargs, so a new one is covered.
 */
function withoutValue(args: readonly string[], o: OptionTable): Record<string, unknown> | null {
  const takes = new Map<string, string>();
  for (const name of [...o.string, ...o.number, ...Object.keys(o.choices)]) {
    if (['refs', 'words', 'file', 'ref', 'action', 'kind'].includes(name)) continue;
    for (const n of [name, ...(o.alias[name] ?? [])]) if (!takes.has(n)) takes.set(n, name);
  }
  for (let i = 0; i < args.length; i++) {
    const m = /^--([^=]+)(=?)(.*)$/s.exec(args[i]!);
    // yargs also reads an option in camelCase (--judgmentDate).
    const name = m && (takes.get(m[1]!) ?? takes.get(m[1]!.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)));
    if (!m || !name) continue;
    const next = args[i + 1];
    const missing = m[2] ? m[3] === '' : next === undefined || next === '' || next.startsWith('--') || /^-[a-zA-Z]/.test(next);
    if (missing) return { option: `--${m[1]}`, names: [name, ...(o.alias[name] ?? [])], choices: o.choices[name]?.map(String), number: o.number.includes(name) };
  }
  return null;
}

/** Options that take several values; any other given twice comes as an array, which no command expects. */
const LISTS = new Set(['_', '$0', 'refs', 'words', 'prior']);
/** The first option given more than once, as typed (`--judgment-date`), or null. */
function givenTwice(a: Record<string, unknown>): string | null {
  for (const [k, v] of Object.entries(a)) {
    if (Array.isArray(v) && !LISTS.has(k)) return `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  }
  return null;
}


const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * The first long option the command does not have, as typed (`--bogus`): yargs would say "Unknown argument: bogus",
 * without its dashes, in English words under French ones. Known: the command's options, their aliases, a switch's
 * --no- form, and yargs's own (--help, --version, the shell completion's --get-yargs-completions).
 */
function unknownOption(args: readonly string[], o: OptionTable & { key: Record<string, unknown>; boolean: string[] }): string | null {
  const known = new Set(['help', 'version', 'get-yargs-completions']);
  for (const name of Object.keys(o.key)) for (const n of [name, ...(o.alias[name] ?? [])]) known.add(kebab(n));
  for (const a of args) {
    if (a === '--') break;
    // A short option (-h) or several (-hx): each letter must be an alias.
    const short = /^-([a-zA-Z]+)$/.exec(a);
    const bad = short ? [...short[1]!].find((c) => !known.has(c)) : undefined;
    if (bad) return `-${bad}`;
    const m = /^--([^=]+)/s.exec(a);
    if (!m) continue;
    const name = kebab(m[1]!);
    if (!known.has(name) && !(name.startsWith('no-') && known.has(name.slice(3)))) return `--${m[1]}`;
  }
  return null;
}

/** What yargs holds for the command being run: its options, and those it requires. */
export interface OptionsOf {
  getOptions: () => OptionTable & { key: Record<string, unknown>; boolean: string[] };
  getDemandedOptions: () => Record<string, unknown>;
}

/** Every check, in order; throws the first usage error. `command` names the command for the help it points to. */
export function checkOptions(args: readonly string[], a: Record<string, unknown>, self: OptionsOf): void {
  const twice = givenTwice(a);
  if (twice) throw new UsageError('U_OPTION_TWICE', { option: twice });
  const o = self.getOptions();
  const bare = withoutValue(args, o);
  if (bare) throw new UsageError('U_MISSING_VALUE', bare);
  const command = String((a._ as unknown[] | undefined)?.[0] ?? '');
  const unknown = unknownOption(args, o);
  if (unknown) throw new UsageError('U_UNKNOWN_FLAG', { option: unknown, command });
  const missing = Object.keys(self.getDemandedOptions()).filter((k) => a[k] === undefined).map((k) => `--${k}`);
  if (missing.length) throw new UsageError('U_REQUIRED', { options: missing, command });
}
