import { MULTI_SEPARATORS } from '../../core/answer-value.js';
import type { Located } from '../../core/diagnostics.js';
import type { Questionnaire } from '../../core/questionnaire.js';
import type { Source } from '../../core/source.js';
import type { AnswerValue, Question } from '../../core/types.js';
import { cellText, excelSerialToIso, isoDate, type CellValue } from './cells.js';
import type { ColumnRole, SurveyMap } from './columns.js';

/** Cells that mean "no answer" in survey exports (问卷星 writes (跳过) for skipped questions). */
export const DEFAULT_BLANKS = ['(跳过)', '(空)', '（跳过）', '（空）'];

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();
const normKey = (s: string) => norm(s).toLowerCase();

const BOOLEAN_TOKENS: Record<string, boolean> = {
  true: true, yes: true, y: true, '1': true, 是: true, 有: true, 规上: true, '√': true, '✓': true,
  false: false, no: false, n: false, '0': false, 否: false, 无: false, 规下: false,
};
const INDUSTRY_TOKENS: Record<string, string> = { 离散型: 'discrete', 离散: 'discrete', 流程型: 'process', 流程: 'process', 混合型: 'mixed', 混合: 'mixed' };
const RETROFIT_TOKENS: Record<string, string> = {
  none: 'none', 无: 'none', 未改造: 'none', 没有: 'none', 否: 'none',
  planned: 'planned', 计划: 'planned', 计划中: 'planned', 已规划: 'planned', 拟改造: 'planned',
  'in-progress': 'in-progress', 'in progress': 'in-progress', in_progress: 'in-progress', inprogress: 'in-progress', 进行中: 'in-progress', 改造中: 'in-progress', 实施中: 'in-progress',
  done: 'done', 完成: 'done', 已完成: 'done', 已改造: 'done',
};

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

function isoFromText(s: string): string | undefined {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$/.exec(s.trim());
  if (!m) return undefined;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
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

/** Map one raw item through the survey map's labels, then the questionnaire's own option labels. */
function mapLabel(ctx: RowContext, id: string, item: string): string {
  const fromMapTable = ctx.map?.values[id];
  const values = ctx.values.get(id);
  // Fast path: no map entry for the question and the cell already holds an option value (or it has no options).
  if (!fromMapTable && (!values || values.has(item))) return item;
  const k = normKey(item);
  const fromMap = fromMapTable?.[k];
  if (fromMap !== undefined) return fromMap;
  if (values && !values.has(item)) {
    const v = ctx.labels.get(id)?.get(k);
    if (v !== undefined) return v;
  }
  return item;
}

function answerValue(ctx: RowContext, question: Question | undefined, id: string, v: CellValue): AnswerValue | undefined {
  if (v === null) return undefined;
  if (v instanceof Date) return isoDate(v);
  if (typeof v !== 'string') return v;
  const s = v.trim();
  if (s === '' || ctx.blanks.has(s)) return undefined;
  if (question?.type === 'multi') {
    const items = s.split(MULTI_SEPARATORS).map((x) => x.trim()).filter(Boolean).map((x) => mapLabel(ctx, id, x));
    // A lone token (unknown / n/a) stays a string so that normaliseAnswer sees it as a token.
    return items.length === 1 && !question.options?.some((o) => o.value === items[0]) ? items[0]! : items;
  }
  return mapLabel(ctx, id, s);
}

function respondentValue(ctx: RowContext, field: string, v: CellValue): unknown {
  if (v === null) return undefined;
  if (field === 'date') {
    if (v instanceof Date) return isoDate(v);
    if (typeof v === 'number') return excelSerialToIso(v) ?? String(v);
    const s = String(v).trim();
    return s === '' ? undefined : (isoFromText(s) ?? s);
  }
  const s0 = cellText(v).trim();
  if (s0 === '' || ctx.blanks.has(s0)) return undefined;
  const s = ctx.map?.values[field]?.[normKey(s0)] ?? s0;
  const k = normKey(s);
  switch (field) {
    case 'above_designated_size':
      if (typeof v === 'boolean') return v;
      return k in BOOLEAN_TOKENS ? BOOLEAN_TOKENS[k] : s;
    case 'industry':
      return INDUSTRY_TOKENS[s] ?? (['discrete', 'process', 'mixed'].includes(k) ? k : s);
    case 'enterprise_class': {
      const m = /^([abcd])\s*类?$/i.exec(s);
      return m ? m[1]!.toUpperCase() : s;
    }
    case 'credit_code':
      return s.toUpperCase();
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
export function rowSource(ctx: RowContext, cells: readonly CellValue[], file: string, line: number): Source {
  const respondent: Record<string, unknown> = {};
  const answers: Record<string, AnswerValue> = {};
  const data: Record<string, unknown> = { questionnaire: ctx.defaultQuestionnaire, respondent, answers };
  const colOf = new Map<string, number>();
  let retrofitStatus: unknown;
  let retrofitYear: unknown;
  for (const role of ctx.roles) {
    const v = cells[role.col - 1] ?? null;
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
        const s = cellText(v).trim();
        if (s) retrofitYear = /^\d+(\.0+)?$/.test(s) ? Number(s) : s;
        break;
      }
      case 'respondent': {
        colOf.set(`respondent.${role.field}`, role.col);
        if (role.field === 'retrofit_status') {
          const s = cellText(v).trim();
          if (s) retrofitStatus = RETROFIT_TOKENS[normKey(ctx.map?.values.retrofit_status?.[normKey(s)] ?? s)] ?? s;
          break;
        }
        const x = respondentValue(ctx, role.field, v);
        if (x !== undefined) respondent[role.field] = x;
        break;
      }
      case 'answer': {
        colOf.set(`answers.${role.id}`, role.col);
        const x = answerValue(ctx, ctx.q.byId.get(role.id), role.id, v);
        if (x !== undefined) answers[role.id] = x;
        break;
      }
      case 'option': {
        if (!colOf.has(`answers.${role.id}`)) colOf.set(`answers.${role.id}`, role.col);
        const s = cellText(v).trim();
        if (s === '' || ctx.blanks.has(s)) break;
        const k = normKey(s);
        const ticked = BOOLEAN_TOKENS[k] ?? (k === normKey(role.header.split(/[:：]/).pop() ?? '') || mapLabel(ctx, role.id, s) === role.option);
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
  const first = ctx.roles[0]?.col ?? 1;
  const locate = (path: readonly (string | number)[], key?: string): Located => {
    const p = path.map(String);
    const tryKeys = [p.slice(0, 3).join('.'), p.slice(0, 2).join('.'), key !== undefined ? [...p.slice(0, 1), key].join('.') : '', p[0] === 'respondent' && p[1] === 'retrofit_status' ? 'respondent.retrofit_status.year' : ''];
    for (const k of tryKeys) {
      const c = k ? colOf.get(k) : undefined;
      if (c !== undefined) return { line, column: c };
    }
    if (p[0] === 'respondent' && key !== undefined) return { line, column: colOf.get(`respondent.${key}`) ?? first };
    return { line, column: first };
  };
  return { file, data, locate };
}
