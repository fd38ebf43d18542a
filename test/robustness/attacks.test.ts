// Each attack a hostile user tried (issue 13), reproduced: nothing is lost, nothing is injected, every failure is
// named with its exit code. These run the built executable as a user does.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, loadRules, DEFAULT_RULES_DIR } from '../../src/index.js';

const BIN = new URL('../../bin/quantum.js', import.meta.url).pathname;
const q = (args: string[], input?: string) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const dir = () => mkdtempSync(join(tmpdir(), 'quantum-attack-'));
const line = (i: number) => JSON.stringify({ id: `c${i}`, date: '2024-05-01', judgmentDate: '2026-11-29', charges: [{ ref: '225-5' }] });
const ESC = '\u001b';

describe('data loss', () => {
  it('--out naming the input (or a link to it) is refused, exit 2, the input untouched', () => {
    const d = dir();
    const input = join(d, 'x.jsonl');
    writeFileSync(input, `${line(1)}\n${line(2)}\n`);
    const before = readFileSync(input, 'utf8');
    expect(q(['batch', input, '--out', input]).code).toBe(2);
    symlinkSync(input, join(d, 'link.jsonl'));
    const r = q(['batch', input, '--out', join(d, 'link.jsonl')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('fichier d\'entrée');
    expect(readFileSync(input, 'utf8')).toBe(before);
  });

  it('a run that fails keeps the old --out file as it was (a bad CSV header)', () => {
    const d = dir();
    const out = join(d, 'results.csv');
    writeFileSync(out, 'precious\n');
    writeFileSync(join(d, 'in.csv'), 'id,colour\na,blue\n');
    const r = q(['batch', join(d, 'in.csv'), '--out', out]);
    expect(r.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('precious\n');
    expect(readdirSync(d).filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('a stray quote inside an unquoted CSV field is a PARSE_ERROR for that record only; every record gives a line', () => {
    const rows = ['id,refs,amount'];
    for (let i = 0; i < 1000; i++) rows.push(i % 97 === 5 ? `r${i},225-5,12" pipe` : `r${i},225-5,`);
    const r = q(['batch', '-', '--format', 'csv'], `${rows.join('\n')}\n`);
    const out = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.length).toBe(1000);
    const bad = out.filter((o) => !o.ok);
    expect(bad.map((o) => o.line)).toEqual(out.filter((_, i) => i % 97 === 5).map((o) => o.line));
    expect(bad.every((o) => o.error.code === 'PARSE_ERROR')).toBe(true);
    expect(out.filter((o) => o.ok).length).toBe(1000 - bad.length);
  });

  it('SIGTERM stops like Ctrl-C: whole lines, a summary, exit 143, the old --out file kept and the partial output named', async () => {
    const d = dir();
    const input = join(d, 'big.jsonl');
    writeFileSync(input, `${Array.from({ length: 200_000 }, (_, i) => line(i)).join('\n')}\n`);
    const out = join(d, 'out.jsonl');
    writeFileSync(out, 'old\n');
    const child = spawn(process.execPath, [BIN, 'batch', input, '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (b) => { err += b; });
    await new Promise((r) => setTimeout(r, 700));
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(code).toBe(143);
    expect(readFileSync(out, 'utf8')).toBe('old\n');
    const partial = readdirSync(d).find((f) => f.includes('partial'));
    expect(err).toContain('SIGTERM');
    if (partial) {
      // Where README says: beside FILE, hidden, named after it and the run's process.
      expect(partial).toBe(`.out.jsonl.quantum-${child.pid}.partial`);
      expect(err).toContain(partial);
      const text = readFileSync(join(d, partial), 'utf8');
      if (text) expect(text.endsWith('\n')).toBe(true);
    }
  }, 30_000);

  it('a result too large becomes a RESULT_TOO_LARGE record and the run goes on', () => {
    const huge = JSON.stringify({ id: 'huge', date: '2024-05-01', judgmentDate: '2026-11-29', charges: Array.from({ length: 10_000 }, () => ({ ref: '324-1', amount: '1000', predicate: '222-34' })) });
    const r = q(['batch', '-', '--trace'], `${line(1)}\n${huge}\n${line(3)}\n`);
    const out = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.ok)).toEqual([true, false, true]);
    expect(out[1].error.code).toBe('RESULT_TOO_LARGE');
    expect(out[1].id).toBe('huge');
  });
});

describe('injection', () => {
  it('CSV output neutralises cells a spreadsheet would run as formulas; --csv-raw keeps the bytes', () => {
    const input = 'id,refs\n"=HYPERLINK(""http://x"")",225-5\n+1,225-5\n@SUM(1),225-5\n';
    const safe = q(['batch', '-', '--format', 'csv', '--output', 'csv'], input).out.split('\n');
    expect(safe[1]).toMatch(/^2,"'=HYPERLINK\(""http:\/\/x""\)",true/);
    expect(safe[2]).toMatch(/^3,"'\+1",true/);
    expect(safe[3]).toMatch(/^4,"'@SUM\(1\)",true/);
    const raw = q(['batch', '-', '--format', 'csv', '--output', 'csv', '--csv-raw'], input).out.split('\n');
    expect(raw[1]).toMatch(/^2,"=HYPERLINK\(""http:\/\/x""\)",true/);
  });

  it('control characters from input never reach the terminal raw (text, errors); JSON stays exact', () => {
    const d = dir();
    const id = `X${ESC}[2J${ESC}]0;OWNED\u0007`;
    writeFileSync(join(d, 'case.json'), JSON.stringify({ id, date: '2024-05-01', charges: [{ ref: '225-5' }] }));
    const text = q(['eval', '--case', join(d, 'case.json')]);
    expect(text.out).not.toContain(ESC);
    expect(text.out).not.toContain('\u0007');
    expect(text.out).toContain('\\u{1b}[2J');
    const json = q(['eval', '--case', join(d, 'case.json'), '--json']);
    expect(JSON.parse(json.out).id).toBe(id);
    const err = q(['eval', `225-5${ESC}[2J`]);
    expect(err.code).toBe(1);
    expect(err.err).not.toContain(ESC);
    const md = q(['eval', '--case', join(d, 'case.json'), '--format', 'markdown']);
    expect(md.out).not.toContain(ESC);
  });

  it('a rules directory with control characters in its strings is refused, naming the file and path', () => {
    const d = dir();
    cpSync(DEFAULT_RULES_DIR, d, { recursive: true });
    const f = join(d, 'CP', '225-5.json');
    const j = JSON.parse(readFileSync(f, 'utf8'));
    j.provisions[0].label.fr = `Proxénétisme${ESC}]8;;http://evil${ESC}\\`;
    writeFileSync(f, JSON.stringify(j));
    const r = q(['rules', 'validate', '--rules', d]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('CP/225-5.json à provisions[0].label.fr : les caractères de contrôle et les caractères invisibles');
    expect(r.out).not.toContain(ESC);
  });
});

describe('errors that name what is wrong', () => {
  it('--out into a missing directory, onto a directory: exit 1 (README: an unwritable target is an error naming the file), one line naming the path and the reason', () => {
    const d = dir();
    const missing = q(['batch', '-', '--out', join(d, 'nope', 'r.jsonl')], `${line(1)}\n`);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/nope\/r\.jsonl.*ENOENT/);
    const onDir = q(['batch', '-', '--out', d], `${line(1)}\n`);
    expect(onDir.code).toBe(1);
    expect(onDir.err).toMatch(/EISDIR/);
  });

  it('a full disk (/dev/full) is a named write error, exit 1, not a closed pipe', () => {
    if (!existsSync('/dev/full')) return;
    for (const output of ['jsonl', 'csv']) {
      const r = q(['batch', '-', '--out', '/dev/full', '--output', output], `${line(1)}\n`);
      expect(r.code).toBe(1);
      expect(r.err).toContain('ENOSPC');
      expect(r.err).not.toContain('sortie fermée');
    }
  });

  it('an input that cannot be read is one line, no stack trace', () => {
    const d = dir();
    const r = q(['batch', d]);
    expect(r.code).toBe(1);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.err).toContain(d);
    const f = join(d, 'locked.jsonl');
    writeFileSync(f, `${line(1)}\n`);
    chmodSync(f, 0o000);
    const r2 = q(['batch', f]);
    // As root the file is still readable; otherwise EACCES, in one line.
    if (r2.code !== 0) expect(r2.err).not.toMatch(/\n\s+at /);
  });

  it('a case file that never ends (/dev/zero) stops at --max-case-bytes', () => {
    const r = q(['eval', '--case', '/dev/zero', '--max-case-bytes', '100000']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('100000');
    expect(r.err).toContain('READ_ERROR');
  });

  it('an input that cannot be read is a READ_ERROR (not PARSE_ERROR: nothing was parsed), batch and eval alike (new-user pass ux20)', () => {
    const d = dir();
    const batchJson = JSON.parse(q(['batch', join(d, 'missing.jsonl'), '--json']).out);
    expect(batchJson.error).toEqual({ code: 'READ_ERROR', path: null, message: expect.stringContaining('ENOENT (fichier ou répertoire introuvable)') });
    expect(JSON.parse(q(['eval', '--case', join(d, 'missing.json'), '--json']).out).error.code).toBe('READ_ERROR');
    expect(JSON.parse(q(['eval', '--case', d, '--json']).out).error.code).toBe('READ_ERROR');
    // Read, and not JSON: a PARSE_ERROR.
    writeFileSync(join(d, 'bad.json'), '{');
    expect(JSON.parse(q(['eval', '--case', join(d, 'bad.json'), '--json']).out).error.code).toBe('PARSE_ERROR');
  });

  it('--workers and --chunk have sane bounds', () => {
    expect(q(['batch', '-', '--workers', '10000'], `${line(1)}\n`).code).toBe(2);
    expect(q(['batch', '-', '--chunk', '100000'], `${line(1)}\n`).code).toBe(2);
  });

  it('rules validate refuses an item that ends before it starts', () => {
    const d = dir();
    cpSync(DEFAULT_RULES_DIR, d, { recursive: true });
    const f = join(d, 'CP', '225-7.json');
    const j = JSON.parse(readFileSync(f, 'utf8'));
    j.provisions[0].items.push({ sub: '99°', from: '2020-01-01', to: '2010-01-01' });
    writeFileSync(f, JSON.stringify(j));
    const r = q(['rules', 'validate', '--rules', d]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/la fin \(2010-01-01\) n'est pas postérieure au début \(2020-01-01\)/);
  });
});

describe('the library never throws for bad input', () => {
  const rules = loadRules();
  const ok = { date: '2024-05-01', charges: [{ ref: '225-5' }] };
  it('a Proxy, a throwing getter, inherited charges: error results, not throws', () => {
    expect(evaluate(rules, new Proxy(ok, {}), { today: '2026-11-29' }).ok).toBe(true);
    const trap = { charges: [{ ref: '225-5' }] };
    Object.defineProperty(trap, 'date', { enumerable: true, get() { throw new Error('boom'); } });
    const r = evaluate(rules, trap, { today: '2026-11-29' });
    expect(r.ok).toBe(false);
    const inherited = Object.create({ charges: [{ ref: '225-5' }] });
    const r2 = evaluate(rules, inherited, { today: '2026-11-29' });
    expect(!r2.ok && r2.error.path).toBe('charges');
  });
  it('options are checked: a wrong language, today, or limit is an error result naming the option', () => {
    const cases: [object, string][] = [[{ lang: 'de' }, 'options.lang'], [{ today: 'garbage' }, 'options.today'], [{ maxCharges: -1 }, 'options.maxCharges'], [{ maxCharges: Number.NaN }, 'options.maxCharges'], [{ today: '2024-02-30' }, 'options.today']];
    for (const [opts, path] of cases) {
      const r = evaluate(rules, ok, opts as never);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.path).toBe(path);
    }
  });
});

describe('session 7: what a user types and where the answer goes', () => {
  it('a switch given another value than true or false is a usage error, never read as false', () => {
    const r = q(['eval', '225-8', '--legal-person=yes']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--legal-person/);
  });
  it('eval writing to a full disk fails (exit 1), it does not report success', () => {
    if (!existsSync('/dev/full')) return;
    const r = spawnSync('sh', ['-c', `node ${BIN} eval 225-8 > /dev/full`], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/ENOSPC/);
  });
  it('--out keeps the permissions of the file it replaces, and replaces the file a link names, not the link', () => {
    const d = dir();
    const target = join(d, 'r.jsonl');
    writeFileSync(target, 'old\n');
    chmodSync(target, 0o600);
    symlinkSync(target, join(d, 'link.jsonl'));
    expect(q(['batch', '-', '--out', join(d, 'link.jsonl')], `${line(1)}\n`).code).toBe(0);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(lstatSync(join(d, 'link.jsonl')).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toMatch(/"ok":true/);
  });
});
