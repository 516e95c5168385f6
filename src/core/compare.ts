/**
 * Progress of one plant between two assessments (`zhizao compare`): maturity, sections, sub-domains, indicators,
 * and the outcome KPIs (named, with their direction, by the target profile) against the profile's improvement targets.
 * Pure: no I/O; every figure is computed on unrounded values and rounded to 4 decimals for output.
 */
import { bilingual, formatMessage, type MessageArgs, type MessageCode } from '../messages/catalogue.js';
import { statusWord } from './answer-value.js';
import type { Answers } from './answers.js';
import { isQuestionUnit, normaliseUnit } from './kpi-units.js';
import { periodStatus, type PeriodStatus } from './kpi-period.js';
import { samePlant } from './plant-identity.js';
import { r4, type ScoreResult } from './result.js';
import type { Comparison as TargetComparison, KpiId, KpiTargetDef, OutcomeKpiDef, TargetsDef } from './targets.js';
import type { AnswerFile, AnswerValue, IndicatorKind, Lang, Text } from './types.js';

export const COMPARISON_VERSION = 1;

/** Tolerance for deciding whether a change meets its target (float noise, and the exact policy figure). */
export const KPI_EPSILON = 1e-9;


export interface Message {
  code: string;
  message: Text;
}

export type KpiStatus = 'compared' | 'missing' | 'not-applicable' | 'refused' | 'not-computable';

export interface KpiComparison {
  id: KpiId;
  title: Text;
  direction: 'up' | 'down';
  /** The unit the files state in `kpis.units` (the follow-up's, else the baseline's); null when neither states one. */
  unit: string | null;
  /** Each file's own `kpis.units` entry (they differ only when the KPI is refused). */
  baselineUnit: string | null;
  followupUnit: string | null;
  /** The questionnaire's own unit for the KPI question, when known. */
  questionUnit?: Text;
  baseline: number | null;
  followup: number | null;
  /** Relative change (followup − baseline) / baseline, a signed fraction; null when not computable. */
  change: number | null;
  /** The required relative change in the same terms (+0.30, −0.30, −0.1667 …); null when the profile sets none. */
  target: number | null;
  /** change ≥ target for `up`, change ≤ target for `down` (within KPI_EPSILON); null when either is null. */
  met: boolean | null;
  status: KpiStatus;
  /** Why the KPI was not compared (status other than `compared`). */
  reason?: Message;
  targetTitle?: Text;
  targetNote?: Text;
  targetSource?: string;
}

export interface Side<T> {
  baseline: T | null;
  followup: T | null;
}

/**
 * One side's score of a section or sub-domain. `notAnswered`: none of its scored questions was answered on that side
 * (its 0 says nothing about the plant; no change is computed against it).
 */
export interface SideScore {
  score: number;
  level: number;
  notAnswered?: true;
}

export interface ScoreChange {
  id: string;
  title: Text;
  baseline: SideScore | null;
  followup: SideScore | null;
  scoreChange: number | null;
  levelChange: number | null;
}

export type IndicatorStatus = 'now-met' | 'still-met' | 'met' | 'no-longer-met' | 'still-missed' | 'missed' | 'not-computable' | 'no-target' | 'counts-toward' | 'does-not-count';

export interface IndicatorChange {
  id: string;
  title: Text;
  kind: IndicatorKind;
  baseline: number | boolean | null;
  followup: number | boolean | null;
  /** followup − baseline for ratios and numbers (absolute, in the indicator's terms); null for flags, shares and when missing. */
  change: number | null;
  target?: number;
  comparison?: TargetComparison;
  targetYear?: number;
  population?: Text;
  baselineMet: boolean | null;
  followupMet: boolean | null;
  /** A target missed at the baseline is met at the follow-up. */
  nowMet: boolean;
  status: IndicatorStatus;
}

export interface AssessmentInfo {
  file?: string;
  company: string;
  site?: string;
  credit_code?: string;
  date?: string;
  period?: string;
  questionnaire: { id: string; version: string; title: Text };
  completeness: number;
}

