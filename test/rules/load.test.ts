// The loader refuses bad data and names the file and JSON path at fault.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES_DIR, loadRules, RulesError, writeRulesSnapshot } from '../../src/rules/load.js';
import { fromSnapshot } from '../../src/rules/read.js';
import { hayOf, kindOf, sortByRef } from '../../src/core/describe.js';
import { article, E, provision, rulesDir, version } from '../helpers.js';

/** The message of the RulesError a directory gives, in French (the default) or as asked. */
function issues(dir: string, lang?: 'fr' | 'en'): string {
  try { loadRules(dir, lang ? { lang } : {}); } catch (e) { expect(e).toBeInstanceOf(RulesError); return (e as Error).message; }
  throw new Error('expected a RulesError');
}
const ok = (ref = '910-1') => article(ref, [provision(ref, [version('1994-03-01', null, { prison: E(12), fine: { amount: '1000' } })])]);

describe('rules snapshot (the build\'s, used at start-up)', () => {
  it('gives the very rules that validation gives, and is ignored once a file changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quantum-snap-'));
    cpSync(DEFAULT_RULES_DIR, join(dir, 'rules'), { recursive: true });
    const rules = join(dir, 'rules'), snap = join(dir, 'rules.snapshot.json');
    writeRulesSnapshot(rules, snap);
    const { searchHays, order, ...fromSnap } = loadRules(rules, { snapshot: snap });
    const validated = loadRules(rules, { snapshot: false });
    expect(fromSnap).toEqual(validated);
    // The catalogue order kept in the snapshot is the one the sort gives.
    expect(order).toEqual(sortByRef([...validated.provisions.keys()], (r) => r));
    // The search texts kept in the snapshot are those the search computes.
    for (const p of validated.provisions.values()) expect(searchHays!.get(p.ref)).toBe(hayOf(validated, p));
    // Lazily made provisions are the same, and the map reads the same (order, size, keys).
    const lazy = fromSnapshot(snap, validated.dataset.hash, { lazy: true })!;
    expect(lazy.provisions.size).toBe(validated.provisions.size);
    // The kind the index tells without making a provision is the provision's (fresh rules: nothing made yet).
    const fresh = fromSnapshot(snap, validated.dataset.hash, { lazy: true })!;
    for (const p of validated.provisions.values()) expect(kindOf(fresh, p.ref)).toBe(p.kind);
    expect(kindOf(fresh, 'no such ref')).toBeUndefined();
    const index = (JSON.parse(readFileSync(snap, 'utf8')) as { index: [string, number, number, string][] }).index;
    expect(index.every(([ref, , , kind]) => kind === validated.provisions.get(ref)!.kind)).toBe(true);
    expect(lazy.provisions.get('225-5')).toEqual(validated.provisions.get('225-5'));
    expect([...lazy.provisions.keys()]).toEqual([...validated.provisions.keys()]);
    expect([...lazy.provisions.values()]).toEqual([...validated.provisions.values()]);
    expect(Object.isFrozen(lazy.provisions.get('225-5'))).toBe(true);
    // An edited file no longer hashes the same: it is validated, and here refused.
    const f = join(rules, 'CP', '225-5.json');
    const d = JSON.parse(readFileSync(f, 'utf8'));
    d.provisions[0].versions[0].sources = [];
    writeFileSync(f, JSON.stringify(d));
    expect(() => loadRules(rules, { snapshot: snap })).toThrow(/toute version doit citer au moins une source/);
  });
});

