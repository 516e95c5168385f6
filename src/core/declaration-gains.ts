/**
 * For a plant whose goal is a recognition (智能车间, 智能工厂…): each declaration criterion it does not meet today that
 * the plan would meet, projected as the levels are (the answers as the phases' projects would raise them), with the
 * phase after which it is first met and the projects it rests on there — those without which (and without the
 * projects waiting for them) the plan would not meet it by then. Which projects matter for the recognition, read
 * from the plant's own projection, not from the rules' tags. Pure.
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
  /** The projects of that phase and before without which it would not be met then (none: no single one is needed). */
  needs: string[];
}

/** Per declaration profile (by id), its criteria the plan gains, in the order the plan meets them; profiles with none are left out. */
export function declarationGains(
  profiles: readonly ReadinessProfile[],
  now: readonly ReadinessResult[],
  q: Questionnaire,
  roadmap: Roadmap,
  plan: readonly Recommendation[],
): Map<string, CriterionGain[]> {
  const out = new Map<string, CriterionGain[]>();
  const phases = roadmap.afterPhases;
  const without = roadmap.afterPhaseWithout;
  if (!phases?.length || !without) return out;
  const order: string[] = roadmap.phases.map((p) => p.id);
  const inPeriod = plan.filter((r) => r.phase !== 'later');
  // a project left out takes those waiting for it (directly or not) with it
  const leftOut = (id: string): Set<string> => {
    const ids = new Set([id]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const r of inPeriod) if (!ids.has(r.id) && r.prerequisites.some((p) => ids.has(p))) grew = ids.add(r.id).size > 0;
    }
    return ids;
  };
  const projections = new Map<string, ReturnType<typeof without>>();
  const projectionWithout = (id: string, phase: number) => {
    const key = `${phase}\u0000${id}`;
    let p = projections.get(key);
    if (!p) projections.set(key, (p = without(leftOut(id), phase)));
    return p;
  };
  const metIn = (r: ReadinessResult, id: string) => r.criteria.find((c) => c.id === id)?.status === 'met';
  for (const profile of profiles) {
    const today = now.find((r) => r.id === profile.def.id);
    const open = today?.criteria.filter((c) => c.status !== 'met' && c.status !== 'not-assessable') ?? [];
    if (!open.length) continue;
    const byPhase = phases.map((p) => assessReadiness(profile, q, p.result, p.answers));
    const gained = open.filter((c) => metIn(byPhase[byPhase.length - 1]!, c.id));
    if (!gained.length) continue;
    const assessed = new Map<string, ReadinessResult>();
    const assessedWithout = (id: string, phase: number) => {
      const key = `${phase}\u0000${id}`;
      let r = assessed.get(key);
      if (!r) {
        const p = projectionWithout(id, phase);
        assessed.set(key, (r = assessReadiness(profile, q, p.result, p.answers)));
      }
      return r;
    };
    const ordered = gained.map((c) => ({ c, at: byPhase.findIndex((r) => metIn(r, c.id)) })).sort((a, b) => a.at - b.at);
    out.set(
      profile.def.id,
      ordered.map(({ c, at }) => ({
        id: c.id,
        phase: order[at]!,
        needs: inPeriod.filter((r) => order.indexOf(r.phase) <= at && !metIn(assessedWithout(r.id, at), c.id)).map((r) => r.id),
      })),
    );
  }
  return out;
}
