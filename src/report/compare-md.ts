/**
 * The progress report of `zhizao compare --format md|html`: the Comparison is laid out once as a list of plain-text
 * blocks (headings, paragraphs, tables), then rendered to Markdown or to self-contained HTML. Renderers escape every
 * string, so no user text (company, site, files, units, periods) can carry markup. A DOCX renderer can take the same
 * blocks.
 */
import type { Comparison, IndicatorChange, IndicatorStatus, KpiComparison, ScoreChange } from '../core/compare.js';
import { escapeHtml, escapeMarkdown } from './escape.js';
import type { Lang, Text } from '../core/types.js';

// ─── formatting shared with the terminal view ─────────────────────────────────────────────────────────


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

// ─── the document as blocks ──────────────────────────────────────────────────────────────────────────

/** A run of plain text (never markup); `strong` for emphasis. */
export type Inline = string | { text: string; strong?: boolean };
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; content: Inline[]; quiet?: boolean }
  | { kind: 'callout'; content: Inline[] }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; head: string[]; rows: Inline[][]; numeric?: number[] };

/** The plain text of a run (for renderers without emphasis). */
export const inlineText = (i: Inline) => (typeof i === 'string' ? i : i.text);

function scoreRows(list: ScoreChange[], t: (x: Text) => string): Inline[][] {
  return list.map((s) => [
    t(s.title),
    s.baseline ? `${s.baseline.score.toFixed(2)} (L${s.baseline.level})` : '—',
    s.followup ? `${s.followup.score.toFixed(2)} (L${s.followup.level})` : '—',
    signed(s.scoreChange),
    s.levelChange === null ? '—' : signed(s.levelChange, 0),
  ]);
}

