import { methodOf, populationOf, type SummaryLayout } from '../../core/batch/aggregate.js';
import { headlineSplit, shareText, type SplitFigure } from '../../core/batch/figures.js';
import type { CompanyRecord } from '../../core/batch/record.js';
import { NONE_GROUP, type BatchSummary, type Figures, type GroupFigures, type RegionalIndicator } from '../../core/batch/summary.js';
import type { RegionalPopulation } from '../../core/batch/aggregate.js';
import { percentDigits, type Withheld } from '../../core/batch/verdict.js';
import type { Questionnaire } from '../../core/questionnaire.js';
import type { Lang, Question, Text } from '../../core/types.js';
import { isIndustry, isRetrofitStatus } from '../../core/vocabulary.js';
import { formatMessage, isMessageCode, type MessageArgs, type MessageCode } from '../../messages/catalogue.js';
import type { CellProblem, Rejected } from './parts.js';

/** How a workbook shows a column's values (CSV and JSON keep the plain values). */
/** `percent-fine`: a percentage to 0.01 %, where 0.1 % would show a value equal to its target (verdict.ts percentDigits). */
export type ColumnFormat = 'text' | 'integer' | 'number' | 'percent' | 'percent-fine' | 'yesno' | 'date';

export interface Column<T> {
  id: string;
  title: Text;
  format?: ColumnFormat;
  /** A column whose unit differs from row to row (the long summary's value): the row's format, over `format`. */
  formatOf?: (r: T) => ColumnFormat | undefined;
  /** Codes shown as words in the workbook (discrete → 离散型 under --lang zh). */
  label?: (v: string, lang: Lang) => string;
  /** A word for the whole row's value, when the label needs more than the code (tier names). */
  labelOf?: (r: T, lang: Lang) => string | null | undefined;
  get(r: T): string | number | boolean | null | undefined;
}

/** A question's text by its id (numerator and denominator columns, a grouping by a question), when the questionnaire has it. */
export type QuestionTexts = (id: string) => Text | undefined;

/**
 * A grouping by a question (--group-by) in words: the question's text, and each group's key (an answer's value) by
 * its option's label — 「按订单生产」, not make_to_order. Undefined for a grouping by a respondent field.
 */
export interface GroupWords {
  by: Text;
  label(key: string): Text | undefined;
}
export function groupWordsOf(q: Questionnaire | undefined, groupBy: string | undefined): GroupWords | undefined {
  const question = groupBy !== undefined ? q?.byId.get(groupBy) : undefined;
  if (!question) return undefined;
  const labels = new Map((question.options ?? []).map((o) => [o.value, o.label]));
  return { by: question.text, label: (key) => labels.get(key) };
}

/** A title in both languages from the message catalogue. */
export const M = (code: MessageCode, args: MessageArgs = {}): Text => ({ zh: formatMessage(code, args, 'zh'), en: formatMessage(code, args, 'en') });
export const col = <T>(id: string, format: ColumnFormat, get: Column<T>['get'], title: Text = M(`col.${id}` as MessageCode)): Column<T> => ({ id, title, format, get });
export const lbl = (prefix: string) => (v: string, lang: Lang) => {
  const code = `${prefix}${v}`;
  return isMessageCode(code) ? formatMessage(code, {}, lang) : v;
};
export const titled = (code: MessageCode, args: (l: Lang) => MessageArgs): Text => ({ zh: formatMessage(code, args('zh'), 'zh'), en: formatMessage(code, args('en'), 'en') });

