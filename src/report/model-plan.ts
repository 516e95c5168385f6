/** The report's retrofit plan: phases with their investment and projected level, plan items, duties, support schemes. */
import { schemeExpired, type PolicyDef } from '../core/policy.js';
import type { Questionnaire } from '../core/questionnaire.js';
import type { AskedNotProposed, Recommendation, RetrofitPlan } from '../core/recommend.js';
import { DEFAULT_PLANNING } from '../core/planning.js';
import { investmentOf, type Projection, type Roadmap } from '../core/roadmap.js';
import { missedTargets } from '../core/plan-anchors.js';
import { dutyFulfillers } from '../core/duty-fulfillers.js';
import { declarationLines, declarationLinesToday, type ReadinessNowAndAfter } from './model-declaration.js';
import { deadlineLines, own, ownTargetLines } from './model-own-goals.js';
import { adviceFor, amount, easiestToBringIn, laterReasonText, money, phaseReasonText } from './model-waiting.js';
import type { ScoreResult } from '../core/result.js';
import { isText, type Text } from '../core/types.js';
import { fill, joinTexts, type Wording } from '../core/wording.js';
import { cny, fixed2Below, indicatorTarget, indicatorValue, quoted, same, scoreText } from './format.js';

export interface PlanItem {
  id: string;
  title: Text;
  rationale: Text;
  /** The statements the rationale is made of, each true of the plant's answers. */
  evidence: Text[];
  /** The office report: that statements resting on confidential answers are left out (a note, not a statement). */
  withheld?: Text;
  retrofitLevel: Text;
  levelId: string;
  programme?: Text;
  projectType?: Text;
  phase: Text;
  phaseId: string;
  priority: number;
  /** The plant's own goals this project answers. */
  serves?: Text;
  /** Why a project waits beyond the plan period. */
  laterReason?: Text;
  /** Why a project the plant asked for is in a later phase than it could start in. */
  phaseReason?: Text;
  measures: Text[];
  hardware: Text[];
  software: Text[];
  integration: Text[];
  /** The estimate: 万元 in Chinese, CNY in English ("CNY 0.3–1.5 million"). */
  investment?: Text;
  benefits?: Text;
  /** Prerequisites by title. */
  prerequisites: Text[];
  consultant: boolean;
  /** Its scope is fixed (one welding cell): its investment is not scaled with the plant's size. */
  fixedScope?: true;
  rephased: boolean;
}

export interface PlanPhase {
  id: string;
  phase: Text;
  /** "3 projects, 40–120 (10,000 CNY)". */
  summary: Text;
  /** The projected level once this phase is complete (absent for `later`, or when no level is stated today). */
  projected?: Text;
  items: PlanItem[];
}

export interface PlanModel {
  /** How to read the plan: order, sector, size and capacity, budget (the budget only for the plant's own report). */
  intro: Text[];
  phases: PlanPhase[];
  total?: Text;
  projectionNote: Text;
  /**
   * Each duty that applies. `line`: the duty, its source and its status as one sentence per language (the source in
   * that language's brackets), then `settled`: when not met, the listed projects that settle it.
   */
  duties: { text: Text; source: Text; line: Text; check: Text; status: Text; settled?: Text }[];
  /** Said once under the duties when a reference is not yet checked against the original (its source is marked *). */
  dutiesNote?: Text;
  /** What the benefit ranges rest on (comparable projects, not this plant), when a project listed states any. */
  benefitsBasis?: Text;
}

export interface SupportRow {
  name: Text;
  /** Document and section, e.g. 郑政文〔2018〕168号 四(六). */
  source?: string;
  /** What a consultant tells the plant now (an expired scheme: check the current one). */
  status?: Text;
  expired: boolean;
}

