// Splits a byte stream into records: JSON Lines, or RFC 4180 CSV records (which may span lines inside quotes).
// Handles a BOM, CRLF, multi-byte characters across chunks, and over-long records without buffering them.
import { isUtf8 } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import { sanitizeLines } from './terminal.js';

export interface RawRecord {
  /** 1-based number of the physical line the record starts on. */
  line: number;
  text: string;
  /** The record exceeded the length limit; its text is empty. */
  tooLong?: boolean;
  /** The record's bytes are not valid UTF-8 (its text, decoded with U+FFFD, is not what was meant). */
  badUtf8?: boolean;
}

/**
 * Put at the end of a line whose bytes are not valid UTF-8, in the text RecordSplitter decodes: a lone surrogate,
 * which decoding UTF-8 never yields, so it cannot come from the input.
 */
export const BAD_UTF8 = '\udc00';

/** How many bytes at the end of `b` begin a character that is not complete yet (0 to 3). */
function cutCharacter(b: Uint8Array): number {
  for (let i = 1; i <= Math.min(3, b.length); i++) {
    const c = b[b.length - i]!;
    if ((c & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead
    if (c < 0xc0) return 0;
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
    return need > i ? i : 0;
  }
  return 0;
}

/** The numbers of the lines of `bytes` (from `first`) that are not valid UTF-8. */
function badLines(bytes: Uint8Array, first: number): Set<number> {
  const bad = new Set<number>();
  for (let start = 0, line = first; start < bytes.length; line++) {
    let nl = bytes.indexOf(10, start);
    if (nl === -1) nl = bytes.length;
    if (!isUtf8(bytes.subarray(start, nl))) bad.add(line);
    start = nl + 1;
  }
  return bad;
}

export class RecordSplitter {
  private decoder = new StringDecoder('utf8');
  /** The start of a character cut at the end of the last chunk, and whether a line was not valid UTF-8. */
  private tail: Uint8Array = new Uint8Array(0);
  private sawBadUtf8 = false;
  private parts: string[] = [];
  private partLen = 0;
  private tooLong = false;
  // CSV state: a quote opens a field only at its start; "" inside quotes is a quote; a quote anywhere else makes
  // the record invalid (it ends at the next line end, never swallowing the records after it). A quoted field may
  // span lines; one still open at the end of the input or past the length limit was a stray quote: its record ends
  // at its first line end, and from there on a line end always ends a record (strict), so the rest is kept.
  private inQuotes = false;
  private strict = false;
  private fieldStart = true;
  private afterQuote = false;
  private started = false;
  private line = 1;        // line the next character is on
  private recLine = 1;     // line the current record started on
  /** The CSV delimiter: given, or taken from the first record (the header) when "auto". */
  delimiter: ',' | ';' | 'auto';

  constructor(private readonly csv: boolean, private readonly maxChars: number, delimiter: ',' | ';' | 'auto' = ',') {
    this.delimiter = delimiter;
  }

  /** Feeds a chunk; returns the records it completes. */
  push(chunk: Buffer | string): RawRecord[] {
    let s = typeof chunk === 'string' ? chunk : this.decode(chunk);
    if (!this.started && s.length) {
      this.started = true;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    const out: RawRecord[] = [];
    this.feed(s, out);
    return out;
  }

  /**
   * A chunk decoded; a line with bytes that are not UTF-8 gets BAD_UTF8 at its end, so its record is refused
   * rather than read with U+FFFD in place of what was meant. The check is one pass over the bytes (isUtf8).
   */
  private decode(chunk: Buffer): string {
    const s = this.decoder.write(chunk);
    const all = this.tail.length ? Buffer.concat([this.tail, chunk]) : chunk;
    const cut = cutCharacter(all);
    this.tail = new Uint8Array(all.subarray(all.length - cut));
    const whole = all.subarray(0, all.length - cut);
    if (isUtf8(whole)) return s;
    this.sawBadUtf8 = true;
    const pieces = s.split('\n');
    // Line ends are the same in the bytes and in the text (a byte 10 is never part of a character).
    const bytes = pieces.length === whole.reduce((n, b) => n + (b === 10 ? 1 : 0), 1) ? whole : null;
    let start = 0;
    return pieces.map((p) => {
      let nl = bytes ? bytes.indexOf(10, start) : -1;
      if (nl === -1) nl = whole.length;
      const bad = bytes ? !isUtf8(bytes.subarray(start, nl)) : p.includes('\ufffd');
      start = nl + 1;
      return !bad ? p : p.endsWith('\r') ? `${p.slice(0, -1)}${BAD_UTF8}\r` : p + BAD_UTF8;
    }).join('\n');
  }

  private feed(s: string, out: RawRecord[]): void {
    let start = 0;
    for (let i = this.csv ? 0 : s.indexOf('\n'); i !== -1 && i < s.length; i = this.csv ? i + 1 : s.indexOf('\n', i + 1)) {
      const ch = s.charCodeAt(i);
      if (this.csv && ch !== 10) {
        const wasQuoted = this.inQuotes;
        const bad = this.csvChar(ch, s, i);
        // A quoted span over lines that closes on a stray quote, or closes past the limit: read again by lines.
        if ((bad || (wasQuoted && !this.inQuotes && this.over(start, i))) && this.spanned()) { this.resync(s, start, out, false); return; }
        continue;
      }
      if (ch !== 10) continue;
      if (this.inQuotes && !this.strict) {
        this.line++;
        if (this.over(start, i)) { this.resync(s, start, out, true); return; }
        continue;
      }
      this.append(s, start, i);
      out.push(this.finish());
      this.line++;
      this.recLine = this.line;
      start = i + 1;
    }
    if (this.spanned() && this.inQuotes && !this.tooLong && this.over(start, s.length)) { this.resync(s, start, out, false); return; }
    this.append(s, start, s.length);
  }

  /** The record being read went over a line end inside quotes (CSV, before any stray quote was met). */
  private spanned(): boolean {
    return !this.strict && this.line > this.recLine;
  }

  /** The record being read, up to s[i], is longer than the limit. */
  private over(start: number, i: number): boolean {
    return this.tooLong || this.partLen + (i - start) > this.maxChars;
  }

  /**
   * A quote left open (to the end of the input, past the limit, or closed by a stray quote): the record is its first
   * line, and everything after it is read again with every line end ending a record (strict), so nothing is lost.
   * Decided on the text alone within the length limit; past it, where the long record is cut may depend on how
   * the input arrives, but the records after it are read either way.
   */
  private resync(s: string, start: number, out: RawRecord[], atLineEnd: boolean): void {
    if (this.tooLong) {
      // Its text was dropped past the limit: the record ends at this line end (or the next); then line by line.
      const nl = s.indexOf('\n', start);
      out.push(this.finish());
      this.strict = true;
      if (nl !== -1 && !atLineEnd) this.line++;
      this.recLine = this.line;
      if (nl !== -1) this.feed(s.slice(nl + 1), out);
      return;
    }
    const text = this.parts.join('') + s.slice(start);
    const nl = text.indexOf('\n');
    this.parts = [];
    this.partLen = 0;
    this.append(text, 0, nl === -1 ? text.length : nl);
    out.push(this.finish());
    this.strict = true;
    this.line = this.recLine + 1;
    this.recLine = this.line;
    if (nl !== -1) this.feed(text.slice(nl + 1), out);
  }

  /**
   * One CSV character (not a line feed): quotes open and close fields, the delimiter starts a field. True when it
   * shows the record malformed: text after a closing quote.
   */
  private csvChar(ch: number, s: string, i: number): boolean {
    if (this.delimiter === 'auto') this.delimiter = guessDelimiter(s, i);
    const delim = this.delimiter.charCodeAt(0);
    if (this.inQuotes) {
      if (ch === 34 /* " */) { this.inQuotes = false; this.afterQuote = true; }
      return false;
    }
    if (this.afterQuote) {
      this.afterQuote = false;
      if (ch === 34) { this.inQuotes = true; return false; } // "" inside a quoted field
      if (ch !== delim && ch !== 13 /* \r */) { this.fieldStart = false; return true; }
    }
    if (ch === 34 && this.fieldStart) { this.inQuotes = true; this.fieldStart = false; return false; }
    this.fieldStart = ch === delim;
    return false;
  }

  /** Ends the input; returns the last record if the input did not end with a newline. */
  end(): RawRecord[] {
    if (this.tail.length && !isUtf8(this.tail)) { this.sawBadUtf8 = true; this.push(BAD_UTF8); this.tail = new Uint8Array(0); }
    const rest = this.decoder.end();
    const out = rest ? this.push(rest) : [];
    if (this.inQuotes && !this.strict && (this.partLen > 0 || this.tooLong)) this.resync('', 0, out, true);
    if (this.partLen > 0 || this.tooLong) out.push(this.finish());
    return out;
  }

  private append(s: string, from: number, to: number): void {
    if (to <= from || this.tooLong) return;
    if (this.partLen + (to - from) > this.maxChars) {
      this.tooLong = true;
      this.parts = [];
      this.partLen = 0;
      return;
    }
    this.parts.push(from === 0 && to === s.length ? s : s.slice(from, to));
    this.partLen += to - from;
  }

  private finish(): RawRecord {
    const rec: RawRecord = { line: this.recLine, text: '' };
    if (this.tooLong) rec.tooLong = true;
    else {
      let t = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
      if (t.endsWith('\r')) t = t.slice(0, -1);
      rec.text = t;
      if (this.sawBadUtf8 && t.includes(BAD_UTF8)) rec.badUtf8 = true;
    }
    this.parts = [];
    this.partLen = 0;
    this.tooLong = false;
    this.inQuotes = false;
    this.afterQuote = false;
    this.fieldStart = true;
    return rec;
  }
}

/** The delimiter of a CSV file, from its first line: ";" (the French spreadsheet default) when it has more of them. */
function guessDelimiter(s: string, from: number): ',' | ';' {
  const nl = s.indexOf('\n', from);
  const head = s.slice(from, nl === -1 ? s.length : nl);
  let commas = 0, semis = 0;
  for (const c of head.replace(/"[^"]*"/g, '')) { if (c === ',') commas++; else if (c === ';') semis++; }
  return semis > commas ? ';' : ',';
}

/** Fields of one RFC 4180 record ("" escapes a quote inside a quoted field); null when the quotes are wrong. */
export function csvFields(record: string, delimiter = ','): string[] | null {
  const fields: string[] = [];
  let i = 0;
  const n = record.length;
  while (true) {
    if (record[i] === '"') {
      let v = '';
      i++;
      while (true) {
        const q = record.indexOf('"', i);
        if (q === -1) return null; // unterminated quote
        v += record.slice(i, q);
        if (record[q + 1] === '"') { v += '"'; i = q + 2; continue; }
        i = q + 1;
        break;
      }
      fields.push(v);
      if (i < n && record[i] !== delimiter) return null; // text after a closing quote
    } else {
      const c = record.indexOf(delimiter, i);
      const end = c === -1 ? n : c;
      const v = record.slice(i, end);
      if (v.includes('"')) return null; // a quote inside an unquoted field
      fields.push(v);
      i = end;
    }
    if (i >= n) return fields;
    i++; // the delimiter
    if (i === n) { fields.push(''); return fields; }
  }
}

/** A CSV cell: quoted when it holds a delimiter, a quote or a line break. */
export function csvEscape(v: string): string {
  return /[",;\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * A cell that a spreadsheet would run as a formula (OWASP "CSV injection": a leading =, +, -, @, tab or CR) is
 * neutralised: prefixed with an apostrophe and quoted. `raw` keeps the bytes.
 */
export function csvCell(v: string, raw = false): string {
  if (raw) return csvEscape(v);
  // Control characters from input (an id, a ref in a message) are shown as \u{…}, as in every text view.
  const safe = sanitizeLines(v);
  if (/^[=+\-@\t\r]/.test(safe)) return `"'${safe.replace(/"/g, '""')}"`;
  return csvEscape(safe);
}

/** Consecutive JSON Lines as UTF-8 bytes, cut at line ends: the unit a batch worker decodes and evaluates. */
export interface LineBlock {
  bytes: Uint8Array;
  /** The number of the block's first line. */
  line: number;
  /** Lines dropped because they were too long (each left as an empty line in `bytes`). */
  tooLong: number[];
}

/**
 * Cuts a JSON Lines byte stream into blocks of whole lines without decoding it: the thread that reads the input
 * only looks for newline bytes, and the decoding and parsing happen where the block is evaluated. A line longer
 * than 3 bytes per allowed character is surely too long (no character takes more) and is dropped as it streams,
 * so memory stays bounded; shorter lines are measured exactly, in characters, by `blockRecords`.
 */
export class LineBlocker {
  private parts: Uint8Array[] = [];  // bytes of the block being built (whole lines, then the line being read)
  private curLen = 0;                // bytes of the line being read already in `parts`
  private dropping = false;          // the line being read is too long: its bytes are not kept
  private lines = 0;                 // whole lines in the block being built
  private line = 1;                  // number of the block's first line
  private tooLong: number[] = [];
  private readonly maxBytes: number;

  /** Buffers of blocks already evaluated, given back (reuse): a long run then allocates almost nothing. */
  private spare: ArrayBuffer[] = [];

  /** Bytes of whole lines in the block being built: a block is also cut at `maxBlockBytes`, whatever its lines. */
  private blockBytes = 0;

  constructor(private readonly linesPerBlock: number, maxChars: number, private readonly maxBlockBytes = 4 * 1024 * 1024) {
    this.maxBytes = 3 * maxChars;
  }

  reuse(b: ArrayBuffer): void {
    if (this.spare.length < 16) this.spare.push(b);
  }

  /** Feeds a chunk; returns the blocks it completes. Works on offsets: no object per line on this thread. */
  push(chunk: Uint8Array): LineBlock[] {
    const out: LineBlock[] = [];
    let saved = 0;      // chunk[0, saved) is in `parts` (or was dropped)
    let lineStart = 0;  // where the line being read starts in this chunk (0: in an earlier chunk)
    const save = (to: number) => { if (to > saved) this.parts.push(chunk.subarray(saved, to)); saved = to; };
    for (;;) {
      const nl = chunk.indexOf(10, lineStart);
      if (nl === -1) {
        if (!this.dropping && this.curLen + (chunk.length - lineStart) > this.maxBytes) {
          this.dropping = true;
          this.dropTail(this.curLen);
          save(lineStart);
          saved = chunk.length;
        }
        if (!this.dropping) { this.curLen += chunk.length - lineStart; save(chunk.length); }
        return out;
      }
      if (this.dropping || this.curLen + (nl - lineStart) > this.maxBytes) {
        // A line too long is left as an empty line, and its number is kept.
        if (!this.dropping) this.dropTail(this.curLen);
        save(lineStart);
        this.parts.push(NEWLINE);
        saved = nl + 1;
        this.tooLong.push(this.line + this.lines);
      }
      this.blockBytes += this.dropping ? 1 : this.curLen + (nl - lineStart) + 1;
      this.dropping = false;
      this.curLen = 0;
      this.lines++;
      lineStart = nl + 1;
      if (this.lines >= this.linesPerBlock || this.blockBytes >= this.maxBlockBytes) { save(nl + 1); out.push(this.block()); }
    }
  }

  /**
   * The whole lines read so far as a block, even short of `linesPerBlock` (the line being read stays): a pipe
   * whose writer waits for each answer (a script feeding one case at a time) gets it without a full block.
   */
  flush(): LineBlock[] {
    if (this.lines === 0) return [];
    const tail: Uint8Array[] = [];
    let n = this.dropping ? 0 : this.curLen; // a line being dropped kept no bytes
    while (n > 0) {
      const last = this.parts.pop()!;
      if (last.length > n) { this.parts.push(last.subarray(0, last.length - n)); tail.unshift(last.subarray(last.length - n)); break; }
      tail.unshift(last);
      n -= last.length;
    }
    const b = this.block();
    this.parts = tail;
    return [b];
  }

  /** The input ended: the last line (even without a newline) and the last block. */
  end(): LineBlock[] {
    if (this.curLen > 0 || this.dropping) {
      if (this.dropping) this.tooLong.push(this.line + this.lines);
      this.parts.push(NEWLINE);
      this.lines++;
    }
    this.curLen = 0;
    this.dropping = false;
    return this.lines > 0 ? [this.block()] : [];
  }

  /** Removes the last `n` bytes of `parts` (the start of a line found too long). */
  private dropTail(n: number): void {
    while (n > 0) {
      const last = this.parts.pop()!;
      if (last.length > n) { this.parts.push(last.subarray(0, last.length - n)); return; }
      n -= last.length;
    }
  }

  private block(): LineBlock {
    // One copy, into memory of its own: the block can then be moved to a worker rather than cloned.
    let size = 0;
    for (const p of this.parts) size += p.length;
    const spare = this.spare.pop();
    const bytes = spare && spare.byteLength >= size ? new Uint8Array(spare, 0, size) : new Uint8Array(new ArrayBuffer(Math.ceil(size * 1.25)), 0, size);
    let at = 0;
    for (const p of this.parts) { bytes.set(p, at); at += p.length; }
    const b: LineBlock = { bytes, line: this.line, tooLong: this.tooLong };
    this.line += this.lines;
    this.parts = [];
    this.lines = 0;
    this.blockBytes = 0;
    this.tooLong = [];
    return b;
  }
}
const NEWLINE = new Uint8Array([10]);

/** The records of a block, in order, with their line numbers; `maxChars` as in RecordSplitter (CR included). */
export function* blockRecords(b: LineBlock, maxChars: number): Generator<RawRecord> {
  let text = Buffer.from(b.bytes.buffer, b.bytes.byteOffset, b.bytes.byteLength).toString('utf8');
  // Bytes that are not UTF-8 would be read as U+FFFD, silently: their lines are refused (one fast pass when none).
  const badUtf8 = isUtf8(b.bytes) ? null : badLines(b.bytes, b.line);
  if (b.line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a BOM starts the input, not a case
  const dropped = b.tooLong.length ? new Set(b.tooLong) : null;
  let line = b.line;
  for (let start = 0; start < text.length; line++) {
    let nl = text.indexOf('\n', start);
    if (nl === -1) nl = text.length;
    if (dropped?.has(line) || nl - start > maxChars) yield { line, text: '', tooLong: true };
    else if (badUtf8?.has(line)) yield { line, text: '', badUtf8: true };
    else yield { line, text: text.charCodeAt(nl - 1) === 13 && nl > start ? text.slice(start, nl - 1) : text.slice(start, nl) };
    start = nl + 1;
  }
}
