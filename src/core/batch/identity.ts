import type { Respondent } from '../types.js';

/** Names compare after Unicode NFKC (full-width brackets and letters become half-width), trimmed, spaces collapsed, case folded. */
export function normaliseName(s: string | undefined): string {
  return (s ?? '').normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The plant a row describes: credit code + site when a code is given, else company + site.
 * Undefined when the row names no company and no code (it cannot be matched with anything).
 */
export function plantKey(r: Pick<Respondent, 'company' | 'credit_code' | 'site'>): string | undefined {
  const k = plantKeys(r);
  return k.code ?? k.name;
}

/**
 * Both keys of a plant: by credit code + site and by company name + site. A row with a code is matched by its code
 * first; a row without one by its name, which also finds the same plant given earlier (or later) with a code.
 */
export function plantKeys(r: Pick<Respondent, 'company' | 'credit_code' | 'site'>): { code?: string; name?: string } {
  const site = normaliseName(r.site);
  const code = (r.credit_code ?? '').trim().toUpperCase();
  const company = normaliseName(r.company);
  return { ...(code ? { code: `code:${code}|${site}` } : {}), ...(company ? { name: `name:${company}|${site}` } : {}) };
}

/**
 * An ISO date YYYY-MM-DD (and a time of day HH:MM[:SS]) as a sortable integer (20261129142305); 0 when absent or
 * malformed (oldest). Two submissions on one day are ordered by their time.
 */
export function dateKey(date: string | undefined, time?: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  if (!m) return 0;
  const t = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time ?? '');
  const secs = t ? Number(t[1]) * 10000 + Number(t[2]) * 100 + Number(t[3] ?? 0) : 0;
  return (Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3])) * 1_000_000 + secs;
}
