import type { Text } from './types.js';

/** A published distribution of maturity levels among companies (questionnaires/benchmarks/), to place a plant against. */
export interface BenchmarkDef {
  kind: 'benchmark';
  id: string;
  title: Text;
  indicator: 'cmmm-level';
  distributions: Distribution[];
}
export interface Distribution {
  id: string;
  year: number;
  population: Text;
  buckets: { bucket: string; minLevel: number; maxLevel: number; share: number; published: boolean; note?: Text }[];
  source: { issuer: Text; document: string; published?: string };
  confirmed: boolean;
  caveat: Text;
}

/** The latest distribution, and the bucket a level falls into. */
export function placeLevel(b: BenchmarkDef, level: number): { distribution: Distribution; bucket: Distribution['buckets'][number] } | undefined {
  const distribution = [...b.distributions].sort((x, y) => y.year - x.year)[0];
  const bucket = distribution?.buckets.find((k) => level >= k.minLevel && level <= k.maxLevel);
  return distribution && bucket ? { distribution, bucket } : undefined;
}
