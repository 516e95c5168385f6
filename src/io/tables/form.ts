import type { MessageCode } from '../../messages/catalogue.js';
import type { Located } from '../../core/diagnostics.js';
import type { Questionnaire } from '../../core/questionnaire.js';
import type { Source } from '../../core/source.js';
import { answerHint } from '../../core/template-yaml.js';
import type { Industry, Lang } from '../../core/types.js';
import { INDUSTRIES } from '../../core/vocabulary.js';
import { plainCell, type CellValue } from './cells.js';
import type { ColumnRole } from './columns.js';
import { rowContext, rowSource } from './row-source.js';
import { choicesFor, respondentChoices, RESPONDENT_TITLES, TABLE_RESPONDENT_COLUMNS } from './vocab.js';
import { loadExcel } from './xlsx-read.js';

type ExcelJS = Awaited<ReturnType<typeof loadExcel>>;
type Workbook = InstanceType<ExcelJS['Workbook']>;
type Worksheet = ReturnType<Workbook['addWorksheet']>;

export const FORM_META_SHEET = '_zhizao';
export const LISTS_SHEET = '_lists';
export const FORM_MARK = 'zhizao-form';

const SHEETS = {
  respondent: { zh: '企业信息', en: 'Respondent' },
  questions: { zh: '问卷', en: 'Questionnaire' },
};

/** Drop-down lists live in a hidden sheet so that long lists and commas work (a literal list is limited to 255 chars). */
export class ListSheet {
  private col = 0;
  private readonly cache = new Map<string, string>();
  constructor(private readonly ws: Worksheet) {}
  ref(values: readonly string[]): string {
    const key = values.join('\u0000');
    const known = this.cache.get(key);
    if (known) return known;
    this.col++;
    values.forEach((v, i) => (this.ws.getCell(i + 1, this.col).value = v));
    const letter = this.ws.getColumn(this.col).letter;
    const ref = `'${LISTS_SHEET}'!$${letter}$1:$${letter}$${values.length}`;
    this.cache.set(key, ref);
    return ref;
  }
}

export function listValidation(ref: string, lang: Lang, multi = false) {
  return {
    type: 'list' as const,
    allowBlank: true,
    formulae: [ref],
    showErrorMessage: true,
    // Multiple choice: pick one from the list or type several separated by ";" (a warning, not a refusal).
    errorStyle: multi ? ('warning' as const) : ('stop' as const),
    errorTitle: lang === 'zh' ? '请从列表中选择' : 'Choose from the list',
    error: multi ? (lang === 'zh' ? '多选可输入多个值，用 ; 分隔' : 'For several choices type them separated by ;') : lang === 'zh' ? '请从下拉列表中选择' : 'Please choose a value from the drop-down list',
  };
}

