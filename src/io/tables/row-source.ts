import { diag, type Diagnostic, type Located } from '../../core/diagnostics.js';
import type { Questionnaire } from '../../core/questionnaire.js';
import type { Source } from '../../core/source.js';
import type { AnswerValue, Question } from '../../core/types.js';
import { INDUSTRY_TOKENS, RETROFIT_TOKENS } from '../../core/vocabulary.js';
import { cellText, columnLetter, excelSerialToIso, isoDate, lenientDate, lenientNumber, type CellValue } from './cells.js';
import { labelKey, type ColumnOptions, type ColumnRole, type SurveyMap } from './columns.js';

/** Cells that mean "no answer" in survey exports (问卷星 writes (跳过) for skipped questions). */
export const DEFAULT_BLANKS = ['(跳过)', '(空)', '（跳过）', '（空）'];

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();
const normKey = labelKey;

const BOOLEAN_TOKENS: Record<string, boolean> = {
  true: true, yes: true, y: true, '1': true, 是: true, 有: true, 规上: true, '√': true, '✓': true,
  false: false, no: false, n: false, '0': false, 否: false, 无: false, 规下: false,
};

/** The value a respondent field's cell stands for when it is one of the words the importer knows, else undefined. */
export function respondentToken(field: string, text: string): string | boolean | undefined {
  const k = normKey(text);
  switch (field) {
    case 'industry':
      return INDUSTRY_TOKENS[k];
    case 'above_designated_size':
      return BOOLEAN_TOKENS[k];
    case 'retrofit_status':
      return RETROFIT_TOKENS[k];
    case 'enterprise_class':
      return /^[abcd]类?$/.test(k) ? k[0]!.toUpperCase() : undefined;
    default:
      return undefined;
  }
}

/** Separators between choices that never occur inside an option label. "、" may, so it is handled apart. */
const STRONG_SEPARATORS = /[┋|;；\n]/;
/** 问卷星 writes a choice with a fill-in blank as 选项〖填写的文字〗; "other (…)" is the same in other tools. */
const FILL_IN = /^(.*?)\s*〖([\s\S]*)〗\s*$/;
const OTHER_WITH_TEXT = /^(其他|其它|other|others)\s*[(（:：[【]\s*([\s\S]*?)\s*[)）\]】]?\s*$/i;

/** Option labels (both languages) → value, per option question; used for every table so that labels work as answers. */
export function labelIndex(q: Questionnaire): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const question of q.questions) {
    if (!question.options) continue;
    const m = new Map<string, string>();
    const clash = new Set<string>();
    for (const o of question.options) {
      for (const l of [o.label.zh, o.label.en]) {
        const k = normKey(l);
        if (m.has(k) && m.get(k) !== o.value) clash.add(k);
        m.set(k, o.value);
      }
    }
    for (const k of clash) m.delete(k);
    out.set(question.id, m);
  }
  return out;
}

export interface RowContext {
  q: Questionnaire;
  /** Option values per question, for the common case of a cell that already holds a value. */
  values: Map<string, Set<string>>;
  /** The questionnaire id to put in rows whose questionnaire column is empty. */
  defaultQuestionnaire: string;
  roles: ColumnRole[];
  labels: Map<string, Map<string, string>>;
  map?: SurveyMap;
  blanks: Set<string>;
}

export function rowContext(q: Questionnaire, roles: ColumnRole[], defaultQuestionnaire: string, map?: SurveyMap): RowContext {
  const values = new Map(q.questions.filter((x) => x.options).map((x) => [x.id, new Set(x.options!.map((o) => o.value))]));
  // Both the written and the normalised form, so that a cell is checked without normalising it.
  const blanks = new Set([...DEFAULT_BLANKS, ...(map?.blank ?? [])].flatMap((b) => [b.trim(), norm(b)]));
  return { q, values, roles, defaultQuestionnaire, labels: labelIndex(q), ...(map ? { map } : {}), blanks };
}

const isBlank = (ctx: RowContext, s: string, opts?: ColumnOptions) => s === '' || ctx.blanks.has(s) || Boolean(opts?.blank?.some((b) => norm(b) === norm(s)));

/** The option value a label stands for (map values first, then the questionnaire's own labels), or undefined. */
function knownLabel(ctx: RowContext, id: string, item: string): string | undefined {
  const values = ctx.values.get(id);
  if (values?.has(item)) return item;
  const k = normKey(item);
  return ctx.map?.values[id]?.[k] ?? ctx.labels.get(id)?.get(k) ?? (values?.has(k) ? k : undefined);
}

