/**
 * What a batch may publish, and when it may say "met" or "not met". A batch is a sample of companies that answered
 * a survey, so:
 *
 * - a figure over fewer than the minimum group size of companies is withheld: its value and every count it breaks
 *   its companies into (yes / 不清楚, companies meeting a target, retrofit statuses, levels) are not published, only
 *   how many companies it is over (its n) — and it gets no verdict;
 * - a count of companies (a plan target such as "300 companies above designated size in the cloud") is never judged:
 *   a sample's count says nothing about the total of the target population.
 *
 * The same minimum group size merges small groups into "other" (--min-group-size; 1 shows and judges everything).
 */
export const DEFAULT_MIN_GROUP_SIZE = 5;

/** Why a figure or its verdict is withheld: too few companies behind the figure, or a count from a sample. */
export type Withheld = 'small-group' | 'sample';

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
