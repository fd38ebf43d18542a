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

describe('evaluate never throws, whatever is thrown at it (red team rt11a)', () => {
  it('a getter that throws null, an options Proxy that throws, an option that changes between reads', async () => {
    const { evaluate } = await import('../../src/index.js');
    const thrownNull = evaluate(rules, { get date() { throw null; } }, { today: '2026-11-29' }); // eslint-disable-line no-throw-literal
    expect(thrownNull.ok).toBe(false);
    const proxy = evaluate(rules, { charges: [{ ref: '311-3' }] }, new Proxy({}, { get() { throw new Error('trap'); } }) as never);
    expect(proxy.ok ? null : proxy.error.path).toBe('options');
    // today read once: the later reads of a changing getter are not seen.
    let n = 0;
    const shifting = evaluate(rules, { charges: [{ ref: '311-3' }] }, { get today() { return ++n === 1 ? '2024-01-01' : '2024-13-45'; } } as never);
    expect(shifting.ok ? shifting.date : null).toBe('2024-01-01');
  });
});

describe('evaluate and evaluateMany: wrong arguments are error results naming them (red team rt13c)', () => {
  it('rules that are not rules, a misspelt option, a today out of 1900-2199', async () => {
    const { evaluate } = await import('../../src/index.js');
    const c = { date: '2024-01-01', charges: [{ ref: '311-3' }] };
    for (const bad of [null, {}, 42, 'rules']) {
      const r = evaluate(bad as never, c, { today: '2026-11-29' });
      expect(r.ok ? null : [r.error.code, r.error.path]).toEqual(['INVALID_CASE', 'rules']);
    }
    const misspelt = evaluate(rules, c, { today: '2026-11-29', langue: 'en' } as never);
    expect(misspelt.ok ? null : misspelt.error).toMatchObject({ path: 'options.langue', message: expect.stringMatching(/option inconnue "langue"/) });
    for (const today of ['9999-12-31', '0001-01-01']) {
      const r = evaluate(rules, c, { today });
      expect(r.ok ? null : r.error.path).toBe('options.today');
    }
  });
  it('evaluateMany on something that is not iterable yields one error, never throws', async () => {
    const out = [];
    for await (const o of evaluateMany(rules, null as never, { lang: 'en' })) out.push(o);
    expect(out).toHaveLength(1);
    expect(out[0]!.ok ? null : out[0]!.error).toMatchObject({ path: 'cases', message: 'cases must be an iterable (an array, a generator, a stream of cases)' });
  });
});

describe('charges that cannot relate as given (red team rt13c)', () => {
  it('two escapes each related to the other: refused, naming both (434-31 adds one offence to another)', async () => {
    const { evaluate } = await import('../../src/index.js');
    const r = evaluate(rules, { date: '2024-05-01', charges: [{ ref: '434-27 al. 2', relatedTo: [1] }, { ref: '434-27 al. 2', relatedTo: [0] }] }, { today: '2026-11-29', lang: 'en' });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'INVALID_CASE', path: 'charges[0].relatedTo', message: expect.stringMatching(/^the charges are related in a loop \(1 → 2 → 1,/) });
  });
  it('three escapes related in a loop: refused, naming the loop (red team rt14c)', async () => {
    const { evaluate } = await import('../../src/index.js');
    const r = evaluate(rules, { date: '2024-05-01', charges: [{ ref: '434-27 al. 2', relatedTo: [1] }, { ref: '434-27 al. 2', relatedTo: [2] }, { ref: '434-27 al. 2', relatedTo: [0] }] }, { today: '2026-11-29', lang: 'en' });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'INVALID_CASE', path: 'charges[0].relatedTo', message: expect.stringMatching(/in a loop \(1 → 2 → 3 → 1,/) });
  });
  it('450-1 whose predicate is 450-1 itself: refused (the offence prepared is another one)', async () => {
    const { evaluate } = await import('../../src/index.js');
    const r = evaluate(rules, { date: '2024-05-01', charges: [{ ref: '450-1', predicate: '450-1' }] }, { today: '2026-11-29' });
    expect(r.ok ? null : [r.error.code, r.error.path]).toEqual(['INVALID_CASE', 'charges[0].predicate']);
  });
  it('a predicate is echoed as the catalogue names it, and as written when that differs, as the ref (attacker rt22b)', async () => {
    const { evaluate } = await import('../../src/index.js');
    // 450-1 preparing 222-37 (a délit punished by 10 years: 450-1 al. 2) and 324-1 laundering its proceeds.
    const r = evaluate(rules, { date: '2020-01-01', charges: [{ ref: '450-1', predicate: 'art. 222-37 al. 1' }, { ref: '324-1', predicate: '222-37', amount: '1000' }] }, { today: '2026-11-29' });
    if (!r.ok) throw new Error(r.error.message);
    expect([r.charges[0]!.predicate, r.charges[0]!.predicateInput]).toEqual(['222-37 al. 1', 'art. 222-37 al. 1']);
    expect([r.charges[1]!.predicate, r.charges[1]!.predicateInput]).toEqual(['222-37', undefined]);
  });
});

