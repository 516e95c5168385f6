/**
 * The plant's level under the other scoring profiles that fit its questionnaire. The official weight tables are not
 * available, so the level a report states depends on the scheme and its weights; a second scheme's level says how
 * much. Pure.
 */
import type { Answers } from './answers.js';
import type { Profile } from './profile.js';
import type { Questionnaire } from './questionnaire.js';
import { buildResult, type ScoreResult } from './result.js';
import type { TargetsDef } from './targets.js';
import type { Text } from './types.js';

/** The plant's level and S under another scoring profile. */
export interface OtherScoring {
  profile: string;
  title: Text;
  draft: boolean;
  verified: boolean;
  /** null: too little answered to state a level under it. */
  level: number | null;
  name: Text;
  score: number;
  bands: { level: number; min: number }[];
}

/** A profile scores a questionnaire when every scored question's sub-domain is one of its model's. */
export function profileFits(profile: Profile, q: Questionnaire): boolean {
  const known = profile.model.subdomainIds;
  for (const question of q.questions) if (question.subdomain && !known.has(profile.subdomainOf(question.id, question.subdomain))) return false;
  return true;
}

/** The plant scored under each profile other than the one its result used, that fits the questionnaire. */
export function otherScorings(q: Questionnaire, answers: Answers, used: ScoreResult, profiles: readonly Profile[], targets: TargetsDef): OtherScoring[] {
  const out: OtherScoring[] = [];
  for (const profile of profiles) {
    if (profile.def.id === used.scoring.profile || !profileFits(profile, q)) continue;
    const r = buildResult(q, answers, profile, targets);
    out.push({ profile: r.scoring.profile, title: r.scoring.title, draft: r.scoring.draft, verified: r.scoring.verified, level: r.maturity.level, name: r.maturity.name, score: r.maturity.score, bands: r.scoring.bands });
  }
  return out;
}
