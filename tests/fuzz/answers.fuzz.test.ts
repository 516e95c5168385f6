// Issue #11: mutated answer files (structure, values, text and bytes) end in a valid result or located
// diagnostics; scores stay finite and in range; internal notes never reach a report; nothing pollutes prototypes.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerCaseArb, definitionCaseArb, runCase, templateCaseArb, type FuzzCase, type FuzzContext } from './lib/fuzz-core.mjs';
import { fuzzContext, runs, SEED, unknownFailures } from './setup.js';

let ctx: FuzzContext;
beforeAll(async () => {
  ctx = await fuzzContext();
}, 60_000);

/** Run a seeded property and also record how cases ended, so that a fuzzer that only hits the parser shows. */
async function fuzz(arb: fc.Arbitrary<FuzzCase>, numRuns: number, seed = SEED) {
  const outcomes: Record<string, number> = {};
  await fc.assert(
    fc.asyncProperty(arb, async (c) => {
      const { failures, outcome } = await runCase(ctx, c, { timeLimitMs: 5000 });
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      expect(unknownFailures(failures)).toEqual([]);
    }),
    { seed, numRuns },
  );
  return outcomes;
}
const sum = (o: Record<string, number>, re: RegExp) => Object.entries(o).reduce((a, [k, v]) => a + (re.test(k) ? v : 0), 0);

describe('answer files, fuzzed (seeded)', () => {
  it('mutated examples and minimal files: result or located diagnostics, never an exception', async () => {
    const n = runs(300);
    const outcomes = await fuzz(answerCaseArb(ctx), n);
    // The run must reach every stage: parser refusals, shape refusals, answer refusals, scores and reports.
    expect(sum(outcomes, /rejected-parse/)).toBeGreaterThan(n * 0.03);
    expect(sum(outcomes, /rejected-shape/)).toBeGreaterThan(n * 0.05);
    expect(sum(outcomes, /rejected-answers/)).toBeGreaterThan(n * 0.02);
    expect(sum(outcomes, /scored|reported/)).toBeGreaterThan(n * 0.15);
    expect(sum(outcomes, /reported-md/)).toBeGreaterThan(0);
  }, 120_000);

  it('a second seed, to keep the two runs honest', async () => {
    await fuzz(answerCaseArb(ctx), runs(100), SEED + 1);
  }, 120_000);
});

describe('definition files, fuzzed (seeded)', () => {
  it('mutated bundled questionnaire/targets/profile/model/rules/readiness: diagnostics or a working definition', async () => {
    const n = runs(100);
    const outcomes = await fuzz(definitionCaseArb(ctx), n);
    expect(sum(outcomes, /-rejected$/)).toBeGreaterThan(n * 0.3);
    expect(sum(outcomes, /-accepted-scored$/)).toBeGreaterThan(0);
  }, 120_000);
});

describe('report templates, fuzzed (seeded)', () => {
  it('random templates render or are refused with a located TemplateError; no prototype value is rendered', async () => {
    const outcomes = await fuzz(templateCaseArb(), runs(100));
    expect(sum(outcomes, /rendered/)).toBeGreaterThan(0);
  }, 120_000);
});
