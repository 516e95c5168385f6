import type { Answers } from '../core/answers.js';
import type { Questionnaire } from '../core/questionnaire.js';
import { assessReadiness, type ReadinessResult } from '../core/readiness.js';
import type { ReadinessProfile } from '../core/readiness-def.js';
import { recommend, type Recommendation } from '../core/recommend.js';
import type { ScoreResult } from '../core/result.js';
import type { RuleSet } from '../core/rules-def.js';
import { buildReportModel, type Audience, type ReportModel } from './model.js';

export interface ReportData {
  result: ScoreResult;
  recommendations: Recommendation[];
  readiness: ReadinessResult[];
  model: ReportModel;
  warnings: { code: string; id: string }[];
}

/** Everything a report needs, from a scored plant: recommendations, readiness and the template model. Pure. */
export function buildReportData(input: {
  questionnaire: Questionnaire;
  answers: Answers;
  result: ScoreResult;
  /** Without rules (a questionnaire they do not fit) the report has no recommendations. */
  rules?: RuleSet | undefined;
  readiness: ReadinessProfile[];
  audience: Audience;
  tool: string;
}): ReportData {
  const { recommendations, warnings } = input.rules ? recommend(input.result, input.answers, input.rules, input.answers.file.overrides) : { recommendations: [], warnings: [] };
  const readiness = input.readiness.map((p) => assessReadiness(p, input.result, input.answers));
  const model = buildReportModel({ questionnaire: input.questionnaire, answers: input.answers, result: input.result, recommendations, readiness, audience: input.audience, tool: input.tool });
  return { result: input.result, recommendations, readiness, model, warnings };
}

/** The report's JSON: the result object extended with recommendations and readiness (product.md §9). */
export function reportJson(data: ReportData, audience: Audience) {
  const result = audience === 'office' ? { ...data.result, unanswered: undefined } : data.result;
  return {
    ...result,
    audience,
    reportNumber: data.model.meta.reportNumber,
    recommendations: data.recommendations.map((r) => ({
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
      source: r.source,
      ...(r.overridden ? { overridden: r.overridden } : {}),
    })),
    readiness: data.readiness,
    ...(data.model.summary.text ? { summary: data.model.summary.text } : {}),
    ...(data.model.summary.expertOpinion ? { expertOpinion: data.model.summary.expertOpinion } : {}),
  };
}
