import type { MessageCode } from '../messages/catalogue.js';
import type { AnswerValue, Question } from './types.js';
import { formatNumber, readNumber, toHalfWidth } from './values.js';

export type Status = 'answered' | 'unknown' | 'na' | 'unanswered';
export interface Resolved {
  status: Status;
  value: AnswerValue;
}
export type Normalised = Resolved | { error: MessageCode; args: Record<string, string | number>; /** index of the offending list item */ at?: number };

const UNKNOWN = new Set(['unknown', '不清楚', '不知道', '未知']);
const NA = new Set(['n/a', 'na', '不适用']);

/** A word that answers any question "don't know" (不清楚, unknown…) or "not applicable" (不适用, n/a), else undefined. */
export function statusWord(text: string): 'unknown' | 'na' | undefined {
  const token = text.trim().toLowerCase();
  return UNKNOWN.has(token) ? 'unknown' : NA.has(token) ? 'na' : undefined;
}
const YES = new Set(['yes', 'y', 'true', '是', '有', '1']);
const NO = new Set(['no', 'n', 'false', '否', '无', '没有', '0']);
export const SATISFACTION_TOKENS: Record<string, 'full' | 'mostly' | 'partial' | 'none'> = {
  full: 'full',
  mostly: 'mostly',
  partial: 'partial',
  none: 'none',
  全部满足: 'full',
  大部分满足: 'mostly',
  部分满足: 'partial',
  不满足: 'none',
};
/** Separators accepted inside one cell for multiple choice. */
export const MULTI_SEPARATORS = /[;；、┋|]/;

const UNANSWERED: Resolved = { status: 'unanswered', value: null };

/** Turn one raw answer into its canonical value, or say what is wrong with it. */
export function normaliseAnswer(q: Question, raw: unknown): Normalised {
  const written = typeof raw === 'string' ? asWritten(q, raw) : undefined;
  if (written !== undefined) return { status: 'answered', value: written };
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return UNANSWERED;
  if (Array.isArray(raw) && raw.length === 0 && q.type !== 'multi') return UNANSWERED;
  if (typeof raw === 'string') {
    const word = statusWord(raw);
    if (word === 'unknown') return { status: 'unknown', value: null };
    if (word === 'na') return q.allowNA ? { status: 'na', value: null } : { error: 'answer.na-not-allowed', args: { id: q.id } };
  }
  const ok = (value: AnswerValue): Resolved => ({ status: 'answered', value });
  switch (q.type) {
    case 'level': {
      const opts = q.options ?? [];
      const byValue = opts.find((o) => o.value === raw);
      if (byValue) return ok(byValue.value);
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*[0-5]\s*$/.test(toHalfWidth(raw)) ? Number(toHalfWidth(raw)) : NaN;
      const byLevel = opts.find((o) => o.level === n);
      if (byLevel) return ok(byLevel.value);
      return { error: 'answer.option', args: { id: q.id, value: show(raw), allowed: opts.map((o) => `${o.value} (${o.level})`).join(', ') } };
    }
    case 'requirement': {
      const s = typeof raw === 'string' ? SATISFACTION_TOKENS[raw.trim().toLowerCase()] ?? SATISFACTION_TOKENS[raw.trim()] : undefined;
      return s ? ok(s) : { error: 'answer.option', args: { id: q.id, value: show(raw), allowed: 'full, mostly, partial, none' } };
    }
    case 'single': {
      const o = (q.options ?? []).find((x) => x.value === raw || (typeof raw === 'string' && x.value === raw.trim()));
      return o ? ok(o.value) : { error: 'answer.option', args: { id: q.id, value: show(raw), allowed: allowed(q) } };
    }
    case 'multi':
      return normaliseMulti(q, raw);
    case 'number':
    case 'percent':
      return normaliseNumber(q, raw);
    case 'boolean': {
      if (typeof raw === 'boolean') return ok(raw);
      const t = String(raw).trim().toLowerCase();
      if (YES.has(t)) return ok(true);
      if (NO.has(t)) return ok(false);
      return { error: 'answer.boolean', args: { id: q.id, value: show(raw) } };
    }
    case 'text': {
      if (typeof raw !== 'string' && typeof raw !== 'number') return { error: 'answer.text', args: { id: q.id } };
      const s = String(raw);
      if (q.maxLength !== undefined && s.length > q.maxLength) return { error: 'answer.too-long', args: { id: q.id, limit: q.maxLength } };
      return ok(s);
    }
  }
}

/** The satisfaction steps as the questionnaire writes them. */
const REQUIREMENT_STEPS = new Map(['full', 'mostly', 'partial', 'none'].map((step) => [step, step]));

/**
 * A choice's options that read as themselves (no surrounding spaces, not a word for unknown or n/a), by value, each
 * to the first option with that value; prepared once per question.
 */
const plainOptions = new WeakMap<Question, ReadonlyMap<string, string>>();