const optionLabel = (q: Questionnaire, question: string, value: string): Text => q.byId.get(question)?.options?.find((o) => o.value === value)?.label ?? same(value);
export function planItems(shown: Recommendation[], all: Recommendation[], w: Wording, policy: PolicyDef | undefined, q: Questionnaire, plan: RetrofitPlan | null, office = false): PlanItem[] {
  // A project withheld from the office report (resting on a confidential answer) is not named there either, as a
  // prerequisite or as what another project waits for: its title would tell the gap.
  const named = office ? shown : all;
  const titles = new Map(named.map((r) => [r.id, r.title]));
  const programme = (id: string) => policy?.programmes.find((p) => p.id === id);
  const projectType = (id: string) => policy?.projectTypes.find((p) => p.id === id)?.name;
  return shown.map((rec) => {
    const prog = programme(rec.programme);
    const later = laterReasonText(rec, named, w, plan, office);
    const phaseWhy = phaseReasonText(rec, named, w, plan, office);
    // The office sees a project without the statements and items that rest on confidential answers, and is told so.
    const view = office && rec.officeView ? rec.officeView : undefined;
    const evidence = (view ?? rec).evidence.map((e) => e.statement);
    const offer = view ?? rec;
    return {
      id: rec.id,
      title: rec.title,
      rationale: view ? joinTexts(evidence, { zh: '', en: ' ' }) : rec.rationale,
      evidence,
      ...(view ? { withheld: w.phrases.officeDetailsWithheld! } : {}),
      retrofitLevel: w.retrofitLevels[rec.retrofitLevel] ?? same(rec.retrofitLevel),
      levelId: rec.retrofitLevel,
      ...(rec.programme ? { programme: prog ? { zh: `${prog.name.zh}（${policy!.document} ${prog.section}）`, en: `${prog.name.en} (${policy!.document} ${prog.section})` } : same(rec.programme) } : {}),
      ...(rec.projectType ? { projectType: projectType(rec.projectType) ?? same(rec.projectType) } : {}),
      phase: w.phases[rec.phase]!,
      phaseId: rec.phase,
      priority: rec.priority,
      ...servesText(rec, w, q, plan?.prioritiesQuestion ?? DEFAULT_PLANNING.ownWords.priorities, office),
      ...(later ? { laterReason: later } : {}),
      ...(phaseWhy ? { phaseReason: phaseWhy } : {}),
      measures: offer.measures,
      hardware: offer.hardware,
      software: offer.software,
      integration: offer.integration,
      ...(rec.investment ? { investment: { zh: `${rec.investment.min}–${rec.investment.max}`, en: cny([rec.investment.min, rec.investment.max]) } } : {}),
      ...(offer.benefits ? { benefits: offer.benefits } : {}),
      prerequisites: rec.prerequisites.filter((id) => titles.has(id)).map((id) => titles.get(id)!),
      consultant: rec.source === 'consultant',
      ...(rec.fixedScope ? { fixedScope: true as const } : {}),
      rephased: Boolean(rec.overridden?.phase),
    };
  });
}

/** The plant's goals a project answers, and (its own report only) that it asked for the project in its own words. */
function servesText(rec: Recommendation, w: Wording, q: Questionnaire, question: string, office: boolean): { serves?: Text } {
  const goals = rec.servesPriorities.map((v) => optionLabel(q, question, v));
  const asked = rec.asked && !office ? [w.phrases.askedInInterview!] : [];
  return goals.length || asked.length ? { serves: joinTexts([...(goals.length ? [joinTexts(goals)] : []), ...asked], { zh: '；', en: '; ' }) } : {};
}

function projectionText(p: Projection, w: Wording, result: ScoreResult, baseline?: Projection): Text {
  const level = p.level ?? 0;
  const score = scoreText(p.score, result.scoring.bands);
  const head = level >= 1 ? fill(w.phrases.projection!, { level, score }) : fill(w.phrases.projectionNotYet!, { score });
  // Indicators that would newly meet their reference target.
  const gained = p.indicatorsMet.filter((id) => !baseline?.indicatorsMet.includes(id));
  const titles = gained.map((id) => result.indicators.find((i) => i.id === id)?.title ?? same(id));
  if (!titles.length) return head;
  const tail = fill(w.phrases.projectionIndicators!, { list: joinTexts(titles) });
  return { zh: head.zh + tail.zh, en: head.en + tail.en };
}

