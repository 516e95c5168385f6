/**
 * The one reader of dates and numbers for every channel: YAML/JSON answer files, CSV/XLSX cells and the interview
 * prompt. Pure (no I/O). It accepts the forms a Chinese user types and says what is wrong in words.
 *
 *   readDate(raw)   → { ok: true, value: 'YYYY-MM-DD' } | { ok: false, code, args }
 *   readNumber(raw) → { ok: true, value: { value, percent } } | { ok: false, code, args }
 *
 * A failure carries a message code of the catalogue (src/messages/values.ts) and its arguments; the caller adds
 * `field` (a question id, `respondent.date`, a column header) before making a diagnostic, e.g.
 * `diag(r.code, file, at, { ...r.args, field })`.
 */
import type { MessageArgs, MessageCode } from '../messages/catalogue.js';

export type Read<T> = { ok: true; value: T } | { ok: false; code: MessageCode; args: MessageArgs };

/** The years a diagnosis date may fall in. */
export const DATE_YEARS = { min: 1900, max: 2100 } as const;

/**
 * Full-width digits and signs (common with Chinese input methods) to ASCII, and every kind of space to a plain
 * space: `１２` → `12`, `５０％` → `50%`, `１，２００` → `1,200`, `２０２６年１１月３日` → `2026年11月3日`.
 */
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00a0\u2000-\u200b\u202f\u205f]/g, ' ')
    .replace(/[\u2212\u2012-\u2015\ufe63]/g, '-')
    .replace(/[\u3002]/g, '.');
}

const shown = (raw: unknown): string => {
  const s = typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? String(raw));
  return s.length > 60 ? s.slice(0, 57) + '...' : s;
};

const DATE_FORMS = [
  // 2026-11-03, 2026-11-3, 2026/11/3, 2026.11.3, 2026 年 11 月 3 日 (日 optional); a time after it is ignored
  /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?(?:(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/,
  // 20261103
  /^(\d{4})(\d{2})(\d{2})$/,
];

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * A calendar date as `YYYY-MM-DD`. Accepts 2026-11-03, 2026-11-3, 2026/11/3, 2026.11.3, 2026年11月3日, 20261103,
 * with full-width digits, with a time after it (ignored), or a Date object (a spreadsheet's date cell, read as
 * UTC). The day must exist (2026-02-30 is refused) and the year lie in 1900–2100. Numbers are refused: a
 * spreadsheet's serial day number is converted where the cell is read, not here.
 */
export function readDate(raw: unknown): Read<string> {
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return { ok: false, code: 'value.not-a-date', args: { value: 'Invalid Date' } };
    return checkDate(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate(), raw.toISOString().slice(0, 10));
  }
  if (typeof raw !== 'string') return { ok: false, code: 'value.not-a-date', args: { value: shown(raw) } };
  const s = toHalfWidth(raw).trim();
  for (const form of DATE_FORMS) {
    const m = form.exec(s);
    if (m) return checkDate(Number(m[1]), Number(m[2]), Number(m[3]), raw.trim());
  }
  return { ok: false, code: 'value.not-a-date', args: { value: shown(raw) } };
}

function checkDate(year: number, month: number, day: number, typed: string): Read<string> {
  const value = shown(typed);
  if (year < DATE_YEARS.min || year > DATE_YEARS.max) return { ok: false, code: 'value.date-year', args: { value, year, min: DATE_YEARS.min, max: DATE_YEARS.max } };
  if (month < 1 || month > 12) return { ok: false, code: 'value.date-month', args: { value, month } };
  const days = daysIn(year, month);
  if (day < 1 || day > days) return { ok: false, code: 'value.date-day', args: { value, year, month, days } };
  return { ok: true, value: `${year}-${pad2(month)}-${pad2(day)}` };
}

/** Is `s` a calendar date written exactly as YYYY-MM-DD? */
export const isIsoDate = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s) && readDate(s).ok;

export interface NumberRead {
  /** The number as written (50 for "50%"). */
  value: number;
  /** Written with a % sign. */
  percent: boolean;
}

const PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
/** Thousands grouped by `,` `'` or a space: 1,200 · 1'200 · 1 200 000 · 12,345.5 */
const GROUPED = /^[+-]?\d{1,3}(?:([,' ])\d{3})(?:\1\d{3})*(?:\.\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

/**
 * A number from what people type: 1200, 1,200, 1 200, １２００, 12.5, -3, 1.5e3, and with a `%` (or `％`) sign
 * (`percent: true`, the value as written: 50 for "50%"). A JSON/YAML number is taken as it is. A decimal comma
 * (1,5) is refused with a message saying to write a point; so is anything that is not a number.
 */
export function readNumber(raw: unknown): Read<NumberRead> {
  if (typeof raw === 'number') return Number.isFinite(raw) ? { ok: true, value: { value: raw, percent: false } } : { ok: false, code: 'value.not-a-number', args: { value: shown(raw) } };
  if (typeof raw !== 'string') return { ok: false, code: 'value.not-a-number', args: { value: shown(raw) } };
  let s = toHalfWidth(raw).trim();
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  let n: number | undefined;
  if (PLAIN.test(s)) n = Number(s);
  else if (GROUPED.test(s)) n = Number(s.replace(/[,' ]/g, ''));
  else if (DECIMAL_COMMA.test(s)) return { ok: false, code: 'value.decimal-comma', args: { value: shown(raw), suggestion: s.replace(',', '.') + (percent ? '%' : '') } };
  if (n === undefined || !Number.isFinite(n)) return { ok: false, code: 'value.not-a-number', args: { value: shown(raw) } };
  return { ok: true, value: { value: n, percent } };
}

/** A number for messages: at most 12 significant digits, no float noise (0.1 * 3 → 0.3). */
export const formatNumber = (n: number): string => String(+n.toPrecision(12));
