// The wide summary sheet (汇总) of a batch: one row per population or group, the figures of each indicator beside
// each other with their verdict against the target, and the notes under the table. (columns.ts: the other tables.)
import { methodOf, populationOf, type RegionalPopulation, type SummaryLayout } from '../../core/batch/aggregate.js';
import type { BatchSummary, Figures, RegionalIndicator } from '../../core/batch/summary.js';
import { percentDigits } from '../../core/batch/verdict.js';
import type { Lang, Text } from '../../core/types.js';
import { formatMessage, type MessageArgs, type MessageCode } from '../../messages/catalogue.js';
import { shareText } from '../../core/batch/figures.js';
import { fieldTitle, groupLabel, M, minGroupNote, sizeNotStatedNote, titled, type Cell, type Column, type ColumnFormat, type GroupWords } from './columns.js';

/** One regional figure as the wide summary shows it: value, numerator, n and (over the official population) met. */
type WideCell = { value: number | null; numerator: number | null; denominator: number; unknown: number | null; met?: boolean | null };
const wideCell = (f: { value: number | null; numerator: number | null; denominator: number; unknown: number | null; met?: boolean | null | undefined } | undefined, met: boolean): WideCell | undefined =>
  f ? { value: f.value, numerator: f.numerator, denominator: f.denominator, unknown: f.unknown, ...(met ? { met: f.met ?? null } : {}) } : undefined;
/** No company of the row is in the population (the 规上 companies of the 规下 row): n = 0, no value. */
const EMPTY_CELL: WideCell = { value: null, numerator: null, denominator: 0, unknown: null, met: null };

/**
 * The wide summary (汇总): one row per population (all companies, 规上, 规下, size not stated) or group, and per
 * indicator the figure over the companies of the row that answered. An indicator whose official population is 规上
 * (its `regionalPopulation`) has two sets of columns: over the row's 规上 companies (the official figure, the only one
 * judged against the target: JSON `indicators[]`, `bySize[above]`, `groups[].indicators[]`) and over all the row's
 * companies (JSON `splits[all]`, `bySize[].indicators[]`). Every column title names the population it is over.
 */
export function wideSummary(s: BatchSummary, layout: SummaryLayout, lang: Lang, groupWords?: GroupWords): { columns: Column<Cell[]>[]; rows: Cell[][]; notes: string[] } {
  const columns: Column<Cell[]>[] = [];
  const add = (id: string, title: Text, format: ColumnFormat) => {
    const i = columns.length;
    columns.push({ id, title, format, get: (r) => r[i] });
  };
  add('group', M('col.group'), 'text');
  add('companies', M('col.companies'), 'integer');
  add('mean_score', M('col.mean_score'), 'number');
  add('mean_score_n', M('col.mean_score_n'), 'integer');
  // level 0 in the words the company rows and reports use for it
  for (let lv = 0; lv <= 5; lv++) add(`level.${lv}`, lv === 0 ? M('col.level_none') : M('col.level_n', { level: lv }), 'integer');
  add('no_level', M('col.no_level'), 'integer');
  /** The column sets of an indicator: its official population first (judged), then all companies when that differs. */
  const setsOf = (ind: (typeof layout.indicators)[number]) => {
    const official = populationOf(ind);
    return official === 'all' ? [{ population: official, id: ind.id, judged: true }] : [{ population: official, id: ind.id, judged: true }, { population: 'all' as const, id: `${ind.id}@all`, judged: false }];
  };
  for (const ind of layout.indicators) {
    const method = methodOf(ind);
    for (const set of setsOf(ind)) {
      const named = (l: Lang) => formatMessage('col.indicator_population', { title: ind.title[l], population: formatMessage(`label.population.${set.population}`, {}, l) }, l);
      const how = (l: Lang) => formatMessage('label.wide-how', { method: formatMessage(`label.method.${method}`, {}, l), population: formatMessage(`label.population.${set.population}`, {}, l) }, l);
      add(set.id, titled('col.indicator_value', (l) => ({ title: ind.title[l], how: how(l) })), ind.kind === 'number' ? 'number' : 'percent');
      // a judged value that would read as equal to its target at 0.1 %: to 0.01 %
      if (set.judged && ind.kind !== 'number' && ind.target) {
        const col = columns[columns.length - 1]!;
        const at = columns.length - 1;
        const target = ind.target.value;
        col.formatOf = (r) => (percentDigits(r[at] as number | null, target) > 1 ? 'percent-fine' : 'percent');
      }
      const part = (code: MessageCode, what: MessageCode) => titled(code, (l) => ({ title: named(l), id: formatMessage(what, {}, l) }));
      add(`${set.id}.numerator`, part('col.numerator', `label.numerator.${method}`), method === 'share' ? 'integer' : 'number');
      add(`${set.id}.denominator`, part('col.indicator_n', `label.n.${method}`), 'integer');
      // how many of the row's companies answered 不清楚 (in n for a share, left out of it for a mean)
      add(`${set.id}.unknown`, titled('col.indicator_unknown', (l) => ({ title: named(l), how: formatMessage(`label.unknown.${method}`, {}, l) })), 'integer');
      // the target beside its verdict: comparison, value, year and the document it comes from
      if (ind.target && set.judged) {
        const t = ind.target;
        const value = ind.kind === 'number' ? String(t.value) : shareText(t.value);
        const historical = s.indicators.find((x) => x.id === ind.id)?.historical;
        const met = (l: Lang) => formatMessage(historical ? 'col.met-against-historical' : 'col.met-against', { title: named(l), comparison: t.comparison, value, year: t.year, source: t.source }, l);
        add(`${set.id}.met`, { zh: met('zh'), en: met('en') }, 'yesno');
      }
    }
  }
  const rows: Cell[][] = [];
  /** `cells(ind)`: the row's figure over the official population and over all the row's companies. */
  const line = (label: string, f: Figures, cells: (i: RegionalIndicator | undefined, official: RegionalPopulation) => { official: WideCell | undefined; all: WideCell | undefined }) => {
    const r: Cell[] = [label, f.companies, f.meanScore, f.meanScoreN];
    for (let lv = 0; lv <= 5; lv++) r.push(f.levels[String(lv)] ?? null);
    r.push(f.noLevel);
    for (const ind of layout.indicators) {
      const i = f.indicators.find((x) => x.id === ind.id);
      const c = cells(i, populationOf(ind));
      for (const set of setsOf(ind)) {
        const cell = set.judged ? c.official : c.all;
        r.push(cell?.value ?? null, cell?.numerator ?? null, cell?.denominator ?? null, cell?.unknown ?? null);
        if (ind.target && set.judged) r.push(cell?.met ?? null);
      }
    }
    rows.push(r);
  };
  const allSplit = (i: RegionalIndicator | undefined) => wideCell(i?.splits.find((x) => x.population === 'all'), false);
  // the batch: the headline (official population) and its split over all companies
  line(groupLabel('all', lang), s, (i) => ({ official: wideCell(i, true), all: allSplit(i) }));
  // 规上 / 规下 / not stated: every figure over all the companies of the size class (bySize)
  for (const g of s.bySize) {
    if (g.suppressed) continue;
    const key = g.key === '(none)' ? 'not-stated' : g.key;
    line(groupLabel(key, lang), g, (i, official) => ({
      // the 规上 companies of a size class: all of it for 规上, none for 规下 and not stated (a merged "other" is mixed: blank)
      official: official === 'all' || key === 'above' ? wideCell(i, true) : key === 'other' ? undefined : EMPTY_CELL,
      all: wideCell(i, false),
    }));
  }
  for (const g of s.groups ?? []) {
    if (g.suppressed) rows.push([groupLabel(g.key, lang), g.companies]);
    else {
      // a grouping by a question: the question's text and the option's label (「“主要产品的生产组织方式是哪一种？”：按订单生产」)
      const field = fieldTitle(s.groupBy, lang, groupWords);
      const label = g.name ? groupLabel(g.key, lang, { name: g.name, field: s.groupBy }) : `${field ? `${field}${lang === 'zh' ? '：' : ': '}` : ''}${groupLabel(g.key, lang, { words: groupWords })}`;
      line(label, g, (i) => ({ official: wideCell(i, true), all: allSplit(i) }));
    }
  }
  const notes = summaryNotes(s, lang);
  const above = layout.indicators.filter((ind) => populationOf(ind) === 'above-designated-size');
  if (above.length) notes.splice(1, 0, formatMessage('note.wide-populations', { indicators: above.map((ind) => ind.title[lang]).join(lang === 'zh' ? '、' : ', ') }, lang));
  return { columns, rows, notes };
}

