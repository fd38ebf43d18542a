// 112-1: facts before a provision existed. When an item of another text punished the same conduct before it moved
// here (`movedTo`), the result names that ref, so a user charges it (presse 24 al. 6 became 421-2-5 in 2014).
import { describe, expect, it } from 'vitest';
import { evaluate, loadRules } from '../../src/index.js';
import type { Result } from '../../src/core/contract.js';

const rules = loadRules();
const run = (date: string, ref: string, judgmentDate = '2016-01-10') => evaluate(rules, { date, judgmentDate, charges: [{ ref }] }, { today: '2026-11-29', lang: 'en' }) as Result;

describe('earlier conduct under a moved item', () => {
  it('421-2-5 before 2014-11-15 points to presse 24 al. 6 (loi 2014-1353), which punishes the 2014 facts', () => {
    const r = run('2014-11-10', '421-2-5 al. 2');
    expect(r.charges[0]!.reason).toBe('NOT_YET_IN_FORCE');
    expect(r.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/punished by presse 24 al\. 6/));
    // 24 al. 6 (1881 law, text of 1994): the penalties of al. 1, 5 ans and 45 000 €.
    expect(run('2014-11-10', 'presse 24 al. 6').total.prison?.months).toBe(60);
  });
  it('an aggravated tier charged before it existed names the tiers then in force (226-1 al. 7, loi 2020-936)', () => {
    const r = run('2019-05-01', '226-1 al. 7', '2026-11-29');
    expect(r.charges[0]!.reason).toBe('NOT_YET_IN_FORCE');
    expect(r.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/the article had 226-1 al\. 1/));
  });
});