/** The progress report as blocks of plain text, in one language. */
export function compareDocument(c: Comparison, lang: Lang): Block[] {
  const L = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const t = (x: Text) => x[lang];
  const out: Block[] = [];
  const plant = plantText(c.followup) || plantText(c.baseline) || L('（未填写企业名称）', '(company not filled in)');
  out.push({ kind: 'heading', level: 1, text: L('智能制造改造进展对比报告', 'Smart-manufacturing progress report') });
  out.push({ kind: 'paragraph', content: [{ text: plant, strong: true }] });
  out.push({ kind: 'callout', content: [`${L('衡量依据：', 'Basis: ')}${t(c.basis)}${L('；目标方案 ', '; target profile ')}${c.targets.id} (${c.targets.source})`] });

  out.push({ kind: 'heading', level: 2, text: L('两次评估', 'The two assessments') });
  const side = (x: Comparison['baseline']): Inline[] => [x.file ?? '—', plantText(x) || '—', x.date ?? '—', x.period ?? '—', `${x.questionnaire.id} v${x.questionnaire.version}`, pct(x.completeness)];
  out.push({
    kind: 'table',
    head: [L('评估', 'Assessment'), L('文件', 'File'), L('企业 · 厂区', 'Company · site'), L('诊断日期', 'Date'), L('KPI 期间', 'KPI period'), L('问卷', 'Questionnaire'), L('完成度', 'Completeness')],
    rows: [
      [L('基线', 'Baseline'), ...side(c.baseline)],
      [L('复评', 'Follow-up'), ...side(c.followup)],
    ],
  });
  if (c.warnings.length) {
    out.push({ kind: 'heading', level: 3, text: L('提示', 'Warnings') });
    out.push({ kind: 'list', items: c.warnings.map((w) => t(w.message)) });
  }

  out.push({ kind: 'heading', level: 2, text: L('成熟度', 'Maturity') });
  const m = c.maturity;
  out.push({
    kind: 'table',
    head: ['', L('基线', 'Baseline'), L('复评', 'Follow-up'), L('变化', 'Change')],
    rows: [
      [L('等级', 'Level'), `${m.baseline.level} ${t(m.baseline.name)}`, `${m.followup.level} ${t(m.followup.name)}`, signed(m.levelChange, 0)],
      ['S', m.baseline.score.toFixed(2), m.followup.score.toFixed(2), signed(m.scoreChange)],
      [L('满足等级条件的梯度培育层级（仅为必要条件）', 'Smart-factory tier whose level condition is met (necessary only)'), c.tierCondition.baseline ? t(c.tierCondition.baseline.name) : '—', c.tierCondition.followup ? t(c.tierCondition.followup.name) : '—', ''],
    ],
  });
  const scoreHead = [L('名称', 'Name'), L('基线', 'Baseline'), L('复评', 'Follow-up'), L('得分变化', 'Score change'), L('等级变化', 'Level change')];
  out.push({ kind: 'heading', level: 3, text: L('各部分', 'Sections') });
  out.push({ kind: 'table', head: scoreHead, rows: scoreRows(c.sections, t), numeric: [3, 4] });
  out.push({ kind: 'heading', level: 3, text: L('能力子域', 'Capability sub-domains') });
  out.push({ kind: 'table', head: scoreHead, rows: scoreRows(c.subdomains, t), numeric: [3, 4] });

  out.push({ kind: 'heading', level: 2, text: L('指标', 'Indicators') });
  out.push({
    kind: 'table',
    head: [L('指标', 'Indicator'), L('基线', 'Baseline'), L('复评', 'Follow-up'), L('变化', 'Change'), L('目标', 'Target'), L('状态', 'Status')],
    rows: c.indicators.map((i) => [
      t(i.title),
      indicatorValueText(i, i.baseline, lang),
      indicatorValueText(i, i.followup, lang),
      indicatorChangeText(i),
      i.target !== undefined ? `${i.comparison} ${pct(i.target)} (${i.targetYear ?? ''})` : '—',
      { text: indicatorStatusText(i.status, lang), strong: i.nowMet },
    ]),
    numeric: [3],
  });

  out.push({ kind: 'heading', level: 2, text: L('成果指标对照标杆项目目标', 'Outcome KPIs against the benchmark-project targets') });
  const tally = kpiTally(c);
  out.push({
    kind: 'paragraph',
    content: [
      L(
        `已达到 ${tally.met} / ${tally.withTarget} 项改进目标（可判定 ${tally.decided} 项）。变化 = (复评 − 基线) ÷ 基线；成本、周期、不良品率和单位产出能耗以下降为改善。能源利用率提高 20% 即单位产出能耗降至 1/1.2（降低约 16.67%）。`,
        `${tally.met} of ${tally.withTarget} improvement targets met (${tally.decided} decidable). Change = (follow-up − baseline) ÷ baseline; cost, cycle time, defect rate and energy per output improve by going down. Energy utilisation +20 % means energy per unit of output × 1/1.2 (about −16.67 %).`,
      ),
    ],
  });
  out.push({
    kind: 'table',
    head: [L('成果指标', 'KPI'), L('基线', 'Baseline'), L('复评', 'Follow-up'), L('变化', 'Change'), L('目标', 'Target'), L('结果', 'Result')],
    rows: c.kpis.map((k) => [
      t(k.title),
      kpiValueText(k, 'baseline', lang),
      kpiValueText(k, 'followup', lang),
      signedPct(k.change),
      kpiTargetText(k),
      (k.met === true ? '✓ ' : k.met === false ? '✗ ' : '') + kpiOutcomeText(k, lang),
    ]),
    numeric: [3],
  });
  const g = c.kpiGains.met;
  out.push({
    kind: 'paragraph',
    content: [L('智能工厂申报条件中的成果指标（全部标杆项目目标）：', 'Smart-factory criterion on KPI gains (all benchmark-project targets): '), { text: g === true ? L('满足', 'met') : g === false ? L('不满足', 'not met') : L('无法判定', 'cannot be decided'), strong: true }],
  });
  out.push({
    kind: 'paragraph',
    quiet: true,
    content: [
      L(
        '单个企业的 KPI 对照标杆项目目标仅供参考。数值取自两次答卷；单位以答卷 kpis.units 为准。',
        'Comparing one plant with the benchmark-project targets is a reference. Figures come from the two answer files; units as stated in their kpis.units.',
      ),
    ],
  });
  return out;
}

// ─── Markdown ───────────────────────────────────────────────────────────────────────────────────────

