/**
 * Phasing a plant's recommendations over the planning horizon (0–6, 6–18, 18–36 months) and projecting its level
 * after each phase. Pure.
 *
 * Projects are taken in priority order, after those answering what the plant asked for (goalAnchors: for each goal it
 * chose and each plan target it misses, the project of highest priority serving it; the projects it named in its own
 * words; and what these wait for). A project goes into the earliest phase that is strictly after every
 * prerequisite it has in the plan and after any duty it depends on, that still has room for one more project at
 * the plant's size (a small fix of a legal duty shown not met goes in even when it has none), and only while the plan's cumulative investment (midpoints of the ranges) stays inside the
 * budget envelope. What does not fit waits (`later`) with its reason. The projection applies what each completed
 * project `raises` to the answers and re-scores them; it never goes down from one phase to the next.
 */
import type { Answers } from './answers.js';
import type { Scope } from './expression/evaluate.js';
import { dutyFulfillers } from './duty-fulfillers.js';
import { byId } from './ids.js';
import { goalAnchors } from './plan-anchors.js';
import { raisedAnswers } from './raised-answers.js';
import type { BudgetFact, PlantSizeFact, ResolvedPlanning } from './planning.js';
import type { Profile } from './profile.js';
import type { Questionnaire } from './questionnaire.js';
import { byPriorityThenCost, investmentMidpoint, type Recommendation } from './recommendation.js';
import { buildResult, type ScoreResult } from './result.js';
import { holdsUnlessUnknown } from './unknown-answers.js';
import { raisingOf, type CompiledRule, type Raising } from './rules-def.js';
import type { RegulatoryMust } from './sector.js';
import type { TargetsDef } from './targets.js';
import { PHASES, type Phase, type Text } from './types.js';

export interface Projection {
  level: number | null;
  score: number;
  /** Indicators that would then meet their targets. */
  indicatorsMet: string[];
}

/** An express interview (mostly self-ratings, no requirement questions): its level cannot show what projects change. */
export const expressInterview = (answers: Answers): boolean => answers.file.progress?.mode === 'express';

/** What still holds the projected level back once the last phase is complete. */
export interface HeldBack {
  /** The first level whose score stays below the pass threshold. */
  level: number;
  score: number;
  threshold: number;
  /** The sub-domains with the lowest scores at that level (at most three). */
  subdomains: string[];
}

export interface RoadmapPhase {
  id: Phase;
  /** Sum of the projects' investment ranges, 万元. */
  investment: { min: number; max: number };
  count: number;
  /** The level, score and indicators met once this phase and the ones before it are complete; null without a level today. */
  projected: Projection | null;
}

export interface Duty {
  def: RegulatoryMust;
  /**
   * The projects of its `fulfilledBy` that settle it at this plant, when its `fulfilledByWhen` leaves some out (else
   * all of them: read it with `dutyFulfillers`).
   */
  fulfilledBy?: string[];
  /** Whether the answers show the duty met (false when they cannot tell). */
  met: boolean;
  /** Not met, but the answers show it mostly met (its `mostlyWhen`). */
  mostly?: boolean;
  /** The answers show it not met (its `notMetWhen`), rather than not telling. */
  notMet?: boolean;
  /**
   * Whether it applies rests on these questions, answered 不清楚 (its `appliesIf` would hold for some answers): to be
   * checked first; it holds back no project.
   */
  unsure?: string[];
  /** Not told met or not by the answers: the questions its status reads that the plant answered 不清楚. */
  unknown?: string[];
  /** Not told met or not by the answers: what they do show of it (its `shown` statements that hold). */
  shown?: Text[];
  /** Whether it applies, or its status, rests on a confidential answer: not in the office report. */
  confidential?: boolean;
}

