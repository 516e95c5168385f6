import { investmentOf } from '../core/roadmap.js';
import type { Answers } from '../core/answers.js';
import type { BenchmarkDef } from '../core/benchmark.js';
import type { PolicyDef } from '../core/policy.js';
import type { Questionnaire } from '../core/questionnaire.js';
import { assessReadiness, type ReadinessResult } from '../core/readiness.js';
import { declarationGains } from '../core/declaration-gains.js';
import { officeFacts, withheldFromOffice } from '../core/readiness-reasons.js';
import type { ReadinessProfile } from '../core/readiness-def.js';
import { recommend, type Recommendation, type RetrofitPlan } from '../core/recommend.js';
import { heldByBudget } from '../core/recommendation.js';
import type { Profile } from '../core/profile.js';
import type { CompiledSectorPack } from '../core/sector.js';
import type { TargetsDef } from '../core/targets.js';
import { otherScorings, type OtherScoring } from '../core/profile-comparison.js';
import { r4, resultJson, type ScoreResult } from '../core/result.js';
import type { RuleSet } from '../core/rules-def.js';
import type { Wording } from '../core/wording.js';
import { confidentialRecommendation, selfRatingConfidential } from './model-answers.js';
import { gapSubdomains } from './model-parts.js';
import { buildReportModel, type Audience, type ReportModel } from './model.js';

export interface ReportData {
  result: ScoreResult;
  /** The plant's level under the other scoring profiles that fit its questionnaire. */
  others: OtherScoring[];
  recommendations: Recommendation[];
  /** The phased plan; null without rules. */
  plan: RetrofitPlan | null;
  readiness: ReadinessResult[];
  model: ReportModel;
  wording: Wording;
  questionnaire: Questionnaire;
  warnings: { code: string; id: string }[];
}

export interface ReportInput {
  questionnaire: Questionnaire;
  answers: Answers;
  result: ScoreResult;
  /** Without rules (a questionnaire they do not fit) the report has no recommendations. */
  rules?: RuleSet | undefined;
  /** Sector packs: the plant's sector chooses wording, exclusions, duties and investment scale. */
  sectors?: readonly CompiledSectorPack[] | undefined;
  /** The scoring the result came from, to project the level after each phase of the plan. */
  scoring?: { profile: Profile; targets: TargetsDef } | undefined;
  readiness: ReadinessProfile[];
  /** The bundled scoring profiles that fit the questionnaire: the level is stated under the others too. */
  profiles?: readonly Profile[] | undefined;
  audience: Audience;
  wording: Wording;
  policy?: PolicyDef | undefined;
  benchmark?: BenchmarkDef | undefined;
  tool: string;
}

/** Everything a report needs, from a scored plant: recommendations, readiness and the template model. Pure. */
export function buildReportData(input: ReportInput): ReportData {
  const plan = input.rules
    ? recommend({ questionnaire: input.questionnaire, result: input.result, answers: input.answers, rules: input.rules, sectors: input.sectors, overrides: input.answers.file.overrides, scoring: input.scoring })
    : null;
  const recommendations = plan?.recommendations ?? [];
  const readiness = input.readiness.map((p) => assessReadiness(p, input.questionnaire, input.result, input.answers));
  // the same criteria on the answers as the plan's projects would raise them: only for the sentence that reads them
  // (the plant's own report, when its goal is a recognition), not for every report
  const after = input.audience === 'client' && plan?.declarationGoal ? plan.roadmap.afterPhases?.at(-1) : undefined;
  const readinessAfterPlan = after ? input.readiness.map((p) => assessReadiness(p, input.questionnaire, after.result, after.answers)) : undefined;
  // and, for each criterion the plan would meet, the phase that meets it and the projects it rests on
  const declarationGained = after && plan ? declarationGains(input.readiness, readiness, input.questionnaire, plan.roadmap, recommendations, input.scoring?.profile) : undefined;
  // the level under the other schemes (the one used is left out), scored with the same targets
  const targets = input.scoring?.targets;
  const others = input.profiles && targets ? otherScorings(input.questionnaire, input.answers, input.result, input.profiles, targets) : [];
  const model = buildReportModel({ ...input, recommendations, plan, readiness, others, ...(readinessAfterPlan ? { readinessAfterPlan } : {}), ...(declarationGained ? { declarationGained } : {}) });
  return { result: input.result, others, recommendations, plan, readiness, model, wording: input.wording, questionnaire: input.questionnaire, warnings: plan?.warnings ?? [] };
}

