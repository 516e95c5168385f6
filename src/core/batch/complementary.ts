/**
 * Complementary withholding across groups (verdict.ts `complementary`): a published total and its groups (the size
 * classes, the districts) are one sum for every figure — the level counts, the mean score, each section's mean, each
 * indicator — so a group withheld as too small is given away by the total minus the groups published beside it.
 * For each figure, other groups' values are withheld with it, the smallest first, until the withheld ones are over
 * at least the minimum group size together.
 */
import { complementary, type Withheld } from './verdict.js';
import type { Figures, GroupFigures, RegionalIndicator } from './figures.js';

const WHY: Withheld = 'complementary';

/**
 * The groups with every figure that would give a withheld one away withheld too. `indicatorWithheld`, when given,
 * decides an indicator of a group instead (the size classes follow the total's own 规上 / 规下 splits, so that the two
 * tables withhold the same figures).
 */
export function protectGroups(
  groups: GroupFigures[],
  minGroupSize: number,
  total: Figures,
  /** The groups' indicators are over all their companies (the size classes), the total's over its `all` split. */
  asOne: boolean,
  indicatorWithheld?: (key: string, indicator: number) => boolean | undefined,
): GroupFigures[] {
  const out = groups.map((g) => ({ ...g, sections: [...g.sections], indicators: [...g.indicators] }));
  // A total that is not published gives nothing away: the groups beside it stay as they are.
  const withhold = (totalWithheld: boolean, sizes: number[], held: boolean[], apply: (k: number) => void) => {
    if (totalWithheld) return;
    for (const k of complementary(sizes, held, minGroupSize).parts) apply(k);
  };
  const totalIndicatorWithheld = (i: number) => {
    const ind = total.indicators[i];
    const figure = asOne ? ind?.splits.find((x) => x.population === 'all') : ind;
    return figure === undefined || figure.withheld !== undefined;
  };
  withhold(
    total.levelsWithheld !== undefined,
    out.map((g) => g.companies),
    out.map((g) => g.levelsWithheld !== undefined),
    (k) => {
      const g = out[k]!;
      out[k] = { ...g, levels: Object.fromEntries(Object.keys(g.levels).map((l) => [l, null])), noLevel: null, levelsWithheld: WHY };
    },
  );
  withhold(
    total.meanScoreWithheld !== undefined,
    out.map((g) => g.meanScoreN),
    out.map((g) => g.meanScoreWithheld !== undefined),
    (k) => {
      out[k] = { ...out[k]!, meanScore: null, meanScoreWithheld: WHY };
    },
  );
  const nSections = Math.max(0, ...out.map((g) => g.sections.length));
  for (let j = 0; j < nSections; j++) {
    withhold(
      total.sections[j]?.withheld !== undefined,
      out.map((g) => g.sections[j]?.companies ?? 0),
      out.map((g) => g.sections[j]?.withheld !== undefined),
      (k) => {
        const s = out[k]!.sections[j]!;
        out[k]!.sections[j] = { ...s, mean: null, withheld: WHY };
      },
    );
  }
  const nIndicators = Math.max(0, ...out.map((g) => g.indicators.length));
  for (let i = 0; i < nIndicators; i++) {
    const decided = indicatorWithheld ? out.map((g) => indicatorWithheld(g.key, i)) : [];
    if (decided.length && decided.every((d) => d !== undefined)) {
      out.forEach((g, k) => {
        const ind = g.indicators[i];
        if (ind && decided[k] && ind.withheld === undefined) g.indicators[i] = withheldIndicator(ind);
      });
      continue;
    }
    withhold(
      totalIndicatorWithheld(i),
      out.map((g) => g.indicators[i]?.denominator ?? 0),
      out.map((g) => g.indicators[i]?.withheld !== undefined),
      (k) => {
        out[k]!.indicators[i] = withheldIndicator(out[k]!.indicators[i]!);
      },
    );
  }
  return out;
}

/**
 * An indicator's figure without what a withheld one leaves out (its n and counts of companies stay), and its splits
 * with it: the headline is one of them, and the others would add up to it.
 */
function withheldIndicator(i: RegionalIndicator): RegionalIndicator {
  return {
    ...i,
    value: null,
    numerator: null,
    unknown: null,
    withheld: WHY,
    splits: i.splits.map((s) => (s.withheld !== undefined ? s : { ...s, value: null, numerator: null, unknown: null, withheld: WHY })),
    ...(i.met !== undefined ? { met: null } : {}),
    ...(i.gap !== undefined ? { gap: null } : {}),
    ...(i.companiesMeetingTarget !== undefined ? { companiesMeetingTarget: null } : {}),
    ...(i.shareMeetingTarget !== undefined ? { shareMeetingTarget: null } : {}),
  };
}

/** Whether the total's figure of an indicator over one split (规上, 规下, not stated) is withheld. */
export function splitWithheld(total: Figures, indicator: number, population: string): boolean | undefined {
  const split = total.indicators[indicator]?.splits.find((s) => s.population === population);
  return split ? split.withheld !== undefined : undefined;
}
