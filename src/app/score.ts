import type { Profile } from '../core/profile.js';
import type { Questionnaire } from '../core/questionnaire.js';
import { buildResult, type ScoreResult } from '../core/result.js';
import type { TargetsDef } from '../core/targets.js';
import type { Definitions } from '../io/definitions.js';
import type { Plant } from './plant.js';

export interface ScoringRequest {
  /** A scoring profile id or path (default: the bundled default). */
  profile?: string | undefined;
  /** A target profile id or path (default: the bundled default). */
  targets?: string | undefined;
}

export async function scoringSetup(defs: Definitions, q: Questionnaire, req: ScoringRequest = {}): Promise<{ profile: Profile; targets: TargetsDef }> {
  const profile = await defs.profile(req.profile);
  const targets = await defs.targets(req.targets);
  return { profile, targets };
}

/** Score one plant: maturity, sections, sub-domains, indicators against targets, and which answers move the level. */
export async function scorePlant(defs: Definitions, plant: Plant, req: ScoringRequest = {}): Promise<ScoreResult> {
  const { profile, targets } = await scoringSetup(defs, plant.questionnaire, req);
  const checks = await defs.checksFor(plant.questionnaire);
  return buildResult(plant.questionnaire, plant.answers, profile, targets, { sensitivity: true, checks });
}