/** The per-company table (明细): stable ids (CSV row 1, the Columns sheet), titles in the workbook's header row. */
export function companyColumns(
  layout: SummaryLayout,
  opts: { group: boolean; lang: Lang; subdomains?: readonly { id: string; name: Text }[]; tiers?: readonly { id: string; name: Text }[]; questions?: QuestionTexts; variants?: (id: string) => readonly { industry: string; text: Text }[]; groupWords?: GroupWords; integer?: (id: string) => boolean },
): Column<CompanyRecord>[] {
  const withLabel = (c: Column<CompanyRecord>, label: Column<CompanyRecord>['label']) => ({ ...c, label });
  const tierNames = opts.tiers ? new Map(opts.tiers.map((t) => [t.id, t.name])) : undefined;
  const cols: Column<CompanyRecord>[] = [
    col('file', 'text', (r) => r.file),
    col('row', 'integer', (r) => r.row),
    col('company', 'text', (r) => r.company),
    col('credit_code', 'text', (r) => r.creditCode),
    col('site', 'text', (r) => r.site),
    col('district', 'text', (r) => r.district),
    col('region', 'text', (r) => r.region),
    col('park', 'text', (r) => r.park),
    col('sector', 'text', (r) => r.sector),
    withLabel(col('industry', 'text', (r) => r.industry), lbl('label.')),
    col('above_designated_size', 'yesno', (r) => r.aboveDesignatedSize),
    col('enterprise_class', 'text', (r) => r.enterpriseClass),
    withLabel(col('retrofit_status', 'text', (r) => r.retrofitStatus), lbl('label.retrofit.')),
    col('retrofit_year', 'integer', (r) => r.retrofitYear),
    col('date', 'date', (r) => (r.date ? (r.time ? `${r.date} ${r.time}` : r.date) : undefined)),
    col('level', 'integer', (r) => r.level),
    col('level_name', 'text', (r) => r.levelName[opts.lang]),
    // (blank without a level: there is no level to call provisional)
    col('provisional', 'yesno', (r) => (r.level === null ? null : r.provisional)),
    col('score', 'number', (r) => r.score),
    // the tiers by their names in the workbook and the CSV (基础级；先进级), by their ids in the JSON (tierConditions)
    col('tier_level_conditions', 'text', (r) => (tierNames ? r.tierConditions.map((id) => tierNames.get(id)?.[opts.lang] ?? id).join(opts.lang === 'zh' ? '；' : '; ') : r.tierConditions.join(';'))),
    col('completeness', 'percent', (r) => r.completeness),
  ];
  for (const s of layout.sections) cols.push(col(`section.${s.id}`, 'number', (r) => r.sections[s.id], titled('col.section', (l) => ({ title: s.title[l] }))));
  for (const sd of opts.subdomains ?? []) cols.push(col(`subdomain.${sd.id}`, 'number', (r) => r.subdomains?.[sd.id], titled('col.subdomain', (l) => ({ title: sd.name[l] }))));
  for (const i of layout.indicators) {
    const share = methodOf(i) === 'share';
    // a share of companies (design-tool penetration): one company's value is whether it counts as yes, said so, with
    // the companies the regional share is over; an indicator without a value because an input was answered 不清楚 says
    // so (a share counts it in n: blank, it would read as not answered)
    const unknownWord = answerWord('unknown', opts.lang);
    cols.push(col(i.id, i.kind === 'flag' || i.kind === 'share' ? 'yesno' : i.kind === 'ratio' ? 'percent' : 'number', (r) => {
      const ind = r.indicators[i.id];
      if (ind === undefined) return null;
      return ind.value === null && ind.unknown ? unknownWord : ind.value;
    }, share ? titled('col.share-indicator', (l) => ({ title: i.title[l], population: formatMessage(`label.population.${populationOf(i)}`, {}, l) })) : i.title));
    if (i.ratio) {
      const [n, d] = i.ratio;
      // each by the question it is the answer to, with the question's id (the column of a table made from the template)
      // (and the question's own wording for an industry: a process plant answers "under automatic control", not "on CNC equipment")
      const variants = (id: string, l: Lang) => (opts.variants?.(id) ?? []).map((v) => formatMessage('col.question-variant', { industry: formatMessage(`label.${v.industry}` as MessageCode, {}, l), question: v.text[l] }, l)).join('');
      const part = (code: 'col.numerator-question' | 'col.denominator-question', id: string) => titled(code, (l) => ({ title: i.title[l], question: opts.questions?.(id)?.[l] ?? id, variants: variants(id, l), id }));
      // a count (key processes, designers, machines) as a whole number, not 7.00
      const format = (id: string): ColumnFormat => (opts.integer?.(id) ? 'integer' : 'number');
      cols.push(col(`${i.id}.numerator`, format(n), (r) => r.indicators[i.id]?.numerator, part('col.numerator-question', n)));
      cols.push(col(`${i.id}.denominator`, format(d), (r) => r.indicators[i.id]?.denominator, part('col.denominator-question', d)));
    }
    if (i.target && !share) cols.push(col(`${i.id}.met`, 'yesno', (r) => r.indicators[i.id]?.met ?? null, titled('col.met', (l) => ({ title: i.title[l] }))));
  }
  // (whether the company uses digital design tools is the design-tool column above, as the regional share counts it)
  // indicators whose value stays in this row but out of the regional figures (an input outside its plausible range)
  // (the workbook names them by their titles; the CSV keeps the ids)
  const indicatorTitles = new Map(layout.indicators.map((i) => [i.id, i.title]));
  cols.push({
    ...col('excluded_implausible', 'text', (r) => Object.entries(r.indicators).filter(([, v]) => v.excluded).map(([id]) => id).join(';') || null),
    label: (v, lang) => v.split(';').map((id) => indicatorTitles.get(id)?.[lang] ?? id).join(lang === 'zh' ? '；' : '; '),
  });
  // (a grouping by a question: its option's label in the workbook, the answer's value in the CSV)
  if (opts.group) cols.push({ ...col('group', 'text', (r) => r.group), ...(opts.groupWords ? { label: (v: string, lang: Lang) => groupLabel(v, lang, { words: opts.groupWords }) } : {}) });
  cols.push(
    col('recommendations', 'text', (r) => r.recommendations.join(opts.lang === 'zh' ? '；' : '; ')),
    col('warnings', 'integer', (r) => r.warnings),
    col('blanked', 'integer', (r) => r.blanked ?? 0),
    col('superseded', 'yesno', (r) => Boolean(r.superseded)),
    { ...col('superseded_as', 'text', (r) => r.supersededAs), label: lbl('label.superseded-as.') },
    col('report', 'text', (r) => r.report),
  );
  return cols;
}

