import { sanitizeText } from '../messages/safe-text.js';
export { forTerminal, sanitizeText, stringifyJson, UNSAFE_CHARS } from '../messages/safe-text.js';

/**
 * Escape untrusted text for inline Markdown (also inside table cells), with Markdown's own backslash escapes — no
 * HTML entities, so the raw file reads as it renders: no emphasis, links, images, raw HTML, autolinks, cell breaks
 * or block markers can come through. Underscores inside words (question ids) stay as they are.
 */
export function escapeMarkdown(s: unknown): string {
  return sanitizeText(s)
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*[\]|~]/g, '\\$&')
    .replace(/(^|[^\p{L}\p{N}])_|_(?=$|[^\p{L}\p{N}])/gu, (m) => m.replace('_', '\\_'))
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/^(\s*)(#|>|[-+=](?=\s|$)|\d+[.)](?=\s|$))/, '$1\\$2')
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