export interface Roadmap {
  horizonMonths: number;
  size: PlantSizeFact;
  budget: BudgetFact & {
    /** Whether the phasing was held inside the envelope (false: not decided, or no upper bound). */
    checked: boolean;
    /** Investment counted against the envelope: the midpoint of each project's range. */
    basis: 'midpoint';
    /** The share of the envelope spent by the end of each phase at most (cumulative). */
    byPhase: readonly [number, number, number];
  };
  /** Projects the plant can run in each phase. */
  capacity: readonly [number, number, number];
  /** The projects in the plan period that take no place in its capacity (their rule is `light`), when there are any. */
  light?: string[];
  /**
   * The projects placed in a phase whose places were already taken, because they settle a legal duty the answers show
   * not met with little effort (`dutyFixAlwaysFits`), when there are any.
   */
  overCapacity?: string[];
  phases: RoadmapPhase[];
  later: string[];
  /** Sum over the phased projects, 万元. */
  total: { min: number; max: number };
  /** Today's level, score and indicators met, for the projections to be read against. */
  baseline: Projection | null;
  /** After the last phase: the level that still misses the pass threshold, and where the gap is. */
  heldBack: HeldBack | null;
  /** The answers as the plan's projects would raise them, and their result, after each phase in order (not an output). */
  afterPhases?: readonly { answers: Answers; result: ScoreResult }[];
  /**
   * The same after a phase (its index) without some projects of the plan period (and what they contain); not an
   * output.
   */
  afterPhaseWithout?: (ids: ReadonlySet<string>, phase: number) => { answers: Answers; result: ScoreResult };
  duties: Duty[];
}

interface Candidate {
  rule: CompiledRule;
  rec: Recommendation;
}

export interface RoadmapInput {
  candidates: readonly Candidate[];
  planning: ResolvedPlanning;
  size: PlantSizeFact;
  budget: BudgetFact;
  musts: readonly Duty[];
  questionnaire: Questionnaire;
  answers: Answers;
  result: ScoreResult;
  scope: Scope;
  /** The goals the plant chose (`priorities`), in its order. */
  goals?: readonly string[];
  scoring?: { profile: Profile; targets: TargetsDef };
}

/**
 * Assign each candidate its phase (mutating the candidates' own recommendation objects, which the caller just
 * made) and return what summarises the roadmap once the consultant's overrides are applied.
 */
