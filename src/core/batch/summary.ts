import { isHistoricalTarget, meets } from '../targets.js';
import type { Text } from '../types.js';
import { judged, withheldBelow, type Withheld } from './verdict.js';
import { classRetrofit, type ClassGoal, type ClassRetrofit } from './class-retrofit.js';
import type { AssessmentRelation } from './supersede.js';
import { methodOf, populationOf, type CompanyAggregate, type SummaryLayout } from './aggregate.js';
import type { PlanTargetResult } from './plan.js';
import type { PolicyDef } from '../policy.js';
import { dateRange, sampleStatement, surveyYearFrom, withStatement, type SampleStatement } from './sample.js';
import { protectGroups, splitWithheld } from './complementary.js';
import { headlineSplit, NONE_GROUP, OTHER_GROUP, splitsToWithhold, SPLITS, type Figures, type GroupFigures, type RegionalIndicator, type SplitFigure } from './figures.js';

import { r4 } from '../result.js';
const r4n = (x: number | null) => (x === null ? null : r4(x));

export { NONE_GROUP, OTHER_GROUP, SPLITS, type Figures, type GroupFigures, type RegionalIndicator, type Split, type SplitFigure } from './figures.js';

const splitOf = (a: CompanyAggregate): number => (a.scale === undefined ? 3 : a.scale ? 1 : 2);

/** Running sums for one population of companies; two accumulators merge by adding. */
export class Accumulator {
  companies = 0;
  /** Companies per level 0–5, and (last) those with too few answers for a level to be stated. */
  levels = [0, 0, 0, 0, 0, 0, 0];
  scoreSum = 0;
  /** Companies with a stated level: the only ones in the mean score and the section means. */
  scoreN = 0;
  secSum: number[];
  secN: number[];
  /** Earliest and latest assessment (identity.ts dateKey) of the companies with a date; 0 when none. */
  dateMin = 0;
  dateMax = 0;
  /** Companies whose answers name an assessor (the others are self-reports). */
  assessed = 0;
  /** Companies with at least one value left out as implausible. */
  excludedCompanies = 0;
  /** Per indicator × split (4): sums and counts. */
  private readonly sum: number[];
  private readonly n: number[];
  private readonly unk: number[];
  private readonly exc: number[];
  private readonly met: number[];
  private readonly splitCompanies = [0, 0, 0, 0];

  constructor(private readonly layout: SummaryLayout) {
    const k = layout.indicators.length * 4;
    this.secSum = layout.sections.map(() => 0);
    this.secN = layout.sections.map(() => 0);
    this.sum = new Array<number>(k).fill(0);
    this.n = new Array<number>(k).fill(0);
    this.unk = new Array<number>(k).fill(0);
    this.exc = new Array<number>(k).fill(0);
    this.met = new Array<number>(k).fill(0);
  }

  add(a: CompanyAggregate): void {
    this.companies++;
    const stated = a.level >= 0;
    const lv = stated ? Math.max(0, Math.min(5, Math.trunc(a.level))) : 6;
    this.levels[lv]!++;
    // A company with no level stated adds nothing to the means: its S only says how little was answered.
    if (stated && a.score !== null) {
      this.scoreSum += a.score;
      this.scoreN++;
      a.sections.forEach((s, i) => {
        if (s !== null) {
          this.secSum[i]! += s;
          this.secN[i]!++;
        }
      });
    }
    if (a.date !== undefined && a.date > 0) {
      if (this.dateMin === 0 || a.date < this.dateMin) this.dateMin = a.date;
      if (a.date > this.dateMax) this.dateMax = a.date;
    }
    if (a.assessed) this.assessed++;
    if (a.excluded?.some(Boolean)) this.excludedCompanies++;
    const sp = splitOf(a);
    this.splitCompanies[0]!++;
    this.splitCompanies[sp]!++;
    for (let i = 0; i < this.layout.indicators.length; i++) {
      const v = a.values[i];
      for (const s of [0, sp]) {
        const k = i * 4 + s;
        if (v !== null && v !== undefined) {
          this.sum[k]! += v;
          this.n[k]!++;
          if (a.met[i] === true) this.met[k]!++;
        } else if (a.excluded?.[i]) this.exc[k]!++;
        else if (a.unknown?.[i]) this.unk[k]!++;
      }
    }
  }