function sizeLine(roadmap: Roadmap, w: Wording, scale: number, between?: RetrofitPlan['investmentBetween']): Text {
  const p = w.phrases;
  const names = { small: p.sizeSmall!, medium: p.sizeMedium!, large: p.sizeLarge! };
  const size = names[roadmap.size.size];
  const basis =
    roadmap.size.basis === 'employees'
      ? fill(p.sizeByEmployees!, { n: roadmap.size.employees ?? 0 })
      : roadmap.size.basis === 'equipment'
        ? fill(p.sizeByEquipment!, { n: roadmap.size.equipment ?? 0 })
        : roadmap.size.basis === 'above-designated-size'
          ? p.sizeByScale!
          : p.sizeAssumed!;
  // each phase's own limit (the reasons for 'later' cite the phase's, not the largest)
  const [a, b, c] = roadmap.capacity;
  // at the reference itself, "1 × the medium-plant reference" says nothing: the reference is named instead
  const capacity = { zh: `${a}、${b}、${c}`, en: `${a}, ${b} and ${c}` };
  // by staff between two anchors: the estimate says between which, not "a small plant's" for 150 staff
  if (between) return fill(p.planSizeBetween!, { size, basis, capacity, scale, from: names[between.from.size], fromStaff: between.from.employees, to: names[between.to.size], toStaff: between.to.employees });
  return fill(scale === 1 ? p.planSizeReference! : p.planSize!, { size, basis, capacity, scale });
}

/** The projection note, and what would still hold the level back after the last phase. */
function withHeldBack(note: Text, roadmap: Roadmap, w: Wording, result: ScoreResult): Text {
  const h = roadmap.heldBack;
  if (!h) return note;
  const names = h.subdomains.map((id) => result.subdomains.find((s) => s.id === id)?.name ?? same(id));
  const tail = fill(w.phrases.projectionHeldBack!, { level: h.level, score: fixed2Below(h.score, h.threshold), threshold: h.threshold, list: joinTexts(names) });
  return { zh: note.zh + tail.zh, en: `${note.en} ${tail.en}` };
}

/** The projection note, and (office report) how many projects it counts that are not listed. */
function withUnlisted(note: Text, unlisted: number, w: Wording): Text {
  if (!unlisted) return note;
  const tail = fill(w.phrases.projectionUnlisted!, { count: unlisted });
  return { zh: note.zh + tail.zh, en: `${note.en} ${tail.en}` };
}

/**
 * The plant's own goals and the plan targets it misses, against the plan: for each goal it chose and each target, the
 * project of the plan period that answers it, or the one that would and why it waits, and what it would take to
 * bring it in; and (its own report only: free text stays out of the office's) its goals and bottleneck in its words.
 */