export function planRoadmap(input: RoadmapInput): { withOverrides(list: readonly Recommendation[]): Roadmap } {
  const { planning, size, budget } = input;
  const capacity = planning.capacity[size.size];
  const envelopeMax = budget.envelope?.max;
  const checked = envelopeMax !== undefined;
  const inPlan = new Map(input.candidates.map((c) => [c.rec.id, c.rec]));
  // (a duty that may not apply, its question answered 不清楚, holds nothing back)
  const open = input.musts.filter((m) => !m.met && !m.unsure);
  const blockedBy = new Map<string, string>();
  for (const m of open) for (const id of m.def.blocks) if (!blockedBy.has(id)) blockedBy.set(id, m.def.id);
  // A duty not yet met comes before the projects it precedes: after a project of the plan that fulfils it, or
  // (no such project) after the first phase, in which the plant settles it itself. One the answers show mostly met
  // holds nothing back: what it precedes rests on what is in place (a food plant tracing most lots in its MES plans
  // its APS without waiting for the last workshop's records); its own projects keep their duty bonus.
  const dutyAfter = new Map<string, { fulfillers: string[] }>();
  for (const m of open) {
    if (m.mostly) continue;
    const fulfillers = dutyFulfillers(m).filter((id) => inPlan.has(id));
    for (const id of m.def.precedes) if (!fulfillers.includes(id)) dutyAfter.set(id, { fulfillers: [...(dutyAfter.get(id)?.fulfillers ?? []), ...fulfillers] });
  }
  // What each project waits for, listed once (the loop below asks for every undecided project at every step).
  const waits = new Map(input.candidates.map((c) => [c.rec, [...c.rec.prerequisites.filter((p) => inPlan.has(p)), ...(dutyAfter.get(c.rec.id)?.fulfillers ?? [])]]));
  const waitsFor = (r: Recommendation) => waits.get(r)!;
  const anchors = goalAnchors(input, blockedBy, inPlan, waitsFor, open);
  // A project whose scope another contains (the rule's `includes`) is decided after it: while the container is in the
  // plan period it is part of it, not offered beside it; the container's phase stands for it as a prerequisite, and
  // what it raises is projected with the container's.
  const containedBy = new Map<string, Recommendation>();
  for (const c of input.candidates) for (const id of c.rule.def.includes ?? []) if (inPlan.has(id) && !containedBy.has(id)) containedBy.set(id, c.rec);
  // what the projects a container contains raise, by the container's id
  const includedRules = new Map<string, Raising[]>();
  const standingFor = (p: Recommendation) => (p.laterReason?.code === 'included' ? inPlan.get(p.laterReason.about!)! : p);
  // A duty to settle before any project (`gate`: a major accident hazard) that the answers do not show met — not met,
  // or not told (its status read from no answer, or one answered 不清楚: checked before any project, and fixed first
  // when the check finds it missing): the project of the plan that fulfils it leads, as a firstWhen project does. A
  // deep-well casting plant whose interlocks nobody could vouch for is not told to fix them in 18–36 months.
  // Those of a duty the answers show not met come before those of one they do not tell (a small plant with room for
  // two projects fixes the interlocks it knows are missing before checking its dust collection).
  const fixersOf = (duties: readonly Duty[]) => new Set(duties.filter((m) => m.def.gate).flatMap((m) => dutyFulfillers(m).filter((id) => inPlan.has(id))));
  const gateFixers = fixersOf(open);
  const gateFixersNotMet = fixersOf(open.filter((m) => m.notMet));
  // A project that settles a legal duty the answers show not met, of an effort the planning names (`dutyFixAlwaysFits`:
  // firewalls, a bastion host and a filing that a vendor and an assessor do in weeks), always fits: it goes into the
  // earliest phase its prerequisites and the budget allow even when that phase's places are taken — the law is not put
  // off, beyond the plan period or to a later phase, because the plant's leading projects fill the phase while the
  // budget has room — and it still takes a place there, so no project taken by priority after it fills in behind it.
  const alwaysFits = new Set<string>();
  const fitsEffort = planning.dutyFixAlwaysFits as readonly (string | null)[];
  if (fitsEffort.length) for (const m of open) if (m.notMet) for (const id of dutyFulfillers(m)) if (inPlan.has(id) && fitsEffort.includes(inPlan.get(id)!.effort)) alwaysFits.add(id);
  // those placed in a phase whose places were already taken
  const overCapacity = new Set<string>();
  // A project that the others follow (the rule's placeFirst: the plant's own three-year plan) is taken first, so that
  // it lands in the first phase whatever its priority; then one that fixes a gate duty shown not met; then one whose
  // firstWhen holds for the plant (an exposure the other projects would widen) or that fixes a gate duty the answers
  // do not tell — a firstWhen false only for want of an answer
  // given as 不清楚 (a major hazard the plant is not sure of) still leads: the exposure is not ruled out; then the
  // projects that settle a legal duty the answers show not met, with what they wait for (the law before any wish: a
  // drug plant without traceability codes is not told to wait for them behind the systems it asked for, for budget);
  // then what the plant asked for in its own words (and what that waits for); then the projects that settle a duty
  // shown mostly met; then those answering its chosen goals and the plan targets it misses;
  // then a light project (written rules and registers the plant's own staff draw up: little money, and the systems
  // of the later phases rest on them); the rest by priority. A project the plant named comes before one only tagged
  // with the same goal: "装箱码垛招不到人" asks for the palletising robots, not for whichever project serving "labour"
  // scores higher.
  const rankOf = (c: Candidate): number => {
    if (c.rule.def.placeFirst) return 4;
    if (gateFixersNotMet.has(c.rec.id)) return 3.5;
    if ((c.rule.firstWhen && holdsUnlessUnknown(c.rule.firstWhen, input.scope, input.answers) !== false) || gateFixers.has(c.rec.id)) return 3;
    if (anchors.unmet.has(c.rec)) return 2.5;
    if (anchors.asked.has(c.rec)) return 2;
    if (anchors.duties.has(c.rec)) return 1.5;
    if (anchors.all.has(c.rec)) return 1;
    return c.rule.def.light ? 0.5 : 0;
  };
  const rank = new Map(input.candidates.map((c) => [c, rankOf(c)]));
  const first = (c: Candidate) => rank.get(c)!;
  const order = [...input.candidates].sort((a, b) => first(b) - first(a) || byPriorityThenCost(a.rec, b.rec));
  const used = [0, 0, 0];
  // midpoints spent by the end of each phase (the last: the whole plan's)
  const spentBy = [0, 0, 0];
  const budgetByPhase = planning.budgetByPhase;
  /** Whether a project placed in phase `from` keeps what is spent by the end of that phase and the later ones within their shares. */
  const withinShares = (from: number, cost: number) => firstShareExceeded(from, cost) < 0;
  /** The first phase from `from` on whose share of the envelope the project would pass (-1: none). */
  const firstShareExceeded = (from: number, cost: number) => {
    for (let j = from; j < 3; j++) if (spentBy[j]! + cost > envelopeMax! * budgetByPhase[j]!) return j;
    return -1;
  };
  const decided = new Set<string>();
  const decide = (r: Recommendation, phase: Phase | 'later', reason?: Recommendation['laterReason']) => {
    r.phase = phase;
    if (reason) r.laterReason = reason;
    decided.add(r.id);
  };
  // Undecided, its prerequisites decided, and (a project another contains) its container decided.
  const ready = (c: Candidate) => !decided.has(c.rec.id) && waitsFor(c.rec).every((p) => decided.has(p)) && (!containedBy.has(c.rec.id) || decided.has(containedBy.get(c.rec.id)!.id));
  while (decided.size < order.length) {
    // The first ready project, by priority (prerequisites have no cycle).
    const next = order.find(ready) ?? order.find((c) => !decided.has(c.rec.id))!;
    const r = next.rec;
    const container = containedBy.get(r.id);
    if (container && decided.has(container.id) && container.phase !== 'later') {
      decide(r, 'later', { code: 'included', about: container.id });
      includedRules.set(container.id, [...(includedRules.get(container.id) ?? []), raisingOf(next.rule, r.variant)]);
      continue;
    }
    // What it waits for that is placed, read in one pass without making a list (a list made here by map() and
    // filter() changes its elements kind once this function is optimised: see result.ts, `packed`): the first one
    // placed 'later', if any, and the first one of the latest phase.
    let waiting: Recommendation | undefined;
    let last: Recommendation | undefined;
    for (const p of waitsFor(r)) {
      const standing = standingFor(inPlan.get(p)!);
      if (!decided.has(standing.id)) continue;
      if (standing.phase === 'later') {
        waiting = standing;
        break;
      }
      if (!last || PHASES.indexOf(standing.phase as Phase) > PHASES.indexOf(last.phase as Phase)) last = standing;
    }
    if (waiting) {
      decide(r, 'later', { code: 'waits', about: waiting.id });
      continue;
    }
    if (blockedBy.has(r.id)) {
      decide(r, 'later', { code: 'blocked', about: blockedBy.get(r.id)! });
      continue;
    }
    let earliest = last ? Math.max(0, PHASES.indexOf(last.phase as Phase) + 1) : 0;
    if (dutyAfter.has(r.id) && !dutyAfter.get(r.id)!.fulfillers.length) earliest = Math.max(earliest, 1);
    if (earliest >= PHASES.length) {
      decide(r, 'later', { code: 'waits', about: last!.id });
      continue;
    }
    const cost = investmentMidpoint(r);
    if (checked && spentBy[2]! + cost > envelopeMax) {
      decide(r, 'later', { code: 'budget' });
      continue;
    }
    // Spending spread over the phases: what is spent by the end of each phase stays within its share of the envelope
    // — except for a lead project (placeFirst, firstWhen, a gate duty's fix), which lands first inside the envelope whatever the shares.
    const lead = first(next) >= 3;
    // a light project (written rules and registers) takes no place among the projects run at once
    const light = next.rule.def.light === true;
    // a small fix of a legal duty not met goes in whether or not the phase has room
    const fits = alwaysFits.has(r.id);
    let slot = -1;
    let roomy = false;
    // the last phase with room that its budget share refused: which phase's share, and what would have been spent by its end
    let refused: NonNullable<Recommendation['phaseReason']>['share'];
    for (let i = earliest; i < 3 && slot < 0; i++) {
      if (!light && !fits && used[i]! >= capacity[i]!) continue;
      roomy = true;
      if (!checked || lead || withinShares(i, cost)) slot = i;
      else {
        const j = firstShareExceeded(i, cost);
        // (what is spent by then is filled in once every project is placed: the plan as the reader sees it)
        refused = { phase: PHASES[j]!, spent: cost, limit: envelopeMax! * budgetByPhase[j]! };
      }
    }
    if (slot < 0) {
      decide(r, 'later', { code: roomy ? 'phase-budget' : 'capacity' });
      continue;
    }
    if (!light && used[slot]! >= capacity[slot]!) overCapacity.add(r.id);
    if (!light) used[slot]!++;
    for (let j = slot; j < 3; j++) spentBy[j]! += cost;
    decide(r, PHASES[slot]!);
    // Later than it could start: an earlier phase with room refused it for its budget share, or every earlier phase was full.
    if (slot > earliest) r.phaseReason = refused ? { code: 'phase-budget', share: refused } : { code: 'capacity' };
  }

  // A project a phase's share kept out would still pass it in the final plan (spending only grows as projects are placed).
  for (const { rec } of input.candidates) {
    const share = rec.phaseReason?.share;
    if (share) share.spent += spentBy[PHASES.indexOf(share.phase)]!;
  }
  // What an asked project kept back by the shares could trade places with (the plan's own figures, said on its card).
  const phaseOf = (r: Recommendation) => PHASES.indexOf(r.phase as Phase);
  const awaited = new Set(input.candidates.flatMap((c) => waitsFor(c.rec)));
  // (never a lead or a project settling a legal duty: those were placed first on purpose)
  const tradable = (x: Candidate) => first(x) === 2 || first(x) < 1.5;
  for (const c of input.candidates) {
    const a = c.rec;
    if (!a.asked || !a.phaseReason?.share) continue;
    const s = phaseOf(a);
    const after = Math.max(-1, ...waitsFor(a).map((id) => phaseOf(standingFor(inPlan.get(id)!))));
    let best: Candidate | undefined;
    for (const b of input.candidates) {
      const p = phaseOf(b.rec);
      if (p < 0 || p >= s || p <= after || !tradable(b) || awaited.has(b.rec.id) || containedBy.has(b.rec.id)) continue;
      if (Boolean(b.rule.def.light) !== Boolean(c.rule.def.light)) continue;
      let fits = true;
      for (let j = p; j < s; j++) if (spentBy[j]! - investmentMidpoint(b.rec) + investmentMidpoint(a) > envelopeMax! * budgetByPhase[j]!) fits = false;
      if (fits && (!best || first(b) < first(best) || (first(b) === first(best) && b.rec.priority < best.rec.priority))) best = b;
    }
    if (best) a.phaseReason.swap = best.rec.id;
  }
  const rulesById = new Map(input.candidates.map((c) => [c.rec.id, c.rule]));
  return {
    withOverrides(list) {
      const phases = PHASES.map((id) => {
        const items = phaseItems(list, id);
        return {
          id,
          investment: investmentOf(items),
          count: items.length,
          projected: null as Projection | null,
        };
      });
      const baseline = input.result.maturity.level === null ? null : projectionOf(input.result);
      let heldBack: HeldBack | null = null;
      const afterPhases: NonNullable<Roadmap['afterPhases']>[number][] = [];
      let afterPhaseWithout: Roadmap['afterPhaseWithout'];
      // An express interview scores the plant's self-ratings, and the projects raise the requirements a full diagnosis
      // checks one by one (never asked in it): a projection would show every phase at today's level, which says
      // nothing of the projects. None is made; the report says why (`projectionExpress`).
      if (input.scoring && baseline && !expressInterview(input.answers)) {
        const scoring = input.scoring;
        let previous = baseline;
        const done: Raising[] = [];
        // each phase's projects with what they raise (their own version's, and the projects they contain)
        const byPhase: { id: string; rules: Raising[] }[][] = [];
        const rulesOf = (r: Recommendation) => [raisingOf(rulesById.get(r.id)!, r.variant), ...(includedRules.get(r.id) ?? [])];
        for (const phase of phases) {
          const added = list.filter((r) => r.phase === phase.id && rulesById.has(r.id)).map((r) => ({ id: r.id, rules: rulesOf(r) }));
          byPhase.push(added);
          for (const a of added) done.push(...a.rules);
          const raised = raisedAnswers(input.questionnaire, input.answers, done, input.scope);
          const projected = buildResult(input.questionnaire, raised, scoring.profile, scoring.targets);
          afterPhases.push({ answers: raised, result: projected });
          heldBack = heldBackOf(projected);
          const now = projectionOf(projected);
          previous = {
            level: Math.max(previous.level ?? 0, now.level ?? previous.level ?? 0),
            score: Math.max(previous.score, now.score),
            indicatorsMet: [...new Set([...previous.indicatorsMet, ...now.indicatorsMet])].sort(),
          };
          phase.projected = previous;
        }
        afterPhaseWithout = (ids, phase) => {
          const kept = byPhase.slice(0, phase + 1).flatMap((added) => added.filter((a) => !ids.has(a.id)).flatMap((a) => a.rules));
          const raised = raisedAnswers(input.questionnaire, input.answers, kept, input.scope);
          // scored when read: a caller that finds what it reads unchanged in the answers never scores it (declaration-gains.ts)
          let result: ScoreResult | undefined;
          return {
            answers: raised,
            get result() {
              return (result ??= buildResult(input.questionnaire, raised, scoring.profile, scoring.targets));
            },
          };
        };
      }
      const phased: Recommendation[] = [];
      for (const r of list) if (r.phase !== 'later') phased.push(r);
      const light: string[] = [];
      for (const r of phased) if (rulesById.get(r.id)?.def.light) light.push(r.id);
      const over: string[] = [];
      for (const r of phased) if (overCapacity.has(r.id)) over.push(r.id);
      return {
        horizonMonths: planning.horizonMonths,
        size,
        budget: { ...budget, checked, basis: 'midpoint', byPhase: planning.budgetByPhase },
        capacity,
        ...(light.length ? { light } : {}),
        ...(over.length ? { overCapacity: over } : {}),
        phases,
        later: list.filter((r) => r.phase === 'later').map((r) => r.id),
        total: investmentOf(phased),
        ...(afterPhases.length ? { afterPhases } : {}),
        ...(afterPhaseWithout ? { afterPhaseWithout } : {}),
        baseline,
        heldBack,
        duties: [...input.musts],
      };
    },
  };
}

