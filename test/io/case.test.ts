// The messages a user reads when a case is invalid: our own wording where the schema sets one, zod's English
// wording otherwise (src/io/case.ts runs on zod/mini, which has no messages until a locale is configured).
import { describe, expect, it } from 'vitest';
import { parseCase } from '../../src/io/case.js';

const msg = (input: unknown, max?: number) => {
  const r = parseCase(input, { ...(max !== undefined && { maxCharges: max }), lang: 'en' });
  return r.ok ? 'ok' : `${r.error.path} | ${r.error.message}`;
};

describe('parseCase messages', () => {
  it('uses the schema\'s own wording for dates, amounts and refs', () => {
    expect(msg({ date: '2020-13-01', charges: [{ ref: '222-7' }] })).toBe('date | date: is not a real calendar date (YYYY-MM-DD)');
    expect(msg({ date: '2020/05/01', charges: [{ ref: '222-7' }] })).toBe('date | date: must be a date YYYY-MM-DD');
    expect(msg({ date: '1800-01-01', charges: [{ ref: '222-7' }] })).toBe('date | date: must be a date between 1900 and 2199');
    expect(msg({ charges: [{ ref: '324-1', amount: 5 }] })).toBe('charges[0].amount | charges[0].amount: must be a decimal string of euros, e.g. "2000000" (not a JSON number)');
    expect(msg({ charges: [{ ref: '' }] })).toBe('charges[0].ref | charges[0].ref: must be a provision reference such as "323-3-2 III"');
    expect(msg({ charges: [] })).toBe('charges | charges: a case needs at least one charge');
    expect(msg({ charges: [{ ref: 'a' }, { ref: 'b' }, { ref: 'c' }] }, 2)).toBe('charges | charges: at most 2 charges in a case (see --max-charges)');
  });
  it('names unknown fields', () => {
    expect(msg({ charges: [{ ref: 'a', foo: 1 }] })).toBe('charges[0] | charges[0]: unknown field "foo"');
  });
  it('says what is wrong in words, not a bare "Invalid input"; a type by its name in the language (new-user pass ux20)', () => {
    const fr = (input: unknown) => { const r = parseCase(input, { lang: 'fr' }); return r.ok ? 'ok' : r.error.message; };
    expect(fr([])).toBe('type invalide : un objet est attendu, pas un tableau');
    expect(fr({ charges: {} })).toBe('charges: type invalide : un tableau est attendu, pas un objet');
    expect(fr({ charges: [{ ref: '311-3', attempt: 'oui' }] })).toBe('charges[0].attempt: type invalide : un booléen (true ou false) est attendu, pas une chaîne');
    expect(msg({ charges: [{ ref: 'a', attempt: 'yes' }] })).toBe('charges[0].attempt | charges[0].attempt: wrong type: a boolean (true or false) is expected, not a string');
    expect(msg({ charges: [{ ref: '450-1', predicate: '' }] })).toBe('charges[0].predicate | charges[0].predicate: Too small: expected string to have >=1 characters');
    expect(msg({ offender: { type: 'robot' }, charges: [{ ref: 'a' }] })).toBe('offender.type | offender.type: Invalid option: expected one of "natural"|"legal"');
  });
  it('turns a numeric id into a string', () => {
    const r = parseCase({ id: 12, charges: [{ ref: 'a' }] });
    expect(r.ok && r.case.id).toBe('12');
  });
  it('with an input the caller owns (batch): the same verdicts and messages, the object itself when valid', () => {
    const mine = { id: 'x', charges: [{ ref: 'a' }] };
    const r = parseCase(mine, { owned: true, lang: 'en' });
    expect(r.ok && r.case).toBe(mine);
    const copied = parseCase(mine);
    expect(copied.ok && copied.case).not.toBe(mine);
    expect(copied.ok && copied.case).toEqual(mine);
    const numeric = parseCase({ id: 7, charges: [{ ref: 'a' }] }, { owned: true, lang: 'en' });
    expect(numeric.ok && numeric.case.id).toBe('7');
    const bad = parseCase({ charges: [{ ref: 'a', attempt: 'yes' }] }, { owned: true, lang: 'en' });
    expect(!bad.ok && bad.error.message).toBe('charges[0].attempt: wrong type: a boolean (true or false) is expected, not a string');
  });
});

