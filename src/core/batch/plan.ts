import type { MessageCode } from '../../messages/catalogue.js';
import type { KpiTargetDef } from '../targets.js';
import type { Text } from '../types.js';
import type { CountTargetDef, PolicyDef } from '../policy.js';
import type { CompanyAggregate, SummaryLayout } from './aggregate.js';
import { isHistoricalTarget } from '../targets.js';
import { shareText } from './figures.js';
import { withheldBelow, type Withheld } from './verdict.js';
import { classVerdict } from './class-retrofit.js';
import { CONFLICT_WINDOW_DAYS } from './supersede.js';

/** yes: counted from the answers; partial: a stand-in is counted (said how); no: not countable from diagnosis answers. */
export type Countable = 'yes' | 'partial' | 'no';

export interface PlanTargetResult {
  id: string;
  title: Text;
  section: string;
  programme?: string;
  programmeName?: Text;
  quote: string;
  comparison: CountTargetDef['comparison'];
  target: CountTargetDef['value'];
  per: 'year' | 'total';
  years?: number[];
  by?: number;
  unit: Text;
  population: Text;
  basis: CountTargetDef['basis'];
  /** How the policy data says to count it. */
  measure: Text;
  countable: Countable;
  /** What the answers give (a stand-in when partial); null when not countable. */
  count: number | null;
  /** The count and the target are a share of a class of companies (0–1: class A/B retrofitting), not a number of them. */
  share?: true;
  /** The count by year of the assessment date (cumulative counts only). */
  byYear?: Record<string, number>;
  /**
   * Only a share within the batch's own companies (class A/B retrofitting) over at least the minimum group size gets
   * a verdict, and a goal for all of a class's companies only when missed (`withheld: 'sample-all'`); a count of
   * companies from a sample never does (`withheld: 'sample'`).
   */
  met: boolean | null;
  withheld?: Withheld;
  /** With `withheld: 'small-group'`: the companies the count would be over (fewer than the minimum group size). */
  n?: number;
  /** The last year of the target (`by`, or the last of `years`). */
  targetYear?: number;
  /** The target year is before the first submission of the batch: a historical reference. */
  historical: boolean;
  /** How zhizao counted it, or why it could not (a message code with its arguments). */
  how: { code: MessageCode; args: Record<string, string | number> };
  /** More about the count (what is in use at the latest assessments, or that a question was not asked). */
  also?: { code: MessageCode; args: Record<string, string | number> }[];
}

/** The KPI gains and equipment additions of plants assessed twice (the earliest and the current assessment). */
export interface AssessmentPair {
  base: CompanyAggregate;
  follow: CompanyAggregate;
}

export interface PlanInput {
  layout: SummaryLayout;
  current: Iterable<CompanyAggregate>;
  pairs: Iterable<AssessmentPair>;
  /** Companies retrofitting per class A/B/C/D (summary.byClass; retrofitting and share null when withheld). */
  byClass: readonly { class: string; companies: number; retrofitting: number | null; unknown: number | null; share: number | null }[];
  kpis: readonly KpiTargetDef[];
  /** Below it a share gets no verdict (verdict.ts). */
  minGroupSize: number;
  /** The year of the first submission: targets before it are historical. */
  surveyYear?: number;
  /**
   * The regional cloud-adoption figure over all companies, 规上 and 规下 (summary `splits`), as published: its yes
   * count is the plan's count, so a split withheld there (also to protect another one) is withheld here.
   */
  cloudSplits?: readonly { population: string; withheld?: Withheld }[];
}

export const CLOUD_INDICATOR = 'cloud-adoption';
export const EQUIPMENT_FACTS = ['robots_count', 'cnc_machines_count'] as const;
const KPI_EPSILON = 1e-9;

/**
 * The plan's count targets against what the answers can support. A batch is a sample: counts are given with no
 * verdict; only the class A/B retrofitting shares are judged (verdict.ts). Counting rules (docs/batch.md, "Plan targets"):
 * companies in the cloud (cloud-adoption yes) by size class; companies with a complete (non-provisional)
 * diagnosis for benchmarking, by year; the share of class A/B companies retrofitting; plants assessed twice whose
 * five outcome KPIs all reach the plan's gains; robots and CNC machines added between two assessments; candidates
 * for smart workshops and factories (every criterion one assessment can judge is met) beside recognitions, which
 * the answers cannot count. Everything the policy data marks not-from-diagnosis is listed as not countable.
 */