/** The per-company Excel form: respondent fields on one sheet, questions down the rows of another, drop-down lists. */
export async function buildForm(q: Questionnaire, lang: Lang, industry: Industry): Promise<Workbook> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zhizao';
  const L = (t: { zh: string; en: string }) => t[lang];
  const resp = wb.addWorksheet(L(SHEETS.respondent), { views: [{ state: 'frozen', ySplit: 1 }] });
  const form = wb.addWorksheet(L(SHEETS.questions), { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  const listsWs = wb.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  const meta = wb.addWorksheet(FORM_META_SHEET, { state: 'hidden' });
  const lists = new ListSheet(listsWs);
  const bold = { bold: true };

  resp.columns = [{ width: 24 }, { width: 36 }, { width: 40 }, { width: 50 }];
  resp.addRow(lang === 'zh' ? ['字段', '项目', '填写', '说明'] : ['field', 'item', 'value', 'help']).font = bold;
  for (const field of TABLE_RESPONDENT_COLUMNS) {
    const title = RESPONDENT_TITLES[field]!;
    const row = resp.addRow([field, L(title).replace(/[（(].*$/, '').replace(/[:：].*$/, ''), field === 'industry' ? respondentChoices('industry', lang)![INDUSTRIES.indexOf(industry)] : null, L(title)]);
    const choices = respondentChoices(field, lang);
    if (choices) row.getCell(3).dataValidation = listValidation(lists.ref(choices), lang);
    if (field === 'company' || field === 'industry') row.getCell(2).font = bold;
    row.getCell(3).numFmt = '@';
  }

  form.columns = [{ width: 26 }, { width: 12 }, { width: 60 }, { width: 28 }, { width: 50 }, { width: 50 }];
  form.addRow(lang === 'zh' ? ['编号', '板块', '题目', '回答', '可填的值', '说明'] : ['id', 'section', 'question', 'answer', 'allowed values', 'help']).font = bold;
  for (const s of q.def.sections) {
    const sr = form.addRow([null, s.id, L(s.title)]);
    sr.font = bold;
    for (const question of s.questions) {
      const v = question.variants?.[industry];
      const cond = [question.industries ? `${lang === 'zh' ? '仅限' : 'only for'} ${question.industries.join('/')}` : '', question.when ? `${lang === 'zh' ? '条件' : 'when'}: ${question.when}` : ''].filter(Boolean).join('; ');
      const row = form.addRow([question.id, s.id, L(v?.text ?? question.text) + (cond ? ` (${cond})` : ''), null, answerHint(question, lang), L(v?.help ?? question.help)]);
      row.alignment = { wrapText: true, vertical: 'top' };
      const cell = row.getCell(4);
      const choices = choicesFor(question, lang);
      if (choices) cell.dataValidation = listValidation(lists.ref(choices), lang, question.type === 'multi');
      else if (question.type === 'number' && (question.min !== undefined || question.max !== undefined)) {
        const min = question.min ?? -1e15;
        const max = question.max ?? 1e15;
        cell.dataValidation = { type: question.integer ? 'whole' : 'decimal', operator: 'between', allowBlank: true, formulae: [min, max], showErrorMessage: false };
      } else if (question.type === 'percent') cell.numFmt = '0%';
      else if (question.type === 'text') cell.numFmt = '@';
    }
  }
  meta.addRows([
    [FORM_MARK, '1'],
    ['questionnaire', q.def.id],
    ['version', q.def.version],
    ['lang', lang],
    ['respondentSheet', resp.name],
    ['questionSheet', form.name],
  ]);
  return wb;
}

export interface FormRead {
  source: Source;
  /** Which sheet a diagnostic path points into. */
  sheetOf(path: readonly (string | number)[] | undefined): string;
}

/** Read a filled form back as one answer file; diagnostics point at the cell (sheet, row, column). */
export async function readForm(buf: Buffer, file: string, q: Questionnaire, defaultQuestionnaire: string): Promise<FormRead | { error: MessageCode; sheet: string }> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const meta = wb.getWorksheet(FORM_META_SHEET);
  if (!meta) return { error: 'form.not-a-form', sheet: FORM_META_SHEET };
  const m = new Map<string, string>();
  meta.eachRow((row) => m.set(String(plainCell(row.getCell(1).value) ?? ''), String(plainCell(row.getCell(2).value) ?? '')));
  const respName = m.get('respondentSheet') ?? SHEETS.respondent.zh;
  const formName = m.get('questionSheet') ?? SHEETS.questions.zh;
  const resp = wb.getWorksheet(respName);
  const form = wb.getWorksheet(formName);
  if (!resp) return { error: 'form.not-a-form', sheet: respName };
  if (!form) return { error: 'form.not-a-form', sheet: formName };

  // Lay the form out as a one-row table: each field or question becomes a column, remembering its cell.
  const roles: ColumnRole[] = [];
  const cells: CellValue[] = [];
  const where: { sheet: string; line: number; column: number }[] = [];
  const add = (role: ColumnRole, v: CellValue, sheet: string, line: number, column: number) => {
    roles.push({ ...role, col: roles.length + 1 });
    cells.push(v);
    where.push({ sheet, line, column });
  };
  resp.eachRow((row, n) => {
    const field = String(plainCell(row.getCell(1).value) ?? '').trim();
    if (n === 1 || !TABLE_RESPONDENT_COLUMNS.includes(field)) return;
    const role: ColumnRole = field === 'retrofit_year' ? { kind: 'retrofit_year', col: 0, header: field } : { kind: 'respondent', field, col: 0, header: field };
    add(role, plainCell(row.getCell(3).value), respName, n, 3);
  });
  form.eachRow((row, n) => {
    const id = String(plainCell(row.getCell(1).value) ?? '').trim();
    if (n === 1 || !q.byId.has(id)) return;
    add({ kind: 'answer', id, col: 0, header: id }, plainCell(row.getCell(4).value), formName, n, 4);
  });
  // Last, so that a location not tied to a cell falls back to the first respondent field (company).
  const questionnaireId = m.get('questionnaire');
  if (questionnaireId) add({ kind: 'questionnaire', col: 0, header: 'questionnaire' }, questionnaireId, FORM_META_SHEET, 2, 2);
  if (m.get('version')) add({ kind: 'version', col: 0, header: 'version' }, m.get('version')!, FORM_META_SHEET, 3, 2);
  const ctx = rowContext(q, roles, defaultQuestionnaire);
  const inner = rowSource(ctx, cells, file, 1);
  const at = (column: number) => where[column - 1] ?? { sheet: formName, line: 1, column: 1 };
  const source: Source = {
    file,
    data: inner.data,
    locate: (path, key): Located => {
      const c = inner.locate(path, key).column;
      const w = at(c);
      return { line: w.line, column: w.column };
    },
  };
  return {
    source,
    sheetOf: (path) => at(inner.locate(path ?? [], undefined).column).sheet,
  };
}