export function rejectedColumns(): Column<Rejected>[] {
  return [
    col('file', 'text', (r) => r.file),
    col('row', 'integer', (r) => r.row),
    col('company', 'text', (r) => r.company),
    col('sheet', 'text', (r) => r.sheet),
    col('line', 'integer', (r) => r.line),
    col('column', 'integer', (r) => r.column),
    col('message', 'text', (r) => r.message),
    col('problems', 'text', (r) => r.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`).join('\n')),
  ];
}

export function problemColumns(): Column<CellProblem>[] {
  return [
    col('file', 'text', (p) => p.file),
    col('row', 'integer', (p) => p.row),
    col('cell', 'text', (p) => p.cell),
    col('header', 'text', (p) => p.header),
    col('value', 'text', (p) => p.value),
    col('company', 'text', (p) => p.company),
    { ...col('severity', 'text', (p) => p.severity), label: lbl('label.severity.') },
    { ...col('action', 'text', (p) => p.action), label: lbl('label.action.') },
    col('problem', 'text', (p) => p.message),
  ];
}

/** The raw answers (--include-answers): one column per question, option labels in the chosen language. */
export function answerColumns(q: Questionnaire, lang: Lang): Column<CompanyRecord>[] {
  const shown = (question: Question, v: string | number | boolean | string[]): string | number | boolean => {
    if (v === 'unknown' || v === 'n/a') return answerWord(v, lang);
    const label = (x: string) => question.options?.find((o) => o.value === x)?.label[lang] ?? x;
    if (Array.isArray(v)) return v.map(label).join(lang === 'zh' ? '；' : '; ');
    if (typeof v === 'string' && question.options) return label(v);
    return v;
  };
  return [
    col<CompanyRecord>('file', 'text', (r) => r.file),
    col<CompanyRecord>('row', 'integer', (r) => r.row),
    col<CompanyRecord>('company', 'text', (r) => r.company),
    // no column for a confidential question: the programme office never reads those answers (process.ts leaves them out)
    ...q.questions.filter((question) => !question.confidential).map((question) =>
      col<CompanyRecord>(`answer.${question.id}`, question.type === 'percent' ? 'percent' : question.type === 'number' ? 'number' : question.type === 'boolean' ? 'yesno' : 'text', (r) => {
        const v = r.answers?.[question.id];
        return v === undefined ? undefined : shown(question, v);
      }, { zh: `${question.id} ${question.text.zh}`, en: `${question.id} ${question.text.en}` }),
    ),
  ];
}

/** An answer of "don't know" or "not applicable" in the tables' words. */
const answerWord = (v: 'unknown' | 'n/a', lang: Lang): string => (lang === 'zh' ? (v === 'unknown' ? '不清楚' : '不适用') : v);

/** What the minimum group size does, in words: nothing withheld at 1, else what is merged or left blank. */
export function minGroupNote(s: Pick<BatchSummary, 'minGroupSize' | 'mergeSmallGroups'>, lang: Lang): string {
  return formatMessage(s.minGroupSize <= 1 ? 'label.min-group-none' : s.mergeSmallGroups ? 'label.min-group-merge' : 'label.min-group-verdict', { n: s.minGroupSize }, lang);
}

/** Why a figure has no met/not-met verdict (verdict.ts), in words. */
export function withheldText(w: Withheld, args: { n: number; min?: number }, lang: Lang): string {
  const code = w === 'small-group' ? 'label.withheld.small-group' : w === 'complementary' ? 'label.withheld.complementary' : w === 'sample-all' ? 'label.withheld.sample-all' : 'label.withheld.sample';
  return formatMessage(code, { n: args.n, min: args.min ?? '' }, lang);
}

/** A split of an indicator over no company: none of its population in the batch or group answered, knew, left it or was excluded. */
const overNoCompany = (sp: SplitFigure): boolean => !sp.denominator && !sp.unknown && !sp.unanswered && !sp.excluded && sp.withheld === undefined;

/** The summary as a long table (汇总长表, OUT.summary.csv): one figure per row. */
export const SUMMARY_COLUMNS = ['section', 'group', 'item', 'title', 'value', 'unit', 'target', 'comparison', 'met', 'numerator', 'denominator', 'unknown', 'unanswered', 'companies_meeting_target', 'share_meeting_target', 'target_year', 'target_source', 'population', 'regional_population', 'how', 'excluded', 'verdict_note', 'historical', 'source', 'survey_dates'] as const;
export const summaryTitles = (): Text[] => SUMMARY_COLUMNS.map((c) => M(({ section: 'col.section_id', group: 'col.group', item: 'col.item', title: 'col.title', value: 'col.summary_value', met: 'col.met_plain', numerator: 'col.numerator_plain', denominator: 'col.companies_with_value' } as Record<string, MessageCode>)[c] ?? (`col.${c}` as MessageCode), { title: '', id: '' }));
export const SUMMARY_FORMATS: ColumnFormat[] = ['text', 'text', 'text', 'text', 'number', 'text', 'number', 'text', 'yesno', 'number', 'integer', 'integer', 'integer', 'integer', 'percent', 'integer', 'text', 'text', 'text', 'text', 'integer', 'text', 'yesno', 'text', 'text'];

export type Cell = string | number | boolean | null | undefined;

/**
 * The units of one row of the long summary, for the workbook: its value (and its target, in the same unit) — a
 * percentage for a rate or share, a whole number for a count, a number for a score or a text — and its numerator
 * (companies counted for a share, a sum of company values for a mean).
 */
export interface SummaryRowFormats {
  value: ColumnFormat;
  numerator?: ColumnFormat;
  /** The unit the long summary states beside the value, when not the format's own (a share, companies, points). */
  unit?: UnitCode;
}
export interface SummaryRow {
  cells: Cell[];
  formats: SummaryRowFormats;
}

/** The long summary's columns with each row's own format for the value, the target and the numerator (汇总长表). */
export function summaryColumns(): Column<SummaryRow>[] {
  const titles = summaryTitles();
  const byRow: Partial<Record<(typeof SUMMARY_COLUMNS)[number], (f: SummaryRowFormats) => ColumnFormat>> = { value: (f) => f.value, target: (f) => f.value, numerator: (f) => f.numerator ?? 'number' };
  return SUMMARY_COLUMNS.map((id, i): Column<SummaryRow> => {
    const of = byRow[id];
    return { id, title: titles[i]!, format: SUMMARY_FORMATS[i]!, get: (r) => r.cells[i], ...(of ? { formatOf: (r: SummaryRow) => of(r.formats) } : {}) };
  });
}

/** The format of an indicator's value (and target) and of its numerator: as the wide summary (汇总) shows them. */
const indicatorFormats = (i: { kind: RegionalIndicator['kind']; method: RegionalIndicator['method']; target?: number | undefined }, value?: number | null): SummaryRowFormats => ({ value: i.kind === 'number' ? 'number' : percentDigits(value, i.target) > 1 ? 'percent-fine' : 'percent', numerator: i.method === 'share' ? 'integer' : 'number', unit: i.kind === 'number' ? 'number' : 'share' });
/** The unit of a long-summary row's value (label.unit.*). */
type UnitCode = 'share' | 'companies' | 'plants' | 'score' | 'number' | 'questions' | 'answers' | 'inputs' | 'cells' | 'entries' | 'values';
const INTEGER: SummaryRowFormats = { value: 'integer' };
const NUMBER: SummaryRowFormats = { value: 'number' };
const TEXT: SummaryRowFormats = { value: 'text' };
/** A share of companies, with the companies counted as its numerator. */
const SHARE_OF_COMPANIES: SummaryRowFormats = { value: 'percent', numerator: 'integer' };

/** A grouping field in words: a respondent field by its column title (区划代码 for district), a question (`words`) by its text, else the field id itself. */
export const fieldTitle = (field: string | undefined, lang: Lang, words?: GroupWords): string =>
  words ? formatMessage('label.question', { question: words.by[lang] }, lang) : field && isMessageCode(`col.${field}`) ? formatMessage(`col.${field}` as MessageCode, {}, lang) : (field ?? '');

/**
 * The group key as a word: all, other, (none), above/below/not-stated, or the key itself — and a group with a name
 * (a district: the region its companies give) as name and code, 「郑州市中原区（区划代码 410102）」.
 */
export function groupLabel(key: string, lang: Lang, named?: { name?: string | undefined; field?: string | undefined; words?: GroupWords | undefined }): string {
  if (named?.name) return formatMessage('label.group.named', { name: named.name, field: fieldTitle(named.field, lang), code: key }, lang);
  switch (key) {
    case 'all':
      return formatMessage('label.group.all', {}, lang);
    case 'other':
      return formatMessage('label.group.other', {}, lang);
    case '(none)':
      return formatMessage('label.group.none', {}, lang);
    case 'above':
    case 'below':
    case 'not-stated':
      return formatMessage(`label.split.${key}`, {}, lang);
    default:
      // (an answer's value by its option's label, when the grouping is by a question; an industry type or a retrofit
      // status by its word, as the company columns write them: 离散型, not discrete)
      return named?.words?.label(key)?.[lang] ?? (isIndustry(key) ? formatMessage(`label.${key}`, {}, lang) : isRetrofitStatus(key) ? formatMessage(`label.retrofit.${key}`, {}, lang) : key);
  }
}

/**
 * What a regional figure is computed over, in words: the companies of this batch (a sample) that answered — or, for
 * the figure of a group (a district, 规下…), the companies of that group.
 */
export function figurePopulation(p: RegionalPopulation, lang: Lang, scope: 'batch' | 'group' = 'batch'): string {
  return formatMessage(scope === 'group' ? 'label.figure-population-group' : 'label.figure-population', { population: formatMessage(`label.population.${p}`, {}, lang) }, lang);
}

/** How a regional indicator is counted, in words (population, method, what happens to 不清楚). */
export function howCounted(i: Pick<RegionalIndicator, 'method' | 'regionalPopulation'>, lang: Lang, scope: 'batch' | 'group' = 'batch'): string {
  return formatMessage(i.method === 'share' ? 'label.how.share' : 'label.how.mean', { population: figurePopulation(i.regionalPopulation, lang, scope) }, lang);
}

/** The source and the survey dates of the sample, as the long table states them beside every regional figure. */
export function sampleSource(s: BatchSummary, lang: Lang): { source: string; dates: string | null } {
  const { files, fileCount, dates } = s.sample;
  const listed = fileCount === 0 ? formatMessage('label.sample.source-none', {}, lang) : fileCount > files.length ? formatMessage('label.sample.source-first', { count: fileCount, shown: files.length, files: files.join(', ') }, lang) : formatMessage('label.sample.source', { count: fileCount, files: files.join(', ') }, lang);
  // the files hold answer sets a newer assessment replaced: the figure is not over all of them
  const source = fileCount && s.superseded ? listed + formatMessage('label.sample.source-superseded', { superseded: s.superseded }, lang) : listed;
  return { source, dates: dates ? `${dates.from} – ${dates.to}` : null };
}

export function summaryRows(s: BatchSummary, lang: Lang, labels = false, questions?: QuestionTexts, groupWords?: GroupWords): Cell[][] {
  return summaryTable(s, lang, labels, questions, groupWords).map((r) => r.cells);
}

/**
 * A part of the long summary in words (the workbook): 样本, 计数, 按区划代码分组… A grouping by a question is named by
 * the question's text, with its id (the column of a table made from the template).
 */
function partLabel(section: string, lang: Lang, questions?: QuestionTexts): string {
  if (section.startsWith('group:')) {
    const field = section.slice('group:'.length);
    const text = questions?.(field);
    const by = isMessageCode(`col.${field}`) ? fieldTitle(field, lang) : text ? formatMessage('label.part.by-question', { question: text[lang], id: field }, lang) : field;
    return formatMessage('label.part.group', { by }, lang);
  }
  const code = `label.part.${section}`;
  return isMessageCode(code) ? formatMessage(code, {}, lang) : section;
}

/**
 * Why a 规上 figure is "— (n = 0)" when no company of the batch states whether it is 规上 (a survey whose map has no
 * 规上 column): the reason, with the same figure over all `companies` of the batch or group pointed to. Null otherwise.
 */
export function sizeNotStatedNote(s: BatchSummary, i: RegionalIndicator, lang: Lang, companies = s.companies): string | null {
  const notStated = s.bySize.find((g) => g.key === NONE_GROUP)?.companies ?? 0;
  if (i.regionalPopulation !== 'above-designated-size' || i.companiesInPopulation > 0 || !s.companies || notStated < s.companies) return null;
  const all = i.splits.find((x) => x.population === 'all');
  const v = all?.value;
  const value = v === null || v === undefined ? '—' : i.kind === 'number' ? String(Math.round(v * 100) / 100) : shareText(v);
  return formatMessage('note.size-not-stated', { companies, value, n: all?.denominator ?? 0 }, lang);
}

/**
 * The long summary with each row's formats (the workbook's 汇总长表; the CSV keeps the plain values). With `labels`
 * (the workbook), the part and the item are words — an indicator's rows (its headline and each split) under the
 * indicator's title — where the CSV keeps their ids for scripts.
 */
export function summaryTable(s: BatchSummary, lang: Lang, labels = false, questions?: QuestionTexts, groupWords?: GroupWords): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const L = (t: Text | undefined) => (t ? t[lang] : '');
  const names = new Map((s.groups ?? []).filter((g) => g.name).map((g) => [g.key, g.name]));
  const G = (k: string, words?: GroupWords) => (labels ? groupLabel(k, lang, { name: names.get(k), field: s.groupBy, words }) : k);
  const W = (code: MessageCode, args: MessageArgs = {}) => formatMessage(code, args, lang);
  // every figure's unit: a share (0–1) for a rate, companies for a count, points for a score, unless the row says otherwise
  // (the workbook shows a share as a percentage, the CSV as a fraction)
  const unitOf = (f: SummaryRowFormats, unit?: UnitCode) => {
    if (f.value === 'text') return null;
    const u = unit ?? f.unit ?? (f.value === 'percent' ? 'share' : f.value === 'integer' ? 'companies' : 'score');
    return W(`label.unit.${u === 'share' && labels ? 'percent' : u}`);
  };
  const parts = new Map<string, string>();
  const part = (section: string) => {
    let p = parts.get(section);
    if (p === undefined) parts.set(section, (p = partLabel(section, lang, questions)));
    return p;
  };
  // `itemLabel`: the item in words (the workbook), when not the row's title
  const row = (section: string, group: string, item: string, title: string, value: Cell, formats: SummaryRowFormats, rest: Partial<Record<(typeof SUMMARY_COLUMNS)[number], Cell>> & { unitCode?: UnitCode; itemLabel?: string } = {}) =>
    rows.push({ cells: [labels ? part(section) : section, group, labels ? (rest.itemLabel ?? title) : item, title, value, unitOf(formats, rest.unitCode), ...SUMMARY_COLUMNS.slice(6).map((c) => rest[c])], formats });
  const { source, dates } = sampleSource(s, lang);
  const sampled = { source, survey_dates: dates };
  row('sample', '', 'statement', L(s.sample.statement), null, TEXT, { ...sampled, itemLabel: W('label.item.statement') });
  row('sample', '', 'questions_covered', W('label.sample.questions'), s.sample.questions.covered, INTEGER, { unitCode: 'questions',  denominator: s.sample.questions.total, how: W(s.sample.questions.shortForm ? 'label.sample.short-form' : 'label.sample.full-form') });
  row('sample', '', 'self_reported', W('label.sample.self-reported'), s.sample.selfReported, INTEGER, { denominator: s.sample.companies });
  row('counts', '', 'companies', W('label.counts.companies'), s.companies, INTEGER, { unitCode: 'plants' });
  row('counts', '', 'scored', W('label.counts.scored'), s.scored, INTEGER, { unitCode: 'answers' });
  row('counts', '', 'superseded', W('label.counts.superseded'), s.superseded, INTEGER, { unitCode: 'answers' });
  row('counts', '', 'rejected', W('label.counts.rejected'), s.rejected, INTEGER, { unitCode: 'inputs' });
  row('counts', '', 'problems', W('label.counts.problems'), s.problems ?? 0, INTEGER, { unitCode: 'entries' });
  row('counts', '', 'duplicates', W('label.counts.duplicates'), s.duplicates.length, INTEGER, { unitCode: 'plants' });
  row('counts', '', 'resubmissions', W('label.counts.resubmissions', { days: s.conflictWindowDays }), s.duplicates.filter((d) => d.resubmission).length, INTEGER, { unitCode: 'plants' });
  row('counts', '', 'no_level', W('label.counts.no-level'), s.noLevel, INTEGER);
  row('counts', '', 'excluded', W('label.counts.excluded'), s.excluded.values, INTEGER, { unitCode: 'values',  how: W('label.excluded-how', { companies: s.excluded.companies }) });
  row('counts', '', 'min_group_size', W('label.counts.min-group-size'), s.minGroupSize, INTEGER, { how: minGroupNote(s, lang) });
  row('targets', '', s.targets.id, `${L(s.targets.title)} — ${s.targets.source}`, null, TEXT, { itemLabel: L(s.targets.title) });
  const indicatorRow = (section: string, group: string, i: RegionalIndicator, companies: number, from: typeof sampled, scope = section === 'all' ? ('batch' as const) : ('group' as const)) =>
    // the headline over its own population (规上) names it, as its splits do: never read as all companies' figure
    row(section, group, i.id, `${L(i.title)}${i.regionalPopulation === 'all' ? '' : ` — ${W(`label.population.${i.regionalPopulation}`)}`} (${W(`label.method.${i.method}`)})`, i.value, indicatorFormats(i, i.value), {
      target: i.target,
      comparison: i.comparison,
      met: i.met,
      numerator: i.numerator,
      denominator: i.denominator,
      unknown: i.unknown,
      unanswered: i.unanswered,
      companies_meeting_target: i.companiesMeetingTarget,
      share_meeting_target: i.shareMeetingTarget,
      target_year: i.targetYear,
      target_source: i.targetSource,
      population: L(i.population),
      regional_population: labels ? figurePopulation(i.regionalPopulation, lang, scope) : i.regionalPopulation,
      how: howCounted(i, lang, scope),
      excluded: i.excluded,
      verdict_note: i.withheld ? withheldText(i.withheld, { n: i.n, min: s.minGroupSize }, lang) : i.outsideTargetPopulation ? W(i.target === undefined ? 'label.outside-indicator-population' : 'label.outside-target-population') : sizeNotStatedNote(s, i, lang, companies),
      historical: i.target === undefined ? null : Boolean(i.historical),
      ...from,
      itemLabel: L(i.title),
    });
  /** Why a figure over n companies is blank (fewer than the minimum group size), or nothing. */
  const why = (w: Withheld | undefined, n: number) => (w ? withheldText(w, { n, min: s.minGroupSize }, lang) : null);
  // (`from`: the source and dates of the figures — the batch's, or a group's own companies, each listed in 明细)
  const figures = (section: string, group: string, f: Figures, from = sampled) => {
    row(section, group, 'companies', W('col.companies'), f.companies, INTEGER);
    const levelsNote = why(f.levelsWithheld, f.companies);
    for (const [lv, n] of Object.entries(f.levels)) row(section, group, `level.${lv}`, lv === '0' ? W('label.level_companies_none') : W('label.level_companies', { level: lv }), n, INTEGER, { verdict_note: levelsNote });
    row(section, group, 'no_level', W('label.counts.no-level'), f.noLevel, INTEGER, { verdict_note: levelsNote });
    row(section, group, 'mean_score', W('label.mean_score'), f.meanScore, NUMBER, { denominator: f.meanScoreN, how: W('label.mean-score-how'), verdict_note: why(f.meanScoreWithheld, f.meanScoreN ?? f.companies) });
    for (const sec of f.sections) row(section, group, `section.${sec.id}`, L(sec.title), sec.mean, NUMBER, { denominator: sec.companies, verdict_note: why(sec.withheld, sec.companies) });
    for (const i of f.indicators) {
      indicatorRow(section, group, i, f.companies, from);
      // the same figure over all companies, 规上, 规下 and not stated, beside the headline
      for (const sp of i.splits) {
        // The workbook, read by people, leaves out the split the headline already is (its 规上 figure under a 规上
        // headline) and a split over no company (no company of that size here); the CSV keeps every split for scripts.
        if (labels && ((sp.population === headlineSplit(i.regionalPopulation) && sp.value === i.value && sp.denominator === i.denominator && sp.withheld === i.withheld) || overNoCompany(sp))) continue;
        // a split over no company has no numerator either (not "0 of 0")
        row(section, group, `${i.id}@${sp.population}`, `${L(i.title)} — ${groupLabel(sp.population, lang)}`, sp.value, indicatorFormats(i), { numerator: overNoCompany(sp) ? null : sp.numerator, denominator: sp.denominator, unknown: sp.unknown, unanswered: sp.unanswered, regional_population: labels ? groupLabel(sp.population, lang) : sp.population, excluded: sp.excluded, verdict_note: why(sp.withheld, sp.denominator), ...from, itemLabel: L(i.title) });
      }
    }
  };
  figures('all', G('all'), s);
  // (`words`: a grouping by a question, its groups by their options' labels; the CSV keeps the values as ids)
  const groups = (section: string, gs: GroupFigures[], words?: GroupWords) => {
    for (const g of gs) {
      const key = G(g.key, words);
      if (g.name) row(section, key, 'name', W('label.group-name'), g.name, TEXT);
      if (Array.isArray(g.merged) && g.merged.length) row(section, key, 'merged', W('label.group-merged'), g.merged.map((k) => groupLabel(k, lang, { words })).join(lang === 'zh' ? '、' : ', '), TEXT);
      if (g.suppressed) row(section, key, 'companies', W('label.suppressed', { n: s.minGroupSize }), g.companies, INTEGER);
      else figures(section, key, g, groupSource(g, section === 'by_size' ? 'above_designated_size' : s.groupBy, words));
    }
  };
  // A group's figures rest on its own companies' answers: how many, where each is listed, and their dates.
  const groupSource = (g: GroupFigures, field: string | undefined, words: GroupWords | undefined): typeof sampled => ({
    source: W('label.sample.group-source', { companies: g.companies, field: fieldTitle(field, lang, words) }),
    survey_dates: g.dates ? `${g.dates.from} – ${g.dates.to}` : null,
  });
  if (s.groups) groups(`group:${s.groupBy}`, s.groups, groupWords);
  groups('by_size', s.bySize.map((g) => ({ ...g, key: g.key === 'above' || g.key === 'below' ? g.key : g.key === '(none)' ? 'not-stated' : g.key })));
  for (const c of s.byClass) {
    const g = W('label.class.group', { class: c.class });
    const note = why(c.withheld, c.companies);
    row('by_class', g, 'companies', W('col.companies'), c.companies, INTEGER);
    row('by_class', g, 'retrofitting', W('label.class.retrofitting'), c.retrofitting, INTEGER, { verdict_note: note });
    row('by_class', g, 'planned', W('label.class.planned'), c.planned, INTEGER, { verdict_note: note });
    row('by_class', g, 'none', W('label.class.none'), c.none, INTEGER, { verdict_note: note });
    row('by_class', g, 'unknown', W('label.class.unknown'), c.unknown, INTEGER, { verdict_note: note });
    // the share against the plan's goal, named as the plan sheet names it, with what it is made of
    row('by_class', g, 'share', W('label.class.share'), c.share, SHARE_OF_COMPANIES, { target: c.goal, comparison: c.goal === null ? null : '>=', met: c.goalMet, numerator: c.share === null ? null : c.retrofitting, denominator: c.companies, unknown: c.unknown, verdict_note: note ?? (c.goalWithheld ? why(c.goalWithheld, c.companies) : c.undetermined ? W('label.class.undetermined') : null), target_year: c.goalYear, target_source: c.goalSource, population: L(c.goalPopulation), historical: c.goal === null ? null : Boolean(c.historical), ...(c.goalTitle ? { itemLabel: L(c.goalTitle) } : {}) });
  }
  for (const g of s.parkRecommendations ?? []) for (const r of g.recommendations) row('park', G(g.group), r.id, L(r.title), lbl('label.project-type.')(r.projectType, lang), TEXT);
  // (the item of a duplicate's or an identity row is where the row is: a file and row, as in the CSV)
  const placeOf = (m: { file: string; row?: number | undefined }) => `${m.file}${m.row !== undefined ? `:${m.row}` : ''}`;
  for (const d of s.duplicates)
    for (const m of d.members) row('duplicates', d.plant, placeOf(m), m.date ?? '', W(`label.relation.${m.relation}`, { days: s.conflictWindowDays }), TEXT, { itemLabel: placeOf(m) });
  // rows the identity rule cannot settle: a code for companies of different names, a code with and without a site
  for (const d of s.sameCodeOtherName ?? [])
    for (const m of d.members) row('identity', d.code, placeOf(m), [m.company, m.site].filter(Boolean).join(' / '), W('label.identity.other-name'), TEXT, { itemLabel: placeOf(m) });
  for (const d of s.sameCodeOtherSite ?? [])
    for (const m of d.members) row('identity', d.plant, placeOf(m), m.site ?? '', W(d.byName ? 'label.identity.other-site-name' : 'label.identity.other-site'), TEXT, { itemLabel: placeOf(m) });
  return rows;
}