const mdInline = (i: Inline) => (typeof i === 'string' ? escapeMarkdown(i) : i.strong && i.text ? `**${escapeMarkdown(i.text)}**` : escapeMarkdown(i.text));
const mdRow = (cells: string[]) => `| ${cells.join(' | ')} |`;

export function blocksToMarkdown(blocks: Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        out.push(`${'#'.repeat(b.level)} ${escapeMarkdown(b.text)}`);
        break;
      case 'paragraph':
        out.push(b.quiet ? `*${b.content.map(mdInline).join('')}*` : b.content.map(mdInline).join(''));
        break;
      case 'callout':
        out.push(`> ${b.content.map(mdInline).join('')}`);
        break;
      case 'list':
        out.push(b.items.map((i) => `- ${escapeMarkdown(i)}`).join('\n'));
        break;
      case 'table':
        out.push([mdRow(b.head.map(escapeMarkdown)), mdRow(b.head.map(() => '---')), ...b.rows.map((r) => mdRow(r.map(mdInline)))].join('\n'));
        break;
    }
    out.push('');
  }
  return out.join('\n').trimEnd() + '\n';
}

/** The progress report as Markdown, in one language. */
export function renderCompareMarkdown(c: Comparison, lang: Lang): string {
  return blocksToMarkdown(compareDocument(c, lang));
}

// ─── HTML ──────────────────────────────────────────────────────────────────────────────────────────

const htmlInline = (i: Inline) => (typeof i === 'string' ? escapeHtml(i) : i.strong && i.text ? `<strong>${escapeHtml(i.text)}</strong>` : escapeHtml(i.text));

const CSS = `
*{box-sizing:border-box}
html{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",SimSun,"PingFang SC",sans-serif;font-size:10.5pt;line-height:1.6;color:#1f2328;background:#fff;-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0 auto;max-width:190mm;padding:10mm 6mm 16mm}
h1,h2,h3{line-height:1.3;color:#1f4e8c;margin:1.2em 0 .5em}
h1{font-size:20pt}h2{font-size:14pt;border-bottom:2px solid #1f4e8c;padding-bottom:3px}h3{font-size:12pt}
p{margin:.4em 0 .6em}.quiet{color:#59636e;font-size:9pt}
.callout{border-left:4px solid #1f4e8c;background:#f6f8fa;padding:6px 10px;margin:.6em 0}
table{border-collapse:collapse;width:100%;margin:.5em 0 1em;font-size:9.5pt}
th,td{border:1px solid #d0d7de;padding:4px 6px;text-align:left;vertical-align:top}
thead th{background:#e8eef6}thead{display:table-header-group}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr{page-break-inside:avoid}
@page{size:A4;margin:18mm 16mm}
@media print{body{max-width:none;padding:0}h2,h3{page-break-after:avoid}}
`;

export function blocksToHtml(blocks: Block[], lang: Lang, title: string): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        out.push(`<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`);
        break;
      case 'paragraph':
        out.push(`<p${b.quiet ? ' class="quiet"' : ''}>${b.content.map(htmlInline).join('')}</p>`);
        break;
      case 'callout':
        out.push(`<p class="callout">${b.content.map(htmlInline).join('')}</p>`);
        break;
      case 'list':
        out.push(`<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`);
        break;
      case 'table': {
        const num = new Set(b.numeric ?? []);
        const head = `<thead><tr>${b.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
        const rows = b.rows.map((r) => `<tr>${r.map((cell, i) => `<td${num.has(i) ? ' class="num"' : ''}>${htmlInline(cell)}</td>`).join('')}</tr>`).join('\n');
        out.push(`<table>${head}<tbody>\n${rows}\n</tbody></table>`);
        break;
      }
    }
  }
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang === 'en' ? 'en' : 'zh-CN'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    ...out,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The progress report as one self-contained HTML file (no script, no remote loads; prints to A4). */
export function renderCompareHtml(c: Comparison, lang: Lang): string {
  const blocks = compareDocument(c, lang);
  const h1 = blocks.find((b) => b.kind === 'heading');
  const plant = plantText(c.followup) || plantText(c.baseline);
  return blocksToHtml(blocks, lang, [h1 && h1.kind === 'heading' ? h1.text : '', plant].filter(Boolean).join(' — '));
}