/** Map one raw item through the survey map's labels, then the questionnaire's own option labels. */
function mapLabel(ctx: RowContext, id: string, item: string): string {
  const fromMapTable = ctx.map?.values[id];
  const values = ctx.values.get(id);
  // Fast path: no map entry for the question and the cell already holds an option value (or it has no options).
  if (!fromMapTable && (!values || values.has(item))) return item;
  return knownLabel(ctx, id, item) ?? item;
}

/** Split at "、" only outside brackets: "二维CAD（如AutoCAD、中望CAD）" is one label. */
function splitEnumComma(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if ('（(【[〖《{'.includes(c)) depth++;
    else if ('）)】]〗》}'.includes(c)) depth = Math.max(0, depth - 1);
    else if (c === '、' && depth === 0) {
      out.push(s.slice(from, i));
      from = i + 1;
    }
  }
  out.push(s.slice(from));
  return out;
}

/**
 * The choices of a multiple-choice cell. With a separator from the map, exactly that. Otherwise ┋ | ; ； and line
 * breaks always separate; "、" separates only outside brackets and never inside a label the map or the
 * questionnaire knows ("铣床、车床改造" stays whole when it is a label).
 */
export function splitChoices(ctx: RowContext, id: string, s: string, separator?: string): string[] {
  if (separator !== undefined) return s.split(separator).map((x) => x.trim()).filter(Boolean);
  const out: string[] = [];
  for (const piece of s.split(STRONG_SEPARATORS).map((x) => x.trim()).filter(Boolean)) {
    const base = FILL_IN.exec(piece)?.[1] ?? piece;
    if (!piece.includes('、') || knownLabel(ctx, id, base) !== undefined) {
      out.push(piece);
      continue;
    }
    const parts = splitEnumComma(piece).map((x) => x.trim());
    for (let i = 0; i < parts.length; ) {
      let j = parts.length - 1;
      // the longest run of fragments that is a known label, else the fragment alone
      for (; j > i; j--) if (knownLabel(ctx, id, parts.slice(i, j + 1).join('、')) !== undefined) break;
      const item = parts.slice(i, j + 1).join('、');
      if (item) out.push(item);
      i = j + 1;
    }
  }
  return out;
}

/** A choice with free text: 其他〖用Excel画图〗 → {label: 其他, text: 用Excel画图}. */
function fillIn(item: string): { label: string; text: string } | undefined {
  const m = FILL_IN.exec(item) ?? OTHER_WITH_TEXT.exec(item);
  return m ? { label: m[1]!.trim(), text: m[2]!.trim() } : undefined;
}

/** What a row gives beyond its answer file: the time of day of its date, notes for the person running the batch. */
export interface RowSource extends Source {
  /** The respondent date's time of day (HH:MM:SS), when the cell had one: it orders same-day resubmissions. */
  time?: string;
  /** Warnings about single cells (free text kept as a note, …), located at the cell. */
  cellWarnings: Diagnostic[];
  /** The column, header and text of the cell an answer path came from. */
  cellAt(path: readonly (string | number)[] | undefined): { column: number; header: string; value: string } | undefined;
}

interface Build {
  ctx: RowContext;
  file: string;
  line: number;
  notes: Record<string, string>;
  warnings: Diagnostic[];
}

function addNote(b: Build, id: string, text: string) {
  b.notes[id] = b.notes[id] ? `${b.notes[id]}；${text}` : text;
}

function numberValue(v: CellValue, question: Question, opts?: ColumnOptions): AnswerValue | undefined {
  const x = lenientNumber(v);
  const divisor = opts?.unit === 'percent' ? 100 : opts?.unit === 'permille' ? 1000 : 1;
  const factor = (opts?.scale ?? 1) / divisor;
  if (factor === 1) return x instanceof Date ? isoDate(x) : (x as AnswerValue);
  const n = typeof x === 'number' ? x : typeof x === 'string' && /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(x) ? Number(x) : undefined;
  // "2.9%" in a percent column is still 2.9 %: the shared reader divides it once.
  if (n === undefined) return typeof x === 'string' && question.type === 'percent' && /%$/.test(x) ? x : (x as AnswerValue);
  return +(n * factor).toPrecision(12);
}

