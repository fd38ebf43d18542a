// A rules directory's problems in words: French by default, English on request, from src/messages; zod's own
// messages in the same language, without touching zod's global configuration.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Issues, issueLines, RulesError } from '../../src/rules/read.js';
import { crossCheck } from '../../src/rules/validate.js';
import { loadRules } from '../../src/rules/load.js';
import { MESSAGES } from '../../src/messages/index.js';
import { article, E, provision, rulesDir, version } from '../helpers.js';

describe('rules issues, worded as found', () => {
  it('in French by default, in English on request, with their figures', () => {
    const fr = new Issues();
    fr.add('CP/225-11.json', 'appliesTo', 'R_APPLIES_TO', { ref: '225-11', target: '225-5' });
    fr.add('CP/1-1.json', 'provisions[0].versions[1].from', 'R_GAP', { to: '2001-01-01' });
    expect(fr.list).toEqual([
      { file: 'CP/225-11.json', path: 'appliesTo', message: "225-11 s'applique à 225-5, qui n'est pas dans les règles" },
      { file: 'CP/1-1.json', path: 'provisions[0].versions[1].from', message: 'lacune après la version précédente (qui prend fin le 2001-01-01) ; les versions doivent se suivre sans interruption' },
    ]);
    const en = new Issues('en');
    en.add('CP/225-11.json', 'appliesTo', 'R_APPLIES_TO', { ref: '225-11', target: '225-5' });
    en.add('CP/1-1.json', '', 'R_CANNOT_READ', { reason: 'EACCES' });
    expect(en.list.map((i) => i.message)).toEqual(['225-11 applies to 225-5, which is not in the rules', 'cannot read: EACCES (permission denied)']);
  });

  it('the repentis overlap names its effect in the language (the data says exemption or reduction)', () => {
    const params = { article: '222-34', first: '222-43', second: '222-43-1', effect: 'reduction' as const };
    expect(MESSAGES.fr.rules.issues.R_REPENTIS_TWICE(params)).toBe('222-34 est visé à la fois par 222-43 et par 222-43-1 (réduction)');
    expect(MESSAGES.en.rules.issues.R_REPENTIS_TWICE(params)).toBe('222-34 is reached by 222-43 and 222-43-1 at the same time (reduction)');
  });

  it('as lines naming file and path: the first 20, then how many more; a RulesError is those lines', () => {
    const issues = Array.from({ length: 22 }, (_, i) => ({ file: `CP/${i}.json`, path: i ? 'article' : '', message: 'x' }));
    const fr = issueLines(issues);
    expect(fr[0]).toBe('CP/0.json : x');
    expect(fr[1]).toBe('CP/1.json à article : x');
    expect(fr).toHaveLength(21);
    expect(fr[20]).toBe('… et 2 autres');
    expect(issueLines(issues, 'en')[1]).toBe('CP/1.json at article: x');
    expect(issueLines(issues, 'en')[20]).toBe('… and 2 more');
    expect(new RulesError(issues).message).toBe(fr.join('\n'));
    expect(new RulesError(issues, 'en').message).toBe(issueLines(issues, 'en').join('\n'));
  });
});

