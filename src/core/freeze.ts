// Results never share mutable state: whatever is shared (the rules, a memoised charge result, a rendered warning,
// a version's view) is frozen, so a caller that changes a result cannot change another result or the rules.

/** Freezes an object and everything it holds (plain objects and arrays; Decimals and others are left as they are). */
export function deepFreeze<T>(o: T): T {
  if (o === null || typeof o !== 'object' || Object.isFrozen(o)) return o;
  const proto = Object.getPrototypeOf(o);
  if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return o;
  Object.freeze(o);
  for (const v of Object.values(o as object)) deepFreeze(v);
  return o;
}

/** Freezes loaded rules: every provision, article and general value (the indices themselves are Maps). */
export function freezeRules<R extends { provisions: Map<string, unknown>; articles: Map<string, unknown> }>(rules: R): R {
  // A lazy map of provisions (rules/lazy.ts) freezes each as it makes it: going through them here would make them all.
  if ((rules.provisions as { lazy?: boolean }).lazy !== true) for (const p of rules.provisions.values()) deepFreeze(p);
  for (const a of rules.articles.values()) deepFreeze(a);
  for (const v of Object.values(rules)) if (!(v instanceof Map)) deepFreeze(v);
  return Object.freeze(rules);
}