function answerValue(b: Build, role: Extract<ColumnRole, { kind: 'answer' }>, question: Question | undefined, v: CellValue): AnswerValue | undefined {
  const { ctx } = b;
  const id = role.id;
  if (v === null) return undefined;
  if (question && (question.type === 'number' || question.type === 'percent')) {
    if (typeof v === 'string' && isBlank(ctx, v.trim(), role.opts)) return undefined;
    const n = numberValue(v, question, role.opts);
    // A bare figure under 1 in a column in percent (0.6 where 60 was meant, the fraction a spreadsheet shows as 60 %
    // typed by hand) reads as 0.6 %: kept, and said when that is below the question's plausible range while the figure
    // meant as a percentage would be in it (an MES coverage of 0.6 %; not a defect rate of 0.8 %, which is plausible).
    const least = question.plausible?.min;
    if (role.opts?.unit === 'percent' && typeof n === 'number' && n > 0 && n < 0.01 && least !== undefined && n < least && n * 100 >= least && !(typeof v === 'string' && v.trim().endsWith('%')))
      b.warnings.push(diag('table.percent-under-one', b.file, { line: b.line, column: role.col }, { header: role.header, value: cellText(v), read: `${+(n * 100).toPrecision(12)}%`, meant: `${+(n * 10000).toPrecision(12)}` }, 'warning', ['answers', id]));
    return n;
  }
  if (v instanceof Date) return isoDate(v);
  if (typeof v !== 'string') return v;
  const s = v.trim();
  if (isBlank(ctx, s, role.opts)) return undefined;
  if (question?.type === 'multi') {
    const items: string[] = [];
    for (const raw of splitChoices(ctx, id, s, role.opts?.separator)) {
      const known = knownLabel(ctx, id, raw);
      const fi = known === undefined ? fillIn(raw) : undefined;
      if (!fi) {
        items.push(mapLabel(ctx, id, raw));
        continue;
      }
      const value = knownLabel(ctx, id, fi.label);
      addNote(b, id, `${fi.label}：${fi.text}`);
      if (value !== undefined) items.push(value);
      else b.warnings.push(diag('table.other-as-note', b.file, { line: b.line, column: role.col }, { header: role.header, value: raw }, 'warning', ['answers', id]));
    }
    if (items.length === 0) return undefined;
    // A lone token (unknown / n/a) stays a string so that normaliseAnswer sees it as a token.
    return items.length === 1 && !question.options?.some((o) => o.value === items[0]) ? items[0]! : items;
  }
  if (question?.options && knownLabel(ctx, id, s) === undefined) {
    const fi = fillIn(s);
    if (fi) {
      addNote(b, id, `${fi.label}：${fi.text}`);
      const value = knownLabel(ctx, id, fi.label);
      if (value !== undefined) return value;
      b.warnings.push(diag('table.other-as-note', b.file, { line: b.line, column: role.col }, { header: role.header, value: s }, 'warning', ['answers', id]));
      return undefined;
    }
  }
  return mapLabel(ctx, id, s);
}

function respondentValue(b: Build, role: Extract<ColumnRole, { kind: 'respondent' }>, v: CellValue, time: { value?: string }): unknown {
  const { ctx } = b;
  const field = role.field;
  if (v === null) return undefined;
  if (field === 'date') {
    if (typeof v === 'string' && isBlank(ctx, v.trim(), role.opts)) return undefined;
    const d = lenientDate(v);
    if (d === undefined) return undefined;
    if ('date' in d) {
      if (d.time) time.value = d.time;
      return d.date;
    }
    if (d.error === 'ambiguous') b.warnings.push(diag('table.date-ambiguous', b.file, { line: b.line, column: role.col }, { header: role.header, value: cellText(v) }, 'warning', ['respondent', 'date']));
    return typeof v === 'number' ? (excelSerialToIso(v) ?? String(v)) : cellText(v).trim();
  }
  const s0 = cellText(v).trim();
  if (isBlank(ctx, s0, role.opts)) return undefined;
  const s = ctx.map?.values[field]?.[normKey(s0)] ?? s0;
  const k = normKey(s);
  switch (field) {
    case 'above_designated_size':
      if (typeof v === 'boolean') return v;
      return k in BOOLEAN_TOKENS ? BOOLEAN_TOKENS[k] : s;
    case 'industry':
      return INDUSTRY_TOKENS[s] ?? INDUSTRY_TOKENS[k] ?? s;
    case 'enterprise_class': {
      const m = /^([abcd])\s*类?$/i.exec(s.normalize('NFKC'));
      return m ? m[1]!.toUpperCase() : s;
    }
    case 'credit_code':
      return s.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
    case 'interviewees':
      return s.split(/[;；、\n]/).map((x) => x.trim()).filter(Boolean);
    default:
      return s;
  }
}

/**
 * One table row as an answer file plus a Source whose locate() points at the row and the column of each cell,
 * so every diagnostic reads file:row:col.
 */