function plainOptionsOf(q: Question): ReadonlyMap<string, string> {
  let plain = plainOptions.get(q);
  if (!plain) {
    const byValue = new Map<string, string>();
    for (const { value } of q.options ?? []) {
      const token = value.toLowerCase();
      if (value !== '' && value.trim() === value && !UNKNOWN.has(token) && !NA.has(token) && !byValue.has(value)) byValue.set(value, value);
    }
    plain = byValue;
    plainOptions.set(q, plain);
  }
  return plain;
}

/**
 * The canonical value of an answer written exactly as the questionnaire writes it (most answers of an interview),
 * without reading it in every accepted form: the value normaliseAnswer's full reading gives, or undefined.
 */
function asWritten(q: Question, raw: string): string | undefined {
  if (q.type === 'requirement') return REQUIREMENT_STEPS.get(raw);
  if (q.type === 'level' || q.type === 'single') return plainOptionsOf(q).get(raw);
  return undefined;
}

function normaliseMulti(q: Question, raw: unknown): Normalised {
  const items: unknown[] = Array.isArray(raw)
    ? raw
    : typeof raw === 'string'
      ? raw.split(MULTI_SEPARATORS).map((s) => s.trim()).filter(Boolean)
      : [raw];
  const values: string[] = [];
  for (const [i, item] of items.entries()) {
    const o = (q.options ?? []).find((x) => x.value === item);
    if (!o) return { error: 'answer.option', args: { id: q.id, value: show(item), allowed: allowed(q) }, ...(Array.isArray(raw) ? { at: i } : {}) };
    if (!values.includes(o.value)) values.push(o.value);
  }
  const excl = values.filter((v) => q.exclusive?.includes(v));
  if (excl.length > 0 && values.length > 1) return { error: 'answer.exclusive', args: { id: q.id, value: excl.join(', ') } };
  return { status: 'answered', value: values };
}

/**
 * The forms of a question's own unit that may follow the number: the unit in either language, and each part of one
 * written with a parenthesis (台（套） → 台（套）, 台, 套).
 */
function unitForms(q: Question): string[] {
  if (!q.unit) return [];
  const forms = new Set<string>();
  for (const u of [q.unit.zh, q.unit.en]) {
    const h = toHalfWidth(u).trim().toLowerCase();
    if (!h) continue;
    forms.add(h);
    for (const part of h.split(/[()]/)) if (part.trim()) forms.add(part.trim());
  }
  // longest first: "台(套)" before "台"
  return [...forms].sort((a, b) => b.length - a.length);
}

/**
 * A number followed by the question's own unit ("18人", "18 台", "6 robots") is that number; the text is kept as it
 * was when what comes before the unit is not a number by itself ("十八人", "约20人"), or the unit is another one
 * ("300万" for 万元 is not read: only the question's own unit is).
 */
function withoutOwnUnit(q: Question, raw: unknown): unknown {
  if (typeof raw !== 'string' || !q.unit) return raw;
  const s = toHalfWidth(raw).trim();
  const lower = s.toLowerCase();
  for (const u of unitForms(q)) {
    if (!lower.endsWith(u)) continue;
    const rest = s.slice(0, s.length - u.length).trim();
    const r = rest ? readNumber(rest) : undefined;
    if (r?.ok && !r.value.percent) return rest;
  }
  return raw;
}

function normaliseNumber(q: Question, raw: unknown): Normalised {
  const r = readNumber(withoutOwnUnit(q, raw));
  // 'answer.number' stays the code of a non-number answer (a stable code in --json output).
  if (!r.ok) return r.code === 'value.not-a-number' ? notANumber(q, raw) : { error: r.code, args: { ...r.args, field: q.id, id: q.id } };
  let n = r.value.value;
  if (q.type === 'percent') {
    if (r.value.percent) n = n / 100;
    else if (n > 1) return { error: 'answer.percent-fraction', args: { id: q.id, value: formatNumber(n), fraction: formatNumber(n / 100) } };
    const min = q.min ?? 0;
    const max = q.max ?? 1;
    // The range as the user reads it: in per cent (0%–100%), not as fractions.
    if (n < min || n > max) return { error: 'answer.range', args: { id: q.id, value: `${formatNumber(n * 100)}%`, min: `${formatNumber(min * 100)}%`, max: `${formatNumber(max * 100)}%` } };
    return { status: 'answered', value: n };
  }
  if (r.value.percent) return notANumber(q, raw);
  if (q.integer && !Number.isInteger(n)) return { error: 'answer.integer', args: { id: q.id, value: formatNumber(n) } };
  if ((q.min !== undefined && n < q.min) || (q.max !== undefined && n > q.max))
    return { error: 'answer.range', args: { id: q.id, value: formatNumber(n), min: q.min ?? '-∞', max: q.max ?? '∞' } };
  return { status: 'answered', value: n };
}

/** A number question answered with something else (words, a percentage): what to write instead, in the question's unit. */
const notANumber = (q: Question, raw: unknown): Normalised => ({ error: 'answer.number', args: { id: q.id, value: show(raw), unit_zh: q.unit ? ` ${q.unit.zh}` : '', unit_en: q.unit ? ` ${q.unit.en}` : '' } });

const allowed = (q: Question) => (q.options ?? []).map((o) => o.value).join(', ');
function show(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
  return s.length > 60 ? s.slice(0, 57) + '...' : s;
}
