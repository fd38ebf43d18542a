// A fixed-size fake terminal for ink (as ink's own tests do): exact frames at 80 x 24.
import { EventEmitter } from 'node:events';
import type { ReactElement } from 'react';
import { render } from 'ink';

class Stdout extends EventEmitter {
  frames: string[] = [];
  constructor(readonly columns: number, readonly rows: number) { super(); }
  isTTY = true;
  write = (frame: string) => { this.frames.push(frame); return true; };
}

class Stdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write = (data: string) => { this.data = data; this.emit('readable'); this.emit('data', data); };
  read = () => { const d = this.data; this.data = null; return d; };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

export const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));

export function mount(tree: ReactElement, columns = 80, rows = 24) {
  const stdout = new Stdout(columns, rows);
  const stdin = new Stdin();
  const instance = render(tree, { stdout: stdout as never, stderr: new Stdout(columns, rows) as never, stdin: stdin as never, debug: true, exitOnCtrlC: false, patchConsole: false });
  return {
    instance,
    frame: () => stdout.frames[stdout.frames.length - 1] ?? '',
    /** Types keys one at a time, as a person does, letting ink render after each. */
    async type(keys: string) { for (const k of keys) { stdin.write(k); await tick(5); } await tick(); },
    async press(seq: string) { stdin.write(seq); await tick(); },
    /** Writes to stdin and returns at once: reads in the same turn of the event loop, as a terminal's split write. */
    write(data: string) { stdin.write(data); },
    /** Writes to stdin with only a short wait: many reads in a row (the robustness tests). */
    async send(data: string, ms = 2) { stdin.write(data); await tick(ms); },
  };
}

export const KEY = { enter: '\r', tab: '\t', esc: '\u001b', up: '\u001b[A', down: '\u001b[B', backspace: '\u007f' };
