/**
 * The maturity method (docs/scoring.md): requirement scores by satisfaction, a sub-domain's score at level n as
 * the mean of its requirements there, L_n aggregated along the model tree (or flat), S accumulated level by level
 * with the pass threshold, S mapped to a level by the bands. Pure; runs on a compiled plan (scoring-plan.ts).
 */
import { computeVisibility, dependentsOf, type Answers } from './answers.js';
import type { Profile } from './profile.js';
import type { Questionnaire } from './questionnaire.js';
import { LEVELS, scoringPlan, type ScoringPlan } from './scoring-plan.js';
import { aggregateLevel, collectOnce, fillUnevidenced, levelScores, effectiveWeights, Sums, valueOf, workspaceOf, type Counted, type Exclusion } from './scoring-sums.js';
import type { Industry, Text } from './types.js';

export { fillUnevidenced, type Exclusion, type ExclusionReason } from './scoring-sums.js';

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
  /** The level its requirement answers that are "don't know" or unanswered could lift it to, were they met (above `level`). */
  couldReach: number | undefined;
  /** At least one of its scored questions is answered (answeredIn). */
  answered: boolean;
}
export interface SectionResult extends LevelRun {
  id: string;
  title: Text;
  /** At least one of its scored questions is answered (answeredIn): without one, its 0 says nothing about the plant. */
  answered: boolean;
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
  /** Scored questions that count (applicable), how many of them are answered (unknown counts as answered, and so does a follow-up hidden by answers given), and how many answered "don't know". */
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
  // heldAt set after the literal, which holds null: the field holds null or a small integer from the first run on. A
  // map that first saw only integers changes the field's representation at the first run that passes every level
  // (a "not a Smi" deopt here, and scoreMaturity, which depends on that map, compiled again).
  const run: LevelRun = { levelScores, score, level: levelFor(score, bands), heldAt: null };
  run.heldAt = heldAt;
  return run;
}

export function levelFor(score: number, bands: { level: number; min: number }[]): number {
  let level = 0;
  for (const b of bands) if (score >= b.min) level = b.level;
  return level;
}


/**
 * The level a sub-domain's open requirement answers (`open`: what each level's would add were they fully met) could
 * lift it to, when above `level`; undefined when they could not lift it (or there are none).
 */
function reachable(sums: Sums, open: Float64Array, s: number, level: number, profile: Profile): number | undefined {
  let any = false;
  for (let n = 0; n < LEVELS && !any; n++) any = open[s * LEVELS + n]! > 0;
  if (!any) return undefined;
  const raw: (number | null)[] = [];
  for (let n = 1; n <= LEVELS; n++) {
    const v = sums.at(s, n, 0, open[s * LEVELS + n - 1]!);
    raw.push(Number.isNaN(v) ? null : v);
  }
  const best = accumulate(fillUnevidenced(raw), profile).level;
  return best > level ? best : undefined;
}

/**
 * The sections and sub-domains with at least one scored question answered (不清楚 counts as answered, as in the
 * completeness the level depends on), by index in the plan. A section or sub-domain without any has a score of 0
 * that says nothing about the plant: reports say "not answered", the batch leaves it blank, compare computes no change.
 */
function answeredIn(plan: ScoringPlan, counted: readonly Counted[]): { sections: Uint8Array; subdomains: Uint8Array } {
  const sections = new Uint8Array(plan.sections.length);
  const subdomains = new Uint8Array(plan.subdomains.length);
  for (const c of counted) {
    if (!c.answered) continue;
    sections[c.item.section] = 1;
    if (c.item.sub >= 0) subdomains[c.item.sub] = 1;
  }
  return { sections, subdomains };
}

