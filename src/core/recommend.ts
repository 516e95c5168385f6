/**
 * The retrofit plan of one plant, from its answers: which rules fire (evidence that holds, nothing already in
 * place, the sector allows it), in which version (variants), with which sector wording and investment scale, at
 * what priority; then phased within the plant's budget and capacity (src/core/roadmap.ts). Pure.
 */
import type { Answers } from './answers.js';
import { applyOverrides, sortPlan, phaseRank } from './plan-order.js';
import { evaluate, truthy } from './expression/evaluate.js';
import type { Node } from './expression/parse.js';
import { judge } from './expression/kleene.js';
import { knowing, type Knowing } from './readiness-known.js';
import { budgetOf, investmentScaleOf, plantSizeOf, resolvePlanning, type BudgetFact, type PlantSizeFact, type ResolvedPlanning } from './planning.js';
import type { Profile } from './profile.js';
import type { Questionnaire } from './questionnaire.js';
import type { ScoreResult } from './result.js';
import { planRoadmap, type Roadmap } from './roadmap.js';
import { clamp01, gapOf, nextLevelQuestions } from './priority-inputs.js';
import { evidenceHolding, heldEvidence, joinStatements, openAnswersRead } from './rule-evidence.js';
import { plantRuleScope } from './rule-scope.js';
import { deadlinesOf, type OwnGoalDeadline } from './own-deadline.js';
import { ownTargetsOf, type OwnTarget } from './own-target.js';
import type { CompiledRule, Effort, LeadRule, RuleSet } from './rules-def.js';
import { PLANT_SIZES, classFor, codeUnder, packFor, sectorCode, sectorGuess, sectorInWords, titleFor, unknownDivision, wordingCodeFor, wordingFor, type CompiledSectorPack, type PlantSize, type SectorPack, type SectorRuleOverride } from './sector.js';
import type { TargetsDef } from './targets.js';
import type { Overrides, Text } from './types.js';
import type { Recommendation } from './recommendation.js';
import type { CompiledTexts, Proposals } from './items.js';
import { proposed, setLists } from './project-lists.js';
import { tellsSecret } from './rule-confidentiality.js';
import { dutyFulfillers } from './duty-fulfillers.js';
import { dutiesOf, plantDuties } from './plant-duties.js';

export type { EvidenceItem, LaterReason, OfficeView, PlanPhase, Recommendation } from './recommendation.js';

/** A rule the plant's answers made a candidate but that is not recommended here, and why. */
export interface Excluded {
  id: string;
  reason: 'sector' | 'size';
}

export const PRIORITY_FORMULA = {
  weights: { gap: 0.5, kpi: 0.3, ease: 0.2 },
  ease: { low: 1, medium: 0.6, high: 0.3 } as Record<Effort, number>,
};

export interface RecommendInput {
  questionnaire: Questionnaire;
  result: ScoreResult;
  answers: Answers;
  rules: RuleSet;
  /** Every sector pack; the one for the respondent's sector is chosen here. */
  sectors?: readonly CompiledSectorPack[] | undefined;
  overrides?: Overrides | null | undefined;
  /** To project the level after each phase (re-scoring the raised answers); no projection without it. */
  scoring?: { profile: Profile; targets: TargetsDef } | undefined;
  /**
   * The plan only (the batch, which keeps each project's title and phase): whether a rule's evidence holds is still
   * decided, but its statements are not written, so rationales and evidence lists are left empty; of a project's
   * lists only its first measure is made, to know it has one (hardware, software, integration and benefits are left
   * empty), and no office view of a project is made (whether a project is confidential is still decided).
   */
  planOnly?: boolean;
}