/** The phased plan as JSON; the office audience sees no budget (a confidential answer) and no withheld project. */
function roadmapJson(plan: RetrofitPlan, shown: readonly Recommendation[], office: boolean) {
  const { roadmap } = plan;
  const ids = new Set(shown.map((r) => r.id));
  return {
    sector: plan.sector?.id ?? null,
    size: roadmap.size,
    investmentScale: plan.investmentScale,
    ...(plan.investmentBetween ? { investmentBetween: plan.investmentBetween } : {}),
    ...(plan.investmentAbove ? { investmentAbove: plan.investmentAbove } : {}),
    ...(office ? {} : { budget: { band: roadmap.budget.band, answer: roadmap.budget.answer, envelope: roadmap.budget.envelope, checked: roadmap.budget.checked, basis: roadmap.budget.basis, horizonMonths: roadmap.horizonMonths } }),
    capacity: roadmap.capacity,
    // the projects that take no place in a phase's capacity (written rules and registers), of those shown
    ...(roadmap.light?.some((id) => ids.has(id)) ? { light: roadmap.light.filter((id) => ids.has(id)) } : {}),
    // and those placed in a phase whose places were taken (small fixes of a legal duty shown not met)
    ...(roadmap.overCapacity?.some((id) => ids.has(id)) ? { overCapacity: roadmap.overCapacity.filter((id) => ids.has(id)) } : {}),
    baseline: roadmap.baseline ? { ...roadmap.baseline, score: r4(roadmap.baseline.score) } : null,
    heldBack: roadmap.heldBack ? { ...roadmap.heldBack, score: r4(roadmap.heldBack.score) } : null,
    // The office's count and investment are those of the projects it is given; `withheld` says how many more the
    // phase holds (its projection counts them).
    phases: roadmap.phases.map((ph) => {
      const listed = shown.filter((r) => r.phase === ph.id);
      const sums = office ? { investment: investmentOf(listed), count: listed.length, ...(ph.count > listed.length ? { withheld: ph.count - listed.length } : {}) } : {};
      return { ...ph, ...sums, projected: ph.projected ? { ...ph.projected, score: r4(ph.projected.score) } : null };
    }),
    later: roadmap.later.filter((id) => ids.has(id)),
    ...(office ? {} : { total: roadmap.total }),
    // a duty that applies, or whose status reads, because of a confidential answer is not the office's
    duties: roadmap.duties.filter((d) => !(office && d.confidential)).map((d) => ({ id: d.def.id, source: d.def.source, met: d.met, ...(d.mostly ? { mostly: true } : {}), ...(d.notMet ? { notMet: true } : {}), gate: Boolean(d.def.gate), confirmed: d.def.confirmed })),
    excluded: plan.excluded,
  };
}

/**
 * Readiness for the office: a criterion a confidential answer decides (withheldFromOffice) keeps its place with the
 * status `withheld` (its description and outcome left out), counts in `total` and never in `met`; `withheld` says
 * how many.
 */
function officeReadiness(x: ReadinessResult) {
  // and of the others, no confidential answer among what a criterion not met rests on
  const criteria = x.criteria.map((c) => {
    if (withheldFromOffice(c)) return { id: c.id, title: c.title, status: 'withheld' as const, confidential: true };
    const because = c.because && officeFacts(c.because);
    const { because: _all, officeMissing: _o, ...rest } = c;
    return because?.length ? { ...rest, because } : rest;
  });
  const withheld = criteria.filter((c) => c.status === 'withheld').length;
  return { ...x, criteria, met: criteria.filter((c) => c.status === 'met').length, total: criteria.length, ...(withheld ? { withheld } : {}) };
}

