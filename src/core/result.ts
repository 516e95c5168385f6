import type { Answers } from './answers.js';
import { reviewFindings, type CheckSet } from './checks.js';
import { completeness } from './completeness.js';
import { computeIndicators, type IndicatorResult } from './indicators.js';
import type { Profile } from './profile.js';
import type { Questionnaire } from './questionnaire.js';
import { scoreMaturity, sensitivity as findSensitivity, type Exclusion, type Sensitivity } from './scoring.js';
import { isHistoricalTarget, type TargetsDef } from './targets.js';
import type { InterviewMode, Respondent, Text } from './types.js';

export const RESULT_VERSION = 2;

export interface TierCondition {
  id: string;
  name: Text;
  minLevel: number;
  /** Whether the diagnosed level meets the tier's CMMM-level condition; null when no level is stated. */
  levelConditionMet: boolean | null;
  /** The tier's other conditions, which a diagnosis cannot judge. */
  otherConditions: Text[];
  /** The level condition is not confirmed against the text that sets it (the profile's words). */
  levelUnconfirmed?: Text;
}

/**
 * The result object of `zhizao score --json` (tests/golden/*.score.json show it whole); every report format is a
 * function of it.
 * Figures are exact here; `resultJson` rounds them (4 decimals) for output, and renderers round once for display.
 */
export interface ScoreResult {
  resultVersion: number;
  questionnaire: { id: string; version: string; fileVersion?: string; title: Text };
  respondent: Respondent;
  mode: InterviewMode;
  scoring: {
    profile: string;
    title: Text;
    modelVersion: string;
    model: string;
    verified: boolean;
    draft: boolean;
    source: string;
    aggregation: 'tree' | 'flat';
    selfRating: 'fallback' | 'average';
    passThreshold: number;
    bands: { level: number; min: number }[];
    satisfaction: Record<string, number>;
    accumulation: string;
    completeness: { provisionalBelow: number; noLevelBelow: number };
    weightsNote?: Text;
    /** The profile's own note on what is not yet confirmed. */
    note?: Text;
    /** Questionnaire sub-domain → model sub-domain, when the profile scores under another model (the 2024 draft). */
    subdomainMapping?: Record<string, string>;
  };
  /** Share of visible, applicable questions answered (every question, facts too). */
  completeness: number;
  answered: number;
  applicable: number;
  unanswered: string[];
  /** Share of the applicable scored questions answered: what decides whether a level is provisional or stated. */
  scoredCompleteness: number;
  scoredAnswered: number;
  scoredApplicable: number;
  /** Of the answered scored questions, those answered "don't know": scored as not satisfied, so the level may be understated. */
  scoredUnknown: number;
  maturity: {
    /** null: too little is answered to state a level. */
    level: number | null;
    score: number;
    name: Text;
    meaning: Text;
    levelScores: number[];
    heldAt: number | null;
    provisional: boolean;
    /** How far S is above its band's lower edge, and below the next band's (null at the ends). */
    margin: { below: number | null; above: number | null };
  };
  tiers: TierCondition[];
  /** `answered`: at least one of its scored questions is answered; without one its 0 says nothing about the plant. */
  sections: { id: string; title: Text; score: number; level: number; answered: boolean; levelScores: number[] }[];
  subdomains: {
    id: string;
    name: Text;
    score: number;
    level: number;
    weight: number;
    /** The sub-domain's score at each level as aggregated: null where it has no requirement. */
    levelScores: (number | null)[];
    /** Its effective weight in each L_n (null where it has no score there). */
    weights: (number | null)[];
    contributions: (number | null)[];
    selfRating: number | null;
    requirementsLevel: number | null;
    /** False when every answer its level rests on is "don't know" or unanswered: the level (0) cannot be judged. */
    judged: boolean;
    /** The level its requirement answers that are "don't know" or unanswered could lift it to, were they met. */
    couldReach?: number;
    /** At least one of its scored questions is answered (不清楚 counts). */
    answered: boolean;
  }[];
  /** Sub-domains whose self-rating and requirement answers differ by more than one level. */
  disagreements: { subdomain: string; name: Text; selfRating: number; requirementsLevel: number }[];
  /** Single answers whose one-step change moves the overall level (absent when not computed, e.g. in batch). */
  sensitivity?: Sensitivity[];
  /** Consistency checks that fired and answers outside their plausible range (absent when no checks were given). */
  /** `doubted`: the questions whose answers it puts in doubt, when not all of `questions`. */
  findings?: { id: string; kind: 'check' | 'plausibility'; severity: 'warning' | 'error'; questions: string[]; doubted?: string[]; message: Text }[];
  /** Findings the assessor checked and found true of the plant (the file's `confirmed`), with what was checked. */
  confirmedFindings?: { id: string; kind: 'check' | 'plausibility'; questions: string[]; message: Text; note?: string }[];
  excluded: Exclusion[];
  indicators: IndicatorResult[];
  targets: { id: string; title: Text; source: string; historical: boolean; year: number | null };
}