function goalLines(plan: RetrofitPlan, w: Wording, q: Questionnaire, result: ScoreResult, office: boolean): Text[] {
  const p = w.phrases;
  const out: Text[] = [];
  // The office report names no project it does not list (a confidential one) and says nothing of the budget.
  const named = office ? plan.recommendations.filter((r) => !r.confidential) : plan.recommendations;
  // served by any project of the plan period (a confidential one too: the office is not told no project serves it)
  const inPeriod = plan.recommendations.filter((r) => r.phase !== 'later');
  const phased = named.filter((r) => r.phase !== 'later');
  const waiting = named.filter((r) => r.phase === 'later');
  const why = (r: Recommendation): Text => {
    const reason = laterReasonText(r, named, w, plan, office, true);
    return reason ? fill(p.goalWaitsBecause!, { title: r.title, reason }) : fill(p.goalWaits!, { title: r.title });
  };
  // the waiting projects already named for a goal or target (not named again as asked for)
  const alreadyNamed = new Set<string>();
  const stated = plan.statedPriorities;
  if (stated.length) {
    const goal = (v: string) => optionLabel(q, plan.prioritiesQuestion, v);
    out.push(fill(p.planGoals!, { list: joinTexts(stated.map((v) => quoted(goal(v)))) }));
    for (const g of stated) {
      const serves = (r: Recommendation) => (r.servesPriorities as readonly string[]).includes(g);
      if (inPeriod.some(serves)) continue;
      const next = easiestToBringIn(waiting.filter(serves));
      if (next) alreadyNamed.add(next.id);
      out.push(next ? fill(p.planGoalWaiting!, { goal: goal(g), waits: why(next), advice: adviceFor(next, plan, w, office) }) : fill(p.planGoalNone!, { goal: goal(g) }));
    }
  }
  const missed = new Set(missedTargets(result));
  // an expired target (its year before the assessment's) is a reference: said as one, and no budget is asked for it
  // (a project the plant asked for is still said with what it would take, below)
  const historical = result.targets.historical;
  for (const i of result.indicators) {
    if (!missed.has(i.id)) continue;
    const raises = (r: Recommendation) => r.indicators.includes(i.id);
    const target = { title: i.title, value: indicatorValue(i), target: indicatorTarget(i), year: i.targetYear ?? result.targets.year ?? '' };
    const inPlan = phased.filter(raises);
    const next = easiestToBringIn(waiting.filter(raises));
    if (next && !historical) alreadyNamed.add(next.id);
    // raised only by a project the office report does not list: nothing to say that would be true and not tell it
    if (!inPlan.length && inPeriod.some(raises)) continue;
    if (inPlan.length) out.push(fill(historical ? p.planTargetHistoricalPhased! : p.planTargetPhased!, { ...target, projects: joinTexts(inPlan.slice(0, 3).map((r) => fill(p.projectInPhase!, { title: r.title, phase: w.phases[r.phase]! }))) }));
    else if (next && historical) out.push(fill(p.planTargetHistoricalWaiting!, { ...target, waits: why(next) }));
    else if (next) out.push(fill(p.planTargetWaiting!, { ...target, waits: why(next), advice: adviceFor(next, plan, w, office) }));
    else out.push(fill(historical ? p.planTargetHistoricalNone! : p.planTargetNone!, target));
  }
  // What the plant asked for in its own words and the plan period does not take (its own report only).
  if (!office)
    for (const r of waiting) if (r.asked && !alreadyNamed.has(r.id)) out.push(fill(p.planAskedWaiting!, { waits: why(r), advice: adviceFor(r, plan, w, office) }));
  // ...and what it asked for that the plan does not propose at all, and why: never left to silence (its own report only)
  if (!office) for (const a of plan.askedNotProposed ?? []) out.push(askedNotProposedLine(a, w, q));
  if (!office && plan.ownGoals) out.push(fill(p.planOwnGoals!, { text: own(plan.ownGoals) }));
  if (!office) out.push(...ownTargetLines(plan, w, q), ...deadlineLines(plan, w, q));
  if (!office && plan.bottleneck) out.push(fill(p.planBottleneck!, { text: own(plan.bottleneck) }));
  // what it asked for that no retrofit project answers (capacity expansion…): said, not left to silence
  if (!office) out.push(...(plan.outOfScope ?? []).map((n) => n.text));
  return out;
}

/** A project the plant asked for that the plan does not propose, with why, and the questions to settle when that is it. */
function askedNotProposedLine(a: AskedNotProposed, w: Wording, q: Questionnaire): Text {
  const p = w.phrases;
  if (a.coveredBy) return fill(p.planAskedCovered!, { title: a.title, by: a.coveredBy.title, phase: w.phases[a.coveredBy.phase]! });
  if (a.reason !== 'open') return fill(p[ASKED_REASON[a.reason]]!, { title: a.title });
  const questions = joinTexts((a.questions ?? []).slice(0, 4).map((id) => quoted(q.byId.get(id)?.text ?? same(id))));
  return fill(p.planAskedOpen!, { title: a.title, questions });
}
const ASKED_REASON = { 'not-needed': 'planAskedNotNeeded', 'not-ready': 'planAskedNotReady', 'in-place': 'planAskedInPlace', sector: 'planAskedSector', size: 'planAskedSize' } as const;

/** The budget's shares by the end of the near and medium terms, in per cent (the budget line and the phasing rule). */
export function budgetShares(roadmap: Roadmap | undefined): { share1: number; share2: number } {
  const [a, b] = roadmap?.budget.byPhase ?? [1, 1, 1];
  return { share1: Math.round(a * 100), share2: Math.round(b * 100) };
}

