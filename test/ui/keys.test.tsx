// No input can crash the terminal UI (red team rt10c, 1): ink 6.8's useInput threw on ESC[31m, ESC[0m, ESC[5n.
// Every kind of sequence a terminal or a paste can deliver goes to stdin, alone and among ordinary keys, then
// random bytes: the UI stays up, draws, and what is typed around the sequences is what the field holds.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Text } from 'ink';
import { App } from '../../src/ui/App.js';
import { Guard } from '../../src/ui/run.js';
import { keyEvent, splitKeys, splitText, useKeys } from '../../src/ui/keys.js';
import { loadRules } from '../../src/index.js';
import { KEY, mount, tick } from './harness.js';

const rules = loadRules();
let mounted: ReturnType<typeof mount>[] = [];
afterEach(() => { for (const m of mounted) m.instance.unmount(); mounted = []; });

/** The app, and the errors it ended with (ink's exit with an error), if any. */
function app(columns = 80) {
  const exportDir = mkdtempSync(join(tmpdir(), 'quantum-keys-'));
  const m = mount(<App rules={rules} today="2026-11-29" lang="fr" exportDir={exportDir} initial={{ date: '2024-05-01' }} />, columns);
  mounted.push(m);
  const failures: unknown[] = [];
  m.instance.waitUntilExit().catch((e: unknown) => failures.push(e));
  return { ...m, failures };
}
const searchLine = (f: string) => f.split('\n')[1] ?? '';

const CSI = ['\u001b[31m', '\u001b[0m', '\u001b[5n', '\u001b[6n', '\u001b[c', '\u001b[>c', '\u001b[?1049h', '\u001b[2J', '\u001b[H', '\u001b[1;1R',
  '\u001b[200~', '\u001b[201~', '\u001b[I', '\u001b[O', '\u001b[<0;10;5M', '\u001b[<64;1;1m', '\u001b[M !!', '\u001b[97u', '\u001b[1;5u', '\u001b[0u',
  '\u001b[99999999u', '\u001b[1;5A', '\u001b[1;3B', '\u001b[3~', '\u001b[2~', '\u001b[15~', '\u001b[24~', '\u001b[[A', '\u001b[[5~', '\u001b[1;2:3A',
  '\u001b[38;2;255;0;0m', '\u001b[?u', '\u001b[=5u', '\u001b[ q', '\u001b[!p', '\u001b[4;5;6t', '\u001b[Z', '\u001b[E', '\u001b[1;5P', '\u001b[3;1:3~'];
const STRINGS = ['\u001b]0;title\u0007', '\u001b]8;;http://x\u001b\\', '\u001b]52;c;AAAA\u0007', '\u001b]11;rgb:0000/0000/0000\u001b\\',
  '\u001bP1$r0m\u001b\\', '\u001bPq#0;2;0;0;0\u001b\\', '\u001b_Gi=1\u001b\\', '\u001b^x\u001b\\', '\u001bXx\u001b\\', '\u001b]0;x\u009c'];
const SS3 = ['\u001bOA', '\u001bOP', '\u001bOj', '\u001bOZ', '\u001bO\u007f'];
const OTHER = ['\u001b\u001b', '\u001b\u001b[A', '\u001b\u001b[31m', '\u001bc', '\u001b7', '\u001b8', '\u001b=', '\u001b>', '\u001b(B', '\u001b#8', '\u001b%G',
  '\u001b N', '\u001bhello', '\u001b€', '\u001b😀', '\u009b31m', '\u009d0;x\u009c', '\u008fA', '\u0000', '\u001c', '\u001f', '\u200b', '\u202e', '\ud800'];
const ALL = [...CSI, ...STRINGS, ...SS3, ...OTHER];
/** The sequences that are no key of the UI's (not an arrow, Tab, Esc, Alt-letter…): they must change nothing. */
const NOISE = ALL.filter((s) => { const r = splitKeys(s); return !r.rest && r.pieces.every((p) => keyEvent(p) === null); });

