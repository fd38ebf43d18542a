// Text for a terminal: a control character from input (an id, a ref, a label in a user's rules directory) never
// reaches it raw. Escape sequences could clear the screen, set the window title, forge links or overwrite lines.
// Every text view (text, Markdown, errors, the UI) shows them escaped; JSON stays exact.

// C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the invisible format characters that
// reorder or hide text (bidi overrides and isolates, zero-width characters, the BOM: "Trojan Source"); a line feed
// is kept where lines are meant. rules/ refuses the same characters (src/rules/load.ts, FORMAT_CHARACTERS).
const INVISIBLE = '\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff';
const CONTROL = new RegExp(`[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029${INVISIBLE}]`, 'g');
const CONTROL_AND_LF = new RegExp(`[\u0000-\u001f\u007f-\u009f\u2028\u2029${INVISIBLE}]`, 'g');
const escape = (c: string) => `\\u{${c.charCodeAt(0).toString(16)}}`;

/** A combining mark with nothing before it would join the character printed before the text (a prompt, a quote). */
const LEADING_MARK = /^\p{M}/u;

/** One line of text, every control character (line feeds too) shown as \u{…}, and a leading combining mark. */
export function sanitize(text: string): string {
  return text.replace(CONTROL_AND_LF, escape).replace(LEADING_MARK, escape);
}

/** Several lines of text: line feeds kept, every other control character shown as \u{…}. */
export function sanitizeLines(text: string): string {
  return text.replace(CONTROL, escape);
}

// JSON.stringify leaves DEL, the C1 controls, U+2028/2029 and the invisible format characters raw; escaped, the
// JSON is the same value.
const JSON_RAW = new RegExp(`[\u007f-\u009f\u2028\u2029${INVISIBLE}]`, 'g');
/** JSON text with no control character raw (valid JSON: these can only stand inside strings). */
export function jsonSafe(text: string): string {
  return text.replace(JSON_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Markdown inline text from input: one line, control characters shown, Markdown and HTML syntax inert. */
export function markdownInline(text: string): string {
  return sanitize(text.replace(/[\\`*_{}[\]<>#|!&]/g, (c) => `\\${c}`));
}
