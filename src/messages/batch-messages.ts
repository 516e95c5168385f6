import { MESSAGES } from './catalogue.js';

type Entry = { en: string; zh: string };

/**
 * Message codes added by batch and table input. To be merged into catalogue.ts; until then
 * registerBatchMessages() adds the missing ones to the shared catalogue at run time.
 */
export const BATCH_MESSAGES: Record<string, Entry> = {
  'input.no-match': { en: 'no file matches this pattern', zh: '没有文件与该模式匹配' },
  'input.empty-folder': { en: 'folder holds no .yaml, .yml, .json, .csv or .xlsx file', zh: '文件夹中没有 .yaml、.yml、.json、.csv 或 .xlsx 文件' },
  'table.empty': { en: 'the table has no header row', zh: '表格没有表头行' },
  'table.no-rows': { en: 'the table has a header but no company rows', zh: '表格只有表头，没有企业数据行' },
  'table.too-many-rows': { en: 'more than {limit} rows: refused; raise the limit with --max-rows if the table is genuine', zh: '超过 {limit} 行，已拒绝；如确属正常表格，可用 --max-rows 提高上限' },
  'table.duplicate-column': { en: 'column "{name}" appears twice (columns {first} and {second}); the second is ignored', zh: '列 "{name}" 重复出现（第 {first} 列和第 {second} 列），第二列被忽略' },
  'table.unknown-column': { en: 'column "{name}" is neither a respondent field nor a question id of {questionnaire}: ignored', zh: '列 "{name}" 既不是企业信息字段，也不是问卷 {questionnaire} 的题目编号，已忽略' },
  'table.no-company-column': { en: 'no "company" column: every row needs the company name (or map a column to company with --map)', zh: '缺少 "company" 列：每一行都需要企业名称（或用 --map 把某列映射为 company）' },
  'table.cell': { en: '{field}: "{value}" {problem}', zh: '{field}："{value}" {problem}' },
  'table.csv-syntax': { en: 'CSV syntax error: {detail}', zh: 'CSV 格式错误：{detail}' },
  'table.row-failed': { en: 'this row could not be read: {detail}', zh: '该行无法读取：{detail}' },
  'xlsx.not-zip': { en: 'not an .xlsx file (no ZIP directory found): {detail}', zh: '不是有效的 .xlsx 文件（找不到 ZIP 目录）：{detail}' },
  'xlsx.zip-bomb': { en: 'refused as a possible zip bomb: {detail}; raise --max-file-size if the workbook is genuine', zh: '疑似压缩炸弹，已拒绝：{detail}；如确属正常工作簿，可提高 --max-file-size' },
  'xlsx.unreadable': { en: 'the workbook cannot be read: {detail}; open it in Excel or WPS and save it again as .xlsx', zh: '无法读取该工作簿：{detail}；请在 Excel 或 WPS 中打开并重新另存为 .xlsx' },
  'xlsx.encrypted': { en: 'the workbook is password-protected or encrypted: save an unprotected copy', zh: '该工作簿受密码保护或已加密：请另存一份未加密的副本' },
  'form.not-a-form': { en: 'not a zhizao form: the sheet "{sheet}" is missing', zh: '不是 zhizao 表单：缺少工作表 "{sheet}"' },
  'map.unknown-target': { en: 'column "{header}" maps to "{target}", which is neither a respondent field nor a question of {questionnaire}', zh: '列 "{header}" 映射到 "{target}"，它既不是企业信息字段，也不是问卷 {questionnaire} 的题目' },
  'map.unknown-value': { en: 'label "{label}" of {id} maps to "{value}", which is not an allowed value ({allowed})', zh: '{id} 的选项文字 "{label}" 映射到 "{value}"，不是允许的值（{allowed}）' },
  'map.not-option': { en: '{id} is a {type} question: "option" only applies to multiple choice', zh: '{id} 是{type}题："option" 只适用于多选题' },
  'map.header-missing': { en: 'no column of the table matches map entry "{header}"', zh: '表格中没有与映射项 "{header}" 匹配的列' },
  'batch.worker-crashed': { en: 'reading this input stopped the worker ({detail}); the rest of the batch went on', zh: '读取该输入时工作线程异常退出（{detail}），其余输入照常处理' },
  'batch.duplicate-plant': { en: 'the same plant ({plant}) appears {count} times; older assessments are marked superseded: {where}', zh: '同一工厂（{plant}）出现 {count} 次；较早的评估标记为已被取代：{where}' },
};

let registered = false;
/** Add the batch messages to the shared catalogue (codes already there are left alone). */
export function registerBatchMessages(): void {
  if (registered) return;
  registered = true;
  for (const [code, entry] of Object.entries(BATCH_MESSAGES)) if (!(code in MESSAGES)) MESSAGES[code] = entry;
}
registerBatchMessages();
