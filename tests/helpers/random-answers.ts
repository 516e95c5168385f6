/** Random answers for every question of a questionnaire, built directly (no file): fast enough for thousands. Used by the scorer differential tests and the recommendation property tests. */
import type { Answers } from '../../src/core/answers';
import { computeVisibility } from '../../src/core/answers';
import type { Resolved } from '../../src/core/answer-value';
import type { Questionnaire } from '../../src/core/questionnaire';
import type { AnswerFile, Industry, Question, Respondent } from '../../src/core/types';

/** A small deterministic generator (LCG), so that a failing seed can be replayed. */
export function lcg(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => (x = (x * 1103515245 + 12345) >>> 0) / 2 ** 32;
}

export function randomAnswers(q: Questionnaire, seed: number, industry: Industry, respondent: Partial<Respondent> = {}): Answers {
  const rnd = lcg(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  // A plant's overall strength, so that random plants spread over the levels instead of all sitting at level 0–1.
  const strength = rnd();
  const near = <T>(xs: readonly T[]): T => xs[Math.max(0, Math.min(xs.length - 1, Math.round(strength * (xs.length - 1) + (rnd() - 0.5) * 2)))]!;
  const resolved = new Map<string, Resolved>();
  for (const question of q.questions) {
    const roll = rnd();
    if (roll < 0.1) resolved.set(question.id, { status: 'unanswered', value: null });
    else if (roll < 0.15) resolved.set(question.id, { status: 'unknown', value: null });
    else if (roll < 0.2 && question.allowNA) resolved.set(question.id, { status: 'na', value: null });
    else resolved.set(question.id, { status: 'answered', value: randomValue(question, pick, near, rnd) });
  }
  const file: AnswerFile = { questionnaire: q.def.id, version: q.def.version, respondent: { company: 'R', industry, ...respondent }, answers: {} };
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
      return [...new Set([pick(question.options!.map((o) => o.value)), pick(question.options!.map((o) => o.value))])];
    case 'percent':
      return Math.round(rnd() * 100) / 100;
    case 'number':
      return Math.floor(rnd() * (question.plausible?.max !== undefined ? Math.min(question.plausible.max, 2000) : 50));
    default:
      return 'x';
  }
}
