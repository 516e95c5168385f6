/**
 * Dates and numbers as read by src/core/values.ts (every channel: answer files, table cells, the prompt), and the
 * answer-file checks that go with them. `{field}` is the question id, respondent field or column the value is in.
 */
export const VALUES_MESSAGES = {
  'value.not-a-date': {
    en: '{field}: "{value}" is not a date; write year, month and day, e.g. 2026-11-03, 2026/11/3 or 2026年11月3日',
    zh: '{field}："{value}" 不是日期；请按年、月、日填写，例如 2026-11-03、2026/11/3 或 2026年11月3日',
  },
  'value.date-day': { en: '{field}: {value} is not a day of the calendar: month {month} of {year} has {days} days', zh: '{field}：{value} 不是有效日期：{year} 年 {month} 月只有 {days} 天' },
  'value.date-month': { en: '{field}: {value} is not a date: there is no month {month}', zh: '{field}：{value} 不是有效日期：没有 {month} 月' },
  'value.date-year': { en: '{field}: {value}: the year {year} is outside {min}–{max}', zh: '{field}：{value}：年份 {year} 不在 {min}–{max} 之间' },
  'value.not-a-number': { en: '{field}: "{value}" is not a number', zh: '{field}："{value}" 不是数字' },
  'value.decimal-comma': { en: '{field}: "{value}": write decimals with a point ({suggestion})', zh: '{field}："{value}"：小数请用小数点（{suggestion}）' },
  'value.credit-code-form': {
    en: '{field}: "{value}" is not a unified social credit code: 18 digits or capital letters (no I, O, Z, S or V)',
    zh: '{field}："{value}" 不是统一社会信用代码：应为 18 位数字或大写字母（不含 I、O、Z、S、V）',
  },
  'answers.unknown-note-suggest': { en: 'no question "{id}" in this questionnaire: did you mean {suggestion}? The note is ignored', zh: '问卷中没有题目 "{id}"：是不是 {suggestion}？该备注将被忽略' },
  'answers.level5-note': { en: '{id}: level 5 is a self-rating: add a note saying what shows it (notes.{id})', zh: '{id}：第 5 级属于自评，请在备注中说明依据（notes.{id}）' },
} as const;
