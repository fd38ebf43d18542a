// Entry of `quantum tui`: mounts the app on the real terminal and waits for it to exit.
import { render } from 'ink';
import type { Lang, Rules } from '../core/model.js';
import { App } from './App.js';

export async function runTui(rules: Rules, opts: { today: string; lang: Lang }): Promise<void> {
  const instance = render(<App rules={rules} today={opts.today} lang={opts.lang} exportDir={process.cwd()} />, { exitOnCtrlC: true });
  await instance.waitUntilExit();
}
