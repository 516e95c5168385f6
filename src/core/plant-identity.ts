/**
 * Which plant an answer file (or a table row) describes — one rule for batch, compare and merge alike.
 * A plant is its unified social credit code + site when a code is given, else its company name + site. Names and
 * sites compare after Unicode NFKC (full-width brackets and letters become half-width), trimmed, inner spaces
 * collapsed, spaces next to a Chinese character dropped ("经开区 二厂" is "经开区二厂") and case folded ("ACME Machinery"
 * and "Acme  Machinery" are one company); codes trimmed and upper-cased.
 */
import type { Respondent } from './types.js';

type PlantFields = Pick<Respondent, 'company' | 'credit_code' | 'site'>;

/** A company or site name as compared: NFKC, trimmed, spaces collapsed, none next to a Chinese character, case folded. */
export function normaliseName(s: string | undefined | null): string {
  return (s ?? '')
    .normalize('NFKC')
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/ (?=\p{Script=Han})|(?<=\p{Script=Han}) /gu, '')
    .toLowerCase();
}

/** A unified social credit code as compared: trimmed and upper-cased ('' when absent). */
export function normaliseCreditCode(s: string | undefined | null): string {
  return (s ?? '').trim().toUpperCase();
}

/**
 * Both keys of a plant: by credit code + site and by company name + site. A row with a code is matched by its code
 * first; a row without one by its name, which also finds the same plant given earlier (or later) with a code.
 */
export function plantKeys(r: PlantFields): { code?: string; name?: string } {
  const site = normaliseName(r.site);
  const code = normaliseCreditCode(r.credit_code);
  const company = normaliseName(r.company);
  return { ...(code ? { code: `code:${code}|${site}` } : {}), ...(company ? { name: `name:${company}|${site}` } : {}) };
}

/**
 * The plant a row describes: credit code + site when a code is given, else company + site.
 * Undefined when the row names no company and no code (it cannot be matched with anything).
 */
export function plantKey(r: PlantFields): string | undefined {
  const k = plantKeys(r);
  return k.code ?? k.name;
}

/** Two files describe the same plant: same credit code + site when both have a code, else same company + site. */
export function samePlant(a: PlantFields, b: PlantFields): boolean {
  const ka = plantKeys(a);
  const kb = plantKeys(b);
  if (ka.code && kb.code) return ka.code === kb.code;
  return normaliseName(a.company) === normaliseName(b.company) && normaliseName(a.site) === normaliseName(b.site);
}
