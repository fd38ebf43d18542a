// Typing into a field of the terminal UI. A terminal may deliver several keys in one read (a held Backspace, a
// paste): each character is applied in turn, and a control character never enters the text.

export interface KeyInfo { backspace?: boolean; delete?: boolean; ctrl?: boolean; meta?: boolean; return?: boolean }

/** The value after a read: backspaces delete, Ctrl-U clears, printable characters are added, the rest ignored. */
export function edit(value: string, input: string, key: KeyInfo): string {
  if (key.ctrl && input === 'u') return '';
  if (key.backspace || key.delete) {
    // ink reports a lone Backspace as a key; several in one read arrive as characters, handled below.
    if (!/[\u0008\u007f]/.test(input)) return value.slice(0, -1);
  }
  if (key.ctrl || key.meta) return value;
  let v = value;
  for (const ch of input) {
    if (ch === '\u007f' || ch === '\u0008') v = v.slice(0, -1);
    else if (ch === '\u0015') v = '';
    else if (!/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(ch)) v += ch;
  }
  return v;
}

/** The text of a paste up to its first line end, and whether it had one (a paste may carry Enter with it). */
export function pasted(input: string): { text: string; enter: boolean } {
  const m = /[\r\n]/.exec(input);
  return m ? { text: input.slice(0, m.index), enter: true } : { text: input, enter: false };
}
