import type { ChalkInstance } from 'chalk';
import type { ScoreResult } from '../core/result.js';
import type { Lang } from '../core/types.js';
import { forTerminal } from '../messages/safe-text.js';

const pct = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
const bar = (score: number, width = 20) => {
  const filled = Math.max(0, Math.min(width, Math.round((score / 5) * width)));
  return '█'.repeat(filled) + '░'.repeat(width - filled);
};

/** The terminal summary of `zhizao score` (and the end of an interview). */
export function renderScoreSummary(r: ScoreResult, lang: Lang, c: ChalkInstance, explain = false): string {
  const L = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const t = (x: { zh: string; en: string }) => x[lang];
  const out: string[] = [];
  const name = forTerminal([r.respondent.company || L('（未填写企业名称）', '(company not filled in)'), r.respondent.site].filter(Boolean).join(' · '));
  out.push(c.bold(name));
  out.push(
    `${L('成熟度等级', 'Maturity level')}: ${c.bold(`${r.maturity.level ?? '—'} ${t(r.maturity.name)}`)}   S = ${r.maturity.score.toFixed(2)}` +
      '',
  );
  out.push(c.dim(`${L('评分方案', 'Scoring profile')}: ${r.scoring.profile} (${r.scoring.modelVersion})${r.scoring.verified ? '' : L('，未经标准原文核对', ', not verified against the standard text')}`));
  if (r.completeness < 1) {
    out.push(c.yellow(`${L('完成度', 'Completeness')}: ${pct(r.completeness)} (${r.answered}/${r.applicable}) — ${L('未答题目按“不满足”计分', 'unanswered questions score as not satisfied')}`));
  } else out.push(`${L('完成度', 'Completeness')}: 100%`);
  out.push('');
  out.push(c.bold(L('各部分', 'Sections')));
  const w = Math.max(...r.sections.map((s) => t(s.title).length)) + 2;
  for (const s of r.sections) out.push(`  ${t(s.title).padEnd(w)} ${bar(s.score)} ${s.score.toFixed(2)}  L${s.level}`);
  out.push('');
  out.push(c.bold(`${L('指标与目标', 'Indicators against targets')} (${r.targets.id}; ${L('参考：区域目标水平', 'reference: regional target level')})`));
  for (const i of r.indicators) {
    const v = i.value === null ? L('无法计算', 'not computable') : typeof i.value === 'boolean' ? (i.value ? L('是', 'yes') : L('否', 'no')) : pct(i.value);
    let line = `  ${t(i.title)}: ${v}`;
    if (i.target !== undefined) {
      const tgt = `${i.comparison} ${pct(i.target)} (${i.targetYear}, ${i.population ? t(i.population) : ''})`;
      if (i.met === null) line += c.dim(`  ${L('目标', 'target')} ${tgt}`);
      else if (i.met) line += c.green(`  ✓ ${L('达到', 'meets')} ${tgt}`);
      else line += c.red(`  ✗ ${L('未达到', 'misses')} ${tgt}, ${L('差距', 'gap')} ${pct(i.gap ?? 0)}`);
    }
    if (i.flags) for (const [k, f] of Object.entries(i.flags)) line += c.dim(`  ${k}=${f === null ? '?' : f}`);
    out.push(line);
  }
  if (explain) out.push('', ...renderExplain(r, lang, c));
  return out.join('\n') + '\n';
}

function renderExplain(r: ScoreResult, lang: Lang, c: ChalkInstance): string[] {
  const L = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const t = (x: { zh: string; en: string }) => x[lang];
  const out: string[] = [];
  out.push(c.bold(L('计算过程', 'How the score was computed')));
  out.push(
    L(
      `每条要求按满足程度计分（全部 ${r.scoring.satisfaction.full} / 大部分 ${r.scoring.satisfaction.mostly} / 部分 ${r.scoring.satisfaction.partial} / 不满足 ${r.scoring.satisfaction.none}）；等级题答 k 视为 1…k 级要求全部满足。L_n 为各子域在第 n 级得分的加权平均；S = L1 + L2 + …，在第一个低于 ${r.scoring.passThreshold} 的等级之后停止累加。`,
      `Each requirement scores by satisfaction (full ${r.scoring.satisfaction.full} / mostly ${r.scoring.satisfaction.mostly} / partly ${r.scoring.satisfaction.partial} / none ${r.scoring.satisfaction.none}); a level answer k satisfies the requirements of levels 1…k. L_n is the weighted mean of the sub-domain scores at level n; S = L1 + L2 + …, stopping after the first level below ${r.scoring.passThreshold}.`,
    ),
  );
  out.push(`  ${r.maturity.levelScores.map((l, i) => `L${i + 1} = ${l.toFixed(4)}`).join('   ')}`);
  const used = r.maturity.heldAt ?? 5;
  out.push(`  S = ${r.maturity.levelScores.slice(0, used).map((l) => l.toFixed(4)).join(' + ')} = ${r.maturity.score.toFixed(4)} → ${L('等级', 'level')} ${r.maturity.level}`);
  if (r.maturity.heldAt) {
    const n = r.maturity.heldAt;
    const weak = [...r.subdomains].filter((s) => s.levelScores[n - 1]! < r.scoring.passThreshold).sort((a, b) => a.levelScores[n - 1]! - b.levelScores[n - 1]!);
    out.push(c.yellow(`  ${L(`第 ${n} 级未达到 ${r.scoring.passThreshold}，拖后腿的子域`, `Level ${n} is below ${r.scoring.passThreshold}; held back by`)}: ${weak.map((s) => `${t(s.name)} ${s.levelScores[n - 1]!.toFixed(2)}`).join(', ') || '-'}`));
  }
  out.push('', c.bold(L('各子域贡献（子域在第 n 级得分 × 权重 ÷ 总权重）', 'Sub-domain contributions (score at level n × weight ÷ total weight)')));
  for (const s of r.subdomains) {
    out.push(`  ${t(s.name).padEnd(14)} L${s.level} S=${s.score.toFixed(2)}  ${s.contributions.map((x, i) => `L${i + 1}:${x === null ? '-' : x.toFixed(3)}`).join(' ')}`);
  }
  if (r.excluded.length) {
    out.push('', c.bold(L('不计入分母的题目', 'Left out of the denominator')));
    for (const e of r.excluded) out.push(`  ${e.id}: ${reasonText(e.reason, lang)}`);
  }
  out.push('', c.bold(L('指标公式', 'Indicator formulas')));
  for (const i of r.indicators) {
    const inputs = Object.entries(i.inputs).map(([k, v]) => `${k} = ${v === null ? 'null' : JSON.stringify(v)}`).join(', ');
    out.push(`  ${i.id} = ${i.formula}   [${inputs}]`);
  }
  return out;
}

export function reasonText(reason: string, lang: Lang): string {
  const zh: Record<string, string> = { 'n/a': '不适用（n/a）', industry: '按行业类型裁剪', since: '答卷版本中尚无此题', 'not-applicable': '评分方案对该行业类型不适用此子域', 'not-in-model': '评分方案所用模型中没有对应子域' };
  const en: Record<string, string> = { 'n/a': 'not applicable (n/a)', industry: 'tailored out by industry type', since: 'not in the questionnaire version of the file', 'not-applicable': 'sub-domain not applicable to this industry type in the scoring profile', 'not-in-model': 'no matching sub-domain in the scoring profile model' };
  return (lang === 'zh' ? zh : en)[reason] ?? reason;
}
