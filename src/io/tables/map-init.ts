import { statusWord } from '../../core/answer-value.js';
import type { Questionnaire } from '../../core/questionnaire.js';
import type { Lang, Question } from '../../core/types.js';
import { formatMessage } from '../../messages/catalogue.js';
import { cellText, isNumberCell, type CellValue } from './cells.js';
import { headerKey, labelKey, normaliseHeader, stripNumbering, TABLE_FIELDS } from './columns.js';
import { DEFAULT_BLANKS, labelIndex, respondentToken } from './row-source.js';

/** Header words of respondent fields and of the bookkeeping columns survey tools add (序号, IP…). */
const FIELD_WORDS: [RegExp, string][] = [
  [/统一社会信用代码|信用代码|credit ?code/i, 'credit_code'],
  [/企业名称|公司名称|单位名称|企业全称|单位全称|company/i, 'company'],
  [/厂区|分厂|工厂名称|\bsite\b/i, 'site'],
  [/行业类型|离散.*流程|流程.*离散|industry type/i, 'industry'],
  [/行业代码|国民经济行业|所属行业|\bsector\b/i, 'sector'],
  [/区划代码|division code/i, 'district'],
  [/园区|产业集聚区|\bpark\b/i, 'park'],
  [/所在(区|县|区县|县区|地区|区域)|^(区县|县区|地区|区域)$|\bregion\b/i, 'region'],
  [/规上|规模以上|designated size/i, 'above_designated_size'],
  [/企业分类|[ABC]\s*类企业|enterprise class/i, 'enterprise_class'],
  [/改造年份|retrofit year/i, 'retrofit_year'],
  [/智能化改造|retrofit/i, 'retrofit_status'],
  [/诊断人员|评估人员|填表人|assessor/i, 'assessor'],
  [/受访人|interviewee/i, 'interviewees'],
  [/提交答卷时间|提交时间|答卷时间|填写日期|诊断日期|填报日期|submit(ted)? time|^date$/i, 'date'],
  [/^(序号|编号|所用时间|答题时间|来源|来源详情|来自ip|ip|ip地址|总分|用户id|微信昵称|填写设备|操作系统|浏览器)$|^(no\.?|id|source|ip address|time taken|total score)$/i, 'ignore'],
];

/** Character bigrams of a text with punctuation, spaces and bracketed asides removed. */
function bigrams(s: string): Map<string, number> {
  const t = headerKey(s)
    .replace(/[（(【[].*?[）)】\]]/g, '')
    .replace(/[\p{P}\p{S}]/gu, '');
  const m = new Map<string, number>();
  for (let i = 0; i < t.length - 1; i++) {
    const g = t.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  if (t.length === 1) m.set(t, 1);
  return m;
}
/**
 * How much of a short header a question's text holds: the share of the header's bigrams found in it (是否上云 in
 * 企业是否已上云？: two of three), for headers of three bigrams or more; 0 for shorter ones.
 */
function containment(header: string, text: string): number {
  const x = bigrams(header);
  const y = bigrams(text);
  let common = 0;
  let n = 0;
  for (const [g, k] of x) {
    n += k;
    common += Math.min(k, y.get(g) ?? 0);
  }
  return n < 3 ? 0 : common / n;
}

/** Dice similarity of two texts' bigrams (0…1). */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let common = 0;
  let nx = 0;
  let ny = 0;
  for (const [g, n] of x) {
    nx += n;
    common += Math.min(n, y.get(g) ?? 0);
  }
  for (const n of y.values()) ny += n;
  return nx + ny === 0 ? 0 : (2 * common) / (nx + ny);
}

const GUESS_AT = 0.45;
const SURE_AT = 0.9;
/** A header held in a question's text scores at most this much of its containment (below SURE_AT: marked a guess). */
const CONTAINED = 0.85;

interface Guess {
  target: string;
  option?: string;
  score: number;
  /** What the guess matched (the question text), for the comment. */
  matched?: string;
}

function bestQuestion(q: Questionnaire, text: string, filter?: (x: Question) => boolean): Guess | undefined {
  let best: Guess | undefined;
  for (const question of q.questions) {
    if (filter && !filter(question)) continue;
    // a short header held in a long question text scores by how much of it the text holds, always a guess to check
    const score = Math.max(similarity(text, question.text.zh), similarity(text, question.text.en), CONTAINED * containment(text, question.text.zh));
    if (!best || score > best.score) best = { target: question.id, score, matched: question.text.zh };
  }
  return best && best.score >= GUESS_AT ? best : undefined;
}

