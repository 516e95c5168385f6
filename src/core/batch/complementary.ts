/**
 * Complementary withholding across groups (verdict.ts `complementary`): a published total and its groups (the size
 * classes, the districts) are one sum for every figure — the level counts, the mean score, each section's mean, each
 * indicator — so a group withheld as too small is given away by the total minus the groups published beside it.
 * For each figure, other groups' values are withheld with it, the smallest first, until the withheld ones are over
 * at least the minimum group size together.
 */
import { determinedCells, type AuditCell } from './audit.js';
import { complementary, type Withheld } from './verdict.js';
import { headlineSplit, OTHER_GROUP, SPLITS, splitsToWithhold, withheldSplit, type Figures, type GroupFigures, type RegionalIndicator, type Split, type SplitFigure } from './figures.js';

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
  /** Group keys in the order they are given up (the least wanted first); the others by size. */
  preference: readonly string[] = [],
): GroupFigures[] {
  const out = groups.map((g) => ({ ...g, sections: [...g.sections], indicators: [...g.indicators] }));
  const order = preference.map((key) => out.findIndex((g) => g.key === key)).filter((k) => k >= 0);
  // A total that is not published gives nothing away: the groups beside it stay as they are.
  const withhold = (totalWithheld: boolean, sizes: number[], held: boolean[], apply: (k: number) => void) => {
    if (totalWithheld) return;
    for (const k of complementary(sizes, held, minGroupSize, undefined, order).parts) apply(k);
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
      // the mean score's n with them: beside the companies it gives the 未定级 count back
      out[k] = { ...g, levels: Object.fromEntries(Object.keys(g.levels).map((l) => [l, null])), noLevel: null, levelsWithheld: WHY, meanScore: null, meanScoreN: null, meanScoreWithheld: g.meanScoreWithheld ?? WHY };
    },
  );
  withhold(
    total.meanScoreWithheld !== undefined,
    // a mean score withheld with its n counts as over one company at least (its n is not known here)
    out.map((g) => g.meanScoreN ?? (g.meanScoreWithheld !== undefined ? 1 : 0)),
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
    if (!asOne) {
      protectSplits(out, total, minGroupSize, i);
      continue;
    }
    const decided = indicatorWithheld ? out.map((g) => indicatorWithheld(g.key, i)) : [];
    if (decided.length && decided.every((d) => d !== undefined)) {
      out.forEach((g, k) => {
        const ind = g.indicators[i];
        if (ind && decided[k] && ind.withheld === undefined) g.indicators[i] = withheldIndicator(ind);
      });
      // an "other" of merged classes is no split of the total: it can still give a withheld class away beside it
      if (!out.some((g) => g.key === OTHER_GROUP)) continue;
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
 * The most cells of a groups × sizes table audited one by one (the elimination grows with the cube of the groups);
 * a bigger table with a small cell has its groups' figures of that indicator withheld whole.
 */
const MAX_AUDITED = 400;

/**
 * One indicator over groups that each split it by size: every population's figure across the groups (against the
 * total's figure of that population, when it is published), and within each group its parts against its all-company
 * figure (the headline's population kept), again until nothing more is withheld — a figure withheld for one of the
 * two sums can open the other. The groups' headlines then follow their splits.
 */
function protectSplits(out: GroupFigures[], total: Figures, min: number, i: number): void {
  const split = (g: GroupFigures, p: Split) => g.indicators[i]?.splits.find((x) => x.population === p);
  const headlineOf = (g: GroupFigures) => headlineSplit(g.indicators[i]?.regionalPopulation ?? 'all');
  const withhold = (g: GroupFigures, p: Split) => {
    const ind = g.indicators[i]!;
    g.indicators[i] = { ...ind, splits: ind.splits.map((x) => (x.population === p && x.withheld === undefined ? withheldSplit(x, WHY) : x)) };
  };
  // Groups × sizes is a two-way table: a cell withheld for its column can be given back by its row and the other way
  // round, in ways no withholding cell by cell can rule out. So once any cell of it is too small, the groups show
  // their headline only (their other splits withheld), and the table is audited as a whole (auditSplits).
  const small = out.some((g) => g.indicators[i]?.splits.some((x) => x.withheld === 'small-group'));
  if (small) for (const g of out) for (const p of SPLITS) if (g.indicators[i] && p !== headlineOf(g) && split(g, p)?.denominator) withhold(g, p);
  for (let round = 0; round < 64; round++) {
    let changed = false;
    for (const p of SPLITS) {
      const whole = total.indicators[i]?.splits.find((x) => x.population === p);
      if (!whole || whole.withheld !== undefined) continue;
      const cells = out.map((g) => split(g, p));
      for (const k of complementary(
        cells.map((x) => x?.denominator ?? 0),
        cells.map((x) => x?.withheld !== undefined),
        min,
      ).parts) {
        withhold(out[k]!, p);
        changed = true;
      }
    }
    for (const g of out) {
      const ind = g.indicators[i];
      if (!ind?.splits.length) continue;
      for (const p of splitsToWithhold(ind.splits, headlineOf(g), min)) {
        if (split(g, p)?.withheld !== undefined) continue;
        withhold(g, p);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const totalRow = total.indicators[i]?.splits;
  if (totalRow?.length && small) auditSplits(out, totalRow, min, split, headlineOf, withhold);
  for (const g of out) {
    const ind = g.indicators[i];
    if (!ind || ind.withheld !== undefined) continue;
    if (split(g, headlineOf(g))?.withheld !== undefined) g.indicators[i] = { ...withheldIndicator(ind), splits: ind.splits };
  }
}

/**
 * The table as a whole: while a small cell is fixed by the published ones (through a row and a column, or a cell
 * over no company), one more published group cell is withheld — of the fixed cell's row or column, the one that
 * leaves fewest fixed (headlines last); when none helps on its own (two groups beside a published batch row need
 * both headlines), the smallest of all. Each round withholds one more cell, so this ends. A table too big to audit,
 * or one the audit cannot clear, has its groups' figures of the indicator withheld whole (their n stay).
 */
function auditSplits(
  out: GroupFigures[],
  totalRow: readonly SplitFigure[],
  min: number,
  split: (g: GroupFigures, p: Split) => SplitFigure | undefined,
  headlineOf: (g: GroupFigures) => Split,
  withhold: (g: GroupFigures, p: Split) => void,
): void {
  const withholdAll = () => {
    for (const g of out) for (const p of SPLITS) if (!g.suppressed && split(g, p)?.denominator) withhold(g, p);
  };
  if (out.length * SPLITS.length > MAX_AUDITED) return withholdAll();
  const cell = (x: SplitFigure | undefined, shown: boolean): AuditCell => ({ n: x?.denominator ?? 0, known: shown && x?.withheld === undefined });
  const fixedSmall = (t: AuditCell[][]) => determinedCells(t).filter(([r, c]) => t[r]![c]!.n < min);
  for (let round = 0; round < 4 * MAX_AUDITED; round++) {
    const rows = out.map((g) => SPLITS.map((p) => cell(split(g, p), !g.suppressed)));
    rows.push(SPLITS.map((p) => cell(totalRow.find((x) => x.population === p), true)));
    const fixed = fixedSmall(rows);
    if (!fixed.length) return;
    const published: [number, number][] = [];
    for (let k = 0; k < out.length; k++) for (let q = 0; q < SPLITS.length; q++) if (rows[k]![q]!.known && rows[k]![q]!.n > 0) published.push([k, q]);
    const headline = ([k, q]: [number, number]) => Number(SPLITS[q] === headlineOf(out[k]!));
    const order = (a: [number, number], b: [number, number]) => headline(a) - headline(b) || rows[a[0]]![a[1]]!.n - rows[b[0]]![b[1]]!.n;
    const [r, c] = fixed[0]!;
    let best: [number, number] | undefined;
    let left = fixed.length;
    for (const [k, q] of published.filter(([k, q]) => k === r || q === c).sort(order)) {
      rows[k]![q]!.known = false;
      const now = fixedSmall(rows).length;
      rows[k]![q]!.known = true;
      if (now < left) [best, left] = [[k, q], now];
      if (left === 0) break;
    }
    best ??= published.sort(order)[0];
    if (!best) break;
    withhold(out[best[0]]!, SPLITS[best[1]]!);
  }
  withholdAll();
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
    unanswered: null,
    companiesWithOwnValue: null,
    withheld: WHY,
    splits: i.splits.map((s) => (s.withheld !== undefined ? s : withheldSplit(s, WHY))),
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