export interface Comparison {
  comparisonVersion: number;
  /** What the KPI changes are measured against, from the target profile; absent when it sets no KPI targets. */
  basis?: Text;
  baseline: AssessmentInfo;
  followup: AssessmentInfo;
  samePlant: boolean;
  warnings: Message[];
  maturity: {
    baseline: { level: number | null; score: number; name: Text };
    followup: { level: number | null; score: number; name: Text };
    levelChange: number | null;
    scoreChange: number;
  };
  /** The highest 智能工厂梯度培育 tier whose CMMM-level condition (a necessary condition only) the plant meets. */
  tierCondition: Side<{ id: string; name: Text }>;
  sections: ScoreChange[];
  subdomains: ScoreChange[];
  indicators: IndicatorChange[];
  kpiPeriod: { baseline: string | null; followup: string | null; status: PeriodStatus };
  kpis: KpiComparison[];
  /** The KPI summary as kpiGainsMet reports it. */
  kpiGains: KpiGains;
  targets: { id: string; title: Text; source: string };
  /** Each side's level bands (each level's lower edge of S): a score shown beside its level never rounds up to the next. */
  bands: { baseline: { level: number; min: number }[]; followup: { level: number; min: number }[] };
}

export interface CompareOptions {
  baselineName?: string;
  followupName?: string;
  /** The questionnaire's unit of each KPI question, used when a file's `kpis.units` does not name one. */
  defaultUnits?: Partial<Record<string, Text>>;
}

/** A file as given to compareResults: the raw answer file, or resolved answers (canonical values). */
export type CompareInput = AnswerFile | Answers;

const isAnswers = (x: CompareInput): x is Answers => typeof (x as Answers).resolved === 'object' && (x as Answers).resolved !== null && 'file' in x;

// ─── KPI values, units and periods ───────────────────────────────────────────────────────────────────

type KpiValue = { status: 'value'; value: number } | { status: 'missing' | 'unknown' | 'na' };

/** A KPI answer from a raw file: numbers, numeric text (a trailing % divides by 100), unknown, n/a. */
export function parseKpiValue(raw: AnswerValue | undefined): KpiValue {
  if (raw === undefined || raw === null) return { status: 'missing' };
  if (typeof raw === 'number') return Number.isFinite(raw) ? { status: 'value', value: raw } : { status: 'missing' };
  if (typeof raw !== 'string') return { status: 'missing' };
  if (raw.trim() === '') return { status: 'missing' };
  const word = statusWord(raw);
  if (word) return { status: word };
  const m = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(%|％)?\s*$/.exec(raw.replace(/,/g, ''));
  if (!m) return { status: 'missing' };
  const n = Number(m[1]);
  if (!Number.isFinite(n)) return { status: 'missing' };
  return { status: 'value', value: m[2] ? n / 100 : n };
}

function kpiValue(input: CompareInput, id: KpiId): KpiValue {
  if (isAnswers(input)) {
    const r = input.resolved.get(id);
    if (r) {
      if (r.status === 'answered') return typeof r.value === 'number' && Number.isFinite(r.value) ? { status: 'value', value: r.value } : { status: 'missing' };
      if (r.status === 'na') return { status: 'na' };
      if (r.status === 'unknown') return { status: 'unknown' };
      return { status: 'missing' };
    }
    return parseKpiValue(input.file.answers?.[id]);
  }
  return parseKpiValue(input.answers?.[id]);
}

const fileOf = (x: CompareInput): AnswerFile => (isAnswers(x) ? x.file : x);

/**
 * The target change used for the decision. A profile states energy utilisation +20 % as energy per output
 * −0.1667 (rounded); that figure stands for the exact 1/1.2 − 1, so a plant that reaches the policy figure exactly
 * meets it. Any other stated change is used as it is.
 */