describe('rules loader', () => {
  it('loads the shipped rules, with a dataset version and a hash', () => {
    const r = loadRules();
    expect(r.dataset.version).toMatch(/^\d{4}\.\d+\.\d+$/);
    expect(r.dataset.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(r.provisions.get('323-3-2 III')).toBeDefined();
  });
  it('rejects overlapping versions', () => {
    const dir = rulesDir([article('910-1', [provision('910-1', [
      version('1994-03-01', '2010-01-01', { prison: E(12), fine: null }),
      version('2009-01-01', null, { prison: E(24), fine: null }),
    ])])]);
    expect(issues(dir)).toMatch(/910-1\.json à provisions\[0\]\.versions\[1\]\.from : chevauche la version précédente \(qui prend fin le 2010-01-01\)/);
    expect(issues(dir, 'en')).toMatch(/910-1\.json at provisions\[0\]\.versions\[1\]\.from: overlaps the previous version \(which ends 2010-01-01\)/);
  });
  it('rejects a version without a source', () => {
    const a = ok();
    (a.provisions[0] as any).versions[0].sources = [];
    const dir = rulesDir([a]);
    expect(issues(dir)).toMatch(/910-1\.json à provisions\[0\]\.versions\[0\]\.sources : toute version doit citer au moins une source/);
    expect(issues(dir, 'en')).toMatch(/910-1\.json at provisions\[0\]\.versions\[0\]\.sources: every version needs at least one source/);
  });
  it('rejects unknown fields', () => {
    const a = ok();
    (a.provisions[0] as any).versions[0].penality = 1;
    // zod's own message, in the language asked for (its locales, given to the parse).
    const dir = rulesDir([a]);
    expect(issues(dir)).toMatch(/910-1\.json à provisions\[0\]\.versions\[0\] : Clé non reconnue : "penality"/);
    expect(issues(dir, 'en')).toMatch(/910-1\.json at provisions\[0\]\.versions\[0\]: Unrecognized key: "penality"/);
  });
  it('rejects malformed JSON, a wrong file name, money as a number', () => {
    const dir = rulesDir([ok()]);
    writeFileSync(join(dir, 'CP', '911-1.json'), '{ "article": ');
    writeFileSync(join(dir, 'CP', '912-1.json'), JSON.stringify(ok('913-1')));
    const m = ok('914-1');
    (m.provisions[0] as any).versions[0].penalty.fine.amount = 1000;
    writeFileSync(join(dir, 'CP', '914-1.json'), JSON.stringify(m));
    const msg = issues(dir);
    expect(msg).toMatch(/911-1\.json : JSON invalide/);
    expect(msg).toMatch(/912-1\.json à article : le fichier de l'article 913-1 doit s'appeler 913-1\.json/);
    expect(msg).toMatch(/914-1\.json à provisions\[0\]\.versions\[0\]\.penalty/);
    const en = issues(dir, 'en');
    expect(en).toMatch(/911-1\.json: not valid JSON/);
    expect(en).toMatch(/912-1\.json at article: the file of article 913-1 must be named 913-1\.json/);
  });
  it('does not follow symbolic links', () => {
    const dir = rulesDir([ok()]);
    symlinkSync(join(dir, 'CP', '910-1.json'), join(dir, 'CP', '915-1.json'));
    expect(issues(dir)).toMatch(/915-1\.json : n'est pas un fichier ordinaire/);
    expect(issues(dir, 'en')).toMatch(/915-1\.json: not a regular file/);
  });
  it('rejects a duplicate ref and a missing general part', () => {
    const dir = rulesDir([ok()]);
    mkdirSync(join(dir, 'x'));
    const dup = ok('916-1');
    (dup.provisions as any[]).push((dup.provisions as any[])[0]);
    writeFileSync(join(dir, 'CP', '916-1.json'), JSON.stringify(dup));
    expect(issues(dir)).toMatch(/916-1 est défini deux fois \(aussi dans CP\/916-1\.json\)/);
    expect(issues(dir, 'en')).toMatch(/916-1 is defined twice \(also in CP\/916-1\.json\)/);
  });
});

describe('the snapshot manifest (names, sizes and times of the rule files)', () => {
  it('changes when a file is edited, added or touched, and only then', async () => {
    const { listRulesFiles, manifestOf } = await import('../../src/rules/read.js');
    const { utimesSync } = await import('node:fs');
    const dir = rulesDir([ok('910-1'), ok('911-1')]);
    const m0 = manifestOf(dir, listRulesFiles(dir));
    expect(manifestOf(dir, listRulesFiles(dir))).toBe(m0);
    const f = join(dir, 'CP', '910-1.json');
    utimesSync(f, new Date(2001, 0, 1), new Date(2001, 0, 1));
    const m1 = manifestOf(dir, listRulesFiles(dir));
    expect(m1).not.toBe(m0);
    writeFileSync(join(dir, 'CP', '912-1.json'), JSON.stringify(ok('912-1')));
    expect(manifestOf(dir, listRulesFiles(dir))).not.toBe(m1);
  });
  it('holds without listing the directories until a file is touched, added or removed, or a directory added', async () => {
    const { listRulesFiles, manifestHolds, manifestOf } = await import('../../src/rules/read.js');
    const { rmSync, utimesSync } = await import('node:fs');
    const dir = rulesDir([ok('910-1'), ok('911-1')]);
    // Directory times move with each change below: pin them to a past time first, as a build long ago would.
    const past = new Date(2001, 0, 1);
    const pin = () => { for (const d of ['.', 'CP', 'general']) utimesSync(join(dir, d), past, past); return manifestOf(dir, listRulesFiles(dir))!; };
    const m = pin();
    expect(manifestHolds(dir, m)).toBe(true);
    utimesSync(join(dir, 'CP', '910-1.json'), past, past);
    expect(manifestHolds(dir, m)).toBe(false);
    const m2 = pin();
    writeFileSync(join(dir, 'CP', '912-1.json'), JSON.stringify(ok('912-1')));
    expect(manifestHolds(dir, m2)).toBe(false);
    const m3 = pin();
    rmSync(join(dir, 'CP', '912-1.json'));
    expect(manifestHolds(dir, m3)).toBe(false);
    const m4 = pin();
    mkdirSync(join(dir, 'route'));
    expect(manifestHolds(dir, m4)).toBe(false);
  });
});
