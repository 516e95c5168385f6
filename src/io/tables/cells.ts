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
