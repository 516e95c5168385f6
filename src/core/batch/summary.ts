import type { TargetComparison } from '../indicators.js';
import type { IndicatorKind } from '../types.js';
import { meets } from '../targets.js';
import type { Text } from '../types.js';
import { isDesignTool, type CompanyAggregate, type SummaryLayout } from './aggregate.js';

const r4 = (x: number) => Math.round(x * 10000) / 10000;
const r4n = (x: number | null) => (x === null ? null : r4(x));

export interface RegionalIndicator extends TargetComparison {
  id: string;
  title: Text;
  kind: IndicatorKind;
  /** How the regional value is formed: mean of company values, or share of companies (flag true). */
  method: 'mean' | 'share';
  value: number | null;
  /** Companies counted in the regional value (for design-tool penetration: those that answered design_tools). */
  companiesWithValue: number;
  /** Companies with their own enterprise value (the design-tool proxy for design-tool penetration). */
  companiesWithOwnValue: number;
  companiesMeetingTarget?: number;
  shareMeetingTarget?: number | null;
}

export interface Figures {
  companies: number;
  levels: Record<string, number>;
  meanScore: number | null;
  sections: { id: string; title: Text; mean: number | null; companies: number }[];
  indicators: RegionalIndicator[];
}

export interface GroupFigures extends Figures {
  key: string;
  /** Groups smaller than --min-group-size are merged into "other"; an "other" still too small keeps only its count. */
  merged?: string[] | number;
  suppressed?: boolean;
}

export interface ClassRetrofit {
  class: string;
  companies: number;
  retrofitting: number;
  inProgress: number;
  done: number;
  planned: number;
  none: number;
  unknown: number;
  share: number | null;
  /** The seed's goal: all class A and half of class B companies retrofitted within three years. */
  goal: number | null;
  goalMet: boolean | null;
}

/** Running sums for one population of companies; two accumulators merge by adding. */
export class Accumulator {
  companies = 0;
  /** Companies per level 0–5, and (last) those with too few answers for a level to be stated. */
  levels = [0, 0, 0, 0, 0, 0, 0];
  scoreSum = 0;
  secSum: number[];
  secN: number[];
  valSum: number[];
  valN: number[];
  metN: number[];
  usesTrue = 0;
  usesKnown = 0;

  constructor(private readonly layout: SummaryLayout) {
    this.secSum = layout.sections.map(() => 0);
    this.secN = layout.sections.map(() => 0);
    this.valSum = layout.indicators.map(() => 0);
    this.valN = layout.indicators.map(() => 0);
    this.metN = layout.indicators.map(() => 0);
  }

  add(a: CompanyAggregate): void {
    this.companies++;
    const lv = a.level < 0 ? 6 : Math.max(0, Math.min(5, Math.trunc(a.level)));
    this.levels[lv]!++;
    this.scoreSum += a.score;
    a.sections.forEach((s, i) => {
      if (s !== null) {
        this.secSum[i]! += s;
        this.secN[i]!++;
      }
    });
    a.values.forEach((v, i) => {
      if (v !== null) {
        this.valSum[i]! += v;
        this.valN[i]!++;
      }
      if (a.met[i] === true) this.metN[i]!++;
    });
    if (a.uses !== null) {
      this.usesKnown++;
      if (a.uses) this.usesTrue++;
    }
  }

  merge(o: Accumulator): void {
    this.companies += o.companies;
    o.levels.forEach((n, i) => (this.levels[i]! += n));
    this.scoreSum += o.scoreSum;
    const addInto = (a: number[], b: number[]) => b.forEach((x, i) => (a[i]! += x));
    addInto(this.secSum, o.secSum);
    addInto(this.secN, o.secN);
    addInto(this.valSum, o.valSum);
    addInto(this.valN, o.valN);
    addInto(this.metN, o.metN);
    this.usesTrue += o.usesTrue;
    this.usesKnown += o.usesKnown;
  }

  figures(): Figures {
    const { layout } = this;
    const levels: Record<string, number> = {};
    this.levels.forEach((n, i) => {
      if (i < 6) levels[String(i)] = n;
      else if (n > 0) levels.none = n;
    });
    return {
      companies: this.companies,
      levels,
      meanScore: this.companies ? r4(this.scoreSum / this.companies) : null,
      sections: layout.sections.map((s, i) => ({ id: s.id, title: s.title, mean: this.secN[i] ? r4(this.secSum[i]! / this.secN[i]!) : null, companies: this.secN[i]! })),
      indicators: layout.indicators.map((ind, i) => {
        const dt = isDesignTool(ind.id);
        // Official regional definitions (product.md §5): CNC rate and other ratios = mean of company values;
        // design-tool penetration = share of companies using digital design tools; yes/no indicators = share of yes.
        const method: 'mean' | 'share' = dt || ind.kind === 'flag' || ind.kind === 'share' ? 'share' : 'mean';
        const value = dt ? (this.usesKnown ? this.usesTrue / this.usesKnown : null) : this.valN[i] ? this.valSum[i]! / this.valN[i]! : null;
        const out: RegionalIndicator = {
          id: ind.id,
          title: ind.title,
          kind: ind.kind,
          method,
          value: r4n(value),
          companiesWithValue: dt ? this.usesKnown : this.valN[i]!,
          companiesWithOwnValue: this.valN[i]!,
        };
        if (ind.target) {
          const t = ind.target;
          out.target = t.value;
          out.comparison = t.comparison;
          out.met = value === null ? null : meets(value, t.comparison, t.value);
          out.gap = value === null ? null : r4(t.comparison === '>' || t.comparison === '>=' ? t.value - value : value - t.value);
          out.targetYear = t.year;
          out.population = t.population;
          out.targetSource = t.source;
          out.companiesMeetingTarget = this.metN[i]!;
          out.shareMeetingTarget = this.valN[i] ? r4(this.metN[i]! / this.valN[i]!) : null;
        }
        return out;
      }),
    };
  }
}

