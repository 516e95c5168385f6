import { MESSAGES, type MessageCode } from '../messages/catalogue.js';
import type { Resolved } from './answer-value.js';
import type { Visibility } from './answers.js';
import type { Lang, Question, Text } from './types.js';

const both = (code: MessageCode): Text => ({ zh: MESSAGES[code].zh, en: MESSAGES[code].en });

/** A number as a person reads it: at most six significant digits, no trailing zeros. */
export function showNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  // a whole number of at most six digits reads as it is (what six significant digits give it, without toPrecision)
  if (abs < 1e6 && Number.isInteger(n)) return String(n === 0 ? 0 : n);
  if (abs !== 0 && (abs >= 1e12 || abs < 1e-6)) return n.toExponential(3).replace(/\.?0+e/, 'e');
  return String(Number(n.toPrecision(6)));
}

/** A fraction shown as a percentage (0.417 → "41.7%"). */
export const showPercent = (fraction: number): string => `${showNumber(fraction * 100)}%`;

const SATISFACTION: Record<string, MessageCode> = {
  full: 'checks.answer-full',
  mostly: 'checks.answer-mostly',
  partial: 'checks.answer-partial',
  none: 'checks.answer-none',
};

/**
 * An answer as the person who gave it would recognise it, in both languages: option labels rather than codes,
 * percentages as 0–100 %, yes/no, unknown, n/a. A hidden question shows as "not asked".
 */
export function showAnswer(question: Question | undefined, r: Resolved | undefined, visibility?: Visibility): Text {
  if (visibility !== undefined && visibility !== 'visible' && !(visibility === 'na' && r?.status === 'na')) {
    return visibility === 'na' ? both('checks.answer-na') : both('checks.answer-hidden');
  }
  if (!r || r.status === 'unanswered') return both('checks.answer-unanswered');
  if (r.status === 'unknown') return both('checks.answer-unknown');
  if (r.status === 'na') return both('checks.answer-na');
  const v = r.value;
  const per = (f: (lang: Lang) => string): Text => ({ zh: f('zh'), en: f('en') });
  if (typeof v === 'boolean') return both(v ? 'checks.answer-yes' : 'checks.answer-no');
  if (typeof v === 'number') {
    const shown = question?.type === 'percent' ? showPercent(v) : showNumber(v);
    return { zh: shown, en: shown };
  }
  if (question?.type === 'requirement' && typeof v === 'string' && SATISFACTION[v]) return both(SATISFACTION[v]);
  const label = (value: string | number, lang: Lang) => question?.options?.find((o) => o.value === value)?.label[lang] ?? String(value);
  if (Array.isArray(v) && v.length === 0) return { zh: '—', en: '—' };
  // the labels pushed, not map()ped, before join (one elements kind however V8 runs this: see result.ts, `packed`)
  const labels = (lang: Lang, list: readonly (string | number)[]) => {
    const out: string[] = [];
    for (const x of list) out.push(label(x, lang));
    return out.join(MESSAGES['checks.list-separator'][lang]);
  };
  if (Array.isArray(v)) return per((lang) => labels(lang, v));
  if (v === null) return both('checks.answer-unanswered');
  return per((lang) => label(v, lang));
}
