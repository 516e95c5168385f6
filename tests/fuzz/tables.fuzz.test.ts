// Issue #11: CSV tables and XLSX workbooks (hostile cells, odd headers, formula cells, quoting, bytes flipped)
// through the batch engineer's reader (src/io/tables/table-input.ts readTableInput) and the answer pipeline:
// every row is scored or rejected with file:row:col, every table problem is located, nothing throws.
import fc from 'fast-check';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCase, tableCaseArb, type FuzzCase, type FuzzContext } from './lib/fuzz-core.mjs';
import { fuzzContext, runs, SEED, unknownFailures } from './setup.js';

let ctx: FuzzContext;
beforeAll(async () => {
  ctx = await fuzzContext();
}, 60_000);
afterAll(() => {
  if (typeof ctx?.tableDir === 'string') rmSync(ctx.tableDir, { recursive: true, force: true });
});

async function fuzz(arb: fc.Arbitrary<FuzzCase>, numRuns: number) {
  const outcomes: Record<string, number> = {};
  await fc.assert(
    fc.asyncProperty(arb, async (c) => {
      const { failures, outcome } = await runCase(ctx, c, { timeLimitMs: 10_000 });
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      expect(unknownFailures(failures)).toEqual([]);
    }),
    { seed: SEED, numRuns },
  );
  return outcomes;
}

describe('tables, fuzzed (seeded)', () => {
  it('CSV: rows scored or rejected with a location; table problems located', async () => {
    const o = await fuzz(tableCaseArb(ctx, 'csv'), runs(200));
    expect(o['csv:rows-scored'] ?? 0).toBeGreaterThan(0);
    expect(o['csv:table-rejected'] ?? 0).toBeGreaterThan(0);
  }, 120_000);

  it('XLSX (exceljs-written workbooks, some with flipped bytes)', async () => {
    const o = await fuzz(tableCaseArb(ctx, 'xlsx'), runs(30));
    expect(o['xlsx:rows-scored'] ?? 0).toBeGreaterThan(0);
  }, 120_000);
});