/** The report's JSON: the result object (rounded for output) extended with recommendations, strengths, gaps and readiness. */
export function reportJson(data: ReportData, audience: Audience) {
  const exact = resultJson(data.result);
  const office = audience === 'office';
  const secret = (id: string) => data.questionnaire.byId.get(id)?.confidential === true;
  const open = <T extends Record<string, unknown>>(m: T | undefined, alsoLeaveOut: (id: string) => boolean = () => false) => (m ? (Object.fromEntries(Object.entries(m).filter(([k]) => !secret(k) && !alsoLeaveOut(k))) as T) : m);
  // nor free text (the office report's cover says so): a key-process list shown as what a rate is computed from
  const freeText = (id: string) => data.questionnaire.byId.get(id)?.type === 'text';
  // The office audience: no answers the questionnaire marks confidential, not even as formula inputs, and no free text.
  const result = office
    ? {
        ...exact,
        unanswered: undefined,
        // a self-rating that is a confidential answer (information security's) is not given
        disagreements: exact.disagreements.filter((d) => !selfRatingConfidential(data.questionnaire, d.subdomain)),
        subdomains: exact.subdomains.map((x) => (selfRatingConfidential(data.questionnaire, x.id) ? { ...x, selfRating: null } : x)),
        excluded: exact.excluded.filter((e) => !secret(e.id)), sensitivity: exact.sensitivity?.filter((s) => !secret(s.question)), findings: exact.findings?.filter((f) => !f.questions.some(secret)), confirmedFindings: exact.confirmedFindings?.filter((f) => !f.questions.some(secret)).map(({ note: _note, ...f }) => f), indicators: exact.indicators.map((i) => ({ ...i, inputs: open(i.inputs)!, ...(i.context ? { context: open(i.context, freeText) } : {}) })) }
    : exact;
  const level = data.result.maturity.level ?? 0;
  const shown = office ? data.recommendations.filter((r) => !confidentialRecommendation(r)) : data.recommendations;
  // a duty that rests on a confidential answer is not named to the office, also not as what a project waits for
  const secretDuty = (id: string | undefined) => {
    const duty = data.plan?.roadmap.duties.find((d) => d.def.id === id);
    return !duty || duty.confidential === true;
  };
  return {
    ...result,
    audience,
    reportNumber: data.model.meta.reportNumber,
    // no assessor named: the company assessed itself (its report reads in its own voice)
    selfAssessment: data.model.meta.selfAssessment,
    strengths: data.result.subdomains.filter((s) => s.level > level).map((s) => s.id),
    gaps: gapSubdomains(data.result).map(({ s, target }) => ({ id: s.id, level: s.level, next: s.level + 1, target })),
    recommendations: shown.map((r) => {
      // The office's view of a project partly resting on confidential answers (see OfficeView).
      const view = office ? r.officeView : undefined;
      const offer = view ?? r;
      return {
        id: r.id,
        title: r.title,
        retrofitLevel: r.retrofitLevel,
        programme: r.programme,
        projectType: r.projectType,
        phase: r.phase,
        priority: r.priority,
        priorityParts: r.priorityParts,
        measures: offer.measures,
        hardware: offer.hardware,
        software: offer.software,
        integration: offer.integration,
        investment: r.investment,
        benefits: offer.benefits,
        kpis: r.kpis,
        effort: r.effort,
        prerequisites: r.prerequisites,
        addresses: r.addresses,
        support: r.support,
        evidence: office ? (view?.evidence ?? r.evidence).filter((e) => !e.confidential && !secret(e.question)) : r.evidence,
        ...(view ? { detailsWithheld: true } : {}),
        servesPriorities: r.servesPriorities,
        // the plant's own words stay out of the office report, and so does what they asked for
        ...(r.asked && !office ? { asked: true } : {}),
        ...(r.variant ? { variant: r.variant } : {}),
        ...(r.laterReason && !(office && heldByBudget(r.laterReason)) ? { laterReason: office && r.laterReason.code === 'blocked' && secretDuty(r.laterReason.about) ? { code: 'blocked' } : r.laterReason } : {}),
        // (the office report does not tell the budget, nor what the plant asked for)
        ...(r.phaseReason && r.asked && !office ? { phaseReason: r.phaseReason } : {}),
        source: r.source,
        ...(r.overridden ? { overridden: r.overridden } : {}),
      };
    }),
    ...(office && shown.length < data.recommendations.length ? { recommendationsWithheld: data.recommendations.length - shown.length } : {}),
    ...(data.plan ? { roadmap: roadmapJson(data.plan, shown, office) } : {}),
    // the benefit ranges are those of comparable projects, said beside them as the documents say it
    ...(data.model.plan?.benefitsBasis ? { benefitsBasis: data.model.plan.benefitsBasis } : {}),
    // (officeMissing is how the office report is decided, not a finding of its own)
    readiness: office ? data.readiness.map(officeReadiness) : data.readiness.map((x) => ({ ...x, criteria: x.criteria.map(({ officeMissing: _o, ...c }) => c) })),
    // the level under the other scoring schemes that fit the questionnaire
    otherProfiles: data.others.map((o) => ({ profile: o.profile, title: o.title, draft: o.draft, verified: o.verified, level: o.level, score: r4(o.score) })),
    ...(data.model.summary.text ? { summary: data.model.summary.text } : {}),
    ...(data.model.summary.expertOpinion ? { expertOpinion: data.model.summary.expertOpinion } : {}),
    // the line that ends every report: the program and version that generated it
    generatedBy: data.model.meta.generatedBy,
  };
}