export const OTHER_GROUP = 'other';
export const NONE_GROUP = '(none)';

/** Figures per group; groups smaller than minSize are merged into "other", which keeps only its count if still too small. */
export function groupFigures(layout: SummaryLayout, groups: ReadonlyMap<string, Accumulator>, minSize: number): GroupFigures[] {
  const out: GroupFigures[] = [];
  const other = new Accumulator(layout);
  const merged: string[] = [];
  for (const key of [...groups.keys()].sort((a, b) => a.localeCompare(b, 'zh'))) {
    const acc = groups.get(key)!;
    if (acc.companies >= minSize && key !== OTHER_GROUP) out.push({ key, ...acc.figures() });
    else {
      other.merge(acc);
      merged.push(key);
    }
  }
  if (other.companies > 0) {
    if (other.companies >= minSize) out.push({ key: OTHER_GROUP, ...other.figures(), merged: merged.length });
    else out.push({ key: OTHER_GROUP, companies: other.companies, levels: {}, meanScore: null, sections: [], indicators: [], merged: merged.length, suppressed: true });
  }
  return out;
}

const CLASS_GOALS: Record<string, number> = { A: 1, B: 0.5 };

export function classRetrofit(counts: ReadonlyMap<string, Record<string, number>>): ClassRetrofit[] {
  return [...counts.keys()].sort().map((cls) => {
    const c = counts.get(cls)!;
    const n = (k: string) => c[k] ?? 0;
    const companies = Object.values(c).reduce((a, b) => a + b, 0);
    const retrofitting = n('in-progress') + n('done');
    const share = companies ? r4(retrofitting / companies) : null;
    const goal = CLASS_GOALS[cls] ?? null;
    return {
      class: cls,
      companies,
      retrofitting,
      inProgress: n('in-progress'),
      done: n('done'),
      planned: n('planned'),
      none: n('none'),
      unknown: n('unknown'),
      share,
      goal,
      goalMet: goal === null || share === null ? null : retrofitting / companies >= goal,
    };
  });
}

export interface BatchSummary extends Figures {
  /** Plants in the summary (current assessments only). */
  companies: number;
  /** Every scored row, superseded ones included. */
  scored: number;
  superseded: number;
  rejected: number;
  targets: { id: string; title: Text; source: string };
  groupBy?: string;
  minGroupSize: number;
  groups?: GroupFigures[];
  bySize: GroupFigures[];
  byClass: ClassRetrofit[];
  duplicates: { plant: string; count: number; members: { file: string; row?: number; date?: string; superseded: boolean }[] }[];
  /** Park-level recommendation rules matched per group ("all" for every company), when the rules fit the questionnaire. */
  parkRecommendations?: { group: string; recommendations: { id: string; title: Text; programme: string; projectType: string }[] }[];
}

/** Everything the summary is computed from, in one pass over the current (not superseded) companies. */
export function summarise(
  layout: SummaryLayout,
  current: Iterable<CompanyAggregate>,
  opts: { groupBy?: string; minGroupSize: number },
): Pick<BatchSummary, 'companies' | 'levels' | 'meanScore' | 'sections' | 'indicators' | 'groups' | 'bySize' | 'byClass' | 'minGroupSize' | 'groupBy'> {
  const all = new Accumulator(layout);
  const groups = new Map<string, Accumulator>();
  const sizes = new Map<string, Accumulator>();
  const classes = new Map<string, Record<string, number>>();
  const acc = (m: Map<string, Accumulator>, k: string) => {
    let a = m.get(k);
    if (!a) m.set(k, (a = new Accumulator(layout)));
    return a;
  };
  for (const a of current) {
    all.add(a);
    if (opts.groupBy !== undefined) acc(groups, a.group ?? NONE_GROUP).add(a);
    acc(sizes, a.scale === undefined ? NONE_GROUP : a.scale ? 'above' : 'below').add(a);
    if (a.cls) {
      const c = classes.get(a.cls) ?? {};
      const k = a.retrofit ?? 'unknown';
      c[k] = (c[k] ?? 0) + 1;
      classes.set(a.cls, c);
    }
  }
  return {
    ...all.figures(),
    ...(opts.groupBy !== undefined ? { groupBy: opts.groupBy, groups: groupFigures(layout, groups, opts.minGroupSize) } : {}),
    minGroupSize: opts.minGroupSize,
    bySize: groupFigures(layout, sizes, opts.minGroupSize),
    byClass: classRetrofit(classes),
  };
}
