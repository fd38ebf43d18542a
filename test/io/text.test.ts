// The text view says where each penalty comes from when 112-1 al. 3 takes custody and fine from different versions.
import { describe, expect, it } from 'vitest';
import { evaluate, loadRules } from '../../src/index.js';
import { formatResult } from '../../src/io/text.js';
import type { Result } from '../../src/core/contract.js';

const rules = loadRules();

describe('text view of a milder later law', () => {
  it('insider dealing by a company in 2015: the fine follows the 2016 text (CMF L465-3-5 I), custody none; the line names that version', () => {
    const r = evaluate(rules, { date: '2015-05-01', judgmentDate: '2026-11-29', offender: { type: 'legal' }, charges: [{ ref: 'CMF L465-1', amount: '100000000' }] }, { today: '2026-11-29' }) as Result;
    const text = formatResult(r, 'fr', { width: 200 });
    expect(text).toMatch(/version en vigueur du 28\/07\/2013 au 03\/07\/2016/);
    expect(text).toMatch(/amende : loi plus douce \(112-1\), version du 03\/07\/2016/);
  });
  it('one version for both: no such line (311-3, unchanged since 1994)', () => {
    const r = evaluate(rules, { date: '2015-05-01', judgmentDate: '2026-11-29', charges: [{ ref: '311-3' }] }, { today: '2026-11-29' }) as Result;
    expect(formatResult(r, 'fr', { width: 200 })).not.toMatch(/loi plus douce \(112-1\), version/);
  });
});
