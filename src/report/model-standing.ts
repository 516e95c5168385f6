/**
 * Where the plant's level stands: against the level conditions of the smart-factory tiers, today and after the plan
 * period, and in the published national distribution of levels. Pure.
 */
import { placeLevel, type BenchmarkDef } from '../core/benchmark.js';
import type { Projection } from '../core/roadmap.js';
import type { ScoreResult } from '../core/result.js';
import type { Text } from '../core/types.js';
import { fill, joinTexts, type Wording } from '../core/wording.js';
import { pct } from './format.js';
import { levelText } from './model-parts.js';

export interface TierRow {
  name: Text;
  minLevel: number;
  status: 'met' | 'not-met' | 'unknown';
  condition: Text;
  otherConditions: Text[];
}
export interface Position {
  sentence: Text;
  caveat: Text;
}

/**
 * The smart-factory tiers' level conditions today; and, with the projection after the plan period's last phase, the
 * tiers whose level condition it would meet that today's level does not (never for a provisional level).
 */
export function tiersOf(r: ScoreResult, w: Wording, projected?: Projection | null): { intro: Text; rows: TierRow[]; projected?: Text } {
  const level = projected?.level;
  const gained = level !== null && level !== undefined && !r.maturity.provisional ? r.tiers.filter((t) => t.levelConditionMet === false && level >= t.minLevel) : [];
  // a level condition not confirmed against its text: marked *, and what is known instead said under the intro
  const unconfirmed = r.tiers.filter((t) => t.levelUnconfirmed);
  const intro = unconfirmed.length ? joinTexts([w.phrases.tiersIntro!, fill(w.phrases.tierUnconfirmed!, { notes: joinTexts(unconfirmed.map((t) => t.levelUnconfirmed!), { zh: '', en: ' ' }) })], { zh: '', en: ' ' }) : w.phrases.tiersIntro!;
  return {
    intro,
    ...(gained.length ? { projected: fill(w.phrases.tiersProjected!, { level: level!, names: joinTexts(gained.map((t) => t.name)) }) } : {}),
    rows: r.tiers.map((t) => {
      const status = t.levelConditionMet === null ? 'unknown' : t.levelConditionMet ? 'met' : 'not-met';
      const base = status === 'unknown' ? w.phrases.tierUnknown! : fill(w.phrases[status === 'met' ? 'tierMet' : 'tierNotMet']!, { level: t.minLevel });
      const stated = status !== 'unknown' && r.maturity.provisional ? joinTexts([base, w.phrases.tierProvisional!], { zh: '', en: '' }) : base;
      const condition = t.levelUnconfirmed ? joinTexts([stated, { zh: ' *', en: ' *' }], { zh: '', en: '' }) : stated;
      return { name: t.name, minLevel: t.minLevel, status, condition, otherConditions: t.otherConditions };
    }),
  };
}

export function positionOf(b: BenchmarkDef, r: ScoreResult, w: Wording): Position | undefined {
  const level = r.maturity.level!;
  const placed = placeLevel(b, level);
  if (!placed) return undefined;
  const d = placed.distribution;
  const distribution = joinTexts(d.buckets.map((k) => ({ zh: `${bucketName(k.bucket, 'zh')} ${pct(k.share)}`, en: `${bucketName(k.bucket, 'en')} ${pct(k.share)}` })), { zh: '，', en: ', ' });
  return {
    sentence: fill(w.phrases.position!, { year: d.year, source: joinTexts([d.source.issuer, { zh: d.source.document, en: ` ${d.source.document}` }], { zh: '', en: '' }), population: d.population, distribution, level: levelText(r, w) }),
    caveat: joinTexts([w.phrases.positionCaveat!, d.caveat], { zh: '', en: ' ' }),
  };
}
const bucketName = (b: string, lang: 'zh' | 'en') => {
  const m = /^(≤|≥)?(\d)$/.exec(b);
  if (!m) return b;
  if (lang === 'zh') return m[1] === '≤' ? `${m[2]} 级及以下` : m[1] === '≥' ? `${m[2]} 级及以上` : `${m[2]} 级`;
  return m[1] === '≤' ? `level ${m[2]} or below` : m[1] === '≥' ? `level ${m[2]} or above` : `level ${m[2]}`;
};