export function effectiveKpiTarget(def: KpiTargetDef): number {
  if (def.kpi === 'kpi_energy_per_output' && def.direction === 'down' && def.change > -1) {
    const gain = 1 / (1 + def.change) - 1; // utilisation gain implied by the stated change
    const whole = Math.round(gain * 100) / 100; // a policy states whole percentages
    const exact = 1 / (1 + whole) - 1;
    if (Math.abs(exact - def.change) <= 5e-5 + 1e-12) return exact;
  }
  return def.change;
}

/** met = change ≥ target (up) or change ≤ target (down), with KPI_EPSILON so that the exact policy figure meets. */
export function kpiMet(direction: 'up' | 'down', change: number, target: number): boolean {
  return direction === 'up' ? change >= target - KPI_EPSILON : change <= target + KPI_EPSILON;
}

/** Relative change; null when the baseline is 0 (no relative change exists). */
export function relativeChange(baseline: number, followup: number): number | null {
  if (baseline === 0) return null;
  return (followup - baseline) / Math.abs(baseline);
}

/** A warning or refusal: a stable code in the JSON output, and its text from the message catalogue. */
const msg = (code: string, text: MessageCode, args: MessageArgs | ((lang: Lang) => MessageArgs) = {}): Message => ({ code, message: bilingual(text, args) });

function compareKpi(
  outcome: OutcomeKpiDef,
  b: CompareInput,
  f: CompareInput,
  def: KpiTargetDef | undefined,
  period: Comparison['kpiPeriod'],
  defaultUnit: Text | undefined,
  samePlant = true,
): KpiComparison {
  const id = outcome.kpi;
  const direction = outcome.direction;
  const target = def ? effectiveKpiTarget(def) : null;
  const bv = kpiValue(b, id);
  const fv = kpiValue(f, id);
  const bUnitRaw = fileOf(b).kpis?.units?.[id];
  const fUnitRaw = fileOf(f).kpis?.units?.[id];
  const base: KpiComparison = {
    id,
    title: outcome.name,
    direction,
    unit: fUnitRaw ?? bUnitRaw ?? null,
    baselineUnit: bUnitRaw ?? null,
    followupUnit: fUnitRaw ?? null,
    ...(defaultUnit ? { questionUnit: defaultUnit } : {}),
    baseline: bv.status === 'value' ? bv.value : null,
    followup: fv.status === 'value' ? fv.value : null,
    change: null,
    target: target === null ? null : r4(target),
    met: null,
    status: 'compared',
    ...(def?.title ? { targetTitle: def.title } : {}),
    ...(def?.note ? { targetNote: def.note } : {}),
    ...(def?.source ? { targetSource: def.source } : {}),
  };
  const stop = (status: KpiStatus, reason: Message): KpiComparison => ({ ...base, status, reason });

  if (bv.status === 'na' || fv.status === 'na') {
    const which = bv.status === 'na' && fv.status === 'na' ? 'compare.kpi-na-both' : bv.status === 'na' ? 'compare.kpi-na-baseline' : 'compare.kpi-na-followup';
    return stop('not-applicable', msg('kpi.not-applicable', which));
  }
  if (bv.status !== 'value' || fv.status !== 'value') {
    const side = (v: KpiValue) => (lang: Lang) => formatMessage(v.status === 'unknown' ? 'compare.value-unknown' : 'compare.value-unanswered', {}, lang);
    const code = bv.status !== 'value' && fv.status !== 'value' ? 'compare.kpi-missing-both' : bv.status !== 'value' ? 'compare.kpi-missing-baseline' : 'compare.kpi-missing-followup';
    return stop('missing', msg('kpi.missing', code, (lang) => ({ baseline: side(bv)(lang), followup: side(fv)(lang) })));
  }
  if (!samePlant) return stop('refused', msg('kpi.different-plants', 'compare.kpi-different-plants'));
  if (period.status === 'not-later') {
    return stop('refused', msg('kpi.period-not-later', 'compare.kpi-period-not-later', { baseline: period.baseline ?? '', followup: period.followup ?? '' }));
  }
  if (period.status === 'unparseable') {
    return stop('refused', msg('kpi.period-unparseable', 'compare.kpi-period-unparseable', { baseline: period.baseline ?? '', followup: period.followup ?? '' }));
  }
  const bUnit = bUnitRaw ?? null;
  const fUnit = fUnitRaw ?? null;
  if (!unitsAgree(bUnit, fUnit, defaultUnit)) {
    const show = (u: string | null) => (u === null ? '—' : u);
    return stop('refused', msg('kpi.unit-mismatch', 'compare.kpi-unit-mismatch', { baseline: show(bUnit), followup: show(fUnit) }));
  }
  const change = relativeChange(bv.value, fv.value);
  if (change === null) return stop('not-computable', msg('kpi.baseline-zero', 'compare.kpi-baseline-zero'));
  return { ...base, change: r4(change), met: target === null ? null : kpiMet(direction, change, target) };
}

