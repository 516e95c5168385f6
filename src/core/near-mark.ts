/**
 * Figures shown beside a mark they may miss (a pass mark, the next level's lower edge), as the report and the score
 * command print them: one rule for both, and light enough for the score command's start-up. Pure.
 */
const fixed2 = (x: number) => x.toFixed(2);
/**
 * A value below a limit it has not reached, to two decimals, never shown at the limit: 0.7996 below a pass mark of 0.8
 * reads 0.79, not 0.80, which would contradict the level it fails.
 */
export const fixed2Below = (x: number, limit: number): string => (x < limit ? Math.min(Math.round(x * 100) / 100, Math.round(limit * 100) / 100 - 0.01) : x).toFixed(2);
/** A score S as shown beside its level: below the lower edge of the next band it never rounds up to that edge (fixed2Below). */
export const scoreText = (score: number, bands: readonly { min: number }[]): string => {
  const next = bands.find((b) => b.min > score);
  return next ? fixed2Below(score, next.min) : fixed2(score);
};
/** A distance still to go, to two decimals: never 0.00 while there is one. */
export const gapAbove = (x: number): string => (x > 0 ? Math.max(Math.round(x * 100) / 100, 0.01) : x).toFixed(2);
