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

describe('bidi and invisible format characters (red team rt10c)', () => {
  // U+202E reverses what follows, U+2066-2069 isolate, U+200B-200F and U+2060-2064 are invisible, U+FEFF too.
  const TROJAN = 'id\u202e\u2066\u200b\u200f\u2060\ufeffx';
  const r = evaluate(rules, { id: TROJAN, date: '2024-05-01', charges: [{ ref: '311-3' }] }, { today: '2026-11-29' }) as Result;
  const BIDI = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
  it('are escaped wherever control characters are: text, Markdown, CSV, errors; JSON keeps the value', () => {
    expect(FORMATS.text.result(r, { lang: 'fr' })).toContain('id\\u{202e}\\u{2066}\\u{200b}\\u{200f}\\u{2060}\\u{feff}x');
    for (const out of [FORMATS.text.result(r, { lang: 'fr' }), FORMATS.markdown.result(r, { lang: 'fr' }), FORMATS.csv.result(r), FORMATS.json.result(r)]) expect(out).not.toMatch(BIDI);
    const e = evaluate(rules, { charges: [{ ref: '\u202e3-113' }] }, { today: '2026-11-29' }) as ErrorResult;
    expect(FORMATS.text.error(e, { lang: 'fr' })).not.toMatch(BIDI);
    expect(JSON.parse(FORMATS.json.result(r)).id).toBe(TROJAN);
  });
});

describe('a combining mark with nothing to combine with (red team rt13c)', () => {
  it('is shown escaped at the start of a text, kept inside a word', async () => {
    const { sanitize } = await import('../../src/io/terminal.js');
    expect(sanitize('\u0301abc')).toBe('\\u{301}abc');
    expect(sanitize('e\u0301')).toBe('e\u0301'); // é written as e + combining acute: a character, kept
  });
});
