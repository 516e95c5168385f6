import type { MessageCode } from '../messages/catalogue.js';
import { diag, type Diagnostic } from './diagnostics.js';
import type { Model } from './model.js';
import type { Source } from './source.js';
import type { Industry, Text } from './types.js';
import { INDUSTRIES } from './vocabulary.js';

type PerIndustry<T> = { discrete?: T; process?: T; mixed?: T | 'mean' };
export type Weights = Record<string, number>;

export interface TierDef {
  id: string;
  name: Text;
  /** The CMMM level the tier's conditions ask for: a necessary condition, never a sufficient one. */
  minLevel: number;
  /** The tier's other conditions, in plain words (review, an earlier tier first, the national self-assessment…). */
  otherConditions?: Text[];
  source?: string;
  /** The level condition is not confirmed against the text that sets it: what is known instead, for the reader. */
  levelUnconfirmed?: Text;
}

export interface ProfileDef {
  kind: 'scoring-profile';
  id: string;
  title: Text;
  model: string;
  verified: boolean;
  /** A draft or otherwise provisional method (shown in reports). */
  draft?: boolean;
  source: string;
  note?: Text;
  satisfaction: { full: number; mostly: number; partial: number; none: number };
  passThreshold: number;
  accumulation: 'stop-after-first-below' | 'stop-before-first-below';
  bands: { level: number; min: number }[];
  /** `tree`: sub-domain → domain → factor → overall, weights per tier; `flat`: one weighted mean over sub-domains. */
  aggregation?: 'tree' | 'flat';
  /**
   * How a sub-domain's self-rating (its level question) meets its requirement questions at a level:
   * `fallback` — the requirements decide wherever the file has any at that level, the self-rating stands in elsewhere;
   * `average` — the self-rating counts as one more requirement at every level.
   */
  selfRating?: 'fallback' | 'average';
  /** Sub-domain weights within their domain (tree) or overall (flat), per industry type. */
  weights?: PerIndustry<Weights>;
  domainWeights?: PerIndustry<Weights>;
  factorWeights?: PerIndustry<Weights>;
  /** What the report says about the weights, in plain words (e.g. why they are equal). */
  weightsNote?: Text;
  applicability?: { discrete?: 'all' | string[]; process?: 'all' | string[]; mixed?: 'all' | string[] | 'union' };
  /** Question id → the model's sub-domain (when the questionnaire's sub-domain is not the model's). */
  mapping?: Record<string, string>;
  /** Questionnaire sub-domain → the model's sub-domain, for every question of it. */
  subdomainMapping?: Record<string, string>;
  /** Below `provisionalBelow` of the applicable scored questions answered the level is provisional; below `noLevelBelow` none is stated. */
  completeness?: { provisionalBelow: number; noLevelBelow: number };
  tiers: TierDef[];
}

export type Tier = 'factor' | 'domain';

/** A scoring profile resolved against its model: weights and applicable sub-domains per industry type. */
export interface Profile {
  def: ProfileDef;
  model: Model;
  aggregation: 'tree' | 'flat';
  selfRating: 'fallback' | 'average';
  completeness: { provisionalBelow: number; noLevelBelow: number };
  /** The model sub-domain a question evidences. */
  subdomainOf(questionId: string, questionSubdomain: string): string;
  weight(industry: Industry, subdomain: string): number;
  nodeWeight(industry: Industry, tier: Tier, id: string): number;
  applicable(industry: Industry, subdomain: string): boolean;
}

export const DEFAULT_COMPLETENESS = { provisionalBelow: 0.8, noLevelBelow: 0.5 };

