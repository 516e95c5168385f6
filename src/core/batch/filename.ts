const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * A file name made from untrusted text (a company name): no path separators, no characters Windows refuses,
 * no control characters, no leading dots, not a reserved device name, at most 60 characters.
 */
export function safeFileName(text: string, fallback = 'company'): string {
  let s = text
    .normalize('NFKC')
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*\u2028\u2029]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s_-]+/, '')
    .replace(/[.\s_]+$/, '');
  if (s === '' || /^_+$/.test(s)) s = fallback;
  s = [...s].slice(0, 60).join('').replace(/[.\s]+$/, '');
  if (WINDOWS_RESERVED.test(s)) s = `_${s}`;
  return s;
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
