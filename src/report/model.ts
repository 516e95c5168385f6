import { createHash } from 'node:crypto';
import type { Answers } from '../core/answers.js';
import type { BenchmarkDef } from '../core/benchmark.js';
import type { PolicyDef } from '../core/policy.js';
import type { OtherScoring } from '../core/profile-comparison.js';
import type { Questionnaire } from '../core/questionnaire.js';
import type { ReadinessResult } from '../core/readiness.js';
import type { CriterionGain } from '../core/declaration-gains.js';
import type { Recommendation, RetrofitPlan } from '../core/recommend.js';
import type { Projection } from '../core/roadmap.js';
import type { LeadRule } from '../core/rules-def.js';
import type { ScoreResult } from '../core/result.js';
import type { Text } from '../core/types.js';
import { gapText, pct, quoted, same, scoreText } from './format.js';
import { isSelfAssessment } from '../core/self-assessment.js';
import { fill, joinTexts, wordingFor, type Wording } from '../core/wording.js';
import { appendix, confidentialRecommendation, selfRatingConfidential, type AppendixSection } from './model-answers.js';
import { gapsOf, headlineOf, indicatorRows, levelCell, methodOf, strengthsOf, summaryOf, type Headline, type IndicatorRow, type Method } from './model-parts.js';
import { positionOf, tiersOf, type Position, type TierRow } from './model-standing.js';
import { readinessRows, type ReadinessRow } from './model-readiness.js';
import { budgetShares, planItems, planModel, supportOf, type PlanItem, type PlanModel, type SupportRow } from './model-plan.js';

export type Audience = 'client' | 'office';
export type { PlanItem };

/** Everything a report template may show; plain data (Handlebars denies prototype access anyway). */
export interface ReportModel {
  /** The fixed wording of the layout (report-templates/wording.yaml): what templates call `labels` and `ui`. */
  labels: Wording['labels'];
  ui: Wording['layout'];
  /** selfAssessment: no assessor named, the company assessed itself (the report reads in its own voice). */
  meta: { reportNumber: string; date: string; audience: Audience; office: boolean; selfAssessment: boolean; tool: string };
  plant: { company: string; site?: string; industry: Text; sector?: string; region?: string; assessor?: string; interviewees?: string; date?: string };
  scope: { questionnaire: Text; mode: Text; scoring: Text; targets: Text; targetsSource: string; targetsNote?: Text; completeness: string; evidence?: Text };
  summary: { text?: string; expertOpinion?: string; generated: Text };
  headline: Headline;
  /** `projected`: the tiers whose level condition the plan's projected level would meet, when any. */
  tiers: { intro: Text; rows: TierRow[]; projected?: Text };
  position?: Position;
  disagreements: Text[];
  /** `level` is '—' when the plant's level cannot be stated (too few answers): a section's level would rest on the same answers. */
  sections: { title: Text; score: string; level: number | '—'; levelShown: Text; pct: number }[];
  indicators: IndicatorRow[];
  strengths: Text[];
  gaps: { lines: Text[]; more?: Text };
  missedTargets: { title: Text; value: string; target: string; gap: Text }[];
  /** The phased plan; absent without recommendation rules. */
  plan?: PlanModel;
  withheld?: Text;
  support: SupportRow[];
  /**
   * Declaration readiness. `total` counts every criterion; a criterion resting on confidential answers is listed in
   * the office report as withheld (neither met nor missing) and never counted in `met`.
   */
  readiness: ReadinessRow[];
  answers: AppendixSection[];
  method: Method;
}

