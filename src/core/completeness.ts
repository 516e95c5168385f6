import { questionIds, type Answers } from './answers.js';
import { valueAt } from './question-map.js';
import type { Questionnaire } from './questionnaire.js';

/**
 * Share of visible, applicable questions answered (`unknown` counts as answered; `n/a` leaves the denominator, and so
 * does an optional question left unanswered).
 */
export function completeness(q: Questionnaire, a: Answers): { answered: number; total: number; share: number; unanswered: string[] } {
  let answered = 0;
  let total = 0;
  const unanswered: string[] = [];
  const ids = questionIds(q);
  for (let i = 0; i < q.questions.length; i++) {
    const question = q.questions[i]!;
    if (valueAt(a.visibility, ids, question.id, i) !== 'visible') continue;
    const r = valueAt(a.resolved, ids, question.id, i);
    if (r?.status === 'na') continue;
    const given = r !== undefined && r.status !== 'unanswered';
    // an optional question left unanswered asks nothing more of the plant
    if (!given && question.optional) continue;
    total++;
    if (given) answered++;
    else unanswered.push(question.id);
  }
  return { answered, total, share: total === 0 ? 1 : answered / total, unanswered };
}
