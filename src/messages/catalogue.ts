import type { Diagnostic } from '../core/diagnostics.js';
import type { Lang } from '../core/types.js';
import { forTerminal } from '../core/safe-text.js';

type Entry = { en: string; zh: string };

/** Every user-facing diagnostic, in English and Chinese. `{name}` placeholders come from the diagnostic's args. */
export const MESSAGES: Record<string, Entry> = {
  'input.too-large': { en: 'file is {size} bytes, larger than the limit of {limit}; raise it with --max-file-size if the file is genuine', zh: '文件有 {size} 字节，超过上限 {limit}；如确属正常文件，可用 --max-file-size 提高上限' },
  'input.too-deep': { en: 'nesting deeper than {limit} levels; answer and definition files are never this deep', zh: '嵌套超过 {limit} 层；正常的答卷和定义文件不会这么深' },
  'input.alias-bomb': { en: 'too many YAML alias expansions (limit {limit}): refused as a possible resource-exhaustion attack; raise with --max-aliases if genuine', zh: 'YAML 别名展开次数过多（上限 {limit}），疑似资源耗尽攻击，已拒绝；如确属正常文件，可用 --max-aliases 提高上限' },
  'input.unreadable': { en: 'cannot read the file: {detail}', zh: '无法读取文件：{detail}' },
  'input.not-found': { en: 'no such file', zh: '文件不存在' },
  'input.binary-spreadsheet': { en: '{ext} files cannot be read: open it in Excel or WPS and save as .xlsx', zh: '无法读取 {ext} 文件：请在 Excel 或 WPS 中打开并另存为 .xlsx' },
  'input.unsupported': { en: 'unsupported file type {ext}: expected .yaml, .yml, .json, .csv or .xlsx', zh: '不支持的文件类型 {ext}：应为 .yaml、.yml、.json、.csv 或 .xlsx' },
  'yaml.syntax': { en: 'YAML syntax error: {detail}', zh: 'YAML 语法错误：{detail}' },
  'schema.required': { en: '{where}: missing required key "{name}"; add it', zh: '{where}：缺少必填项 "{name}"，请补上' },
  'schema.unknown-key': { en: '{where}: unknown key "{name}"; allowed keys: {allowed}', zh: '{where}：未知字段 "{name}"；允许的字段：{allowed}' },
  'schema.enum': { en: '{where}: expected one of {allowed}', zh: '{where}：应为以下之一：{allowed}' },
  'schema.const': { en: '{where}: expected "{allowed}"', zh: '{where}：应为 "{allowed}"' },
  'schema.type': { en: '{where}: expected a value of type {type}', zh: '{where}：类型应为 {type}' },
  'schema.pattern': { en: '{where}: value does not have the expected form ({pattern})', zh: '{where}：格式不正确（应匹配 {pattern}）' },
  'schema.minimum': { en: '{where}: must be at least {limit}', zh: '{where}：不能小于 {limit}' },
  'schema.maximum': { en: '{where}: must be at most {limit}', zh: '{where}：不能大于 {limit}' },
  'schema.exclusiveMinimum': { en: '{where}: must be greater than {limit}', zh: '{where}：必须大于 {limit}' },
  'schema.exclusiveMaximum': { en: '{where}: must be less than {limit}', zh: '{where}：必须小于 {limit}' },
  'schema.minLength': { en: '{where}: must have at least {limit} characters', zh: '{where}：至少需要 {limit} 个字符' },
  'schema.maxLength': { en: '{where}: must have at most {limit} characters', zh: '{where}：最多 {limit} 个字符' },
  'schema.minItems': { en: '{where}: needs at least {limit} items', zh: '{where}：至少需要 {limit} 项' },
  'schema.maxItems': { en: '{where}: has more than {limit} items', zh: '{where}：不能超过 {limit} 项' },
  'schema.other': { en: '{where}: {detail}', zh: '{where}：{detail}' },
  'def.kind': { en: 'unknown or missing "kind": expected one of questionnaire, targets, rules, scoring-profile, model, readiness', zh: '"kind" 缺失或无法识别：应为 questionnaire、targets、rules、scoring-profile、model、readiness 之一' },
  'def.duplicate-id': { en: 'duplicate {what} id "{id}": ids must be unique', zh: '{what} 编号 "{id}" 重复：编号必须唯一' },
  'def.version-format': { en: 'version "{value}" is not of the form "1" or "1.2"', zh: '版本号 "{value}" 格式不正确，应形如 "1" 或 "1.2"' },
  'def.since-future': { en: '"since: {since}" is newer than the questionnaire version {version}', zh: '"since: {since}" 晚于问卷版本 {version}' },
  'def.options-required': { en: 'question {id} of type {type} needs options', zh: '{type} 类型的题目 {id} 必须有选项' },
  'def.options-unexpected': { en: 'question {id} of type {type} takes no options', zh: '{type} 类型的题目 {id} 不应有选项' },
  'def.level-coverage': { en: 'level question {id}: options must cover levels 0–5 exactly once (missing: {missing}; duplicated: {duplicate})', zh: '等级题 {id}：选项必须恰好覆盖 0–5 级各一次（缺少：{missing}；重复：{duplicate}）' },
  'def.level-description': { en: 'level question {id}: option {value} has no full description (shown for the highlighted option)', zh: '等级题 {id}：选项 {value} 缺少完整描述（高亮选项时显示）' },
  'def.subdomain-required': { en: 'question {id} evidences maturity and needs a "subdomain"', zh: '题目 {id} 用于成熟度评分，必须填写 "subdomain"' },
  'def.level-required': { en: 'question {id} needs a "level" (1–5)', zh: '题目 {id} 必须填写 "level"（1–5）' },
  'def.level-unexpected': { en: 'question {id} of type {type} takes no "level"', zh: '{type} 类型的题目 {id} 不应有 "level"' },
  'def.subdomain-unused': { en: 'question {id} of type {type} does not evidence maturity: its "subdomain" is ignored', zh: '{type} 类型的题目 {id} 不参与成熟度评分，"subdomain" 将被忽略' },
  'def.unknown-subdomain': { en: 'unknown sub-domain "{id}"; known: {known}', zh: '未知能力子域 "{id}"；可选：{known}' },
  'def.range': { en: 'min {min} is greater than max {max}', zh: '最小值 {min} 大于最大值 {max}' },
  'def.range-unexpected': { en: 'question {id} of type {type} takes no min/max/integer', zh: '{type} 类型的题目 {id} 不应有 min/max/integer' },
  'def.unknown-option': { en: 'option "{id}" is not an option of {question}', zh: '"{id}" 不是题目 {question} 的选项' },
  'def.exclusive-unexpected': { en: 'only multiple-choice questions take "exclusive" ({id})', zh: '只有多选题可以使用 "exclusive"（{id}）' },
  'def.unknown-ref': { en: 'unknown {what} "{id}"', zh: '未知的 {what} "{id}"' },
  'def.unknown-definition': { en: 'no bundled {kind} "{id}"; bundled: {known}; or give a file path', zh: '没有内置的 {kind} "{id}"；内置的有：{known}；也可以给出文件路径' },
  'def.cycle': { en: 'prerequisites form a cycle: {cycle}', zh: '前置条件形成循环：{cycle}' },
  'def.investment-range': { en: 'investment min {min} is greater than max {max}', zh: '投资下限 {min} 大于上限 {max}' },
  'def.bands-order': { en: 'bands must list levels 1–5 in order with increasing minimums', zh: '分级区间必须按 1–5 级排列，且下限递增' },
  'def.model-mismatch': { en: 'profile names model "{model}", but the loaded model is "{loaded}"', zh: '评分方案引用的模型为 "{model}"，但加载的模型为 "{loaded}"' },
  'template.invalid': { en: 'report template: {detail}', zh: '报告模板：{detail}' },
  'expr.syntax': { en: 'expression does not parse at character {offset}: {detail} — in "{expr}"', zh: '表达式在第 {offset} 个字符处无法解析：{detail}——"{expr}"' },
  'expr.unknown-id': { en: 'expression names unknown id "{name}" at character {offset} — in "{expr}"', zh: '表达式在第 {offset} 个字符处引用了未知编号 "{name}"——"{expr}"' },
  'expr.unknown-function': { en: 'unknown function "{name}" (known: {known}) — in "{expr}"', zh: '未知函数 "{name}"（可用：{known}）——"{expr}"' },
  'expr.arity': { en: 'function {name} takes {min}–{max} arguments — in "{expr}"', zh: '函数 {name} 需要 {min}–{max} 个参数——"{expr}"' },
  'expr.unknown-literal': { en: 'unknown {kind} "{name}" — in "{expr}"', zh: '未知的 {kind} "{name}"——"{expr}"' },
  'expr.literal-required': { en: 'function {name} needs a quoted {kind} id as its first argument — in "{expr}"', zh: '函数 {name} 的第一个参数必须是带引号的 {kind} 编号——"{expr}"' },
  'answers.questionnaire-mismatch': { en: 'this file is for questionnaire "{found}", not "{expected}"; pass --questionnaire with the right one (answer files name questionnaires by id only)', zh: '该文件对应问卷 "{found}"，而不是 "{expected}"；请用 --questionnaire 指定正确的问卷（答卷只能按编号引用问卷）' },
  'answers.unknown-questionnaire': { en: 'unknown questionnaire "{id}"; known: {known}. Answer files name a questionnaire by id; use --questionnaire PATH for a custom one', zh: '未知问卷 "{id}"；已有：{known}。答卷只能按编号引用问卷；自定义问卷请用 --questionnaire PATH' },
  'answers.version-newer': { en: 'file was made with questionnaire version {found}, newer than the loaded version {expected}; update zhizao or the questionnaire', zh: '该文件使用问卷版本 {found}，比当前版本 {expected} 更新；请升级 zhizao 或问卷' },
  'answers.credit-code-checksum': { en: 'credit code {value} fails its check character (GB 32100-2015); check for a typing error', zh: '统一社会信用代码 {value} 校验位不正确（GB 32100-2015），请检查是否录入有误' },
  'answers.company-missing': { en: 'respondent.company is empty: fill in the company name before reporting', zh: 'respondent.company 为空：出报告前请填写企业名称' },
  'answers.unknown-question': { en: 'no question "{id}" in this questionnaire: the answer is ignored', zh: '问卷中没有题目 "{id}"：该答案将被忽略' },
  'answers.hidden-answered': { en: 'question {id} is hidden ({reason}) for this plant: the answer is kept but not scored', zh: '题目 {id} 对本企业不可见（{reason}）：答案保留但不计分' },
  'answers.check': { en: '{message} ({values})', zh: '{message}（{values}）' },
  'answer.na-not-allowed': { en: '{id}: "n/a" is not allowed for this question; answer it or use "unknown"', zh: '{id}：本题不允许填 "n/a"（不适用）；请作答或填 "unknown"（不清楚）' },
  'answer.option': { en: '{id}: "{value}" is not an allowed value; expected one of {allowed}', zh: '{id}："{value}" 不是允许的值；应为以下之一：{allowed}' },
  'answer.boolean': { en: '{id}: "{value}" is not yes/no; write true or false', zh: '{id}："{value}" 不是“是/否”；请填 true 或 false' },
  'answer.text': { en: '{id}: expected text', zh: '{id}：应为文字' },
  'answer.too-long': { en: '{id}: longer than {limit} characters', zh: '{id}：超过 {limit} 个字符' },
  'answer.number': { en: '{id}: "{value}" is not a number', zh: '{id}："{value}" 不是数字' },
  'answer.integer': { en: '{id}: {value} must be a whole number', zh: '{id}：{value} 必须是整数' },
  'answer.range': { en: '{id}: {value} is outside the allowed range {min}–{max}', zh: '{id}：{value} 超出允许范围 {min}–{max}' },
  'answer.percent-fraction': { en: '{id}: percentages are stored as fractions: write {fraction} (or "{value}%") instead of {value}', zh: '{id}：百分比按小数存储：请写 {fraction}（或 "{value}%"），而不是 {value}' },
  'answer.exclusive': { en: '{id}: "{value}" cannot be combined with other choices', zh: '{id}："{value}" 不能与其他选项同时选择' },
};

export function formatMessage(code: string, args: Record<string, string | number>, lang: Lang): string {
  const entry = MESSAGES[code];
  // Messages written in a definition file come in both languages as args `zh` and `en`.
  if (args.zh !== undefined && args.en !== undefined) args = { ...args, message: args[lang]! };
  const template = entry ? entry[lang] : `${code} ${JSON.stringify(args)}`;
  // Values quoted from files (answers, names) never reach the terminal raw: controls become visible escapes.
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (Object.prototype.hasOwnProperty.call(args, k) ? forTerminal(args[k]) : m));
}

export function formatDiagnostic(d: Diagnostic, lang: Lang): string {
  const sev = d.severity === 'warning' ? (lang === 'zh' ? '警告' : 'warning') : lang === 'zh' ? '错误' : 'error';
  return `${forTerminal(d.file)}:${d.line}:${d.column} ${sev} ${formatMessage(d.code, d.args, lang)}`;
}