  merge(o: Accumulator): void {
    this.companies += o.companies;
    o.levels.forEach((n, i) => (this.levels[i]! += n));
    this.scoreSum += o.scoreSum;
    this.scoreN += o.scoreN;
    if (o.dateMin > 0 && (this.dateMin === 0 || o.dateMin < this.dateMin)) this.dateMin = o.dateMin;
    this.dateMax = Math.max(this.dateMax, o.dateMax);
    this.assessed += o.assessed;
    this.excludedCompanies += o.excludedCompanies;
    const addInto = (a: number[], b: number[]) => b.forEach((x, i) => (a[i]! += x));
    addInto(this.secSum, o.secSum);
    addInto(this.secN, o.secN);
    addInto(this.sum, o.sum);
    addInto(this.n, o.n);
    addInto(this.unk, o.unk);
    addInto(this.exc, o.exc);
    addInto(this.met, o.met);
    addInto(this.splitCompanies, o.splitCompanies);
  }

  /** One figure; over fewer than `minGroupSize` companies it is withheld (verdict.ts): no value, numerator or 不清楚, and `raw` null. */
  private split(i: number, s: number, share: boolean, minGroupSize: number, force?: Withheld): SplitFigure & { raw: number | null } {
    const k = i * 4 + s;
    const n = this.n[k]!;
    const unknown = this.unk[k]!;
    const excluded = this.exc[k]!;
    const companies = this.splitCompanies[s]!;
    // A share counts 不清楚 as "not known to have it": it stays in the denominator. A mean cannot use it.
    const denominator = share ? n + unknown : n;
    const unanswered = companies - n - unknown - excluded;
    const withheld = withheldBelow(denominator, minGroupSize) ?? force;
    if (withheld) return { population: SPLITS[s]!, companies, value: null, raw: null, numerator: null, denominator, unknown: null, excluded, unanswered: null, withheld };
    // A share none of whose companies knows its answer (all 不清楚) says nothing: no value, no verdict (never 0 %).
    const raw = denominator && (!share || n > 0) ? this.sum[k]! / denominator : null;
    return { population: SPLITS[s]!, companies, value: r4n(raw), raw, numerator: share ? this.sum[k]! : r4(this.sum[k]!), denominator, unknown, excluded, unanswered };
  }

  /**
   * An indicator's figure over each split, with the parts (规上, 规下, not stated) that would give away a withheld one
   * withheld as well (verdict.ts complementary); the headline's split `h` is kept (its total is withheld instead).
   */
  private protectedSplits(i: number, share: boolean, min: number, h: number): (SplitFigure & { raw: number | null })[] {
    const splits = SPLITS.map((_, s) => this.split(i, s, share, min));
    for (const p of splitsToWithhold(splits, SPLITS[h]!, min)) {
      const s = SPLITS.indexOf(p);
      splits[s] = this.split(i, s, share, min, 'complementary');
    }
    return splits;
  }

