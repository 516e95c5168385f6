// The groups × sizes audit (src/core/batch/audit.ts): which withheld cells the published ones fix.
import { describe, expect, it } from 'vitest';
import { determinedCells, type AuditCell } from '../../src/core/batch/audit';

const K = (n: number, known: boolean): AuditCell => ({ n, known });

describe('determinedCells', () => {
  it('a cell alone unknown in its row is fixed; two unknown in every row and column are not', () => {
    // one group + the batch: all = above + below + not stated
    expect(determinedCells([[K(10, true), K(7, false), K(3, true), K(0, true)], [K(10, true), K(7, true), K(3, true), K(0, true)]])).toEqual([[0, 1]]);
    // a rectangle of unknowns (rows 0 and 1, columns above and below): nothing is fixed
    const rect = [
      [K(10, true), K(5, false), K(5, false), K(0, true)],
      [K(10, true), K(5, false), K(5, false), K(0, true)],
      [K(20, true), K(10, true), K(10, true), K(0, true)],
    ];
    expect(determinedCells(rect)).toEqual([]);
  });

  it('a cell over no company is a known zero: it can fix its row and column', () => {
    // other's 规下 cell is empty, so 410101's 规下 = the batch's, its 规上 = its all − that, and other's 规上 the rest
    const t = (headlines: boolean) => [
      [K(10, headlines), K(5, false), K(5, false), K(0, true)],
      [K(7, headlines), K(2, false), K(0, true), K(5, false)],
      [K(17, true), K(7, true), K(5, true), K(5, true)],
    ];
    expect(determinedCells(t(true))).toContainEqual([1, 1]);
    // with both groups' headlines withheld as well, other's 规上 cell over 2 companies is no longer fixed
    expect(determinedCells(t(false))).not.toContainEqual([1, 1]);
  });
});
