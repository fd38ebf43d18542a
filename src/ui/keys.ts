// The keyboard, read by quantum itself rather than by ink's useInput: ink 6.8 throws on some escape sequences it
// cannot name (ESC[31m, ESC[0m, ESC[5n: a key marked ctrl with no name, then `undefined.startsWith`), from its own
// stdin listener, where nothing of ours can catch it. Here every sequence is split off whole (CSI, SS3, OSC and
// the other strings), the few keys the UI uses are named, and everything else is dropped: no input reaches ink.
import { useEffect, useRef } from 'react';
import { useStdin } from 'ink';
import type { KeyEvent } from './state.js';

const ESC = '\u001b';
/** An unfinished sequence longer than this is not a terminal's: dropped rather than held forever. */
const MAX_PENDING = 4096;
/** ESC then one of these opens a string (OSC, DCS, SOS, PM, APC) that ends with BEL or ST (ESC \ or U+009C). */
const STRING_OPENERS = new Set([']', 'P', 'X', '^', '_']);

type Piece = { kind: 'text' | 'seq' | 'drop'; text: string };

/** The end of a CSI starting at `i` (ESC [): index after its final byte, 'pending' if cut off, -1 if malformed. */
function csiEnd(s: string, i: number): number | 'pending' {
  let j = i + 2;
  if (s[j] === '[') j++; // the Linux console's F1-F5: ESC [ [ A
  for (; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c >= 0x20 && c <= 0x3f) continue; // parameter and intermediate bytes
    return c >= 0x40 && c <= 0x7e ? j + 1 : -1;
  }
  return 'pending';
}

/** The end of a control string starting at `i` (ESC ] …): index after its BEL or ST, or 'pending'. */
function stringEnd(s: string, i: number): number | 'pending' {
  for (let j = i + 2; j < s.length; j++) {
    if (s[j] === '\u0007' || s[j] === '\u009c') return j + 1;
    if (s[j] === ESC) return s[j + 1] === '\\' ? j + 2 : j + 1 < s.length ? j : 'pending';
  }
  return 'pending';
}

/** The piece starting at an ESC at `i`, and where the next begins; null when the data stops inside it. */
function escapePiece(s: string, i: number): { piece: Piece; next: number } | null {
  const c = s[i + 1];
  if (c === undefined) return null; // a lone ESC: the Escape key, or the start of a sequence still on its way
  const done = (kind: Piece['kind'], end: number | 'pending') => (end === 'pending' ? null : end < 0 ? { piece: { kind: 'drop' as const, text: s.slice(i, i + 2) }, next: i + 2 } : { piece: { kind, text: s.slice(i, end) }, next: end });
  if (c === '[') return done('seq', csiEnd(s, i));
  if (c === 'O') return s.length < i + 3 ? null : { piece: { kind: 'seq', text: s.slice(i, i + 3) }, next: i + 3 };
  if (STRING_OPENERS.has(c)) return done('drop', stringEnd(s, i));
  // ESC ESC: the first is the Escape key (or Alt on a sequence, which the UI does not use).
  if (c === ESC) return { piece: { kind: 'seq', text: ESC }, next: i + 1 };
  // ESC and a character: Alt with that key, one code point.
  const cp = s.codePointAt(i + 1)!;
  return { piece: { kind: 'seq', text: s.slice(i, i + 1 + (cp > 0xffff ? 2 : 1)) }, next: i + 1 + (cp > 0xffff ? 2 : 1) };
}

/**
 * A read split into pieces: runs of text (a paste stays one piece, as with ink), sequences, and what is to be
 * dropped; `rest` is an unfinished sequence at the end, to be completed by the next read (or, if none comes at
 * once, a lone ESC is the Escape key).
 */
export function splitKeys(data: string): { pieces: Piece[]; rest: string } {
  const pieces: Piece[] = [];
  let i = 0;
  while (i < data.length) {
    const e = data.indexOf(ESC, i);
    if (e !== i) {
      pieces.push({ kind: 'text', text: data.slice(i, e < 0 ? data.length : e) });
      if (e < 0) break;
    }
    const p = escapePiece(data, e);
    if (!p) {
      const rest = data.slice(e);
      return { pieces: rest.length > MAX_PENDING ? [...pieces, { kind: 'drop', text: rest }] : pieces, rest: rest.length > MAX_PENDING ? '' : rest };
    }
    pieces.push(p.piece);
    i = p.next;
  }
  return { pieces, rest: '' };
}