describe('the keyboard reader', () => {
  it('splits a read without losing a character: pieces then the unfinished rest are the read', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.constantFrom(...ALL, '\u001b', '\u001b[', '\u001b]8;'), fc.string({ unit: 'binary' })), { maxLength: 12 }), (parts) => {
      const data = parts.join('');
      const { pieces, rest } = splitKeys(data);
      expect(pieces.map((p) => p.text).join('') + rest).toBe(data);
      for (const p of pieces) {
        const ev = keyEvent(p);
        // No event carries an escape into the UI, and a text piece never starts a sequence.
        if (ev) expect(ev.input).not.toContain('\u001b');
      }
    }), { numRuns: 3000 });
  });

  it('names the keys the UI uses and drops the rest', () => {
    const ev = (s: string) => splitKeys(s).pieces.map(keyEvent);
    expect(ev('\u001b[A')).toEqual([{ input: '', key: { upArrow: true } }]);
    expect(ev('\u001bOB')).toEqual([{ input: '', key: { downArrow: true } }]);
    expect(ev('\u001b[1;5A')).toEqual([{ input: '', key: { upArrow: true } }]);
    expect(ev('\u001b[5~\u001b[6~\u001b[3~\u001b[Z')).toEqual([{ input: '', key: { pageUp: true } }, { input: '', key: { pageDown: true } }, { input: '', key: { delete: true } }, { input: '', key: { tab: true } }]);
    expect(ev('\r')).toEqual([{ input: '\r', key: { return: true } }]);
    expect(ev('\u0015')).toEqual([{ input: 'u', key: { ctrl: true } }]);
    expect(ev('\u001bq')).toEqual([{ input: 'q', key: { meta: true } }]);
    expect(ev('ab\u001b[31mcd')).toEqual([{ input: 'ab', key: {} }, null, { input: 'cd', key: {} }]);
    for (const s of ['\u001b[31m', '\u001b[0m', '\u001b[5n', '\u001b[200~', '\u001b[<0;10;5M', '\u001b[97u', '\u001b[15~', '\u001b[[A', ...STRINGS, '\u001bOP']) expect(ev(s), JSON.stringify(s)).toEqual([null]);
    expect(NOISE.length).toBeGreaterThan(40);
    // A lone ESC, or a sequence cut at the end of a read, waits for the next read.
    expect(splitKeys('x\u001b')).toEqual({ pieces: [{ kind: 'text', text: 'x' }], rest: '\u001b' });
    expect(splitKeys('\u001b[3').rest).toBe('\u001b[3');
    expect(splitKeys('\u001b]0;never ended'.padEnd(5000, 'x')).rest).toBe('');
  });

  it('an exception while handling a key goes to the UI\'s error path, not out of the stdin listener', async () => {
    const errors: unknown[] = [];
    function Throws() {
      useKeys(() => { throw new Error('boom'); }, () => {}, (e) => errors.push(e));
      return <Text>x</Text>;
    }
    const m = mount(<Throws />);
    mounted.push(m);
    await m.press('a');
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain('boom');
  });

  it('what a component throws ends the UI with the error and draws no stack trace (run.tsx Guard)', async () => {
    function Boom(): never { throw new Error('render failed'); }
    const m = mount(<Guard><Boom /></Guard>);
    mounted.push(m);
    await expect(m.instance.waitUntilExit()).rejects.toThrow('render failed');
    expect(m.frame()).not.toMatch(/at |\.tsx?:|ERROR/);
  });
});

describe('the terminal UI under hostile input', () => {
  it('every sequence, in the search field and in a prompt, among typed keys: no crash, nothing but the keys typed', async () => {
    const a = app();
    await a.type('vol');
    for (const s of NOISE) await a.send(s);
    await a.type(' a');
    expect(searchLine(a.frame())).toMatch(/^Recherche › vol a +\(\d+\)$/);
    // Then every one, keys included (Tab, Esc, arrows, Alt-h…): the UI stays up.
    for (const s of ALL) await a.send(s);
    await tick();
    expect(a.failures).toEqual([]);
    expect(a.frame()).toMatch(/Recherche|Chefs/);
  });

  it('several keys in one read (fast typing, a pasted list of refs) each act: no command is lost (red team rt11a)', async () => {
    const a = app();
    // Two refs, each followed by Enter, in a single read: both charges are added.
    await a.send('311-3\r222-37\r');
    await tick();
    const f = a.frame();
    expect(f).toMatch(/Chefs \(2\)/);
    expect(f).toMatch(/^ +311-3 +3 ans/m);
    expect(f).toMatch(/^ +222-37 +10 ans/m);
    expect(a.failures).toEqual([]);
    // splitText: control keys apart, short runs per character, a long paste whole.
    expect(splitText({ kind: 'text', text: '\td' }).map((p) => p.text)).toEqual(['\t', 'd']);
    expect(splitText({ kind: 'text', text: 'tc' }).map((p) => p.text)).toEqual(['t', 'c']);
    expect(splitText({ kind: 'text', text: 'x'.repeat(20) }).map((p) => p.text)).toEqual(['x'.repeat(20)]);
  });

  it('the same in a prompt (the amount of a charge)', async () => {
    const a = app();
    await a.type('311-3'); await a.press(KEY.enter);
    await a.press(KEY.tab); await a.type('m12');
    for (const s of NOISE) await a.send(s);
    await a.type('34');
    expect(a.frame()).toMatch(/Montant \(€\) › 1234 /);
    expect(a.failures).toEqual([]);
  });

  it('sequences split between two reads of the same turn, glued to keys: read whole, nothing typed but the keys', async () => {
    const a = app();
    for (const s of NOISE) {
      const cut = Math.max(1, Math.floor(s.length / 2));
      a.write(`x${s.slice(0, cut)}`);
      a.write(`${s.slice(cut)}y`);
      await tick(2);
    }
    await tick();
    expect(a.failures).toEqual([]);
    expect(searchLine(a.frame())).toMatch(/^(Recherche › |…y?)(xy)+ +\(\d+\)$/);
  });

  it('random bytes never make the UI throw (fast-check)', async () => {
    // Ctrl-C (0x03) quits and Esc then q too: a run that quits is still a run without an exception.
    const chunk = fc.oneof(fc.uint8Array({ maxLength: 24 }).map((b) => Buffer.from(b).toString('latin1')),
      fc.uint8Array({ maxLength: 24 }).map((b) => Buffer.from(b).toString('utf8')), fc.constantFrom(...ALL, KEY.tab, KEY.enter, KEY.esc, 'm', 'f', 'r', 'x', '?'));
    await fc.assert(fc.asyncProperty(fc.array(chunk, { minLength: 1, maxLength: 12 }), async (chunks) => {
      const a = app(60 + (chunks.length % 3) * 20);
      for (const c of chunks) await a.send(c);
      await tick(5);
      a.instance.unmount();
      await tick(1);
      expect(a.failures).toEqual([]);
    }), { numRuns: 100 });
  }, 60_000);
});
