import type { Questionnaire } from './questionnaire.js';
import { inMode } from './interview.js';
import type { Industry, InterviewMode, Lang, Question, Text } from './types.js';

const RESPONDENT_HELP: [string, Text, string?][] = [
  ['company', { zh: '企业名称', en: 'company name' }, '""'],
  ['credit_code', { zh: '统一社会信用代码（18位，可选）', en: 'unified social credit code (18 characters, optional)' }],
  ['site', { zh: '厂区/工厂（可选）', en: 'site or plant (optional)' }],
  ['industry', { zh: '行业类型：discrete 离散型 | process 流程型 | mixed 混合型', en: 'industry type: discrete | process | mixed' }],
  ['sector', { zh: '行业代码（GB/T 4754，可选）', en: 'sector code (GB/T 4754, optional)' }],
  ['district', { zh: '统计用区划代码（可选）', en: 'statistical division code (optional)' }],
  ['park', { zh: '所在园区（可选）', en: 'industrial park (optional)' }],
  ['region', { zh: '地区（可选）', en: 'region (optional)' }],
  ['above_designated_size', { zh: '是否规上企业：true | false（可选）', en: 'above designated size: true | false (optional)' }],
  ['enterprise_class', { zh: '企业分类 A | B | C | D（综合评价结果：郑政文〔2018〕168号 四（一）分 A、B、C 三类，郑政〔2020〕8号起分 A、B、C、D 四类；可选）', en: 'enterprise class A | B | C | D (the comprehensive evaluation: A, B, C under 郑政文〔2018〕168号 section 4 (1), A to D from 郑政〔2020〕8号; optional)' }],
  ['retrofit_status', { zh: '智能化改造情况，如 {status: planned, year: 2027}；status: none 未开展 | planned 计划中 | in-progress 实施中 | done 已完成（可选）', en: 'smart retrofit, e.g. {status: planned, year: 2027}; status: none | planned | in-progress | done (optional)' }],
  ['assessor', { zh: '诊断人员（可选；企业自评时留空）', en: 'assessor (optional; leave empty for a self-assessment)' }],
  ['interviewees', { zh: '访谈对象，如 [设计部 李工, 生产部 赵经理]（可选）', en: 'people interviewed, e.g. [design: Li, production: Zhao] (optional)' }],
  ['date', { zh: '诊断日期，如 2026-11-03（也可写 2026/11/3、2026年11月3日）', en: 'assessment date, e.g. 2026-11-03 (2026/11/3 and 2026年11月3日 are read too)' }],
];

/** How to answer a question, in one line: type and allowed values. */
export function answerHint(q: Question, lang: Lang): string {
  const L = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const extra = ['unknown', ...(q.allowNA ? ['n/a'] : [])].join(' | ');
  switch (q.type) {
    case 'level':
      return `${L('等级', 'level')} 0–5: ${(q.options ?? []).map((o) => `${o.value}(${o.level})`).join(' | ')} | ${extra}`;
    case 'requirement':
      return `${L('满足程度', 'satisfaction')}: full | mostly | partial | none | ${extra}`;
    case 'single':
      return `${L('单选', 'one of')}: ${(q.options ?? []).map((o) => o.value).join(' | ')} | ${extra}`;
    case 'multi':
      return `${L('多选（列表）', 'list of')}: ${(q.options ?? []).map((o) => o.value).join(', ')} — ${L('例如', 'e.g.')} [${q.options?.[0]?.value ?? ''}] | ${extra}`;
    case 'number': {
      const range = [q.min !== undefined ? `≥ ${q.min}` : '', q.max !== undefined ? `≤ ${q.max}` : ''].filter(Boolean).join(', ');
      return `${L('数字', 'number')}${q.integer ? L('（整数）', ' (integer)') : ''}${range ? ` ${range}` : ''}${q.unit ? `, ${L('单位', 'unit')}: ${q.unit[lang]}` : ''} | ${extra}`;
    }
    case 'percent':
      return `${L('百分比，按小数填写（50% 写 0.5）', 'percentage as a fraction (50 % is 0.5)')} | ${extra}`;
    case 'boolean':
      return `true | false | ${extra}`;
    case 'text':
      return `${L('文字', 'text')} | ${extra}`;
  }
}