/** The plan section: phases in the order a plant manager reads them, each with its investment and projected level. */
export function planModel(plan: RetrofitPlan, items: PlanItem[], w: Wording, q: Questionnaire, result: ScoreResult, office: boolean, readiness?: ReadinessNowAndAfter): PlanModel {
  const { roadmap } = plan;
  const p = w.phrases;
  // The benefits are what comparable projects achieve, not figures of this plant: said once, where the plan starts,
  // beside what each project's 'why' is (the plant's own answers), whenever a project listed states any.
  const benefitsBasis = items.some((i) => i.benefits) ? p.planBenefits! : undefined;
  const intro: Text[] = [benefitsBasis ? joinTexts([p.planIntro!, benefitsBasis], { zh: '', en: ' ' }) : p.planIntro!];
  // No level can be given: the plan rests on the few answers known, and says so before anything else.
  if (result.maturity.level === null) intro.push(p.planProvisional!);
  const unrecognised = plan.sector?.unrecognised;
  if (unrecognised) {
    // the sector in words (or a code of no division): the generic plan, and how to get the sector's (never a sector chosen from the words)
    const how = unrecognised.guess ? fill(p.planSectorGuess!, { name: unrecognised.guess.name, code: unrecognised.guess.code }) : p.planSectorNoGuess!;
    const what = unrecognised.noDivision ? fill(p.planSectorNoDivision!, { written: unrecognised.written, ...unrecognised.noDivision }) : fill(p.planSectorUnrecognised!, { written: unrecognised.written });
    intro.push(joinTexts([what, how], { zh: '', en: '' }));
  } else if (plan.sector) intro.push(plan.sector.class ? fill(p.planSectorClass!, { title: plan.sector.title, name: plan.sector.class.name, code: plan.sector.class.code }) : fill(p.planSector!, { title: plan.sector.title }));
  intro.push(sizeLine(roadmap, w, plan.investmentScale, plan.investmentBetween));
  // far more staff than the figures stand for: the estimates may well be low, said before any budget comparison
  if (plan.investmentAbove) intro.push(fill(p.planSizeAboveReference!, { n: roadmap.size.employees ?? 0, reference: plan.investmentAbove.employees }));
  // a phase may list more projects than its limit: say which of those listed take no place in it
  const light = items.filter((i) => roadmap.light?.includes(i.id));
  if (light.length) intro.push(fill(p.planSizeLight!, { titles: joinTexts(light.map((i) => quoted(i.title))) }));
  // and which cost what their fixed scope costs (one welding cell), where the others are scaled with the plant's size
  const fixed = plan.investmentScale === 1 ? [] : items.filter((i) => i.fixedScope);
  if (fixed.length) intro.push(fill(p.planSizeFixedScope!, { titles: joinTexts(fixed.map((i) => quoted(i.title))) }));
  // and which are placed in a phase whose places were taken, because they settle a legal duty not met with little effort
  const dutyFixes = items.filter((i) => roadmap.overCapacity?.includes(i.id));
  if (dutyFixes.length) intro.push(fill(p.planSizeDutyFix!, { titles: joinTexts(dutyFixes.map((i) => quoted(i.title))) }));
  // The budget is confidential: the programme office's report says neither the band nor the ceiling.
  if (!office) {
    const chosen = roadmap.budget.band ? optionLabel(q, q.byId.has('retrofit_budget_band') ? 'retrofit_budget_band' : '', roadmap.budget.band) : undefined;
    // the figure the plant gave, with the band it chose
    // (a figure outside the band chosen: said here, where the ceiling is stated, not only among the contradictions)
    const band = chosen && roadmap.budget.amount !== undefined ? fill(p[roadmap.budget.amountOutsideBand ? 'planBudgetAmountOutsideBand' : 'planBudgetAmountBand']!, { amount: amount(roadmap.budget.amount), band: chosen, max: amount(roadmap.budget.envelope!.max!) }) : chosen;
    if (roadmap.budget.checked && band)
      intro.push(fill(p.planBudget!, { band, months: roadmap.horizonMonths, max: amount(roadmap.budget.envelope!.max!), ...budgetShares(roadmap) }));
    else if (roadmap.budget.envelope && band) intro.push(fill(p.planBudgetUnbounded!, { band }));
    // "Don't know" and no answer are not "not decided" (an option the plant can choose): each is said as it is.
    else if (roadmap.budget.answer === 'unknown') intro.push(p.planBudgetUnknown!);
    else if (roadmap.budget.answer === 'unanswered') intro.push(p.planBudgetUnanswered!);
    else intro.push(p.planBudgetNotDecided!);
  }
  intro.push(...goalLines(plan, w, q, result, office));
  if (!office && readiness?.after && plan.declarationGoal) intro.push(...declarationLines({ ...readiness, after: readiness.after }, w, q, plan));
  else if (!office && readiness && plan.declarationGoal && result.mode === 'express') intro.push(...declarationLinesToday(readiness.now, w));
  // Each phase's count and investment are those of the projects listed under it (the office report lists no
  // confidential project), so that the rows add up to what the reader sees. The office report does not say
  // which phase a project it does not list is in (where a project lands may tell a confidential answer): an office
  // phase with nothing listed reads "none listed", never "no project", which might not be true.
  const byId = new Map(plan.recommendations.map((r) => [r.id, r]));
  const summaryOf = (listed: PlanItem[]) => {
    if (!listed.length) return office ? p.phaseNoneListed! : p.phaseEmpty!;
    const investment = investmentOf(listed.flatMap((i) => byId.get(i.id) ?? []));
    return fill(p.phaseSummary!, { count: listed.length, min: money(investment.min), max: money(investment.max), range: same(cny([investment.min, investment.max])) });
  };
  const phases: PlanPhase[] = roadmap.phases.map((ph) => {
    const listed = items.filter((i) => i.phaseId === ph.id);
    return { id: ph.id, phase: w.phases[ph.id]!, summary: summaryOf(listed), ...(ph.projected ? { projected: projectionText(ph.projected, w, result, roadmap.baseline ?? undefined) } : {}), items: listed };
  });
  const later = items.filter((i) => i.phaseId === 'later');
  if (later.length) phases.push({ id: 'later', phase: w.phases.later!, summary: summaryOf(later), items: later });
  // The projections re-score every project of a phase, listed or not: the office report says how many it does not list.
  const listedIds = new Set(items.map((i) => i.id));
  const unlisted = plan.recommendations.filter((r) => r.phase !== 'later' && !listedIds.has(r.id)).length;
  const mid = (roadmap.total.min + roadmap.total.max) / 2;
  const ceiling = roadmap.budget.envelope?.max;
  const vsBudget = roadmap.budget.checked && ceiling !== undefined ? fill(p.planTotalVsBudget!, { min: amount(roadmap.total.min), max: amount(roadmap.total.max), range: same(cny([roadmap.total.min, roadmap.total.max])), mid: amount(mid), max2: amount(ceiling) }) : undefined;
  // The plan fits the ceiling by midpoints; at the top of the ranges it may not, and the report says by how much.
  const risk = vsBudget && roadmap.total.max > ceiling! ? fill(p.planUpperRisk!, { max: amount(roadmap.total.max), over: amount(roadmap.total.max - ceiling!) }) : undefined;
  const floor = vsBudget ? bandFloorText(roadmap, w) : undefined;
  const total = office ? undefined : vsBudget ? joinTexts([vsBudget, ...(risk ? [risk] : []), ...(floor ? [floor] : [])], { zh: '', en: ' ' }) : fill(p.planTotal!, { min: amount(roadmap.total.min), max: amount(roadmap.total.max), range: same(cny([roadmap.total.min, roadmap.total.max])), mid: amount(mid) });
  const now = roadmap.baseline ? projectionText({ ...roadmap.baseline, indicatorsMet: [] }, w, result) : undefined;
  // A duty that applies, or whose status reads, because of a confidential answer is not in the office's report.
  const shownDuties = roadmap.duties.filter((d) => !(office && d.confidential));
  return {
    intro,
    phases: phases.filter((ph) => ph.items.length || ph.id !== 'later'),
    ...(total ? { total } : {}),
    projectionNote:
      now && roadmap.phases.some((ph) => ph.projected) ? withUnlisted(withHeldBack(fill(p.projectionNote!, { now }), roadmap, w, result), unlisted, w) : now && result.mode === 'express' ? p.projectionExpress! : p.projectionNone!,
    ...(shownDuties.some((d) => !d.def.confirmed) ? { dutiesNote: p.dutyUnconfirmed! } : {}),
    ...(benefitsBasis ? { benefitsBasis } : {}),
    duties: shownDuties.map((d) => {
      const questionsText = (ids: readonly string[]) => joinTexts(ids.map((id) => quoted(q.byId.get(id)?.text ?? same(id))));
      const source = isText(d.def.source) ? d.def.source : same(d.def.source);
      const open = d.unsure
        ? fill(p.dutyAppliesUnsure!, { questions: questionsText(d.unsure) })
        : d.mostly
          ? (p.dutyMostly ?? p.dutyOpen!)
          : d.notMet
            ? p.dutyNotMet!
            : d.unknown
              ? fill(p.dutyOpenUnknown!, { questions: questionsText(d.unknown) })
              : d.shown
                ? fill(p.dutyOpenShown!, { shown: joinTexts(d.shown, { zh: '；', en: '; ' }) })
                : p.dutyOpen!;
      const status = d.met ? p.dutyMet! : d.def.gate ? { zh: open.zh + p.dutyGate!.zh, en: open.en + p.dutyGate!.en } : open;
      // a reference not yet checked against the original text says so where it is cited
      // a reference not yet checked against the original is marked, and said so once under the list
      const cited = d.def.confirmed ? source : { zh: `${source.zh}*`, en: `${source.en}*` };
      // (a duty the answers cannot tell is checked first: its waiting project is named for the case it is not met)
      const settled = d.met ? undefined : settledBy(dutyFulfillers(d), items, w, !d.mostly && !d.notMet);
      const said = { zh: `${d.def.text.zh}（${cited.zh}）— ${status.zh}`, en: `${d.def.text.en} (${cited.en}) — ${status.en}` };
      const line = settled ? joinTexts([said, settled], { zh: '。', en: '. ' }) : said;
      const check = d.mostly && d.def.mostlyCheck ? d.def.mostlyCheck : d.def.check;
      return { text: d.def.text, source: cited, line, check, status, ...(settled ? { settled } : {}) };
    }),
  };
}

