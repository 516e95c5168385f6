import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Definitions } from '../../src/io/definitions';
import { resolveAnswers } from '../../src/core/answers';
import { scoreMaturity } from '../../src/core/scoring';
import { srcOf } from '../helpers/defs';

const FIX = path.resolve(__dirname, '..', 'fixtures');

describe('another model version as data (no TypeScript change)', () => {
  it('scores the same answers under the 2024-draft-style fixture: new sub-domains, weights and a question mapping', async () => {
    const defs = new Definitions();
    const q = await defs.questionnaire(path.join(FIX, 'scoring', 'small.yaml'));
    const draft = await defs.profile(path.join(FIX, 'model-2024', 'draft-profile.yaml'));
    const current = await defs.profile();
    const file = { questionnaire: 'small', version: '2', respondent: { company: 'T', industry: 'discrete' }, answers: { pd_level: 'l3', r2: 'mostly', eq_level: 'l1', has_x: false, na_req: 'n/a' } };
    const a = resolveAnswers(q, srcOf(file)).answers!;
    const r = scoreMaturity(q, a, draft);
    expect(r.subdomains.map((s) => [s.id, s.weight])).toEqual([
      ['equipment-and-lines', 35],
      ['product-innovation', 50],
    ]);
    // equipment-and-lines at L1: eq_level 1 → 1, new_req (v2, unanswered) → 0 → 0.5; product-innovation L1 = 1
    // L1 = (35 × 0.5 + 50 × 1) / 85 = 0.79412 < 0.8 → S = 0.7941, not yet level 1
    expect(r.maturity.levelScores[0]).toBeCloseTo(67.5 / 85, 9);
    expect(r.maturity.level).toBe(0);
    // questions whose sub-domain the draft model does not have are listed, not silently dropped
    expect(r.excluded.filter((e) => e.reason === 'not-in-model').map((e) => e.id)).toEqual(['has_x', 'fx']);
    // the same file under the bundled 2020 profile
    const r2020 = scoreMaturity(q, a, current);
    expect(r2020.subdomains.map((s) => s.id)).toEqual(['equipment', 'product-design', 'production-operations']);
    // 2020 (tree, requirements decide): equipment's only level-1 requirement, new_req, is unanswered → 0 (its
    // self-rating does not stand in); product-design has no level-1 requirement → its self-rating 1. Along the tree:
    // resources (equipment 0) and manufacturing (design 1) → L1 = (0 + 1) / 2 = 0.5 → not yet level 1 either.
    expect(r2020.maturity.levelScores[0]).toBeCloseTo(0.5, 9);
    expect(r2020.maturity.level).toBe(0);
  });
});