export interface RetrofitPlan {
  recommendations: Recommendation[];
  roadmap: Roadmap;
  /** The sector pack used (generic when no pack lists the plant's code). */
  /** The sector pack used, and the plant's sub-industry when the pack names it. */
  /**
   * `unrecognised`: the sector was written in words, not as a GB/T 4754 code (or as a code of no division:
   * `noDivision`), so the generic pack was used; with the
   * sub-industry its words are most like, as a suggestion (sectorGuess).
   */
  sector: { id: string; title: Text; class?: { code: string; name: Text }; unrecognised?: { written: string; guess?: { code: string; name: Text }; noDivision?: NonNullable<ReturnType<typeof unknownDivision>> } } | null;
  /** The multiplier applied to the medium-plant investment figures for the plant's size (the sector pack's). */
  investmentScale: number;
  /** The two size anchors the plant's staff lies between, when the multiplier is estimated between theirs. */
  investmentBetween?: { from: { size: PlantSize; employees: number }; to: { size: PlantSize; employees: number } };
  /**
   * A medium plant with at least twice the staff the medium figures stand for (a 900-person mill priced at a
   * 300-person plant's figures): the anchor's staff, for the report to say the estimates may well be low.
   */
  investmentAbove?: { size: PlantSize; employees: number };
  /** The priority bonuses used (for the report's method section). */
  bonuses: { serves: number; emphasis: number; duty: number; nextLevel: number };
  /** The rules placed before the others where they apply, for the report's phasing rule (the rule set's). */
  leads: readonly LeadRule[];
  excluded: Excluded[];
  warnings: { code: string; id: string }[];
  /** The goals the plant chose (`priorities`), in its order. */
  statedPriorities: string[];
  /** The question they were chosen in (the planning's `ownWords.priorities`), whose options name them. */
  prioritiesQuestion: string;
  /** A recognition is among the plant's goals: chosen (`declaration`) or in its own words (the rules' planning.declarationWhen). */
  declarationGoal: boolean;
  /** The plant's biggest bottleneck in its own words (`main_bottleneck`), when answered. */
  bottleneck?: string;
  /** What the plant wants its retrofits to solve first, in its own words (`digital_goals`), when answered. */
  ownGoals?: string;
  /**
   * What the plant asked for in its own words that no project of the rules answers (the rules' planning.outOfScope
   * whose condition holds), for its own report; never one whose condition reads a confidential answer.
   */
  outOfScope?: { id: string; text: Text }[];
  /**
   * The goals in its own words that set a time limit ("2027 年", "两年内"), each with the projects the plant asked for
   * in that goal (their rule's `askedWhen` holds for that goal alone), to set against their phases.
   */
  ownDeadlines?: OwnGoalDeadline[];
  /** The figures in its own words for a ratio indicator ("关键工序数控化率超过 60%"), held against its value today. */
  ownTargets?: OwnTarget[];
  /**
   * The projects the plant asked for in its own words (their rule's askedWhen holds) that this plan does not propose,
   * and why: the answers they turn on were "don't know" or not given (`open`, with those questions), by the answers
   * the plant does not need it (`not-needed`), needs it but lacks what it rests on (`not-ready`: the rule's condition
   * fails while its evidence holds, a traceability project that needs an MES or a production level not reached) or
   * has it (`in-place`), or it does not fit the plant's sector or size.
   */
  askedNotProposed?: AskedNotProposed[];
}

export interface AskedNotProposed {
  id: string;
  title: Text;
  reason: 'open' | 'not-needed' | 'not-ready' | 'in-place' | 'sector' | 'size';
  /** For `open`: the questions it turned on that were answered "don't know" or left unanswered. */
  questions?: string[];
  /**
   * A project the plan proposes that settles a duty this one would (a light traceability project in place of the
   * full one): the need the plant's words voice is answered there, and said so.
   */
  coveredBy?: { id: string; title: Text; phase: Recommendation['phase'] };
}

export type { OwnGoalDeadline } from './own-deadline.js';

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const sizeRank = (s: PlantSize) => PLANT_SIZES.indexOf(s);

const scaled = (inv: { min: number; max: number }, k: number) => ({ min: Math.round(inv.min * k), max: Math.round(inv.max * k) });

/** A free-text answer as written (trimmed), when answered. */
const ownWords = (answers: Answers, id: string): string | undefined => {
  const r = answers.resolved.get(id);
  return r?.status === 'answered' && typeof r.value === 'string' && r.value.trim() ? r.value.trim() : undefined;
};

