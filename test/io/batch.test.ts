// The bulk path of `quantum batch` against the plain one: same bytes, same records.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, loadRules } from '../../src/index.js';
import { evaluateRecord, type BatchOptions } from '../../src/io/batch.js';
import { blockRecords, LineBlocker, RecordSplitter, type RawRecord } from '../../src/io/records.js';
import { ByteSink } from '../../src/io/sink.js';

const rules = loadRules();
const today = '2026-11-29';
const opts: BatchOptions = { format: 'jsonl', output: 'jsonl', trace: false, today, lang: 'fr', maxChars: 1_000_000, maxCharges: 10_000, maxResult: 32 * 1024 * 1024 };
const jsonWork = { block: { bytes: new Uint8Array(), line: 1, tooLong: [] } };
const offences = [...rules.provisions.values()].filter((p) => p.kind === 'offence').map((p) => p.ref);

const aCase = fc.record({
  id: fc.string({ maxLength: 12 }),
  date: fc.date({ min: new Date('1990-01-01'), max: new Date('2026-11-29'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  legal: fc.boolean(),
  charges: fc.array(fc.record({
    ref: fc.constantFrom(...offences),
    attempt: fc.boolean(),
    amount: fc.option(fc.bigInt({ min: 0n, max: 10n ** 9n }).map(String), { nil: undefined }),
    predicate: fc.option(fc.constantFrom('222-37', '222-34', '324-1', '225-8', '311-3'), { nil: undefined }),
  }), { minLength: 1, maxLength: 5 }),
}).map(({ legal, charges, ...c }) => ({
  ...c, judgmentDate: today, ...(legal ? { offender: { type: 'legal' } } : {}),
  charges: charges.map(({ amount, predicate, ...ch }) => ({ ...ch, ...(amount !== undefined && { amount }), ...(predicate !== undefined && { predicate }) })),
}));

describe('batch output lines', () => {
  it('are byte for byte JSON.stringify of the lean contract result plus the line number', () => {
    // Shared fragments and hand-written totals (io/batch.ts) must give the very text a generic serialiser gives,
    // field order included; each case runs twice so that the second comes from the memo.
    const sink = new ByteSink();
    fc.assert(fc.property(aCase, (c) => {
      for (const line of [1, 2]) {
        evaluateRecord(rules, { line, text: JSON.stringify(c) }, opts, jsonWork, sink);
        const got = Buffer.from(sink.take()).toString('utf8');
        const expected = { ...evaluate(rules, c, { today, lean: true, memo: false }), line };
        expect(got).toBe(`${JSON.stringify(expected)}\n`);
      }
    }), { numRuns: 400 });
  });
});

/** What the record splitter (the reference) makes of a JSON Lines input. */
function reference(input: Buffer, maxChars: number): RawRecord[] {
  const s = new RecordSplitter(false, maxChars);
  return [...s.push(input), ...s.end()].map((r) => (r.tooLong ? { line: r.line, text: '', tooLong: true } : r));
}
function blocked(input: Buffer, cuts: number[], linesPerBlock: number, maxChars: number, flush = false): RawRecord[] {
  const b = new LineBlocker(linesPerBlock, maxChars);
  const blocks = [];
  let at = 0;
  for (const cut of [...cuts.map((c) => c % (input.length + 1)).sort((x, y) => x - y), input.length]) {
    blocks.push(...b.push(input.subarray(at, Math.max(at, cut))));
    if (flush) blocks.push(...b.flush()); // a pipe with nothing more waiting: the whole lines go now
    at = Math.max(at, cut);
  }
  blocks.push(...b.end());
  return blocks.flatMap((bl) => [...blockRecords(bl, maxChars)]);
}

describe('JSON Lines blocks (the input of batch workers)', () => {
  const piece = fc.oneof(fc.constantFrom('\n', '\r\n', '\r', '{"a":1}', '   ', 'é', '€', '😀', '\u2028', '\uFEFF'), fc.string({ maxLength: 30 }));
  it('give the same records, numbers and too-long flags as the record splitter, however the input is cut', () => {
    fc.assert(fc.property(
      fc.boolean(), fc.array(piece, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 8 }), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 10, max: 40 }), fc.boolean(),
      (bom, pieces, cuts, perBlock, maxChars, flush) => {
        const input = Buffer.from((bom ? '\uFEFF' : '') + pieces.join(''));
        // Blank records are skipped by batch either way: the records that count must be the same.
        const counted = (rs: RawRecord[]) => rs.filter((r) => r.tooLong || r.text.trim() !== '');
        expect(counted(blocked(input, cuts, perBlock, maxChars, flush))).toEqual(counted(reference(input, maxChars)));
      },
    ), { numRuns: 2000 });
  });
  it('drop a line far over the limit while it streams, and count the lines after it', () => {
    const input = Buffer.from(`{"ok":1}\n${'x'.repeat(5000)}\n\n{"ok":2}`);
    for (const flush of [false, true]) {
      const recs = blocked(input, [3, 700, 2000, 4990], 2, 100, flush);
      expect(recs).toEqual([
        { line: 1, text: '{"ok":1}' }, { line: 2, text: '', tooLong: true }, { line: 3, text: '' }, { line: 4, text: '{"ok":2}' },
      ]);
    }
  });
});