export interface ModelInput {
  questionnaire: Questionnaire;
  answers: Answers;
  result: ScoreResult;
  recommendations: Recommendation[];
  plan?: RetrofitPlan | null;
  readiness: ReadinessResult[];
  /** The plant's level under the other scoring profiles that fit its questionnaire. */
  others?: readonly OtherScoring[];
  /** The readiness criteria as they would stand after the plan's last phase (projected). */
  readinessAfterPlan?: ReadinessResult[];
  /** Per declaration profile, the criteria the plan would meet: the phase that meets each and the projects it rests on. */
  declarationGained?: ReadonlyMap<string, readonly CriterionGain[]>;
  audience: Audience;
  wording: Wording;
  policy?: PolicyDef | undefined;
  benchmark?: BenchmarkDef | undefined;
  /** Report date (YYYY-MM-DD); defaults to the assessment date so that output is reproducible. */
  date?: string;
  tool: string;
}

export function buildReportModel(input: ModelInput): ReportModel {
  const { questionnaire: q, answers, result: r, audience } = input;
  const office = audience === 'office';
  const resp = r.respondent;
  const selfAssessment = isSelfAssessment(resp);
  const w = wordingFor(input.wording, selfAssessment);
  const date = input.date ?? resp.date ?? new Date().toISOString().slice(0, 10);
  const reportNumber = `ZZ-${date.replace(/-/g, '')}-${createHash('sha256').update(`${resp.credit_code ?? ''}|${resp.company}|${resp.site ?? ''}|${resp.date ?? ''}`).digest('hex').slice(0, 6).toUpperCase()}`;
  // The office audience sees no recommendation derived from a confidential answer (security weaknesses, costs…).
  const shown = office ? input.recommendations.filter((rec) => !confidentialRecommendation(rec)) : input.recommendations;
  const withheld = input.recommendations.length - shown.length;
  const items = planItems(shown, input.recommendations, w, input.policy, q, input.plan ?? null, office);
  const evidenceCount = Object.keys(answers.file.evidence ?? {}).length;
  const gaps = gapsOf(r, w, { q, answers, office });
  return {
    labels: w.labels,
    ui: w.layout,
    meta: { reportNumber, date, audience, office, selfAssessment, tool: input.tool },
    plant: {
      company: resp.company,
      ...(resp.site ? { site: resp.site } : {}),
      industry: w.industries[resp.industry] ?? same(resp.industry),
      ...(resp.sector ? { sector: resp.sector } : {}),
      ...(resp.region || resp.district ? { region: [resp.region, resp.park].filter(Boolean).join(' · ') || resp.district } : {}),
      ...(resp.assessor ? { assessor: resp.assessor } : {}),
      ...(resp.interviewees?.length && !office ? { interviewees: resp.interviewees.join('；') } : {}),
      ...(resp.date ? { date: resp.date } : {}),
    },
    scope: {
      questionnaire: { zh: `${q.def.title.zh}（第 ${q.def.version} 版）`, en: `${q.def.title.en} (version ${q.def.version})` },
      mode: w.modes[r.mode]!,
      scoring: r.scoring.title,
      targets: r.targets.title,
      targetsSource: r.targets.source,
      ...(r.targets.historical && r.targets.year !== null ? { targetsNote: fill(w.phrases.historicalTargets!, { year: r.targets.year }) } : {}),
      completeness: `${pct(r.completeness)} (${r.answered}/${r.applicable})`,
      ...(office ? { evidence: fill(w.phrases.evidenceCount!, { count: evidenceCount }) } : {}),
    },
    summary: {
      ...(answers.file.overrides?.summary ? { text: answers.file.overrides.summary } : {}),
      ...(answers.file.overrides?.expert_opinion ? { expertOpinion: answers.file.overrides.expert_opinion } : {}),
      generated: summaryOf(r, w, { inPlan: shown.filter((x) => x.phase !== 'later').length, later: shown.filter((x) => x.phase === 'later').length, months: input.plan?.roadmap.horizonMonths ?? 36, withheld: input.recommendations.length - shown.length }, lastProjection(input.plan), input.others),
    },
    // the generated summary states how the level was calculated: the level section does not say it again word for word
    headline: headlineOf(r, q, w, office, { methodSaid: !answers.file.overrides?.summary, others: input.others }),
    tiers: tiersOf(r, w, lastProjection(input.plan)),
    ...(input.benchmark && r.maturity.level !== null ? { position: positionOf(input.benchmark, r, w) } : {}),
    // (the office is not given a self-rating that is a confidential answer)
    disagreements: r.disagreements.filter((d) => !(office && selfRatingConfidential(q, d.subdomain))).map((d) => {
      // a sub-domain rated by several questions (生产作业 and 质量管理) is said with its lowest rating too: "自评 3 级"
      // beside an appendix answer of 1 级 would read as a contradiction
      const low = Math.min(...selfRatingsOf(q, answers, d.subdomain));
      const req = d.requirementsLevel >= 1 ? fill(w.phrases.requirementsLevel!, { level: d.requirementsLevel }) : w.phrases.requirementsNotYet!;
      return low < d.selfRating ? fill(w.phrases.disagreementRange!, { name: d.name, low, self: d.selfRating, req }) : fill(w.phrases.disagreement!, { name: d.name, self: d.selfRating, req });
    }),
    // (a section none of whose scored questions is answered has a 0 that says nothing: said so, not "below level 1")
    sections: r.sections.map((s) => ({
      title: s.title,
      score: scoreText(s.score, r.scoring.bands),
      level: r.maturity.level === null ? '—' : s.level,
      levelShown: r.maturity.level === null ? same('—') : s.answered === false ? w.phrases.tableNotAnswered! : levelCell(s.level, w),
      pct: Math.round((s.score / 5) * 100),
    })),
    indicators: indicatorRows(r, q, w, answers, office),
    strengths: strengthsOf(r, w, q),
    gaps,
    missedTargets: r.indicators
      .filter((i) => i.met === false && typeof i.value === 'number' && i.target !== undefined)
      .map((i) => ({ title: i.title, value: pct(i.value as number), target: `${i.comparison} ${pct(i.target!)}`, gap: gapText(w, i.gap) })),
    ...(input.plan ? { plan: planModel(input.plan, items, w, q, r, office, { now: input.readiness, after: input.readinessAfterPlan, ...(input.declarationGained ? { gained: input.declarationGained } : {}) }) } : {}),
    ...(withheld > 0 ? { withheld: fill(w.phrases.confidentialWithheld!, { count: withheld }) } : {}),
    support: supportOf(shown, input.policy, date),
    readiness: readinessRows(input.readiness, r, q, answers, w, office),
    answers: appendix(q, answers, office, w),
    method: { ...methodOf(r, q, w, office), priority: fill(w.phrases.priorityFormula!, { ...(input.plan?.bonuses ?? {}), ...budgetShares(input.plan?.roadmap), first: leadsClause(input.plan?.leads ?? [], w, office) }) },
  };
}

/** The projection after the plan period's last phase (the phase table's last figure); null without one. */
function lastProjection(plan: RetrofitPlan | null | undefined): Projection | null {
  return plan?.roadmap.phases.at(-1)?.projected ?? null;
}

/** The phasing rule's opening: the projects placed before the others where they apply, by name (none: nothing). */
function leadsClause(leads: readonly LeadRule[], w: Wording, office: boolean): Text {
  const shown = leads.filter((l) => !(office && l.confidential));
  if (!shown.length) return { zh: '', en: '' };
  return fill(w.phrases.phasingLeads!, { titles: joinTexts(shown.map((l) => quoted(l.title))) });
}

/** The levels a plant gave itself on the level questions of one sub-domain (as the questionnaire files them). */
function selfRatingsOf(q: Questionnaire, answers: Answers, subdomain: string): number[] {
  const levels: number[] = [];
  for (const question of q.questions) {
    if (question.type !== 'level' || question.subdomain !== subdomain || answers.visibility.get(question.id) !== 'visible') continue;
    const r = answers.resolved.get(question.id);
    const level = r?.status === 'answered' ? question.options?.find((o) => o.value === r.value)?.level : undefined;
    if (level !== undefined) levels.push(level);
  }
  return levels;
}
