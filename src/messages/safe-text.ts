/** Text that is safe to show: no characters that hide, reorder or control what a screen or viewer displays. */
/** Bidirectional-override and isolate characters (can disguise text), and C0/C1 controls other than tab and newline. */
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
 
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Remove characters that can hide or reorder text; every renderer applies this to untrusted text first. */
export function sanitizeText(s: unknown): string {
  const str = String(s ?? '');
  // Most text has nothing to remove: one test instead of two replacing passes (reports sanitise every string).
  return UNSAFE.test(str) ? str.replace(BIDI, '').replace(CONTROL, '') : str;
}
/** What sanitizeText removes, as the inside of a character class (cleanText, for HTML, tests it with more in one pass). */
export const UNSAFE_CHARS = '\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\u061C\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F';
const UNSAFE = new RegExp(`[${UNSAFE_CHARS}]`);

 
const LINE_BREAKING = /[\u000A\u000D]/g;
const visible = (ch: string) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;

/**
 * For a terminal: controls become visible escapes (\x1b), bidi controls are dropped; tab and newline stay, unless
 * `singleLine` (a prompt's one line), where newlines and carriage returns are escaped too.
 */
export function forTerminal(s: unknown, opts: { singleLine?: boolean } = {}): string {
  const out = String(s ?? '').replace(BIDI, '').replace(CONTROL, visible);
  return opts.singleLine ? out.replace(LINE_BREAKING, visible) : out;
}

const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/**
 * JSON text whose bytes are safe to show: bidi and C1 controls written as \u escapes. They can only occur inside
 * strings, so the result is the same data; it also applies to a fragment of a streamed JSON document.
 */
export const safeJsonText = (json: string): string => json.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export function stringifyJson(value: unknown): string {
  return safeJsonText(JSON.stringify(value, null, 2));
}

/** `value` as one line of JSON whose bytes are safe to show (a spool's line, an item of a streamed JSON list). */
export const jsonLine = (value: unknown): string => safeJsonText(JSON.stringify(value));
