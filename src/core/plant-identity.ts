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

/**
 * A company name reduced to what tells two companies apart, for checking that two rows with one credit code name one
 * company: compared as by normaliseName, without a leading province or city (河南省, 郑州市) and a trailing legal
 * form (股份有限公司, 有限公司, 集团…, Co., Ltd.), and without what is in brackets (a site or city: "（航空港）"). "郑州示例机械有限公司" and "示例机械" are the same
 * company; "郑州宏驰汽车零部件有限公司" and "郑州中原铜带有限公司" are not. Empty when nothing is left.
 */
export function companyCore(s: string | undefined | null): string {
  return coreOfNormalised(normaliseName(s));
}

function coreOfNormalised(name: string): string {
  // bracketed qualifiers go with their text ("（航空港）", "(Zhengzhou)"): the same company named with or without one
  let n = name
    .replace(/[(（[【][^)）\]】]*[)）\]】]/gu, '')
    .replace(/[()（）[\]【】\s.,]/gu, '');
  for (let before = ''; before !== n; ) {
    before = n;
    n = n.replace(/^(河南省|河南|郑州市|郑州)/u, '').replace(/(股份有限公司|有限责任公司|有限公司|集团公司|集团|公司|分公司|总厂|厂|colimited|coltd|ltd|limited|inc|co|group|company)$/u, '');
  }
  return n;
}

/** A unified social credit code as compared: trimmed and upper-cased ('' when absent). */
export function normaliseCreditCode(s: string | undefined | null): string {
  return (s ?? '').trim().toUpperCase();
}

/**
 * Both keys of a plant: by credit code + site and by company name + site (and, with a code, the company's core name). A row with a code is matched by its code
 * first; a row without one by its name, which also finds the same plant given earlier (or later) with a code.
 */
export function plantKeys(r: PlantFields): { code?: string; name?: string; firm?: string } {
  const site = normaliseName(r.site);
  const code = normaliseCreditCode(r.credit_code);
  const company = normaliseName(r.company);
  // with a code, the company as companyCore reduces it: one code for two companies is a wrong code (batch/supersede.ts)
  const firm = code && company ? coreOfNormalised(company) : '';
  return { ...(code ? { code: `code:${code}|${site}` } : {}), ...(company ? { name: `name:${company}|${site}` } : {}), ...(firm ? { firm } : {}) };
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

/**
 * The company an answer file that does not parse names, read from its text (`company: …` in YAML, `"company": "…"` in
 * JSON), so that its rejection says whose file it is; undefined when none is found. Best effort, bounded.
 */
export function companyNamedIn(text: string): string | undefined {
  const head = text.slice(0, 20_000);
  const m = /^[ \t]*company[ \t]*:[ \t]*(["']?)([^"'\n#]{1,200}?)\1[ \t]*(?:#.*)?$/m.exec(head) ?? /"company"\s*:\s*"([^"\n]{1,200})"/.exec(head);
  const name = (m?.[2] ?? m?.[1])?.trim();
  return name ? name : undefined;
}
