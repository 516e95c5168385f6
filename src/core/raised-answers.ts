/** The answers as a plan's completed projects would raise them (what the roadmap's projections score). Pure. */
import { computeVisibility, type Answers } from './answers.js';
import type { Resolved } from './answer-value.js';
import { evaluate, type Scope } from './expression/evaluate.js';
import { QuestionMap } from './question-map.js';
import type { Questionnaire } from './questionnaire.js';
import type { Raising } from './rules-def.js';
import type { AnswerValue, Question } from './types.js';

const REQUIREMENT_ORDER = ['none', 'partial', 'mostly', 'full'];

/** The better of two answers to a question (a projection only ever improves an answer). */
function better(question: Question | undefined, current: AnswerValue, raised: AnswerValue): AnswerValue {
  if (current === null || current === undefined) return raised;
  if (!question) return raised;
  switch (question.type) {
    case 'number':
    case 'percent':
      return typeof current === 'number' && typeof raised === 'number' ? Math.max(current, raised) : raised;
    case 'boolean':
      return current === true || raised === true;
    case 'requirement':
      return REQUIREMENT_ORDER.indexOf(String(raised)) > REQUIREMENT_ORDER.indexOf(String(current)) ? raised : current;
    case 'multi': {
      const a = Array.isArray(current) ? current : [current];
      const b = Array.isArray(raised) ? raised : [raised];
      return [...new Set([...a, ...b].map(String))];
    }
    default: {
      const level = (v: AnswerValue) => question.options?.find((o) => o.value === v)?.level;
      const lc = level(current);
      const lr = level(raised);
      return lc !== undefined && lr !== undefined && lr < lc ? current : raised;
    }
  }
}

/** The answers once the given projects are complete: each `raises` applied as an improvement, visibility recomputed. */
export function raisedAnswers(q: Questionnaire, answers: Answers, done: readonly Raising[], scope: Scope): Answers {
  // a copy of the plant's answers by question index (a Map of every question per phase otherwise)
  const base = answers.resolved;
  const indexed = base instanceof QuestionMap ? (base as QuestionMap<Resolved>).copy() : undefined;
  const resolved: ReadonlyMap<string, Resolved> = indexed ?? new Map<string, Resolved>(base);
  const put = (id: string, r: Resolved) => (indexed ? indexed.put(id, r) : (resolved as Map<string, Resolved>).set(id, r));
  const changed: string[] = [];
  for (const project of done) {
    for (const { question, value } of project.raises) {
      const current = resolved.get(question);
      if (current?.status === 'na') continue; // what does not apply to the plant is not raised
      const v = typeof value === 'object' && value !== null ? (evaluate(value, scope) as AnswerValue) : (value as AnswerValue);
      if (v === null || v === undefined) continue;
      put(question, { status: 'answered', value: better(q.byId.get(question), current?.status === 'answered' ? current.value : null, v) });
      changed.push(question);
    }
  }
  // only the questions that depend on a raised answer can be seen differently
  const visibility = changed.length ? computeVisibility(q, answers.file, resolved, { before: answers.visibility, changed }) : answers.visibility;
  return { file: answers.file, resolved, visibility };
}
