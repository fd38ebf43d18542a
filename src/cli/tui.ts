// `quantum tui` (and `quantum` alone in a terminal): the terminal UI. ink and react load here only.
import type { Lang } from '../core/model.js';
import { MESSAGES } from '../messages/index.js';
import { sanitize } from '../io/terminal.js';
import { type Common, EXIT, loadRulesFor, localToday, MIN_TEXT_WIDTH, UsageError } from './common.js';

export async function tuiCommand(argv: Common): Promise<number> {
  // No terminal: the command cannot be used here, as `quantum` alone without one (which asks for a command). A usage
  // error (exit 2, one line on stderr, --json or not): no input was read, so no contract error (INVALID_CASE said a
  // case was wrong where there is none).
  if (!process.stdin.isTTY || !process.stdout.isTTY) throw new UsageError('U_NEED_TERMINAL');
  // Lazy: the first screen needs no provision; a search parses only those it finds (their search texts are apart).
  const rules = await loadRulesFor(argv, { notes: false, lazy: true });
  const { runTui } = await withoutFetch(() => import('../ui/run.js'));
  try {
    await runTui(rules, { today: localToday(), lang: argv.lang, minEvalWidth: MIN_TEXT_WIDTH });
  } catch (e) {
    return uiFailed(e, argv.lang);
  }
  return EXIT.ok;
}

/** Anything thrown inside the UI: one line (never ink's stack trace and the bundle's source), exit 70. */
export function uiFailed(e: unknown, lang: Lang): number {
  // The message's first line, escaped and cut: enough to report, never a stack or a screenful.
  const detail = sanitize((e instanceof Error ? `${e.name}: ${e.message}` : String(e)).split('\n')[0]!).slice(0, 200);
  process.stderr.write(`\nquantum: ${MESSAGES[lang].cli.uiCrashed({ detail })}\n`);
  return EXIT.internal;
}


/**
 * yoga's WebAssembly loader (in ink) fetches its embedded wasm as a data: URL when a global `fetch` exists, which
 * loads and runs Node's undici for it (about 25 ms of the first screen, `--cpu-prof`); without one it decodes the
 * same bytes directly. `fetch` is hidden only while the UI's modules load, then put back as it was.
 */
export async function withoutFetch<T>(load: () => Promise<T>): Promise<T> {
  const own = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (!own?.configurable) return load();
  Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  try {
    return await load();
  } finally {
    Object.defineProperty(globalThis, 'fetch', own);
  }
}
