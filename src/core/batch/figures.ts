/** The published regional figures of a batch summary: over all companies, per group, per split (summary.ts computes them). */
import type { TargetComparison } from '../indicators.js';
import type { IndicatorKind, Text } from '../types.js';
import type { RegionalPopulation } from './aggregate.js';
import { complementary, type Withheld } from './verdict.js';

/** A share (0–1) as the batch's words give it, to 0.1 % without trailing zeros (0.5 → "50%", 0.4167 → "41.7%"). */
export const shareText = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** The companies a regional figure can be split by: all, 规上, 规下, and those that did not say. */
export const SPLITS = ['all', 'above', 'below', 'not-stated'] as const;
export type Split = (typeof SPLITS)[number];

/** The key of the group small groups are merged into, and of the companies that did not give the grouping field. */
export const OTHER_GROUP = 'other';
export const NONE_GROUP = '(none)';

/** The split an indicator's headline is over: 规上 where its definition says so, else all companies. */
export const headlineSplit = (population: RegionalPopulation): Split => (population === 'above-designated-size' ? 'above' : 'all');

/** A split's figure withheld: no value, numerator, 不清楚 or unanswered count (its n and companies stay). */
export const withheldSplit = <T extends SplitFigure>(s: T, why: Withheld): T => ({ ...s, value: null, numerator: null, unknown: null, unanswered: null, withheld: why });

/**
 * Within one row of splits (all = 规上 + 规下 + not stated), the splits to withhold beside those withheld already so
 * that none gives a withheld one away (verdict.ts complementary): the companies that did not say first, then 规下;
 * 规上, which the plan's targets are about, last; the headline's split is kept and its total withheld instead.
 */
export function splitsToWithhold(row: readonly Pick<SplitFigure, 'population' | 'denominator' | 'withheld'>[], headline: Split, min: number): Split[] {
  const parts = PARTS.map((p) => row.find((x) => x.population === p));
  const r = complementary(
    parts.map((x) => x?.denominator ?? 0),
    parts.map((x) => x?.withheld !== undefined),
    min,
    headline === 'above' ? 0 : undefined,
    [2, 1, 0],
  );
  return [...r.parts.map((k) => PARTS[k]!), ...(r.total ? (['all'] as const) : [])];
}
const PARTS = ['above', 'below', 'not-stated'] as const;

export interface SplitFigure {
  population: Split;
  /** Companies in this split (with or without a value). */
  companies: number;
  value: number | null;
  /** share: companies answering yes; mean: the sum of company values. Null when withheld. */
  numerator: number | null;
  /** share: companies answering yes, no or 不清楚; mean: companies with a value. */
  denominator: number;
  /** Companies that answered 不清楚: in the denominator of a share (as "not known to"), left out of a mean. Null when withheld. */
  unknown: number | null;
  /** Companies whose value is left out because an input is outside its plausible range. */
  excluded: number;
  /** Companies without an answer (or whose ratio cannot be computed): left out. Null when withheld (with the other counts it would give the 不清楚 count). */
  unanswered: number | null;
  /** Over fewer companies than the minimum group size: value, numerator and 不清楚 are not published (verdict.ts). */
  withheld?: Withheld;
}

export interface RegionalIndicator extends TargetComparison {
  id: string;
  title: Text;
  kind: IndicatorKind;
  /** How the regional value is formed: mean of company values, or share of companies (yes/no, design tools). */
  method: 'mean' | 'share';
  /** The population of the headline value (the indicator's own definition: 规上 where it says so). */
  regionalPopulation: RegionalPopulation;
  /**
   * A 规下 (or size-not-stated) group's figure of an indicator whose target is for companies above designated size:
   * given for reference, not judged against that target.
   */
  outsideTargetPopulation?: true;
  /** The headline value, over regionalPopulation: the companies of this batch that answered (a sample, not a census). */
  value: number | null;
  numerator: number | null;
  denominator: number;
  /** The number of companies the value is over (the denominator). */
  n: number;
  unknown: number | null;
  /** Values left out because an input is outside its plausible range. */
  excluded: number;
  /** Null when withheld. */
  unanswered: number | null;
  /**
   * Fewer companies than the minimum group size: the value, numerator, 不清楚, gap, verdict and companies meeting the
   * target are not published (null); n is.
   */
  withheld?: Withheld;
  /** The target's year is before the first submission of the batch: a historical reference. */
  historical?: boolean;
  /** The headline's denominator (kept for scripts written against earlier versions). */
  companiesWithValue: number;
  /** Companies of the headline population with their own enterprise value (null when withheld: with n it gives the 不清楚 count). */
  companiesWithOwnValue: number | null;
  /** Companies of the headline population (with or without a value). */
  companiesInPopulation: number;
  /** Only for indicators defined per company (a mean): companies whose own value meets the target. */
  companiesMeetingTarget?: number | null;
  shareMeetingTarget?: number | null;
  /** The same figure over all companies, 规上, 规下 and not stated, beside the headline. */
  splits: SplitFigure[];
}

export interface Figures {
  companies: number;
  /** Companies per stated level 0–5 (null when levelsWithheld). */
  levels: Record<string, number | null>;
  /** Companies with too few answers for a level: in no level and in no mean (null when levelsWithheld). */
  noLevel: number | null;
  /** Fewer companies than the minimum group size: the level counts are not published. */
  levelsWithheld?: Withheld;
  /** Mean S over the companies with a stated level (meanScoreN of them); null when there are none, or when withheld. */
  meanScore: number | null;
  /** Companies with a stated level (null only for an "other" kept to its count). */
  meanScoreN: number | null;
  /** Fewer companies with a stated level than the minimum group size: the mean score is not published. */
  meanScoreWithheld?: Withheld;
  sections: { id: string; title: Text; mean: number | null; companies: number; withheld?: Withheld }[];
  indicators: RegionalIndicator[];
}

export interface GroupFigures extends Figures {
  key: string;
  /** The group's name when its key is a code: the region the companies of a district give (most frequent first). */
  name?: string;
  /** Groups smaller than --min-group-size are merged into "other"; an "other" still too small keeps only its count. */
  merged?: string[] | number;
  suppressed?: boolean;
  /** First and last submission date (YYYY-MM-DD) of the group's companies; null when none gives a date (not on a suppressed "other"). */
  dates?: { from: string; to: string } | null;
}

