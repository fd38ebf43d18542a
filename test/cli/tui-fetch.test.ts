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