export interface BuildOptions {
  /** Compute the answers whose one-step change moves the level (costs one re-aggregation per answer). */
  sensitivity?: boolean;
  /** Run these consistency checks (and the plausibility ranges) on the answers. */
  checks?: readonly CheckSet[];
}

export function buildResult(q: Questionnaire, answers: Answers, profile: Profile, targets: TargetsDef, opts: BuildOptions = {}): ScoreResult {
  const m = scoreMaturity(q, answers, profile);
  const c = completeness(q, answers);
  const thresholds = profile.completeness;
  const scoredShare = m.scored.applicable === 0 ? 0 : m.scored.answered / m.scored.applicable;
  const stated = scoredShare >= thresholds.noLevelBelow;
  const level = stated ? m.maturity.level : null;
  const bands = profile.def.bands;
  const band = bands.filter((b) => m.maturity.score >= b.min).pop();
  const next = bands.find((b) => b.min > m.maturity.score);
  const assessedYear = Number((answers.file.respondent.date ?? '').slice(0, 4)) || null;
  const targetYear = targets.targets.length ? Math.max(...targets.targets.map((t) => t.year)) : null;
  // The lists other functions read (recommend, the roadmap, the rule scope, the batch record) are pushed, not map()ped
  // (`packed`): an inlined map() returns a HOLEY array once this function is optimised, where the builtin returned
  // a PACKED one, and every optimised reader then meets a new map ("wrong map" deopt) and is compiled again.
  const tiers: ScoreResult['tiers'] = [];
  for (const t of profile.def.tiers) tiers.push({ id: t.id, name: t.name, minLevel: t.minLevel, levelConditionMet: level === null ? null : level >= t.minLevel, otherConditions: t.otherConditions ?? [], ...(t.levelUnconfirmed ? { levelUnconfirmed: t.levelUnconfirmed } : {}) });
  const sections: ScoreResult['sections'] = [];
  for (const s of m.sections) sections.push({ id: s.id, title: s.title, score: s.score, level: s.level, answered: s.answered, levelScores: s.levelScores });
  const subdomains: ScoreResult['subdomains'] = [];
  for (const s of m.subdomains) subdomains.push({ id: s.id, name: s.name, score: s.score, level: s.level, weight: s.weight, levelScores: s.raw, weights: s.weights, contributions: s.contributions, selfRating: s.selfRating, requirementsLevel: s.requirementsLevel, judged: s.judged, ...(s.couldReach !== undefined ? { couldReach: s.couldReach } : {}), answered: s.answered });
  const result: ScoreResult = {
    resultVersion: RESULT_VERSION,
    questionnaire: { id: q.def.id, version: q.def.version, ...(answers.file.version ? { fileVersion: answers.file.version } : {}), title: q.def.title },
    respondent: answers.file.respondent,
    mode: answers.file.progress?.mode ?? 'full',
    scoring: {
      profile: profile.def.id,
      title: profile.def.title,
      modelVersion: profile.model.def.version,
      model: profile.model.def.id,
      verified: profile.def.verified,
      draft: Boolean(profile.def.draft || profile.model.def.draft),
      source: profile.def.source,
      aggregation: profile.aggregation,
      selfRating: profile.selfRating,
      passThreshold: profile.def.passThreshold,
      bands,
      satisfaction: profile.def.satisfaction,
      accumulation: profile.def.accumulation,
      completeness: thresholds,
      ...(profile.def.weightsNote ? { weightsNote: profile.def.weightsNote } : {}),
      ...(profile.def.note ? { note: profile.def.note } : {}),
      ...(profile.def.subdomainMapping ? { subdomainMapping: profile.def.subdomainMapping } : {}),
    },
    completeness: c.share,
    answered: c.answered,
    applicable: c.total,
    unanswered: c.unanswered,
    scoredCompleteness: scoredShare,
    scoredAnswered: m.scored.answered,
    scoredApplicable: m.scored.applicable,
    scoredUnknown: m.scored.unknown,
    maturity: {
      level,
      score: m.maturity.score,
      name: m.maturity.name,
      meaning: m.maturity.meaning,
      levelScores: m.maturity.levelScores,
      heldAt: m.maturity.heldAt,
      provisional: scoredShare < thresholds.provisionalBelow,
      margin: { below: band ? m.maturity.score - band.min : null, above: next ? next.min - m.maturity.score : null },
    },
    tiers,
    sections,
    subdomains,
    // Without a stated level the requirement answers are too few to contradict a self-rating.
    disagreements: m.subdomains
      .filter(() => level !== null)
      .filter((s) => s.selfRating !== null && s.requirementsLevel !== null && Math.abs(s.selfRating - s.requirementsLevel) > 1)
      .map((s) => ({ subdomain: s.id, name: s.name, selfRating: s.selfRating!, requirementsLevel: s.requirementsLevel! })),
    excluded: m.excluded,
    indicators: computeIndicators(q, answers, targets),
    targets: { id: targets.id, title: targets.title, source: targets.source, historical: isHistoricalTarget(targetYear, assessedYear), year: targetYear },
  };
  if (opts.sensitivity && level !== null) result.sensitivity = findSensitivity(q, answers, profile);
  if (opts.checks) {
    const { open, confirmed } = reviewFindings(opts.checks, q, answers, { satisfaction: profile.def.satisfaction });
    result.findings = open.map((f) => ({ id: f.id, kind: f.kind, severity: f.severity, questions: f.about.map((a) => a.question), ...(f.doubts ? { doubted: f.doubts } : {}), message: f.message }));
    if (confirmed.length) result.confirmedFindings = confirmed.map(({ finding: f, note }) => ({ id: f.id, kind: f.kind, questions: f.about.map((a) => a.question), message: f.message, note }));
  }
  return result;
}

