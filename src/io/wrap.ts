// Lines fitted to a width (the terminal's, 80 when unknown): words move to the next line with a hanging indent, and
// an amount ("3 000 000 €"), a duration ("10 ans", "1 an et 6 mois") or a date is never split, nor a French
// punctuation mark from the word before it ("ans ; 150 000 €"), nor a marker ending a line ("← en vigueur …").

// An article reference: "art." with its article and subdivisions ("art. 225-20 3°", "art. route L233-1 II",
// "art. 132-16-4 al. 2"), never "(art. 225-20" then "3°)".
const ART = String.raw`art\. (?:[A-Za-z]+ )?[RLDA]?\.? ?\d+(?:-\d+)*(?: (?:bis|ter|quater))?(?: (?:[IVX]+\b|al\. \d+|\d+°(?: (?:bis|ter))?))*`;
const KEEP = new RegExp(String.raw`\d{1,3}(?: \d{3})+(?:,\d+)?(?: €)?|\d+(?:,\d+)? €|€[\d,.]+|\d+ (?:ans?|mois|years?|months?)\b|\d+ (?:et|and) \d+ mois\b|\d{1,2}\/\d{2}\/\d{4}|${ART}|← .*$`, 'g');
const NBSP = '\u00a0';

/** Splits one line into lines of at most `width` columns; continuation lines start with `indent` spaces. */
export function wrapLine(line: string, width: number, indent: number): string[] {
  if ([...line].length <= width) return [line];
  const lead = /^ */.exec(line)![0];
  // A marker ending a line ("  ← en vigueur à cette date") stays with the word before it, never alone below it.
  const words = line.slice(lead.length).replace(KEEP, (m) => m.replace(/ /g, NBSP)).replace(/ ([;:!?»])/g, `${NBSP}$1`).replace(/ +(?=←)/, (m) => NBSP.repeat(m.length)).split(' ');
  const out: string[] = [];
  let cur = lead;
  const pad = ' '.repeat(indent);
  for (const w of words) {
    const next = cur.trim() ? `${cur} ${w}` : `${cur}${w}`;
    // A break where the text had two spaces leaves none at the end of the line.
    if ([...next].length > width && cur.trim()) { out.push(cur.trimEnd()); cur = `${pad}${w}`; } else cur = next;
  }
  out.push(cur);
  return out.map((l) => l.replace(/\u00a0/g, ' '));
}

/**
 * Every line of a text fitted to a width; each continuation is indented under its line's text, plus two; a numbered
 * line ("   9. …", "  10. …", the steps of --trace) under the text after its number, so that steps 1-9 and 10 and
 * above align.
 */
export function wrapText(text: string, width: number): string {
  const indent = (l: string) => /^ *\d+\. /.exec(l)?.[0].length ?? /^ */.exec(l)![0].length + 2;
  return text.split('\n').flatMap((l) => wrapLine(l, width, Math.min(width - 20, indent(l)))).join('\n');
}