/** The first level whose score misses the pass threshold, and its three lowest sub-domains there (null: all passed). */
function heldBackOf(r: ScoreResult): HeldBack | null {
  const threshold = r.scoring.passThreshold;
  const i = firstMissedLevelIndex(r);
  if (i < 0) return null;
  const subdomains = r.subdomains
    .filter((s) => s.levelScores[i] !== null && s.levelScores[i] !== undefined)
    .sort((a, b) => a.levelScores[i]! - b.levelScores[i]! || byId(a.id, b.id))
    .slice(0, 3)
    .map((s) => s.id);
  return { level: i + 1, score: r.maturity.levelScores[i]!, threshold, subdomains };
}

/**
 * The index of the first level whose score misses the pass threshold (-1: every level passed): where the stated level
 * is held (`heldAt`), so that the next level named here is the one the stated level leads to, judged by the same
 * rule (the level scores rounded before they are compared with the threshold, src/core/scoring.ts `accumulate`).
 */
export const firstMissedLevelIndex = (r: ScoreResult): number => (r.maturity.heldAt === null ? -1 : r.maturity.heldAt - 1);

/** A phase's projects, pushed, not filtered (one elements kind for investmentOf: see result.ts, `packed`). */
function phaseItems(list: readonly Recommendation[], phase: string): Recommendation[] {
  const out: Recommendation[] = [];
  for (const r of list) if (r.phase === phase) out.push(r);
  return out;
}

/** The investment range of a list of projects: the sums of their ranges' ends (a project without one counts 0). */
export function investmentOf(list: readonly Recommendation[]): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const r of list) {
    min += r.investment?.min ?? 0;
    max += r.investment?.max ?? 0;
  }
  return { min, max };
}

function projectionOf(r: ScoreResult): Projection {
  // pushed, not filtered and map()ped (one elements kind however V8 runs this: see result.ts, `packed`)
  const indicatorsMet: string[] = [];
  for (const i of r.indicators) if (i.met === true) indicatorsMet.push(i.id);
  return { level: r.maturity.level, score: r.maturity.score, indicatorsMet: indicatorsMet.sort() };
}
