// What JSON.parse lets through silently, found in the text: a key twice (the last would win unseen), nesting that
// would exhaust the stack of whatever walks the value next (red team rt10c).
import { describe, expect, it } from 'vitest';
import { jsonShape } from '../../src/core/json-shape.js';

describe('jsonShape', () => {
  it('finds a key given twice, with its path, at any depth', () => {
    expect(jsonShape('{"date":"a","date":"b"}')).toEqual({ problem: 'duplicate', key: 'date', path: ['date'] });
    expect(jsonShape('{"id":"h","charges":[{"ref":"a"},{"ref":"311-3","ref":"222-37"}]}')).toEqual({ problem: 'duplicate', key: 'ref', path: ['charges', 1, 'ref'] });
    expect(jsonShape('{"offender":{"priors":[{"ref":"a","final":"x","final":"y"}]}}')?.path).toEqual(['offender', 'priors', 0, 'final']);
  });
  it('compares keys as JSON reads them (escapes decoded), and ignores quotes, braces and commas inside strings', () => {
    expect(jsonShape('{"ref":"a","r\\u0065f":"b"}')?.problem).toBe('duplicate');
    expect(jsonShape('{"a":"x\\",\\"a\\":{[,","b":"\\\\","c":[1,{"a":2}]}')).toBeNull();
    expect(jsonShape('{"a":1,"b":{"a":1},"c":[{"a":1},{"a":1}]}')).toBeNull();
    expect(jsonShape('[1,"a",{"x":1}]')).toBeNull();
  });
  it('refuses nesting beyond the limit, whatever the containers', () => {
    expect(jsonShape(`${'['.repeat(200_000)}${']'.repeat(200_000)}`)?.problem).toBe('deep');
    expect(jsonShape(`${'{"a":'.repeat(65)}1${'}'.repeat(65)}`)?.problem).toBe('deep');
    expect(jsonShape(`${'{"a":'.repeat(64)}1${'}'.repeat(64)}`)).toBeNull();
  });
});
