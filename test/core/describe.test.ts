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
    const exact = (p: Provision) => (searchFold(p.ref) === typed || searchFold(p.article) === typed ? 0 : 1);
    const found = [...rules.provisions.values()].filter((p) => needles.every((n) => hayOf(rules, p).includes(n)));
    return found.sort((a, b) => exact(a) - exact(b) || byRef(a, b)).map((p) => p.ref);
  };

  it.each([[[]], [['225-8']], [['vol']], [['presse 24']], [['route L234-1']], [['conduite']], [['douanes 414']], [['24 bis']]])('finds what the plain search finds, in its order: %j', (words) => {
    expect(searchRefs(rules, words)).toEqual(plain(words));
    expect(searchProvisions(rules, words).map((p) => p.ref)).toEqual(searchRefs(rules, words));
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
