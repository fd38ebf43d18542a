// docs/contract.md is generated from the zod schemas where it lists fields, codes and columns: it cannot drift.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script, without types
import { render } from '../scripts/docs.mjs';

describe('docs/contract.md', () => {
  it('matches the schemas (run `npm run docs` after changing a schema)', async () => {
    const text = readFileSync(new URL('../docs/contract.md', import.meta.url), 'utf8');
    expect(await render(text)).toBe(text);
  });
});

describe('docs/coverage.md', () => {
  it('matches docs/coverage.json and the rules (run `npm run coverage` after changing either)', async () => {
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(process.execPath, [new URL('../scripts/coverage.mjs', import.meta.url).pathname, '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