export function rowSource(ctx: RowContext, cells: readonly CellValue[], file: string, line: number): RowSource {
  const respondent: Record<string, unknown> = {};
  const answers: Record<string, AnswerValue> = {};
  const b: Build = { ctx, file, line, notes: {}, warnings: [] };
  const data: Record<string, unknown> = { questionnaire: ctx.defaultQuestionnaire, respondent, answers };
  const colOf = new Map<string, number>();
  const roleAt = new Map<number, ColumnRole>();
  const time: { value?: string } = {};
  let retrofitStatus: unknown;
  let retrofitYear: unknown;
  for (const role of ctx.roles) {
    const v = cells[role.col - 1] ?? null;
    roleAt.set(role.col, role);
    switch (role.kind) {
      case 'questionnaire':
      case 'version': {
        colOf.set(role.kind, role.col);
        const s = cellText(v).trim();
        if (s) data[role.kind] = s;
        break;
      }
      case 'retrofit_year': {
        colOf.set('respondent.retrofit_status.year', role.col);
        const s = String(lenientNumber(typeof v === 'string' ? v.trim() : v) ?? '').trim();
        if (s && !isBlank(ctx, s, role.opts)) retrofitYear = /^\d+(\.0+)?$/.test(s) ? Number(s) : s;
        break;
      }
      case 'respondent': {
        colOf.set(`respondent.${role.field}`, role.col);
        if (role.field === 'retrofit_status') {
          const s = cellText(v).trim();
          if (s && !isBlank(ctx, s, role.opts)) retrofitStatus = RETROFIT_TOKENS[normKey(ctx.map?.values.retrofit_status?.[normKey(s)] ?? s)] ?? s;
          break;
        }
        const x = respondentValue(b, role, v, time);
        if (x !== undefined) respondent[role.field] = x;
        break;
      }
      case 'answer': {
        colOf.set(`answers.${role.id}`, role.col);
        const x = answerValue(b, role, ctx.q.byId.get(role.id), v);
        if (x !== undefined) answers[role.id] = x;
        break;
      }
      case 'option': {
        if (!colOf.has(`answers.${role.id}`)) colOf.set(`answers.${role.id}`, role.col);
        const s = cellText(v).trim();
        if (isBlank(ctx, s, role.opts)) break;
        const k = normKey(s);
        const fi = BOOLEAN_TOKENS[k] === undefined ? fillIn(s) : undefined;
        if (fi) addNote(b, role.id, `${fi.label}：${fi.text}`);
        const ticked = fi ? true : (BOOLEAN_TOKENS[k] ?? (k === normKey(role.header.split(/[:：]/).pop() ?? '') || mapLabel(ctx, role.id, s) === role.option));
        const list = Array.isArray(answers[role.id]) ? (answers[role.id] as string[]) : [];
        if (ticked && !list.includes(role.option)) list.push(role.option);
        answers[role.id] = list;
        break;
      }
    }
  }
  if (retrofitStatus !== undefined || retrofitYear !== undefined) {
    respondent.retrofit_status = { ...(retrofitStatus !== undefined ? { status: retrofitStatus } : {}), ...(retrofitYear !== undefined ? { year: retrofitYear } : {}) };
  }
  // A multiple-choice question asked as one column per option, with nothing ticked, is unanswered.
  for (const [id, v] of Object.entries(answers)) if (Array.isArray(v) && v.length === 0 && ctx.roles.some((r) => r.kind === 'option' && r.id === id)) delete answers[id];
  if (Object.keys(b.notes).length) data.notes = b.notes;
  const first = ctx.roles[0]?.col ?? 1;
  const columnOf = (path: readonly (string | number)[], key?: string): number | undefined => {
    const p = path.map(String);
    const tryKeys = [p.slice(0, 3).join('.'), p.slice(0, 2).join('.'), key !== undefined ? [...p.slice(0, 1), key].join('.') : '', p[0] === 'respondent' && p[1] === 'retrofit_status' ? 'respondent.retrofit_status.year' : ''];
    for (const k of tryKeys) {
      const c = k ? colOf.get(k) : undefined;
      if (c !== undefined) return c;
    }
    if (p[0] === 'respondent' && key !== undefined) return colOf.get(`respondent.${key}`);
    return undefined;
  };
  // a cell found by its path is named as the spreadsheet names it (E3), for messages that quote where each answer is
  const locate = (path: readonly (string | number)[], key?: string): Located => {
    const c = columnOf(path, key);
    return c === undefined ? { line, column: first } : { line, column: c, cell: `${columnLetter(c)}${line}` };
  };
  const cellAt = (path: readonly (string | number)[] | undefined) => {
    const c = path ? columnOf(path) : undefined;
    if (c === undefined) return undefined;
    return { column: c, header: roleAt.get(c)?.header ?? '', value: cellText(cells[c - 1] ?? null) };
  };
  return { file, data, locate, cellWarnings: b.warnings, cellAt, ...(time.value ? { time: time.value } : {}) };
}
