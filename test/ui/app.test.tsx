// The terminal UI at 80 x 24: each interaction and what the screen shows, exactly.
import { mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/ui/App.js';
import { loadRules } from '../../src/index.js';
import { KEY, mount, tick } from './harness.js';
import { sanitize } from '../../src/io/terminal.js';
import { MIN_TEXT_WIDTH } from '../../src/cli/common.js';

const rules = loadRules();
let mounted: ReturnType<typeof mount>[] = [];
afterEach(() => { for (const m of mounted) m.instance.unmount(); mounted = []; });

function app(props: Partial<Parameters<typeof App>[0]> = {}) {
  const exportDir = mkdtempSync(join(tmpdir(), 'quantum-tui-'));
  const m = mount(<App rules={rules} today="2026-11-29" lang="fr" exportDir={exportDir} now={() => new Date(2026, 10, 29, 10, 30, 0)} initial={{ date: '2024-05-01' }} {...props} />);
  mounted.push(m);
  return { ...m, exportDir };
}
const lines = (f: string) => f.split('\n');

describe('terminal UI', () => {
  it('fits 80 columns and 24 rows from the start', async () => {
    const a = app();
    await tick();
    const f = a.frame();
    expect(lines(f)[0]).toBe('quantum — faits 01/05/2024 · jugement 29/11/2026 (auj.) · personne physique');
    expect(lines(f).length).toBeLessThanOrEqual(24);
    expect(Math.max(...lines(f).map((l) => [...l].length))).toBeLessThanOrEqual(80);
    expect(f).toContain('aucun chef : tapez un article ou des mots, puis Entrée');
  });

  it('search filters the catalogue as you type', async () => {
    const a = app();
    await a.type('proxén');
    const f = a.frame();
    expect(lines(f)[1]).toMatch(/^Recherche › proxén/);
    expect(f).toContain('225-5');
    expect(f).not.toContain('323-3-2');
  });

  it('an exact ref and Enter adds it: 323-3-2 III gives 10 ans and 500 000 € (323-3-2 III)', async () => {
    const a = app();
    await a.type('323-3-2 III');
    await a.press(KEY.enter);
    const f = a.frame();
    expect(f).toContain("  323-3-2 III    10 ans d'emprisonnement · 500 000 €");
    expect(f).toContain("Total : 10 ans d'emprisonnement  ← 323-3-2 III, art. 132-5");
    expect(f).toContain('        500 000 €  ← 323-3-2 III, art. 132-3');
  });

  it('a customs charge without its value: the fine is "non calculée", never "aucune" (douanes 414: up to twice the value of the goods)', async () => {
    const a = app();
    await a.type('douanes 414');
    await a.press(KEY.enter);
    const f = a.frame();
    expect(f).toContain('amende non calculée (montant manquant)');
    expect(f).not.toContain('aucune amende');
  });

  it('the arithmetic sum lacks that fine too and says so: not a bare figure (douanes 415 with 311-3)', async () => {
    const a = app();
    await a.type('douanes 415'); await a.press(KEY.enter);
    await a.type('311-3'); await a.press(KEY.enter);
    expect(a.frame()).toMatch(/^Somme .*: 13 ans · 45 000 € \(sans l'amende non calculée\)$/m);
  });

  it('adding 225-8 moves the total to 20 ans de réclusion criminelle and 3 000 000 €, with the chart (132-3, 132-5)', async () => {
    const a = app();
    await a.type('323-3-2 III'); await a.press(KEY.enter);
    await a.type('225-8'); await a.press(KEY.enter);
    const f = a.frame();
    expect(f).toContain('Total : 20 ans de réclusion criminelle  ← 225-8, art. 132-5');
    expect(f).toContain('        3 000 000 €  ← 225-8, art. 132-3');
    expect(f).toContain('Somme arithmétique (pas la règle légale) : 30 ans · 3 500 000 €');
    // Bars: 10 years is half of the 30-year sum; the cap is the 20 years of 225-8.
    const bar = (label: string) => lines(f).find((l) => l.startsWith(label))!;
    const len = (l: string) => (l.match(/█+/) ?? [''])[0].length;
    expect(len(bar('323-3-2 III   '))).toBeLessThan(len(bar('225-8         ')));
    expect(len(bar('Maximum légal '))).toBe(len(bar('225-8         ')));
    expect(len(bar('Somme         '))).toBeGreaterThan(len(bar('Maximum légal ')));
    expect(lines(f).length).toBeLessThanOrEqual(24);
  });

  it('the arrows and Enter add the highlighted provision', async () => {
    const a = app();
    // "blanchiment" lists 324-1 (its short name), 324-4, then 324-2 1°: two lines down is 324-2 1°.
    await a.type('blanchiment');
    await a.press(KEY.down);
    await a.press(KEY.down);
    await a.press(KEY.enter);
    expect(a.frame()).toMatch(/Ajouté : 324-2 1°/);
  });

  it('a word that is also an alias: Enter after moving the highlight adds the highlighted line, not the alias (red team rt17a)', async () => {
    // "meurtre" is an alias of 221-1; the user moved to the second line: that line is what is added.
    const a = app();
    await a.type('meurtre');
    const second = lines(a.frame()).find((l) => /^\s*▸?\s*221-/.test(l) && !/221-1\b/.test(l));
    await a.press(KEY.down);
    await a.press(KEY.enter);
    expect(a.frame()).not.toMatch(/Ajouté : 221-1\b/);
    expect(a.frame()).toMatch(/Ajouté : 221-/);
    expect(second).toBeDefined();
  });

  it('an unknown general aggravation is refused in its field, the figures stay (red team rt17a)', async () => {
    const a = app();
    await a.type('311-3'); await a.press(KEY.enter);
    await a.press(KEY.tab); await a.type('a'); await a.type('foo'); await a.press(KEY.enter);
    const f = a.frame().replace(/\s+/g, ' ');
    expect(f).toContain('circonstance générale inconnue « foo » : 132-76 132-77 132-79 421-3 434-10');
    expect(f).toMatch(/3 ans/); // 311-3: three years, still shown
  });

  it('the explanation fits 24 rows with three charges: the header stays on screen (red team rt17a)', async () => {
    const a = app();
    for (const ref of ['311-3', '311-4', '311-5']) { await a.type(ref); await a.press(KEY.enter); }
    await a.press(KEY.tab); await a.type('x');
    const f = lines(a.frame());
    expect(f.length).toBeLessThanOrEqual(24);
    expect(f[0]).toMatch(/^quantum — /);
  });

  it('a charge that needs its predicate asks for it with the UI\'s key, not the JSON field (red team rt17a)', async () => {
    const a = app();
    await a.type('450-1'); await a.press(KEY.enter);
    const f = a.frame().replace(/\s+/g, ' ');
    expect(f).not.toContain('« predicate »');
    expect(f).toMatch(/chef 1 \(450-1\) : il dépend de l'infraction à laquelle il renvoie ; sélectionnez-le/);
  });

  it('explanation lines wrap to the terminal rather than being cut, with French or English punctuation (red team rt17a)', async () => {
    const a = app();
    await a.type('324-1'); await a.press(KEY.enter);
    await a.press(KEY.tab); await a.type('p'); await a.type('222-37'); await a.press(KEY.enter);
    await a.type('x');
    const f = a.frame();
    expect(f).toMatch(/étapes 1-\d+ sur \d+/); // the explanation is on screen
    const all = lines(f);
    const trace = all.slice(all.findIndex((l) => /^ 1\. \[/.test(l)), all.findIndex((l) => /^étapes /.test(l)));
    expect(trace.length).toBeGreaterThan(1);
    expect(trace.every((l) => [...l].length <= 80 && !l.endsWith('…'))).toBe(true);
  });

  it('a fine that is only proportional is named in the search list, not shown as none (douanes 411: one to two times the duties)', async () => {
    const a = app();
    await a.type('douanes 411');
    expect(a.frame()).toMatch(/douanes 411\s+amende proportionnelle/);
  });

  it('toggles attempt and complicity on the selected charge, and removes it', async () => {
    const a = app();
    await a.type('225-5'); await a.press(KEY.enter);
    await a.press(KEY.tab);
    await a.type('t');
    expect(a.frame()).toContain("▸ 225-5          7 ans d'emprisonnement · 150 000 €  [tentative]");
    await a.type('c');
    expect(a.frame()).toContain('[tentative · complicité]');
    await a.type('d');
    expect(a.frame()).toContain('Retiré : 225-5');
    expect(a.frame()).toContain('Chefs (0)');
  });

  it('a terminal narrower than 60 columns is told so, nothing is drawn past its edge', async () => {
    const exportDir = mkdtempSync(join(tmpdir(), 'quantum-tui-'));
    const m = mount(<App rules={rules} today="2026-11-29" lang="fr" exportDir={exportDir} initial={{ date: '2024-05-01' }} />, 40, 24);
    mounted.push(m);
    await tick();
    expect(m.frame()).toContain('Terminal trop étroit (40 colonnes)');
    for (const l of lines(m.frame())) expect(l.length).toBeLessThanOrEqual(40);
  });

  it('a terminal of 30 or 20 columns is offered an eval width eval takes (its minimum, from src/cli/common.ts)', async () => {
    for (const [columns, lang, text] of [[30, 'fr', `quantum eval --width ${MIN_TEXT_WIDTH}`], [20, 'en', `quantum eval --width ${MIN_TEXT_WIDTH}`], [50, 'fr', 'quantum eval --width 50']] as const) {
      const m = mount(<App rules={rules} today="2026-11-29" lang={lang} exportDir={tmpdir()} minEvalWidth={MIN_TEXT_WIDTH} />, columns, 24);
      mounted.push(m);
      await tick();
      expect(m.frame().replace(/\s+/g, ' ')).toContain(text);
    }
  });

  it('an export that fails says where and why in words, French spacing: "Échec de l\'export dans DIR : ENOENT (fichier ou répertoire introuvable)"', async () => {
    const dir = join(tmpdir(), 'quantum-no-such-dir', String(process.pid));
    for (const [lang, text] of [['fr', `Échec de l'export dans ${dir} : ENOENT (fichier ou répertoire introuvable)`], ['en', `Export to ${dir} failed: ENOENT (no such file or directory)`]] as const) {
      const a = app({ lang, exportDir: dir });
      await a.type('311-3'); await a.press(KEY.enter);
      await a.press(KEY.tab); await a.type('e');
      expect(a.frame().replace(/\s+/g, ' ')).toContain(text);
    }
  });

  // Bidi and invisible format characters typed in a field are shown escaped, by the shared function (src/io/terminal.ts);
  // branch fix/fx9a teaches it them. Until it does, this is a todo; it runs by itself once it does.
  const escapesBidi = sanitize('\u202e') !== '\u202e';
  (escapesBidi ? it : it.todo)('bidi and invisible characters typed or pasted in a field are shown escaped (U+202E, U+2066, U+200B)', async () => {
    const a = app();
    await a.press('vol\u202e\u2066\u200bx');
    const line = lines(a.frame())[1]!;
    expect(line).not.toMatch(/[\u202e\u2066\u200b]/);
    expect(line).toContain(sanitize('vol\u202e\u2066\u200bx'));
  });

  it('a value the prompt refuses says why under it, and the prompt stays open', async () => {
    const a = app();
    await a.type('324-1'); await a.press(KEY.enter);
    await a.press(KEY.tab); await a.type('m');
    await a.type('abc'); await a.press(KEY.enter);
    expect(a.frame()).toContain('montant attendu en euros');
    await a.type('x');
    expect(a.frame()).not.toContain('montant attendu en euros');
  });

  it('an amount on a text without a proportional fine is refused in the UI\'s terms: the m key, not the JSON field "amount"', async () => {
    const a = app();
    await a.type('311-3'); await a.press(KEY.enter);
    await a.press(KEY.tab); await a.type('m');
    await a.type('100'); await a.press(KEY.enter);
    const f = a.frame().replace(/\s+/g, ' ');
    expect(f).toContain('retirez « montant » (touche m)');
    expect(f).not.toContain('« amount »');
  });

  it('an attempt no text punishes shows the reason (121-4)', async () => {
    const a = app();
    await a.type('R625-1'); await a.press(KEY.enter);
    await a.press(KEY.tab); await a.type('t');
    expect(a.frame()).toContain('non punissable (tentative non punissable)');
  });

  it('changing the date of the facts applies the law of that date (112-1)', async () => {
    const a = app();
    await a.type('323-3-2 III'); await a.press(KEY.enter);
    await a.press(KEY.tab);
    await a.type('f');
    expect(a.frame()).toContain('Date des faits (JJ/MM/AAAA) › 2024-05-01');
    for (let i = 0; i < 10; i++) await a.press(KEY.backspace);
    await a.type('2022-06-01'); await a.press(KEY.enter);
    const f = a.frame();
    expect(lines(f)[0]).toContain('faits 01/06/2022');
    expect(f).toContain('non punissable (pas encore en vigueur)');
  });

  it('a provision that depends on another offence asks for it (450-1)', async () => {
    const a = app();
    await a.type('450-1'); await a.press(KEY.enter);
    expect(a.frame()).toContain('Infraction de référence (ex. 222-37) ›');
    await a.type('222-37'); await a.press(KEY.enter);
    expect(a.frame()).toContain("450-1          10 ans d'emprisonnement · 150 000 €  [réf. 222-37]");
  });

  it('legal person: no custody, fine x 5 (131-38)', async () => {
    const a = app();
    await a.type('323-3-2 III'); await a.press(KEY.enter);
    await a.press(KEY.tab); await a.type('l');
    expect(a.frame()).toContain('personne morale');
    expect(a.frame()).toContain('aucune privation de liberté · 2 500 000 €');
  });

  it('exports the case as contract JSON and a Markdown report, and says where', async () => {
    const a = app();
    await a.type('225-8'); await a.press(KEY.enter);
    await a.press(KEY.tab); await a.type('e');
    expect(a.frame()).toContain('Exporté : quantum-case-20261129-103000.json, quantum-report-20261129-103000.md');
    expect(readdirSync(a.exportDir).sort()).toEqual(['quantum-case-20261129-103000.json', 'quantum-report-20261129-103000.md']);
    const c = JSON.parse(readFileSync(join(a.exportDir, 'quantum-case-20261129-103000.json'), 'utf8'));
    expect(c).toEqual({ date: '2024-05-01', judgmentDate: '2026-11-29', charges: [{ ref: '225-8' }] });
    expect(readFileSync(join(a.exportDir, 'quantum-report-20261129-103000.md'), 'utf8')).toContain('**20 ans de réclusion criminelle**');
  });

  it('shows the help overlay and closes it with any key', async () => {
    const a = app();
    await a.type('?');
    expect(a.frame()).toContain('quantum — touches');
    expect(a.frame()).toContain('Échap puis q, ou Ctrl-C : quitter');
    await a.type(' ');
    expect(a.frame()).not.toContain('quantum — touches');
  });

  it('the help names Delete and Backspace beside d, and every cumulation clause of the rules for w (none hard-coded)', async () => {
    const a = app();
    await a.type('?');
    const f = a.frame().replace(/[│╭╮╰╯─]/g, ' ').replace(/\s+/g, ' ');
    expect(f).toContain('d (ou Suppr, Retour arrière) retirer');
    for (const c of rules.cumulation.clauses) expect(f).toContain(c.article);
    expect(rules.cumulation.clauses.map((c) => c.article)).toContain('CPP 706-56 II');
  });

  it('the trace panel shows the steps with their articles', async () => {
    const a = app();
    await a.type('225-8'); await a.press(KEY.enter);
    await a.press(KEY.tab); await a.type('x');
    expect(a.frame()).toMatch(/ 1\. \[112-1\] 225-8 : Texte applicable aux faits du 01\/05\/2024/);
  });

  it('Esc then q quits', async () => {
    const a = app();
    let exited = false;
    void a.instance.waitUntilExit().then(() => { exited = true; });
    await a.press(KEY.esc);
    expect(a.frame()).toContain('q pour quitter');
    await a.type('q');
    await tick(50);
    expect(exited).toBe(true);
  });

  it('a prior conviction puts the charge in récidive (132-9 al. 1): 222-37 doubled', async () => {
    const a = app();
    await a.type('222-37'); await a.press(KEY.enter);
    await a.press(KEY.tab); await a.type('r');
    await a.type('222-37@2018-01-10:2020-01-10'); await a.press(KEY.enter);
    const f = a.frame();
    expect(f).toContain('Antécédents : 222-37 (définitive le 10/01/2018, peine expirée le 10/01/2020)');
    expect(f).toContain("20 ans d'emprisonnement · 15 000 000 €  [récidive 132-9 al. 1]");
  });

  it('a birth date key gives a 16-year-old the minors\' excuse, both figures side by side (CJPM L121-5 to L121-7)', async () => {
    const a = app();
    await a.type('222-37'); await a.press(KEY.enter);
    await a.press(KEY.tab); await a.type('n');
    await a.type('15/01/2008'); await a.press(KEY.enter);
    const f = a.frame();
    expect(f).toContain('né(e) le 15/01/2008');
    // L121-5: 10 ans -> 5 ans; L121-6: 7 500 000 € -> half, capped at 7 500 €; L121-7: set aside, the adult's.
    expect(f).toMatch(/222-37 +5 ans emp\. · 7 500 € \| sans excuse 10 ans emp\. · 7 500 000 €/);
    expect(f).toContain("sans excuse : 10 ans d'emprisonnement · 7 500 000 €");
  });

  it('the repentis key cycles exemption, reduction, none (222-43, 132-78); the cumulation key pairs an escape (434-31)', async () => {
    const a = app();
    await a.type('222-37'); await a.press(KEY.enter);
    await a.press(KEY.tab); await a.type('v'); await a.type('v');
    // 222-43 as amended in 2025 (two thirds), a milder law for facts judged after it: 40 mois.
    expect(a.frame()).toMatch(/222-37 +3 ans et 4 mois d'emprisonnement · 7 500 000 €  \[repenti : réd/);
    // The condition of 222-43 is a warning, readable with x.
    await a.type('x');
    expect(a.frame()).toContain("l'article 222-43 s'applique à une condition");
    await a.type('x'); await a.type('v');
    expect(a.frame()).toMatch(/222-37 +10 ans d'emprisonnement · 7 500 000 € *$/m);
    await a.press(KEY.tab); await a.type('434-27 al. 2'); await a.press(KEY.enter);
    await a.press(KEY.tab); await a.type('w'); await a.type('1'); await a.press(KEY.enter);
    // 434-31: the escape's 3 ans add to the cap of 10 ans.
    expect(a.frame()).toContain("Total : 13 ans d'emprisonnement");
  });

  it('speaks English with --lang en', async () => {
    const a = app({ lang: 'en' });
    await a.type('323-3-2 III'); await a.press(KEY.enter);
    expect(a.frame()).toContain("Total: 10 years' imprisonment  ← 323-3-2 III, art. 132-5");
  });
});

describe('terminal UI: choices stay the user\'s, fields behave, nothing is cut', () => {
  it('323-3-2 alone asks which tier (I, II, III), with each tier\'s penalty; it never picks one', async () => {
    const a = app();
    await a.type('323-3-2'); await a.press(KEY.enter);
    let f = a.frame();
    expect(f).toContain("L'article 323-3-2 a plusieurs paliers de peine : lequel ?");
    expect(f).toMatch(/› 323-3-2 I +5 ans emp\. · 150 000 €/);   // 323-3-2 I: 5 years, 150 000 €
    expect(f).toMatch(/323-3-2 III +10 ans emp\. · 500 000 €/);  // 323-3-2 III: 10 years, 500 000 €
    expect(f).toContain('Chefs (0)');
    await a.press(KEY.down); await a.press(KEY.down); await a.press(KEY.enter);
    f = a.frame();
    expect(f).toContain('Ajouté : 323-3-2 III');
    expect(f).toContain('Chefs (1)');
  });

  it('Esc leaves the chooser without adding anything', async () => {
    const a = app();
    await a.type('323-3-2'); await a.press(KEY.enter);
    await a.press(KEY.esc);
    expect(a.frame()).toContain('Chefs (0)');
  });

  it('a list longer than the screen says how many more there are', async () => {
    const a = app();
    await a.type('vol');
    expect(a.frame()).toMatch(/… \d+ de plus \(↓\)/);
  });

  it('several Backspaces in one read delete, Ctrl-U clears, control characters never enter a field', async () => {
    const a = app();
    await a.press('225-5xx');
    await a.press('\u007f\u007f');
    expect(lines(a.frame())[1]).toMatch(/^Recherche › 225-5 /);
    await a.press('\u0015');
    expect(lines(a.frame())[1]).toMatch(/^Recherche ›  /);
    await a.press('a\u001b[2Jb');
    expect(a.frame()).not.toContain('\u001b[2J');
  });

  it('a key asks for general aggravations: 132-79 raises 323-3-2 III from 10 to 15 years\' réclusion (132-79, 132-76 table)', async () => {
    const a = app();
    await a.type('323-3-2 III'); await a.press(KEY.enter);
    await a.press(KEY.tab); await a.type('a');
    expect(a.frame()).toContain('Circonstances générales (132-76 132-77 132-79 421-3 434-10) ›');
    await a.type('132-79'); await a.press(KEY.enter);
    expect(a.frame()).toContain('15 ans de réclusion criminelle · 500 000 €  [132-79]');
  });

  it('the explanation scrolls with the arrows', async () => {
    const a = app();
    for (const ref of ['225-8', '323-3-2 III', '225-7', '324-1']) { await a.type(ref); await a.press(KEY.enter); }
    await a.press(KEY.tab); await a.type('x');
    expect(a.frame()).toMatch(/étapes 1-\d+ sur \d+/);
    // Scrolled by lines (a long step wraps over several): five lines down show a later first step, at most the 6th.
    for (let i = 0; i < 5; i++) await a.press(KEY.down);
    expect(a.frame()).toMatch(/étapes [2-6]-\d+ sur \d+/);
  });

  it('scrolling past the end of the explanation stops there: one press up scrolls back', async () => {
    const a = app();
    for (const ref of ['225-8', '323-3-2 III']) { await a.type(ref); await a.press(KEY.enter); }
    await a.press(KEY.tab); await a.type('x');
    for (let i = 0; i < 60; i++) a.write(KEY.down);
    await tick(100);
    const end = a.frame();
    const m = /étapes (\d+)-(\d+) sur (\d+)/.exec(end)!;
    expect(m[2]).toBe(m[3]);                 // the last step is in the window
    await a.press(KEY.up);
    expect(a.frame()).not.toBe(end);        // before: as many presses back as were made past the end
  });

  it('a long ref pushes the penalty column of every line alike, in the list and among the charges', async () => {
    const a = app();
    await a.type('222-14-5 I al. 4 1°'); await a.press(KEY.enter);
    await a.type('311-3'); await a.press(KEY.enter);
    const rows = lines(a.frame()).filter((l) => /^. (222-14-5 I al. 4 1°|311-3) /.test(l));
    expect(rows).toHaveLength(2);
    // 222-14-5 I al. 4 1° (2024): 10 ans; 311-3: 3 ans (loi n° 92-685): the figures start in one column.
    const col = (l: string) => l.search(/\d+ ans/);
    expect(col(rows[0]!)).toBeGreaterThan(0);
    expect(col(rows[0]!)).toBe(col(rows[1]!));
    // In the search list too: two refs of different lengths, one column.
    await a.type('222-14-5 I');
    const list = lines(a.frame()).filter((l) => /^. 222-14-5 I /.test(l));
    expect(list.length).toBeGreaterThan(1);
    expect(new Set(list.map((l) => l.search(/\d+ (ans?|mois)/))).size).toBe(1);
  });

  it('two exports in the same second get two names; an existing file or a planted link is never written through', async () => {
    const a = app();
    await a.type('225-8'); await a.press(KEY.enter);
    await a.press(KEY.tab);
    symlinkSync('/dev/null', join(a.exportDir, 'quantum-case-20261129-103000-2.json'));
    await a.type('e'); await a.type('e');
    const files = readdirSync(a.exportDir).sort();
    expect(files).toEqual(['quantum-case-20261129-103000-2.json', 'quantum-case-20261129-103000-3.json', 'quantum-case-20261129-103000.json', 'quantum-report-20261129-103000-3.md', 'quantum-report-20261129-103000.md']);
    expect(a.frame()).toContain('quantum-case-20261129-103000-3.json');
  });

  for (const [w, h] of [[60, 20], [80, 24], [120, 40]] as const) {
    it(`at ${w} x ${h} with five charges nothing goes past the edge and figures are whole`, async () => {
      const exportDir = mkdtempSync(join(tmpdir(), 'quantum-tui-'));
      const a = mount(<App rules={rules} today="2026-11-29" lang="fr" exportDir={exportDir} initial={{ date: '2024-05-01' }} />, w, h);
      mounted.push(a);
      for (const ref of ['323-3-2 III', '225-8', '324-2 2°', '225-7', '227-23 al. 5']) { await a.type(ref); await a.press(KEY.enter); }
      const f = a.frame();
      expect(lines(f).length).toBeLessThanOrEqual(h);
      expect(Math.max(...lines(f).map((l) => [...l].length))).toBeLessThanOrEqual(w);
      expect(f).toContain('3 000 000 €');   // 225-8: 3 000 000 € (the total's fine), never cut
      expect(f).not.toMatch(/\d…/);
    });
  }
});
