// The catalogue's order and search: the keyed sort and the ref-only search are speed wrappers; each is checked
// against the plain comparison it stands for.
import { describe, expect, it } from 'vitest';
import { compareRefs, hayOf, searchFold, searchProvisions, searchRefs, sortByRef } from '../../src/core/describe.js';
import type { Provision } from '../../src/core/model.js';
import { loadRules } from '../../src/rules/load.js';

const rules = loadRules(undefined, { snapshot: false });

describe('catalogue order', () => {
  it('puts the Code pénal first, the legislative part before the regulatory one, numbers numerically', () => {
    const refs = ['route L234-1 I', 'R625-1', '222-13 al. 2', '222-3', 'CSP L3421-1', '222-13', '132-76', 'route R413-14', '222-13 1°'];
    expect(sortByRef(refs, (r) => r)).toEqual(['132-76', '222-3', '222-13', '222-13 1°', '222-13 al. 2', 'R625-1', 'CSP L3421-1', 'route L234-1 I', 'route R413-14']);
  });

  it('sorts the whole catalogue as the plain comparison does', () => {
    const refs = [...rules.provisions.keys()];
    expect(sortByRef(refs, (r) => r)).toEqual([...refs].sort(compareRefs));
  });
});

describe('catalogue search', () => {
  // The search as it was written before the ref-only one: every provision made, sorted by compareRefs, the
  // provision whose ref or article is what was typed first.
  const plain = (words: string[]) => {
    const needles = words.flatMap((w) => searchFold(w).split(/\s+/)).filter(Boolean);
    const byRef = (a: Provision, b: Provision) => compareRefs(a.ref, b.ref);
    if (!needles.length) return [...rules.provisions.values()].sort(byRef).map((p) => p.ref);
    const typed = searchFold(words.join(' ')).trim();
    // A short name typed whole (an alias: "blanchiment" is 324-1) is as exact as the ref (new-user pass ux22).
    const exact = (p: Provision) => (searchFold(p.ref) === typed || searchFold(p.article) === typed || (p.aliases ?? []).some((a) => searchFold(a) === typed) ? 0 : 1);
    const found = [...rules.provisions.values()].filter((p) => needles.every((n) => hayOf(rules, p).includes(n)));
    // Whole words first, then word starts, then inside words; earlier in the text first (regular expressions here,
    // a hand-written scan in describe.ts).
    const esc = (n: string) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const rankOf = (p: Provision) => {
      if (exact(p) === 0) return [0, 0];
      const hay = hayOf(rules, p);
      const per = needles.map((n) => {
        const whole = new RegExp(`(?<![\\p{L}\\p{N}])${esc(n)}(?![\\p{L}\\p{N}])`, 'u').exec(hay);
        if (whole) return [0, whole.index];
        const start = new RegExp(`(?<![\\p{L}\\p{N}])${esc(n)}`, 'u').exec(hay);
        return start ? [1, start.index] : [2, 0];
      });
      const rank = 1 + Math.max(...per.map((x) => x[0]!));
      return [rank, rank < 3 ? per.reduce((sum, x) => sum + x[1]!, 0) : 0];
    };
    const keyed = found.map((p) => ({ p, k: rankOf(p) }));
    return keyed.sort((a, b) => a.k[0]! - b.k[0]! || a.k[1]! - b.k[1]! || byRef(a.p, b.p)).map((x) => x.p.ref);
  };

  it('a word matched whole ranks before one matched inside a word (list vol: theft before murder "volontairement")', () => {
    const vol = searchRefs(rules, ['vol']);
    expect(vol.indexOf('311-3')).toBeLessThan(vol.indexOf('221-1'));
    expect(vol.slice(0, 3).every((r) => r.startsWith('311-'))).toBe(true);
    expect(searchRefs(rules, ['viol'])[0]).toBe('222-23');
  });

  it.each([[[]], [['225-8']], [['vol']], [['presse 24']], [['route L234-1']], [['conduite']], [['douanes 414']], [['24 bis']]])('finds what the plain search finds, in its order: %j', (words) => {
    expect(searchRefs(rules, words)).toEqual(plain(words));
    expect(searchProvisions(rules, words).map((p) => p.ref)).toEqual(searchRefs(rules, words));
  });

  it('puts a provision whose short name was typed first (list blanchiment: 324-1, not rule entries)', () => {
    expect(searchRefs(rules, ['blanchiment'])[0]).toBe('324-1');
  });
  it('puts the article typed first ("225-8" before presse 24 al. 8)', () => {
    const found = searchRefs(rules, ['225-8']);
    expect(found[0]).toBe('225-8');
  });
});