/** The maturity method over one plant's answers. Pure. */
export function scoreMaturity(q: Questionnaire, answers: Answers, profile: Profile): MaturityResult {
  const industry: Industry = answers.file.respondent.industry;
  const plan = scoringPlan(q, profile, industry);
  const model = profile.model;
  const { counted, excluded } = collectOnce(plan, answers);
  const answered = answeredIn(plan, counted);
  const work = workspaceOf(plan);
  const sums = work.sums;
  for (const c of counted) sums.add(c);
  // Known answers by sub-domain: requirements by level, and whether the level question is answered with a value.
  // And what the requirement answers that say nothing would add were they fully met (a self-rating is not one: it
  // stands in for requirements only where a level has none).
  const { knownReq, knownSelf, openReq } = work;
  for (const c of counted) {
    if (c.item.sub < 0) continue;
    if (!c.known) {
      if (c.item.kind !== 'level') openReq[c.item.sub * LEVELS + c.item.level - 1]! += plan.full - c.value;
      continue;
    }
    if (c.item.kind === 'level') knownSelf[c.item.sub] = 1;
    else knownReq[c.item.sub * LEVELS + c.item.level - 1]!++;
  }

  const nodeValues = work.nodeValues;
  const run = accumulate(levelScores(plan, sums, undefined, nodeValues), profile);
  // The effective weights fill the workspace's own arrays (one list, one map: no new array per plant).
  for (let i = 0; i < LEVELS; i++) effectiveWeights(plan, nodeValues[i]!, work.effective[i]!);
  const effective = work.effective;

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
    // Pushed, not map()ped (lists that leave this function keep one elements kind: see result.ts, `packed`).
    const weights: (number | null)[] = [];
    const contributions: (number | null)[] = [];
    for (let i = 0; i < raw.length; i++) {
      const x = raw[i]!;
      const w = x === null ? null : effective[i]![node]!;
      weights.push(w);
      contributions.push(x === null ? null : w! * x);
    }
    const requirementsLevel = withRequirements.has(s) && reqOnly.some((x) => x !== null) ? accumulate(fillUnevidenced(reqOnly), profile).level : null;
    const accumulated = accumulate(fillUnevidenced(raw), profile);
    // Judged: a known answer decides a level up to the first it does not pass (one known only above that level does
    // not decide the level): a requirement of that level answered with a value, or the plant's self-rating (a level
    // question answered with a value) where it stands in — at a level without requirement questions. A self-rating
    // with every requirement of the deciding levels unknown or unanswered does not make the level known.
    let judged = false;
    for (let n = 1; n <= (accumulated.heldAt ?? LEVELS) && !judged; n++) judged = knownReq[s * LEVELS + n - 1]! > 0 || (knownSelf[s] === 1 && reqOnly[n - 1] === null);
    // The level its open requirement answers (不清楚, unanswered) could lift it to, were they fully met.
    const couldReach = reachable(sums, openReq, s, accumulated.level, profile);
    // A level of 0 is not judged either when those answers could pass level 1: the known answers do not decide it
    // (one "mostly" beside two unknowns). A higher level held at an open requirement stays judged: the level below
    // it is certain (couldReach says how far it could go).
    if (judged && accumulated.heldAt === 1 && couldReach !== undefined) judged = round9(sums.at(s, 1, 0, openReq[s * LEVELS]!)) < profile.def.passThreshold;
    // The run's fields named rather than spread after the others (a spread there takes V8's slow path; same keys, same order).
    subdomains.push({ id: info.id, name: info.name, weight: info.weight, raw, weights, contributions, selfRating: selfRating.get(s) ?? null, requirementsLevel, judged, couldReach, answered: answered.subdomains[s] === 1, levelScores: accumulated.levelScores, score: accumulated.score, level: accumulated.level, heldAt: accumulated.heldAt });
  });

  // Every section's sums in one pass over the counted answers (each section adds its answers in the same order).
  const { own, inSection } = work;
  for (const c of counted) {
    own.add(c, 1, c.item.section);
    inSection[c.item.section * plan.subdomains.length + c.item.sub] = 1;
  }
  const scratch = work.scratch;
  const sections: SectionResult[] = [];
  for (let si = 0; si < plan.sections.length; si++) {
    const sec = plan.sections[si]!;
    const only = inSection.subarray(si * plan.subdomains.length, (si + 1) * plan.subdomains.length);
    const section = accumulate(levelScores(plan, own, only, undefined, si, scratch), profile);
    sections.push({ id: sec.id, title: sec.title, answered: answered.sections[si] === 1, levelScores: section.levelScores, score: section.score, level: section.level, heldAt: section.heldAt });
  }

  return {
    maturity: { ...run, name: model.levelName(run.level), meaning: model.levelMeaning(run.level) },
    subdomains,
    sections,
    excluded,
    // A follow-up hidden by answers the plant gave (known without being asked) is settled: nothing is left to ask.
    scored: { applicable: counted.length, answered: counted.filter((c) => c.answered || c.known).length, unknown: counted.filter((c) => c.unknown).length },
  };
}


/**
 * The single answers whose one-step change (a requirement's satisfaction, a level question's level, a yes/no)
 * moves the overall level; each listed change, applied to the file and scored again, gives the stated level.
 * Incremental: a change touches one sub-domain's sums; only the aggregation is redone.
 */
export function sensitivity(q: Questionnaire, answers: Answers, profile: Profile): Sensitivity[] {
  const plan = scoringPlan(q, profile, answers.file.respondent.industry);
  const { counted } = collectOnce(plan, answers);
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