const NO_KEY = {};
/** A CSI or SS3 sequence as the key the UI knows, or null (F-keys, Insert, colours, reports…: ignored). */
function namedKey(seq: string): KeyEvent['key'] | null {
  const final = seq[seq.length - 1]!;
  const params = seq.slice(2, -1);
  // Arrows may carry modifiers (ESC [ 1 ; 5 A): the direction is what counts. Other parameters: not an arrow.
  if (/^(?:1(?:;\d{1,3})?)?$/.test(params) || seq[1] === 'O') {
    if (final === 'A') return { upArrow: true };
    if (final === 'B') return { downArrow: true };
    if (final === 'Z' && seq[1] === '[') return { tab: true };
    if ('CDHFEPQRS'.includes(final)) return NO_KEY; // left, right, home, end, F1-F4: nothing in the UI
  }
  if (final === '~') {
    const n = params.split(';')[0];
    if (n === '5') return { pageUp: true };
    if (n === '6') return { pageDown: true };
    if (n === '3') return { delete: true };
  }
  return null;
}

/**
 * Several keys in one read (typed fast, sent over a slow link, pasted): each control key (Enter, Tab, Backspace,
 * Ctrl-letter) is its own event, and so is each character of a short run (a command key among them must act); a long
 * run of printable text (a paste into a field) stays whole.
 */
export function splitText(p: Piece): Piece[] {
  if (p.kind !== 'text' || p.text.length === 1) return [p];
  const out: Piece[] = [];
  for (const run of p.text.match(/[\u0000-\u001f\u007f]|[^\u0000-\u001f\u007f]+/g) ?? []) {
    if (run.length > 1 && run.length <= 8) for (const ch of run) out.push({ kind: 'text', text: ch });
    else out.push({ kind: 'text', text: run });
  }
  return out;
}

/** One piece as the event the reducer reads, or null when it means nothing here. */
export function keyEvent(p: Piece): KeyEvent | null {
  if (p.kind === 'drop') return null;
  if (p.kind === 'seq') {
    if (p.text === ESC) return { input: '', key: { escape: true, meta: true } };
    if (p.text[1] === '[' || p.text[1] === 'O') {
      const key = namedKey(p.text);
      return key && key !== NO_KEY ? { input: '', key } : null;
    }
    return { input: p.text.slice(1), key: { meta: true } }; // Alt and a key
  }
  const t = p.text;
  if (t.length !== 1) return { input: t, key: {} }; // several characters in one read: typed fast, or pasted
  if (t === '\r') return { input: t, key: { return: true } };
  if (t === '\t') return { input: '', key: { tab: true } };
  if (t === '\u007f') return { input: '', key: { delete: true } };
  if (t === '\b') return { input: '', key: { backspace: true } };
  const c = t.charCodeAt(0);
  // Ctrl and a letter (Ctrl-U clears a field); line feed stays a character (a paste's Enter).
  if (c >= 1 && c <= 26 && t !== '\n') return { input: String.fromCharCode(c + 96), key: { ctrl: true } };
  return { input: t, key: {} };
}

/**
 * Calls `onKey` for each key read from ink's stdin, in raw mode while mounted; Ctrl-C calls `onQuit`. An exception
 * from the UI's handling goes to `onError` (the UI then ends with an internal error), never out of the listener.
 */
export function useKeys(onKey: (ev: KeyEvent) => void, onQuit: () => void, onError: (e: unknown) => void): void {
  const { stdin } = useStdin();
  // The latest handlers, so the listener is attached once for the UI's life.
  const handlers = useRef({ onKey, onQuit, onError });
  handlers.current = { onKey, onQuit, onError };
  useEffect(() => {
    let rest = '';
    let flush: NodeJS.Immediate | undefined;
    const emit = (pieces: Piece[]) => {
      for (const p of pieces.flatMap(splitText)) {
        if (p.kind === 'text' && p.text === '\u0003') { handlers.current.onQuit(); return; }
        const ev = keyEvent(p);
        if (ev) handlers.current.onKey(ev);
      }
    };
    const guarded = (f: () => void) => { try { f(); } catch (e) { handlers.current.onError(e); } };
    const onReadable = () => guarded(() => {
      if (flush) clearImmediate(flush);
      let chunk: string | Buffer | null;
      while ((chunk = stdin.read() as string | Buffer | null) !== null) {
        const split = splitKeys(rest + String(chunk));
        rest = split.rest;
        emit(split.pieces);
      }
      // What is left when the read is over: a lone ESC is the Escape key; a cut sequence is dropped (as ink does,
      // after the same wait: the rest of a sequence arrives within the same turn of the event loop).
      if (rest) flush = setImmediate(() => guarded(() => { const r = rest; rest = ''; if (r === ESC) emit([{ kind: 'seq', text: ESC }]); }));
    });
    stdin.setEncoding('utf8');
    if (stdin.isTTY) stdin.setRawMode(true);
    stdin.ref();
    stdin.on('readable', onReadable);
    return () => {
      if (flush) clearImmediate(flush);
      stdin.off('readable', onReadable);
      if (stdin.isTTY) stdin.setRawMode(false);
      stdin.unref();
    };
  }, [stdin]);
}
