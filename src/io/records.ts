// Splits a byte stream into records: JSON Lines, or RFC 4180 CSV records (which may span lines inside quotes).
// Handles a BOM, CRLF, multi-byte characters across chunks, and over-long records without buffering them.
import { StringDecoder } from 'node:string_decoder';

export interface RawRecord {
  /** 1-based number of the physical line the record starts on. */
  line: number;
  text: string;
  /** The record exceeded the length limit; its text is empty. */
  tooLong?: boolean;
}

export class RecordSplitter {
  private decoder = new StringDecoder('utf8');
  private buf = '';
  private parts: string[] = [];
  private partLen = 0;
  private tooLong = false;
  private inQuotes = false;
  private started = false;
  private line = 1;        // line the next character is on
  private recLine = 1;     // line the current record started on

  constructor(private readonly csv: boolean, private readonly maxChars: number) {}

  /** Feeds a chunk; returns the records it completes. */
  push(chunk: Buffer | string): RawRecord[] {
    let s = typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    if (!this.started && s.length) {
      this.started = true;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    const out: RawRecord[] = [];
    let start = 0;
    for (let i = this.csv ? 0 : s.indexOf('\n'); i !== -1 && i < s.length; i = this.csv ? i + 1 : s.indexOf('\n', i + 1)) {
      const ch = s.charCodeAt(i);
      if (this.csv && ch === 34 /* " */) { this.inQuotes = !this.inQuotes; continue; }
      if (ch !== 10 /* \n */) continue;
      if (this.inQuotes) { this.line++; continue; }
      this.append(s, start, i);
      out.push(this.finish());
      this.line++;
      this.recLine = this.line;
      start = i + 1;
    }
    this.append(s, start, s.length);
    return out;
  }

  /** Ends the input; returns the last record if the input did not end with a newline. */
  end(): RawRecord[] {
    const rest = this.decoder.end();
    const out = rest ? this.push(rest) : [];
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
    }
    this.parts = [];
    this.partLen = 0;
    this.tooLong = false;
    this.inQuotes = false;
    return rec;
  }
}

/** Fields of one RFC 4180 record ("" escapes a quote inside a quoted field). */
export function csvFields(record: string): string[] | null {
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
      if (i < n && record[i] !== ',') return null; // text after a closing quote
    } else {
      const c = record.indexOf(',', i);
      const end = c === -1 ? n : c;
      const v = record.slice(i, end);
      if (v.includes('"')) return null;
      fields.push(v);
      i = end;
    }
    if (i >= n) return fields;
    i++; // the comma
    if (i === n) { fields.push(''); return fields; }
  }
}

export function csvEscape(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
