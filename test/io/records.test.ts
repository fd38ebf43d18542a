// The CSV record splitter: RFC 4180 records (a quoted field may span lines), and a stray quote spoils one record,
// never the rest of the file (README, robustness).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecordSplitter, type RawRecord } from '../../src/io/records.js';

function split(input: string, cuts: number[] = [], maxChars = 1000): RawRecord[] {
  const s = new RecordSplitter(true, maxChars, ',');
  const out: RawRecord[] = [];
  let at = 0;
  for (const cut of [...cuts.map((c) => c % (input.length + 1)).sort((x, y) => x - y), input.length]) {
    out.push(...s.push(Buffer.from(input.slice(at, Math.max(at, cut)))));
    at = Math.max(at, cut);
  }
  return [...out, ...s.end()];
}
const texts = (rs: RawRecord[]) => rs.map((r) => `${r.line}:${r.text}`);

describe('CSV records', () => {
  it('a quoted field may hold a line break: one record', () => {
    expect(texts(split('id,refs\n"a\nb",311-3\nc,311-3\n'))).toEqual(['1:id,refs', '2:"a\nb",311-3', '4:c,311-3']);
  });
  it('a quote never closed spoils its own line only; the records after it keep their line numbers', () => {
    expect(texts(split('id,refs\n"open,225-8\nb,311-3\nc,311-3\n'))).toEqual(['1:id,refs', '2:"open,225-8', '3:b,311-3', '4:c,311-3']);
  });
  it('a stray quote closed by a later one does not swallow the lines between', () => {
    expect(texts(split('h\n"x,1\nb,2\nc,3\n"y\nz",4\nd,5\n'))).toEqual(['1:h', '2:"x,1', '3:b,2', '4:c,3', '5:"y', '6:z",4', '7:d,5']);
  });
  it('a quote left open past the length limit: the rest is still read', () => {
    const rest = Array.from({ length: 50 }, (_, i) => `r${i},311-3`).join('\n');
    const got = split(`h\n"open,1\n${rest}\n`, [], 100);
    expect(got.length).toBe(52);
    expect(got.at(-1)).toEqual({ line: 52, text: 'r49,311-3' });
  });
  it('gives the same records however the input is cut into chunks (records within the length limit)', () => {
    const piece = fc.constantFrom('"', '""', ',', '\n', '\r\n', 'a', 'é', '311-3', ' ');
    fc.assert(fc.property(fc.array(piece, { maxLength: 80 }), fc.array(fc.nat(), { maxLength: 6 }), (ps, cuts) => {
      const input = ps.join('');
      expect(split(input, cuts, 10_000)).toEqual(split(input, [], 10_000));
    }), { numRuns: 3000 });
  });
  it('past the limit, whatever the chunks, no record after the long one is lost', () => {
    const piece = fc.constantFrom('"', '""', ',', '\n', 'a', '311-3');
    fc.assert(fc.property(fc.array(piece, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 6 }), fc.integer({ min: 5, max: 40 }), (ps, cuts, max) => {
      const input = `${ps.join('')}\nz\n`;
      expect(split(input, cuts, max).at(-1)).toEqual({ line: input.split('\n').length - 1, text: 'z' });
    }), { numRuns: 2000 });
  });
});