describe('the library never throws on odd arguments (red team rt14c)', () => {
  it('evaluateMany with null options or a throwing getter yields an error result', async () => {
    const collect = async (opts: unknown) => { const out = []; for await (const o of evaluateMany(rules, [{}], opts as never)) out.push(o); return out; };
    const nul = await collect(null);
    expect(nul).toHaveLength(1);
    expect(nul[0]!.ok ? null : nul[0]!.error.path).toBe('options');
    const getter = await collect({ get today() { throw new Error('boom'); } });
    expect(getter[0]!.ok ? null : getter[0]!.error.path).toBe('options');
  });
  it('rules that only look like rules give an error result; lean with trace is refused', async () => {
    const { evaluate } = await import('../../src/index.js');
    const fake = { provisions: new Map(), articles: new Map(), codes: [], dataset: { version: 'x', hash: 'y' }, recidive: {}, aggravations: {} };
    const r = evaluate(fake as never, { date: '2024-01-01', charges: [{ ref: '311-3' }] }, { today: '2026-11-29' });
    expect(r.ok).toBe(false);
    const both = evaluate(rules, { date: '2024-01-01', charges: [{ ref: '311-3' }] }, { today: '2026-11-29', lean: true, trace: true });
    expect(both.ok ? null : both.error.path).toBe('options.trace');
  });
  it('loadRules with a language it does not speak says so', async () => {
    expect(() => loadRules(undefined, { lang: 'xx' as never })).toThrow(/lang must be "fr" or "en"/);
  });
});

describe('a case JSON cannot hold is said in the user\'s language (new-user pass ux20)', () => {
  it('a cycle and a BigInt: French words, not V8\'s "Converting circular structure to JSON"', async () => {
    const { evaluate } = await import('../../src/index.js');
    const cyclic: Record<string, unknown> = { charges: [{ ref: '311-3' }] };
    cyclic.self = cyclic;
    const c = evaluate(rules, cyclic, { today: '2026-11-29' });
    expect(c.ok ? null : c.error.message).toBe('le cas ne peut pas être lu comme des données JSON : il contient une référence circulaire (un objet qui se contient lui-même)');
    const b = evaluate(rules, { charges: [{ ref: '311-3' }], n: 1n }, { today: '2026-11-29', lang: 'en' });
    expect(b.ok ? null : b.error.message).toBe('the case cannot be read as JSON data: it holds a BigInt (give a number or a string)');
  });
});

describe('the catalogue functions take what a user would pass (new-user pass ux20)', () => {
  it('searchProvisions takes a string or an array of words, alike; anything else is a TypeError that says what it wants', async () => {
    const { searchProvisions, searchRefs, searchAggravations } = await import('../../src/index.js');
    const s = searchProvisions(rules, 'blanchiment').map((p) => p.ref);
    expect(s.length).toBeGreaterThan(3);
    expect(s).toEqual(searchProvisions(rules, ['blanchiment']).map((p) => p.ref));
    expect(searchRefs(rules, 'blanchiment aggravé')).toEqual(searchRefs(rules, ['blanchiment', 'aggravé']));
    expect(searchAggravations(rules, 'raciste').map((a) => a.key)).toEqual(['132-76']);
    expect(() => searchProvisions(rules, 5 as never)).toThrow(/searchProvisions : les mots cherchés sont une chaîne .* ou un tableau de chaînes, pas number/);
  });
  it('describeProvision takes a ref as written or a provision, the date defaulting to today; a ref that names none or several throws a ProvisionError saying so', async () => {
    const { describeProvision, ProvisionError, resolve } = await import('../../src/index.js');
    const v = describeProvision(rules, '450-1', '2024-05-01');
    expect([v.ref, v.dependsOn]).toEqual(['450-1', 'predicate']);
    const p = resolve(rules, '311-3');
    expect(p.ok && describeProvision(rules, p.provision, '2024-05-01').prison).toEqual({ kind: 'emprisonnement', months: 36, life: false });
    expect(describeProvision(rules, 'art. 311-3').prison?.months).toBe(36);
    let thrown: unknown;
    try { describeProvision(rules, '323-3-2', '2024-05-01'); } catch (e) { thrown = e; }
    expect(thrown).toBeInstanceOf(ProvisionError);
    expect((thrown as InstanceType<typeof ProvisionError>).error).toMatchObject({ code: 'AMBIGUOUS_PROVISION', suggestions: ['323-3-2 I', '323-3-2 II', '323-3-2 III'] });
    expect(() => describeProvision(rules, '311-3', '01/05/2024')).toThrow(TypeError);
    expect(() => describeProvision(rules, '311-3', '01/05/2024')).toThrow(/la date doit être une chaîne AAAA-MM-JJ/);
    expect(() => describeProvision({} as never, '311-3')).toThrow(/le premier argument doit être les règles que renvoie loadRules\(\)/);
  });
});
