// quantum rules validate / stats, schema, diff: the tooling of the law data.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_KINDS } from '../../src/cli/schema-kinds.js';
import { DEFAULT_RULES_DIR } from '../../src/rules/load.js';
import { jsonSchema } from '../../src/cli/rules-commands.js';

const BIN = new URL('../../bin/quantum.js', import.meta.url).pathname;
const quantum = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
function brokenCopy(file: string, edit: (d: any) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'quantum-rules-'));
  cpSync(DEFAULT_RULES_DIR, dir, { recursive: true });
  const p = join(dir, file);
  const d = JSON.parse(readFileSync(p, 'utf8'));
  edit(d);
  writeFileSync(p, JSON.stringify(d, null, 2));
  return dir;
}

describe('quantum rules validate', () => {
  it('passes on the shipped rules', () => {
    const r = quantum(['rules', 'validate']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^note {4}\S+ à \S+ : /m);
    expect(r.out).toMatch(/^ok : .* : \d+ dispositions dans \d+ articles, \d+ note\(s\)$/m);
    const en = quantum(['rules', 'validate', '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.out).toMatch(/^note {3}\S+ at \S+: /m);
    expect(en.out).toMatch(/^ok: .*: \d+ provisions in \d+ articles, \d+ note\(s\)$/m);
  });
  it('fails on an overlapping version, naming file and JSON path', () => {
    const dir = brokenCopy('CP/450-1.json', (d) => { d.provisions[0].versions[1].from = '2001-01-01'; });
    const r = quantum(['rules', 'validate', '--rules', dir]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('erreur  CP/450-1.json à provisions[0].versions[1].from : chevauche la version précédente');
    expect(r.out).toMatch(/^1 erreur\(s\) dans \S+$/m);
    const en = quantum(['rules', 'validate', '--rules', dir, '--lang', 'en']);
    expect(en.out).toContain('error  CP/450-1.json at provisions[0].versions[1].from: overlaps the previous version');
    expect(en.out).toMatch(/^1 error\(s\) in \S+$/m);
  });
  it('fails on a renumbered item whose new number is not listed from that day', () => {
    const dir = brokenCopy('CP/225-7.json', (d) => { d.provisions[0].items.push({ sub: '99°', to: '2010-01-01', renumberedAs: '98°' }); });
    const r = quantum(['rules', 'validate', '--rules', dir]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/CP\/225-7\.json à provisions\[0\]\.items\[\d+\]\.renumberedAs : 99° devient 98° le 2010-01-01, mais aucun élément 98° de l'article 225-7 ne commence ce jour-là/);
    expect(quantum(['rules', 'validate', '--rules', dir, '--lang', 'en']).out).toMatch(/CP\/225-7\.json at provisions\[0\]\.items\[\d+\]\.renumberedAs: 99° becomes 98° on 2010-01-01, but no item 98° of article 225-7 starts that day/);
  });
  it('fails on an item moved to another text without the date it left', () => {
    const dir = brokenCopy('CP/225-7.json', (d) => { d.provisions[0].items.push({ sub: '99°', movedTo: '132-77' }); });
    const r = quantum(['rules', 'validate', '--rules', dir]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/CP\/225-7\.json à provisions\[0\]\.items\[\d+\]\.movedTo : 99° est déplacé vers 132-77 mais n'a pas de date "to"/);
    expect(quantum(['rules', 'validate', '--rules', dir, '--lang', 'en']).out).toMatch(/CP\/225-7\.json at provisions\[0\]\.items\[\d+\]\.movedTo: 99° moved to 132-77 but has no "to" date/);
  });
  it('fails on a missing source', () => {
    const dir = brokenCopy('CP/225-5.json', (d) => { d.provisions[0].versions[0].sources = []; });
    const r = quantum(['rules', 'validate', '--rules', dir]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('erreur  CP/225-5.json à provisions[0].versions[0].sources : toute version doit citer au moins une source');
    expect(quantum(['rules', 'validate', '--rules', dir, '--lang', 'en']).out).toContain('error  CP/225-5.json at provisions[0].versions[0].sources: every version needs at least one source');
  });
  it('fails on an unknown field, in zod\'s words in the language asked for', () => {
    const dir = brokenCopy('CP/324-1.json', (d) => { d.provisions[0].versions[0].penality = 'x'; });
    const r = quantum(['rules', 'validate', '--rules', dir]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/erreur {2}CP\/324-1\.json à provisions\[0\]\.versions\[0\] : Clé non reconnue : "penality"/);
    expect(quantum(['rules', 'validate', '--rules', dir, '--lang', 'en']).out).toMatch(/error {2}CP\/324-1\.json at provisions\[0\]\.versions\[0\]: Unrecognized key: "penality"/);
  });
  it('fails on a dangling cross-reference; --json keeps its field names, the message in the language asked for', () => {
    const dir = brokenCopy('general/recidive.json', (d) => { d.predicateAssimilations[0].appliesTo.push('999-1'); });
    const r = quantum(['rules', 'validate', '--rules', dir, '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['ok', 'errors', 'notes', 'provisions']);
    expect(j.errors[0]).toEqual({ file: 'general/recidive.json', path: expect.stringMatching(/^predicateAssimilations\[0\]\.appliesTo\[\d+\]$/), message: "l'article 999-1 n'est pas dans les règles" });
    const en = JSON.parse(quantum(['rules', 'validate', '--rules', dir, '--json', '--lang', 'en']).out);
    expect(en.errors[0]).toMatchObject({ file: 'general/recidive.json', message: 'article 999-1 is not in the rules' });
  });
});

// Two problems: 225-5 without a source is refused, so 225-11, which applies to it, points at nothing.
describe('a broken rules directory, in the language asked for, one problem per line', () => {
  const dir = brokenCopy('CP/225-5.json', (d) => { d.provisions[0].versions[0].sources = []; });
  const FR = [
    'CP/225-5.json à provisions[0].versions[0].sources : toute version doit citer au moins une source',
    "CP/225-11.json à appliesTo : 225-11 s'applique à 225-5, qui n'est pas dans les règles",
  ];
  const EN = [
    'CP/225-5.json at provisions[0].versions[0].sources: every version needs at least one source',
    'CP/225-11.json at appliesTo: 225-11 applies to 225-5, which is not in the rules',
  ];
  it('eval, show and list: French by default, English with --lang en; each issue on its own line', () => {
    for (const args of [['eval', '225-5'], ['show', '225-5'], ['list', 'proxénétisme']]) {
      const fr = quantum([...args, '--rules', dir]);
      expect(fr.code, args[0]).toBe(1);
      expect(fr.out).toBe('');
      expect(fr.err.trimEnd().split('\n'), args[0]).toEqual(['quantum: erreur RULES_ERROR (CP/225-5.json) :', ...FR.map((l) => `  ${l}`)]);
      const en = quantum([...args, '--rules', dir, '--lang', 'en']);
      expect(en.code, args[0]).toBe(1);
      expect(en.err.trimEnd().split('\n'), args[0]).toEqual(['quantum: error RULES_ERROR (CP/225-5.json):', ...EN.map((l) => `  ${l}`)]);
    }
  });
  it('batch: the same lines, before any case is read', () => {
    const r = spawnSync(process.execPath, [BIN, 'batch', '-', '--rules', dir], { input: '{"charges":[{"ref":"225-5"}]}\n', encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toEqual(['quantum: erreur RULES_ERROR (CP/225-5.json) :', ...FR.map((l) => `  ${l}`)]);
  });
  it('JSON keeps one message, the issues joined by line feeds', () => {
    const fr = JSON.parse(quantum(['eval', '225-5', '--rules', dir, '--format', 'json']).out);
    expect(fr.error).toEqual({ code: 'RULES_ERROR', path: 'CP/225-5.json', message: FR.join('\n') });
    const en = JSON.parse(quantum(['eval', '225-5', '--rules', dir, '--json', '--lang', 'en']).out);
    expect(en.error.message).toBe(EN.join('\n'));
  });
  it('a line feed or an escape in a file name cannot forge a line or reach the terminal', () => {
    const bad = brokenCopy('CP/225-5.json', () => {});
    writeFileSync(join(bad, 'CP', 'x\nquantum: ok\u001b[2J.json'), '{');
    writeFileSync(join(bad, 'CP', 'y.json'), '{');
    const r = quantum(['eval', '225-5', '--rules', bad]);
    expect(r.code).toBe(1);
    expect(r.err).not.toContain('\u001b');
    const lines = r.err.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^ {2}CP\/x\\u\{a\}quantum: ok\\u\{1b\}\[2J\.json : JSON invalide : /);
    expect(lines[2]).toMatch(/^ {2}CP\/y\.json : JSON invalide : /);
    // One problem: one line, as every other error.
    const one = brokenCopy('CP/225-5.json', () => {});
    writeFileSync(join(one, 'CP', 'y.json'), '{');
    const single = quantum(['eval', '225-5', '--rules', one, '--lang', 'en']);
    expect(single.err.trimEnd().split('\n')).toEqual([expect.stringMatching(/^quantum: error RULES_ERROR \(CP\/y\.json\): not valid JSON: /)]);
  });
});

describe('quantum rules stats, schema, diff', () => {
  it('stats counts provisions and versions by status', () => {
    const j = JSON.parse(quantum(['rules', 'stats', '--json']).out);
    expect(j.provisions).toBeGreaterThanOrEqual(150);
    const s = j.byStatus.provisions;
    expect(s.text + s.secondary + s.unconfirmed).toBe(j.provisions);
  });
  it('schema prints a JSON Schema that the committed schema file matches', () => {
    const r = quantum(['schema']);
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.out);
    expect(printed.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(printed.properties.provisions).toBeDefined();
    // Every kind of rule file: the committed schema is the one the zod schema gives (npm run schema writes them).
    for (const kind of SCHEMA_KINDS) {
      const committed = JSON.parse(readFileSync(join(DEFAULT_RULES_DIR, 'schema', `${kind}.schema.json`), 'utf8'));
      expect(committed, kind).toEqual(jsonSchema(kind));
    }
  });
  it('diff lists the provisions whose penalty changed, old and new', () => {
    // 227-23 al. 4: 2 years / 30 000 € until Loi 2020-936 (in force 01/08/2020), then 5 years / 75 000 €.
    const j = JSON.parse(quantum(['diff', '--from', '2020-01-01', '--to', '2021-01-01', '--json']).out);
    const row = j.find((x: any) => x.ref === '227-23 al. 4');
    expect(row.change).toBe('changed');
    expect(row.old.prison.months).toBe(24);
    expect(row.new.prison.months).toBe(60);
    expect(row.old.fine).toBe('30000');
    expect(row.new.fine).toBe('75000');
    // 225-10-1 (racolage) was repealed by Loi 2016-444.
    const j2 = JSON.parse(quantum(['diff', '--from', '2015-01-01', '--to', '2017-01-01', '--json']).out);
    expect(j2.find((x: any) => x.ref === '225-10-1').change).toBe('repealed');
  });
});

describe('rules that would reach a terminal or a stack unchecked (red team rt10c)', () => {
  it('a rule file nested 200 000 deep is a RULES_ERROR naming the file (exit 1), not an internal error (70)', () => {
    const dir = brokenCopy('CP/311-3.json', () => {});
    writeFileSync(join(dir, 'CP', 'deep.json'), `${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    const r = quantum(['eval', '311-3', '--rules', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('RULES_ERROR (CP/deep.json)');
    expect(r.err).toContain('JSON imbriqué sur plus de 64 niveaux');
    const v = quantum(['rules', 'validate', '--rules', dir, '--lang', 'en']);
    expect(v.code).toBe(1);
    expect(v.out).toContain('CP/deep.json: JSON nested more than 64 levels deep');
  });
  it('a label with a bidi override or a zero-width character is refused, as control characters are', () => {
    for (const ch of ['\u202e', '\u2066', '\u200b', '\ufeff']) {
      const dir = brokenCopy('CP/311-3.json', (d) => { d.provisions[0].label.fr = `Vol${ch}x`; });
      const r = quantum(['rules', 'validate', '--rules', dir]);
      expect(r.code).toBe(1);
      expect(r.out).toContain('CP/311-3.json à provisions[0].label.fr : les caractères de contrôle et les caractères invisibles');
    }
  });
});