  /**
   * Figures of this population; `asOne` takes every indicator over all its companies (a 规上 or 规下 group).
   * A figure over fewer than `minGroupSize` companies gets no verdict (verdict.ts); a target whose year is before
   * `surveyYear` is marked historical.
   */
  figures(opts: { asOne?: boolean; minGroupSize: number; surveyYear?: number; notAboveSize?: boolean }): Figures {
    const { layout } = this;
    const asOne = opts.asOne ?? false;
    const min = opts.minGroupSize;
    // the level counts break the companies down: withheld with too few companies, like every other figure
    const levelsWithheld = withheldBelow(this.companies, min);
    const levels: Record<string, number | null> = {};
    for (let i = 0; i < 6; i++) levels[String(i)] = levelsWithheld ? null : this.levels[i]!;
    const meanScoreWithheld = withheldBelow(this.scoreN, min);
    return {
      companies: this.companies,
      levels,
      noLevel: levelsWithheld ? null : this.levels[6]!,
      ...(levelsWithheld ? { levelsWithheld } : {}),
      meanScore: this.scoreN && !meanScoreWithheld ? r4(this.scoreSum / this.scoreN) : null,
      // the companies with a level: beside the companies, it would give back the 未定级 count the level counts withhold
      meanScoreN: levelsWithheld ? null : this.scoreN,
      ...(meanScoreWithheld ? { meanScoreWithheld } : {}),
      sections: layout.sections.map((s, i) => {
        const n = this.secN[i]!;
        const withheld = withheldBelow(n, min);
        return { id: s.id, title: s.title, mean: n && !withheld ? r4(this.secSum[i]! / n) : null, companies: n, ...(withheld ? { withheld } : {}) };
      }),
      indicators: layout.indicators.map((ind, i) => {
        const method = methodOf(ind);
        const share = method === 'share';
        const population = asOne ? 'all' : populationOf(ind);
        const h = SPLITS.indexOf(headlineSplit(population));
        const splits = asOne ? [this.split(i, 0, share, min)] : this.protectedSplits(i, share, min, h);
        const { raw, withheld, ...head } = splits[asOne ? 0 : h]!;
        const out: RegionalIndicator = {
          id: ind.id,
          title: ind.title,
          kind: ind.kind,
          method,
          regionalPopulation: population,
          value: head.value,
          numerator: head.numerator,
          denominator: head.denominator,
          n: head.denominator,
          unknown: head.unknown,
          excluded: head.excluded,
          unanswered: head.unanswered,
          companiesWithValue: head.denominator,
          companiesWithOwnValue: withheld ? null : this.n[i * 4 + h]!,
          companiesInPopulation: head.companies,
          ...(withheld ? { withheld } : {}),
          splits: asOne ? [] : splits.map(({ raw: _r, ...f }) => f),
        };
        // a group that is not 规上 (asOne: the by-size groups) is outside the population of a 规上 target: no verdict
        const outside = Boolean(opts.notAboveSize) && populationOf(ind) === 'above-designated-size';
        if (outside) out.outsideTargetPopulation = true;
        if (ind.target) {
          const t = ind.target;
          out.target = t.value;
          out.comparison = t.comparison;
          const verdict: ReturnType<typeof judged> = outside ? { met: null } : judged(head.denominator, min, raw === null ? null : meets(raw, t.comparison, t.value));
          out.met = verdict.met;
          // the gap says met or not as much as `met` does: withheld with it
          out.gap = raw === null || verdict.withheld || outside ? null : r4(t.comparison === '>' || t.comparison === '>=' ? t.value - raw : raw - t.value);
          out.targetYear = t.year;
          if (isHistoricalTarget(t.year, opts.surveyYear)) out.historical = true;
          out.population = t.population;
          out.targetSource = t.source;
          // "Companies meeting" a share of companies means nothing: only for indicators defined per company.
          if (!share) {
            out.companiesMeetingTarget = withheld ? null : this.met[i * 4 + h]!;
            out.shareMeetingTarget = this.n[i * 4 + h] && !withheld ? r4(this.met[i * 4 + h]! / this.n[i * 4 + h]!) : null;
          }
        }
        return out;
      }),
    };
  }
}


export interface GroupOptions {
  /** Below it a figure gets no verdict; with `merge`, groups below it are merged into "other". */
  minGroupSize: number;
  /** Merge small groups into "other" (confidentiality: --anonymize, or an explicit --min-group-size). */
  merge: boolean;
  surveyYear?: number;
}

/**
 * Figures per group; with `merge`, groups smaller than the minimum are merged into "other", which keeps only its count
 * if still too small. The groups split the companies of the summary: a figure that the summary's total and the other
 * groups would give away is withheld too (complementary.ts; `indicatorWithheld` as there).
 */
