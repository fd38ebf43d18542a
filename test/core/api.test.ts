// The library's streaming API and batch keep every field and every case (README "Library API", contract).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { evaluateMany, loadRules } from '../../src/index.js';

const rules = loadRules();
const BIN = new URL('../../bin/quantum.js', import.meta.url).pathname;

describe('evaluateMany', () => {
  it('one outcome per case, in order, for hostile items too: a throwing proxy is an error, a "then" method is not followed', async () => {
    const items: unknown[] = [
      new Proxy({}, { get() { throw new Error('trap'); } }),
      { date: '2024-05-01', charges: [{ ref: '311-3' }], then(res: (v: unknown) => void) { res({ charges: [{ ref: '222-37' }] }); } },
      { date: '2024-05-01', charges: [{ ref: '311-3' }], then() { /* never resolves */ } },
      { date: '2024-05-01', charges: [{ ref: '311-3' }] },
    ];
    const out = [];
    for await (const o of evaluateMany(rules, items, { today: '2026-11-29' })) out.push(o.ok ? o.charges[0]!.ref : o.error.code);
    expect(out).toEqual(['INVALID_CASE', '311-3', '311-3', '311-3']);
  });
});

describe('batch lines', () => {
  it('say when the judgment date was defaulted, as eval and the library do', () => {
    const r = spawnSync(process.execPath, [BIN, 'batch', '-'], { input: '{"date":"2024-05-01","charges":[{"ref":"311-3"}]}\n', encoding: 'utf8' });
    expect(JSON.parse(r.stdout.trim()).judgmentDateDefault).toBe(true);
  });
});
