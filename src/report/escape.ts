/** Bidirectional-override and isolate characters (can disguise text), and C0/C1 controls other than tab and newline. */
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Remove characters that can hide or reorder text; every renderer applies this to untrusted text first. */
export function sanitizeText(s: unknown): string {
  return String(s ?? '').replace(BIDI, '').replace(CONTROL, '');
}

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
