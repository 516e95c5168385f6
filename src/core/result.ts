import type { Answers } from './answers.js';
import { completeness } from './completeness.js';
import { computeIndicators, type IndicatorResult } from './indicators.js';
import type { Profile } from './profile.js';
import type { Questionnaire } from './questionnaire.js';
import { scoreMaturity, type Exclusion } from './scoring.js';
import type { TargetsDef } from './targets.js';
import type { Respondent, Text } from './types.js';

export const RESULT_VERSION = 1;

/** The result object of `zhizao score --json` (product.md §9); every report format is a function of it. */
export interface ScoreResult {
  resultVersion: number;
  questionnaire: { id: string; version: string; fileVersion?: string; title: Text };
  respondent: Respondent;
  scoring: { profile: string; title: Text; modelVersion: string; model: string; verified: boolean; source: string; passThreshold: number; bands: { level: number; min: number }[]; satisfaction: Record<string, number>; accumulation: string };
  completeness: number;
  answered: number;
  applicable: number;
  unanswered: string[];
  maturity: { level: number; score: number; name: Text; meaning: Text; levelScores: number[]; heldAt: number | null };
  tier: { id: string; name: Text; indicative: true } | null;
  sections: { id: string; title: Text; score: number; level: number; levelScores: number[] }[];
  subdomains: { id: string; name: Text; score: number; level: number; weight: number; levelScores: number[]; contributions: (number | null)[] }[];
  excluded: Exclusion[];
  indicators: IndicatorResult[];
  targets: { id: string; title: Text; source: string };
}

export const r4 = (x: number) => Math.round(x * 10000) / 10000;
const r4n = (x: number | null) => (x === null ? null : r4(x));

export function buildResult(q: Questionnaire, answers: Answers, profile: Profile, targets: TargetsDef): ScoreResult {
  const m = scoreMaturity(q, answers, profile);
  const c = completeness(q, answers);
  const indicators = computeIndicators(q, answers, targets).map((i) => ({
    ...i,
    value: typeof i.value === 'number' ? r4(i.value) : i.value,
    ...(i.gap !== undefined ? { gap: r4n(i.gap) } : {}),
    // met was decided on the unrounded value inside computeIndicators
  }));
  return {
    resultVersion: RESULT_VERSION,
    questionnaire: { id: q.def.id, version: q.def.version, ...(answers.file.version ? { fileVersion: answers.file.version } : {}), title: q.def.title },
    respondent: answers.file.respondent,
    scoring: {
      profile: profile.def.id,
      title: profile.def.title,
      modelVersion: profile.model.def.version,
      model: profile.model.def.id,
      verified: profile.def.verified,
      source: profile.def.source,
      passThreshold: profile.def.passThreshold,
      bands: profile.def.bands,
      satisfaction: profile.def.satisfaction,
      accumulation: profile.def.accumulation,
    },
    completeness: r4(c.share),
    answered: c.answered,
    applicable: c.total,
    unanswered: c.unanswered,
    maturity: { level: m.maturity.level, score: r4(m.maturity.score), name: m.maturity.name, meaning: m.maturity.meaning, levelScores: m.maturity.levelScores.map(r4), heldAt: m.maturity.heldAt },
    tier: m.tier,
    sections: m.sections.map((s) => ({ id: s.id, title: s.title, score: r4(s.score), level: s.level, levelScores: s.levelScores.map(r4) })),
    subdomains: m.subdomains.map((s) => ({ id: s.id, name: s.name, score: r4(s.score), level: s.level, weight: s.weight, levelScores: s.levelScores.map(r4), contributions: s.contributions.map(r4n) })),
    excluded: m.excluded,
    indicators,
    targets: { id: targets.id, title: targets.title, source: targets.source },
  };
}