describe('the loader and the validation, in the language asked for', () => {
  const bad = () => {
    const a = article('910-1', [provision('910-1', [version('1994-03-01', null, { prison: E(12), fine: null })])]);
    (a.provisions[0] as any).versions[0].amendedBy = 12;
    return rulesDir([a]);
  };
  it("zod's own messages follow the language, and zod's global configuration stays as it was", () => {
    const dir = bad();
    expect(() => loadRules(dir)).toThrow(/910-1\.json à provisions\[0\]\.versions\[0\]\.amendedBy : Entrée invalide : chaîne de caractères attendu, nombre reçu/);
    expect(() => loadRules(dir, { lang: 'en' })).toThrow(/910-1\.json at provisions\[0\]\.versions\[0\]\.amendedBy: Invalid input: expected string, received number/);
    // Another parse, after a French one: zod's default (English) messages, as before.
    const other = z.number().safeParse('twelve');
    expect(!other.success && other.error.issues[0]!.message).toBe('Invalid input: expected number, received string');
  });
  it('the cross-references of rules validate', () => {
    const rules = loadRules(rulesDir([article('910-1', [provision('910-1', [version('1994-03-01', null, { penaltyOf: '999-9' })])])]));
    const path = 'provisions[0].versions[0].penalty.penaltyOf';
    expect(crossCheck(rules).errors).toContainEqual({ file: 'CP/910-1.json', path, message: "999-9 n'est pas dans les règles" });
    expect(crossCheck(rules, 'en').errors).toContainEqual({ file: 'CP/910-1.json', path, message: '999-9 is not in the rules' });
  });
  it('penalty references ("peines prévues à l\'article …") may neither loop nor run longer than the engine follows', () => {
    const self = loadRules(rulesDir([article('910-1', [provision('910-1', [version('1994-03-01', null, { penaltyOf: '910-1' })])])]));
    expect(crossCheck(self, 'en').errors.map((e) => e.message)).toContainEqual('penalties referring to each other in a loop: 910-1 → 910-1');
    // 920-0 → 920-1 → … → 920-6 (6 links) is too long; 920-2 → … → 920-6 (4 links) is not.
    const chain = Array.from({ length: 7 }, (_, k) => article(`920-${k}`, [provision(`920-${k}`, [version('1994-03-01', null, k < 6 ? { penaltyOf: `920-${k + 1}` } : { prison: E(12), fine: null })])]));
    const deep = crossCheck(loadRules(rulesDir(chain)), 'en').errors.filter((e) => /successive references/.test(e.message)).map((e) => e.path);
    expect(deep).toEqual(['920-0']);
  });
  it('a key given twice in a rule file is an error naming its path, not a silent last value (red team rt13c)', async () => {
    const { readFileSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const dir = rulesDir([article('910-1', [provision('910-1', [version('1994-03-01', null, { prison: E(36), fine: null })])])]);
    const file = join(dir, 'CP', '910-1.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"months": 36', '"months": 36, "months": 60'));
    expect(() => loadRules(dir)).toThrow(RulesError);
    try { loadRules(dir); } catch (e) {
      expect((e as RulesError).message).toMatch(/CP\/910-1\.json à provisions\[0\]\.versions\[0\]\.penalty\.prison\.months : la clé « months » est donnée deux fois/);
    }
  });
  it("a text's own récidive penalty (recidiveForm) names a provision marked ownRecidive", () => {
    const rules = loadRules(rulesDir([
      article('910-1', [provision('910-1', [version('1994-03-01', null, { prison: null, fine: { amount: '3000' } }, { recidiveForm: '910-2' })])]),
      article('910-2', [provision('910-2', [version('1994-03-01', null, { prison: E(6), fine: { amount: '3000' } })])]),
      article('910-3', [provision('910-3', [version('1994-03-01', null, { prison: null, fine: { amount: '3000' } }, { recidiveForm: '910-4' })])]),
      article('910-4', [provision('910-4', [version('1994-03-01', null, { prison: E(6), fine: { amount: '3000' } }, { ownRecidive: true })])]),
    ]));
    const found = crossCheck(rules, 'en').errors.filter((e) => e.path.endsWith('recidiveForm'));
    expect(found.map((e) => e.file)).toEqual(['CP/910-1.json']); // 910-2 is not marked; 910-4 is
    expect(found[0]!.message).toMatch(/^910-2 is not a provision of the rules marked as a text's own récidive penalty/);
  });
  it('formerlyUnder names a provision of the rules', () => {
    const rules = loadRules(rulesDir([article('910-1', [provision('910-1', [version('2015-03-28', null, { prison: null, fine: { class: 3 } })], { formerlyUnder: [{ ref: '999-9', until: '2015-03-28' }] })])]));
    expect(crossCheck(rules, 'en').errors).toContainEqual({ file: 'CP/910-1.json', path: 'provisions[0].formerlyUnder[0].ref', message: expect.stringMatching(/^999-9 is not in the rules/) });
  });
  it("an aggravation's list of offences already aggravated names refs of the catalogue (132-77's last alinéa)", () => {
    // The fixture holds one article: 132-77's refs (222-12 6°…) are unknown there, and each is an error.
    const fixture = loadRules(rulesDir([article('910-1', [provision('910-1', [version('1994-03-01', null, { prison: E(12), fine: null })])])]));
    const paths = crossCheck(fixture).errors.filter((e) => e.path.includes('alreadyAggravated')).map((e) => e.path);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths[0]).toMatch(/^aggravations\[\d+\]\.values\[\d+\]\.alreadyAggravated\.refs\[0\]$/);
    // The shipped rules resolve every one of them.
    expect(crossCheck(loadRules()).errors.filter((e) => e.path.includes('alreadyAggravated'))).toEqual([]);
  });
});
