import type { MessageCode } from '../../messages/catalogue.js';
import { diag, InputError, type Diagnostic } from '../../core/diagnostics.js';
import type { Questionnaire } from '../../core/questionnaire.js';
import type { Source } from '../../core/source.js';
import { SATISFACTION_TOKENS } from '../../core/answer-value.js';
import { ENTERPRISE_CLASSES, INDUSTRIES, RETROFIT_STATUSES } from '../../core/vocabulary.js';
import { headerKey, labelKey, TABLE_FIELDS, type CellUnit, type ColumnOptions, type MapColumn, type SurveyMap } from './columns.js';

const TOP_KEYS = ['questionnaire', 'header_row', 'blank', 'columns', 'values'];
const COLUMN_KEYS = ['question', 'field', 'option', 'separator', 'unit', 'scale', 'blank'];
const UNITS: CellUnit[] = ['percent', 'permille', 'fraction'];
const TOKENS = ['unknown', 'n/a', '不清楚', '不适用'];
const RESPONDENT_VALUES: Record<string, readonly string[]> = {
  industry: INDUSTRIES,
  above_designated_size: ['true', 'false'],
  enterprise_class: ENTERPRISE_CLASSES,
  retrofit_status: RETROFIT_STATUSES,
};
/** Respondent fields written as free text: their labels may be renamed (经开区 → 郑州经开区). */
const TEXT_FIELDS = new Set(['company', 'site', 'sector', 'district', 'park', 'region', 'assessor']);

/**
 * Check a survey map (MAP.yaml, see docs/batch.md) against the questionnaire and return it in a plain form that
 * can be sent to worker threads. Every problem is located in the map file.
 */
