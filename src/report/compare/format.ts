/**
 * How the figures of a Comparison read, shared by the progress report (./document.ts) and the terminal view of
 * `zhizao compare` (src/cli/render-compare.ts): signed percentages, KPI values in their units, statuses.
 */
import type { Comparison, IndicatorChange, IndicatorStatus, KpiComparison, KpiStatus } from '../../core/compare.js';
import { scoreText } from '../../core/near-mark.js';
import type { Lang } from '../../core/types.js';
import { formatMessage, type MessageCode } from '../../messages/catalogue.js';

const say = (code: MessageCode, lang: Lang) => formatMessage(code, {}, lang);

export const trimNum = (x: number, digits = 4) => String(Number(x.toFixed(digits)));
/** A signed percentage: +35.0%, -25.0%, 0.0%. */
export function signedPct(x: number | null, digits = 1): string {
  if (x === null) return '—';
  const v = (Math.round(x * 100 * 10 ** digits) / 10 ** digits).toFixed(digits);
  return x > 0 && Number(v) !== 0 ? `+${v}%` : Number(v) === 0 ? `${(0).toFixed(digits)}%` : `${v}%`;
}
export const pct = (x: number, digits = 1) => `${(Math.round(x * 100 * 10 ** digits) / 10 ** digits).toFixed(digits)}%`;
export const signed = (x: number | null, digits = 2) => (x === null ? '—' : `${x > 0 ? '+' : ''}${x.toFixed(digits)}`);

/** A KPI value in its own terms: the defect rate is a fraction shown as a percentage; others as numbers. */
export function kpiValueText(k: KpiComparison, side: 'baseline' | 'followup', lang: Lang): string {
  const v = k[side];
  if (v === null) return '—';
  if (k.id === 'kpi_defect_rate' && !(k[`${side}Unit`] ?? '').trim()) return pct(v, 2);
  const unit = k[`${side}Unit`] ?? k.unit ?? k.questionUnit?.[lang];
  return unit ? `${trimNum(v)} ${unit}` : trimNum(v);
}

export function kpiTargetText(k: KpiComparison): string {
  return k.target === null ? '—' : `${k.direction === 'up' ? '≥' : '≤'} ${signedPct(k.target, 2)}`;
}

const KPI_STATUS: Record<Exclude<KpiStatus, 'compared'>, MessageCode> = {
  missing: 'compare.kpi-status-missing',
  'not-applicable': 'compare.kpi-status-not-applicable',
  refused: 'compare.kpi-status-refused',
  'not-computable': 'compare.kpi-status-not-computable',
};

export function kpiOutcomeText(k: KpiComparison, lang: Lang): string {
  if (k.status !== 'compared') return `${say(KPI_STATUS[k.status], lang)}: ${k.reason ? k.reason.message[lang] : ''}`;
  if (k.met === null) return say('compare.kpi-no-target', lang);
  return say(k.met ? 'compare.kpi-target-met' : 'compare.kpi-target-not-met', lang);
}

const INDICATOR_STATUS: Record<IndicatorStatus, MessageCode> = {
  'now-met': 'compare.indicator-now-met',
  'still-met': 'compare.indicator-still-met',
  met: 'compare.indicator-met',
  'no-longer-met': 'compare.indicator-no-longer-met',
  'still-missed': 'compare.indicator-still-missed',
  missed: 'compare.indicator-missed',
  'not-computable': 'compare.indicator-not-computable',
  'no-target': 'compare.indicator-no-target',
  'counts-toward': 'compare.indicator-counts-toward',
  'does-not-count': 'compare.indicator-does-not-count',
};

export function indicatorStatusText(s: IndicatorStatus, lang: Lang): string {
  return say(INDICATOR_STATUS[s], lang);
}

export function indicatorValueText(i: IndicatorChange, v: number | boolean | null, lang: Lang): string {
  if (v === null) return say('compare.indicator-not-computable', lang);
  // a flag, or a share at one plant (1: it uses the tool or system, 0: it does not)
  if (typeof v === 'boolean' || i.kind === 'share') return say(v === true || v === 1 ? 'compare.yes' : 'compare.no', lang);
  return i.kind === 'ratio' ? pct(v) : trimNum(v);
}

export function indicatorChangeText(i: IndicatorChange): string {
  if (i.change === null) return '—';
  if (i.kind === 'ratio') {
    const pp = Math.round(i.change * 1000) / 10;
    return `${pp > 0 ? '+' : ''}${pp.toFixed(1)} pp`;
  }
  return signed(i.change, 4);
}

export function plantText(c: Comparison['baseline']): string {
  return [c.company, c.site].filter((x) => x && x.trim() !== '').join(' · ');
}

/** Count of KPI targets met among those decided. */
export function kpiTally(c: Comparison): { met: number; decided: number; withTarget: number } {
  const withTarget = c.kpis.filter((k) => k.target !== null);
  const decided = withTarget.filter((k) => k.met !== null);
  return { met: decided.filter((k) => k.met).length, decided: decided.length, withTarget: withTarget.length };
}

/**
 * One side's overall level and S: "1 规划级" and "1.71"; without a stated level (too few answers) "未定级（回答不足）"
 * and "—", as score and batch say it: never "null" nor an S of 0.00 that stands for nothing answered.
 */
export function maturityText(side: Comparison['maturity']['baseline'], bands: Parameters<typeof scoreText>[1], lang: Lang): { level: string; score: string } {
  if (side.level === null) return { level: formatMessage('compare.no-level', {}, lang), score: '—' };
  return { level: `${side.level} ${side.name[lang]}`, score: scoreText(side.score, bands) };
}

/**
 * An indicator's target as the comparison holds it against: "> 50.0% (2020)", and when that year is before the
 * follow-up assessment, said to be a lapsed target read as a reference only; "—" without a target.
 */
export function indicatorTargetText(i: IndicatorChange, followupDate: string | undefined, lang: Lang): string {
  if (i.target === undefined) return '—';
  const lapsed = i.targetYear !== undefined && followupDate !== undefined && Number(followupDate.slice(0, 4)) > i.targetYear;
  const year = i.targetYear === undefined ? '' : lapsed ? formatMessage('compare.target-year-lapsed', { year: i.targetYear }, lang) : ` (${i.targetYear})`;
  return `${i.comparison ?? ''} ${pct(i.target)}${year}`.trim();
}
