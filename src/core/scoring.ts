/**
 * The maturity method (docs/scoring.md): requirement scores by satisfaction, a sub-domain's score at level n as
 * the mean of its requirements there, L_n aggregated along the model tree (or flat), S accumulated level by level
 * with the pass threshold, S mapped to a level by the bands. Pure; runs on a compiled plan (scoring-plan.ts).
 */
import { computeVisibility, dependentsOf, type Answers } from './answers.js';
import type { Profile } from './profile.js';
import type { Questionnaire } from './questionnaire.js';
import { valueAt } from './question-map.js';
import { LEVELS, scoringPlan, type PlanItem, type ScoringPlan } from './scoring-plan.js';
import type { Industry, Text } from './types.js';

export type ExclusionReason = 'n/a' | 'industry' | 'since' | 'mode' | 'not-applicable' | 'not-in-model';
export interface Exclusion {
  id: string;
  reason: ExclusionReason;
  subdomain?: string;
}

export interface LevelRun {
  levelScores: number[];
  score: number;
  level: number;
  /** The first level whose score fell below the pass threshold (null when all passed). */
  heldAt: number | null;
}

export interface SubdomainResult extends LevelRun {
  id: string;
  name: Text;
  weight: number;
  /** The sub-domain's score at each level as the aggregation uses it: null where it has no requirement. */
  raw: (number | null)[];
  /** Its effective weight in each L_n (the tree's weights re-normalised over the members scored at n); null where it has no score. */
  weights: (number | null)[];
  /** Its share of each L_n (effective weight × score at n); they add up to L_n. */
  contributions: (number | null)[];
  /** The level the plant rated itself at (the level question), when answered. */
  selfRating: number | null;
  /** The level its requirement questions alone give, when it has any answered. */
  requirementsLevel: number | null;
  /**
   * Whether its level rests on what the plant said: false when its level question and its requirements up to the
   * first level it does not pass are all "don't know" or unanswered, so that its level (0) says nothing about the
   * plant. A question hidden by a known answer ("no MES" hides the MES follow-ups) is known.
   */
  judged: boolean;
}
export interface SectionResult extends LevelRun {
  id: string;
  title: Text;
}
/** A single answer that, one step up or down, changes the overall level. */
export interface Sensitivity {
  question: string;
  from: string | number | boolean | null;
  to: string | number | boolean;
  level: number;
  score: number;
}
export interface MaturityResult {
  maturity: LevelRun & { name: Text; meaning: Text };
  subdomains: SubdomainResult[];
  sections: SectionResult[];
  excluded: Exclusion[];
  /** Scored questions that count (applicable), how many of them are answered (unknown counts as answered), and how many answered "don't know". */
  scored: { applicable: number; answered: number; unknown: number };
}

const round9 = (x: number) => Math.round(x * 1e9) / 1e9;
const REQUIREMENT_STEPS = ['none', 'partial', 'mostly', 'full'] as const;

/** Accumulate level scores into S with the pass-threshold rule, and map S to a level by the bands. */
export function accumulate(levelScores: number[], profile: Profile): LevelRun {
  const { passThreshold, accumulation, bands } = profile.def;
  let score = 0;
  let heldAt: number | null = null;
  for (let i = 0; i < levelScores.length; i++) {
    const l = round9(levelScores[i]!);
    const passed = l >= passThreshold;
    if (passed || accumulation === 'stop-after-first-below') score += l;
    if (!passed) {
      heldAt = i + 1;
      break;
    }
  }
  score = round9(score);
  return { levelScores, score, level: levelFor(score, bands), heldAt };
}