export function compileSurveyMap(src: Source, q: Questionnaire): { map?: SurveyMap; diagnostics: Diagnostic[] } {
  const ds: Diagnostic[] = [];
  const at = (path: (string | number)[], code: MessageCode, args: Record<string, string | number> = {}, key?: string) => ds.push(diag(code, src.file, src.locate(path, key), args, 'error', path));
  const d = src.data as Record<string, unknown> | null;
  if (typeof d !== 'object' || d === null || Array.isArray(d)) {
    at([], 'schema.type', { where: '(top level)', type: 'object' });
    return { diagnostics: ds };
  }
  for (const k of Object.keys(d)) if (!TOP_KEYS.includes(k)) at([], 'schema.unknown-key', { where: '(top level)', name: k, allowed: TOP_KEYS.join(', ') }, k);
  if (d.questionnaire !== undefined && typeof d.questionnaire !== 'string') at(['questionnaire'], 'schema.type', { where: 'questionnaire', type: 'string' });
  else if (typeof d.questionnaire === 'string' && d.questionnaire !== q.def.id) at(['questionnaire'], 'answers.questionnaire-mismatch', { found: d.questionnaire, expected: q.def.id });
  let headerRow = 1;
  if (d.header_row !== undefined) {
    if (typeof d.header_row !== 'number' || !Number.isInteger(d.header_row) || d.header_row < 1) at(['header_row'], 'schema.minimum', { where: 'header_row', limit: 1 });
    else headerRow = d.header_row;
  }
  const stringList = (v: unknown, path: (string | number)[]): string[] => {
    const out: string[] = [];
    if (!Array.isArray(v)) at(path, 'schema.type', { where: path.join('.'), type: 'array' });
    else v.forEach((b, i) => (typeof b === 'string' || typeof b === 'number' ? out.push(String(b)) : at([...path, i], 'schema.type', { where: `${path.join('.')}.${i}`, type: 'string' })));
    return out;
  };
  const blank = d.blank === undefined ? [] : stringList(d.blank, ['blank']);
  const columns: MapColumn[] = [];
  const cols = d.columns;
  const known = (t: string) => t === 'ignore' || TABLE_FIELDS.has(t) || q.byId.has(t);
  if (cols === undefined) at([], 'schema.required', { where: '(top level)', name: 'columns' });
  else if (typeof cols !== 'object' || cols === null || Array.isArray(cols)) at(['columns'], 'schema.type', { where: 'columns', type: 'object' });
  else {
    for (const [header, target] of Object.entries(cols as Record<string, unknown>)) {
      const path = ['columns', header];
      const key = headerKey(header);
      if (typeof target === 'string') {
        const t = target.startsWith('respondent.') ? target.slice('respondent.'.length) : target;
        if (!known(t)) at(path, 'map.unknown-target', { header, target, questionnaire: q.def.id });
        else columns.push({ header, key, target: t });
        continue;
      }
      if (typeof target !== 'object' || target === null || Array.isArray(target)) {
        at(path, 'schema.type', { where: `columns.${header}`, type: 'string or {question, option, separator, unit, scale, blank}' });
        continue;
      }
      const t = target as Record<string, unknown>;
      const extra = Object.keys(t).filter((k) => !COLUMN_KEYS.includes(k));
      if (extra.length) at(path, 'schema.unknown-key', { where: `columns.${header}`, name: extra[0]!, allowed: COLUMN_KEYS.join(', ') }, extra[0]);
      const raw = t.question ?? t.field;
      const id = typeof raw === 'string' ? (raw.startsWith('respondent.') ? raw.slice('respondent.'.length) : raw) : undefined;
      if (id === undefined || !known(id)) {
        at(path, 'map.unknown-target', { header, target: String(raw), questionnaire: q.def.id });
        continue;
      }
      const question = q.byId.get(id);
      const opts: ColumnOptions = {};
      if (t.option !== undefined) {
        if (!question || question.type !== 'multi') at(path, 'map.not-option', { id, type: question?.type ?? 'respondent' });
        else if (typeof t.option !== 'string' || !question.options?.some((o) => o.value === t.option))
          at([...path, 'option'], 'map.unknown-value', { label: header, id, value: String(t.option), allowed: (question.options ?? []).map((o) => o.value).join(', ') });
      }
      if (t.separator !== undefined) {
        if (typeof t.separator !== 'string' || t.separator.length === 0 || t.separator.length > 3) at([...path, 'separator'], 'map.bad-separator', { header });
        else if (!question || question.type !== 'multi') at([...path, 'separator'], 'map.separator-not-multi', { header, id });
        else opts.separator = t.separator === '\\n' ? '\n' : t.separator;
      }
      if (t.unit !== undefined) {
        if (typeof t.unit !== 'string' || !UNITS.includes(t.unit as CellUnit)) at([...path, 'unit'], 'schema.enum', { where: `columns.${header}.unit`, allowed: UNITS.join(', ') });
        else if (!question || (question.type !== 'percent' && question.type !== 'number')) at([...path, 'unit'], 'map.unit-not-number', { header, id });
        else opts.unit = t.unit as CellUnit;
      }
      if (t.scale !== undefined) {
        if (typeof t.scale !== 'number' || !Number.isFinite(t.scale) || t.scale <= 0) at([...path, 'scale'], 'map.bad-scale', { header });
        else if (!question || question.type !== 'number') at([...path, 'scale'], 'map.unit-not-number', { header, id });
        else opts.scale = t.scale;
      }
      if (t.blank !== undefined) opts.blank = stringList(t.blank, [...path, 'blank']);
      columns.push({ header, key, target: id, ...(typeof t.option === 'string' ? { option: t.option } : {}), ...(Object.keys(opts).length ? { opts } : {}) });
    }
  }
  const values: Record<string, Record<string, string>> = {};
  if (d.values !== undefined) {
    if (typeof d.values !== 'object' || d.values === null || Array.isArray(d.values)) at(['values'], 'schema.type', { where: 'values', type: 'object' });
    else
      for (const [id, labels] of Object.entries(d.values as Record<string, unknown>)) {
        const question = q.byId.get(id);
        const free = !question && TEXT_FIELDS.has(id);
        const allowed = question ? allowedValues(question.type, question.options?.map((o) => o.value), question.allowNA) : free ? [] : RESPONDENT_VALUES[id];
        if (!allowed) {
          at(['values', id], 'map.values-unknown-field', { id, questionnaire: q.def.id }, id);
          continue;
        }
        if (typeof labels !== 'object' || labels === null || Array.isArray(labels)) {
          at(['values', id], 'schema.type', { where: `values.${id}`, type: 'object' });
          continue;
        }
        const m: Record<string, string> = {};
        for (const [label, value] of Object.entries(labels as Record<string, unknown>)) {
          const v = typeof value === 'boolean' || typeof value === 'number' ? String(value) : value;
          if (v === '' || v === null) {
            at(['values', id, label], 'map.empty-value', { id, label });
            continue;
          }
          if (typeof v !== 'string' || (allowed.length && !allowed.includes(v))) {
            at(['values', id, label], 'map.unknown-value', { label, id, value: String(value), allowed: allowed.length ? allowed.join(', ') : '(text)' });
            continue;
          }
          m[labelKey(label)] = v;
        }
        values[id] = m;
      }
  }
  if (ds.length) return { diagnostics: ds };
  return { map: { file: src.file, ...(typeof d.questionnaire === 'string' ? { questionnaire: d.questionnaire } : {}), headerRow, blank, columns, values }, diagnostics: ds };
}

/** Values a label may map to for a question type; an empty list means any text or number. */
function allowedValues(type: string, options: string[] | undefined, allowNA?: boolean): string[] {
  const tokens = allowNA ? TOKENS : TOKENS.filter((t) => t !== 'n/a' && t !== '不适用');
  switch (type) {
    case 'level':
    case 'single':
    case 'multi':
      return [...(options ?? []), ...tokens];
    case 'requirement':
      return [...new Set(Object.values(SATISFACTION_TOKENS)), ...tokens];
    case 'boolean':
      return ['true', 'false', ...tokens];
    default:
      return [];
  }
}

/** Load and check a map file; throws InputError with every problem. */
export async function loadSurveyMap(file: string, q: Questionnaire, readSource: (f: string) => Promise<Source>): Promise<SurveyMap> {
  const src = await readSource(file);
  const r = compileSurveyMap(src, q);
  if (!r.map) throw new InputError(r.diagnostics);
  return r.map;
}