/** The plant's stated priorities (the planning's `ownWords.priorities` question). */
function statedPriorities(answers: Answers, id: string): Set<string> {
  const r = answers.resolved.get(id);
  return new Set(r?.status === 'answered' && Array.isArray(r.value) ? r.value.map(String) : []);
}

interface Candidate {
  rule: CompiledRule;
  rec: Recommendation;
}

/**
 * The plan's projects, in the candidates' order, less those folded into a container when some were (`folded`).
 * Pushed, not map()ped and filtered: the plan list keeps one elements kind (see result.ts, `packed`).
 */
function planOf(kept: readonly Candidate[], folded: boolean): Recommendation[] {
  const out: Recommendation[] = [];
  for (const c of kept) if (!folded || c.rec.laterReason?.code !== 'included') out.push(c.rec);
  return out;
}

/** What a sector pack says about one rule: never recommended, a minimum plant size, its wording, emphasised. */
interface PackOnRule {
  never: boolean;
  minPlantSize: PlantSize | undefined;
  wording: SectorRuleOverride | undefined;
  /** The item lists of the wording, conditions parsed. */
  wordingTexts: CompiledTexts | undefined;
  emphasised: boolean;
}

/** Per pack and rule, read once (a pack's lists and tables are keyed by rule id; every plant asks about every rule). */
const packOnRules = new WeakMap<CompiledSectorPack, WeakMap<CompiledRule, PackOnRule>>();

function packOnRule(pack: CompiledSectorPack, rule: CompiledRule): PackOnRule {
  let byRule = packOnRules.get(pack);
  if (!byRule) {
    byRule = new WeakMap();
    packOnRules.set(pack, byRule);
  }
  let says = byRule.get(rule);
  if (!says) {
    const id = rule.def.id;
    says = { never: pack.def.never.includes(id), minPlantSize: pack.def.minPlantSize?.[id], wording: pack.def.rules[id], wordingTexts: pack.wording.get(id), emphasised: pack.def.emphasise.includes(id) };
    byRule.set(rule, says);
  }
  return says;
}

