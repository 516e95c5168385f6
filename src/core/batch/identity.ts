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
  const site = normaliseName(r.site);
  const code = (r.credit_code ?? '').trim().toUpperCase();
  if (code) return `code:${code}|${site}`;
  const company = normaliseName(r.company);
  if (!company) return undefined;
  return `name:${company}|${site}`;
}

/** An ISO date YYYY-MM-DD as a sortable integer (20261129); 0 when absent or malformed (oldest). */
export function dateKey(date: string | undefined): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  return m ? Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3]) : 0;
}
