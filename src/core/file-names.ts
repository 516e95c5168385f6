/**
 * File names made from untrusted text (company names): one rule for the interview's new answer files and for the
 * reports `batch --reports` writes.
 */

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$|clock\$)$/i;
/** Longest company part of a file name, in UTF-8 bytes (names are limited to 255 bytes on most file systems). */
const MAX_STEM_BYTES = 120;
const MAX_STEM_CHARS = 60;
const UTF8 = new TextEncoder();
export const ANSWER_FILE_SUFFIX = '.zhizao.yaml';

/**
 * A file-name-safe form of a company name on Linux, macOS and Windows: letters (Chinese included), digits,
 * marks and `-_.()（）` are kept; path separators, control characters, reserved punctuation and spaces become `-`;
 * no leading or trailing dots, dashes or spaces; not a reserved Windows device name; at most 60 characters and
 * 120 UTF-8 bytes, cut on a character boundary. Empty when nothing usable is left.
 */
export function safeFileStem(name: string): string {
  let s = name.normalize('NFC');
  s = s.replace(/[^\p{L}\p{N}\p{M}\-_.()（）]+/gu, '-');
  s = s.replace(/-{2,}/g, '-').replace(/\.{2,}/g, '.');
  s = trimEnds(s);
  const chars: string[] = [];
  let bytes = 0;
  for (const ch of s) {
    const b = UTF8.encode(ch).length;
    if (chars.length >= MAX_STEM_CHARS || bytes + b > MAX_STEM_BYTES) break;
    chars.push(ch);
    bytes += b;
  }
  s = trimEnds(chars.join(''));
  // Windows treats "CON", "CON.txt", "con .x" … as the device: check the part before the first dot too.
  const head = s.split('.')[0] ?? '';
  if (WINDOWS_RESERVED.test(s) || WINDOWS_RESERVED.test(head)) s = `_${s}`;
  return s;
}

function trimEnds(s: string): string {
  return s.replace(/^[-.\s_]+/u, '').replace(/[-.\s]+$/u, '');
}

/** A safe file name from untrusted text, or `fallback` when nothing usable is left. */
export function safeFileName(text: string, fallback = 'company'): string {
  return safeFileStem(text) || fallback;
}

/** Hands out unique file names (case-insensitively, as on Windows and macOS): name.ext, name-2.ext, … */
export class UniqueNames {
  private readonly used = new Set<string>();
  take(base: string, ext: string): string {
    for (let n = 1; ; n++) {
      const name = `${base}${n === 1 ? '' : `-${n}`}.${ext}`;
      const k = name.toLowerCase();
      if (!this.used.has(k)) {
        this.used.add(k);
        return name;
      }
    }
  }
}

/**
 * The name of a new answer file: `<company>-<date>.zhizao.yaml`, or `assessment-<date>.zhizao.yaml` when anonymous
 * (or when the company name leaves nothing usable); attempt n > 1 adds `-n` so that no existing file is replaced.
 */
export function answerFileName(company: string | undefined, date: string, attempt = 1, anonymous = false): string {
  const stem = (!anonymous && company ? safeFileStem(company) : '') || 'assessment';
  const safeDate = /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : '';
  const base = [stem, safeDate].filter(Boolean).join('-');
  return `${base}${attempt > 1 ? `-${attempt}` : ''}${ANSWER_FILE_SUFFIX}`;
}
