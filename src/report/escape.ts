import { sanitizeText } from '../messages/safe-text.js';
export { forTerminal, sanitizeText, stringifyJson } from '../messages/safe-text.js';

/** Escape untrusted text for Markdown (inline): no markup, links, HTML or table breaks can come through. */
export function escapeMarkdown(s: unknown): string {
  return sanitizeText(s)
    .replace(/\r\n?|\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]#|~])/g, '\\$1')
    .replace(/:\/\//g, ':&#47;&#47;');
}

/** Escape untrusted text for HTML text and attribute values. */
export function escapeHtml(s: unknown): string {
  return sanitizeText(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/`/g, '&#96;')
    .replace(/=/g, '&#61;');
}
