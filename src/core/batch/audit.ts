/**
 * A linear audit of one indicator's groups × sizes table (the groups' splits and the batch's): which withheld cells
 * the published ones determine. Every row adds up (all = 规上 + 规下 + not stated, for each group and the batch) and
 * every column too (the batch's figure of a population = the sum of the groups'); a cell over no company is a known
 * zero. A withheld cell is given away when the published cells fix its value, whatever the values are: that depends
 * on which cells are published only, so it is decided on the table's shape by elimination. Pure.
 */

/** One cell: over how many companies, and whether it is published (known). */
export interface AuditCell {
  n: number;
  known: boolean;
}

const EPS = 1e-9;

/**
 * The unknown cells (as [row, column] of `rows`, the last row being the batch's own) whose value the known ones
 * determine. `rows[r][0]` is the row's all-company cell, the others its parts.
 */
export function determinedCells(rows: readonly (readonly AuditCell[])[]): [number, number][] {
  const unknown: [number, number][] = [];
  const index = new Map<string, number>();
  rows.forEach((row, r) =>
    row.forEach((c, p) => {
      if (!c.known && c.n > 0) {
        index.set(`${r}:${p}`, unknown.length);
        unknown.push([r, p]);
      }
    }),
  );
  if (!unknown.length) return [];
  const eqs: number[][] = [];
  const equation = (terms: [number, number, number][]) => {
    const e = new Array<number>(unknown.length).fill(0);
    let any = false;
    for (const [r, p, coef] of terms) {
      const k = index.get(`${r}:${p}`);
      if (k !== undefined) {
        e[k] = e[k]! + coef;
        any = true;
      }
    }
    if (any) eqs.push(e);
  };
  const last = rows.length - 1;
  const width = rows[0]!.length;
  for (let r = 0; r < rows.length; r++) equation([[r, 0, 1], ...rows[r]!.slice(1).map((_, j): [number, number, number] => [r, j + 1, -1])]);
  for (let p = 0; p < width; p++) equation([[last, p, 1], ...rows.slice(0, last).map((_, r): [number, number, number] => [r, p, -1])]);
  // reduced row echelon form over the unknowns
  const pivots: number[] = [];
  let row = 0;
  for (let col = 0; col < unknown.length && row < eqs.length; col++) {
    let best = row;
    for (let i = row + 1; i < eqs.length; i++) if (Math.abs(eqs[i]![col]!) > Math.abs(eqs[best]![col]!)) best = i;
    if (Math.abs(eqs[best]![col]!) < EPS) continue;
    [eqs[row], eqs[best]] = [eqs[best]!, eqs[row]!];
    const pv = eqs[row]![col]!;
    for (let j = 0; j < unknown.length; j++) eqs[row]![j]! /= pv;
    for (let i = 0; i < eqs.length; i++) {
      if (i === row) continue;
      const f = eqs[i]![col]!;
      if (Math.abs(f) < EPS) continue;
      for (let j = 0; j < unknown.length; j++) eqs[i]![j]! -= f * eqs[row]![j]!;
    }
    pivots.push(col);
    row++;
  }
  // a variable is determined when its pivot row holds it alone
  const out: [number, number][] = [];
  pivots.forEach((col, i) => {
    const e = eqs[i]!;
    if (e.every((x, j) => j === col || Math.abs(x) < EPS)) out.push(unknown[col]!);
  });
  return out;
}
