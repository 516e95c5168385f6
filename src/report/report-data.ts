import type { Answers } from '../core/answers.js';
import type { BenchmarkDef } from '../core/benchmark.js';
import type { PolicyDef } from '../core/policy.js';
import type { Questionnaire } from '../core/questionnaire.js';
import { assessReadiness, type ReadinessResult } from '../core/readiness.js';
import type { ReadinessProfile } from '../core/readiness-def.js';
import { recommend, type Recommendation } from '../core/recommend.js';
import { resultJson, type ScoreResult } from '../core/result.js';
import type { RuleSet } from '../core/rules-def.js';
import type { Wording } from '../core/wording.js';
import { confidentialRecommendation } from './model-answers.js';
import { gapSubdomains } from './model-parts.js';
import { buildReportModel, type Audience, type ReportModel } from './model.js';

export interface ReportData {
  result: ScoreResult;
  recommendations: Recommendation[];
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
  readiness: ReadinessProfile[];
  audience: Audience;
  wording: Wording;
  policy?: PolicyDef | undefined;
  benchmark?: BenchmarkDef | undefined;
  tool: string;
}

/** Everything a report needs, from a scored plant: recommendations, readiness and the template model. Pure. */
export function buildReportData(input: ReportInput): ReportData {
  const { recommendations, warnings } = input.rules ? recommend(input.result, input.answers, input.rules, input.answers.file.overrides) : { recommendations: [], warnings: [] };
  const readiness = input.readiness.map((p) => assessReadiness(p, input.result, input.answers));
  const model = buildReportModel({ ...input, recommendations, readiness });
  return { result: input.result, recommendations, readiness, model, wording: input.wording, questionnaire: input.questionnaire, warnings };
}

/** The report's JSON: the result object (rounded for output) extended with recommendations, strengths, gaps and readiness. */
export function reportJson(data: ReportData, audience: Audience) {
  const exact = resultJson(data.result);
  const office = audience === 'office';
  const secret = (id: string) => data.questionnaire.byId.get(id)?.confidential === true;
  const open = <T extends Record<string, unknown>>(m: T | undefined) => (m ? (Object.fromEntries(Object.entries(m).filter(([k]) => !secret(k))) as T) : m);
  // The office audience: no answers the questionnaire marks confidential, not even as formula inputs.
  const result = office
    ? { ...exact, unanswered: undefined, sensitivity: exact.sensitivity?.filter((s) => !secret(s.question)), findings: exact.findings?.filter((f) => !f.questions.some(secret)), indicators: exact.indicators.map((i) => ({ ...i, inputs: open(i.inputs)!, ...(i.context ? { context: open(i.context) } : {}) })) }
    : exact;
  const level = data.result.maturity.level ?? 0;
  const shown = office ? data.recommendations.filter((r) => !confidentialRecommendation(r, data.questionnaire)) : data.recommendations;
  return {
    ...result,
    audience,
    reportNumber: data.model.meta.reportNumber,
    strengths: data.result.subdomains.filter((s) => s.level > level).map((s) => s.id),
    gaps: gapSubdomains(data.result).map(({ s, target }) => ({ id: s.id, level: s.level, next: s.level + 1, target })),
    recommendations: shown.map((r) => ({
      id: r.id,
      title: r.title,
      retrofitLevel: r.retrofitLevel,
      programme: r.programme,
      projectType: r.projectType,
      phase: r.phase,
      priority: r.priority,
      priorityParts: r.priorityParts,
      measures: r.measures,
      hardware: r.hardware,
      software: r.software,
      integration: r.integration,
      investment: r.investment,
      benefits: r.benefits,
      kpis: r.kpis,
      effort: r.effort,
      prerequisites: r.prerequisites,
      addresses: r.addresses,
      support: r.support,
      evidence: r.evidence,
      source: r.source,
      ...(r.overridden ? { overridden: r.overridden } : {}),
    })),
    ...(office && shown.length < data.recommendations.length ? { recommendationsWithheld: data.recommendations.length - shown.length } : {}),
    readiness: data.readiness,
    ...(data.model.summary.text ? { summary: data.model.summary.text } : {}),
    ...(data.model.summary.expertOpinion ? { expertOpinion: data.model.summary.expertOpinion } : {}),
  };
}
