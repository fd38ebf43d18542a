// Whatever people feed quantum: never a crash, never a stack trace, never a lost line, nothing executed.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, loadRules, RulesError, DEFAULT_RULES_DIR } from '../../src/index.js';

const BIN = new URL('../../bin/quantum.js', import.meta.url).pathname;
const rules = loadRules();
const today = '2026-11-29';
function batch(args: string[], input: string | Buffer) {
  const r = spawnSync(process.execPath, [BIN, 'batch', '--workers', '0', ...args], { input, maxBuffer: 1 << 28 });
  return { code: r.status, lines: r.stdout.toString().split('\n').filter(Boolean), err: r.stderr.toString() };
}
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('adversarial input, library', () => {
  const bad: [string, unknown, string | null][] = [
    ['amount 1e400 as a string', { charges: [{ ref: '324-1', amount: '1e400' }] }, 'charges[0].amount'],
    ['negative amount', { charges: [{ ref: '324-1', amount: '-5' }] }, 'charges[0].amount'],
    ['amount as a JSON number', { charges: [{ ref: '324-1', amount: 2000000 }] }, 'charges[0].amount'],
    ['40-digit amount', { charges: [{ ref: '324-1', amount: '1'.repeat(40) }] }, 'charges[0].amount'],
    ['date out of range', { date: '0001-01-01', charges: [{ ref: '324-1' }] }, 'date'],
    ['impossible date', { date: '2023-02-29', charges: [{ ref: '324-1' }] }, 'date'],
    ['__proto__ key', JSON.parse('{"charges":[{"ref":"324-1"}],"__proto__":{"polluted":true}}'), null],
    ['constructor key', { charges: [{ ref: '324-1', constructor: 'x' }] }, 'charges[0]'],
    ['prototype key', { prototype: {}, charges: [{ ref: '324-1' }] }, null],
    ['unknown field', { charges: [{ ref: '324-1' }], colour: 'blue' }, null],
    ['charges not an array', { charges: 'all of them' }, 'charges'],
    ['a ref as a number', { charges: [{ ref: 3241 }] }, 'charges[0].ref'],
    ['null', null, null],
    ['an array', [{ ref: '324-1' }], null],
  ];
  for (const [name, input, path] of bad) {
    it(`${name}: a clear INVALID_CASE, nothing polluted`, () => {
      const r = evaluate(rules, input, { today });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('INVALID_CASE');
        if (path) expect(r.error.path).toBe(path);
        expect(r.error.message.length).toBeGreaterThan(5);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }
  it('a 30-digit amount is valid and exact (324-3: half of it)', () => {
    const r = evaluate(rules, { date: '2024-05-01', charges: [{ ref: '324-1', amount: '123456789012345678901234567890' }] }, { today });
    expect(r.ok && r.total.fine).toBe('61728394506172839450617283945');
  });
  it('10 000 charges in one case: a correct result', () => {
    const charges = Array.from({ length: 10_000 }, (_, i) => ({ ref: i % 2 ? '311-3' : 'R625-1' }));
    const r = evaluate(rules, { date: '2024-05-01', charges }, { today, trace: false });
    expect(r.ok).toBe(true);
    // 132-7: 5 000 contravention fines of 1 500 € add to 311-3's 45 000 €.
    if (r.ok) expect(r.total.fine).toBe(String(45000 + 5000 * 1500));
    const over = evaluate(rules, { charges: [...charges, { ref: '311-3' }] }, { today });
    expect(!over.ok && over.error.message).toMatch(/au plus 10000 chefs/);
    expect(evaluate(rules, { date: '2024-05-01', charges: [...charges, { ref: '311-3' }] }, { today, maxCharges: 20_000, trace: false }).ok).toBe(true);
  });
  it('random JSON values never throw', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
      const r = evaluate(rules, v, { today });
      expect(typeof r.ok).toBe('boolean');
    }), { numRuns: 500 });
  });
  it('random cases with plausible keys never throw', () => {
    const anyCase = fc.record({
      date: fc.oneof(fc.string(), fc.constant('2024-05-01')),
      offender: fc.record({ type: fc.oneof(fc.constant('legal'), fc.string()), priors: fc.array(fc.record({ ref: fc.string(), final: fc.string() })) }, { requiredKeys: [] }),
      charges: fc.array(fc.record({ ref: fc.oneof(fc.string(), fc.constantFrom('324-1', '450-1', '222-24 8°', 'R625-1')), attempt: fc.boolean(), amount: fc.oneof(fc.string(), fc.constant('100')), predicate: fc.string(), aggravations: fc.array(fc.string()) }, { requiredKeys: ['ref'] })),
    }, { requiredKeys: ['charges'] });
    fc.assert(fc.property(anyCase, (c) => { expect(typeof evaluate(rules, c, { today }).ok).toBe('boolean'); }), { numRuns: 1000 });
  });
});

