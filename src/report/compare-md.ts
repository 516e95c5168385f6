/**
 * The progress report of `zhizao compare --format md`: a small self-contained Markdown renderer over a Comparison.
 * Every piece of user text (company, site, files, units, periods) is escaped; fixed wording is ours.
 */
import type { Comparison, IndicatorChange, IndicatorStatus, KpiComparison, ScoreChange } from '../core/compare.js';
import type { Lang, Text } from '../core/types.js';

// ─── formatting shared with the terminal view ─────────────────────────────────────────────────────────

const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Escape untrusted text for inline Markdown (also inside table cells): no markup, HTML, links or cell breaks. */
export function mdEscape(s: unknown): string {
  return String(s ?? '')
    .replace(BIDI, '')
    .replace(CONTROL, '')
    .replace(/\r\n?|\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/([\\`*_[\]>#|~])/g, '\\$1')
    .replace(/^(\s*)([-+=]|\d+\.)(?=\s|$)/, (_m, sp: string, mark: string) => `${sp}${mark.replace(/([-+=.])/, '\\$1')}`)
    .replace(/:\/\//g, ':&#47;&#47;');
}

const trimNum = (x: number, digits = 4) => String(Number(x.toFixed(digits)));
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

export function kpiOutcomeText(k: KpiComparison, lang: Lang): string {
  const L = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  if (k.status !== 'compared') {
    const head = { missing: L('缺少数据', 'missing'), 'not-applicable': L('不适用', 'not applicable'), refused: L('拒绝比较', 'refused'), 'not-computable': L('无法计算', 'not computable'), compared: '' }[k.status];
    return `${head}: ${k.reason ? k.reason.message[lang] : ''}`;
  }
  if (k.met === null) return L('无目标', 'no target');
  return k.met ? L('达到目标', 'target met') : L('未达到目标', 'target not met');
}

export function indicatorStatusText(s: IndicatorStatus, lang: Lang): string {
  const zh: Record<IndicatorStatus, string> = {
    'now-met': '由未达到变为达到',
    'still-met': '保持达到',
    met: '达到（基线无法计算）',
    'no-longer-met': '由达到变为未达到',
    'still-missed': '仍未达到',
    missed: '未达到（基线无法计算）',
    'not-computable': '无法计算',
    'no-target': '无目标',
  };
  const en: Record<IndicatorStatus, string> = {
    'now-met': 'missed before, now met',
    'still-met': 'still met',
    met: 'met (baseline not computable)',
    'no-longer-met': 'met before, now missed',
    'still-missed': 'still missed',
    missed: 'missed (baseline not computable)',
    'not-computable': 'not computable',
    'no-target': 'no target',
  };
  return (lang === 'zh' ? zh : en)[s];
}

export function indicatorValueText(i: IndicatorChange, v: number | boolean | null, lang: Lang): string {
  if (v === null) return lang === 'zh' ? '无法计算' : 'not computable';
  if (typeof v === 'boolean') return v ? (lang === 'zh' ? '是' : 'yes') : lang === 'zh' ? '否' : 'no';
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

// ─── Markdown ───────────────────────────────────────────────────────────────────────────────────────

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const table = (head: string[], rows: string[][]) => [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');

function scoreRows(list: ScoreChange[], t: (x: Text) => string): string[][] {
  return list.map((s) => [
    mdEscape(t(s.title)),
    s.baseline ? `${s.baseline.score.toFixed(2)} (L${s.baseline.level})` : '—',
    s.followup ? `${s.followup.score.toFixed(2)} (L${s.followup.level})` : '—',
    signed(s.scoreChange),
    s.levelChange === null ? '—' : signed(s.levelChange, 0),
  ]);
}

/** The progress report as Markdown, in one language. */
export function renderCompareMarkdown(c: Comparison, lang: Lang): string {
  const L = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const t = (x: Text) => x[lang];
  const out: string[] = [];
  const plant = plantText(c.followup) || plantText(c.baseline) || L('（未填写企业名称）', '(company not filled in)');
  out.push(`# ${L('智能制造改造进展对比报告', 'Smart-manufacturing progress report')}`);
  out.push('');
  out.push(`**${mdEscape(plant)}**`);
  out.push('');
  out.push(`> ${L('衡量依据：', 'Basis: ')}${mdEscape(t(c.basis))}${L('；目标方案 ', '; target profile ')}${mdEscape(c.targets.id)}（${mdEscape(c.targets.source)}）`);
  out.push('');

  out.push(`## ${L('两次评估', 'The two assessments')}`);
  out.push('');
  const side = (x: Comparison['baseline']) => [
    mdEscape(x.file ?? '—'),
    mdEscape(plantText(x) || '—'),
    mdEscape(x.date ?? '—'),
    mdEscape(x.period ?? '—'),
    `${mdEscape(x.questionnaire.id)} v${mdEscape(x.questionnaire.version)}`,
    pct(x.completeness),
  ];
  out.push(
    table(
      [L('评估', 'Assessment'), L('文件', 'File'), L('企业 · 厂区', 'Company · site'), L('诊断日期', 'Date'), L('KPI 期间', 'KPI period'), L('问卷', 'Questionnaire'), L('完成度', 'Completeness')],
      [
        [L('基线', 'Baseline'), ...side(c.baseline)],
        [L('复评', 'Follow-up'), ...side(c.followup)],
      ],
    ),
  );
  out.push('');
  if (c.warnings.length) {
    out.push(`### ${L('提示', 'Warnings')}`);
    out.push('');
    for (const w of c.warnings) out.push(`- ${mdEscape(t(w.message))}`);
    out.push('');
  }

  out.push(`## ${L('成熟度', 'Maturity')}`);
  out.push('');
  const m = c.maturity;
  out.push(
    table(
      ['', L('基线', 'Baseline'), L('复评', 'Follow-up'), L('变化', 'Change')],
      [
        [L('等级', 'Level'), `${m.baseline.level} ${mdEscape(t(m.baseline.name))}`, `${m.followup.level} ${mdEscape(t(m.followup.name))}`, signed(m.levelChange, 0)],
        ['S', m.baseline.score.toFixed(2), m.followup.score.toFixed(2), signed(m.scoreChange)],
        [
          L('梯度培育参考层级（仅供参考）', 'Indicative tier'),
          c.tier.baseline ? mdEscape(t(c.tier.baseline.name)) : '—',
          c.tier.followup ? mdEscape(t(c.tier.followup.name)) : '—',
          '',
        ],
      ],
    ),
  );
  out.push('');
  out.push(`### ${L('各部分', 'Sections')}`);
  out.push('');
  const scoreHead = [L('名称', 'Name'), L('基线', 'Baseline'), L('复评', 'Follow-up'), L('得分变化', 'Score change'), L('等级变化', 'Level change')];
  out.push(table(scoreHead, scoreRows(c.sections, t)));
  out.push('');
  out.push(`### ${L('能力子域', 'Capability sub-domains')}`);
  out.push('');
  out.push(table(scoreHead, scoreRows(c.subdomains, t)));
  out.push('');

  out.push(`## ${L('指标', 'Indicators')}`);
  out.push('');
  out.push(
    table(
      [L('指标', 'Indicator'), L('基线', 'Baseline'), L('复评', 'Follow-up'), L('变化', 'Change'), L('目标', 'Target'), L('状态', 'Status')],
      c.indicators.map((i) => [
        mdEscape(t(i.title)),
        indicatorValueText(i, i.baseline, lang),
        indicatorValueText(i, i.followup, lang),
        indicatorChangeText(i),
        i.target !== undefined ? mdEscape(`${i.comparison} ${pct(i.target)} (${i.targetYear ?? ''})`) : '—',
        (i.nowMet ? '**' : '') + indicatorStatusText(i.status, lang) + (i.nowMet ? '**' : ''),
      ]),
    ),
  );
  out.push('');

  out.push(`## ${L('成果指标对照标杆项目目标', 'Outcome KPIs against the benchmark-project targets')}`);
  out.push('');
  const tally = kpiTally(c);
  out.push(
    L(
      `已达到 ${tally.met} / ${tally.withTarget} 项改进目标（可判定 ${tally.decided} 项）。变化 = (复评 − 基线) ÷ 基线；成本、周期、不良品率和单位产出能耗以下降为改善。能源利用率提高 20% 即单位产出能耗降至 1/1.2（降低约 16.67%）。`,
      `${tally.met} of ${tally.withTarget} improvement targets met (${tally.decided} decidable). Change = (follow-up − baseline) ÷ baseline; cost, cycle time, defect rate and energy per output improve by going down. Energy utilisation +20 % means energy per unit of output × 1/1.2 (about −16.67 %).`,
    ),
  );
  out.push('');
  out.push(
    table(
      [L('成果指标', 'KPI'), L('基线', 'Baseline'), L('复评', 'Follow-up'), L('变化', 'Change'), L('目标', 'Target'), L('结果', 'Result')],
      c.kpis.map((k) => [
        mdEscape(t(k.title)),
        mdEscape(kpiValueText(k, 'baseline', lang)),
        mdEscape(kpiValueText(k, 'followup', lang)),
        signedPct(k.change),
        kpiTargetText(k),
        (k.met === true ? '✓ ' : k.met === false ? '✗ ' : '') + mdEscape(kpiOutcomeText(k, lang)),
      ]),
    ),
  );
  out.push('');
  const g = c.kpiGains.met;
  out.push(
    `${L('智能工厂申报条件中的成果指标（全部标杆项目目标）：', 'Smart-factory criterion on KPI gains (all benchmark-project targets): ')}**${g === true ? L('满足', 'met') : g === false ? L('不满足', 'not met') : L('无法判定', 'cannot be decided')}**`,
  );
  out.push('');
  out.push(
    `*${L(
      '单个企业的 KPI 对照标杆项目目标仅供参考。数值取自两次答卷；单位以答卷 kpis.units 为准。',
      'Comparing one plant with the benchmark-project targets is a reference. Figures come from the two answer files; units as stated in their kpis.units.',
    )}*`,
  );
  return out.join('\n') + '\n';
}
