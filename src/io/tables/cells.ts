/** A table cell as the importer sees it. */
export type CellValue = string | number | boolean | Date | null;

/** Turn an exceljs cell value (rich text, formula, hyperlink, error, shared string…) into a plain value. */
export function plainCell(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('formula' in o || 'sharedFormula' in o) return 'result' in o ? plainCell(o.result) : null;
    if ('text' in o && 'hyperlink' in o) return plainCell(o.text);
    if ('error' in o) return null;
  }
  return String(v);
}

/** Excel serial day number (1900 date system) to YYYY-MM-DD. */
export function excelSerialToIso(n: number): string | undefined {
  if (!Number.isFinite(n) || n < 1 || n > 2958465) return undefined;
  const ms = Math.round((n - 25569) * 86400000);
  return new Date(ms).toISOString().slice(0, 10);
}

export function isoDate(d: Date): string {
  // exceljs builds dates in UTC from the serial number
  return d.toISOString().slice(0, 10);
}

/** A cell's text for messages and string fields. */
export function cellText(v: CellValue): string {
  if (v === null) return '';
  if (v instanceof Date) return isoDate(v);
  if (typeof v === 'number') return String(v);
  return String(v);
}

const FORMULA_START = /^[=+\-@\t\r]/;
/** Spreadsheet output: text beginning like a formula is prefixed with a single quote (OWASP CSV injection). */
export function neutralise(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

export function neutraliseCell(v: unknown): unknown {
  return typeof v === 'string' ? neutralise(v) : v;
}

/** Column number (1-based) to letters: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Column letters to number (1-based): A → 1, AA → 27 (columnLetter's inverse). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
  return n;
}

/*
 * Lenient readers for table cells. They turn what survey tools and spreadsheets write into the forms the shared
 * answer normalisation (core/answer-value.ts) accepts; anything they do not recognise is passed on unchanged, so the
 * shared reader still gives the error. When the shared date/number reader grows these cases, these two functions
 * should call it instead.
 */

/** Full-width digits and signs (１２．５％), thousands separators (1,234 / 1，234) and spaces: a plain numeric text. */
export function lenientNumber(v: CellValue): CellValue {
  if (typeof v !== 'string') return v;
  let s = v.normalize('NFKC').replace(/\s+/g, '');
  if (/^[+-]?\d{1,3}([,，]\d{3})+(\.\d+)?%?$/.test(s)) s = s.replace(/[,，]/g, '');
  return NUMBER_TEXT.test(s) ? s : v;
}
const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$/;

/** Whether a cell holds a number, or text lenientNumber reads as one (１２, 1,200, 85%). */
export const isNumberCell = (v: CellValue): boolean => typeof v === 'number' || (typeof v === 'string' && NUMBER_TEXT.test(String(lenientNumber(v))));

export type LenientDate = { date: string; time?: string } | { error: 'ambiguous' | 'invalid' };

const pad = (n: number | string) => String(n).padStart(2, '0');
function ymd(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}
function hms(h?: string, mi?: string, s?: string): string | undefined {
  if (h === undefined || mi === undefined) return undefined;
  const [H, M, S] = [Number(h), Number(mi), Number(s ?? 0)];
  if (H > 23 || M > 59 || S > 59) return undefined;
  return `${pad(H)}:${pad(M)}:${pad(S)}`;
}

/**
 * A date (and time of day when there is one) from a cell: an Excel date or serial number, ISO or 问卷星 text
 * (2026/11/8 14:23:05), 2026年11月8日, full-width digits, and day/month/year orders that cannot be misread (13/8/2026).
 * 11/8/2026 could be either: `ambiguous`. Undefined for an empty cell.
 */
export function lenientDate(v: CellValue): LenientDate | undefined {
  if (v === null) return undefined;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { error: 'invalid' };
    const iso = v.toISOString();
    const time = iso.slice(11, 19);
    return { date: iso.slice(0, 10), ...(time !== '00:00:00' ? { time } : {}) };
  }
  if (typeof v === 'number') {
    const date = excelSerialToIso(v);
    if (!date) return { error: 'invalid' };
    const secs = Math.round((v - Math.floor(v)) * 86400);
    return secs > 0 && secs < 86400 ? { date, time: `${pad(Math.floor(secs / 3600))}:${pad(Math.floor(secs / 60) % 60)}:${pad(secs % 60)}` } : { date };
  }
  if (typeof v === 'boolean') return { error: 'invalid' };
  const s = v.normalize('NFKC').trim();
  if (s === '') return undefined;
  const TIME = '(?:[ T]+(\\d{1,2})[:：](\\d{2})(?:[:：](\\d{2})(?:\\.\\d+)?)?)?\\s*(?:Z|[+-]\\d{2}:?\\d{2})?';
  let m = new RegExp(`^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?${TIME}$`).exec(s);
  if (m) {
    const date = ymd(Number(m[1]), Number(m[2]), Number(m[3]));
    if (!date) return { error: 'invalid' };
    const time = hms(m[4], m[5], m[6]);
    return time && time !== '00:00:00' ? { date, time } : { date };
  }
  m = new RegExp(`^(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{4})${TIME}$`).exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = Number(m[3]);
    if (a <= 12 && b <= 12 && a !== b) return { error: 'ambiguous' };
    const date = a > 12 ? ymd(y, b, a) : ymd(y, a, b);
    if (!date) return { error: 'invalid' };
    const time = hms(m[4], m[5], m[6]);
    return time && time !== '00:00:00' ? { date, time } : { date };
  }
  if (/^\d{5}(\.\d+)?$/.test(s)) return lenientDate(Number(s));
  return { error: 'invalid' };
}
