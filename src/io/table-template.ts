import { stringify } from 'csv-stringify/sync';
import type { Questionnaire } from '../core/questionnaire.js';
import type { Industry, Lang } from '../core/types.js';
import { ListSheet, listValidation, LISTS_SHEET } from './tables/form.js';
import { choicesFor, respondentChoices, RESPONDENT_TITLES, TABLE_RESPONDENT_COLUMNS } from './tables/vocab.js';
import { loadExcel } from './tables/xlsx-read.js';

/** Columns of the table template: questionnaire, respondent fields, then every question id in order. */
export function templateColumns(q: Questionnaire, lang: Lang, industry: Industry = 'discrete'): { ids: string[]; titles: string[] } {
  const ids = ['questionnaire', ...TABLE_RESPONDENT_COLUMNS];
  const titles = ids.map((id) => RESPONDENT_TITLES[id]![lang]);
  for (const question of q.questions) {
    ids.push(question.id);
    titles.push((question.variants?.[industry]?.text ?? question.text)[lang]);
  }
  titles[0] = `# ${titles[0]}`;
  return { ids, titles };
}

/** The CSV table template: a header of ids, then a `#` row of question texts (BOM and CRLF for Excel). */
export function tableTemplateCsv(q: Questionnaire, lang: Lang, industry: Industry): string {
  const { ids, titles } = templateColumns(q, lang, industry);
  return '\uFEFF' + stringify([ids, titles], { record_delimiter: '\r\n' });
}

const TEMPLATE_ROWS = 1000;

export async function buildTableTemplate(q: Questionnaire, lang: Lang, industry: Industry) {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zhizao';
  const ws = wb.addWorksheet(lang === 'zh' ? '答卷' : 'answers', { views: [{ state: 'frozen', ySplit: 2, xSplit: 2 }] });
  const lists = new ListSheet(wb.addWorksheet(LISTS_SHEET, { state: 'hidden' }));
  const { ids, titles } = templateColumns(q, lang, industry);
  ws.addRow(ids).font = { bold: true };
  const r2 = ws.addRow(titles);
  r2.font = { color: { argb: 'FF666666' } };
  r2.alignment = { wrapText: true, vertical: 'top' };
  ids.forEach((id, i) => {
    const col = ws.getColumn(i + 1);
    col.width = id === 'company' ? 30 : 18;
    const question = q.byId.get(id);
    const choices = question ? choicesFor(question, lang) : respondentChoices(id, lang);
    if (!choices) return;
    const letter = col.letter;
    // exceljs writes one validation per range
    (ws as unknown as { dataValidations: { add(range: string, v: unknown): void } }).dataValidations.add(`${letter}3:${letter}${TEMPLATE_ROWS + 2}`, listValidation(lists.ref(choices), lang, question?.type === 'multi'));
  });
  return wb;
}