export function levelFor(score: number, bands: { level: number; min: number }[]): number {
  let level = 0;
  for (const b of bands) if (score >= b.min) level = b.level;
  return level;
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
interface Counted {
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
class Sums {
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
  /** A sub-domain's score at level n (1-based), or NaN where it has no requirement there. */
  at(sub: number, n: number, block = 0): number {
    const i = block * this.stride + sub * LEVELS + n - 1;
    const rc = this.reqCnt[i]!;
    const sc = this.selfCnt[i]!;
    if (this.average) return rc + sc > 0 ? (this.reqSum[i]! + this.selfSum[i]!) / (rc + sc) : NaN;
    if (rc > 0) return this.reqSum[i]! / rc;
    return sc > 0 ? this.selfSum[i]! / sc : NaN;
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
function aggregateLevel(plan: ScoringPlan, sums: Sums, n: number, value: Float64Array, only?: Uint8Array, block = 0): number {
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
function levelScores(plan: ScoringPlan, sums: Sums, only?: Uint8Array, keep?: Float64Array[], block = 0, scratch?: Float64Array): number[] {
  const raw: (number | null)[] = [];
  const tmp = keep ? undefined : (scratch ?? new Float64Array(plan.tree.children.length));
  for (let n = 1; n <= LEVELS; n++) {
    const l = aggregateLevel(plan, sums, n, keep?.[n - 1] ?? tmp!, only, block);
    raw.push(Number.isNaN(l) ? null : l);
  }
  return fillUnevidenced(raw);
}

/** Each sub-domain's effective weight at a level: its share of L_n, from the node values of that level (into `eff`). */
function effectiveWeights(plan: ScoringPlan, value: Float64Array, eff: Float64Array): Float64Array {
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
        known: answered || (visibility === 'gated' && item.whenRefs.every(given)),
      });
    }
  }
  return { counted, excluded };
}

/**
 * `collect` once per plant and plan: the batch asks for the level (scoreMaturity) and then for what was covered
 * (scoredCoverage) over the same answers. Answers are not changed once resolved (a changed answer is a new object).
 */
const collectedFor = new WeakMap<Answers, { plan: ScoringPlan; collected: ReturnType<typeof collect> }>();
function collectOnce(q: Questionnaire, plan: ScoringPlan, answers: Answers): ReturnType<typeof collect> {
  const seen = collectedFor.get(answers);
  if (seen?.plan === plan) return seen.collected;
  const collected = collect(plan, answers);
  collectedFor.set(answers, { plan, collected });
  return collected;
}

function valueOf(plan: ScoringPlan, item: PlanItem, v: unknown): number {
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
  inSection: Uint8Array;
  nodeValues: Float64Array[];
  effective: Float64Array[];
  scratch: Float64Array;
}
const workspaces = new WeakMap<ScoringPlan, Workspace>();
function workspaceOf(plan: ScoringPlan): Workspace {
  let w = workspaces.get(plan);
  const subs = plan.subdomains.length;
  const nodes = plan.tree.children.length;
  if (!w) {
    w = {
      sums: new Sums(plan),
      own: new Sums(plan, plan.sections.length),
      knownReq: new Uint16Array(subs * LEVELS),
      knownSelf: new Uint8Array(subs),
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
    w.inSection.fill(0);
  }
  return w;
}

/** The maturity method over one plant's answers. Pure. */
export function scoreMaturity(q: Questionnaire, answers: Answers, profile: Profile): MaturityResult {
  const industry: Industry = answers.file.respondent.industry;
  const plan = scoringPlan(q, profile, industry);
  const model = profile.model;
  const { counted, excluded } = collectOnce(q, plan, answers);
  const work = workspaceOf(plan);
  const sums = work.sums;
  for (const c of counted) sums.add(c);
  // Known answers by sub-domain: requirements by level, and whether the level question is answered with a value.
  const { knownReq, knownSelf } = work;
  for (const c of counted) {
    if (!c.known || c.item.sub < 0) continue;
    if (c.item.kind === 'level') knownSelf[c.item.sub] = 1;
    else knownReq[c.item.sub * LEVELS + c.item.level - 1]!++;
  }

  const nodeValues = work.nodeValues;
  const run = accumulate(levelScores(plan, sums, undefined, nodeValues), profile);
  const effective = nodeValues.map((v, i) => effectiveWeights(plan, v, work.effective[i]!));

  const selfRating = new Map<number, number>();
  const withRequirements = new Set<number>();
  for (const c of counted) {
    if (c.item.kind === 'level' && c.answered) selfRating.set(c.item.sub, Math.max(selfRating.get(c.item.sub) ?? 0, c.value));
    if (c.item.kind !== 'level') withRequirements.add(c.item.sub);
  }
  const subdomains: SubdomainResult[] = [];
  plan.subdomains.forEach((info, s) => {
    const raw: (number | null)[] = [];
    const reqOnly: (number | null)[] = [];
    for (let n = 1; n <= LEVELS; n++) {
      const v = sums.at(s, n);
      raw.push(Number.isNaN(v) ? null : v);
      const r = sums.requirementsAt(s, n);
      reqOnly.push(Number.isNaN(r) ? null : r);
    }
    if (raw.every((x) => x === null)) return;
    const node = plan.tree.nodeOfSub[s]!;
    const weights = raw.map((x, i) => (x === null ? null : effective[i]![node]!));
    const contributions = raw.map((x, i) => (x === null ? null : weights[i]! * x));
    const requirementsLevel = withRequirements.has(s) && reqOnly.some((x) => x !== null) ? accumulate(fillUnevidenced(reqOnly), profile).level : null;
    const accumulated = accumulate(fillUnevidenced(raw), profile);
    // Judged: the plant rated itself (a level question answered with a value), or a requirement of a level up to the
    // first it does not pass is known (one known only above that level does not decide the level).
    let judged = knownSelf[s] === 1;
    for (let n = 1; n <= (accumulated.heldAt ?? LEVELS) && !judged; n++) if (knownReq[s * LEVELS + n - 1]! > 0) judged = true;
    // The run's fields named rather than spread after the others (a spread there takes V8's slow path; same keys, same order).
    subdomains.push({ id: info.id, name: info.name, weight: info.weight, raw, weights, contributions, selfRating: selfRating.get(s) ?? null, requirementsLevel, judged, levelScores: accumulated.levelScores, score: accumulated.score, level: accumulated.level, heldAt: accumulated.heldAt });
  });

  // Every section's sums in one pass over the counted answers (each section adds its answers in the same order).
  const { own, inSection } = work;
  for (const c of counted) {
    own.add(c, 1, c.item.section);
    inSection[c.item.section * plan.subdomains.length + c.item.sub] = 1;
  }
  const scratch = work.scratch;
  const sections: SectionResult[] = plan.sections.map((sec, si) => {
    const only = inSection.subarray(si * plan.subdomains.length, (si + 1) * plan.subdomains.length);
    const section = accumulate(levelScores(plan, own, only, undefined, si, scratch), profile);
    return { id: sec.id, title: sec.title, levelScores: section.levelScores, score: section.score, level: section.level, heldAt: section.heldAt };
  });

  return {
    maturity: { ...run, name: model.levelName(run.level), meaning: model.levelMeaning(run.level) },
    subdomains,
    sections,
    excluded,
    scored: { applicable: counted.length, answered: counted.filter((c) => c.answered).length, unknown: counted.filter((c) => c.unknown).length },
  };
}

/**
 * The sections and sub-domains that have at least one scored question answered (不清楚 counts as answered, as in
 * the completeness the level depends on). A section or sub-domain without any has a score of 0 that says nothing:
 * the batch leaves it blank.
 */
export function scoredCoverage(q: Questionnaire, answers: Answers, profile: Profile): { sections: Set<string>; subdomains: Set<string> } {
  const plan = scoringPlan(q, profile, answers.file.respondent.industry);
  const sections = new Set<string>();
  const subdomains = new Set<string>();
  for (const c of collectOnce(q, plan, answers).counted) {
    if (!c.answered) continue;
    sections.add(plan.sections[c.item.section]!.id);
    if (c.item.sub >= 0) subdomains.add(plan.subdomains[c.item.sub]!.id);
  }
  return { sections, subdomains };
}

/**
 * The single answers whose one-step change (a requirement's satisfaction, a level question's level, a yes/no)
 * moves the overall level; each listed change, applied to the file and scored again, gives the stated level.
 * Incremental: a change touches one sub-domain's sums; only the aggregation is redone.
 */
export function sensitivity(q: Questionnaire, answers: Answers, profile: Profile): Sensitivity[] {
  const plan = scoringPlan(q, profile, answers.file.respondent.industry);
  const { counted } = collectOnce(q, plan, answers);
  const sums = new Sums(plan);
  for (const c of counted) sums.add(c);
  const scratch = new Float64Array(plan.tree.children.length);
  // L_1…L_5 before fill (NaN: no requirement at that level) and after, as levelScores gives them.
  const baseRaw: number[] = [];
  for (let n = 1; n <= LEVELS; n++) baseRaw.push(aggregateLevel(plan, sums, n, scratch));
  const baseScores = fillUnevidenced(baseRaw.map((l) => (Number.isNaN(l) ? null : l)));
  const { level: base, heldAt } = accumulate(baseScores, profile);
  /**
   * The level scores once `c` has changed (already in `sums`). A requirement counts at its own level only, so only
   * that L_n is aggregated again; the other levels, and which are unevidenced, stay as they were. A level question
   * (a self-rating counts at every level) is aggregated in full.
   */
  const changedScores = (c: Counted): number[] => {
    const i = c.item.level - 1;
    if (c.item.kind === 'level' || Number.isNaN(baseRaw[i]!)) return levelScores(plan, sums, undefined, undefined, 0, scratch);
    const l = aggregateLevel(plan, sums, c.item.level, scratch);
    if (Number.isNaN(l)) return levelScores(plan, sums, undefined, undefined, 0, scratch);
    const scores = baseScores.slice();
    scores[i] = l;
    return scores;
  };
  // An answer other questions depend on (their `when` or `naWhen`) may change what is asked: when it does, the
  // change is scored in full; when every dependent question is seen as before, only the answer's own value changes.
  const isGate = (id: string) => dependentsOf(q, id).size > 0;
  const rescored = (id: string, value: string | boolean) => {
    const resolved = new Map(answers.resolved);
    resolved.set(id, { status: 'answered', value });
    const visibility = computeVisibility(q, answers.file, resolved, { before: answers.visibility, changed: id });
    for (const d of dependentsOf(q, id)) if (visibility.get(d) !== answers.visibility.get(d)) return scoreMaturity(q, { file: answers.file, resolved, visibility }, profile).maturity;
    return undefined;
  };
  const out: Sensitivity[] = [];
  for (const c of counted) {
    const id = c.item.question.id;
    const r = answers.resolved.get(id);
    // Only answers the plant gave (visible); a change must be an answer the plant could give.
    if ((answers.visibility.get(id) ?? 'visible') !== 'visible') continue;
    // S adds the levels up to the first one below the pass threshold and reads none above it: a requirement above
    // that level (which counts at its own level only) cannot move the level, unless it changes what is asked.
    if (c.item.kind !== 'level' && heldAt !== null && c.item.level > heldAt && !isGate(id)) continue;
    const from = r?.status === 'answered' ? (r.value as string | number | boolean) : null;
    for (const step of steps(c, from)) {
      if (isGate(id)) {
        const m = rescored(id, step);
        if (m) {
          if (m.level !== base) out.push({ question: id, from, to: step, level: m.level, score: m.score });
          continue;
        }
      }
      sums.add(c, -1);
      const changed: Counted = { ...c, value: valueOf(plan, c.item, step) };
      sums.add(changed);
      const run = accumulate(changedScores(changed), profile);
      sums.add(changed, -1);
      sums.add(c);
      if (run.level !== base) out.push({ question: id, from, to: step, level: run.level, score: run.score });
    }
  }
  return out;
}

/** The answers one step away (up and down) from the current one; unanswered and unknown count as the lowest. */
function steps(c: Counted, from: string | number | boolean | null): (string | boolean)[] {
  const item = c.item;
  if (item.kind === 'boolean') return [from !== true];
  if (item.kind === 'requirement') {
    const i = from === null ? 0 : REQUIREMENT_STEPS.indexOf(String(from) as (typeof REQUIREMENT_STEPS)[number]);
    return [REQUIREMENT_STEPS[i + 1], from === null ? undefined : REQUIREMENT_STEPS[i - 1]].filter((x): x is (typeof REQUIREMENT_STEPS)[number] => x !== undefined);
  }
  const level = from === null ? 0 : (item.optionLevel!.get(String(from)) ?? 0);
  const byLevel = new Map([...item.optionLevel!].map(([v, l]) => [l, v]));
  return [byLevel.get(level + 1), from === null ? undefined : byLevel.get(level - 1)].filter((x): x is string => x !== undefined);
}
