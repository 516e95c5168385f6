/** The report's appendix of answers and evidence, and what the office audience may not see. */
import type { Answers } from '../core/answers.js';
import type { Questionnaire } from '../core/questionnaire.js';
import type { Recommendation } from '../core/recommend.js';
import type { Question, Text } from '../core/types.js';
import { isQuestionUnit, statedUnit } from '../core/kpi-units.js';
import { fill, type Wording } from '../core/wording.js';
import { showPercent } from '../core/answer-display.js';
import { clientNote, cnyExact, hasInternalNote, pct, same } from './format.js';

export interface AppendixSection {
  title: Text;
  items: { question: Text; answer: Text; list?: Text[]; note?: string; evidence?: Text }[];
}

/**
 * A project that is confidential itself (its rule is marked so, e.g. industrial-security zoning) stays out of the
 * office audience's report. One whose evidence or items only partly rest on confidential answers is listed there
 * without them (`officeView`): a safety project is not withheld because one of its reasons is a confidential answer.
 */
export const confidentialRecommendation = (rec: Recommendation): boolean => rec.confidential;

/** Whether a sub-domain's self-rating reads a confidential answer (information security's): the office is not given it. */
export const selfRatingConfidential = (q: Questionnaire, subdomain: string): boolean => q.questions.some((x) => x.type === 'level' && x.subdomain === subdomain && x.confidential === true);

export function appendix(q: Questionnaire, answers: Answers, office: boolean, w: Wording): AppendixSection[] {
  const evidence = answers.file.evidence ?? {};
  return q.def.sections.map((s) => ({
    title: s.title,
    items: s.questions
      .filter((question) => answers.visibility.get(question.id) === 'visible')
      // The office audience sees no confidential answer and no free text (names, vendors, internal problems).
      .filter((question) => !(office && (question.confidential || question.type === 'text')))
      // an optional question left unanswered (no budget figure given) is not an answer missing
      .filter((question) => !(question.optional && (answers.resolved.get(question.id)?.status ?? 'unanswered') === 'unanswered'))
      .map((question) => {
        const written = office ? undefined : clientNote(answers, question.id);
        const note = written === undefined ? undefined : withQuestionTitles(written, q);
        const ev = office ? undefined : evidence[question.id];
        const list = multiList(question, answers);
        return {
          question: question.variants?.[answers.file.respondent.industry]?.text ?? question.text,
          answer: answerText(question, answers, w),
          ...(list ? { list } : {}),
          ...(note ? { note } : {}),
          // the kind of evidence, without its details when the answer's note is internal
          ...(ev ? { evidence: evidenceText(hasInternalNote(answers, question.id) ? { type: ev.type } : ev, w) } : {}),
        };
      }),
  }));
}

/**
 * A consultant's note as the client reads it: a question id it cites (`见 req_ot_segmentation`) becomes the question,
 * quoted in the note's language, so that no internal id reaches the report. An id inside a web address or a file name
 * (`…/audit/req_x`, `has_mes.pdf`, `has_mes=true`) is part of that name and stays as written.
 */
export function withQuestionTitles(note: string, q: Questionnaire): string {
  const lang = noteLanguage(note, q);
  const addresses = [...note.matchAll(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi)].map((m) => [m.index!, m.index! + m[0].length] as const);
  // in Chinese the spaces written around an id go with it (“见 req_x）” reads “见“…”）”)
  return note.replace(/( ?)\b([a-z][a-z0-9]*(?:_[a-z0-9]+)+)\b( ?)/g, (all: string, before: string, id: string, after: string, offset: number) => {
    const question = q.byId.get(id);
    const start = offset + before.length;
    const end = start + id.length;
    const prev = note[start - 1] ?? '';
    const next = note[end] ?? '';
    const inName = (prev !== '' && '/\\.=:@'.includes(prev)) || (next !== '' && '/\\='.includes(next)) || (next === '.' && /[A-Za-z0-9]/.test(note[end + 1] ?? ''));
    if (!question || inName || addresses.some(([a, b]) => start >= a && start < b)) return all;
    return lang === 'zh' ? `“${question.text.zh}”` : `${before}"${question.text.en}"${after}`;
  });
}

