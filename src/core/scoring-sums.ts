/**
 * A plant's answers as the maturity method sums them (scoring.ts): each scored question counted with its value or
 * left out with the reason (collect), the sums by sub-domain × level (Sums), and L_n aggregated along the plan's tree
 * (aggregateLevel, levelScores, effectiveWeights), with the working arrays kept per plan. Pure.
 */
import { hiddenSettled, type Answers } from './answers.js';
import { valueAt } from './question-map.js';
import { LEVELS, type PlanItem, type ScoringPlan } from './scoring-plan.js';

export type ExclusionReason = 'n/a' | 'industry' | 'since' | 'mode' | 'not-applicable' | 'not-in-model';
export interface Exclusion {
  id: string;
  reason: ExclusionReason;
  subdomain?: string;
}

/**
 * A level without any requirement (some sub-domains start at level 2) cannot be failed: it counts as passed (1)
 * when a higher level has requirements, and as 0 above the highest evidenced level.
 */
export function fillUnevidenced(scores: (number | null)[]): number[] {
  const out = new Array<number>(scores.length);
  let later = false;
  for (let i = scores.length - 1; i >= 0; i--) {
    const x = scores[i]!;
    out[i] = x !== null ? x : later ? 1 : 0;
    if (x !== null) later = true;
  }
  return out;
}

/** One included question's contribution: a satisfaction score (requirements) or the level chosen (level questions). */
export interface Counted {
  item: PlanItem;
  /** Requirement/boolean: satisfaction score; level question: the level 0–5 (0 when not answered). */
  value: number;
  answered: boolean;
  /** Answered "don't know" (counted as answered, scored as not satisfied). */
  unknown: boolean;
  /** Its value says something about the plant: answered with a value, or hidden by other answers given with a value. */
  known: boolean;
}

/**
 * Per-plant sums by sub-domain × level, kept apart for requirements and self-ratings; `blocks` independent sets of
 * them (one per section: every section's sums are built in the same single pass over the answers).
 */
export class Sums {
  readonly reqSum: Float64Array;
  readonly reqCnt: Float64Array;
  readonly selfSum: Float64Array;
  readonly selfCnt: Float64Array;
  private readonly average: boolean;
  private readonly stride: number;
  constructor(
    readonly plan: ScoringPlan,
    blocks = 1,
  ) {
    this.stride = plan.subdomains.length * LEVELS;
    const n = this.stride * blocks;
    this.reqSum = new Float64Array(n);
    this.reqCnt = new Float64Array(n);
    this.selfSum = new Float64Array(n);
    this.selfCnt = new Float64Array(n);
    this.average = plan.profile.selfRating === 'average';
  }
  /** Back to no answers (a pooled set of sums reused for the next plant). */
  reset(): void {
    this.reqSum.fill(0);
    this.reqCnt.fill(0);
    this.selfSum.fill(0);
    this.selfCnt.fill(0);
  }
  add(c: Counted, sign: 1 | -1 = 1, block = 0): void {
    const base = block * this.stride + c.item.sub * LEVELS;
    if (c.item.kind === 'level') {
      const { full, none } = this.plan;
      for (let n = 1; n <= LEVELS; n++) {
        this.selfSum[base + n - 1]! += sign * (c.value >= n ? full : none);
        this.selfCnt[base + n - 1]! += sign;
      }
    } else {
      this.reqSum[base + c.item.level - 1]! += sign * c.value;
      this.reqCnt[base + c.item.level - 1]! += sign;
    }
  }
  /**
   * A sub-domain's score at level n (1-based), or NaN where it has no requirement there. `moreReq`, `moreSelf`: added
   * to the requirements' and the self-ratings' sums (what the open answers would add were they fully met).
   */
  at(sub: number, n: number, block = 0, moreReq = 0, moreSelf = 0): number {
    const i = block * this.stride + sub * LEVELS + n - 1;
    const rc = this.reqCnt[i]!;
    const sc = this.selfCnt[i]!;
    if (this.average) return rc + sc > 0 ? (this.reqSum[i]! + moreReq + this.selfSum[i]! + moreSelf) / (rc + sc) : NaN;
    if (rc > 0) return (this.reqSum[i]! + moreReq) / rc;
    return sc > 0 ? (this.selfSum[i]! + moreSelf) / sc : NaN;
  }
  /** Requirements only (for the disagreement between a self-rating and the requirements). */
  requirementsAt(sub: number, n: number): number {
    const i = sub * LEVELS + n - 1;
    return this.reqCnt[i]! > 0 ? this.reqSum[i]! / this.reqCnt[i]! : NaN;
  }
}

