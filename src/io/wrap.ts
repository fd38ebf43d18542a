// Lines fitted to a width (the terminal's, 80 when unknown): words move to the next line with a hanging indent, and
// an amount ("3 000 000 €"), a duration ("10 ans", "1 an et 6 mois") or a date is never split, nor a French
// punctuation mark from the word before it ("ans ; 150 000 €"), nor a marker ending a line ("← en vigueur …").

const KEEP = /\d{1,3}(?: \d{3})+(?:,\d+)?(?: €)?|\d+(?:,\d+)? €|€[\d,.]+|\d+ (?:ans?|mois|years?|months?)\b|\d+ (?:et|and) \d+ mois\b|\d{1,2}\/\d{2}\/\d{4}|art\. [\dRLDA]|← .*$/g;
const NBSP = '\u00a0';

/** Splits one line into lines of at most `width` columns; continuation lines start with `indent` spaces. */
export function wrapLine(line: string, width: number, indent: number): string[] {
  if ([...line].length <= width) return [line];
  const lead = /^ */.exec(line)![0];
  const words = line.slice(lead.length).replace(KEEP, (m) => m.replace(/ /g, NBSP)).replace(/ ([;:!?»])/g, `${NBSP}$1`).split(' ');
  const out: string[] = [];
  let cur = lead;
  const pad = ' '.repeat(indent);
  for (const w of words) {
    const next = cur.trim() ? `${cur} ${w}` : `${cur}${w}`;
    if ([...next].length > width && cur.trim()) { out.push(cur); cur = `${pad}${w}`; } else cur = next;
  }
  out.push(cur);
  return out.map((l) => l.replace(/\u00a0/g, ' '));
}

/** Every line of a text fitted to a width; each continuation is indented under its line's text, plus two. */
export function wrapText(text: string, width: number): string {
  return text.split('\n').flatMap((l) => wrapLine(l, width, Math.min(width - 20, /^ */.exec(l)![0].length + 2))).join('\n');
}