/** Units agree when both are absent, both name the same unit, or one is absent and the other is the question's own unit. */
function unitsAgree(b: string | null, f: string | null, defaultUnit: Text | undefined): boolean {
  if (b === null && f === null) return true;
  if (b !== null && f !== null) return normaliseUnit(b) === normaliseUnit(f);
  return isQuestionUnit((b ?? f)!, defaultUnit);
}

// ─── scores and indicators ────────────────────────────────────────────────────────────────────────────

/** A section's or sub-domain's change; one side without a scored answer (`answered` false) has none. */
function scoreChanges<T extends { id: string; score: number; level: number; answered?: boolean }>(b: T[], f: T[], title: (x: T) => Text): ScoreChange[] {
  const ids = [...new Set([...b.map((x) => x.id), ...f.map((x) => x.id)])];
  // (a result read back from an older JSON file has no `answered`: its scores stand as they were)
  const side = (x: T | undefined): SideScore | null => (x ? { score: x.score, level: x.level, ...(x.answered === false ? { notAnswered: true as const } : {}) } : null);
  return ids.map((id) => {
    const x = side(b.find((s) => s.id === id));
    const y = side(f.find((s) => s.id === id));
    const both = x && y && !x.notAnswered && !y.notAnswered;
    const ref = (f.find((s) => s.id === id) ?? b.find((s) => s.id === id))!;
    return {
      id,
      title: title(ref),
      baseline: x,
      followup: y,
      scoreChange: both ? r4(y.score - x.score) : null,
      levelChange: both ? y.level - x.level : null,
    };
  });
}

function indicatorStatus(hasTarget: boolean, bm: boolean | null, fm: boolean | null, toward?: { value: number | boolean | null }): IndicatorStatus {
  if (!hasTarget) return 'no-target';
  // A share of companies (design-tool penetration): one plant counts toward it or not; it is never met alone.
  if (toward) return toward.value === null ? 'not-computable' : toward.value === 1 || toward.value === true ? 'counts-toward' : 'does-not-count';
  if (fm === null) return 'not-computable';
  if (fm) return bm === true ? 'still-met' : bm === false ? 'now-met' : 'met';
  return bm === true ? 'no-longer-met' : bm === false ? 'still-missed' : 'missed';
}

function indicatorChanges(b: ScoreResult, f: ScoreResult): IndicatorChange[] {
  const ids = [...new Set([...b.indicators.map((x) => x.id), ...f.indicators.map((x) => x.id)])];
  return ids.map((id) => {
    const x = b.indicators.find((i) => i.id === id);
    const y = f.indicators.find((i) => i.id === id);
    const ref = (y ?? x)!;
    const bv = x?.value ?? null;
    const fv = y?.value ?? null;
    const target = y?.target ?? x?.target;
    const bm = x?.met ?? null;
    const fm = y?.met ?? null;
    return {
      id,
      title: ref.title,
      kind: ref.kind,
      baseline: bv,
      followup: fv,
      // a share is 1 or 0 at one plant (uses it or not): its difference is not a change to report
      change: ref.kind !== 'share' && typeof bv === 'number' && typeof fv === 'number' ? r4(fv - bv) : null,
      ...(target !== undefined ? { target, comparison: ref.comparison, targetYear: ref.targetYear, population: ref.population } : {}),
      baselineMet: target !== undefined ? bm : null,
      followupMet: target !== undefined ? fm : null,
      nowMet: bm === false && fm === true,
      status: indicatorStatus(target !== undefined, bm, fm, ref.countsToward ? { value: fv } : undefined),
    };
  });
}

