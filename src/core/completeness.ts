import type { Answers } from './answers.js';
import type { Questionnaire } from './questionnaire.js';

/** Share of visible, applicable questions answered (`unknown` counts as answered; `n/a` leaves the denominator). */
export function completeness(q: Questionnaire, a: Answers): { answered: number; total: number; share: number; unanswered: string[] } {
  let answered = 0;
  let total = 0;
  const unanswered: string[] = [];
  for (const question of q.questions) {
    if (a.visibility.get(question.id) !== 'visible') continue;
    const r = a.resolved.get(question.id);
    if (r?.status === 'na') continue;
    total++;
    if (r && r.status !== 'unanswered') answered++;
    else unanswered.push(question.id);
  }
  return { answered, total, share: total === 0 ? 1 : answered / total, unanswered };
}
