// Two repentis texts reaching one offence: the milder reduction applies, and the result says which and what else
// reached it (a choice, stated: README, legal choices).
import { describe, expect, it } from 'vitest';
import { evaluate, loadRules } from '../../src/index.js';
import type { Result } from '../../src/core/contract.js';

const rules = loadRules();
describe('several repentis texts', () => {
  it('a murder as an act of terrorism, judged after loi 2025-532: 221-5-3 (life -> 15 years) and 422-2 (life -> 20 years) both reach it', () => {
    const r = evaluate(rules, { date: '2020-05-01', judgmentDate: '2026-11-29', charges: [{ ref: '221-1', aggravations: ['421-3'], repentis: 'reduced' }] }, { today: '2026-11-29', lang: 'en' }) as Result;
    expect(r.total.prison?.months).toBe(180);
    expect(r.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/other repentis texts also reach this offence \(422-2\).*221-5-3/));
  });
});
