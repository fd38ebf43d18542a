// `quantum tui` (and `quantum` alone in a terminal): the terminal UI. ink and react load here only.
import { MESSAGES } from '../messages/index.js';
import { type Common, EXIT, InputError, loadRulesFor, localToday } from './common.js';

export async function tuiCommand(argv: Common): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    // --json: the error object on standard output, as every command's input errors.
    if (argv.json) throw new InputError({ code: 'PARSE_ERROR', path: null, message: MESSAGES[argv.lang].cli.needTerminal });
    process.stderr.write(`${MESSAGES[argv.lang].cli.needTerminal}\n`);
    return EXIT.input;
  }
  // Lazy: the first screen needs no provision; a search parses only those it finds (their search texts are apart).
  const rules = await loadRulesFor(argv, { notes: false, lazy: true });
  const { runTui } = await withoutFetch(() => import('../ui/run.js'));
  await runTui(rules, { today: localToday(), lang: argv.lang });
  return EXIT.ok;
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