/**
 * A budget given as a band only (no figure): the ceiling is the band's top, and the plan may not fit its floor. Where
 * the cumulative midpoint first passes the floor, by phase; nothing when the whole plan fits it, or the plant gave
 * its own figure (then the ceiling is that figure).
 */
function bandFloorText(roadmap: Roadmap, w: Wording): Text | undefined {
  const floor = roadmap.budget.envelope?.min;
  if (roadmap.budget.amount !== undefined || !floor) return undefined;
  let cumulative = 0;
  for (const [i, ph] of roadmap.phases.entries()) {
    cumulative += (ph.investment.min + ph.investment.max) / 2;
    if (cumulative > floor) return fill(w.phrases[i === 0 ? 'planBandFloorFirst' : 'planBandFloor']!, { min: amount(floor), cum: amount(Math.round(cumulative)), phase: w.phases[ph.id]! });
  }
  return undefined;
}

/**
 * Which listed projects settle a duty not yet met (its `fulfilledBy`): those in the plan period with their phases;
 * else, when every one listed waits beyond it, those with why each waits (where the report may say why), and that
 * the plan is to be decided on that point (for a duty the answers cannot tell: that they settle it should the check
 * find it not met). Nothing when no listed project settles it.
 */
function settledBy(ids: readonly string[], items: readonly PlanItem[], w: Wording, toBeChecked: boolean): Text | undefined {
  const p = w.phrases;
  const listed = items.filter((i) => ids.includes(i.id));
  const inPeriod = listed.filter((i) => i.phaseId !== 'later');
  if (inPeriod.length) return fill(p.dutySettledIn!, { projects: joinTexts(inPeriod.map((i) => fill(p.projectInPhase!, { title: i.title, phase: i.phase }))) });
  if (!listed.length) return undefined;
  return fill(p[toBeChecked ? 'dutySettledLaterIfOpen' : 'dutySettledLater']!, { projects: joinTexts(listed.map((i) => (i.laterReason ? fill(p.dutyProjectLater!, { title: i.title, reason: i.laterReason }) : quoted(i.title)))) });
}

/** The support schemes the recommendations point to; a scheme whose period has ended says so. */
export function supportOf(shown: Recommendation[], policy: PolicyDef | undefined, date: string): SupportRow[] {
  const ids = [...new Set(shown.flatMap((x) => x.support))];
  return ids.map((id) => {
    const s = policy?.support.find((x) => x.id === id);
    if (!s) return { name: same(id), expired: false };
    const expired = schemeExpired(s, date);
    return {
      name: s.name,
      ...(s.document ? { source: `${s.document}${s.section ? ` ${s.section}` : ''}` } : {}),
      ...(expired && s.currentNote ? { status: s.currentNote } : {}),
      expired,
    };
  });
}
