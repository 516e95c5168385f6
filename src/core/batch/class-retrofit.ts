/**
 * The retrofit status of the companies of each enterprise class (A/B/C) against the plan's goal for it: all class A
 * and half of class B companies retrofitting within its three years (郑政文〔2018〕168号 四(一)).
 */
import type { PolicyDef } from '../policy.js';
import { r4 } from '../result.js';
import type { Text } from '../types.js';
import { isHistoricalTarget } from '../targets.js';
import { judged, withheldBelow, type Withheld } from './verdict.js';

export interface ClassRetrofit {
  class: string;
  companies: number;
  /** The counts per retrofit status and the share: null when withheld. */
  retrofitting: number | null;
  inProgress: number | null;
  done: number | null;
  planned: number | null;
  none: number | null;
  unknown: number | null;
  share: number | null;
  /** The plan's goal for the class (郑政文〔2018〕168号 四(一): all class A and half of class B companies retrofitting within three years); null without one. */
  goal: number | null;
  /** The document and section that set the goal, its name and the companies it is over. */
  goalSource?: string;
  goalTitle?: Text;
  goalPopulation?: Text;
  goalMet: boolean | null;
  /** Fewer companies of the class than the minimum group size: only their number is published, no count, share or verdict. */
  withheld?: Withheld;
  /** Why the goal is not judged although the share is published (`sample-all`: a goal for every company of the class, all of the batch's meeting it). */
  goalWithheld?: Withheld;
  /** The year the goal is set for (the plan's three years, 2018–2020). */
  goalYear?: number;
  /** The goal's year is before the first submission of the batch: goalMet is a historical reference only. */
  historical?: boolean;
  /** No verdict because the companies that did not state their status could tip it either way (classGoalMet). */
  undetermined?: true;
}

/**
 * Whether a class meets its goal, given the companies that did not state a retrofit status: met when it does even
 * if none of them retrofits, missed when it does not even if all of them do, else undetermined (null). One company
 * stating "retrofitting" of six, five unstated, is not "0 % of class B, missed".
 */
export function classGoalMet(retrofitting: number, unknown: number, companies: number, goal: number): boolean | null {
  if (!companies) return null;
  if (retrofitting / companies >= goal) return true;
  if ((retrofitting + unknown) / companies < goal) return false;
  return null;
}

/**
 * The verdict on the plan's goal for a class, from the batch's companies of it (classGoalMet), and why there is none.
 * A goal for a share of the class (half of class B) is judged on the batch's share, as every regional figure is. A
 * goal for every company of the class (all of class A) is no share to estimate: a company of the batch that states it
 * is not retrofitting shows the goal missed, but the batch's companies all retrofitting do not show that the class's
 * other companies are (`sample-all`; only a census of the class could). Too few companies: small-group.
 */
export function classVerdict(retrofitting: number, unknown: number, companies: number, goal: number, minGroupSize: number): { met: boolean | null; withheld?: Withheld; undetermined?: true } {
  const met = classGoalMet(retrofitting, unknown, companies, goal);
  if (met === null) return companies ? { met: null, undetermined: true } : { met: null };
  const verdict = judged(companies, minGroupSize, met);
  return verdict.met === true && goal >= 1 ? { met: null, withheld: 'sample-all' } : verdict;
}

/** A class's goal as the action plan's data states it (a count target with an `enterpriseClass`). */
export interface ClassGoal {
  class: string;
  /** The share of the class's companies to be retrofitting. */
  value: number;
  /** The year it is due (the target's `by`). */
  year?: number;
  /** The document and section that set it: 郑政文〔2018〕168号 四(一). */
  source: string;
  /** The target's name and the companies it is over, as the action plan's data states them. */
  title?: Text;
  population?: Text;
}

/** The class goals of an action plan: its count targets for an enterprise class (none without a plan). */
export function classGoalsOf(policy: Pick<PolicyDef, 'document' | 'countTargets'> | undefined): ClassGoal[] {
  return (policy?.countTargets ?? []).flatMap((t) =>
    t.enterpriseClass
      ? [{ class: t.enterpriseClass, value: typeof t.value === 'number' ? t.value : t.value.min, ...(t.by !== undefined ? { year: t.by } : {}), source: `${policy!.document} ${t.section}`, title: t.title, population: t.population }]
      : [],
  );
}

export function classRetrofit(counts: ReadonlyMap<string, Record<string, number>>, minGroupSize: number, goals: readonly ClassGoal[], surveyYear?: number): ClassRetrofit[] {
  return [...counts.keys()].sort().map((cls) => {
    const c = counts.get(cls)!;
    const n = (k: string) => c[k] ?? 0;
    const companies = Object.values(c).reduce((a, b) => a + b, 0);
    const retrofitting = n('in-progress') + n('done');
    const g = goals.find((x) => x.class === cls);
    const goal = g?.value ?? null;
    // the statuses break the class's companies down: with too few of them only their number is published
    const withheld = withheldBelow(companies, minGroupSize);
    const statuses = withheld
      ? { retrofitting: null, inProgress: null, done: null, planned: null, none: null, unknown: null, share: null }
      : { retrofitting, inProgress: n('in-progress'), done: n('done'), planned: n('planned'), none: n('none'), unknown: n('unknown'), share: companies ? r4(retrofitting / companies) : null };
    const verdict = goal === null ? { met: null } : classVerdict(retrofitting, n('unknown'), companies, goal, minGroupSize);
    // a share the companies without a stated status could tip across the goal is not published (0 % of class B
    // with 11 of 14 unstated reads as a finding): the counts stay, the share is blank
    const undetermined = !withheld && 'undetermined' in verdict;
    if (undetermined) statuses.share = null;
    return {
      class: cls,
      companies,
      ...statuses,
      goal,
      goalMet: verdict.met,
      ...(withheld ? { withheld } : 'withheld' in verdict && verdict.withheld ? { goalWithheld: verdict.withheld } : {}),
      ...(undetermined ? { undetermined: true as const } : {}),
      ...(g ? { goalSource: g.source, ...(g.title ? { goalTitle: g.title } : {}), ...(g.population ? { goalPopulation: g.population } : {}), ...(g.year !== undefined ? { goalYear: g.year, ...(isHistoricalTarget(g.year, surveyYear) ? { historical: true } : {}) } : {}) } : {}),
    };
  });
}