/** Match plant rules against a scored plant, prioritise them, phase them within budget and capacity, apply overrides. */
export function recommend(input: RecommendInput): RetrofitPlan {
  const { questionnaire: q, result, answers, rules } = input;
  const planning: ResolvedPlanning = resolvePlanning(rules.def.planning);
  const size: PlantSizeFact = plantSizeOf(answers, planning);
  const budget: BudgetFact = budgetOf(answers, planning);
  const sector = answers.file.respondent.sector;
  const code = sectorCode(sector);
  const pack = input.sectors ? packFor(input.sectors, sector) : undefined;
  // the pack's wording for the plant's narrower code, where it has one (rulesByCode)
  const byCode = pack?.def.rulesByCode ? wordingCodeFor(pack.def, code) : undefined;
  const scope = plantRuleScope(q, result, answers, { plantSize: size.size, budgetMax: budget.envelope?.max ?? null });
  const stated = statedPriorities(answers, planning.ownWords.priorities);
  // pushed, not filtered and map()ped: this and the plan lists below keep one elements kind (see result.ts, `packed`)
  const duties = plantDuties(dutiesOf(pack, input.sectors ?? [], code), scope, answers);
  const fulfils = new Set<string>();
  for (const d of duties) if (!d.met && !d.unsure) for (const id of dutyFulfillers(d)) fulfils.add(id);
  // (by staff between the packs' anchors: a step from one size class to the next is not a step in the estimate)
  const bySize = pack ? investmentScaleOf(pack.def.investmentScale, size, planning.sizes.anchors) : { scale: 1 };
  const scale = bySize.scale;
  const closesNextLevel = nextLevelQuestions(q, result);
  const excluded: Excluded[] = [];
  const candidates: Candidate[] = [];
  // the projects whose lists have steps another project may take, with how to make them again
  const remake: { rec: Recommendation; again: (taken: Proposals, officeTaken: Proposals, keepIfEmpty?: boolean, target?: Recommendation) => boolean }[] = [];

  // What the plant asked for in its own words that this plan does not propose, and why (its own report; not the batch)
  const askedNotProposed: AskedNotProposed[] = [];
  let know: Knowing | undefined;
  // (called only when `asking`: the batch's plan, which never says it, builds nothing per rule for it)
  const asking = !input.planOnly;
  const notProposed = (rule: CompiledRule, reason: AskedNotProposed['reason'], deciding: readonly Node[] = []): void => {
    // A rule written for other sectors (food lot traceability) is not what a plant of this one asked for, whatever
    // its words share with it ("追溯"): never said as asked for.
    const only = rule.def.sectors?.only;
    if (only?.length && !codeUnder(code, only)) return;
    if (!rule.askedWhen || !truthy(evaluate(rule.askedWhen, scope))) return;
    // A condition the known answers do not decide (read in three values, as readiness is): the answers it turns on
    // that nobody gave or knew may yet call for the project.
    const undecided = reason === 'not-needed' || reason === 'not-ready' ? deciding.filter((node) => !((know ??= knowing(q, result, answers)).known(node) || judge(node, scope, know) === false)) : [];
    const open = undecided.length ? openAnswersRead(undecided, q, answers) : [];
    askedNotProposed.push({ id: rule.def.id, title: rule.def.title, reason: open.length ? 'open' : reason, ...(open.length ? { questions: open } : {}) });
  };

  for (const rule of rules.rules) {
    const def = rule.def;
    if (def.retrofitLevel === 'park') continue;
    if (!truthy(evaluate(rule.when, scope))) {
      // what it builds is in place already (traceability that works without an MES): said so; else, its condition
      // fails while its evidence holds: the plant needs it, but what it rests on is not there yet
      if (asking) {
        if (rule.inPlace && truthy(evaluate(rule.inPlace, scope))) notProposed(rule, 'in-place');
        else notProposed(rule, rule.evidence.length && evidenceHolding(rule.evidence, scope) !== 'none' ? 'not-ready' : 'not-needed', [rule.when]);
      }
      continue;
    }
    if (rule.inPlace && truthy(evaluate(rule.inPlace, scope))) {
      if (asking) notProposed(rule, 'in-place');
      continue;
    }
    const packSays = pack ? packOnRule(pack, rule) : undefined;
    const sectorExcluded =
      (def.sectors?.only?.length && !codeUnder(code, def.sectors.only)) || (def.sectors?.never?.length && codeUnder(code, def.sectors.never)) || packSays?.never;
    if (sectorExcluded) {
      excluded.push({ id: def.id, reason: 'sector' });
      if (asking) notProposed(rule, 'sector');
      continue;
    }
    const minSize = packSays?.minPlantSize;
    if (minSize && sizeRank(size.size) < sizeRank(minSize)) {
      excluded.push({ id: def.id, reason: 'size' });
      if (asking) notProposed(rule, 'size');
      continue;
    }
    const variant = rule.variants.find((v) => truthy(evaluate(v.when, scope)));
    const statements = variant && variant.evidence.length ? variant.evidence : rule.evidence;
    // A rule of an older file without evidence keeps its written rationale; an evidence rule needs a statement that holds.
    const evidence = input.planOnly ? [] : heldEvidence(statements, scope, q, answers);
    // (from the statements held, unless one is only supporting: evidenceHolding decides which propose the project)
    const holding = input.planOnly || statements.some((e) => e.def.supporting) ? evidenceHolding(statements, scope) : evidence.length === 0 ? 'none' : evidence.some((e) => !e.confidential) ? 'open' : 'confidential';
    const holds = holding !== 'none';
    if (rule.evidence.length && !holds) {
      if (asking) notProposed(rule, 'not-needed', statements.map((e) => e.when));
      continue;
    }
    const narrow = byCode !== undefined && pack?.def.rulesByCode?.[byCode]?.[def.id] ? wordingFor(pack, def.id, byCode) : undefined;
    const sectorText = variant ? undefined : (narrow?.wording ?? packSays?.wording);
    // named, not spread into the calls below (a call with a spread array takes V8's slow path, some twenty per plant)
    const variantTexts = variant?.texts;
    const sectorTexts = variant ? undefined : narrow ? narrow.texts : packSays?.wordingTexts;
    const offer = proposed(rule, variantTexts, sectorTexts, scope, input.planOnly ?? false);
    // Every step the project would take is already in place: there is nothing to recommend.
    if (!offer.measures.length) {
      if (asking) notProposed(rule, 'in-place');
      continue;
    }
    const v = variant?.def;
    const investment = v?.investment ?? sectorText?.investment ?? def.investment;
    const effort = v?.effort ?? sectorText?.effort ?? def.effort;
    const servesPriorities = (def.serves ?? []).filter((p) => stated.has(p));
    const gap = gapOf(rule, result);
    const kpi = clamp01((def.kpis?.length ?? 0) / 3);
    const ease = PRIORITY_FORMULA.ease[effort];
    const w = PRIORITY_FORMULA.weights;
    const bonus = planning.priority;
    const parts = {
      gap: round3(gap),
      kpi: round3(kpi),
      ease,
      serves: servesPriorities.length ? bonus.servesBonus : 0,
      emphasis: packSays?.emphasised ? bonus.emphasiseBonus : 0,
      duty: fulfils.has(def.id) ? bonus.mustBonus : 0,
      nextLevel: (variant?.raises ?? rule.raises).some((r) => closesNextLevel.has(r.question)) ? bonus.nextLevelBonus : 0,
    };
    const priority = Math.min(100, Math.round(100 * (w.gap * gap + w.kpi * kpi + w.ease * ease)) + parts.serves + parts.emphasis + parts.duty + parts.nextLevel);
    // Field by field, in the order the outputs show the keys: a literal with the optional fields spread into its
    // middle is built on a slow path (≈ 5× slower, for some twenty recommendations per plant).
    const rec = {
      id: def.id,
      // (a variant's title given as alternatives: the one its lists chose)
      title: offer.title ?? (v?.title && !Array.isArray(v.title) ? v.title : undefined) ?? sectorText?.title ?? def.title,
      rationale: evidence.length ? joinStatements(evidence) : input.planOnly && rule.evidence.length ? { zh: '', en: '' } : (def.rationale ?? { zh: '', en: '' }),
      retrofitLevel: def.retrofitLevel,
      programme: def.programme,
      projectType: def.projectType,
      phase: '0-6m',
      priority,
      priorityParts: parts,
      servesPriorities,
    } as Recommendation;
    if (rule.askedWhen && truthy(evaluate(rule.askedWhen, scope))) rec.asked = true;
    if (v) rec.variant = v.id;
    if (sectorText && pack) rec.sectorWording = pack.def.id;
    rec.measures = offer.measures;
    rec.hardware = offer.hardware;
    rec.software = offer.software;
    rec.integration = offer.integration;
    // written rules and registers the plant's own staff draw up (light) cost what the staff's time and some help
    // cost, and a project of fixed scope (one welding cell) what that scope costs, whatever the plant's size: neither
    // is scaled with it
    const fixedScope = (v?.fixedScope ?? def.fixedScope) === true;
    rec.investment = def.light || fixedScope ? scaled(investment, 1) : scaled(investment, scale);
    if (fixedScope) rec.fixedScope = true;
    rec.benefits = offer.benefits;
    rec.kpis = def.kpis ?? [];
    rec.effort = effort;
    // (a sector's wording may wait for fewer of the rule's prerequisites, never for others: no cycle can arise)
    rec.prerequisites = variant?.def.prerequisites ?? sectorText?.prerequisites?.filter((id) => def.prerequisites?.includes(id)) ?? def.prerequisites ?? [];
    rec.addresses = def.addresses;
    rec.indicators = def.indicators ?? [];
    rec.support = def.support ?? [];
    rec.source = 'rules';
    // The project itself is confidential when its rule says so, when whether the plant gets it or which variant it is
    // tells a confidential answer, or when only statements resting on confidential answers hold for this plant.
    rec.confidential = tellsSecret(rule, variant, scope, rules.open) || (statements.length > 0 && holding !== 'open');
    rec.evidence = evidence;
    // Evidence or items resting on confidential answers: the office audience sees the project without them.
    const officeView = (made: typeof offer, target: Recommendation = rec) => {
      if (!input.planOnly && (made.office || statements.some((e) => e.confidential))) {
        const shown = made.office ?? made;
        target.officeView = { evidence: evidence.filter((e) => !e.confidential), measures: shown.measures, hardware: shown.hardware, software: shown.software, integration: shown.integration, benefits: shown.benefits };
      }
    };
    officeView(offer);
    candidates.push({ rule, rec });
    if (offer.defers) {
      remake.push({
        rec,
        again: (taken, officeTaken, keepIfEmpty = false, target = rec) => {
          const made = proposed(rule, variantTexts, sectorTexts, scope, input.planOnly ?? false, taken, officeTaken);
          // every step another project takes: nothing of this one is left to propose
          if (!made.measures.length) return keepIfEmpty;
          setLists(target, made);
          officeView(made, target);
          return true;
        },
      });
    }
  }
  // Steps another proposed project takes are left to it (an item's unlessProposed), once all are known.
  if (remake.length) {
    const taken = { all: new Set(candidates.map((c) => c.rec.id)) };
    const officeTaken = { all: new Set(candidates.filter((c) => !c.rec.confidential).map((c) => c.rec.id)) };
    const gone = new Set<Recommendation>();
    for (const { rec, again } of remake) if (!again(taken, officeTaken)) gone.add(rec);
    if (gone.size) candidates.splice(0, candidates.length, ...candidates.filter((c) => !gone.has(c.rec)));
  }

  const dropped = new Set(input.overrides?.recommendations?.drop ?? []);
  const kept = candidates.filter((c) => !dropped.has(c.rec.id));
  const roadmap = planRoadmap({
    candidates: kept,
    goals: [...stated],
    planning,
    size,
    budget,
    musts: duties,
    questionnaire: q,
    answers,
    result,
    scope,
    ...(input.scoring ? { scoring: input.scoring } : {}),
  });
  const included = kept.filter((c) => c.rec.laterReason?.code === 'included');
  foldIntoContainers(included.map((c) => c.rec), kept);
  const { list, warnings } = applyOverrides(
    planOf(kept, included.length > 0),
    input.overrides,
    new Set(candidates.map((c) => c.rec.id)),
  );
  // Once the phases are known, the lists are worded against the projects of the plan period only: a step is left to,
  // or worded for, a project that will be done within it, never one beyond it ('later'). Which projects exist was
  // decided above, against every candidate; the batch's plan reads no list.
  if (remake.length && !input.planOnly) {
    const inPeriod = list.filter((r) => r.phase !== 'later');
    // (an item with earlierOnly: the projects of the same phase as this one, or before; beforeOnly: of a phase before
    // it; the office: those it is shown)
    const proposals = (recs: readonly Recommendation[], rec: Recommendation): Proposals => ({
      all: new Set(recs.map((r) => r.id)),
      earlier: new Set(recs.filter((r) => phaseRank(r.phase) <= phaseRank(rec.phase)).map((r) => r.id)),
      before: new Set(recs.filter((r) => phaseRank(r.phase) < phaseRank(rec.phase)).map((r) => r.id)),
    });
    const shown = inPeriod.filter((r) => !r.confidential);
    // a project the consultant moved to another phase is a copy in the list (applyOverrides): that copy, in its new
    // phase, is the one worded
    const final = new Map(list.map((r) => [r.id, r]));
    for (const { rec, again } of remake) {
      const r = final.get(rec.id) ?? rec;
      again(proposals(inPeriod, r), proposals(shown, r), true, r);
    }
  }
  const bottleneck = ownWords(answers, planning.ownWords.bottleneck);
  const ownGoals = ownWords(answers, planning.ownWords.goals);
  // (the plan only, as batch builds it, says nothing of them)
  const ownDeadlines = ownGoals && !input.planOnly ? deadlinesOf(ownGoals, answers.file.respondent.date, kept, scope, planning.ownWords) : [];
  const ownTargets = ownGoals && !input.planOnly ? ownTargetsOf(ownGoals, q, result.indicators) : [];
  // what the plant asked for and the plan does not propose, when a project it does propose settles the same duty
  if (askedNotProposed.length) {
    const inPlan = new Map(list.map((r) => [r.id, r]));
    for (const a of askedNotProposed) {
      const by = duties.flatMap((d) => (dutyFulfillers(d).includes(a.id) ? dutyFulfillers(d) : [])).find((id) => id !== a.id && inPlan.has(id));
      if (by) a.coveredBy = { id: by, title: inPlan.get(by)!.title, phase: inPlan.get(by)!.phase };
    }
  }
  const outOfScope = input.planOnly ? [] : rules.outOfScope.filter((n) => !n.confidential && truthy(evaluate(n.when, scope))).map((n) => ({ id: n.id, text: n.text }));
  return {
    recommendations: sortPlan(list),
    roadmap: roadmap.withOverrides(list),
    sector: pack ? sectorOf(pack.def, answers.file.respondent.sector, input.sectors ?? []) : null,
    investmentScale: scale,
    ...(pack && size.size === 'medium' && size.basis === 'employees' && size.employees !== null && planning.sizes.anchors && size.employees >= 2 * planning.sizes.anchors.medium ? { investmentAbove: { size: 'medium' as const, employees: planning.sizes.anchors.medium } } : {}),
    ...(bySize.between && planning.sizes.anchors ? { investmentBetween: { from: { size: bySize.between[0], employees: planning.sizes.anchors[bySize.between[0]] }, to: { size: bySize.between[1], employees: planning.sizes.anchors[bySize.between[1]] } } } : {}),
    bonuses: { serves: planning.priority.servesBonus, emphasis: planning.priority.emphasiseBonus, duty: planning.priority.mustBonus, nextLevel: planning.priority.nextLevelBonus },
    leads: rules.leads,
    excluded,
    warnings,
    statedPriorities: [...stated],
    prioritiesQuestion: planning.ownWords.priorities,
    declarationGoal: stated.has('declaration') || Boolean(rules.declarationWhen && truthy(evaluate(rules.declarationWhen, scope))),
    ...(bottleneck ? { bottleneck } : {}),
    ...(ownGoals ? { ownGoals } : {}),
    ...(ownDeadlines.length ? { ownDeadlines } : {}),
    ...(ownTargets.length ? { ownTargets } : {}),
    ...(outOfScope.length ? { outOfScope } : {}),
    ...(askedNotProposed.length ? { askedNotProposed } : {}),
  };
}

