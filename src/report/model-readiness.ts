/**
 * The declaration criteria as the report lists them: each with its status in words, and, for a criterion not met,
 * what it rests on at this plant — the level, indicator value or answer each failing part of its condition reads
 * (core/readiness.ts finds those parts). Pure.
 */
import { showAnswer } from '../core/answer-display.js';
import type { Answers } from '../core/answers.js';
import type { Questionnaire } from '../core/questionnaire.js';
import type { ReadinessResult } from '../core/readiness.js';
import { officeFacts, withheldFromOffice, type CriterionFact } from '../core/readiness-reasons.js';
import { subdomainResult, type ScoreResult } from '../core/result.js';
import type { BooleanStatement, Question, Text } from '../core/types.js';
import { fill, joinTexts, type Wording } from '../core/wording.js';
import { indicatorTarget, indicatorValue } from './format.js';
import { answerText } from './model-answers.js';

export interface ReadinessRow {
  title: Text;
  source?: string;
  note?: Text;
  met: number;
  total: number;
  /** How many are met, of those listed with a status (a withheld one is said apart: it is neither met nor not). */
  count: Text;
  criteria: { title: Text; status: Text; met: boolean; withheld?: boolean }[];
}

/**
 * The office audience does not learn whether a criterion a confidential answer decides (security weaknesses) is met
 * (withheldFromOffice): it is listed as withheld, counted in the total and never as met. Of the others it reads no
 * confidential answer.
 */
export function readinessRows(readiness: readonly ReadinessResult[], r: ScoreResult, q: Questionnaire, answers: Answers, w: Wording, office: boolean): ReadinessRow[] {
  return readiness.map((x) => {
    const criteria = x.criteria.map((c) => {
      if (office && withheldFromOffice(c)) return { title: c.title, status: w.readinessStatus.withheld!, met: false, withheld: true };
      const status = w.readinessStatus[c.status] ?? w.readinessStatus.missing!;
      const shown = joinReasons([criterionReasons(c.because, r, q, answers, w, office), heldText(c.holds, r, w)]);
      return { title: c.title, status: shown ? fill(w.phrases.criterionBecause!, { status, facts: shown }) : status, met: c.status === 'met' };
    });
    const met = criteria.filter((c) => c.met).length;
    const withheld = criteria.filter((c) => c.withheld).length;
    const count = withheld ? fill(w.phrases.readinessCountWithheld!, { met, total: criteria.length - withheld, withheld }) : fill(w.phrases.readinessCount!, { met, total: criteria.length });
    return { title: x.title, ...(x.source ? { source: x.source } : {}), ...(x.note ? { note: x.note } : {}), met, total: criteria.length, count, criteria };
  });
}

/** What a criterion not met rests on, in words, with the plant's values in `r` and `answers` (today's, or projected). */
export function criterionReasons(because: readonly CriterionFact[] | undefined, r: ScoreResult, q: Questionnaire, answers: Answers, w: Wording, office: boolean): Text | undefined {
  return factsText(office ? officeFacts(because ?? []) : (because ?? []), r, q, answers, w, { zh: '；', en: '; ' });
}

/** The indicators a criterion not met asks for that the plant meets: 关键工序数控化率 78.6%（已达到）. */
function heldText(holds: readonly CriterionFact[] | undefined, r: ScoreResult, w: Wording): Text | undefined {
  const said = (holds ?? []).flatMap((f) => {
    const i = f.kind === 'indicator' ? r.indicators.find((x) => x.id === f.id) : undefined;
    return i && typeof i.value === 'number' ? [fill(w.phrases.criterionIndicatorHeld!, { title: i.title, value: indicatorValue(i) })] : [];
  });
  return said.length ? joinTexts(said, { zh: '；', en: '; ' }) : undefined;
}

const joinReasons = (parts: (Text | undefined)[]): Text | undefined => {
  const said = parts.filter((x): x is Text => x !== undefined);
  return said.length ? joinTexts(said, { zh: '；', en: '; ' }) : undefined;
};

/** Facts in words, joined by `sep`; undefined when none can be said. */
function factsText(facts: readonly CriterionFact[], r: ScoreResult, q: Questionnaire, answers: Answers, w: Wording, sep: Text): Text | undefined {
  const said = facts.flatMap((f) => factText(f, r, q, answers, w) ?? []);
  return said.length ? joinTexts(said, sep) : undefined;
}

