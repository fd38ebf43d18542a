// Input never reaches a terminal, a sheet or a report raw (README, robustness): an id or a ref with line feeds,
// escape sequences or C1 controls is shown escaped in every format, and JSON stays the same value.
import { describe, expect, it } from 'vitest';
import { evaluate, loadRules } from '../../src/index.js';
import { FORMATS } from '../../src/io/formats.js';
import type { ErrorResult, Result } from '../../src/core/contract.js';

const rules = loadRules();
const HOSTILE = 'x\n\n## Fake : 0 an\u001b[2J\u009b2J<script>';
const result = evaluate(rules, { id: HOSTILE, date: '2024-05-01', charges: [{ ref: '311-3' }] }, { today: '2026-11-29' }) as Result;
const error = evaluate(rules, { date: '2024-05-01', charges: [{ ref: `311-3\n  Privation : 0\u009b` }] }, { today: '2026-11-29' }) as ErrorResult;
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('hostile input in outputs', () => {
  it('text: the id stays on its header line, the error on one line', () => {
    const text = FORMATS.text.result(result, { lang: 'fr' });
    expect(text.split('\n')[0]).toContain('x\\u{a}\\u{a}## Fake');
    expect(text).not.toMatch(RAW);
    const err = FORMATS.text.error(error, { lang: 'fr' });
    expect(err.trimEnd().split('\n')).toHaveLength(1);
  });
  it('Markdown: the id can start no heading and carries no HTML', () => {
    const md = FORMATS.markdown.result(result, { lang: 'fr' });
    expect(md.split('\n').filter((l) => l.startsWith('#'))).not.toContainEqual(expect.stringMatching(/^## Fake/));
    expect(md).not.toContain('<script>');
    expect(md).not.toMatch(RAW);
  });
  it('JSON: no raw control character, and the same id once parsed', () => {
    const json = FORMATS.json.result(result);
    expect(json).not.toMatch(/[\u007f-\u009f]/);
    expect(JSON.parse(json).id).toBe(HOSTILE);
  });
  it('CSV: no raw control character in a cell', () => {
    expect(FORMATS.csv.result(result).split('\n').slice(1).join('\n')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(FORMATS.csv.error(error)).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });
});