describe('the compiled case schema (batch) and the plain one (single cases) agree', () => {
  it('same data and same issues on valid and invalid cases', async () => {
    const { caseSchemaFor } = await import('../../src/io/case.js');
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = new URL('../golden/', import.meta.url);
    const golden = readdirSync(dir).filter((f) => f.endsWith('.json')).flatMap((f) => (JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as { case: unknown }[]).map((g) => g.case));
    const bad: unknown[] = [
      { date: '2020-13-01', charges: [{ ref: '222-7' }] }, { charges: [{ ref: '324-1', amount: 5 }] }, { charges: [] }, { charges: [{ ref: 'a', foo: 1 }] },
      { offender: { type: 'robot' }, charges: [{ ref: 'a' }] }, { offender: { birthDate: '2008-02-30' }, charges: [{ ref: 'a' }] },
      { charges: [{ ref: 'a', repentis: 'maybe' }] }, { charges: [{ ref: 'a', relatedTo: [-1] }] }, { charges: [{ ref: 'a', relatedTo: [] }] },
      { charges: [{ ref: 'a', relatedTo: [1.5] }] }, { id: 12, charges: [{ ref: 'a', amount: '2 000 000,50' }] }, null, [], 'x',
    ];
    for (const input of [...golden, ...bad]) {
      const plain = caseSchemaFor(10_000, false).safeParse(input);
      const compiled = caseSchemaFor(10_000, true).safeParse(input);
      expect(JSON.stringify(compiled.success ? compiled.data : compiled.error.issues), JSON.stringify(input)).toBe(JSON.stringify(plain.success ? plain.data : plain.error.issues));
    }
  });
});

describe('an amount has one canonical form, whatever the route (attacker rt22b: "4 000 000,00" echoed as 4000000.00)', () => {
  it('grouping, comma, trailing zeros of the cents and leading zeros all give the same string, owned or not', async () => {
    const { canonicalAmount, isCanonicalAmount } = await import('../../src/schema/amount.js');
    const forms: [string, string][] = [['4 000 000,00', '4000000'], ['4000000.00', '4000000'], ['4000000.50', '4000000.5'], ['0,05', '0.05'],
      ['007', '7'], ['0', '0'], ['00', '0'], ['1.10', '1.1'], ['2_000_000.5 €', '2000000.5']];
    for (const [written, canonical] of forms) {
      expect(canonicalAmount(written), written).toBe(canonical);
      expect(isCanonicalAmount(written), written).toBe(written === canonical);
      for (const owned of [true, false]) {
        const r = parseCase({ charges: [{ ref: '324-1', amount: written }] }, { owned, lang: 'en' });
        expect(r.ok && r.case.charges[0]!.amount, `${written} owned=${owned}`).toBe(canonical);
      }
    }
  });
});

describe('a misspelt field is named with what it probably meant', () => {
  it('a field named by another word for it: complicity -> accomplice, montant -> amount (red teams rt27a, rt28a)', () => {
    const at = (input: unknown) => { const r = parseCase(input, { lang: 'fr' }); return r.ok ? null : r.error.message; };
    expect(at({ charges: [{ ref: '311-3', complicity: true }] })).toContain('vouliez-vous dire "accomplice"');
    expect(at({ charges: [{ ref: '324-1', montant: '5' }] })).toContain('vouliez-vous dire "amount"');
  });
  it('aggravation -> aggravations, charge -> charges (said before the missing charges), prior -> priors', () => {
    const at = (input: unknown, lang: 'fr' | 'en' = 'fr') => { const r = parseCase(input, { lang }); return r.ok ? null : r.error; };
    expect(at({ charges: [{ ref: '311-3', aggravation: ['132-76'] }] })).toEqual({ code: 'INVALID_CASE', path: 'charges[0]', message: 'charges[0]: champ inconnu "aggravation" ; vouliez-vous dire "aggravations" ?' });
    expect(at({ charge: [{ ref: '311-3' }] }, 'en')?.message).toMatch(/^unknown field "charge"; did you mean "charges"\?/);
    expect(at({ offender: { prior: [] }, charges: [{ ref: '311-3' }] })?.message).toMatch(/"prior" ; vouliez-vous dire "priors" \?$/);
    expect(at({ xyz: 1, charges: [{ ref: '311-3' }] })?.message).toBe('champ inconnu "xyz"');
  });
});