function info(r: ScoreResult, file: AnswerFile, name: string | undefined): AssessmentInfo {
  return {
    ...(name !== undefined ? { file: name } : {}),
    company: r.respondent.company,
    ...(r.respondent.site ? { site: r.respondent.site } : {}),
    ...(r.respondent.credit_code ? { credit_code: r.respondent.credit_code } : {}),
    ...(r.respondent.date ? { date: r.respondent.date } : {}),
    ...(file.kpis?.period ? { period: file.kpis.period } : {}),
    questionnaire: { id: r.questionnaire.id, version: r.questionnaire.fileVersion ?? r.questionnaire.version, title: r.questionnaire.title },
    completeness: r.completeness,
  };
}

/** A plant as the messages name it: credit code, company and site, those given. */
export const plantLabel = (x: Pick<AssessmentInfo, 'credit_code' | 'company' | 'site'>): string => [x.credit_code, x.company, x.site].filter(Boolean).join(' / ') || '—';

/** Compare two scored assessments of one plant. */
export function compareResults(
  baselineResult: ScoreResult,
  followupResult: ScoreResult,
  baselineFile: CompareInput,
  followupFile: CompareInput,
  targets: TargetsDef,
  options: CompareOptions = {},
): Comparison {
  const bFile = fileOf(baselineFile);
  const fFile = fileOf(followupFile);
  const b = info(baselineResult, bFile, options.baselineName);
  const f = info(followupResult, fFile, options.followupName);
  const warnings: Message[] = [];
  const same = samePlant(baselineResult.respondent, followupResult.respondent);
  if (!same) {
    warnings.push(msg('compare.different-plants', 'compare.different-plants', { baseline: plantLabel(b), followup: plantLabel(f) }));
  }
  if (b.questionnaire.id !== f.questionnaire.id) {
    warnings.push(msg('compare.different-questionnaires', 'compare.different-questionnaires', { baseline: b.questionnaire.id, followup: f.questionnaire.id }));
  } else if (b.questionnaire.version !== f.questionnaire.version) {
    warnings.push(msg('compare.different-versions', 'compare.different-versions', { baseline: b.questionnaire.version, followup: f.questionnaire.version }));
  }
  if (baselineResult.scoring.profile !== followupResult.scoring.profile || baselineResult.scoring.modelVersion !== followupResult.scoring.modelVersion) {
    warnings.push(msg('compare.different-scoring', 'compare.different-scoring'));
  }
  if (b.date && f.date && f.date <= b.date) {
    warnings.push(msg('compare.date-order', 'compare.date-order', { baseline: b.date, followup: f.date }));
  }
  // A section answered on one side only: the other side's 0 moves S and the level by what was asked, not by the plant.
  const sections = scoreChanges(baselineResult.sections, followupResult.sections, (s) => s.title);
  for (const side of ['baseline', 'followup'] as const) {
    const other = side === 'baseline' ? 'followup' : 'baseline';
    const skipped = sections.filter((s) => s[side]?.notAnswered && s[other] && !s[other].notAnswered);
    if (skipped.length) {
      warnings.push(
        msg('compare.section-not-answered', 'compare.section-not-answered', (lang) => ({
          side: formatMessage(side === 'baseline' ? 'compare.side-baseline' : 'compare.side-followup', {}, lang),
          names: skipped.map((s) => s.title[lang]).join(lang === 'zh' ? '、' : ', '),
        })),
      );
    }
  }
  const kpiPeriod: Comparison['kpiPeriod'] = { baseline: bFile.kpis?.period ?? null, followup: fFile.kpis?.period ?? null, status: periodStatus(bFile.kpis?.period, fFile.kpis?.period) };
  if (kpiPeriod.status === 'missing' && (kpiPeriod.baseline || kpiPeriod.followup)) {
    warnings.push(msg('compare.period-one-side', 'compare.period-one-side'));
  }

  const kpis = (targets.outcomes ?? []).map((o) => compareKpi(o, baselineFile, followupFile, targets.kpis?.find((k) => k.kpi === o.kpi), kpiPeriod, options.defaultUnits?.[o.kpi], same));
  const comparison: Comparison = {
    comparisonVersion: COMPARISON_VERSION,
    ...(targets.kpis?.length && targets.compareBasis ? { basis: targets.compareBasis } : {}),
    baseline: b,
    followup: f,
    samePlant: same,
    warnings,
    maturity: {
      baseline: { level: baselineResult.maturity.level, score: baselineResult.maturity.score, name: baselineResult.maturity.name },
      followup: { level: followupResult.maturity.level, score: followupResult.maturity.score, name: followupResult.maturity.name },
      levelChange: followupResult.maturity.level === null || baselineResult.maturity.level === null ? null : followupResult.maturity.level - baselineResult.maturity.level,
      scoreChange: r4(followupResult.maturity.score - baselineResult.maturity.score),
    },
    tierCondition: { baseline: highestTierCondition(baselineResult), followup: highestTierCondition(followupResult) },
    sections,
    subdomains: scoreChanges(baselineResult.subdomains, followupResult.subdomains, (s) => s.name),
    indicators: indicatorChanges(baselineResult, followupResult),
    kpiPeriod,
    kpis,
    kpiGains: { met: null, details: [] },
    targets: { id: targets.id, title: targets.title, source: targets.source },
    bands: { baseline: bandsOf(baselineResult), followup: bandsOf(followupResult) },
  };
  comparison.kpiGains = kpiGainsMet(comparison);
  return comparison;
}

