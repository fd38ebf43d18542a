// `quantum tui` (and `quantum` alone in a terminal): the terminal UI. ink and react load here only.
import { MESSAGES } from '../messages/index.js';
import { type Common, EXIT, loadRulesFor, localToday } from './common.js';

export async function tuiCommand(argv: Common): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write(`${MESSAGES[argv.lang].cli.needTerminal}\n`);
    return EXIT.input;
  }
  // Lazy: the first screen needs no provision; a search parses only those it finds (their search texts are apart).
  const rules = await loadRulesFor(argv, { notes: false, lazy: true });
  const { runTui } = await import('../ui/run.js');
  await runTui(rules, { today: localToday(), lang: argv.lang });
  return EXIT.ok;
}