/** The language a note is written in: Chinese when it has more Chinese characters than words in Latin letters. */
function noteLanguage(note: string, q: Questionnaire): 'zh' | 'en' {
  const hanzi = note.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  const words = (note.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? []).filter((w) => !q.byId.has(w)).length;
  return hanzi > 0 && hanzi >= words ? 'zh' : 'en';
}

const evidenceText = (ev: { type: string; ref?: string }, w: Wording): Text => {
  const type = w.evidenceTypes[ev.type] ?? same(ev.type);
  return ev.ref ? { zh: `${type.zh}：${ev.ref}`, en: `${type.en}: ${ev.ref}` } : type;
};

/** A multiple-choice answer as a list of labels (labels may contain 、 or commas, so they are never joined). */
function multiList(question: Question, answers: Answers): Text[] | undefined {
  const r = answers.resolved.get(question.id);
  if (question.type !== 'multi' || r?.status !== 'answered' || !Array.isArray(r.value) || r.value.length < 2) return undefined;
  return r.value.map((v) => question.options?.find((o) => o.value === v)?.label ?? same(String(v)));
}

/** An answer as the person reading the report would say it. */
/** A unit in 万元 (万元, 万元/年, 万元/人·年): its English name starts with this, and the amount is said in CNY instead. */
const WAN_EN = '10k CNY';
const inWan = (unit: Text) => unit.zh.startsWith('万元') && unit.en.startsWith(WAN_EN);

export function answerText(question: Question, answers: Answers, w: Wording): Text {
  const r = answers.resolved.get(question.id);
  const p = w.phrases;
  // a question the express interview does not ask was not left unanswered: it was never put to the plant
  if ((!r || r.status === 'unanswered') && answers.file.progress?.mode === 'express' && question.modes && !question.modes.includes('express')) return p.notAskedExpress!;
  if (!r || r.status === 'unanswered') return p.notAnswered!;
  if (r.status === 'unknown') return p.unknownAnswer!;
  if (r.status === 'na') return p.notApplicable!;
  const v = r.value;
  const opt = (value: unknown) => question.options?.find((o) => o.value === value);
  switch (question.type) {
    case 'level': {
      const o = opt(v);
      return o ? fill(p.levelAnswer!, { level: o.level ?? 0, label: o.label }) : same(String(v));
    }
    case 'requirement':
      return w.satisfaction[String(v)] ?? same(String(v));
    case 'single':
      return opt(v)?.label ?? same(String(v));
    case 'multi': {
      const list = (Array.isArray(v) ? v : []).map((x) => opt(x)?.label ?? same(String(x)));
      if (!list.length) return p.noneSelected!;
      // One label reads as itself; several are shown as a list (multiList), joined here with a mark no label uses.
      return list.length === 1 ? list[0]! : { zh: list.map((x) => x.zh).join(' ｜ '), en: list.map((x) => x.en).join(' | ') };
    }
    case 'boolean':
      return v ? p.yes! : p.no!;
    case 'percent':
      return same(answerPercent(Number(v)));
    case 'number': {
      // a unit the file states for it (kpis.units) that is not the question's own, as written; else the question's
      // (in English, a unit the wording's table knows is named in English; an amount in 万元 is said in CNY)
      const stated = statedUnit(answers.file, question.id);
      if (stated !== undefined && !isQuestionUnit(stated, question.unit)) return { zh: `${v} ${stated}`, en: `${v} ${w.units?.[stated]?.en ?? stated}` };
      if (!question.unit) return same(String(v));
      return { zh: `${v} ${question.unit.zh}`, en: inWan(question.unit) ? `${cnyExact(Number(v))}${question.unit.en.slice(WAN_EN.length)}` : `${v} ${question.unit.en}` };
    }
    default:
      return same(String(v));
  }
}

/**
 * A percentage answer as given: to one decimal (85.0%) when that is the value, else with the digits it has (0.955%
 * typed for 95.5 % is shown as 0.955%, not rounded to 1.0%, so that the appendix shows what the note below it names).
 */
function answerPercent(v: number): string {
  const rounded = pct(v);
  return Math.abs(Number(rounded.slice(0, -1)) / 100 - v) < 1e-12 ? rounded : showPercent(v);
}
