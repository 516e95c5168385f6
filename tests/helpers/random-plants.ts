// Random plants for the differential tests of the scorer (tests/unit/scoring-tree.test.ts, scoring-differential-10k.test.ts).
import { computeVisibility, type Answers } from '../../src/core/answers';
import type { Resolved } from '../../src/core/answer-value';
import type { Questionnaire } from '../../src/core/questionnaire';
import type { AnswerFile, Industry, Question } from '../../src/core/types';

/** Random answers for every question of a questionnaire (built directly, without a file: fast enough for thousands). */
export function randomAnswers(q: Questionnaire, seed: number, industry: Industry): Answers {
  let x = seed >>> 0 || 1;
  const rnd = () => ((x = (x * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  // A plant's overall strength, so that random plants spread over the levels instead of all sitting at level 0–1.
  const strength = rnd();
  const near = <T,>(xs: readonly T[]): T => xs[Math.max(0, Math.min(xs.length - 1, Math.round(strength * (xs.length - 1) + (rnd() - 0.5) * 2)))]!;
  const resolved = new Map<string, Resolved>();
  for (const question of q.questions) {
    const roll = rnd();
    if (roll < 0.1) resolved.set(question.id, { status: 'unanswered', value: null });
    else if (roll < 0.15) resolved.set(question.id, { status: 'unknown', value: null });
    else if (roll < 0.2 && question.allowNA) resolved.set(question.id, { status: 'na', value: null });
    else resolved.set(question.id, { status: 'answered', value: randomValue(question, pick, near, rnd) });
  }
  const file: AnswerFile = { questionnaire: q.def.id, version: q.def.version, respondent: { company: 'R', industry }, answers: {} };
  return { file, resolved, visibility: computeVisibility(q, file, resolved) };
}
function randomValue(question: Question, pick: <T>(xs: readonly T[]) => T, near: <T>(xs: readonly T[]) => T, rnd: () => number): Resolved['value'] {
  switch (question.type) {
    case 'level':
      return near([...question.options!].sort((a, b) => a.level! - b.level!).map((o) => o.value));
    case 'single':
      return pick(question.options!.map((o) => o.value));
    case 'requirement':
      return near(['none', 'partial', 'mostly', 'full']);
    case 'boolean':
      return near([false, true]);
    case 'multi':
      return [pick(question.options!.map((o) => o.value))];
    case 'percent':
      return Math.round(rnd() * 100) / 100;
    case 'number':
      return Math.floor(rnd() * 50);
    default:
      return 'x';
  }
}
