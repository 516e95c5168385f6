import type { SummaryLayout } from '../../core/batch/aggregate.js';
import type { CompanyRecord } from '../../core/batch/record.js';
import type { BatchSummary, Figures, GroupFigures } from '../../core/batch/summary.js';
import type { Lang, Text } from '../../core/types.js';
import type { Rejected } from './process.js';

export interface Column<T> {
  id: string;
  title: Text;
  get(r: T): string | number | boolean | null | undefined;
}

const T = (zh: string, en: string): Text => ({ zh, en });

/** The per-company table (明细): stable ids in the header, titles in the `#` row. */
export function companyColumns(layout: SummaryLayout, opts: { group: boolean; lang: Lang }): Column<CompanyRecord>[] {
  const cols: Column<CompanyRecord>[] = [
    { id: 'file', title: T('来源文件', 'source file'), get: (r) => r.file },
    { id: 'row', title: T('行号', 'row'), get: (r) => r.row },
    { id: 'company', title: T('企业名称', 'company'), get: (r) => r.company },
    { id: 'credit_code', title: T('统一社会信用代码', 'credit code'), get: (r) => r.creditCode },
    { id: 'site', title: T('厂区', 'site'), get: (r) => r.site },
    { id: 'district', title: T('区划代码', 'district'), get: (r) => r.district },
    { id: 'region', title: T('地区', 'region'), get: (r) => r.region },
    { id: 'park', title: T('园区', 'park'), get: (r) => r.park },
    { id: 'sector', title: T('行业代码', 'sector'), get: (r) => r.sector },
    { id: 'industry', title: T('行业类型', 'industry type'), get: (r) => r.industry },
    { id: 'above_designated_size', title: T('规上企业', 'above designated size'), get: (r) => r.aboveDesignatedSize },
    { id: 'enterprise_class', title: T('企业分类', 'class'), get: (r) => r.enterpriseClass },
    { id: 'retrofit_status', title: T('智能化改造', 'retrofit status'), get: (r) => r.retrofitStatus },
    { id: 'retrofit_year', title: T('改造年份', 'retrofit year'), get: (r) => r.retrofitYear },
    { id: 'date', title: T('诊断日期', 'date'), get: (r) => r.date },
    { id: 'level', title: T('成熟度等级', 'maturity level'), get: (r) => r.level },
    { id: 'level_name', title: T('等级名称', 'level name'), get: (r) => r.levelName[opts.lang] },
    { id: 'score', title: T('成熟度得分 S', 'score S'), get: (r) => r.score },
    { id: 'tier_level_conditions', title: T('满足等级条件的梯度培育层级（仅为必要条件）', 'tiers whose level condition is met (necessary only)'), get: (r) => r.tierConditions.join(';') },
    { id: 'completeness', title: T('完成度', 'completeness'), get: (r) => r.completeness },
  ];
  for (const s of layout.sections) cols.push({ id: `section.${s.id}`, title: T(`板块得分：${s.title.zh}`, `section score: ${s.title.en}`), get: (r) => r.sections[s.id] });
  for (const i of layout.indicators) {
    cols.push({ id: i.id, title: i.title, get: (r) => { const v = r.indicators[i.id]?.value; return v === undefined ? null : v; } });
    if (i.target) cols.push({ id: `${i.id}.met`, title: T(`${i.title.zh}达标（参考）`, `${i.title.en} meets target (reference)`), get: (r) => r.indicators[i.id]?.met ?? null });
  }
  cols.push({ id: 'uses_digital_design_tools', title: T('使用数字化设计工具', 'uses digital design tools'), get: (r) => r.usesDigitalDesignTools });
  if (opts.group) cols.push({ id: 'group', title: T('分组', 'group'), get: (r) => r.group });
  cols.push(
    { id: 'recommendations', title: T('前三项建议', 'top three recommendations'), get: (r) => r.recommendations.join(opts.lang === 'zh' ? '；' : '; ') },
    { id: 'warnings', title: T('警告数', 'warnings'), get: (r) => r.warnings },
    { id: 'superseded', title: T('已被较新评估取代', 'superseded'), get: (r) => Boolean(r.superseded) },
    { id: 'report', title: T('报告文件', 'report file'), get: (r) => r.report },
  );
  return cols;
}

