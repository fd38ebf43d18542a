// The UI's modules load without a global fetch (yoga would fetch its wasm through undici), and fetch comes back as it was.
import { describe, expect, it } from 'vitest';
import { withoutFetch } from '../../src/cli/tui.js';

describe('withoutFetch', () => {
  it('hides fetch while loading, then restores the very same property, even when loading fails', async () => {
    const before = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
    const seen = await withoutFetch(async () => typeof globalThis.fetch);
    expect(seen).toBe('undefined');
    expect(Object.getOwnPropertyDescriptor(globalThis, 'fetch')).toEqual(before);
    await expect(withoutFetch(async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(Object.getOwnPropertyDescriptor(globalThis, 'fetch')).toEqual(before);
  });
});

describe('uiFailed', () => {
  it('an error thrown inside the UI: one line on stderr, no stack, exit 70', async () => {
    const { uiFailed } = await import('../../src/cli/tui.js');
    const written: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((s: string) => { written.push(s); return true; }) as typeof process.stderr.write;
    try {
      const e = new TypeError("Cannot read properties of undefined (reading 'startsWith') \u001b[31m\n    at x (tui.js:80:1)");
      expect(uiFailed(e, 'en')).toBe(70);
      expect(uiFailed('x'.repeat(10_000), 'fr')).toBe(70);
    } finally {
      process.stderr.write = write;
    }
    const [en, fr] = written.map((s) => s.trim());
    expect(en).toBe("quantum: internal error in the terminal UI, please report it: TypeError: Cannot read properties of undefined (reading 'startsWith') \\u{1b}[31m");
    expect(fr).toMatch(/^quantum: erreur interne de l'interface, merci de la signaler : x+$/);
    expect(fr!.length).toBeLessThan(300);
  });
});