/** One fact in words, with this plant's value: 信息安全 1 级, 关键工序数控化率：41.7%, 未使用仓储管理系统（WMS）. */
function factText(f: CriterionFact, r: ScoreResult, q: Questionnaire, answers: Answers, w: Wording): Text | Text[] | undefined {
  const p = w.phrases;
  const answer = (id: string, wants?: string | number | boolean): Text | undefined => {
    const question = q.byId.get(id);
    if (!question) return undefined;
    return question.statement ? statedAnswer(question, question.statement, answers, w, wants) : quotedAnswer(question, answers, w, wants);
  };
  const level = (name: Text, level: number | null, needs: number | undefined, reach?: number, mayChange?: boolean): Text => {
    const said = level === null ? fill(p.criterionFactNotJudged!, { name }) : fill(p[level >= 1 ? 'criterionFactLevel' : 'criterionFactLevelNotYet']!, { name, level });
    if (needs === undefined) return said;
    // undecided: the level its open requirements could give, were they met (a section: that it may change)
    const asked = reach !== undefined ? fill(p.criterionCouldReach!, { needs, reach }) : mayChange && level !== null ? fill(p.criterionMayChange!, { needs }) : fill(p.criterionNeeds!, { needs });
    return joinTexts([said, asked], { zh: '', en: '' });
  };
  switch (f.kind) {
    case 'subdomain': {
      const sub = subdomainResult(r, f.id);
      return sub ? level(sub.name, sub.judged ? sub.level : null, f.needs, f.couldReach) : undefined;
    }
    case 'section': {
      const sec = r.sections.find((s) => s.id === f.id);
      // without a stated level the report gives no section a level either, nor to a section with no scored answer
      return sec ? level(sec.title, r.maturity.level === null || sec.answered === false ? null : sec.level, f.needs, undefined, f.mayChange) : undefined;
    }
    case 'maturity':
      return level(p.criterionMaturity!, r.maturity.level, f.needs);
    case 'indicator': {
      const i = r.indicators.find((x) => x.id === f.id);
      if (!i) return undefined;
      if (typeof i.value !== 'number') return fill(p.criterionFactNoValue!, { title: i.title });
      const said = fill(p.criterionFactIndicator!, { title: i.title, value: indicatorValue(i) });
      return i.met === false && i.target !== undefined ? joinTexts([said, fill(p.criterionTarget!, { target: indicatorTarget(i) })], { zh: '', en: '' }) : said;
    }
    case 'question':
      return answer(f.id, f.wants);
    case 'open': {
      // a few open requirements as they were answered; many, by their number
      if (f.questions.length <= 3) return f.questions.flatMap((x) => answer(x.id) ?? []);
      const sub = subdomainResult(r, f.subdomain);
      return sub ? fill(p.criterionOpenMany!, { name: sub.name, count: f.questions.length }) : undefined;
    }
    case 'anyOf': {
      const groups = f.groups.flatMap((g) => factsText(g, r, q, answers, w, { zh: '、', en: ', ' }) ?? []);
      return groups.length ? fill(p.criterionAnyOf!, { groups: joinTexts(groups, { zh: '】或【', en: '] or [' }) }) : undefined;
    }
  }
}

/**
 * An answer as the question's statement says it (`Question.statement`): a yes/no answer by its own statement, with what
 * a criterion asking for the other needs ("未使用制造执行系统（MES）（条件要求在用）"); one not given (don't know, not
 * answered) beside the statement the criterion asks for ("在用仓储管理系统（WMS）：不清楚"); any other answer after its
 * label ("已联网并采集数据的数字化设备：0 台（套）"; a level's after the option's words), with the value a criterion asks of it.
 */
function statedAnswer(question: Question, statement: Text | BooleanStatement, answers: Answers, w: Wording, wants: string | number | boolean | undefined): Text {
  const p = w.phrases;
  if (!('yes' in statement)) {
    const said = leveledAnswer(question, statement, answers, w) ?? fill(p.criterionStated!, { label: statement, answer: answerText(question, answers, w) });
    return wants === undefined || answeredAs(question, answers, wants) ? said : fill(p.criterionStatedWants!, { said, wants: showAnswer(question, { status: 'answered', value: wants }) });
  }
  const r = answers.resolved.get(question.id);
  const asked = wants === undefined ? undefined : wants === true;
  if (r?.status !== 'answered' || typeof r.value !== 'boolean') return fill(p.criterionStated!, { label: asked === false ? statement.no : statement.yes, answer: answerText(question, answers, w) });
  const said = r.value ? statement.yes : statement.no;
  if (asked === undefined || asked === r.value) return said;
  return fill(p.criterionStatedNeeds!, { said, needs: (asked ? statement.needs?.yes : statement.needs?.no) ?? (asked ? statement.yes : statement.no) });
}

/** A level question's answer after its label, the option's words first and its level after: 工厂网络现状：办公网络，车间网络在规划（1 级）. */
function leveledAnswer(question: Question, label: Text, answers: Answers, w: Wording): Text | undefined {
  const r = answers.resolved.get(question.id);
  const option = question.type === 'level' && r?.status === 'answered' ? question.options?.find((o) => o.value === r.value) : undefined;
  return option ? fill(w.phrases.criterionStatedLevel!, { label, answer: option.label, level: option.level ?? 0 }) : undefined;
}

/** An answer after its question, quoted as it was asked, with the value a criterion asks of it: “是否在用 WMS？”：否（需为“是”）. */
function quotedAnswer(question: Question, answers: Answers, w: Wording, wants: string | number | boolean | undefined): Text {
  const said = fill(w.phrases.criterionFactAnswer!, { question: question.text, answer: answerText(question, answers, w) });
  // the answer, and the value the criterion asks of it as the respondent would recognise it ("否（需为“是”）")
  return wants === undefined ? said : fill(w.phrases.criterionFactWants!, { said, wants: showAnswer(question, { status: 'answered', value: wants }) });
}

/** Whether the plant gave the answer a criterion asks for (then said without what it asks). */
function answeredAs(question: Question, answers: Answers, wants: string | number | boolean): boolean {
  const r = answers.resolved.get(question.id);
  return r?.status === 'answered' && r.value === wants;
}
