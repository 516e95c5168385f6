// Plant identity is one rule for batch, compare and merge: src/core/plant-identity.ts.
export { normaliseName, plantKey, plantKeys } from '../plant-identity.js';

/**
 * An ISO date YYYY-MM-DD (and a time of day HH:MM[:SS]) as a sortable integer (20261129142305); 0 when absent or
 * malformed (oldest). Two submissions on one day are ordered by their time.
 */
export function dateKey(date: string | undefined, time?: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  if (!m) return 0;
  const t = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time ?? '');
  const secs = t ? Number(t[1]) * 10000 + Number(t[2]) * 100 + Number(t[3] ?? 0) : 0;
  return (Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3])) * 1_000_000 + secs;
}
