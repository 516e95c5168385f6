/**
 * For a plant whose goal is a recognition (智能车间, 智能工厂…): each declaration criterion it does not meet today that
 * the plan would meet, projected as the levels are (the answers as the phases' projects would raise them), with the
 * phase after which it is first met and the projects it rests on there — those without which (and without the
 * projects waiting for them) the plan would not meet it by then. Which projects matter for the recognition, read
 * from the plant's own projection, not from the rules' tags. Pure.
 */
import type { Answers } from './answers.js';
import { BASE_FUNCTIONS } from './expression/evaluate.js';
import { collectRefs, type Node } from './expression/parse.js';
import type { Profile } from './profile.js';
import type { Questionnaire } from './questionnaire.js';
import { metCriteria, type ReadinessResult } from './readiness.js';
import { RESULT_NAMES } from './readiness-known.js';
import type { ReadinessProfile } from './readiness-def.js';
import type { Recommendation } from './recommendation.js';
import type { Roadmap } from './roadmap.js';
import { scoringPlan } from './scoring-plan.js';

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
  /** The profile the projections are scored with: with it, a projection that leaves what a criterion reads as it was is not scored. */
  scoringProfile?: Profile,
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
  const industry = phases[0]!.answers.file.respondent.industry;
  const readsOf = (when: Node | undefined) => (when && scoringProfile ? conditionReads(when, q, scoringProfile, industry) : undefined);
  for (const profile of profiles) {
    const today = now.find((r) => r.id === profile.def.id);
    const open = today?.criteria.filter((c) => c.status !== 'met' && c.status !== 'not-assessable') ?? [];
    if (!open.length) continue;
    // only whether a criterion is met is read here, never why another is not
    const byPhase = phases.map((p) => metCriteria(profile, q, p.result, p.answers));
    const gained = open.filter((c) => byPhase[byPhase.length - 1]!.has(c.id));
    if (!gained.length) continue;
    const assessed = new Map<string, Set<string>>();
    const assessedWithout = (id: string, phase: number) => {
      const key = `${phase}\u0000${id}`;
      let r = assessed.get(key);
      if (!r) {
        const p = projectionWithout(id, phase);
        assessed.set(key, (r = metCriteria(profile, q, p.result, p.answers)));
      }
      return r;
    };
    // Met after phase `at` with every project: without one it is met still when what it reads is as it was (most
    // projects raise answers of other sub-domains), and then the projection without it is not scored.
    const metWithout = (id: string, at: number, c: { id: string }, reads: ReadonlySet<string> | undefined) =>
      reads && sameOn(reads, projectionWithout(id, at).answers, phases[at]!.answers) ? true : assessedWithout(id, at).has(c.id);
    const whenOf = new Map(profile.criteria.map((x) => [x.def.id, x.when]));
    const ordered = gained.map((c) => ({ c, at: byPhase.findIndex((met) => met.has(c.id)) })).sort((a, b) => a.at - b.at);
    out.set(
      profile.def.id,
      ordered.map(({ c, at }) => {
        const reads = readsOf(whenOf.get(c.id));
        return { id: c.id, phase: order[at]!, needs: inPeriod.filter((r) => order.indexOf(r.phase) <= at && !metWithout(r.id, at, c, reads)).map((r) => r.id) };
      }),
    );
  }
  return out;
}

/**
 * The questions whose answers (value, status, visibility) a criterion's condition can read through the plant's
 * scope (rule-scope.ts), or undefined when it may read more than these: the overall level or score (every question),
 * a call whose argument is not written out, or a function not known here. A sub-domain's level and score rest on the
 * answers scored in it alone, a section's on those of its sub-domains, an indicator's on the answers its formula
 * reads (scoring.ts, scoring-sums.ts, indicators.ts). Two projections that agree on these questions give the
 * condition the same value; a test compares the gains with and without this shortcut on real plants.
 */
export function conditionReads(when: Node, q: Questionnaire, profile: Profile, industry: Answers['file']['respondent']['industry']): Set<string> | undefined {
  const reads = new Set<string>();
  const plan = scoringPlan(q, profile, industry);
  const mapping = profile.def.subdomainMapping;
  // the identifiers of a tree, and the questions its calls read; false when one reads what is not followed here
  const add = (node: Node): boolean => {
    const refs = collectRefs(node);
    for (const { name } of refs.ids) {
      if (RESULT_NAMES.has(name)) return false;
      reads.add(name);
    }
    for (const call of refs.calls) {
      // functions of their arguments alone (read above), and the plant's sector (its file, the same in every projection)
      if (BASE_FUNCTIONS.has(call.name) || call.name === 'sector_in') continue;
      const arg = call.args.length === 1 && call.args[0]!.t === 'lit' && typeof call.args[0]!.v === 'string' ? call.args[0]!.v : undefined;
      if (arg === undefined) return false;
      if (call.name === 'level' || call.name === 'score') {
        // subdomainResult: the sub-domain by its id, else the one the profile maps it to
        const subs = new Set([arg, mapping?.[arg]]);
        for (const item of plan.items) if (item.sub >= 0 && subs.has(plan.subdomains[item.sub]!.id)) reads.add(item.question.id);
      } else if (call.name === 'section') {
        for (const item of plan.items) if (plan.sections[item.section]?.id === arg) reads.add(item.question.id);
      } else if (call.name === 'indicator' || call.name === 'met' || call.name === 'missed' || call.name === 'gap') {
        const ind = q.indicators.find((i) => i.def.id === arg);
        if (!ind || !add(ind.ast)) return false;
      } else if (ANSWER_FUNCTIONS.has(call.name)) reads.add(arg);
      else return false;
    }
    return true;
  };
  return add(when) ? reads : undefined;
}
/** The scope's functions that read one answer, named by their argument (checks.ts, checkScope). */
const ANSWER_FUNCTIONS: ReadonlySet<string> = new Set(['answered', 'unknown', 'known', 'na', 'level_of', 'score_of']);

/** Whether two plants' answers agree on these questions: the same status, value and visibility. */
function sameOn(ids: ReadonlySet<string>, a: Answers, b: Answers): boolean {
  for (const id of ids) {
    if (a.visibility.get(id) !== b.visibility.get(id)) return false;
    const x = a.resolved.get(id);
    const y = b.resolved.get(id);
    if (x === y) continue;
    if (!x || !y || x.status !== y.status || !sameValue(x.value, y.value)) return false;
  }
  return true;
}
const sameValue = (x: unknown, y: unknown): boolean =>
  x === y || (Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((v, i) => v === y[i]));
