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
  it('a rank whose provision is repealed says since when and what continues it (route R413-14-1 I, CCH L126-3 al. 1)', () => {
    const md = readFileSync(new URL('../docs/coverage.md', import.meta.url), 'utf8');
    expect(md).toContain('| route R413-14-1 I (repealed 2025-12-29; since then route L413-1 I) |');
    expect(md).toContain('| CCH L126-3 al. 1 (repealed 2021-07-01; since then CSI L272-4 al. 1) |');
  });
});

describe("README's first example", () => {
  it('is what `quantum eval` prints for the Coco case (only the data set line may differ)', async () => {
    const { spawnSync } = await import('node:child_process');
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const m = /```sh\nnpx quantum eval ("323-3-2 III"[^\n]*)\\\n\s*([^\n]*)\n```\n\n```\n([\s\S]*?)```/.exec(readme);
    expect(m, 'the Coco example in README.md').not.toBeNull();
    // The command's arguments as a shell would split them (quoted words, then bare ones).
    const args = [...`${m![1]} ${m![2]}`.matchAll(/"([^"]*)"|(\S+)/g)].map((x) => x[1] ?? x[2]!);
    const r = spawnSync(process.execPath, [new URL('../bin/quantum.js', import.meta.url).pathname, 'eval', ...args], { encoding: 'utf8' });
    const drop = (t: string) => t.replace(/^données .*$/m, '');
    expect(drop(r.stdout)).toBe(drop(m![3]!));
  });
});

describe("README's other shown outputs (new-user pass rt19c)", () => {
  it('the cumulation excerpt and the rules stats are what the program prints', async () => {
    const { spawnSync } = await import('node:child_process');
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const bin = new URL('../bin/quantum.js', import.meta.url).pathname;
    const run = (...a: string[]) => spawnSync(process.execPath, [bin, ...a], { encoding: 'utf8' }).stdout;
    // An excerpt: its lines appear, in order, in the output.
    const m = /```\n\$ npx quantum eval "311-3" "434-27 al\. 2; avec=1" --date 2024-05-01 --judgment-date 2026-11-29\n([\s\S]*?)```/.exec(readme);
    expect(m, 'the cumulation example').not.toBeNull();
    expect(run('eval', '311-3', '434-27 al. 2; avec=1', '--date', '2024-05-01', '--judgment-date', '2026-11-29', '--width', '80')).toContain(m![1]);
    const stats = run('rules', 'stats');
    expect(readme).toContain(stats.trimEnd());
  });
});

describe('rules/README.md says what rules/ holds (new-user pass ux20)', () => {
  it('its tree names every file of rules/general; every file but dataset.json starts with "$schema"', async () => {
    const { readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const root = new URL('../rules/', import.meta.url).pathname;
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const tree = /```\nrules\/\n([\s\S]*?)```/.exec(readme)![1]!;
    for (const f of readdirSync(join(root, 'general'))) expect(tree).toContain(f);
    expect(readme).toContain('Each file but `dataset.json`');
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === 'schema' ? [] : files(join(dir, e.name))) : e.name.endsWith('.json') ? [join(dir, e.name)] : []));
    const without = files(root).filter((f) => !readFileSync(f, 'utf8').trimStart().startsWith('{\n  "$schema"')).map((f) => f.slice(root.length));
    expect(without).toEqual(['dataset.json']);
  });
});
