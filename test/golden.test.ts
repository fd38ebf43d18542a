// Golden legal cases (test/golden/cases.json): each expectation is derived from the articles named in
// its "why", not from the program's output.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, loadRules } from '../src/index.js';

interface Golden { name: string; why: string; case: unknown; expect: Record<string, any> }
const dir = new URL('./golden/', import.meta.url);
const cases: Golden[] = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
  .flatMap((f) => (JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Golden[]).map((c) => ({ ...c, name: `${f.replace('.json', '')}: ${c.name}` })));
const rules = loadRules(process.env.QUANTUM_TEST_RULES);

function subset(actual: any, expected: any, path: string): void {
  if (expected === null || typeof expected !== 'object') {
    // null expects no value: a field left out (undefined) or null.
    expect(actual ?? null, path).toEqual(expected);
    return;
  }
  if (Array.isArray(expected)) {
    expected.forEach((e, i) => subset(actual?.[i], e, `${path}[${i}]`));
    return;
  }
  for (const [k, v] of Object.entries(expected)) subset(actual?.[k], v, `${path}.${k}`);
}

describe('golden legal cases', () => {
  it('has at least 80 cases, each with the articles behind it', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
    for (const c of cases) expect(c.why, c.name).toMatch(/\d/);
  });
  for (const c of cases) {
    it(`${c.name} — ${c.why}`, () => {
      const out = evaluate(rules, c.case, { today: '2026-11-29' });
      if (c.expect.error) {
        expect(out.ok, JSON.stringify(out)).toBe(false);
        if (!out.ok) expect(out.error.code).toBe(c.expect.error);
        return;
      }
      expect(out.ok, JSON.stringify(out)).toBe(true);
      subset(out, c.expect, 'result');
    });
  }
});
