/**
 * When a batch may say "met" or "not met". A batch is a sample of companies that answered a survey, so:
 *
 * - a figure over fewer than the minimum group size of companies is shown with its n, without a verdict;
 * - a count of companies (a plan target such as "300 companies above designated size in the cloud") is never judged:
 *   a sample's count says nothing about the total of the target population.
 *
 * The same minimum group size merges small groups into "other" with --anonymize (or an explicit --min-group-size).
 */
export const DEFAULT_MIN_GROUP_SIZE = 5;

/** Why a verdict is withheld: too few companies behind the figure, or a count from a sample. */
export type Withheld = 'small-group' | 'sample';

/** A verdict on a figure over n companies: withheld below the minimum group size. */
export function judged(n: number, minGroupSize: number, met: boolean | null): { met: boolean | null; withheld?: Withheld } {
  if (met === null) return { met: null };
  return n < minGroupSize ? { met: null, withheld: 'small-group' } : { met };
}