export function groupFigures(
  layout: SummaryLayout,
  groups: ReadonlyMap<string, Accumulator>,
  opts: GroupOptions,
  total: Figures,
  asOne = false,
  indicatorWithheld?: (key: string, indicator: number) => boolean | undefined,
  preference: readonly string[] = [],
): GroupFigures[] {
  const out: GroupFigures[] = [];
  const other = new Accumulator(layout);
  const merged: string[] = [];
  // the by-size groups (asOne): only the 规上 one is in the population of a 规上 target
  const fig = (acc: Accumulator, key: string) => acc.figures({ asOne, minGroupSize: opts.minGroupSize, ...(opts.surveyYear !== undefined ? { surveyYear: opts.surveyYear } : {}), ...(asOne && key !== 'above' ? { notAboveSize: true } : {}) });
  const minSize = opts.merge ? opts.minGroupSize : 1;
  for (const key of [...groups.keys()].sort((a, b) => (a === NONE_GROUP ? 1 : b === NONE_GROUP ? -1 : a.localeCompare(b, 'zh')))) {
    const acc = groups.get(key)!;
    if (acc.companies >= minSize && key !== OTHER_GROUP) out.push({ key, ...fig(acc, key), dates: dateRange(acc) });
    else {
      other.merge(acc);
      merged.push(key);
    }
  }
  // An "other" too small to show is still a group of the total: its figures count in what is withheld around it.
  // (the groups merged are named: the office can tell which companies "other" covers)
  if (other.companies > 0) out.push({ key: OTHER_GROUP, ...fig(other, OTHER_GROUP), merged, dates: dateRange(other), ...(other.companies < minSize ? { suppressed: true } : {}) });
  // "other" is the groups merged into it, each too small on its own: what they would give away is withheld among
  // the others by the same decisions, and "other" itself is published when it is big enough (or kept to its count)
  const decide = indicatorWithheld && ((key: string, i: number) => (key === OTHER_GROUP ? false : indicatorWithheld(key, i)));
  return protectGroups(out, opts.minGroupSize, total, asOne, decide, preference).map((g) =>
    g.suppressed ? { key: OTHER_GROUP, companies: g.companies, levels: {}, noLevel: null, meanScore: null, meanScoreN: null, sections: [], indicators: [], merged: g.merged!, suppressed: true } : g,
  );
}

export interface BatchSummary extends Figures {
  /** Plants in the summary (current assessments only). */
  companies: number;
  /** What the figures are computed from: the companies of this batch (a sample), the input, the dates. */
  sample: SampleStatement;
  /** Values outside their question's plausible range, left out of every regional figure (kept in the company rows). */
  excluded: { reason: 'implausible'; values: number; companies: number };
  /** Every scored row, superseded ones included. */
  scored: number;
  superseded: number;
  /** Rows left out because they are parts of one assessment split over files (department interviews), to be merged first. */
  unmergedParts?: number;
  /** Sheets of the input workbooks not read (no header, or hidden): how many, and the first of them as FILE[SHEET]. */
  sheetsNotRead?: { count: number; sheets: string[] };
  rejected: number;
  /** Cells reported in the problems list (blanked with --on-bad-cell blank, or implausible values). */
  problems?: number;
  targets: { id: string; title: Text; source: string };
  /** The field the groups are formed by: --group-by, else district, else region when the companies state one. */
  groupBy?: string;
  /** True when groupBy was chosen by the batch (no --group-by). */
  groupByDefault?: boolean;
  /**
   * Grouped by district by default while some companies state none (they form the group "(none)"): how many, and how
   * many companies state a region (`--group-by region` would group those).
   */
  groupByUnstated?: { companies: number; regionStated: number };
  /** Below it a figure gets no verdict; with mergeSmallGroups, groups below it are merged into "other". */
  minGroupSize: number;
  mergeSmallGroups: boolean;
  /** Two submissions of a plant closer than this are a resubmission (the later replaces the earlier), not a follow-up. */
  conflictWindowDays: number;
  groups?: GroupFigures[];
  bySize: GroupFigures[];
  byClass: ClassRetrofit[];
  /**
   * Plants seen more than once. `resubmission`: at least one row was replaced by a submission less than
   * conflictWindowDays later (or a date is missing): listed as a conflict, never as a baseline and a follow-up.
   */
  /**
   * A credit code given once without a site and once with one: two plants by the identity rule (both counted), maybe
   * one plant whose survey row lacks the site. Reported so the analyst can add the site, never merged silently.
   */
  sameCodeOtherSite?: { plant: string; /** A company name given without a credit code, not a code. */ byName?: boolean; members: { file: string; row?: number; site?: string }[] }[];
  /**
   * One credit code (and site) given for companies of different names: a wrong code, not a resubmission. Each
   * company is counted as a plant of its own; reported so the analyst can correct the code.
   */
  sameCodeOtherName?: { code: string; members: { file: string; row?: number; company: string; site?: string }[] }[];
  duplicates: { plant: string; count: number; matchedByName?: boolean; resubmission?: boolean; /** Rows that are parts of one assessment (files covering some sections each): none counted until merged. */ parts?: boolean; members: { file: string; row?: number; date?: string; superseded: boolean; /** The submission gives the credit code. */ coded: boolean; relation: AssessmentRelation }[] }[];
  /** Park-level recommendation rules matched per group ("all" for every company), when the rules fit the questionnaire. */
  parkRecommendations?: { group: string; recommendations: { id: string; title: Text; programme: string; projectType: string }[] }[];
  /** The regional action plan's count targets against what the answers support. */
  plan?: { id: string; title: Text; document: string; period: PolicyDef['period']; targets: PlanTargetResult[] };
}

