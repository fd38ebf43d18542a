// Which articles a general rule reaches, as the law lists them: "222-34", "222-35 à 222-39" (a range: every article
// between both ends, in the code's order, "222-36-1" included), "225-*" (a chapter), each with its code unless it is
// the Code pénal ("route L233-1").
const LATIN = ['bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'nonies', 'decies'];

/** An article as comparable parts: its code and letter ("route L"), then its numbers, a Latin suffix as one more. */
function parts(article: string): { head: string; nums: number[] } | null {
  const m = /^(?:([A-Za-z][A-Za-z0-9]*) )?([LRDA]?)(\d+(?:-\d+)*)(?: ([a-z]+))?$/.exec(article);
  if (!m) return null;
  const nums = m[3]!.split('-').map(Number);
  if (m[4]) { const k = LATIN.indexOf(m[4]); if (k < 0) return null; nums.push(-1, k + 1); }
  return { head: `${m[1] ?? 'CP'} ${m[2]}`, nums };
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** Whether one entry of a list ("222-34", "222-35 à 222-39", "225-*") reaches an article ("222-36", "route L233-1"). */
export function coversArticle(entry: string, article: string): boolean {
  if (entry.endsWith('-*')) return article.startsWith(entry.slice(0, -1));
  const range = entry.split(' à ');
  if (range.length === 1) return entry === article;
  const [lo, hi, a] = [parts(range[0]!), parts(qualifyLike(range[0]!, range[1]!)), parts(article)];
  if (!lo || !hi || !a || a.head !== lo.head || hi.head !== lo.head) return false;
  return compare(lo.nums, a.nums) <= 0 && compare(a.nums, hi.nums) <= 0;
}

/** "route L233-1 à L233-2": the second end takes the first's code. */
function qualifyLike(first: string, second: string): string {
  const code = /^([A-Za-z][A-Za-z0-9]*) [LRDA]?\d/.exec(first)?.[1];
  return code && !second.startsWith(`${code} `) ? `${code} ${second}` : second;
}

const covered = new WeakMap<readonly string[], Map<string, boolean>>();
/** Whether a list (as the rules hold it: one array, read again for every charge) reaches an article; worked out once. */
export function coversAny(entries: readonly string[], article: string): boolean {
  let m = covered.get(entries);
  if (!m) { m = new Map(); covered.set(entries, m); }
  let hit = m.get(article);
  if (hit === undefined) { hit = entries.some((e) => coversArticle(e, article)); m.set(article, hit); }
  return hit;
}

/**
 * Whether a list reaches a charge: an entry naming an alinéa ("226-22 al. 1") reaches that provision and what it
 * holds; the others reach the whole article as coversAny does.
 */
export function coversCharge(entries: readonly string[], ref: string, article: string): boolean {
  return entries.some((e) => (/ al\. \d+$/.test(e) ? ref === e || ref.startsWith(`${e} `) : coversArticle(e, article)));
}