/**
 * Aggregate the sub-domain scores at one level along the plan's tree: NaN where no sub-domain has a requirement.
 * `only`: the sub-domains that take part (a section's), as a 0/1 mask; `block`: which sums (a section's).
 */
export function aggregateLevel(plan: ScoringPlan, sums: Sums, n: number, value: Float64Array, only?: Uint8Array, block = 0): number {
  const t = plan.tree;
  for (let node = 0; node < t.children.length; node++) {
    const leaf = t.leafOf[node]!;
    if (leaf >= 0) {
      value[node] = only && !only[leaf] ? NaN : sums.at(leaf, n, block);
      continue;
    }
    let num = 0;
    let den = 0;
    for (const c of t.children[node]!) {
      const v = value[c]!;
      if (Number.isNaN(v)) continue;
      num += t.weight[c]! * v;
      den += t.weight[c]!;
    }
    value[node] = den > 0 ? num / den : NaN;
  }
  return value[t.root]!;
}

/**
 * L1…L5 of a plant (levels without requirements filled as fillUnevidenced says). `keep`: where each level's node
 * values are left (for the effective weights); otherwise one scratch array is reused for the five levels.
 */
export function levelScores(plan: ScoringPlan, sums: Sums, only?: Uint8Array, keep?: Float64Array[], block = 0, scratch?: Float64Array): number[] {
  const raw: (number | null)[] = [];
  const tmp = keep ? undefined : (scratch ?? new Float64Array(plan.tree.children.length));
  for (let n = 1; n <= LEVELS; n++) {
    const l = aggregateLevel(plan, sums, n, keep?.[n - 1] ?? tmp!, only, block);
    raw.push(Number.isNaN(l) ? null : l);
  }
  return fillUnevidenced(raw);
}

/** Each sub-domain's effective weight at a level: its share of L_n, from the node values of that level (into `eff`). */
export function effectiveWeights(plan: ScoringPlan, value: Float64Array, eff: Float64Array): Float64Array {
  const t = plan.tree;
  eff.fill(0);
  eff[t.root] = 1;
  for (let node = t.children.length - 1; node >= 0; node--) {
    const kids = t.children[node]!;
    if (!kids.length || Number.isNaN(value[node]!)) continue;
    let den = 0;
    for (const c of kids) if (!Number.isNaN(value[c]!)) den += t.weight[c]!;
    for (const c of kids) eff[c] = Number.isNaN(value[c]!) || den === 0 ? 0 : (eff[node]! * t.weight[c]!) / den;
  }
  return eff;
}