function bestOption(question: Question, label: string): { value: string; score: number } | undefined {
  let best: { value: string; score: number } | undefined;
  const base = label.replace(/〖[\s\S]*〗/g, '');
  for (const o of question.options ?? []) {
    for (const l of [o.label.zh, o.label.en, o.value]) {
      const k1 = labelKey(base).replace(/[（(].*$/, '');
      const k2 = labelKey(l).replace(/[（(].*$/, '');
      const score = k1 === k2 ? 1 : k1.includes(k2) || k2.includes(k1) ? 0.8 : similarity(base, l);
      if (!best || score > best.score) best = { value: o.value, score };
    }
  }
  return best && best.score >= GUESS_AT ? best : undefined;
}

/**
 * One column of a survey export: a respondent field, a question, an option of a multiple-choice question, or nothing.
 * `numeric`: its cells hold numbers only (blank, 不清楚 and 不适用 aside): guessed among the number and percentage
 * questions only — "关键工序总数" is no free-text key-process list, whatever the words say.
 */
function guessColumn(q: Questionnaire, header: string, numeric = false): Guess | undefined {
  const raw = normaliseHeader(header);
  const id = raw.startsWith('respondent.') ? raw.slice('respondent.'.length) : raw;
  if (TABLE_FIELDS.has(id) || q.byId.has(id)) return { target: id, score: 1 };
  const text = stripNumbering(raw);
  for (const [re, field] of FIELD_WORDS) if (re.test(text)) return { target: field, score: 1 };
  // One column per option: "题目:选项", "题目—选项" or "题目(选项)".
  const m = /^(.*?)\s*(?:[:：—]|-{1,2})\s*([^:：—]+)$/.exec(text) ?? /^(.*?)[（(]([^（()）]+)[）)]\s*$/.exec(text);
  if (m && m[1]!.trim()) {
    const qg = bestQuestion(q, m[1]!, (x) => x.type === 'multi');
    const question = qg ? q.byId.get(qg.target) : undefined;
    const og = question ? bestOption(question, m[2]!) : undefined;
    if (qg && og) return { target: qg.target, option: og.value, score: Math.min(qg.score, og.score), ...(qg.matched ? { matched: qg.matched } : {}) };
  }
  return bestQuestion(q, text, numeric ? (x) => x.type === 'number' || x.type === 'percent' : undefined);
}

const y = (s: string) => JSON.stringify(s);

/** A guess for a respondent field's label the importer does not know ("离散型制造" → discrete). */
export function guessRespondent(field: string, label: string): string | undefined {
  const rules: Record<string, [RegExp, string][]> = {
    industry: [[/离散|discrete/i, 'discrete'], [/流程|process/i, 'process'], [/混合|mixed/i, 'mixed']],
    above_designated_size: [[/规下|规模以下|不是|否|below/i, 'false'], [/规上|规模以上|是|above/i, 'true']],
    retrofit_status: [[/完成|done/i, 'done'], [/进行|实施|progress/i, 'in-progress'], [/计划|拟|plan/i, 'planned'], [/无|未|没有|none/i, 'none']],
    enterprise_class: [[/^\s*([ABCD])/i, '$1']],
  };
  for (const [re, v] of rules[field] ?? []) {
    const m = re.exec(label);
    if (m) return v === '$1' ? m[1]!.toUpperCase() : v;
  }
  return undefined;
}
const SEPARATORS = ['┋', '|', ';', '；', '\n'];

/**
 * The separator of a multiple-choice column: the one most of its cells hold; 、 (which some option labels contain, so
 * never assumed) when no other is found and the parts it gives are all options of the question.
 */
function separatorOf(question: Question, cells: readonly string[]): string | undefined {
  let best: string | undefined;
  let most = 0;
  for (const sep of SEPARATORS) {
    const n = cells.filter((c) => c.includes(sep)).length;
    if (n > most) [best, most] = [sep, n];
  }
  if (best) return best;
  const listed = cells.filter((c) => c.includes('、'));
  return listed.length && listed.every((c) => c.split('、').every((part) => (bestOption(question, part.trim())?.score ?? 0) >= SURE_AT)) ? '、' : undefined;
}

/**
 * A starting survey map for an export: each header mapped to a field or question (guesses by text similarity are
 * marked), per-column separators and units read from the cells, and the option labels found in the cells mapped
 * to option values where they can be guessed. The person checks the marked lines, then runs `batch --dry-run`
 * (written with `cmd`, the command that runs zhizao where they are).
 */
export function initSurveyMap(q: Questionnaire, shown: string, header: readonly CellValue[], headerLine: number, sample: readonly (readonly CellValue[])[], lang: Lang, cmd: string): string {
  const T = (code: Parameters<typeof formatMessage>[0], args: Record<string, string | number> = {}) => formatMessage(code, { cmd, ...args }, lang);
  const out: string[] = [
    `# ${T('mapinit.title', { file: shown, questionnaire: q.def.id })}`,
    `# ${T('mapinit.guesses')}`,
    `# ${T('mapinit.check', { file: shown })}`,
    `questionnaire: ${q.def.id}`,
    `header_row: ${headerLine}`,
    'columns:',
  ];
  const labels = labelIndex(q);
  const values = new Map<string, Map<string, { value?: string; score: number }>>();
  const seen = new Set<string>();
  header.forEach((cell, i) => {
    const written = cellText(cell).trim();
    const h = normaliseHeader(written);
    if (!h) return;
    const cells = sample.map((r) => cellText(r[i] ?? null).trim()).filter((c) => c !== '' && !DEFAULT_BLANKS.includes(c));
    // (most of its figures: a divider row's text across the table, or one 约20, does not make it text; a column of 1
    // and 0 only may be yes/no, not taken for a number)
    const figures = cells.filter((c) => statusWord(c) === undefined);
    const numbers = figures.filter((c) => isNumberCell(c));
    const numeric = numbers.some((c) => c !== '0' && c !== '1') && numbers.length * 3 >= figures.length * 2;
    const g = guessColumn(q, h, numeric);
    if (!g) {
      out.push(`  # ${y(written)}: ignore   # ? ${T('mapinit.no-match')}`);
      return;
    }
    const key = g.option ? `${g.target}:${g.option}` : g.target;
    const dup = g.target !== 'ignore' && seen.has(key);
    seen.add(key);
    const question = q.byId.get(g.target);
    const opts: string[] = [];
    if (question?.type === 'multi' && !g.option) {
      const sep = separatorOf(question, cells);
      if (sep) opts.push(`separator: ${y(sep)}`);
    }
    if (question?.type === 'percent' && /[%％]|百分/.test(h)) opts.push('unit: percent');
    else if (question?.type === 'percent' && cells.some((c) => Number(c) > 1 && Number(c) <= 100)) opts.push('unit: percent');
    const target = g.option ? `{question: ${g.target}, option: ${g.option}}` : opts.length ? `{${question ? 'question' : 'field'}: ${g.target}, ${opts.join(', ')}}` : g.target;
    const note = dup ? `   # ? ${T('mapinit.duplicate', { target: key })}` : g.score < SURE_AT ? `   # ${T('mapinit.guess', { score: g.score.toFixed(2), text: (g.matched ?? '').slice(0, 40) })}` : '';
    out.push(`  ${dup ? '# ' : ''}${y(written)}: ${target}${note}`);
    // Option labels found in the cells, for the values: section.
    const enumField = ['industry', 'above_designated_size', 'retrofit_status', 'enterprise_class'].includes(g.target);
    if (g.option || (!question?.options && !enumField)) return;
    const sep = opts.find((o) => o.startsWith('separator'));
    const split = (c: string) => (question?.type === 'multi' ? c.split(sep ? JSON.parse(sep.slice('separator: '.length)) as string : /[┋|;；\n]/) : [c]).map((x) => x.trim()).filter(Boolean);
    const m = values.get(g.target) ?? new Map<string, { value?: string; score: number }>();
    for (const c of cells)
      for (const label of split(c)) {
        // (跳过) is a blank cell and 不清楚 / 不适用 an answer of any question, read so at run time: not options to map
        if (m.has(label) || DEFAULT_BLANKS.includes(label) || statusWord(label) !== undefined) continue;
        if (question) {
          const base = label.replace(/〖[\s\S]*〗/g, '');
          // 其他〖…〗: the text is kept as a note at run time, whatever the map says
          if (base !== label && /^(其他|其它|other)$/i.test(base.trim())) continue;
          if (question.options?.some((o) => o.value === base) || labels.get(question.id)?.has(labelKey(base))) continue;
          const og = bestOption(question, label);
          m.set(label, og ? { value: og.value, score: og.score } : { score: 0 });
        } else if (respondentToken(g.target, label) === undefined) {
          const v = guessRespondent(g.target, label);
          m.set(label, v !== undefined ? { value: v, score: 0.5 } : { score: 0 });
        }
      }
    if (m.size) values.set(g.target, m);
  });
  const entries = [...values].filter(([, m]) => m.size > 0);
  if (entries.length) {
    // (with nothing but comments under it, `values:` would read as null, which a map may not hold: commented too)
    const anyValue = entries.some(([, m]) => [...m.values()].some((g) => g.value !== undefined));
    out.push(anyValue ? 'values:' : '# values:');
    for (const [id, m] of entries) {
      const question = q.byId.get(id);
      // a question with nothing but comments would be an empty (null) entry: comment it out as a whole
      out.push(`  ${[...m.values()].some((g) => g.value !== undefined) ? '' : '# '}${id}:`);
      for (const [label, g] of m) {
        if (g.value !== undefined) out.push(`    ${y(label)}: ${g.value}${g.score < SURE_AT ? `   # ${T('mapinit.guess-label', { score: g.score.toFixed(2) })}` : ''}`);
        else out.push(`    # ${y(label)}: ?   # ${T('mapinit.no-option', { allowed: question ? (question.options ?? []).map((o) => `${o.value} ${o.label[lang]}`).join(' | ') : id === 'industry' ? 'discrete | process | mixed' : id === 'above_designated_size' ? 'true | false' : id === 'retrofit_status' ? 'none | planned | in-progress | done' : 'A | B | C | D' })}`);
      }
    }
  }
  return out.join('\n') + '\n';
}
