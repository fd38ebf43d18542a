// `quantum tui` as a user runs it: without a terminal it refuses as a usage error (exit 2, as the README says); in a pseudo terminal (script), escape sequences that crashed it (red team rt10c,
// 1: ESC[31m, ESC[0m, ESC[5n) do not, and Esc then q still quits.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const BIN = new URL('../../bin/quantum.js', import.meta.url).pathname;
const SCRIPT = '/usr/bin/script';

describe('quantum tui', () => {
  it('without a terminal: a usage error (exit 2), as `quantum` alone; one line and the help pointer on stderr, --json or not', () => {
    for (const args of [['tui'], ['tui', '--json', '--lang', 'en']]) {
      const r = spawnSync(process.execPath, [BIN, ...args], { input: '', encoding: 'utf8' });
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(2);
    }
    expect(spawnSync(process.execPath, [BIN, 'tui'], { input: '', encoding: 'utf8' }).stderr).toContain("quantum: tui : l'interface demande un terminal interactif");
    expect(spawnSync(process.execPath, [BIN, 'tui', '--json', '--lang', 'en'], { input: '', encoding: 'utf8' }).stderr).toContain('quantum: tui: the interface needs an interactive terminal');
    expect(spawnSync(process.execPath, [BIN], { input: '', encoding: 'utf8' }).status).toBe(2);
  });

  it.skipIf(!existsSync(SCRIPT))('in a terminal, ESC[31m, ESC[0m, ESC[5n and an OSC do not crash it; Esc then q quits with 0', async () => {
    const p = spawn(SCRIPT, ['-qfec', `${process.execPath} ${BIN} tui`, '/dev/null'], { env: { ...process.env, COLUMNS: '80', LINES: '24', NO_COLOR: '1' } });
    let out = '';
    p.stdout.on('data', (b: Buffer) => { out += b.toString(); });
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const until = async (f: () => boolean) => { for (let i = 0; i < 200 && !f(); i++) await wait(50); };
    await until(() => out.includes('Recherche'));
    for (const s of ['\u001b[31m', 'vol', '\u001b[0m', '\u001b[5n', '\u001b]0;x\u0007', ' a']) { p.stdin.write(s); await wait(100); }
    p.stdin.write('\u001b'); await wait(300); p.stdin.write('q');
    const code = await new Promise<number | null>((r) => { p.on('exit', r); setTimeout(() => { p.kill('SIGKILL'); r(null); }, 10_000); });
    expect(out).not.toMatch(/TypeError|startsWith|at .*tui\.js/);
    expect(out).toContain('vol a');
    expect(code).toBe(0);
  }, 20_000);
});
