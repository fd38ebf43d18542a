// When a prior conviction is given but récidive does not apply, the result says why (a NOTE per prior and charge),
// by the furthest condition of 132-8 to 132-16 the prior met: the user is never left guessing.
import { describe, expect, it } from 'vitest';
import { evaluate, loadRules } from '../../src/index.js';
import type { Result } from '../../src/core/contract.js';

const rules = loadRules();
function run(prior: Record<string, string>, ref: string, date: string): Result {
  const r = evaluate(rules, { date, judgmentDate: '2026-11-29', offender: { priors: [prior as never] }, charges: [{ ref }] }, { today: '2026-11-29', lang: 'en' });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r;
}
const notes = (r: Result) => r.warnings.filter((w) => w.code === 'NOTE' && /prior/.test(w.message ?? '')).map((w) => w.message);

describe('a prior that does not make a récidive is explained', () => {
  it('132-10: the five years run from the expiry of the sentence; without it, from the final conviction, and the note says so', () => {
    // 311-3 (3 ans) after a final 311-3 conviction of 2018-01-10, no expiry given: window ends 2023-01-10 < facts.
    const r = run({ ref: '311-3', final: '2018-01-10' }, '311-3', '2024-01-09');
    expect(r.total.prison?.months).toBe(36);
    expect(notes(r)).toEqual([expect.stringMatching(/period ended on .*2023.*not given/)]);
    // With the sentence expired on 2019-06-01 the window runs to 2024-06-01: 132-10 doubles to 6 years, no note.
    const ok = run({ ref: '311-3', final: '2018-01-10', expired: '2019-06-01' }, '311-3', '2024-01-09');
    expect(ok.total.prison?.months).toBe(72);
    expect(notes(ok)).toEqual([]);
  });
  it('132-10 needs the same or an assimilated délit: violence (222-11) then theft (311-3) is not', () => {
    const r = run({ ref: '222-11', final: '2020-01-10', expired: '2021-01-10' }, '311-3', '2024-01-09');
    expect(r.total.prison?.months).toBe(36);
    expect(notes(r)).toEqual([expect.stringMatching(/neither the same offence nor an assimilated one/)]);
  });
  it('a conviction that became final after the facts is no first term (132-8 ff.: "déjà condamnée définitivement")', () => {
    const r = run({ ref: '311-3', final: '2024-02-01' }, '311-3', '2024-01-09');
    expect(notes(r)).toEqual([expect.stringMatching(/not final before the facts/)]);
  });
  it('a 5th-class contravention whose règlement provides no récidive says so (132-11: "dans les cas où le règlement le prévoit")', () => {
    // route R413-14-1 I (excess of 50 km/h, 5th class): its text has no récidive clause (the repeat became a délit, L413-1).
    const r = run({ ref: 'route R413-14-1 I', final: '2023-01-01' }, 'route R413-14-1 I', '2024-05-01');
    expect(notes(r)).toEqual([expect.stringMatching(/règlement does not provide récidive for this contravention/)]);
  });
  it('a prior whose facts predate the law the data holds (the Code pénal before 1994) is said not examined, never "not in force"', () => {
    // 222-23 (1994 code) for 1993 facts: the former code's rape then applied; quantum holds the Code pénal from 1994-03-01.
    const r = evaluate(rules, { date: '1996-01-01', judgmentDate: '2026-11-29', offender: { priors: [{ ref: '222-23', final: '1994-06-01', date: '1993-01-01' }] }, charges: [{ ref: '222-23' }] }, { today: '2026-11-29', lang: 'en' }) as Result;
    const w = r.warnings.filter((x) => /Prior conviction 222-23/.test(x.message ?? '')).map((x) => x.message);
    expect(w).toEqual([expect.stringMatching(/law applicable on its date is not in the data: récidive is not examined/)]);
  });

  it('a prior dated after its conviction became final, or expired before it, is refused at its field', () => {
    // A conviction is final after the facts it judges (and its penalty ends after it is final).
    for (const [prior, path] of [[{ ref: '222-13 al. 1', final: '2022-01-10', date: '2023-01-01' }, 'offender.priors[0].date'], [{ ref: '222-13 al. 1', final: '2022-01-10', expired: '2021-01-01' }, 'offender.priors[0].expired']] as const) {
      const r = evaluate(rules, { date: '2024-05-01', judgmentDate: '2026-11-29', offender: { priors: [prior] }, charges: [{ ref: '222-13 al. 1' }] }, { today: '2026-11-29', lang: 'fr' });
      expect(r.ok).toBe(false);
      if (!r.ok) { expect(r.error.code).toBe('INVALID_CASE'); expect(r.error.path).toBe(path); expect(r.error.message).toMatch(/2022/); }
    }
  });
});
