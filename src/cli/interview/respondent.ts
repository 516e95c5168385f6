/**
 * The respondent form: one entry per step of RESPONDENT_STEPS (src/core/interview.ts, the order), each saying what
 * to ask, how to read what was typed and where it goes. A new interview saves after each field with the cursor at
 * the next step; editing from the menu keeps the question cursor.
 */
import { isValidCreditCode, CREDIT_CODE_FORM } from '../../core/credit-code.js';
import { DETAIL_STEPS, OFFICE_STEPS, isoDate, nextRespondentStep, parseInterviewees, respondentCursor, unansweredQuestions, withRespondent, type RespondentStep } from '../../core/interview.js';
import { INDUSTRIES, type Industry, type Respondent, type RetrofitStatus } from '../../core/types.js';
import { readDate, toHalfWidth } from '../../core/values.js';
import type { MessageCode } from '../../messages/catalogue.js';
import { safeDefault, type ChoiceItem } from './prompter.js';
import { sectorWarningText } from './sector-note.js';
import type { Interview, Position } from './state.js';

type Read = { ok: true; value: string | undefined } | { ok: false; message: string };

/** A typed field. Enter alone keeps the value; `-` clears an optional one. */
interface TextField {
  kind: 'text';
  /** What it asks; a function of the details so far where the wording depends on whether a value is stored. */
  label: MessageCode | ((r: Respondent) => MessageCode);
  hint?: MessageCode | ((r: Respondent) => MessageCode | undefined);
  required?: boolean;
  /** The value offered as the default. */
  current(r: Respondent, iv: Interview): string | undefined;
  /** Read what was typed (trimmed, not empty, not `-`). */
  read(typed: string, iv: Interview): Read;
  /** How it reads once entered (the value as stored). */
  display?(typed: string, iv: Interview): string;
  store(iv: Interview, value: string | undefined): void;
}

/** A choice. `last` ends the form after this step for the values it accepts (e.g. no office details). */
interface ChoiceField<T> {
  kind: 'choice';
  label: MessageCode;
  choices(iv: Interview): ChoiceItem<T>[];
  current(r: Respondent): T;
  store(iv: Interview, value: T): void;
  last?(value: T): boolean;
}

type Field = TextField | ChoiceField<unknown>;

const optional = (key: 'site' | 'sector' | 'region' | 'assessor' | 'district' | 'park', label: MessageCode, max: number): TextField => ({
  kind: 'text',
  label,
  hint: 'iv.optional-hint',
  current: (r) => r[key],
  read: (t, iv) => (t.length > max ? { ok: false, message: iv.m('iv.max-chars', { max }) } : { ok: true, value: t }),
  store: (iv, v) => (iv.data = withRespondent(iv.data, key, v)),
});

const choice = <T,>(f: Omit<ChoiceField<T>, 'kind'>): Field => ({ kind: 'choice', ...f }) as Field;

const RETROFIT: Record<RetrofitStatus, MessageCode> = { none: 'iv.retrofit-none', planned: 'iv.retrofit-planned', 'in-progress': 'iv.retrofit-in-progress', done: 'iv.retrofit-done' };
const INDUSTRY_LABELS: Record<Industry, [MessageCode, MessageCode]> = {
  discrete: ['iv.industry-discrete', 'iv.industry-discrete-desc'],
  process: ['iv.industry-process', 'iv.industry-process-desc'],
  mixed: ['iv.industry-mixed', 'iv.industry-mixed-desc'],
};
const CLASSES = [
  ['A', 'iv.class-a'],
  ['B', 'iv.class-b'],
  ['C', 'iv.class-c'],
  ['D', 'iv.class-d'],
] as const;