export function compileProfile(source: Source, model: Model): { profile?: Profile; diagnostics: Diagnostic[] } {
  const def = source.data as ProfileDef;
  const ds: Diagnostic[] = [];
  const at = (path: (string | number)[], code: MessageCode, args: Record<string, string | number> = {}) => ds.push(diag(code, source.file, source.locate(path), args, 'error', path));
  const named = def.model.replace(/\\/g, '/').split('/').pop()!.replace(/\.ya?ml$/i, '');
  if (def.model !== model.def.id && named !== model.def.id) at(['model'], 'def.model-mismatch', { model: def.model, loaded: model.def.id });
  const bandsOk = def.bands.every((b, i) => b.level === i + 1 && (i === 0 || b.min > def.bands[i - 1]!.min));
  if (!bandsOk) at(['bands'], 'def.bands-order');
  const known: Record<'sub-domain' | Tier, ReadonlySet<string>> = { 'sub-domain': model.subdomainIds, domain: model.domainIds, factor: model.factorIds };
  const checkIds = (ids: string[], what: 'sub-domain' | Tier, path: (string | number)[]) => ids.forEach((id) => !known[what].has(id) && at([...path, id], 'def.unknown-ref', { what, id }));
  for (const ind of INDUSTRIES) {
    for (const [key, what] of [['weights', 'sub-domain'], ['domainWeights', 'domain'], ['factorWeights', 'factor']] as const) {
      const w = def[key]?.[ind];
      if (w && w !== 'mean') checkIds(Object.keys(w), what, [key, ind]);
    }
    const a = def.applicability?.[ind];
    if (Array.isArray(a)) a.forEach((id, i) => !known['sub-domain'].has(id) && at(['applicability', ind, i], 'def.unknown-ref', { what: 'sub-domain', id }));
  }
  for (const [q, s] of Object.entries(def.mapping ?? {})) if (!known['sub-domain'].has(s)) at(['mapping', q], 'def.unknown-ref', { what: 'sub-domain', id: s });
  for (const [from, to] of Object.entries(def.subdomainMapping ?? {})) if (!known['sub-domain'].has(to)) at(['subdomainMapping', from], 'def.unknown-ref', { what: 'sub-domain', id: to });
  const c = def.completeness;
  if (c && c.noLevelBelow > c.provisionalBelow) at(['completeness'], 'def.completeness-order', { provisional: c.provisionalBelow, none: c.noLevelBelow });
  if (ds.length) return { diagnostics: ds };

  const applicableTo = (industry: 'discrete' | 'process', id: string) => {
    const a = def.applicability?.[industry] ?? 'all';
    return a === 'all' || a.includes(id);
  };
  /** A weight from a per-industry table: missing table → 1 (equal), missing entry in a given table → 0 (left out). */
  const fromTable = (table: PerIndustry<Weights> | undefined, industry: 'discrete' | 'process', id: string) => {
    const w = table?.[industry];
    return w?.[id] ?? (w ? 0 : 1);
  };
  const perIndustry = (table: PerIndustry<Weights> | undefined, industry: Industry, id: string, base: (ind: 'discrete' | 'process') => number) => {
    if (industry !== 'mixed') return base(industry);
    const w = table?.mixed ?? 'mean';
    return w === 'mean' ? (base('discrete') + base('process')) / 2 : (w[id] ?? 0);
  };
  const leaf = (industry: 'discrete' | 'process', id: string) => (applicableTo(industry, id) ? fromTable(def.weights, industry, id) : 0);
  const tables: Record<Tier, PerIndustry<Weights> | undefined> = { domain: def.domainWeights, factor: def.factorWeights };
  return {
    diagnostics: ds,
    profile: {
      def,
      model,
      aggregation: def.aggregation ?? 'tree',
      selfRating: def.selfRating ?? 'fallback',
      completeness: def.completeness ?? DEFAULT_COMPLETENESS,
      subdomainOf: (questionId, questionSubdomain) => def.mapping?.[questionId] ?? def.subdomainMapping?.[questionSubdomain] ?? questionSubdomain,
      applicable(industry, id) {
        if (industry !== 'mixed') return applicableTo(industry, id);
        const a = def.applicability?.mixed ?? 'union';
        if (a === 'union') return applicableTo('discrete', id) || applicableTo('process', id);
        return a === 'all' || a.includes(id);
      },
      weight: (industry, id) => perIndustry(def.weights, industry, id, (ind) => leaf(ind, id)),
      nodeWeight: (industry, tier, id) => perIndustry(tables[tier], industry, id, (ind) => fromTable(tables[tier], ind, id)),
    },
  };
}
