/**
 * What a batch may publish, and when it may say "met" or "not met". A batch is a sample of companies that answered
 * a survey, so:
 *
 * - a figure over fewer than the minimum group size of companies is withheld: its value and every count it breaks
 *   its companies into (yes / 不清楚, companies meeting a target, retrofit statuses, levels) are not published, only
 *   how many companies it is over (its n) — and it gets no verdict;
 * - a count of companies (a plan target such as "300 companies above designated size in the cloud") is never judged:
 *   a sample's count says nothing about the total of the target population;
 * - a goal for every company of a class ("all class A companies retrofitting") is judged missed when a company of the
 *   batch shows it missed, and never met: the batch's companies of the class all meeting it says nothing of the others.
 *
 * The same minimum group size merges small groups into "other" (--min-group-size; 1 shows and judges everything).
 */
export const DEFAULT_MIN_GROUP_SIZE = 5;

/**
 * Why a figure or its verdict is withheld: too few companies behind the figure, a count from a sample, a goal for
 * every company of a class that the batch's companies of it all meet (`sample-all`: the others may not), or
 * `complementary`: published beside its total and the other parts, it would give away a part withheld as too small.
 */
export type Withheld = 'small-group' | 'sample' | 'sample-all' | 'complementary';

/** Whether a figure over n companies is withheld: over at least one company and fewer than the minimum group size. */
export function withheldBelow(n: number, minGroupSize: number): 'small-group' | undefined {
  return n > 0 && n < minGroupSize ? 'small-group' : undefined;
}

/** A verdict on a figure over n companies: withheld below the minimum group size. */
export function judged(n: number, minGroupSize: number, met: boolean | null): { met: boolean | null; withheld?: Withheld } {
  if (met === null) return { met: null };
  const withheld = withheldBelow(n, minGroupSize);
  return withheld ? { met: null, withheld } : { met };
}

/**
 * Complementary withholding. A total and its parts (all companies = 规上 + 规下 + not stated) are one sum: with a part
 * withheld as too small and the others published, the total minus the others gives it away. So other parts are
 * withheld with it — in `order` when given, else the smallest first — until the withheld parts together are over at least `minGroupSize`
 * companies (what they add up to can then be worked out, as any published figure); `keep`, the part a headline is
 * about, is never chosen: when no other part is left, the total is withheld instead.
 * `sizes`: the companies behind each part's figure; `withheld`: the parts withheld already. Returns the indexes of
 * the parts to withhold as well, and whether the total must be.
 */
export function complementary(
  sizes: readonly number[],
  withheld: readonly boolean[],
  minGroupSize: number,
  keep?: number,
  /** Parts in the order they are given up (the least wanted first), before size; the others by size alone. */
  order?: readonly number[],
): { parts: number[]; total: boolean } {
  let covered = 0;
  for (let i = 0; i < sizes.length; i++) if (withheld[i] && sizes[i]! > 0) covered += sizes[i]!;
  if (covered === 0 || covered >= minGroupSize) return { parts: [], total: false };
  const rank = (i: number) => {
    const r = order?.indexOf(i) ?? -1;
    return r < 0 ? (order?.length ?? 0) : r;
  };
  const candidates = sizes
    .map((n, i) => ({ n, i }))
    .filter(({ n, i }) => n > 0 && !withheld[i] && i !== keep)
    .sort((a, b) => rank(a.i) - rank(b.i) || a.n - b.n || a.i - b.i);
  const parts: number[] = [];
  for (const c of candidates) {
    if (covered >= minGroupSize) break;
    parts.push(c.i);
    covered += c.n;
  }
  return { parts, total: covered < minGroupSize };
}

/**
 * The decimals of a percentage that show a value apart from its target: `min` (0.1 % as the outputs round), more
 * when the rounded value would equal the rounded target while they differ (a mean of 50.03 % against "> 50 %" met,
 * not "50.0 % > 50.0 %"), at most `max`.
 */
export function percentDigits(value: number | null | undefined, target: number | null | undefined, min = 1, max = 3): number {
  if (typeof value !== 'number' || typeof target !== 'number' || value === target) return min;
  const at = (x: number, d: number) => Math.round(x * 100 * 10 ** d);
  let d = min;
  while (d < max && at(value, d) === at(target, d)) d++;
  return d;
}
