// Entry of `quantum tui`: mounts the app on the real terminal and waits for it to exit. Whatever throws inside the
// UI (a render, an effect, a key's handling, a timer) ends it with that error, for the caller to report in one line
// (src/cli/tui.ts): ink's own error screen would show a stack trace and lines of the bundle's source.
import { Component, type ReactNode, useEffect } from 'react';
import { render, useApp } from 'ink';
import type { Lang, Rules } from '../core/model.js';
import { App } from './App.js';

/** Leaves the UI with `error` once mounted (an error boundary cannot call hooks itself). */
function Leave({ error }: { error: Error }) {
  const { exit } = useApp();
  useEffect(() => exit(error), [error]);
  return null;
}

/** Catches what a component throws while rendering or in an effect: nothing more is drawn, the UI ends. */
export class Guard extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };
  static getDerivedStateFromError(e: unknown) { return { error: e instanceof Error ? e : new Error(String(e)) }; }
  override render() { return this.state.error ? <Leave error={this.state.error} /> : this.props.children; }
}

export async function runTui(rules: Rules, opts: { today: string; lang: Lang; minEvalWidth: number }): Promise<void> {
  let fail: (e: unknown) => void = () => {};
  const failed = new Promise<never>((_, reject) => { fail = reject; });
  // An exception outside React (a timer, a stream's event): the same ending, the terminal restored by unmount.
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  const instance = render(<Guard><App rules={rules} today={opts.today} lang={opts.lang} exportDir={process.cwd()} minEvalWidth={opts.minEvalWidth} /></Guard>, { exitOnCtrlC: false });
  try {
    await Promise.race([instance.waitUntilExit(), failed]);
  } finally {
    instance.unmount();
    process.off('uncaughtException', fail);
    process.off('unhandledRejection', fail);
  }
}