/** Classify every scored question for this plant: counted (with its value) or left out (with the reason). */
function collect(plan: ScoringPlan, answers: Answers): { counted: Counted[]; excluded: Exclusion[] } {
  const given = (ref: readonly [string, number]) => valueAt(answers.resolved, plan.ids, ref[0], ref[1])?.status === 'answered';
  const counted: Counted[] = [];
  const excluded: Exclusion[] = [];
  for (const item of plan.items) {
    const id = item.question.id;
    const visibility = valueAt(answers.visibility, plan.ids, id, item.index) ?? 'visible';
    const r = valueAt(answers.resolved, plan.ids, id, item.index);
    const reason: ExclusionReason | undefined =
      visibility === 'not-asked'
        ? 'since'
        : visibility === 'not-in-mode'
          ? 'mode'
          : visibility === 'tailored'
            ? 'industry'
            : visibility === 'na' || r?.status === 'na'
              ? 'n/a'
              : item.staticExclusion;
    if (reason) excluded.push({ id, reason, subdomain: item.subdomain });
    else {
      // Visible and answered counts as given; gated (hidden by another answer), unknown and unanswered count as not satisfied.
      const answered = visibility === 'visible' && r?.status === 'answered';
      counted.push({
        item,
        value: answered ? valueOf(plan, item, r!.value) : item.kind === 'level' ? 0 : plan.none,
        answered: visibility === 'visible' && r !== undefined && r.status !== 'unanswered',
        unknown: visibility === 'visible' && r?.status === 'unknown',
        // (hidden by answers given: settled, whatever an answer nobody gave would be — hiddenSettled, read only then)
        known: answered || (visibility === 'gated' && (item.whenRefs.every(given) || hiddenSettled(plan.questionnaire, answers, id))),
      });
    }
  }
  return { counted, excluded };
}

/**
 * `collect` once per plant and plan: a report asks for the level (scoreMaturity) and then for the answers that move
 * it (sensitivity) over the same answers. Answers are not changed once resolved (a changed answer is a new object).
 */
const collectedFor = new WeakMap<Answers, { plan: ScoringPlan; collected: ReturnType<typeof collect> }>();
export function collectOnce(plan: ScoringPlan, answers: Answers): ReturnType<typeof collect> {
  const seen = collectedFor.get(answers);
  if (seen?.plan === plan) return seen.collected;
  const collected = collect(plan, answers);
  collectedFor.set(answers, { plan, collected });
  return collected;
}

export function valueOf(plan: ScoringPlan, item: PlanItem, v: unknown): number {
  if (item.kind === 'level') return item.optionLevel!.get(String(v)) ?? 0;
  if (item.kind === 'boolean') return v === true ? plan.full : plan.none;
  return plan.satisfaction[String(v)] ?? plan.none;
}

/**
 * The working arrays of scoreMaturity for one plan, allocated once and cleared for each plant (a dozen typed arrays
 * per plant were most of its allocation). scoreMaturity does not call itself while it uses them, and nothing it
 * returns refers to them.
 */
interface Workspace {
  sums: Sums;
  /** Every section's sums (one block per section). */
  own: Sums;
  knownReq: Uint16Array;
  knownSelf: Uint8Array;
  /**
   * By sub-domain × level, what its requirement answers that say nothing (不清楚, unanswered) would add were they
   * fully met (scoreMaturity: the level they could lift it to).
   */
  openReq: Float64Array;
  inSection: Uint8Array;
  nodeValues: Float64Array[];
  effective: Float64Array[];
  scratch: Float64Array;
}
const workspaces = new WeakMap<ScoringPlan, Workspace>();
export function workspaceOf(plan: ScoringPlan): Workspace {
  let w = workspaces.get(plan);
  const subs = plan.subdomains.length;
  const nodes = plan.tree.children.length;
  if (!w) {
    w = {
      sums: new Sums(plan),
      own: new Sums(plan, plan.sections.length),
      knownReq: new Uint16Array(subs * LEVELS),
      knownSelf: new Uint8Array(subs),
      openReq: new Float64Array(subs * LEVELS),
      inSection: new Uint8Array(plan.sections.length * subs),
      nodeValues: Array.from({ length: LEVELS }, () => new Float64Array(nodes)),
      effective: Array.from({ length: LEVELS }, () => new Float64Array(nodes)),
      scratch: new Float64Array(nodes),
    };
    workspaces.set(plan, w);
  } else {
    w.sums.reset();
    w.own.reset();
    w.knownReq.fill(0);
    w.knownSelf.fill(0);
    w.openReq.fill(0);
    w.inSection.fill(0);
  }
  return w;
}
