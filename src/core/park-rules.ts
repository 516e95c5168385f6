import { BASE_FUNCTIONS, evaluate, truthy, type FunctionSpec, type Scope } from './expression/evaluate.js';
import { shownItems } from './items.js';
import type { RuleSet } from './rules-def.js';
import type { Text } from './types.js';

/** What a park rule needs to know of each company in a group (a small key per company, not its answers). */
export interface CompanyBrief {
  level: number;
  indicators: Record<string, { value: number | boolean | null; met?: boolean | null }>;
}

export interface ParkRecommendation {
  id: string;
  title: Text;
  rationale: Text | undefined;
  programme: string;
  projectType: string;
  measures: Text[];
  support: string[];
}

/** Variables and functions of a park rule over a group of companies. Flags count as 1/0 in means. */
export function parkScope(companies: readonly CompanyBrief[]): Scope {
  const numeric = (v: number | boolean | null | undefined) => (typeof v === 'boolean' ? (v ? 1 : 0) : typeof v === 'number' ? v : null);
  const functions = new Map<string, FunctionSpec>([
    ...BASE_FUNCTIONS,
    ['share_level_at_least', { min: 1, max: 1, fn: ([n]) => (companies.length && typeof n === 'number' ? companies.filter((c) => c.level >= n).length / companies.length : null) }],
    [
      'mean_indicator',
      {
        min: 1,
        max: 1,
        fn: ([id]) => {
          const vals = companies.map((c) => numeric(c.indicators[String(id)]?.value)).filter((v): v is number => v !== null);
          return vals.length ? vals.reduce((a, b) => a + b, 0) / vals.length : null;
        },
      },
    ],
    [
      'share_missed',
      {
        min: 1,
        max: 1,
        fn: ([id]) => {
          const judged = companies.filter((c) => typeof c.indicators[String(id)]?.met === 'boolean');
          return judged.length ? judged.filter((c) => c.indicators[String(id)]!.met === false).length / judged.length : null;
        },
      },
    ],
  ]);
  return { functions, get: (name) => (name === 'companies' ? companies.length : undefined) };
}

/** Park-level rules matched against one group of companies (batch summary). */
export function recommendForPark(companies: readonly CompanyBrief[], rules: RuleSet): ParkRecommendation[] {
  const scope = parkScope(companies);
  return rules.rules
    .filter((r) => r.def.retrofitLevel === 'park' && truthy(evaluate(r.when, scope)))
    .map((r) => ({ id: r.def.id, title: r.def.title, rationale: r.def.rationale, programme: r.def.programme, projectType: r.def.projectType, measures: r.texts.measures ? shownItems(r.texts.measures, scope) : [], support: r.def.support ?? [] }));
}

/** The figures park rules read from a batch: one brief per scored company, its summary group, and whether it counts. */
export interface BriefSource {
  readonly length: number;
  brief(seq: number): CompanyBrief;
  group(seq: number): string | undefined;
  counted(seq: number): boolean;
}

/**
 * Park-level recommendations for the region as a whole ("all") and for each group shown in the summary; companies
 * of groups too small to show go to the shown "other" group, if there is one.
 */
export function parkRecommendationsByGroup(
  source: BriefSource,
  groups: readonly { key: string; suppressed?: boolean }[] | undefined,
  rules: RuleSet,
  names: { other: string; none: string },
): { group: string; recommendations: Pick<ParkRecommendation, 'id' | 'title' | 'programme' | 'projectType'>[] }[] {
  const shown = new Set((groups ?? []).filter((g) => !g.suppressed && g.key !== names.other).map((g) => g.key));
  const otherShown = (groups ?? []).some((g) => g.key === names.other && !g.suppressed);
  const members = new Map<string, CompanyBrief[]>([['all', []]]);
  for (let seq = 0; seq < source.length; seq++) {
    if (!source.counted(seq)) continue;
    const brief = source.brief(seq);
    members.get('all')!.push(brief);
    if (!groups) continue;
    const g = source.group(seq) ?? names.none;
    const key = shown.has(g) ? g : otherShown ? names.other : undefined;
    if (key === undefined) continue;
    if (!members.has(key)) members.set(key, []);
    members.get(key)!.push(brief);
  }
  return [...members].map(([group, list]) => ({
    group,
    recommendations: recommendForPark(list, rules).map((r) => ({ id: r.id, title: r.title, programme: r.programme, projectType: r.projectType })),
  }));
}