describe('adversarial input, batch', () => {
  it('random bytes: one record per line, in order, no stack trace', () => {
    const lines = fc.sample(fc.uint8Array({ minLength: 1, maxLength: 200 }), { numRuns: 200, seed: 7 })
      .map((b) => Buffer.from(b).toString('latin1').replace(/[\r\n]/g, ' ').trim() || 'x');
    const r = batch([], Buffer.from(lines.join('\n') + '\n', 'latin1'));
    expect(r.lines).toHaveLength(lines.length);
    expect(r.lines.map((l) => JSON.parse(l).line)).toEqual(lines.map((_, i) => i + 1));
    expect(r.code).toBe(1);
    noStack(r.err);
  });
  it('a line of several megabytes is refused without losing the next line', () => {
    const big = `{"charges":[{"ref":"${'9'.repeat(3_000_000)}"}]}`;
    const r = batch([], `${big}\n{"date":"2024-05-01","charges":[{"ref":"225-5"}]}\n`);
    expect(r.lines).toHaveLength(2);
    expect(JSON.parse(r.lines[0]!).error.code).toBe('PARSE_ERROR');
    expect(JSON.parse(r.lines[1]!).ok).toBe(true);
  });
  it('deeply nested JSON is a PARSE_ERROR or INVALID_CASE record, not a crash', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    const nested = '{"charges":' + '['.repeat(5000) + ']'.repeat(5000) + '}';
    const r = batch([], `${deep}\n${nested}\n`);
    expect(r.lines).toHaveLength(2);
    for (const l of r.lines) expect(['PARSE_ERROR', 'INVALID_CASE']).toContain(JSON.parse(l).error.code);
    noStack(r.err);
  });
  it('--max-charges is an option', () => {
    const c = JSON.stringify({ date: '2024-05-01', charges: [{ ref: '225-5' }, { ref: '225-6' }] });
    expect(JSON.parse(batch(['--max-charges', '1'], c).lines[0]!).error.message).toMatch(/au plus 1 chef dans/);
  });
});

describe('untrusted rules directories', () => {
  function copy(): string {
    const dir = mkdtempSync(join(tmpdir(), 'quantum-untrusted-'));
    cpSync(DEFAULT_RULES_DIR, dir, { recursive: true });
    return dir;
  }
  const fails = (dir: string, pattern: RegExp) => {
    expect(() => loadRules(dir)).toThrow(RulesError);
    try { loadRules(dir); } catch (e) { expect((e as Error).message).toMatch(pattern); }
    const r = spawnSync(process.execPath, [BIN, 'eval', '225-5', '--rules', dir], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('RULES_ERROR');
    noStack(r.stderr);
  };
  it('malformed JSON', () => { const d = copy(); writeFileSync(join(d, 'CP', '225-5.json'), '{"article": "225-5",'); fails(d, /CP\/225-5\.json : JSON invalide/); });
  it('a schema violation names the JSON path', () => {
    const d = copy();
    const j = JSON.parse(readFileSync(join(d, 'CP', '225-5.json'), 'utf8'));
    j.provisions[0].versions[0].penalty.prison.months = -3;
    writeFileSync(join(d, 'CP', '225-5.json'), JSON.stringify(j));
    fails(d, /CP\/225-5\.json à provisions\[0\]\.versions\[0\]\.penalty\.prison\.months : Trop petit/);
  });
  it('a huge file', () => { const d = copy(); writeFileSync(join(d, 'CP', '999-1.json'), `{"x":"${'a'.repeat(3 * 1024 * 1024)}"}`); fails(d, /CP\/999-1\.json : fichier trop gros/); });
  it('a symlink loop and a linked general/ are not followed', () => {
    const d = copy();
    symlinkSync(join(d, 'CP', 'loop.json'), join(d, 'CP', 'loop.json'));
    fails(d, /CP\/loop\.json : n'est pas un fichier ordinaire/);
    const e = copy();
    cpSync(join(e, 'general'), join(e, 'general-real'), { recursive: true });
    spawnSync('rm', ['-rf', join(e, 'general')]);
    symlinkSync(e, join(e, 'general'));
    fails(e, /general : n'est pas un répertoire/);
  });
  it('a JSON file that is not a rule, and a directory named like one', () => {
    const d = copy(); writeFileSync(join(d, 'notes.json'), '[1,2,3]'); fails(d, /notes\.json/);
    const e = copy(); mkdirSync(join(e, 'CP', '999-2.json')); fails(e, /CP\/999-2\.json : n'est pas un fichier ordinaire/);
  });
  it('rules are data: a string that looks like code stays a string', () => {
    const d = copy();
    const j = JSON.parse(readFileSync(join(d, 'CP', '225-5.json'), 'utf8'));
    j.provisions[0].label.fr = '${process.exit(9)} `rm -rf /` <script>alert(1)</script>';
    writeFileSync(join(d, 'CP', '225-5.json'), JSON.stringify(j));
    const r = spawnSync(process.execPath, [BIN, 'eval', '225-5', '--rules', d, '--date', '2024-05-01'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('${process.exit(9)}');
  });
});
