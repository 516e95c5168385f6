/** Small formatting helpers of the report model: one rounding step from the exact value. */
import type { Answers } from '../core/answers.js';
import { hasInternalPart, noteText, type Text } from '../core/types.js';
import { fill, type Wording } from '../core/wording.js';
import type { IndicatorResult } from '../core/indicators.js';

export const pct = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
export const fixed2 = (x: number) => x.toFixed(2);
export { fixed2Below, gapAbove, scoreText } from '../core/near-mark.js';
/** An indicator's computed value as the report shows it: a ratio as a percentage, another number rounded; '—' without one. */
export const indicatorValue = (i: Pick<IndicatorResult, 'kind' | 'value'>): string =>
  typeof i.value === 'number' ? (i.kind === 'ratio' ? pct(i.value) : String(Math.round(i.value * 100) / 100)) : '—';
/** An indicator's target as the report shows it: its comparison and the level, a percentage (`> 50.0%`). */
export const indicatorTarget = (i: Pick<IndicatorResult, 'comparison' | 'target'>): string => `${i.comparison} ${pct(i.target ?? 0)}`;
export const same = (s: string): Text => ({ zh: s, en: s });

/** 万元 in English words: CNY millions from 1 million up ("CNY 20 million", not "2000 × 10,000 CNY"), else whole CNY ("CNY 50,000"). */
export const cny = (wan: readonly number[]): string => {
  const r = wan.map((x) => Math.round(x));
  return Math.max(...r) >= 100 ? `CNY ${r.map((x) => x / 100).join('–')} million` : `CNY ${r.map((x) => thousands(x * 10000)).join('–')}`;
};
/** An exact amount of 万元 in English words (68.5 万元: "CNY 685,000"; 34200 万元: "CNY 342 million"), not rounded to 万元. */
export const cnyExact = (wan: number): string => {
  const yuan = Math.round(wan * 10000);
  if (yuan < 1_000_000) return `CNY ${thousands(yuan)}`;
  const [whole, part] = String(Math.round(yuan / 10_000) / 100).split('.');
  return `CNY ${thousands(Number(whole))}${part ? `.${part}` : ''} million`;
};
/** A whole number with thousands separators (50,000): what toLocaleString('en-US') gives, without its ~9 ms set-up of ICU's formatter. */
export const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A fraction's difference in percentage points, rounded once (one decimal). */
export const points = (x: number) => (Math.round(x * 1000) / 10).toFixed(1);

/**
 * Whether an answer's note keeps anything from the client: the report then leaves out the details of its evidence
 * too (they describe the same finding: "photo IMG_4417, the gateway on the office switch").
 */
export const hasInternalNote = (answers: Answers, id: string): boolean => hasInternalPart(answers.file.notes?.[id]);

/** The note of an answer as a client may see it (internal notes never). */
export const clientNote = (answers: Answers, id: string) => {
  const n = noteText(answers.file.notes?.[id]);
  return n && !n.internal ? n.text : undefined;
};

/** How far a value misses its target, in words: "8.3 points short", or, exactly on a strict target, "on the target". */
export function gapText(w: Wording, gap: number | null | undefined): Text {
  const shown = points(gap ?? 0);
  return shown === '0.0' || shown === '-0.0' ? w.phrases.gapAtTarget! : fill(w.phrases.gapPoints!, { gap: shown });
}

/**
 * A text in curly quotes (a title or an answer quoted inside a sentence); quotation marks inside it become single ones
 * (“…‘机器换人’…”), not nested doubles.
 */
export const quoted = (t: Text): Text => ({ zh: `“${singleQuotes(t.zh)}”`, en: `“${singleQuotes(t.en)}”` });
const singleQuotes = (s: string) => s.replace(/“/g, '‘').replace(/”/g, '’');
