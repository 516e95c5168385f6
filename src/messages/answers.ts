/** Answer files: each answer, the file as a whole, cross-field checks. `{name}` placeholders are filled from the diagnostic's args. */
export const ANSWERS_MESSAGES = {
  'answers.questionnaire-mismatch': { en: 'this file is for questionnaire "{found}", not "{expected}"; pass --questionnaire with the right one (answer files name questionnaires by id only)', zh: '该文件对应问卷 "{found}"，而不是 "{expected}"；请用 --questionnaire 指定正确的问卷（答卷只能按编号引用问卷）' },
  'answers.unknown-questionnaire': { en: 'unknown questionnaire "{id}"; known: {known}. Answer files name a questionnaire by id; use --questionnaire PATH for a custom one', zh: '未知问卷 "{id}"；已有：{known}。答卷只能按编号引用问卷；自定义问卷请用 --questionnaire PATH' },
  'answers.version-newer': { en: 'file was made with questionnaire version {found}, newer than the loaded version {expected}; update zhizao or the questionnaire', zh: '该文件使用问卷版本 {found}，比当前版本 {expected} 更新；请升级 zhizao 或问卷' },
  'answers.credit-code-checksum': { en: 'credit code {value} fails its check character (GB 32100-2015); check for a typing error', zh: '统一社会信用代码 {value} 校验位不正确（GB 32100-2015），请检查是否录入有误' },
  'answers.sector-not-code': {
    en: '{field} "{sector}" is not a GB/T 4754 industry code: the report gives the generic plan, without sector-specific projects. Write the code instead, e.g. C3670 for motor vehicle parts or C1432 for quick-frozen food',
    zh: '{field}“{sector}”不是国民经济行业分类（GB/T 4754）代码：报告将按通用行业给出方案，不含行业专用项目。请改填代码，如汽车零部件及配件制造填 C3670、速冻食品制造填 C1432',
  },
  'answers.sector-not-code-guess': {
    en: '{field} "{sector}" is not a GB/T 4754 industry code: the report gives the generic plan, without sector-specific projects. If the plant belongs to “{name}”, write {code}',
    zh: '{field}“{sector}”不是国民经济行业分类（GB/T 4754）代码：报告将按通用行业给出方案，不含行业专用项目。如属{name}，请改填 {code}',
  },
  'answers.sector-unknown-division': {
    en: '{field} "{sector}": GB/T 4754-2017 has no division {division} in section {section} (its divisions are {section}{first}–{section}{last}): the report gives the generic plan, without sector-specific projects. Check the code against the plant’s statistical registration, e.g. C3670 for motor vehicle parts',
    zh: '{field}“{sector}”：国民经济行业分类（GB/T 4754-2017）{section} 门类没有 {division} 大类（该门类为 {section}{first}–{section}{last}）：报告将按通用行业给出方案，不含行业专用项目。请按企业统计登记的行业代码核对，如汽车零部件及配件制造填 C3670',
  },
  'answers.date-missing': { en: 'respondent.date is missing: the report states no assessment date, and its cover and number carry the day it is made. Add the date of the interview, e.g. date: 2026-11-03', zh: '缺少 respondent.date：报告将不写诊断日期，封面和报告编号用生成报告当天的日期。请补上访谈日期，如 date: 2026-11-03' },
  'answers.company-missing': { en: 'respondent.company is empty: fill in the company name before reporting', zh: 'respondent.company 为空：出报告前请填写企业名称' },
  'answers.confirmed-unknown': { en: 'confirmed.{key}: no consistency check and no question with a plausible range is called "{key}": write the check id validate names in its warning (or, for a figure outside its range, the question id)', zh: 'confirmed.{key}：没有名为“{key}”的一致性检查，也没有带合理范围的同名题目：请写 validate 警告中给出的检查编号（数值超出合理范围的，写题目编号）' },
  'answers.confirmed-not-raised': { en: 'confirmed.{key}: these answers no longer raise "{key}" (they changed since it was checked): remove the entry', zh: 'confirmed.{key}：按现在的答案已不再出现“{key}”提示（答案在核实后改过）：请删除这一条' },
  'answers.is-definition': { en: 'this is a definition file (kind: {kind}), not an answer file: check it with `{cmd} validate --definition {file}`', zh: '这是定义文件（kind: {kind}），不是答卷：检查定义文件请用 {cmd} validate --definition {file}' },
  'answers.empty-file': { en: 'the file is empty: an answer file holds questionnaire:, respondent: and answers:. Start one with `{cmd} template -o plant.zhizao.yaml` (a blank form to fill in) or `{cmd} assess` (a guided interview)', zh: '文件为空：答卷应包含 questionnaire:、respondent: 和 answers:。可用 `{cmd} template -o 企业.zhizao.yaml` 生成空白答卷来填写，或用 `{cmd} assess` 逐题问答' },
  'answers.misspelt-question': { en: 'no question "{id}" in this questionnaire: did you mean {suggestion}? Correct the key to {suggestion} (a misspelt answer would be left out of the score and the plan), or delete the line', zh: '问卷中没有题目 "{id}"：是不是 {suggestion}？请把键名改为 {suggestion}（拼错的答案不会计入评分和规划），或删除这一行' },
  'answers.unknown-question': { en: 'no question "{id}" in this questionnaire: the answer is ignored', zh: '问卷中没有题目 "{id}"：该答案将被忽略' },
  'answers.unknown-note': { en: 'no question "{id}" in this questionnaire: the note is ignored (a note is written under the id of the question it is about)', zh: '问卷中没有题目 "{id}"：该备注将被忽略（备注须写在所针对题目的编号下）' },
  'answers.note-looks-internal': { en: 'the note on {id} contains "{word}" but is not marked internal: the client report will print it. If it is not for the client, write it as {text: …, internal: true}; otherwise reword it', zh: '{id} 的备注含有“{word}”，但没有标为内部：客户报告会原样打印。如不给客户看，请写成 {text: …, internal: true}；否则请改写' },
  'answers.hidden-answered': { en: '{id} does not apply to this plant ({message}): the answer is kept but not scored', zh: '{id}对本企业不适用（{message}）：答案保留但不计分' },
  'visibility.tailored': { en: 'not asked for its industry type', zh: '按本企业的行业类型不问此题' },
  'visibility.gated': { en: 'another answer makes it not apply', zh: '另一题的回答使本题不适用' },
  'visibility.na': { en: 'it follows up a question answered n/a', zh: '所跟进的题目答了“不适用”' },
  'visibility.na-when': { en: 'by the answer to "{question}"', zh: '按“{question}”的回答' },
  'visibility.not-asked': { en: "newer than the file's questionnaire version", zh: '问卷版本比答卷新，答卷时还没有此题' },
  'visibility.not-in-mode': { en: 'not asked in the express interview', zh: '快速访谈不问此题' },
  'answers.check': { en: '{message} ({values})', zh: '{message}（{values}）' },
  // the values of a failed check, each by its question's text: "How many key processes do the main products have?": 10 (D3)
  'answers.check-value': { en: '"{question}": {value}{at}', zh: '“{question}”填 {value}{at}' },
  'answers.check-at-cell': { en: ' (cell {cell})', zh: '（单元格 {cell}）' },
  'answers.check-at-line': { en: ' (line {line})', zh: '（第 {line} 行）' },
  // A per-answer problem names its question by `{id}`: the id where the question is on screen (the interview strips
  // it), its text and id in a file's or a table's diagnostics (`id_zh`, `id_en`: 「“主要产品的关键工序共有多少道？”
  // （key_processes_total）」); `{allowed}` lists the options by their labels (`allowed_zh`, `allowed_en`).
  'answer.na-not-allowed': { en: '{id}: "n/a" is not allowed for this question; answer it or use "unknown"', zh: '{id}：本题不允许填 "n/a"（不适用）；请作答或填 "unknown"（不清楚）' },
  'answer.option': { en: '{id}: "{value}" is not an allowed value; expected one of {allowed}', zh: '{id}："{value}" 不是允许的值；应为以下之一：{allowed}' },
  'answer.boolean': { en: '{id}: "{value}" is not yes/no; write yes or no', zh: '{id}："{value}" 不是“是/否”；请填“是”或“否”' },
  'answer.text': { en: '{id}: expected text', zh: '{id}：应为文字' },
  'answer.too-long': { en: '{id}: longer than {limit} characters', zh: '{id}：超过 {limit} 个字符' },
  'answer.number': { en: '{id}: "{value}" is not a number: write a number only (e.g. 12{unit}), or 不清楚 if it is not known', zh: '{id}："{value}" 不是数字：请只填数字（如 12{unit}），不知道的填“不清楚”' },
  'answer.integer': { en: '{id}: {value} must be a whole number', zh: '{id}：{value} 必须是整数' },
  'answer.range': { en: '{id}: {value} is outside the allowed range {min}–{max}', zh: '{id}：{value} 超出允许范围 {min}–{max}' },
  'answer.percent-fraction': { en: '{id}: percentages are stored as fractions: write {fraction} (or "{value}%") instead of {value}', zh: '{id}：百分比按小数存储：请写 {fraction}（或 "{value}%"），而不是 {value}' },
  'answer.exclusive': { en: '{id}: "{value}" cannot be combined with other choices', zh: '{id}："{value}" 不能与其他选项同时选择' },
  // the question of a per-answer problem in words: in a file, with the id the answer is written under; in a table,
  // its text alone (the cell's column is named beside it)
  'answer.question': { en: '"{question}" ({id})', zh: '“{question}”（{id}）' },
  'answer.question-in-table': { en: '"{question}"', zh: '“{question}”' },
  // one allowed option: its label, with the value a file writes (a table cell takes the label)
  'answer.allowed-option': { en: '"{label}" ({value})', zh: '“{label}”（{value}）' },
  'answer.allowed-level': { en: '"{label}" ({value}, level {level})', zh: '“{label}”（{value}，{level} 级）' },
  'answer.allowed-label': { en: '"{label}"', zh: '“{label}”' },
  'answer.allowed-requirement': { en: 'full, mostly, partial, none', zh: '全部满足（full）、大部分满足（mostly）、部分满足（partial）、不满足（none）' },
} as const;
