// End to end: the built executable, as a user runs it.
import { spawnSync } from 'node:child_process';
import { openSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = new URL('../../bin/quantum.js', import.meta.url).pathname;
function quantum(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('quantum eval', () => {
  it('323-3-2 III on 2024-05-01: 10 years and 500 000 € in French (323-3-2 III, Loi 2023-22)', () => {
    const r = quantum(['eval', '323-3-2 III', '--date', '2024-05-01', '--judgment-date', '2026-11-29']);
    expect(r.code).toBe(0);
    expect(r.out).toContain("10 ans d'emprisonnement");
    expect(r.out).toContain('500 000 €');
    expect(r.out).toContain('maximum fixé par 323-3-2 III');
    expect(r.out).toContain('Loi n° 2023-22');
  });
  it('--json gives the contract result: 120 months, "500000"', () => {
    const r = quantum(['eval', '323-3-2 III', '--date', '2024-05-01', '--judgment-date', '2026-11-29', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.contract).toBe(1);
    expect(j.ok).toBe(true);
    expect(j.total.prison).toEqual({ kind: 'emprisonnement', months: 120, life: false });
    expect(j.total.fine).toBe('500000');
    expect(j.dataset.hash).toMatch(/^sha256:/);
  });
  it('the same charge dated 2022-06-01 is not punishable (the article did not exist, 112-1)', () => {
    const j = JSON.parse(quantum(['eval', '323-3-2 III', '--date', '2022-06-01', '--json']).out);
    expect(j.charges[0].punishable).toBe(false);
    expect(j.charges[0].reason).toBe('NOT_YET_IN_FORCE');
    expect(j.total.prison).toBeNull();
  });
  it('reads per-charge options: predicate, amount, attempt, accomplice', () => {
    const j = JSON.parse(quantum(['eval', '450-1; predicate=222-37', '324-1; montant=2 000 000; complice', '225-5; tentative', '--date', '2024-01-01', '--json']).out);
    expect(j.charges.map((c: any) => [c.ref, c.prison?.months, c.fine])).toEqual([
      ['450-1', 120, '150000'],    // 450-1: délit punished by 10 years prepared
      ['324-1', 60, '1000000'],    // 324-3: half of 2 000 000 €
      ['225-5', 84, '150000'],     // 225-11: attempt punished
    ]);
    expect(j.charges[1].accomplice).toBe(true);
    expect(j.charges[2].attempt).toBe(true);
  });
  it('reads a JSON case from standard input', () => {
    const c = { id: 'coco', date: '2024-05-01', judgmentDate: '2026-11-29', offender: { type: 'legal' }, charges: [{ ref: '323-3-2 III' }] };
    const j = JSON.parse(quantum(['eval', '--case', '-', '--json'], JSON.stringify(c)).out);
    expect(j.id).toBe('coco');
    expect(j.total.prison).toBeNull();       // 131-37: no custody for a legal person
    expect(j.total.fine).toBe('2500000');    // 131-38: 5 x 500 000 €
  });
  it('reads a JSON case from a file, English output', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quantum-'));
    writeFileSync(join(dir, 'case.json'), JSON.stringify({ date: '2024-05-01', charges: [{ ref: '225-9' }] }));
    const r = quantum(['eval', '--case', join(dir, 'case.json'), '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('life criminal imprisonment');
    expect(r.out).toContain('€4,500,000');
  });
});

describe('minors, repentis, cumulation on the command line', () => {
  it('--birth-date (DD/MM/YYYY): a 16-year-old gets the excuse, and the figures without it (CJPM L121-5 to L121-7)', () => {
    const r = quantum(['eval', '222-37', '--date', '01/05/2024', '--judgment-date', '29/11/2026', '--birth-date', '15/01/2008', '--width', '100']);
    expect(r.code).toBe(0);
    expect(r.out).toContain("délit : 5 ans d'emprisonnement ; 7 500 €");
    expect(r.out).toContain('mineur âgé de 16 ans à la date des faits : excuse de minorité (CJPM L121-5)');
    expect(r.out).toContain("si l'excuse de minorité est écartée : 10 ans d'emprisonnement ; 7 500 000 €");
  });
  it('--naissance is the French name; a legal person with a birth date is a usage error naming both options (exit 2)', () => {
    const r = quantum(['eval', '311-3', '--legal-person', '--naissance', '2008-01-15', '--date', '2024-05-01']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--legal-person et --birth-date se contredisent');
  });
  it('repentis=reduced and avec=N (1 for the first charge) reach the contract (222-43, 434-31)', () => {
    const j = JSON.parse(quantum(['eval', '222-37; repentis=reduced', '434-27 al. 2; avec=1', '--date', '2024-05-01', '--judgment-date', '2025-01-01', '--json']).out);
    // 222-43 (2004 text): 10 ans halved; 434-31: the escape's 3 ans on top of the cap.
    expect(j.charges[0].prison.months).toBe(60);
    expect(j.total.prison.months).toBe(96);
    expect(j.total.cumulated).toEqual([{ charge: 1, ref: '434-27 al. 2', article: '434-31', relatedTo: [0] }]);
  });
  it('avec= naming no other charge, and an unknown repentis value, are usage errors that say why', () => {
    const a = quantum(['eval', '434-27 al. 2; avec=2', '--date', '2024-05-01']);
    expect(a.code).toBe(2);
    expect(a.err).toContain('avec=2');
    const b = quantum(['eval', '222-37; repentis=maybe', '--date', '2024-05-01']);
    expect(b.code).toBe(2);
    expect(b.err).toContain('maybe');
  });
});

describe('errors and exit codes', () => {
  it('unknown provision: one line on stderr, exit 1, no stack trace', () => {
    const r = quantum(['eval', '323-3-9']);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('UNKNOWN_PROVISION');
    expect(r.err).toContain('323-3-2');
    expect(r.err).not.toMatch(/at .*\.js:\d+/);
  });
  it('with --json the error object goes to stdout', () => {
    const r = quantum(['eval', '323-3-2', '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ contract: 1, ok: false, error: { code: 'AMBIGUOUS_PROVISION', path: 'charges[0].ref' } });
  });
  it('bad JSON case: PARSE_ERROR, exit 1', () => {
    const r = quantum(['eval', '--case', '-'], '{"charges": [');
    expect(r.code).toBe(1);
    expect(r.err).toContain('PARSE_ERROR');
  });
  it('usage errors exit 2', () => {
    expect(quantum(['frobnicate']).code).toBe(2);
    expect(quantum(['eval']).code).toBe(2);
    expect(quantum(['eval', '324-1; colour=blue']).code).toBe(2);
    expect(quantum(['eval', '324-1', '--date', 'yesterday']).code).toBe(2);
    expect(quantum(['eval', '324-1', '--no-such-flag']).code).toBe(2);
  });
  it('a bad rules directory is a RULES_ERROR naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quantum-bad-'));
    writeFileSync(join(dir, '1-1.json'), '{');
    const r = quantum(['eval', '324-1', '--rules', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('RULES_ERROR');
    expect(r.err).toContain('1-1.json');
  });
});

describe('quantum show / list', () => {
  it('show lists the versions and the one in force at --date', () => {
    const r = quantum(['show', '450-1', '--date', '2024-01-01', '--width', '200']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Loi n° 2001-420');
    expect(r.out).toMatch(/2001-420.*← en vigueur à cette date/);
  });
  it('show and list fit their text to --width (80 when not a terminal), never splitting an amount or a mark', () => {
    for (const args of [['show', '450-1', '--date', '2024-01-01'], ['list', 'proxenetisme'], ['show', '225-5', '--width', '50']]) {
      const r = quantum(args);
      expect(r.code).toBe(0);
      const width = args.includes('--width') ? 50 : 80;
      // URLs have no space to break at: every other line fits.
      for (const line of r.out.split('\n').filter((l) => !l.includes('://'))) expect([...line].length, line).toBeLessThanOrEqual(width);
      expect(r.out).not.toMatch(/\n\s*[;:]/);
    }
    expect(quantum(['show', '225-5', '--width', '10']).code).toBe(2);
  });
  it('list finds provisions by word, accents ignored', () => {
    const r = quantum(['list', 'proxenetisme']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('225-5');
    expect(r.out).not.toContain('324-1 ');
  });
  it('list names the general aggravations that match, with the option that asks for them', () => {
    // 132-76 (racist or religious motive) is not an offence: it raises one (aggravation=132-76).
    const r = quantum(['list', 'raciste', '--width', '200']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('132-76  Mobile raciste ou religieux — aggravation=132-76');
    expect(quantum(['list', 'terrorisme', '--width', '200']).out).toContain('aggravation=421-3');
  });
  it('show explains a general aggravation: its option, what it reaches on the date, its versions', () => {
    // 421-3 reaches the offences 421-1 lists: murder (221-1) since 1994, laundering (324-1) since 2001 (loi 2001-1062).
    const now = quantum(['show', '421-3', '--width', '200']);
    expect(now.code).toBe(0);
    expect(now.out).toContain('aggravation=421-3');
    expect(now.out).toContain('221-1 à 221-5-5');
    expect(now.out).toContain('324-1 à 324-6-1');
    expect(quantum(['show', '421-3', '--date', '1999-01-01', '--width', '200']).out).not.toContain('324-1 à 324-6-1');
    const j = JSON.parse(quantum(['show', '132-76', '--json']).out);
    expect(j.key).toBe('132-76');
    expect(j.excludes).toContain('222-13');
  });
  it('list --json gives ref, label, versions and sources', () => {
    const j = JSON.parse(quantum(['list', '--json']).out);
    expect(j.length).toBeGreaterThan(20);
    for (const p of j) {
      expect(p.ref).toBeTruthy();
      expect(p.sources.length).toBeGreaterThan(0);
      expect(p.versions[0]).toHaveProperty('from');
    }
  });
});

describe('start-up of the bundle', () => {
  // scripts/bundle.mjs makes string-width's module body run at its first call (an Intl.Segmenter and Unicode
  // property regexes, ~10-30 ms at every start); `eval` never measures text with it. If a new string-width layout
  // escapes the plugin, this counts the segmenters again.
  it('eval builds no Intl.Segmenter; help, which lays out columns, does', () => {
    const count = (args: string[]) => {
      const probe = `let n = 0; const S = Intl.Segmenter; Intl.Segmenter = class extends S { constructor(...a) { super(...a); n++; } };
        process.on('exit', () => process.stderr.write('SEGMENTERS ' + n));
        process.argv = [process.argv[0], 'quantum', ...${JSON.stringify(args)}];
        const { main } = await import(${JSON.stringify(new URL('../../dist/bundle/main.js', import.meta.url).href)});
        await main();`;
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      return Number(/SEGMENTERS (\d+)/.exec(r.stderr)?.[1]);
    };
    expect(count(['eval', '311-3', '--date', '2024-01-01'])).toBe(0);
    expect(count(['--help'])).toBeGreaterThan(0);
  });
});

describe('quantum eval: refusals that name what is wrong (red team rt10c)', () => {
  const CASE = JSON.stringify({ date: '2020-01-01', judgmentDate: '2025-01-01', offender: { type: 'natural', birthDate: '2000-01-01' }, charges: [{ ref: '311-3' }] });
  it('case options beside --case are refused (exit 2), naming them: they would silently replace the file\'s values', () => {
    for (const opts of [['--birth-date', '2010-01-01'], ['--date', '2021-01-01'], ['--judgment-date', '2026-01-01'], ['--legal-person'], ['--prior', '311-3@2010-01-01']]) {
      const r = quantum(['eval', '--case', '-', ...opts, '--json'], CASE);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toContain(`${opts[0]} avec --case`);
    }
    expect(quantum(['eval', '-', '--date', '2021-01-01', '--lang', 'en'], CASE).err).toContain('--date with --case');
    expect(quantum(['eval', '--case', '-', '--json'], CASE).code).toBe(0);
  });
  it('a key given twice in a --case file is a PARSE_ERROR naming the key and its path', () => {
    const r = quantum(['eval', '--case', '-', '--json'], '{"date":"2020-01-01","date":"2021-01-01","charges":[{"ref":"311-3"}]}');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).error).toMatchObject({ code: 'PARSE_ERROR', path: 'date' });
    expect(JSON.parse(r.out).error.message).toContain('« date » apparaît deux fois');
  });
  it('a --case nested 200 000 deep is a clear PARSE_ERROR, exit 1, no V8 message', () => {
    const r = quantum(['eval', '-'], `${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    expect(r.code).toBe(1);
    expect(r.err).toContain('JSON imbriqué sur plus de 64 niveaux');
    expect(r.err).not.toMatch(/call stack|interne/);
  });
  it('a --case file that is not UTF-8 is a PARSE_ERROR naming the line', () => {
    const r = quantum(['eval', '-', '--lang', 'en'], Buffer.from('{"charges":\n[{"ref":"311-3","predicate":"\xff"}]}', 'latin1') as unknown as string);
    expect(r.code).toBe(1);
    expect(r.err).toContain('not valid UTF-8 (line 2)');
  });
  it('JSON syntax errors are said in French (no V8 English), with line and column; V8\'s detail stays in English', () => {
    const fr = quantum(['eval', '-'], '{"charges":[\n{"ref":"311-3",}]}');
    expect(fr.err).toBe('quantum: erreur PARSE_ERROR : JSON invalide : nom de propriété entre guillemets doubles attendu (ligne 2, colonne 16)\n');
    expect(quantum(['eval', '-'], '{"charges":').err).toContain('JSON invalide : le texte finit avant la fin du JSON');
    expect(quantum(['eval', '-', '--lang', 'en'], '{"charges":').err).toContain('Unexpected end of JSON input');
  });
  it('years 0000 to 0099 are dates like 1000-01-01: out of range (exit 1), not "not a real date" (exit 2)', () => {
    for (const d of ['0001-01-01', '0099-12-31', '01/01/0050']) {
      const r = quantum(['eval', '311-3', '--date', d]);
      expect(r.code).toBe(1);
      expect(r.err).toContain('entre 1900 et 2199');
    }
    expect(quantum(['eval', '311-3', '--date', '0001-02-30']).code).toBe(2);
  });
  it('--json and another --format contradict each other: refused (exit 2); --json --format json is fine', () => {
    const r = quantum(['eval', '311-3', '--json', '--format', 'markdown']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--json et --format markdown se contredisent');
    expect(quantum(['eval', '311-3', '--json', '--format', 'json', '--date', '2024-01-01']).code).toBe(0);
  });
  it('bidi and invisible characters in an error are escaped like control characters', () => {
    const r = quantum(['eval', '\u202e3-113\u200b']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('\\u{202e}3-113\\u{200b}');
    expect(r.err).not.toMatch(/[\u202e\u200b]/);
  });
  it('validation messages say what is wrong: a non-number amount, a negative index, an unreal date, a huge or null id', () => {
    const err = (c: object) => JSON.parse(quantum(['eval', '-', '--json'], JSON.stringify(c)).out).error.message as string;
    expect(err({ charges: [{ ref: '324-1', amount: {} }] })).toContain('(pas un objet)');
    expect(err({ charges: [{ ref: '324-1', amount: 5 }] })).toContain('(pas un nombre JSON)');
    expect(err({ charges: [{ ref: '311-3' }, { ref: '434-27 al. 2', relatedTo: [-1] }] })).toBe('charges[1].relatedTo[0]: doit valoir au moins 0');
    expect(err({ date: '2023-02-29', charges: [{ ref: '311-3' }] })).toBe("date: n'est pas une date réelle du calendrier (AAAA-MM-JJ)");
    expect(err({ id: null, charges: [{ ref: '311-3' }] })).toBe('id: doit être une chaîne ou un nombre entier');
    const huge = quantum(['eval', '-', '--json'], '{"id":12345678901234567890,"charges":[{"ref":"311-3"}]}');
    expect(JSON.parse(huge.out).error.message).toContain('donnez-le entre guillemets');
    expect(JSON.parse(quantum(['eval', '-', '--json'], '{"id":9007199254740991,"charges":[{"ref":"311-3"}]}').out).id).toBe('9007199254740991');
  });
});

describe('show, list, diff: dates as eval takes them; diff in the language asked for (red team rt10c)', () => {
  it('a date outside 1900-2199 is an input error (exit 1) naming the option', () => {
    const s = quantum(['show', '311-3', '--date', '2200-01-01']);
    expect(s.code).toBe(1);
    expect(s.err).toContain('--date doit être une date entre 1900 et 2199');
    expect(quantum(['list', 'vol', '--date', '1899-12-31']).code).toBe(1);
    expect(quantum(['diff', '--from', '1800-01-01', '--to', '2020-01-01', '--lang', 'en']).err).toContain('--from must be a date from 1900 to 2199');
  });
  it('diff --lang en gives English labels, and --width wraps it', () => {
    const r = quantum(['diff', '--from', '2024-01-01', '--to', '2025-12-31', '--lang', 'en', '--width', '50']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Involuntary homicide');
    expect(r.out).not.toContain('Homicide involontaire');
    expect(Math.max(...r.out.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(50);
  });
});

describe('help and terminal-less commands (red team rt10c)', () => {
  it('completion --help gives help, not the script; schema --help names speciality', () => {
    const c = quantum(['completion', '--help']);
    expect(c.code).toBe(0);
    expect(c.out).toContain('script de complétion');
    expect(c.out).not.toContain('###-begin');
    expect(quantum(['schema', '--help']).out).toMatch(/cumulation ou\s+speciality/);
  });
  it('tui --json without a terminal: a usage error on stderr, exit 2 (no case, so no contract error object)', () => {
    const r = quantum(['tui', '--json'], '');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('terminal interactif');
  });
});

describe('a failed write to standard output (red team rt10c)', () => {
  it('is named "la sortie standard", not "-"', () => {
    const full = openSync('/dev/full', 'w');
    const r = spawnSync(process.execPath, [BIN, 'eval', '311-3', '--date', '2024-01-01'], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("impossible d'écrire dans la sortie standard : ENOSPC");
  });
});

describe('the start-up bundle of eval, show and list', () => {
  it('holds neither zod nor the validating loader: they load only for a rules directory the snapshot cannot serve', () => {
    const file = new URL('../../dist/bundle/oneshot.js', import.meta.url);
    const text = readFileSync(file, 'utf8');
    // The validating loader and the cross-checks (with the whole of zod's schemas for rules files) are
    // rules-load.js and rules-checked.js, imported when needed; their functions are not compiled at each start.
    expect(text).not.toMatch(/function loadRules\(|function crossCheck\(/);
    expect(text).toMatch(/rules-checked\.js/);
    expect(text.length).toBeLessThan(600_000);
  });
});

describe('options given twice, narrow terminals (red team rt13c)', () => {
  it('an option given twice is a usage error naming it, in the language asked for, never a crash', () => {
    for (const args of [['eval', '311-3', '--lang', 'en', '--lang', 'en'], ['show', '311-3', '--format', 'x', '--lang', 'en', '--lang', 'en']]) {
      const r = quantum(args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^quantum: option --lang is given more than once: give it once\n/);
    }
    for (const [args, opt] of [[['eval', '311-3', '--format', 'csv', '--format', 'csv'], '--format'], [['eval', '311-3', '--judgment-date', '2025-01-01', '--judgment-date', '2025-01-01'], '--judgment-date'], [['rules', 'stats', '--rules', 'rules', '--rules', 'rules'], '--rules'], [['batch', 'x', '--out', 'a', '--out', 'b'], '--out']] as const) {
      const r = quantum([...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain(`l'option ${opt} est donnée plusieurs fois`);
    }
  });
  it('a switch given twice, even as --x=false then --x, or by its alias, is refused; "--" is said unsupported (red team rt14c)', () => {
    for (const [args, opt] of [[['eval', '311-3', '--trace=false', '--trace'], '--trace'], [['eval', '311-3', '--complementaires', '--complementary'], '--complementary']] as const) {
      const r = quantum([...args]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`l'option ${opt} est donnée plusieurs fois`);
    }
    const dash = quantum(['eval', '--date', '2024-05-01', '--', '311-3']);
    expect(dash.code).toBe(2);
    expect(dash.err).toContain("« -- » n'est pas pris en charge");
  });
  it('several --prior and several refs stay lists', () => {
    const r = quantum(['eval', '311-3', '311-4', '--date', '2024-01-01', '--prior', '311-3@2020-01-01', '--prior', '311-4@2021-01-01', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).charges).toHaveLength(2);
  });
  it('a terminal narrower than 40 columns gets 40-column text, not an internal error', () => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', `process.stdout.columns = 10; process.argv = [process.argv[0], ${JSON.stringify(BIN)}, 'eval', '311-3', '222-13 1°', '--date', '2024-01-01']; await import(${JSON.stringify(BIN)});`], { encoding: 'utf8', input: '', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status, r.stderr).toBe(0);
    const widest = Math.max(...r.stdout.split('\n').map((l) => l.length));
    expect(widest).toBeLessThanOrEqual(40);
    expect(widest).toBeGreaterThan(30);
  });
});

describe('nothing a user gave is dropped unsaid (red team rt13c)', () => {
  it('--trace, --complementary or --full with --format csv: refused (CSV has no room for them)', () => {
    for (const flag of ['--trace', '--complementary', '--full']) {
      const r = quantum(['eval', '311-3', flag, '--format', 'csv']);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`${flag} et --format csv se contredisent`);
    }
  });
  it('an attempt said twice in one charge is refused; 1 and 0 mean yes and no, as in CSV', () => {
    const twice = quantum(['eval', '311-3; tentative; tentative=non']);
    expect(twice.code).toBe(2);
    expect(twice.err).toContain('« tentative » est donné deux fois');
    const one = quantum(['eval', '311-3; tentative=1', '--date', '2024-01-01', '--json']);
    expect(JSON.parse(one.out).charges[0].attempt).toBe(true); // 311-13: the attempt of theft is punishable
  });
  it('--legal-person with --birth-date: refused in the command line\'s terms', () => {
    const r = quantum(['eval', '311-3', '--legal-person', '--birth-date', '2000-01-01']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--legal-person et --birth-date se contredisent');
  });
  it('an empty case on standard input is said to be empty, not a JSON syntax error', () => {
    const r = quantum(['eval', '-'], '');
    expect(r.code).toBe(1);
    expect(r.err).toBe("quantum: erreur PARSE_ERROR : l'entrée standard est vide : un cas JSON est attendu (docs/contract.md)\n");
  });
  it('list with punctuation only finds nothing, not the whole catalogue', () => {
    const r = quantum(['list', '(']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('Aucune disposition ne correspond.\n');
  });
});

describe('show on a date before a provision existed says why, as eval does', () => {
  const line = (ref: string, date: string) => quantum(['show', ref, '--date', date, '--width', '300']).out.split('\n').find((l) => l.startsWith('En vigueur le'));
  it('before the data (the former Code pénal): not "not in force" but not held', () => {
    expect(line('311-3', '1990-01-01')).toBe("En vigueur le 01/01/1990 : le texte alors applicable n'est pas dans les données (elles commencent le 01/03/1994)");
  });
  it('a recodified offence names its former number; a new offence says since when', () => {
    // CESEDA L823-3 al. 1 replaced L622-5 on 2021-05-01 (ord. n° 2020-1733); 421-2-2 was created by loi n° 2001-1062.
    expect(line('CESEDA L823-3 al. 1', '2019-01-01')).toBe('En vigueur le 01/01/2019 : pas sous ce numéro à cette date ; le texte alors applicable est CESEDA L622-5');
    expect(line('421-2-2', '2000-01-01')).toBe('En vigueur le 01/01/2000 : pas encore en vigueur à cette date (depuis le 16/11/2001)');
  });
});

describe('diff and dates said as the user gave them (red team rt14c)', () => {
  it('diff --json --lang en labels in English; --to before --from is refused', () => {
    const j = JSON.parse(quantum(['diff', '--from', '2024-01-01', '--to', '2025-01-01', '--json', '--lang', 'en']).out);
    expect(j[0].label).toBe(j[0].labels.en);
    const back = quantum(['diff', '--from', '2025-01-01', '--to', '2024-01-01']);
    expect(back.code).toBe(2);
    expect(back.err).toContain('--to (2024-01-01) précède --from (2025-01-01)');
  });
  it('facts after a judgment date that was defaulted: the error says it is today by default and how to give it', () => {
    const r = quantum(['eval', '311-3', '--date', '2030-01-01']);
    expect(r.err).toMatch(/aujourd'hui par défaut\) est antérieure à celle des faits \(01\/01\/2030\) : donnez la date du jugement \(--judgment-date/);
  });
});

describe('an option that takes a value, given none (new-user pass ux20)', () => {
  // Each command's options that take a value (from yargs): given last, before another option, or as --x=, a usage
  // error naming the option and what it takes, exit 2; never an empty value used as one (RULES_ERROR with no name).
  const cases: [string[], string][] = [
    [['eval', '311-3', '--rules'], '--rules attend une valeur : un répertoire de règles'],
    [['rules', 'validate', '--rules'], '--rules attend une valeur : un répertoire de règles'],
    [['rules', 'validate', '--rules='], '--rules attend une valeur'],
    [['eval', '311-3', '--rules', ''], '--rules attend une valeur'],
    [['eval', '311-3', '--date', '--json'], '--date attend une valeur : une date'],
    [['eval', '311-3', '--width'], '--width attend une valeur : un nombre entier'],
    [['eval', '311-3', '--lang'], '--lang attend une valeur : fr ou en'],
    [['eval', '311-3', '--format'], '--format attend une valeur : text, json, markdown ou csv'],
    [['eval', '311-3', '--max-case-bytes'], '--max-case-bytes attend une valeur'],
    [['eval', '311-3', '--naissance'], '--naissance attend une valeur : une date'],
    [['eval', '311-3', '--judgmentDate'], '--judgmentDate attend une valeur : une date'],
    [['eval', '--case'], "--case attend une valeur : un fichier de cas JSON, ou - pour l'entrée standard"],
    [['show', '311-3', '--date'], '--date attend une valeur'],
    [['list', 'vol', '--width'], '--width attend une valeur'],
    [['diff', '--from', '2020-01-01', '--to'], '--to attend une valeur'],
    [['batch', '-', '--workers'], '--workers attend une valeur : un nombre entier'],
    [['batch', '-', '--delimiter'], '--delimiter attend une valeur : « , » ou « ; »'],
    [['batch', '-', '--output'], '--output attend une valeur : jsonl ou csv'],
    [['batch', '-', '--max-line'], '--max-line attend une valeur'],
  ];
  it.each(cases)('%j: exit 2, %s', (args, said) => {
    const r = quantum(args, '');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(`quantum: ${said}`);
  });
  it('in English too; a value that starts with "-" (standard input) is a value', () => {
    expect(quantum(['eval', '311-3', '--format', '--lang', 'en']).err).toContain('--format needs a value: text, json, markdown or csv');
    const r = quantum(['eval', '--case', '-', '--json'], JSON.stringify({ date: '2024-05-01', charges: [{ ref: '311-3' }] }));
    expect(r.code).toBe(0);
  });
});

describe("eval --help's lists come from the rules (new-user pass ux20)", () => {
  it('avec=N names every cumulation clause and aggravation= every general aggravation of rules/general', () => {
    const general = (f: string) => JSON.parse(readFileSync(new URL(`../../rules/general/${f}`, import.meta.url), 'utf8'));
    const help = quantum(['eval', '--help']).out.replace(/\s+/g, ' ');
    for (const c of general('cumulation.json').clauses) expect(help).toContain(c.article);
    expect(help).toContain(`aggravation=${general('aggravations.json').aggravations.map((a: { key: string }) => a.key).join('|')}`);
  });
  it('a rules directory that cannot be read: the help says "par ex." rather than a list', () => {
    const help = quantum(['eval', '--help', '--rules', '/nonexistent']).out.replace(/\s+/g, ' ');
    expect(help).toContain('sous une règle de cumul : par ex. 434-31');
  });
});

describe("messages in the user's terms (new-user pass ux20)", () => {
  it('charges on the command line are told montant= and predicat=, never the JSON keys; a JSON case keeps them', () => {
    expect(quantum(['eval', '311-3; montant=100', '--date', '2024-05-01']).err).toContain('311-3 ne prévoit pas d\'amende proportionnelle à un montant ; retirez « montant= »');
    expect(quantum(['eval', '311-3; predicat=222-34', '--date', '2024-05-01']).err).toContain('retirez « predicat= »');
    expect(quantum(['eval', '450-1', '--date', '2024-05-01']).err).toContain('donnez-la avec « predicat= » (par ex. predicat=222-37)');
    expect(quantum(['eval', '450-1', '--date', '2024-05-01', '--lang', 'en']).err).toContain('give a predicate (e.g. predicate=222-37)');
    const customs = quantum(['eval', 'douanes 415', '--date', '2024-05-01', '--width', '200']).out;
    expect(customs).toContain('(« montant= »)');
    expect(customs).not.toMatch(/amount/);
    const json = quantum(['eval', '-'], JSON.stringify({ date: '2024-05-01', charges: [{ ref: '311-3', amount: '100' }] }));
    expect(json.err).toContain('retirez « amount »');
  });
  it('show and list name a proportional fine without the JSON key', () => {
    for (const args of [['show', 'douanes 415'], ['list', 'douanes', '415']]) {
      const out = quantum([...args, '--width', '200']).out;
      expect(out).toContain("amende proportionnelle (à une assiette : montant= d'un chef)");
      expect(out).not.toMatch(/amount/);
    }
  });
});

describe("the command line's own refusals in the user's words (new-user pass ux20)", () => {
  it('an unknown option is named with its dashes and the command whose help lists them', () => {
    const r = quantum(['eval', '311-3', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('quantum: option inconnue --bogus pour quantum eval (quantum eval --help les liste)');
    expect(quantum(['eval', '311-3', '-x', '--lang', 'en']).err).toContain('unknown option -x for quantum eval');
    expect(quantum(['eval', '311-3', '--no-trace', '--date', '2024-05-01']).code).toBe(0);
  });
  it('diff without its dates, rules without its action, show without its ref: what they take, in French', () => {
    expect(quantum(['diff']).err).toContain('quantum: diff demande --from et --to, deux dates');
    expect(quantum(['diff', '--from', '2020-01-01']).err).toContain('quantum: diff demande --to,');
    const rules = quantum(['rules']);
    expect(rules.code).toBe(2);
    expect(rules.err).toContain('quantum: rules attend une action : validate');
    expect(quantum(['rules', '--lang', 'en']).err).toContain('rules needs an action: validate');
    expect(quantum(['show']).err).toContain('quantum: show attend une référence, par ex. quantum show 323-3-2');
  });
  it('completion takes bash or zsh (the script for that shell); another word is refused, never "did you mean batch?"', () => {
    const bash = quantum(['completion', 'bash']);
    expect(bash.code).toBe(0);
    expect(bash.out).toContain('###-begin-quantum-completions-###');
    expect(bash.out).not.toContain('#compdef');
    expect(quantum(['completion', 'zsh']).out).toContain('#compdef quantum');
    const fish = quantum(['completion', 'fish']);
    expect(fish.code).toBe(2);
    expect(fish.err).toContain('quantum completion écrit le script de bash ou de zsh');
    expect(fish.err).not.toContain('batch');
    // Two shells: one script only; the second word is not taken for a command ("Vouliez-vous dire show ?").
    const two = quantum(['completion', 'bash', 'zsh']);
    expect(two.code).toBe(2);
    expect(two.err).toContain('« bash zsh »');
    expect(two.err).not.toContain('show');
    // An option's value is not a second shell (ux21: "completion bash --lang en" was refused as « bash en »).
    const en = quantum(['completion', 'bash', '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.out).toContain('###-begin-quantum-completions-###');
    // No shell named and $SHELL is another one: refused, not bash's script printed for fish (ux21).
    const fishEnv = spawnSync(process.execPath, [BIN, 'completion'], { encoding: 'utf8', env: { ...process.env, SHELL: '/usr/bin/fish', NO_COLOR: '1' } });
    expect(fishEnv.status).toBe(2);
    expect(fishEnv.stderr).toContain('« fish »');
  });
  it('the shell asking for completions after "--" (quantum eval --<TAB>) is answered, not refused (attacker rt22b)', () => {
    const c = quantum(['--get-yargs-completions', 'quantum', 'eval', '--']);
    expect(c.code).toBe(0);
    expect(c.err).toBe('');
    expect(c.out).toContain('--date');
  });
});

describe('errors that say what is wrong (new-user pass ux20)', () => {
  const err = (args: string[], input?: string) => quantum(args, input).err;
  it('a charge that names itself with avec=N is told it cannot; a number past the last charge is told it does not exist', () => {
    expect(err(['eval', '311-3', '434-27 al. 2; avec=2'])).toContain('avec=2 dans « 434-27 al. 2; avec=2 » : ce chef est le n° 2 et ne peut pas se nommer lui-même');
    expect(err(['eval', '311-3', '434-27 al. 2; avec=5'])).toContain("il n'y a pas de chef n° 5 ; donnez le numéro d'un autre chef, de 1 à 2");
  });
  it('--prior with an impossible date names the date', () => {
    const r = quantum(['eval', '311-3', '--prior', '311-3@2020-13-01']);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--prior « 311-3@2020-13-01 » : « 2020-13-01 » n'est pas une date réelle du calendrier");
  });
  it('an amount with three decimals is told "deux décimales au plus"; a negative one that an amount is positive', () => {
    expect(err(['eval', '324-1; montant=1.123; predicat=222-34'])).toContain(': deux décimales au plus');
    expect(err(['eval', '324-1; montant=-5; predicat=222-34'])).toContain(': un montant est positif');
  });
  it('attempt=maybe lists every value attempt takes', () => {
    const e = err(['eval', '311-3; attempt=maybe']);
    for (const v of ['oui', 'non', '1', '0', 'true', 'false']) expect(e).toContain(v);
    expect(e).toContain('pas « maybe »');
  });
  it('several refs in one argument: told to give each charge as an argument of its own', () => {
    expect(err(['eval', '311-3, 222-37'])).toContain("n'est pas une référence de disposition mais 2 : 311-3, 222-37 ; donnez chacun comme un chef à part (un argument chacun, entre guillemets)");
    expect(err(['eval', '311-3; 222-37'])).toContain('« 222-37 » dans « 311-3; 222-37 » n\'est pas une option de chef : chaque chef est un argument à part, par ex. quantum eval "311-3" "222-37"');
  });
  it('a JSON case with several problems names each, one per field (a date that is not one is one problem)', () => {
    expect(err(['eval', '-'], JSON.stringify({ date: '31/12/2024', charges: [{ ref: '311-3' }] }))).toMatch(/\(date\) : doit être une date AAAA-MM-JJ\n$/);
    expect(err(['eval', '-'], JSON.stringify({ date: '31/12/2024', judgmentDate: '2025/01/01', charges: [{ ref: '311-3' }] }))).toContain('doit être une date AAAA-MM-JJ ; et aussi judgmentDate: doit être une date AAAA-MM-JJ');
  });
  it('an article\'s tiers are listed as the suggestions give them, their items apart ("presse 24 bis al. 2 (ou son 1°)")', () => {
    const r = JSON.parse(quantum(['eval', 'presse 24 bis', '--json']).out);
    expect(r.error.message).toContain('presse 24 bis al. 2 (ou son 1°)');
    for (const s of r.error.suggestions) expect(r.error.message).toContain(`${s}`);
    expect(r.error.suggestions).toContain('presse 24 bis al. 2');
  });
});

describe('--full with a part said false (new-user pass ux20)', () => {
  it('--full --trace=false (or --no-trace): the complementary penalties, no explanation; --full --complementary=false the reverse', () => {
    const heads = (args: string[]) => quantum(['eval', '225-5', '--date', '2024-05-01', ...args]).out.split('\n').filter((l) => /^(Explication|Peines complémentaires)/.test(l)).map((l) => l.split(' ')[0]);
    expect(heads(['--full'])).toEqual(['Peines', 'Explication']);
    expect(heads(['--full', '--trace=false'])).toEqual(['Peines']);
    expect(heads(['--full', '--no-trace'])).toEqual(['Peines']);
    expect(heads(['--full', '--complementary=false'])).toEqual(['Explication']);
  });
});
