// JSON text checked for what JSON.parse lets through silently: a key given twice in one object (the last value
// would win unseen) and nesting deep enough to exhaust the stack of whatever walks the value next (a validator, a
// copy). Called only after JSON.parse succeeded, so the text is known to be valid JSON. Pure: cases and rule files.

/** Nesting a case never needs (it uses 5 levels) and any walker can take. */
export const MAX_JSON_DEPTH = 64;

export type JsonShape = { problem: 'duplicate'; key: string; path: (string | number)[] } | { problem: 'deep'; path: (string | number)[] };

/** The end of the string starting at text[i] (a quote): the index of its closing quote. */
function stringEnd(text: string, i: number): number {
  let j = text.indexOf('"', i + 1);
  for (;;) {
    let k = j - 1;
    while (text.charCodeAt(k) === 92 /* \ */) k--;
    if ((j - 1 - k) % 2 === 0) return j; // an even run of backslashes: the quote is not escaped
    j = text.indexOf('"', j + 1);
  }
}

/**
 * The first duplicate key or over-deep nesting in valid JSON text, with its path; null when there is none. One
 * linear scan: strings are skipped whole, and a key's text is decoded only when it holds an escape.
 */
export function jsonShape(text: string, maxDepth = MAX_JSON_DEPTH): JsonShape | null {
  const keys: (string[] | null)[] = []; // per open container: the keys of an object so far, null for an array
  const at: (string | number)[] = [];   // per open container: the current key or index
  let expectKey = false;
  for (let i = 0, n = text.length; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      const end = stringEnd(text, i);
      if (expectKey) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(text.slice(i, end + 1)) as string) : raw;
        const seen = keys[keys.length - 1]!;
        if (seen.includes(key)) return { problem: 'duplicate', key, path: [...at.slice(0, -1), key] };
        seen.push(key);
        at[at.length - 1] = key;
        expectKey = false;
      }
      i = end;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (keys.length >= maxDepth) return { problem: 'deep', path: at.slice() };
      keys.push(c === 123 ? [] : null);
      at.push(0);
      expectKey = c === 123;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      keys.pop();
      at.pop();
      expectKey = false;
    } else if (c === 44 /* , */) {
      if (keys[keys.length - 1] === null) (at[at.length - 1] as number)++;
      else expectKey = true;
    }
  }
  return null;
}