/**
 * A project contained in another of the plan period (the roadmap's `included`) is part of it, not listed beside it:
 * the goals it serves and the indicators it raises become the container's.
 */
function foldIntoContainers(included: readonly Recommendation[], kept: readonly Candidate[]): void {
  for (const r of included) {
    const container = kept.find((c) => c.rec.id === r.laterReason!.about)!.rec;
    for (const p of r.servesPriorities) if (!container.servesPriorities.includes(p)) container.servesPriorities.push(p);
    for (const i of r.indicators) if (!container.indicators.includes(i)) container.indicators.push(i);
  }
}

/** The sector pack's id and title (its title for the plant's narrower code, if it has one), with the plant's sub-industry when the pack names its code. */
function sectorOf(pack: SectorPack, sector: string | undefined, packs: readonly CompiledSectorPack[]): NonNullable<RetrofitPlan['sector']> {
  const cls = classFor(pack, sector);
  const written = (sector ?? '').trim();
  // a code of no division (C99): the generic plan, said so, with how to get the sector's
  const noDivision = pack.codes.length ? undefined : unknownDivision(written);
  if (noDivision) return { id: pack.id, title: pack.title, unrecognised: { written, noDivision } };
  if (pack.codes.length || !sectorInWords(written)) return { id: pack.id, title: titleFor(pack, sector), ...(cls ? { class: cls } : {}) };
  const guess = sectorGuess(packs, written);
  return { id: pack.id, title: pack.title, unrecognised: { written, ...(guess ? { guess } : {}) } };
}
