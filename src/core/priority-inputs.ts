/**
 * What a rule's priority reads from the plant's score (recommend.ts): how far below the next level the sub-domains
 * and indicators it addresses are (`gapOf`), and which requirement questions decide the plant's next level
 * (`nextLevelQuestions`). Pure.
 */
import type { Questionnaire } from './questionnaire.js';
import { subdomainResult, type ScoreResult } from './result.js';
import { firstMissedLevelIndex } from './roadmap.js';
import type { CompiledRule } from './rules-def.js';

export const clamp01 = (x: number) => Math.max(0, Math.min(1, x));

/** How far the plant is from where the rule takes it: the largest gap of the sub-domains and indicators it addresses (0–1). */
export function gapOf(rule: CompiledRule, result: ScoreResult): number {
  const targetLevel = Math.max(2, Math.min(5, (result.maturity.level ?? 0) + 1));
  let gap = 0;
  for (const id of rule.def.addresses) {
    const s = subdomainResult(result, id); // tailored-out sub-domains have no gap
    if (s) gap = Math.max(gap, clamp01((targetLevel - s.score) / targetLevel));
  }
  for (const id of rule.def.indicators ?? []) {
    const i = result.indicators.find((x) => x.id === id);
    if (i && i.met === false && i.gap !== null && i.gap !== undefined && i.target) gap = Math.max(gap, clamp01(i.gap / i.target));
  }
  return gap;
}

/**
 * The requirement questions of the first level the plant does not pass (the next level, or level 1 for a plant not
 * yet there) in the sub-domains that score below the pass threshold at that level: a project raising one of them
 * moves the plant towards its next level, which the plan should do first.
 */
export function nextLevelQuestions(q: Questionnaire, result: ScoreResult): Set<string> {
  const out = new Set<string>();
  const i = firstMissedLevelIndex(result);
  if (i < 0) return out;
  const threshold = result.scoring.passThreshold;
  for (const question of requirementQuestionsAt(q, i + 1)) {
    const score = subdomainResult(result, question.subdomain)?.levelScores[i];
    if (score !== null && score !== undefined && score < threshold) out.add(question.id);
  }
  return out;
}

/** The requirement questions of each level that belong to a sub-domain, in questionnaire order; prepared once per questionnaire. */
const requirementQuestionsByLevel = new WeakMap<Questionnaire, ReadonlyMap<number, readonly { id: string; subdomain: string }[]>>();

function requirementQuestionsAt(q: Questionnaire, level: number): readonly { id: string; subdomain: string }[] {
  let byLevel = requirementQuestionsByLevel.get(q);
  if (!byLevel) {
    const prepared = new Map<number, { id: string; subdomain: string }[]>();
    for (const question of q.questions) {
      if (question.type !== 'requirement' || question.level === undefined || !question.subdomain) continue;
      const list = prepared.get(question.level) ?? [];
      list.push({ id: question.id, subdomain: question.subdomain });
      prepared.set(question.level, list);
    }
    requirementQuestionsByLevel.set(q, prepared);
    byLevel = prepared;
  }
  return byLevel.get(level) ?? [];
}