export interface KpiGains {
  /** true: every applicable KPI with a target meets it; false: one misses; null: none can be decided, or some cannot and none misses. */
  met: boolean | null;
  details: { id: KpiId; title: Text; change: number | null; target: number; met: boolean | null; status: KpiStatus; reason?: Message }[];
}

/**
 * The smart-factory readiness criterion on KPI gains (benchmark-project improvement targets), from a comparison.
 * KPIs without a target are not part of it; a KPI answered "not applicable" is left out.
 */
export function kpiGainsMet(comparison: Pick<Comparison, 'kpis'>): KpiGains {
  const details = comparison.kpis
    .filter((k) => k.target !== null)
    .map((k) => ({ id: k.id, title: k.title, change: k.change, target: k.target!, met: k.met, status: k.status, ...(k.reason ? { reason: k.reason } : {}) }));
  const applicable = details.filter((d) => d.status !== 'not-applicable');
  let met: boolean | null;
  if (applicable.length === 0) met = null;
  else if (applicable.some((d) => d.met === false)) met = false;
  else if (applicable.some((d) => d.met === null)) met = null;
  else met = true;
  return { met, details };
}

/** The highest tier whose level condition is met: tiers are listed from the lowest, and two may need the same level. */
function highestTierCondition(r: ScoreResult): { id: string; name: Text } | null {
  let top: ScoreResult['tiers'][number] | undefined;
  for (const t of r.tiers) if (t.levelConditionMet === true && (!top || t.minLevel >= top.minLevel)) top = t;
  return top ? { id: top.id, name: top.name } : null;
}

const bandsOf = (r: ScoreResult) => r.scoring.bands.map((b) => ({ level: b.level, min: b.min }));
