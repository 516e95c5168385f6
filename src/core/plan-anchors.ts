/**
 * What the phasing takes before the projects ranked by priority alone (roadmap.ts): what the plant asked for in its
 * own words, what settles a legal duty its answers show open, and the best project for each goal it chose and each
 * plan target it misses. Pure.
 */
import { dutyFulfillers } from './duty-fulfillers.js';
import { byPriorityThenCost, type Recommendation } from './recommendation.js';
import type { ScoreResult } from './result.js';

/** What the anchors read of a candidate project: its recommendation and the goals its rule serves, in its order. */
interface AnchorCandidate {
  rec: Recommendation;
  rule: { def: { serves?: readonly string[] } };
}

/** What the anchors read of a duty not met (roadmap.ts `Duty`). */
interface OpenDuty {
  notMet?: boolean;
  mostly?: boolean;
  def: { fulfilledBy?: string[] };
  /** Those of them that settle it at this plant (`dutyFulfillers`). */
  fulfilledBy?: readonly string[];
}

/**
 * The projects placed before the others taken by priority, because they answer what the plant asked for or what the
 * law asks of it. `asked`: every project the plant named in its own words, and what these wait for in the plan.
 * `duties`: the projects of the plan that settle a duty the answers show not met or mostly met (not one they cannot
 * tell: that is checked first), with what they wait for; `unmet`: those of them settling a duty shown not met. `all`: those, and for each goal it chose (`priorities`) and
 * each plan target it misses, the project of highest priority that serves it (and is not held back by an open duty;
 * for a goal, one that names it first in its `serves` when there is one),
 * with what it waits for — so that a goal's project does not wait behind a prerequisite taken by priority. Phasing
 * takes `unmet` first, then `asked`, then the rest of `duties`, then the rest of `all`.
 */
export function goalAnchors(
  input: { candidates: readonly AnchorCandidate[]; goals?: readonly string[] | undefined; result: ScoreResult },
  blockedBy: ReadonlyMap<string, string>,
  inPlan: ReadonlyMap<string, Recommendation>,
  waitsFor: (r: Recommendation) => string[],
  openDuties: readonly OpenDuty[],
): { asked: Set<Recommendation>; unmet: Set<Recommendation>; duties: Set<Recommendation>; all: Set<Recommendation> } {
  // what a project waits for in the plan, added to the set it belongs to
  const withPrerequisites = (set: Set<Recommendation>) => {
    const pending = [...set];
    while (pending.length) {
      for (const id of waitsFor(pending.pop()!)) {
        const p = inPlan.get(id)!;
        if (!set.has(p)) pending.push((set.add(p), p));
      }
    }
    return set;
  };
  const asked = new Set<Recommendation>();
  for (const c of input.candidates) if (c.rec.asked && !blockedBy.has(c.rec.id)) asked.add(c.rec);
  withPrerequisites(asked);
  const duties = new Set<Recommendation>();
  const unmet = new Set<Recommendation>();
  for (const m of openDuties) {
    if (!m.notMet && !m.mostly) continue;
    for (const id of dutyFulfillers(m)) {
      const r = inPlan.get(id);
      if (r && !blockedBy.has(id)) (m.notMet ? unmet : duties).add(r);
    }
  }
  withPrerequisites(unmet);
  for (const r of unmet) duties.add(r);
  withPrerequisites(duties);
  const anchors = new Set<Recommendation>([...asked, ...duties]);
  // the first in the plan's order (byPriorityThenCost: a small shop's SaaS kit before its network at the same
  // priority) among the projects that serve and are not held back: one pass, no sort (this runs for every plant of a batch)
  const top = (serves: (c: AnchorCandidate) => boolean) => {
    let best: Recommendation | undefined;
    for (const c of input.candidates) {
      const r = c.rec;
      if (!blockedBy.has(r.id) && serves(c) && (!best || byPriorityThenCost(r, best) < 0)) best = r;
    }
    return best;
  };
  // A goal's project is the one that serves it most directly: first among the projects that name it first in
  // `serves` (robots for hazardous posts serve labour first, the detectors' alarms safety), then among all that serve it.
  for (const goal of input.goals ?? []) {
    const r = top((c) => c.rule.def.serves?.[0] === goal) ?? top((c) => (c.rec.servesPriorities as readonly string[]).includes(goal));
    if (r) anchors.add(r);
  }
  for (const missed of missedTargets(input.result)) {
    const r = top((c) => c.rec.indicators.includes(missed));
    if (r) anchors.add(r);
  }
  return { asked, unmet, duties, all: withPrerequisites(anchors) };
}

/** The plan targets this plant misses on its own (a share of companies is not a plant's target): their indicator ids. */
export function missedTargets(result: ScoreResult): string[] {
  // pushed, not filtered and map()ped (one elements kind however V8 runs this: see result.ts, `packed`)
  const out: string[] = [];
  for (const i of result.indicators) if (i.met === false && !i.countsToward) out.push(i.id);
  return out;
}