/** Whether any figure of the summary is withheld so as not to give a small one away (`withheld*: "complementary"`). */
function withheldToProtect(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(withheldToProtect);
  if (!value || typeof value !== 'object') return false;
  for (const [k, v] of Object.entries(value)) {
    if ((k === 'withheld' || k.endsWith('Withheld')) && v === 'complementary') return true;
    if (typeof v === 'object' && withheldToProtect(v)) return true;
  }
  return false;
}

/** The notes under the summary table: the sample statement, values left out, the minimum group size, historical targets. */
export function summaryNotes(s: BatchSummary, lang: Lang): string[] {
  const W = (code: MessageCode, args: MessageArgs = {}) => formatMessage(code, args, lang);
  const notes = [s.sample.statement[lang]];
  if (s.excluded.values) notes.push(W('note.excluded', { values: s.excluded.values, companies: s.excluded.companies }));
  notes.push(minGroupNote(s, lang));
  if (withheldToProtect(s)) notes.push(W('note.complementary', { n: s.minGroupSize }));
  // no company states whether it is 规上: why the 规上 figures are empty, and the figure over all companies
  const unsized = s.indicators.flatMap((i) => {
    const note = sizeNotStatedNote(s, i, lang);
    return note ? [`${i.title[lang]}${lang === 'zh' ? '：' : ': '}${note}`] : [];
  });
  if (unsized.length) notes.push(...unsized, W('note.size-not-stated-fix'));
  const historical = s.indicators.find((i) => i.historical);
  if (historical?.targetYear !== undefined && s.sample.dates) notes.push(W('note.historical', { year: historical.targetYear, from: s.sample.dates.from }));
  if (s.duplicates.some((d) => d.resubmission)) notes.push(W('note.resubmissions', { days: s.conflictWindowDays, count: s.duplicates.filter((d) => d.resubmission).length }));
  if (s.sameCodeOtherName?.length) notes.push(W('note.same-code-other-name', { count: s.sameCodeOtherName.length }));
  if (s.sameCodeOtherSite?.length) notes.push(W('note.same-code-other-site', { count: s.sameCodeOtherSite.length }));
  return notes;
}
