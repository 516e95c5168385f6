import { createHmac } from 'node:crypto';
import type { Lang } from '../types.js';
import { normaliseCreditCode, normaliseName } from '../plant-identity.js';
import type { CompanyRecord } from './record.js';

export type PseudonymKind = 'company' | 'site' | 'code' | 'file' | 'person' | 'sheet';

const PREFIX: Record<PseudonymKind, { zh: string; en: string }> = {
  company: { zh: '企业', en: 'company' },
  site: { zh: '厂区', en: 'site' },
  code: { zh: '代码', en: 'code' },
  file: { zh: '文件', en: 'file' },
  person: { zh: '人员', en: 'person' },
  sheet: { zh: '工作表', en: 'sheet' },
};

/** Built-in key: pseudonyms are stable across runs and machines. Set ZHIZAO_ANONYMIZE_KEY to make them unguessable. */
export const DEFAULT_ANON_KEY = 'zhizao-batch-pseudonym-v1';

/**
 * A stable pseudonym: HMAC-SHA256 of the normalised value, 10 hex digits (40 bits: about 1 collision in 200
 * among 100,000 names). The same value always gives the same pseudonym with the same key, in any run.
 * File names keep their extension so a reader still sees what kind of input it was.
 */
export function pseudonym(kind: PseudonymKind, value: string, lang: Lang, key: string = DEFAULT_ANON_KEY): string {
  const norm = kind === 'code' ? normaliseCreditCode(value) : kind === 'file' ? value : normaliseName(value);
  const hex = createHmac('sha256', key).update(`${kind}\u0000${norm}`).digest('hex').slice(0, 10);
  const ext = kind === 'file' ? /\.[A-Za-z0-9]{1,5}$/.exec(value)?.[0]?.toLowerCase() ?? '' : '';
  return `${PREFIX[kind][lang]}-${hex}${ext}`;
}

/** Replace every occurrence of the given originals in a free text (e.g. a message) by their pseudonyms. */
export function scrubText(text: string, replacements: ReadonlyMap<string, string>): string {
  let out = text;
  // Longest first so a name that contains another is replaced whole.
  for (const [from, to] of [...replacements].sort((a, b) => b[0].length - a[0].length)) {
    if (from.length >= 2) out = out.split(from).join(to);
  }
  return out;
}

/**
 * The respondent fields an anonymised company row keeps (region, district, park, sector, industry code, size, class,
 * retrofit status and year, the assessment date as given), as one key: two companies with the same key cannot be told
 * apart by them.
 */
export function quasiIdentifier(r: Pick<CompanyRecord, 'region' | 'district' | 'park' | 'sector' | 'industry' | 'aboveDesignatedSize' | 'enterpriseClass' | 'retrofitStatus' | 'retrofitYear' | 'date'>): string {
  return [r.region, r.district, r.park, r.sector, r.industry, r.aboveDesignatedSize, r.enterpriseClass, r.retrofitStatus, r.retrofitYear, r.date].map((v) => (v === undefined ? '' : String(v))).join('\u0000');
}

/** How many of the keys occur once: the companies anyone who knows those fields can single out in anonymised rows. */
export function singledOut(keys: Iterable<string>): number {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  let n = 0;
  for (const c of counts.values()) if (c === 1) n++;
  return n;
}