export function rejectedColumns(): Column<Rejected>[] {
  return [
    { id: 'file', title: T('文件', 'file'), get: (r) => r.file },
    { id: 'row', title: T('行号', 'row'), get: (r) => r.row },
    { id: 'sheet', title: T('工作表', 'sheet'), get: (r) => r.sheet },
    { id: 'line', title: T('行', 'line'), get: (r) => r.line },
    { id: 'column', title: T('列', 'column'), get: (r) => r.column },
    { id: 'message', title: T('原因', 'reason'), get: (r) => r.message },
    { id: 'problems', title: T('全部问题', 'all problems'), get: (r) => r.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`).join('\n') },
  ];
}

/** The summary as a long table (汇总 sheet, OUT.summary.csv): one figure per row. */
export const SUMMARY_HEADER = ['section', 'group', 'item', 'title', 'value', 'target', 'comparison', 'met', 'companies_with_value', 'companies_meeting_target', 'share_meeting_target', 'target_year', 'population'];
export const SUMMARY_TITLES: Text[] = [
  T('部分', 'section'), T('分组', 'group'), T('项目', 'item'), T('名称', 'title'), T('数值', 'value'), T('目标', 'target'), T('比较', 'comparison'), T('达标', 'met'),
  T('有值企业数', 'companies with value'), T('自身达标企业数', 'companies meeting target'), T('达标企业占比', 'share meeting target'), T('目标年份', 'target year'), T('统计口径', 'population'),
];

type Cell = string | number | boolean | null | undefined;
export function summaryRows(s: BatchSummary, lang: Lang): Cell[][] {
  const rows: Cell[][] = [];
  const L = (t: Text | undefined) => (t ? t[lang] : '');
  const row = (section: string, group: string, item: string, title: string, value: Cell, rest: Cell[] = []) => rows.push([section, group, item, title, value, ...rest]);
  row('counts', '', 'companies', lang === 'zh' ? '纳入汇总的工厂数' : 'plants in the summary', s.companies);
  row('counts', '', 'scored', lang === 'zh' ? '已评分行数（含被取代）' : 'rows scored (superseded included)', s.scored);
  row('counts', '', 'superseded', lang === 'zh' ? '被较新评估取代' : 'superseded', s.superseded);
  row('counts', '', 'rejected', lang === 'zh' ? '拒收' : 'rejected', s.rejected);
  row('counts', '', 'duplicates', lang === 'zh' ? '重复出现的工厂' : 'plants seen more than once', s.duplicates.length);
  row('targets', '', s.targets.id, `${L(s.targets.title)} — ${s.targets.source}`, null);
  const figures = (section: string, group: string, f: Figures) => {
    row(section, group, 'companies', lang === 'zh' ? '企业数' : 'companies', f.companies);
    for (const [lv, n] of Object.entries(f.levels)) row(section, group, `level.${lv}`, lang === 'zh' ? `${lv} 级企业数` : `companies at level ${lv}`, n);
    row(section, group, 'mean_score', lang === 'zh' ? '平均成熟度得分' : 'mean score', f.meanScore);
    for (const sec of f.sections) row(section, group, `section.${sec.id}`, L(sec.title), sec.mean, [null, null, null, sec.companies]);
    for (const i of f.indicators)
      row(section, group, i.id, `${L(i.title)} (${i.method === 'mean' ? (lang === 'zh' ? '企业值平均' : 'mean of companies') : lang === 'zh' ? '企业占比' : 'share of companies'})`, i.value, [
        i.target, i.comparison, i.met, i.companiesWithValue, i.companiesMeetingTarget, i.shareMeetingTarget, i.targetYear, L(i.population),
      ]);
  };
  figures('all', '', s);
  const groups = (section: string, gs: GroupFigures[]) => {
    for (const g of gs) {
      if (g.suppressed) row(section, g.key, 'companies', lang === 'zh' ? `企业数（少于 ${s.minGroupSize}，不单列）` : `companies (fewer than ${s.minGroupSize}: not broken out)`, g.companies);
      else figures(section, g.key, g);
    }
  };
  if (s.groups) groups(`group:${s.groupBy}`, s.groups);
  groups('by_size', s.bySize);
  for (const c of s.byClass) {
    const g = `class ${c.class}`;
    row('by_class', g, 'companies', lang === 'zh' ? '企业数' : 'companies', c.companies);
    row('by_class', g, 'retrofitting', lang === 'zh' ? '改造中或已完成' : 'in progress or done', c.retrofitting);
    row('by_class', g, 'planned', lang === 'zh' ? '计划改造' : 'planned', c.planned);
    row('by_class', g, 'none', lang === 'zh' ? '未改造' : 'none', c.none);
    row('by_class', g, 'unknown', lang === 'zh' ? '未填写' : 'not stated', c.unknown);
    row('by_class', g, 'share', lang === 'zh' ? '改造比例' : 'share retrofitting', c.share, [c.goal, c.goal === null ? null : '>=', c.goalMet]);
  }
  for (const g of s.parkRecommendations ?? []) for (const r of g.recommendations) row('park', g.group, r.id, L(r.title), r.projectType);
  for (const d of s.duplicates)
    for (const m of d.members) row('duplicates', d.plant, `${m.file}${m.row !== undefined ? `:${m.row}` : ''}`, m.date ?? '', m.superseded ? 'superseded' : 'current');
  return rows;
}
