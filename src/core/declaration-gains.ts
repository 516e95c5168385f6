/**
 * For a plant whose goal is a recognition (智能车间, 智能工厂…): each declaration criterion it does not meet today that
 * the plan would meet, projected as the levels are (the answers as the phases' projects would raise them), with the
 * phase after which it is met and the projects it rests on — those without which the whole plan would not meet it.
 * Which projects matter for the recognition, read from the plant's own projection, not from the rules' tags. Pure.
 */
import type { Questionnaire } from './questionnaire.js';
import { assessReadiness, type ReadinessResult } from './readiness.js';
import type { ReadinessProfile } from './readiness-def.js';
import type { Recommendation } from './recommendation.js';
import type { Roadmap } from './roadmap.js';

export interface CriterionGain {
  /** The criterion's id in its profile. */
  id: string;
  /** The first phase after which the projection meets it. */
  phase: string;
  /** The projects of the plan period without which the plan would not meet it (none: no single one is needed). */
  needs: string[];
}

/** Per declaration profile (by id), its criteria the plan gains; profiles with none are left out. */
export function declarationGains(
  profiles: readonly ReadinessProfile[],
  now: readonly ReadinessResult[],
  q: Questionnaire,
  roadmap: Roadmap,
  plan: readonly Recommendation[],
): Map<string, CriterionGain[]> {
  const out = new Map<string, CriterionGain[]>();
  const phases = roadmap.afterPhases;
  const without = roadmap.afterPlanWithout;
  if (!phases?.length || !without) return out;
  const inPeriod = plan.filter((r) => r.phase !== 'later');
  const projections = new Map<string, ReturnType<typeof without>>();
  const projectionWithout = (id: string) => {
    let p = projections.get(id);
    if (!p) projections.set(id, (p = without(id)));
    return p;
  };
  for (const profile of profiles) {
    const today = now.find((r) => r.id === profile.def.id);
    const open = today?.criteria.filter((c) => c.status !== 'met' && c.status !== 'not-assessable') ?? [];
    if (!open.length) continue;
    const byPhase = phases.map((p) => assessReadiness(profile, q, p.result, p.answers));
    const metIn = (r: ReadinessResult, id: string) => r.criteria.find((c) => c.id === id)?.status === 'met';
    const gained = open.filter((c) => metIn(byPhase[byPhase.length - 1]!, c.id));
    if (!gained.length) continue;
    const lacking = new Map<string, ReadinessResult>();
    const assessedWithout = (id: string) => {
      let r = lacking.get(id);
      if (!r) {
        const p = projectionWithout(id);
        lacking.set(id, (r = assessReadiness(profile, q, p.result, p.answers)));
      }
      return r;
    };
    // in the order the plan meets them (by phase; the profile's order within a phase)
    const firstPhase = (id: string) => byPhase.findIndex((r) => metIn(r, id));
    const ordered = gained.map((c) => ({ c, at: firstPhase(c.id) })).sort((a, b) => a.at - b.at);
    out.set(
      profile.def.id,
      ordered.map(({ c, at }) => ({ id: c.id, phase: roadmap.phases[at]!.id, needs: inPeriod.filter((r) => !metIn(assessedWithout(r.id), c.id)).map((r) => r.id) })),
    );
  }
  return out;
}