describe('coversCharge (speciality lists that name an alinéa)', () => {
  it('an alinéa entry reaches that provision only; an article entry reaches all its provisions', async () => {
    const { coversCharge } = await import('../../src/core/law/covers.js');
    const list = ['226-16 à 226-21', '226-22 al. 1', '226-23'];
    expect(coversCharge(list, '226-22 al. 1', '226-22')).toBe(true);
    expect(coversCharge(list, '226-22 al. 2', '226-22')).toBe(false);
    expect(coversCharge(list, '226-18', '226-18')).toBe(true);
    expect(coversCharge(['226-22'], '226-22 al. 2', '226-22')).toBe(true);
  });
});

describe('a provision on a date with no version: not held, or not yet (red team rt17a)', () => {
  it('311-3 in 1990 is "not held" (the former Code pénal), 421-2-2 in 2000 not yet created (loi n° 2001-1062)', async () => {
    const { describeProvision } = await import('../../src/core/describe.js');
    const { loadRules } = await import('../../src/index.js');
    const r = loadRules();
    expect(describeProvision(r, r.provisions.get('311-3')!, '1990-01-01').notHeld).toBe(true);
    expect(describeProvision(r, r.provisions.get('421-2-2')!, '2000-01-01').notHeld).toBe(false);
    expect(describeProvision(r, r.provisions.get('311-3')!, '2000-01-01').notHeld).toBe(false);
  });
});

describe('a provision punished by the penalties of another text (red team rt20a)', () => {
  it('douanes 428 takes 414\'s penalties, whose fine is a multiple of the goods\' value: shown as a proportional fine', async () => {
    const { describeProvision } = await import('../../src/core/describe.js');
    const { loadRules } = await import('../../src/index.js');
    const r = loadRules();
    // Code des douanes 428 ("réputé importation sans déclaration") -> 414: prison and "une amende comprise entre une
    // et deux fois la valeur de l'objet de la fraude"; without a value the fine is proportional, not absent.
    const v = describeProvision(r, r.provisions.get('douanes 428')!, '2024-01-01');
    expect(v.penaltyOf).toBe('douanes 414');
    expect(v.proportional).toBe(true);
  });
});

describe('a subdivision with its own label (red team rt20c)', () => {
  it('search finds presse 24 al. 6 (apologie of terrorism until 2014) by its label; show names it first', async () => {
    const { searchRefs } = await import('../../src/core/describe.js');
    const { loadRules, resolve } = await import('../../src/index.js');
    const { formatProvision } = await import('../../src/io/text.js');
    const r = loadRules();
    // Loi du 29 juillet 1881, art. 24 al. 6 (provocation to or apologie of terrorism) until loi n° 2014-1353 moved it.
    expect(searchRefs(r, ['apologie', 'terrorisme'])).toContain('presse 24 al. 1');
    const hit = resolve(r, 'presse 24 al. 6');
    expect(hit.ok && hit.items?.length).toBeTruthy();
    if (hit.ok) expect(formatProvision(r, hit.provision, '2010-01-01', 'fr', { items: hit.items }).split('\n')[0]).toMatch(/^presse 24 al\. 6 .*— Provocation directe aux actes de terrorisme/);
  });
});