const comment = (s: string) => s.split('\n').map((l) => `# ${l}`.trimEnd()).join('\n');

/**
 * A blank answer file: every question as a comment (text, type, allowed values), every answer unanswered.
 * `cmd` is the command that runs zhizao where the user is (for the "check with" line).
 */
export function blankAnswerYaml(q: Questionnaire, lang: Lang, industry: Industry = 'discrete', cmd = 'zhizao', mode?: InterviewMode): string {
  const L = (t: Text) => t[lang];
  const out: string[] = [];
  out.push(comment(`${L(q.def.title)} — ${q.def.id} v${q.def.version}`));
  out.push(
    comment(
      lang === 'zh'
        ? `填写答案；不清楚的填 unknown，不适用（仅限允许的题目）填 n/a，暂未回答的留空。\n检查：${cmd} validate 本文件`
        : `Fill in the answers; write unknown when nobody knows, n/a only where allowed, leave blank what is not answered yet.\nCheck with: ${cmd} validate THIS-FILE`,
    ),
  );
  out.push(`questionnaire: ${q.def.id}`, `version: "${q.def.version}"`, 'respondent:');
  for (const [key, help, value] of RESPONDENT_HELP) {
    const v = key === 'industry' ? industry : (value ?? '');
    const line = `  ${key}:${v ? ` ${v}` : ''}`;
    out.push(`${line.padEnd(28)} # ${L(help)}`);
  }
  out.push('answers:');
  for (const s of q.def.sections) {
    // an express form: only the questions the express interview asks (the file says its mode, below)
    const asked = s.questions.filter((question) => inMode(question, mode));
    if (!asked.length) continue;
    out.push(`  # ── ${s.id} — ${L(s.title)} ──`);
    for (const question of asked) {
      const variant = question.variants?.[industry]?.text;
      const when = [question.industries ? `${lang === 'zh' ? '仅限' : 'only for'} ${question.industries.join('/')}` : '', question.when ? `${lang === 'zh' ? '条件' : 'when'}: ${question.when}` : '']
        .filter(Boolean)
        .join('; ');
      out.push(`  # ${L(variant ?? question.text)}${when ? ` (${when})` : ''}`);
      out.push(`  #   ${answerHint(question, lang)}`);
      // what each option means: a value alone ("basic(1)") is read by its English word, not by what it stands for
      for (const o of question.type === 'level' || question.type === 'single' || question.type === 'multi' ? (question.options ?? []) : []) {
        out.push(`  #     ${o.value}${o.level !== undefined && question.type === 'level' ? ` (${o.level})` : ''}: ${L(o.label).replace(/\s+/g, ' ')}`);
      }
      out.push(`  ${question.id}:`);
    }
  }
  out.push('notes:', lang === 'zh' ? '  # 题目编号: 证据说明；内部备注写成 {text: …, internal: true}' : '  # question_id: evidence; internal notes as {text: …, internal: true}');
  out.push(
    'evidence:',
    lang === 'zh'
      ? '  # 题目编号: {type: document | demo | observation | interview, ref: 文件名或照片名}（文件/记录、系统演示、现场查看、访谈；只记名称，不存内容）'
      : '  # question_id: {type: document | demo | observation | interview, ref: file or photo name} (the name only, never the contents)',
  );
  if (mode) out.push(lang === 'zh' ? `progress:                    # 访谈方式：express 快速版只问上面的题目` : `progress:                    # interview mode: express asks only the questions above`, `  mode: ${mode}`);
  return out.join('\n') + '\n';
}
