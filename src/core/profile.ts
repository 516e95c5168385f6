import type { MessageCode } from '../messages/catalogue.js';
import { diag, type Diagnostic } from './diagnostics.js';
import type { Model } from './model.js';
import type { Source } from './source.js';
import type { Industry, Text } from './types.js';

export interface ProfileDef {
  kind: 'scoring-profile';
  id: string;
  title: Text;
  model: string;
  verified: boolean;
  source: string;
  note?: Text;
  satisfaction: { full: number; mostly: number; partial: number; none: number };
  passThreshold: number;
  accumulation: 'stop-after-first-below' | 'stop-before-first-below';
  bands: { level: number; min: number }[];
  weights?: { discrete?: Record<string, number>; process?: Record<string, number>; mixed?: Record<string, number> | 'mean' };
  applicability?: { discrete?: 'all' | string[]; process?: 'all' | string[]; mixed?: 'all' | string[] | 'union' };
  mapping?: Record<string, string>;
  tiers: { id: string; name: Text; minLevel: number; source?: string }[];
}

/** A scoring profile resolved against its model: weights and applicable sub-domains per industry type. */
export interface Profile {
  def: ProfileDef;
  model: Model;
  weight(industry: Industry, subdomain: string): number;
  applicable(industry: Industry, subdomain: string): boolean;
}

export function compileProfile(source: Source, model: Model): { profile?: Profile; diagnostics: Diagnostic[] } {
  const def = source.data as ProfileDef;
  const ds: Diagnostic[] = [];
  const at = (path: (string | number)[], code: MessageCode, args: Record<string, string | number> = {}) =>
    ds.push(diag(code, source.file, source.locate(path), args, 'error', path));
  const named = def.model.replace(/\\/g, '/').split('/').pop()!.replace(/\.ya?ml$/i, '');
  if (def.model !== model.def.id && named !== model.def.id) at(['model'], 'def.model-mismatch', { model: def.model, loaded: model.def.id });
  const bandsOk = def.bands.every((b, i) => b.level === i + 1 && (i === 0 || b.min > def.bands[i - 1]!.min));
  if (!bandsOk) at(['bands'], 'def.bands-order');
  const known = model.subdomainIds;
  const checkIds = (ids: string[], path: (string | number)[]) =>
    ids.forEach((id) => {
      if (!known.has(id)) at([...path, id], 'def.unknown-ref', { what: 'sub-domain', id });
    });
  for (const ind of ['discrete', 'process', 'mixed'] as const) {
    const w = def.weights?.[ind];
    if (w && w !== 'mean') checkIds(Object.keys(w), ['weights', ind]);
    const a = def.applicability?.[ind];
    if (Array.isArray(a)) a.forEach((id, i) => !known.has(id) && at(['applicability', ind, i], 'def.unknown-ref', { what: 'sub-domain', id }));
  }
  for (const [q, s] of Object.entries(def.mapping ?? {})) if (!known.has(s)) at(['mapping', q], 'def.unknown-ref', { what: 'sub-domain', id: s });
  if (ds.length) return { diagnostics: ds };

  const applicableTo = (industry: 'discrete' | 'process', id: string) => {
    const a = def.applicability?.[industry] ?? 'all';
    return a === 'all' || a.includes(id);
  };
  const weightOf = (industry: 'discrete' | 'process', id: string) => {
    const w = def.weights?.[industry];
    return applicableTo(industry, id) ? (w?.[id] ?? (w ? 0 : 1)) : 0;
  };
  return {
    diagnostics: ds,
    profile: {
      def,
      model,
      applicable(industry, id) {
        if (industry !== 'mixed') return applicableTo(industry, id);
        const a = def.applicability?.mixed ?? 'union';
        if (a === 'union') return applicableTo('discrete', id) || applicableTo('process', id);
        return a === 'all' || a.includes(id);
      },
      weight(industry, id) {
        if (industry !== 'mixed') return weightOf(industry, id);
        const w = def.weights?.mixed ?? 'mean';
        if (w === 'mean') return (weightOf('discrete', id) + weightOf('process', id)) / 2;
        return w[id] ?? 0;
      },
    },
  };
}