/**
 * A sub-domain's result by the id a rule or criterion names: its own id, or (under a profile that scores the
 * questionnaire with another model) the model sub-domain the profile maps it to.
 */
export function subdomainResult(r: ScoreResult, id: string): ScoreResult['subdomains'][number] | undefined {
  return r.subdomains.find((s) => s.id === id) ?? r.subdomains.find((s) => s.id === r.scoring.subdomainMapping?.[id]);
}

export const r4 = (x: number) => Math.round(x * 10000) / 10000;
const r4n = (x: number | null) => (x === null ? null : r4(x));

/** The result as printed by --json and kept in batch: every figure rounded once, to 4 decimals, from the exact value. */
export function resultJson(r: ScoreResult): ScoreResult {
  const h = headlineJson(r);
  return {
    ...h,
    scoredCompleteness: r4(r.scoredCompleteness),
    maturity: {
      ...h.maturity,
      levelScores: r.maturity.levelScores.map(r4),
      margin: { below: r4n(r.maturity.margin.below), above: r4n(r.maturity.margin.above) },
    },
    sections: h.sections.map((s) => ({ ...s, levelScores: s.levelScores.map(r4) })),
    subdomains: h.subdomains.map((s) => ({ ...s, levelScores: s.levelScores.map(r4n), weights: s.weights.map(r4n), contributions: s.contributions.map(r4n) })),
    ...(r.sensitivity ? { sensitivity: r.sensitivity.map((x) => ({ ...x, score: r4(x.score) })) } : {}),
  };
}

/**
 * The result with the figures a company's summary row shows rounded as resultJson rounds them — completeness, S,
 * each section's and sub-domain's score, each indicator's value and gap — and the rest as it is (the batch makes a
 * row for every plant and reads none of the level scores, weights and contributions resultJson also rounds).
 */
export function headlineJson(r: ScoreResult): ScoreResult {
  // pushed, not map()ped: the batch record reads these lists (see buildResult)
  const sections: ScoreResult['sections'] = [];
  for (const s of r.sections) sections.push({ ...s, score: r4(s.score) });
  const subdomains: ScoreResult['subdomains'] = [];
  for (const s of r.subdomains) subdomains.push({ ...s, score: r4(s.score) });
  const indicators: ScoreResult['indicators'] = [];
  for (const i of r.indicators) indicators.push({ ...i, value: typeof i.value === 'number' ? r4(i.value) : i.value, ...(i.gap !== undefined ? { gap: r4n(i.gap) } : {}) });
  return { ...r, completeness: r4(r.completeness), maturity: { ...r.maturity, score: r4(r.maturity.score) }, sections, subdomains, indicators };
}
