import type { Lang, Question } from '../../core/types.js';
import { ENTERPRISE_CLASSES, INDUSTRIES, INDUSTRY_WORDS_ZH, RETROFIT_STATUSES, RETROFIT_WORDS_ZH } from '../../core/vocabulary.js';

/** Words offered in drop-down lists; each is read back by the importer (answer-value.ts tokens, row-source.ts). */
export const WORDS = {
  unknown: { zh: '不清楚', en: 'unknown' },
  na: { zh: '不适用', en: 'n/a' },
  yes: { zh: '是', en: 'yes' },
  no: { zh: '否', en: 'no' },
  satisfaction: {
    zh: ['全部满足', '大部分满足', '部分满足', '不满足'],
    en: ['full', 'mostly', 'partial', 'none'],
  },
  industry: { zh: INDUSTRY_WORDS_ZH, en: INDUSTRIES },
  retrofit: { zh: RETROFIT_WORDS_ZH, en: RETROFIT_STATUSES },
  classes: ENTERPRISE_CLASSES,
} as const;

/**
 * What a statistical table writes in its company column on a row that adds up the others (合计, 小计…), spaces left
 * out and in lower case: such a row is no company (table-input.ts layoutRow).
 */
export const TOTAL_ROW_WORDS: ReadonlySet<string> = new Set(['合计', '总计', '小计', '共计', '总合计', '全市合计', '全区合计', '全县合计', 'total', 'subtotal', 'grandtotal', 'sum']);

/**
 * How a note under a table begins (注：数据截至…, 填表人：…, 审核人：…): a row holding only such a text in its
 * company column is no company (table-input.ts layoutRow). A prefix followed by a colon (：or :).
 */
export const NOTE_ROW_PREFIXES: readonly string[] = ['注', '说明', '备注', '填表说明', '填表人', '填报人', '审核人', '负责人', '单位负责人', '联系人', '联系电话', '制表人', '制表', '填报单位', '填报日期', '数据来源', '资料来源', 'note', 'notes', 'source'];

/** The choices offered for a question in a drop-down list, or undefined for free entry. */
export function choicesFor(q: Question, lang: Lang): string[] | undefined {
  const tail = [WORDS.unknown[lang], ...(q.allowNA ? [WORDS.na[lang]] : [])];
  switch (q.type) {
    case 'level':
    case 'single':
    case 'multi': {
      const labels = (q.options ?? []).map((o) => o.label[lang]);
      const unique = new Set(labels).size === labels.length;
      return [...(unique ? labels : (q.options ?? []).map((o) => o.value)), ...tail];
    }
    case 'requirement':
      return [...WORDS.satisfaction[lang], ...tail];
    case 'boolean':
      return [WORDS.yes[lang], WORDS.no[lang], ...tail];
    default:
      return undefined;
  }
}

/** Short title of each respondent column for the template's `#` row and the form. */
export const RESPONDENT_TITLES: Record<string, { zh: string; en: string }> = {
  questionnaire: { zh: '问卷编号（留空＝默认问卷）', en: 'questionnaire id (empty = default)' },
  version: { zh: '问卷版本（可选）', en: 'questionnaire version (optional)' },
  company: { zh: '企业名称', en: 'company name' },
  credit_code: { zh: '统一社会信用代码（18位，可选）', en: 'unified social credit code (18 characters, optional)' },
  site: { zh: '厂区/工厂（可选）', en: 'site or plant (optional)' },
  industry: { zh: '行业类型：离散型/流程型/混合型', en: 'industry type: discrete/process/mixed' },
  sector: { zh: '行业代码（GB/T 4754，可选）', en: 'sector code (GB/T 4754, optional)' },
  district: { zh: '统计用区划代码（可选）', en: 'statistical division code (optional)' },
  park: { zh: '所在园区（可选）', en: 'industrial park (optional)' },
  region: { zh: '地区（可选）', en: 'region (optional)' },
  above_designated_size: { zh: '是否规上企业：是/否', en: 'above designated size: yes/no' },
  enterprise_class: { zh: '企业分类 A/B/C/D（可选）', en: 'enterprise class A/B/C/D (optional)' },
  retrofit_status: { zh: '智能化改造：无/计划中/进行中/已完成', en: 'smart retrofit: none/planned/in-progress/done' },
  retrofit_year: { zh: '改造年份（可选）', en: 'retrofit year (optional)' },
  assessor: { zh: '诊断人员（可选）', en: 'assessor (optional)' },
  interviewees: { zh: '受访人，用 ; 分隔（可选）', en: 'interviewees, separated by ; (optional)' },
  date: { zh: '诊断日期 YYYY-MM-DD', en: 'assessment date YYYY-MM-DD' },
};

export const TABLE_RESPONDENT_COLUMNS = [
  'company', 'credit_code', 'site', 'industry', 'sector', 'district', 'park', 'region', 'above_designated_size',
  'enterprise_class', 'retrofit_status', 'retrofit_year', 'assessor', 'interviewees', 'date',
];

export function respondentChoices(field: string, lang: Lang): string[] | undefined {
  switch (field) {
    case 'industry':
      return [...WORDS.industry[lang]];
    case 'above_designated_size':
      return [WORDS.yes[lang], WORDS.no[lang]];
    case 'enterprise_class':
      return [...WORDS.classes];
    case 'retrofit_status':
      return [...WORDS.retrofit[lang]];
    default:
      return undefined;
  }
}
