import { sanitizeText, UNSAFE_CHARS } from '../messages/safe-text.js';
export { forTerminal, sanitizeText, stringifyJson, UNSAFE_CHARS } from '../messages/safe-text.js';

/**
 * Escape untrusted text for inline Markdown (also inside table cells), with Markdown's own backslash escapes — no
 * HTML entities, so the raw file reads as it renders: no emphasis, links, images, raw HTML, autolinks, cell breaks
 * or block markers can come through. Underscores inside words (question ids) stay as they are.
 */
export function escapeMarkdown(s: unknown): string {
  const t = sanitizeText(s);
  // Most report texts (Chinese sentences, labels, figures) contain nothing any escape below acts on: test once.
  return MD_SPECIAL.test(t) || MD_BLOCK_MARKER.test(t) ? markdownEscapes(t) : t;
}
/** A character or sequence one of markdownEscapes' replacements acts on, except the block markers at the start. */
const MD_SPECIAL = /[\r\n\\`*[\]|~_<&]|:\/\/|www\./i;
const MD_BLOCK_MARKER = /^(\s*)(#|>|[-+=](?=\s|$)|\d+[.)](?=\s|$))/;

/** Every backslash escape of escapeMarkdown, applied to sanitised text (exported for the fast path's property test). */
export function markdownEscapes(t: string): string {
  return t
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*[\]|~]/g, '\\$&')
    .replace(/(^|[^\p{L}\p{N}])_|_(?=$|[^\p{L}\p{N}])/gu, (m) => m.replace('_', '\\_'))
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(MD_BLOCK_MARKER, '$1\\$2')
    .replace(/:\/\//g, ':\\/\\/')
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`);
}

/** Escape untrusted text for HTML text and attribute values. */
export function escapeHtml(s: unknown): string {
  const t = sanitizeText(s);
  // Most texts have nothing to escape: test once, then replace every special character in one pass.
  return HTML_SPECIAL.test(t) ? t.replace(HTML_SPECIALS, (c) => HTML_ENTITIES[c]!) : t;
}
const HTML_SPECIAL = /[&<>"'`=]/;
const HTML_SPECIALS = /[&<>"'`=]/g;
const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;', '=': '&#61;' };

/** Untrusted text made safe to store in HTML or XML: sanitizeText, and lone UTF-16 surrogates replaced by U+FFFD. */
export function cleanText(s: unknown): string {
  // One test for the common case, a string with nothing to remove (a report model holds thousands).
  if (typeof s === 'string' && !NEEDS_CLEANING.test(s)) return s;
  const t = sanitizeText(s);
  // Surrogates and non-characters are rare: test once before replacing.
  return SURROGATE_OR_NONCHAR.test(t)
    ? t.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD').replace(/[\uFFFE\uFFFF]/g, '')
    : t;
}
const SURROGATE_OR_NONCHAR = /[\uD800-\uDFFF\uFFFE\uFFFF]/;
/** What sanitizeText removes (bidi controls, C0/C1 controls but tab, newline and carriage return) and surrogates or non-characters. */
const NEEDS_CLEANING = new RegExp(`[${UNSAFE_CHARS}\\uD800-\\uDFFF\\uFFFE\\uFFFF]`);
