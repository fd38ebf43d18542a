// Text for a terminal: a control character from input (an id, a ref, a label in a user's rules directory) never
// reaches it raw. Escape sequences could clear the screen, set the window title, forge links or overwrite lines.
// Every text view (text, Markdown, errors, the UI) shows them escaped; JSON stays exact.

// C0 and C1 controls, DEL, and the Unicode line and paragraph separators; a line feed is kept where lines are meant.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;
const CONTROL_AND_LF = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const escape = (c: string) => `\\u{${c.charCodeAt(0).toString(16)}}`;

/** One line of text, every control character (line feeds too) shown as \u{…}. */
export function sanitize(text: string): string {
  return text.replace(CONTROL_AND_LF, escape);
}

/** Several lines of text: line feeds kept, every other control character shown as \u{…}. */
export function sanitizeLines(text: string): string {
  return text.replace(CONTROL, escape);
}

// JSON.stringify leaves DEL, the C1 controls and U+2028/2029 raw; escaped, the JSON is the same value.
const JSON_RAW = /[\u007f-\u009f\u2028\u2029]/g;
/** JSON text with no control character raw (valid JSON: these can only stand inside strings). */
export function jsonSafe(text: string): string {
  return text.replace(JSON_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Markdown inline text from input: one line, control characters shown, Markdown and HTML syntax inert. */
export function markdownInline(text: string): string {
  return sanitize(text.replace(/[\\`*_{}[\]<>#|!&]/g, (c) => `\\${c}`));
}