/** Groups by district get the names their companies give as region (the district code alone says little to a reader). */
function named(groups: GroupFigures[], names: ReadonlyMap<string, ReadonlyMap<string, number>> | undefined): GroupFigures[] {
  if (!names) return groups;
  return groups.map((g) => {
    const seen = names.get(g.key);
    if (!seen || g.key === OTHER_GROUP || g.key === NONE_GROUP) return g;
    const name = [...seen].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh')).slice(0, 3).map(([n]) => n).join(' / ');
    return { key: g.key, name, ...Object.fromEntries(Object.entries(g).filter(([k]) => k !== 'key')) } as GroupFigures;
  });
}

/**
 * The summary with the sample statement's counts of the whole run — rows scored, superseded and rejected, known
 * only once every input is read (summarise runs on the current plants alone). Applied once, where the run builds
 * its summary (src/app/batch/run.ts); every output reads that summary.
 */
export function withSampleCounts(s: BatchSummary): BatchSummary {
  const { statement: _statement, ...facts } = s.sample;
  const maybeSamePlant = s.sameCodeOtherSite?.length ?? 0;
  return { ...s, sample: withStatement({ ...facts, scored: s.scored, superseded: s.superseded, ...(s.unmergedParts ? { unmergedParts: s.unmergedParts } : {}), rejected: s.rejected, ...(maybeSamePlant ? { maybeSamePlant } : {}), ...(s.sheetsNotRead ? { sheetsNotRead: s.sheetsNotRead } : {}) }) };
}

export type GroupKey = (a: CompanyAggregate) => string | undefined;
/** The default groups when --group-by is not given: district when any company states one, else region. */
export const DEFAULT_GROUP_FIELDS: [string, GroupKey][] = [
  ['district', (a) => a.district],
  ['region', (a) => a.region],
];