export function countPlanTargets(targets: readonly CountTargetDef[], programmes: readonly PolicyDef['programmes'][number][], input: PlanInput): PlanTargetResult[] {
  const { layout } = input;
  const cloud = layout.indicators.findIndex((i) => i.id === CLOUD_INDICATOR);
  const fact = (id: string) => layout.facts?.indexOf(id) ?? -1;
  const ready = (id: string) => layout.readiness?.indexOf(id) ?? -1;
  const [workshop, factory] = [ready('smart-workshop'), ready('smart-factory')];
  let cloudAbove = 0;
  let cloudBelow = 0;
  let cloudAll = 0;
  // the companies each cloud count is over: those that answered uses_cloud (yes, no or 不清楚)
  const cloudAnswered = { above: 0, below: 0, all: 0 };
  let companies = 0;
  let complete = 0;
  const completeByYear: Record<string, number> = {};
  let workshopCandidates = 0;
  let factoryCandidates = 0;
  // the companies whose answers decide whether they are candidates (readinessVerdict: true or false, not undetermined)
  let workshopJudged = 0;
  let factoryJudged = 0;
  // in use at the latest assessments: the total, and how many companies answered (none: the question was not asked)
  const inUse = EQUIPMENT_FACTS.map((id) => ({ id, i: fact(id), total: 0, companies: 0 }));
  for (const a of input.current) {
    companies++;
    if (cloud >= 0 && a.values[cloud] === 1) {
      cloudAll++;
      if (a.scale === true) cloudAbove++;
      if (a.scale === false) cloudBelow++;
    }
    if (cloud >= 0 && ((a.values[cloud] ?? null) !== null || a.unknown?.[cloud] === true)) {
      cloudAnswered.all++;
      if (a.scale === true) cloudAnswered.above++;
      if (a.scale === false) cloudAnswered.below++;
    }
    if (a.provisional === false) {
      complete++;
      if (a.year !== undefined) completeByYear[String(a.year)] = (completeByYear[String(a.year)] ?? 0) + 1;
    }
    const [w, f] = [workshop >= 0 ? a.ready?.[workshop] : undefined, factory >= 0 ? a.ready?.[factory] : undefined];
    if (w === true) workshopCandidates++;
    if (f === true) factoryCandidates++;
    if (w === true || w === false) workshopJudged++;
    if (f === true || f === false) factoryJudged++;
    for (const u of inUse) {
      const v = u.i >= 0 ? a.facts?.[u.i] : undefined;
      if (typeof v === 'number') {
        u.total += v;
        u.companies++;
      }
    }
  }
  let pairs = 0;
  let pairsWithKpis = 0;
  let benchmark = 0;
  let added = 0;
  const kpiIdx = input.kpis.map((k) => ({ k, i: fact(k.kpi) }));
  for (const p of input.pairs) {
    pairs++;
    for (const id of EQUIPMENT_FACTS) {
      const i = fact(id);
      const [b, f] = [p.base.facts?.[i], p.follow.facts?.[i]];
      if (i >= 0 && typeof b === 'number' && typeof f === 'number' && f > b) added += f - b;
    }
    if (kpiIdx.length === 0 || kpiIdx.some(({ i }) => i < 0)) continue;
    const gains = kpiIdx.map(({ k, i }) => {
      const [b, f] = [p.base.facts?.[i], p.follow.facts?.[i]];
      if (typeof b !== 'number' || typeof f !== 'number' || b <= 0) return null;
      const change = (f - b) / b;
      return k.direction === 'up' ? change >= k.change - KPI_EPSILON : change <= k.change + KPI_EPSILON;
    });
    if (gains.every((g) => g !== null)) {
      pairsWithKpis++;
      if (gains.every(Boolean)) benchmark++;
    }
  }
  const nameOf = new Map(programmes.map((p) => [p.id, p.name]));
  const classShare = (cls: string) => input.byClass.find((c) => c.class === cls);

  return targets.map((t) => {
    const base = {
      id: t.id,
      title: t.title,
      section: t.section,
      ...(t.programme ? { programme: t.programme, ...(nameOf.get(t.programme) ? { programmeName: nameOf.get(t.programme)! } : {}) } : {}),
      quote: t.quote,
      comparison: t.comparison,
      target: t.value,
      per: t.per,
      ...(t.years ? { years: t.years } : t.year !== undefined ? { years: [t.year] } : {}),
      ...(t.by !== undefined ? { by: t.by } : {}),
      unit: t.unit,
      population: t.population,
      basis: t.basis,
      measure: t.measure,
    };
    // a total: its `by`; a per-year target: its last year
    const lastYear = t.years?.length ? Math.max(...t.years) : t.year;
    const targetYear = t.per === 'year' ? (lastYear ?? t.by) : (t.by ?? lastYear);
    const when = { ...(targetYear !== undefined ? { targetYear } : {}), historical: isHistoricalTarget(targetYear, input.surveyYear) };
    const no = (code: MessageCode = 'plan.not-countable', args: Record<string, string | number> = {}): PlanTargetResult => ({ ...base, ...when, countable: 'no', count: null, met: null, how: { code, args } });
    const counted = (count: number | null, code: MessageCode, args: Record<string, string | number> = {}, byYear?: Record<string, number>): PlanTargetResult => {
      // A per-year target cannot be checked against a count at the assessment date; a total counted in a sample
      // cannot be checked against the target population's total at all.
      const partial = t.basis !== 'answers' || t.per === 'year';
      return { ...base, ...when, countable: partial ? 'partial' : 'yes', count, ...(byYear ? { byYear } : {}), met: null, ...(partial || count === null ? {} : { withheld: 'sample' as const }), how: { code, args } };
    };
    /** A count over n companies (verdict.ts): below the minimum group size it is not published (nor its years); `how` then says what is counted without the count. */
    const over = (n: number, r: PlanTargetResult, how?: PlanTargetResult['how']): PlanTargetResult => {
      const withheld = withheldBelow(n, input.minGroupSize);
      if (!withheld || r.count === null) return r;
      const { byYear: _years, ...rest } = r;
      return { ...rest, count: null, met: null, withheld, n, ...(how ? { how } : {}) };
    };
    if (t.basis === 'not-from-diagnosis') return no();
    switch (t.programme) {
      case 'cloud': {
        if (cloud < 0) return no('plan.no-question', { question: 'uses_cloud' });
        const asPublished = (population: string, n: number, r: PlanTargetResult): PlanTargetResult => {
          const withheld = input.cloudSplits?.find((x) => x.population === population)?.withheld;
          if (withheld !== 'complementary' || r.count === null) return over(n, r);
          const { byYear: _years, ...rest } = r;
          return { ...rest, count: null, met: null, withheld, n };
        };
        if (t.sizeClass === 'above-designated-size') return asPublished('above', cloudAnswered.above, counted(cloudAbove, 'plan.cloud-above'));
        if (t.sizeClass === 'sme') return asPublished('below', cloudAnswered.below, counted(cloudBelow, 'plan.cloud-sme'));
        return asPublished('all', cloudAnswered.all, counted(cloudAll, 'plan.cloud-all'));
      }
      case 'benchmarking':
        // no answer set of the batch is a complete diagnosis (a short form, or too few answers): no count, never "0"
        if (companies && !complete) return no('plan.benchmarked-none', { companies });
        return over(companies, counted(complete, 'plan.benchmarked', {}, completeByYear));
      case 'enterprise-classification': {
        const cls = t.enterpriseClass;
        const c = cls ? classShare(cls) : undefined;
        if (!cls) return no();
        // No company of the batch gives its class: the input never asked, which is not "no class A company".
        if (!input.byClass.length) return { ...no('plan.class-not-asked'), share: true };
        if (!c || !c.companies) return { ...base, ...when, countable: 'yes', count: null, share: true, met: null, how: { code: 'plan.class-none', args: { class: cls } } };
        // fewer companies of the class than the minimum group size: neither the share nor how many retrofit is published
        const withheld = withheldBelow(c.companies, input.minGroupSize);
        if (withheld || c.retrofitting === null) return { ...base, ...when, countable: 'yes', count: null, share: true, met: null, withheld: withheld ?? 'small-group', n: c.companies, how: { code: 'plan.class-withheld', args: { class: cls, companies: c.companies, min: input.minGroupSize } } };
        // a share of the batch's own class A/B companies: judged on enough companies, a goal for all of them only when missed
        const unknown = c.unknown ?? 0;
        const { undetermined, ...verdict } = classVerdict(c.retrofitting, unknown, c.companies, typeof t.value === 'number' ? t.value : t.value.min, input.minGroupSize);
        // with companies that did not state their status, the share lies between none and all of them retrofitting
        const range = { low: shareText(c.retrofitting / c.companies), high: shareText((c.retrofitting + unknown) / c.companies) };
        const how: PlanTargetResult['how'] = unknown ? { code: undetermined ? ('plan.class-share-undetermined' as const) : ('plan.class-share-unknown' as const), args: { class: cls, retrofitting: c.retrofitting, companies: c.companies, unknown, ...range } } : { code: 'plan.class-share' as const, args: { class: cls, retrofitting: c.retrofitting, companies: c.companies } };
        // a share the unstated companies could tip across the goal is no figure to publish: blank, its range in `how`
        return { ...base, ...when, countable: 'yes', count: undetermined ? null : c.share, share: true, ...verdict, how };
      }
      case 'machine-replacement': {
        if (t.id.includes('doubling')) return no('plan.needs-year');
        // nothing added is known without a plant assessed twice: blank, not 0
        const also = inUse.map((u): NonNullable<PlanTargetResult['also']>[number] =>
          !u.companies ? { code: 'plan.fact-not-asked', args: { question: u.id } } : withheldBelow(u.companies, input.minGroupSize) ? { code: 'plan.fact-in-use-withheld', args: { question: u.id, companies: u.companies, min: input.minGroupSize } } : { code: 'plan.fact-in-use', args: { question: u.id, total: u.total, companies: u.companies } },
        );
        // the units added are over the plants assessed twice
        return over(pairs, { ...counted(pairs ? added : null, 'plan.equipment-added', { pairs, days: CONFLICT_WINDOW_DAYS }), countable: 'partial', also });
      }
      // Candidates over the companies whose answers decide it: none of them (a short form that asks none of the
      // criteria) is no count, blank and said so, never "0 candidates"; some of them, the count says over how many.
      case 'smart-workshop':
      case 'smart-factory': {
        const [profile, count, judged] = t.programme === 'smart-workshop' ? [workshop, workshopCandidates, workshopJudged] : [factory, factoryCandidates, factoryJudged];
        if (profile < 0) return no();
        if (!judged) return no('plan.candidates-undetermined', { companies });
        const kind = t.programme === 'smart-workshop' ? 'workshop' : 'factory';
        return over(judged, { ...base, ...when, countable: 'partial', count, met: null, how: judged < companies ? { code: `plan.candidates-${kind}-of`, args: { judged, companies } } : { code: `plan.candidates-${kind}`, args: {} } });
      }
      default:
        break;
    }
    if (t.id === 'benchmark-projects') {
      if (kpiIdx.length === 0 || kpiIdx.some(({ i }) => i < 0)) return no('plan.no-question', { question: input.kpis.map((k) => k.kpi).join(', ') || 'kpi_*' });
      // over the plants assessed twice with all five KPIs both times
      return over(pairsWithKpis, counted(pairs ? benchmark : null, 'plan.benchmark-projects', { pairs, withKpis: pairsWithKpis, reached: benchmark, days: CONFLICT_WINDOW_DAYS }));
    }
    // (candidates by the city's criteria: never a count of provincial or national recognitions, whose criteria differ)
    if (/factor(y|ies)|workshop/.test(t.id) && !/national|provincial/.test(t.id) && (workshop >= 0 || factory >= 0)) {
      if (!workshopJudged && !factoryJudged) return no('plan.candidates-undetermined', { companies });
      // (withheld below the minimum group size of the fewer companies judged, of those profiles judged at all)
      const judged = Math.min(...[workshopJudged, factoryJudged].filter((n) => n > 0));
      if (workshopJudged < companies || factoryJudged < companies)
        return over(judged, { ...base, ...when, countable: 'partial', count: workshopCandidates + factoryCandidates, met: null, how: { code: 'plan.candidates-both-of', args: { workshops: workshopCandidates, factories: factoryCandidates, judgedWorkshops: workshopJudged, judgedFactories: factoryJudged, companies } } }, { code: 'plan.candidates-both-withheld', args: {} });
      return over(companies, { ...base, ...when, countable: 'partial', count: workshopCandidates + factoryCandidates, met: null, how: { code: 'plan.candidates-both', args: { workshops: workshopCandidates, factories: factoryCandidates } } }, { code: 'plan.candidates-both-withheld', args: {} });
    }
    return no(t.basis === 'new-question' ? 'plan.needs-question' : 'plan.not-countable');
  });
}