/** What each respondent step asks. */
export const RESPONDENT_FORM: Record<RespondentStep, Field> = {
  date: {
    kind: 'text',
    label: 'iv.r-date',
    required: true,
    current: (r, iv) => safeDefault(r.date) ?? isoDate(iv.now()),
    read: (t, iv) => {
      const d = readDate(t);
      return d.ok ? { ok: true, value: d.value } : { ok: false, message: iv.m(d.code, { ...d.args, field: iv.m('iv.r-date-field') }) };
    },
    display: (t) => {
      const d = readDate(t.trim());
      return d.ok ? d.value : t;
    },
    store: (iv, v) => (iv.data = withRespondent(iv.data, 'date', v)),
  },
  industry: choice<Industry>({
    label: 'iv.r-industry',
    choices: (iv) => INDUSTRIES.map((i) => ({ name: `${iv.m(INDUSTRY_LABELS[i][0])} (${i})`, value: i, description: iv.m(INDUSTRY_LABELS[i][1]) })),
    current: (r) => r.industry,
    store: (iv, v) => (iv.data = withRespondent(iv.data, 'industry', v)),
  }),
  company: {
    kind: 'text',
    label: 'iv.r-company',
    required: true,
    current: (r) => safeDefault(r.company),
    read: (t, iv) => (t.length > 200 ? { ok: false, message: iv.m('iv.max-chars', { max: 200 }) } : { ok: true, value: t }),
    store: (iv, v) => (iv.data = withRespondent(iv.data, 'company', v ?? '')),
  },
  site: optional('site', 'iv.r-site', 200),
  sector: optional('sector', 'iv.r-sector', 100),
  region: optional('region', 'iv.r-region', 200),
  // No assessor named is a self-assessment (batch counts it as the company's own report): the prompt says so, the
  // record line says it too when the field is left empty, and a name stored already is cleared with `-`.
  assessor: {
    ...optional('assessor', 'iv.r-assessor', 200),
    label: (r) => (r.assessor?.trim() ? 'iv.r-assessor-named' : 'iv.r-assessor'),
    hint: (r) => (r.assessor?.trim() ? 'iv.assessor-keep-hint' : undefined),
    display: (t, iv) => {
      const v = t.trim();
      return v === '-' || (v === '' && !iv.data.respondent.assessor?.trim()) ? iv.m('iv.assessor-none') : t;
    },
  },
  interviewees: {
    kind: 'text',
    label: 'iv.r-interviewees',
    hint: 'iv.interviewees-hint',
    current: (r) => (r.interviewees?.length ? safeDefault(r.interviewees.join('; ')) : undefined),
    read: (t, iv) => (parseInterviewees(t).some((p) => p.length > 200) ? { ok: false, message: iv.m('iv.max-chars-person', { max: 200 }) } : { ok: true, value: t }),
    store: (iv, v) => (iv.data = withRespondent(iv.data, 'interviewees', v === undefined ? undefined : parseInterviewees(v).slice(0, 200))),
  },
  office: choice<boolean>({
    label: 'iv.r-office',
    choices: (iv) => [
      { name: iv.m('iv.yes'), value: true },
      { name: iv.m('iv.no'), value: false },
    ],
    current: (r) => OFFICE_STEPS.some((k) => k !== 'retrofit_year' && (r as unknown as Record<string, unknown>)[k] !== undefined),
    store: () => undefined,
    last: (yes) => !yes,
  }),
  credit_code: {
    kind: 'text',
    label: 'iv.r-credit-code',
    hint: 'iv.optional-hint',
    current: (r) => safeDefault(r.credit_code),
    read: (t, iv) => {
      const code = toHalfWidth(t).toUpperCase();
      if (!CREDIT_CODE_FORM.test(code)) return { ok: false, message: iv.m('iv.credit-code-form') };
      if (!isValidCreditCode(code)) return { ok: false, message: iv.m('iv.credit-code-check') };
      return { ok: true, value: code };
    },
    // As stored: in capitals.
    display: (t) => toHalfWidth(t).trim().toUpperCase(),
    store: (iv, v) => (iv.data = withRespondent(iv.data, 'credit_code', v)),
  },
  district: optional('district', 'iv.r-district', 50),
  park: optional('park', 'iv.r-park', 200),
  above_designated_size: choice<boolean | null>({
    label: 'iv.r-above-size',
    choices: (iv) => [
      { name: iv.m('iv.yes'), value: true },
      { name: iv.m('iv.no'), value: false },
      { name: iv.m('iv.not-known-empty'), value: null },
    ],
    current: (r) => r.above_designated_size ?? null,
    store: (iv, v) => (iv.data = withRespondent(iv.data, 'above_designated_size', v ?? undefined)),
  }),
  enterprise_class: choice<'A' | 'B' | 'C' | 'D' | null>({
    label: 'iv.r-class',
    choices: (iv) => [...CLASSES.map(([c, d]) => ({ name: c, value: c, description: iv.m(d) })), { name: iv.m('iv.class-none'), value: null }],
    current: (r) => r.enterprise_class ?? null,
    store: (iv, v) => (iv.data = withRespondent(iv.data, 'enterprise_class', v ?? undefined)),
  }),
  retrofit_status: choice<RetrofitStatus | null>({
    label: 'iv.r-retrofit-status',
    choices: (iv) => [...(Object.keys(RETROFIT) as RetrofitStatus[]).map((st) => ({ name: `${iv.m(RETROFIT[st])} (${st})`, value: st })), { name: iv.m('iv.leave-empty'), value: null }],
    current: (r) => r.retrofit_status?.status ?? null,
    store: (iv, v) => {
      const year = iv.data.respondent.retrofit_status?.year;
      iv.data = withRespondent(iv.data, 'retrofit_status', v === null ? undefined : { status: v, ...(v !== 'none' && year !== undefined ? { year } : {}) });
    },
    last: (v) => v === null || v === 'none',
  }),
  retrofit_year: {
    kind: 'text',
    label: 'iv.r-retrofit-year',
    hint: 'iv.optional-hint',
    current: (r) => (r.retrofit_status?.year !== undefined ? String(r.retrofit_status.year) : undefined),
    read: (t, iv) => {
      const y = toHalfWidth(t);
      return /^\d{4}$/.test(y) && Number(y) >= 1990 && Number(y) <= 2100 ? { ok: true, value: y } : { ok: false, message: iv.m('iv.retrofit-year-range') };
    },
    store: (iv, v) => {
      const st = iv.data.respondent.retrofit_status;
      if (st) iv.data = withRespondent(iv.data, 'retrofit_status', { status: st.status, ...(v !== undefined ? { year: Number(v) } : {}) });
    },
  },
};

