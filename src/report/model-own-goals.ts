/**
 * What the plant set itself in its own words, against the plan (the plant's own report only): the figures it set for
 * a ratio indicator and where it stands today, and the time limits its goals set against the phase of the project
 * each asks for (model-plan.ts reads them into the plan's introduction).
 */
import { deadlineFit, type DeadlineFit } from '../core/own-deadline.js';
import type { OwnTarget } from '../core/own-target.js';
import type { Questionnaire } from '../core/questionnaire.js';
import type { RetrofitPlan } from '../core/recommend.js';
import type { Text } from '../core/types.js';
import { fill, joinTexts, type Wording } from '../core/wording.js';
import { pct, points, same } from './format.js';

/** The plant's words quoted, without a closing full stop (the sentence around them has one). */
export const own = (text: string): Text => same(text.replace(/[。．.；;，,\s]+$/u, ''));

/**
 * For each figure the plant set itself for a ratio indicator, where it stands today, and for a count over a count, the
 * least count that meets it ("12 道中需至少 8 道，即再增加 3 道").
 */
export function ownTargetLines(plan: RetrofitPlan, w: Wording, q: Questionnaire): Text[] {
  const p = w.phrases;
  const out: Text[] = [];
  for (const t of plan.ownTargets ?? []) {
    const args = { goal: own(t.goal), target: same(pct(t.target).replace('.0%', '%')), cmp: t.strict ? p.ownTargetAbove! : p.ownTargetReach! };
    if (t.now === null) out.push(fill(p.ownTargetUnknown!, args));
    else if (t.met) out.push(fill(p.ownTargetMet!, { ...args, now: same(pct(t.now)) }));
    else {
      const counts = countsStillNeeded(t, q);
      if (counts) out.push(fill(p.ownTargetCounts!, { ...args, now: same(pct(t.now)), ...counts }));
      else out.push(fill(p.ownTargetGap!, { ...args, now: same(pct(t.now)), gap: same(points(t.target - t.now)) }));
    }
  }
  return out;
}

/**
 * A figure the plant set that a count over a count reaches and that is not met today: the counts, how many more it
 * takes and the question's unit (“12 道中需至少 8 道，即再增加 3 道”); the figure line and the deadline line read it.
 */
function countsStillNeeded(t: OwnTarget, q: Questionnaire): { have: number; total: number; needed: number; more: number; unit: Text } | undefined {
  if (t.met || t.now === null || !t.counts || t.counts.needed > t.counts.total) return undefined;
  const { have, total, needed, unitOf } = t.counts;
  return { have, total, needed, more: needed - have, unit: q.byId.get(unitOf)?.unit ?? same('') };
}

/** For each goal in the plant's words that sets a time limit, whether the project it asks for lands in time. */
export function deadlineLines(plan: RetrofitPlan, w: Wording, q: Questionnaire): Text[] {
  const p = w.phrases;
  const out: Text[] = [];
  // the goals quoted by the lines before (the plant's own figures), and by this one's earlier lines
  const quoted = new Set((plan.ownTargets ?? []).map((t) => t.goal));
  const phrase: Record<DeadlineFit, Text> = { 'in-time': p.ownDeadlineInTime!, 'may-miss': p.ownDeadlineMayMiss!, late: p.ownDeadlineLate!, 'beyond-plan': p.ownDeadlineBeyondPlan! };
  for (const d of plan.ownDeadlines ?? []) {
    const limit = d.deadline.year !== undefined ? fill(p.deadlineYear!, { year: d.deadline.year }) : fill(p.deadlineMonths!, { months: d.deadline.months });
    for (const id of d.projects) {
      const r = plan.recommendations.find((x) => x.id === id);
      if (!r) continue;
      const fit = deadlineFit(r.phase, d.deadline);
      // a goal the line just above quoted already (its own figure) is not quoted again
      const what = quoted.has(d.goal) ? p.ownGoalSame! : fill(p.ownGoalQuoted!, { goal: own(d.goal) });
      quoted.add(d.goal);
      const said = fill(phrase[fit], { what, limit, title: r.title, phase: w.phases[r.phase]! });
      // in time, but the figure the same goal sets is met only if the project covers enough (“再增加 3 道”)
      const target = fit === 'in-time' ? plan.ownTargets?.find((t) => t.goal === d.goal) : undefined;
      const counts = target && countsStillNeeded(target, q);
      out.push(counts && counts.more > 0 ? joinTexts([said, fill(p.ownDeadlineCovers!, { more: counts.more, unit: counts.unit })], { zh: '', en: ' ' }) : said);
    }
  }
  return out;
}