/** Everything the summary is computed from, in one pass over the current (not superseded) companies. */
export function summarise(
  layout: SummaryLayout,
  current: Iterable<CompanyAggregate>,
  opts: {
    groupBy?: string;
    minGroupSize: number;
    /** Merge groups smaller than minGroupSize into "other" (default: no, every group is shown). */
    merge?: boolean;
    defaultGroups?: boolean;
    /** The input files and the questions the input covers, for the sample statement. */
    input?: Parameters<typeof sampleStatement>[1];
    /** The action plan's goals per enterprise class (classGoalsOf); none: the classes' shares are not judged. */
    classGoals?: readonly ClassGoal[];
  },
): Omit<BatchSummary, 'scored' | 'superseded' | 'rejected' | 'problems' | 'targets' | 'duplicates' | 'parkRecommendations' | 'plan' | 'conflictWindowDays'> {
  const all = new Accumulator(layout);
  const groups = new Map<string, Accumulator>();
  const defaults = opts.groupBy === undefined && opts.defaultGroups ? DEFAULT_GROUP_FIELDS.map(() => new Map<string, Accumulator>()) : [];
  const sizes = new Map<string, Accumulator>();
  const classes = new Map<string, Record<string, number>>();
  /** District code → the region names its companies give, with how many give each. */
  const districtNames = new Map<string, Map<string, number>>();
  const acc = (m: Map<string, Accumulator>, k: string) => {
    let a = m.get(k);
    if (!a) m.set(k, (a = new Accumulator(layout)));
    return a;
  };
  for (const a of current) {
    all.add(a);
    if (opts.groupBy !== undefined) acc(groups, a.group ?? NONE_GROUP).add(a);
    defaults.forEach((m, i) => acc(m, DEFAULT_GROUP_FIELDS[i]![1](a) ?? NONE_GROUP).add(a));
    acc(sizes, a.scale === undefined ? NONE_GROUP : a.scale ? 'above' : 'below').add(a);
    if (a.district !== undefined && a.region) {
      const names = districtNames.get(a.district) ?? new Map<string, number>();
      names.set(a.region, (names.get(a.region) ?? 0) + 1);
      districtNames.set(a.district, names);
    }
    if (a.cls) {
      const c = classes.get(a.cls) ?? {};
      const k = a.retrofit ?? 'unknown';
      c[k] = (c[k] ?? 0) + 1;
      classes.set(a.cls, c);
    }
  }
  let groupBy = opts.groupBy;
  let groupByDefault = false;
  let chosen: Map<string, Accumulator> | undefined = opts.groupBy !== undefined ? groups : undefined;
  if (opts.groupBy === undefined) {
    // the default field most companies state (区划代码 first when as many state it as the region): a district code
    // that few companies give would put most of them in one "not stated" group with every figure withheld
    let i = -1;
    let most = 0;
    defaults.forEach((m, k) => {
      const stated = all.companies - (m.get(NONE_GROUP)?.companies ?? 0);
      if (stated > most) [i, most] = [k, stated];
    });
    if (i >= 0) {
      groupBy = DEFAULT_GROUP_FIELDS[i]![0];
      groupByDefault = true;
      chosen = defaults[i];
    }
  }
  const unstated = groupByDefault && groupBy === 'district' ? (chosen?.get(NONE_GROUP)?.companies ?? 0) : 0;
  const groupByUnstated = unstated ? { companies: unstated, regionStated: all.companies - (defaults[1]?.get(NONE_GROUP)?.companies ?? 0) } : undefined;
  const sample = sampleStatement(all, opts.input ?? { files: [], questions: { covered: 0, total: 0 } });
  const surveyYear = surveyYearFrom(sample);
  const g: GroupOptions = { minGroupSize: opts.minGroupSize, merge: Boolean(opts.merge), ...(surveyYear !== undefined ? { surveyYear } : {}) };
  const figures = all.figures(g);
  return {
    ...figures,
    sample,
    excluded: { reason: 'implausible', values: figures.indicators.reduce((n, i) => n + (i.splits.find((x) => x.population === 'all')?.excluded ?? 0), 0), companies: all.excludedCompanies },
    ...(groupBy !== undefined && chosen ? { groupBy, groups: named(groupFigures(layout, chosen, g, figures), groupBy === 'district' ? districtNames : undefined), ...(groupByDefault ? { groupByDefault } : {}), ...(groupByUnstated ? { groupByUnstated } : {}) } : {}),
    minGroupSize: opts.minGroupSize,
    mergeSmallGroups: Boolean(opts.merge),
    // the size classes are the total's 规上 / 规下 / not stated splits: withheld as those are
    bySize: groupFigures(layout, sizes, g, figures, true, (key, i) => splitWithheld(figures, i, key === NONE_GROUP ? 'not-stated' : key), [OTHER_GROUP, NONE_GROUP, 'below', 'above']),
    byClass: classRetrofit(classes, opts.minGroupSize, opts.classGoals ?? [], surveyYear),
  };
}