function header(iv: Interview, step: RespondentStep): string[] {
  const n = DETAIL_STEPS.indexOf(step);
  return ['', n >= 0 ? iv.m('iv.respondent-head', { n: n + 1, total: DETAIL_STEPS.length }) : iv.m('iv.office-head'), ...iv.takeFlash()];
}

/** A step by the words its prompt asks with, without their bracketed explanation ("诊断人员"), never its key. */
export function stepName(iv: Interview, step: RespondentStep): string {
  const f = RESPONDENT_FORM[step];
  const label = typeof f.label === 'function' ? f.label(iv.data.respondent) : f.label;
  return iv.m(label).replace(/\s*[（(].*$/s, '').trim();
}

/** Ask one step; returns whether the form goes on after it. */
async function ask(iv: Interview, step: RespondentStep): Promise<boolean> {
  const f = RESPONDENT_FORM[step];
  const r = iv.data.respondent;
  if (f.kind === 'choice') {
    const v = await iv.p.choose<unknown>({ header: header(iv, step), message: iv.m(f.label), choices: f.choices(iv), default: f.current(r) });
    f.store(iv, v);
    return !f.last?.(v);
  }
  if (step === 'retrofit_year' && !r.retrofit_status) return false;
  const existing = f.current(r, iv);
  const hint = typeof f.hint === 'function' ? f.hint(r) : f.hint;
  const display = f.display;
  const typed = await iv.p.text({
    header: [...header(iv, step), ...(hint ? [iv.m(hint)] : [])],
    message: iv.m(typeof f.label === 'function' ? f.label(r) : f.label),
    ...(existing !== undefined ? { default: existing } : {}),
    validate: (x) => {
      const t = x.trim();
      if (t === '') return f.required && existing === undefined ? iv.m('iv.company-required') : true;
      if (t === '-' && !f.required) return true;
      const read = f.read(t, iv);
      return read.ok ? true : read.message;
    },
    ...(display ? { display: (t: string) => display(t, iv) } : {}),
  });
  const t = typed.trim();
  if (t === '-' && !f.required) f.store(iv, undefined);
  else if (t) {
    const read = f.read(t, iv);
    if (read.ok) f.store(iv, read.value);
  }
  return true;
}

/**
 * A sector written in words is kept (the user goes on), with validate's warning under its record line: the generic
 * plan follows, and the code to write instead, which the respondent details in the section menu can still take.
 */
async function sectorNote(iv: Interview, editing: boolean): Promise<void> {
  const warning = await sectorWarningText(iv.data.respondent.sector, iv.o.sectorPacks ?? (async () => []), iv.lang);
  if (!warning) return;
  iv.o.say(iv.c.yellow(`  ⚠ ${warning}`));
  // (editing the details from the menu already: the way back to them is not news)
  if (!editing) iv.o.say(iv.c.dim(`    ${iv.m('iv.sector-later')}`));
}

/**
 * Ask the respondent steps from `from` on. A new interview saves the cursor at the next step after each field;
 * editing from the menu keeps the question cursor. Returns the first question (or review) afterwards.
 */
export async function respondentStage(iv: Interview, from: RespondentStep, editing: boolean): Promise<Position> {
  let step: RespondentStep | undefined = from;
  while (step) {
    const goOn = await ask(iv, step);
    const next: RespondentStep | undefined = goOn ? nextRespondentStep(step) : undefined;
    // Named after the company: a new file is created once the company is entered (unless its name is known).
    if (iv.store.canSave()) {
      if (editing) await iv.save(iv.cursor);
      else if (next) await iv.save(respondentCursor(next));
    }
    if (step === 'sector') await sectorNote(iv, editing);
    step = next;
  }
  if (editing) return { kind: 'review' };
  const snap = iv.snap();
  const first = unansweredQuestions(snap)[0] ?? snap.order[0];
  const pos: Position = first ? { kind: 'question', id: first.id, reviewMode: false } : { kind: 'review' };
  await iv.save(iv.cursorOf(pos));
  return pos;
}
