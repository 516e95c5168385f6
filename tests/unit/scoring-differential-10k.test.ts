// The compiled scoring plan (src/core/scoring.ts) against the plain reference implementation
// (tests/helpers/reference-scoring.ts) on 10,000 generated plants: three scoring profiles × three industry types.
// A separate file (it takes a few seconds): the quick loop runs the 900-plant variant in scoring-tree.test.ts; this
// one runs in every `npm test`.
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../src/core/profile';
import { scoreMaturity } from '../../src/core/scoring';
import { flatAverageProfile, profile, profileWith, questionnaire } from '../helpers/defs';
import { randomAnswers } from '../helpers/random-answers';
import { referenceScore } from '../helpers/reference-scoring';

const PLANTS = 10_000;

describe(`differential on ${PLANTS.toLocaleString('en')} generated plants: compiled plan against the reference`, () => {
  const q = questionnaire('questionnaires/smart-manufacturing.yaml');
  const profiles: Profile[] = [profile(), flatAverageProfile(), profileWith({ factorWeights: '{discrete: {manufacturing: 5, resources: 2}, process: {technology: 3}}', domainWeights: '{discrete: {production: 4}, process: {design: 0.5}}' })];
  const industries = ['discrete', 'process', 'mixed'] as const;

  it('the same level, S, L1–L5 and sub-domain scores for every plant', () => {
    const mismatches: string[] = [];
    const levels = new Set<number>();
    for (let i = 0; i < PLANTS; i++) {
      const p = profiles[i % profiles.length]!;
      const industry = industries[Math.floor(i / profiles.length) % industries.length]!;
      const a = randomAnswers(q, 1_000_003 + i * 7919, industry);
      const got = scoreMaturity(q, a, p);
      const want = referenceScore(q, a, p);
      levels.add(got.maturity.level);
      // The two add in different orders, so figures agree to rounding error (a 4-decimal tie may round either way).
      const close = (x: number | null, y: number | null | undefined, eps: number) => (x === null ? (y ?? null) === null : y !== null && y !== undefined && Math.abs(x - y) < eps);
      const same =
        got.maturity.level === want.level &&
        close(got.maturity.score, want.score, 1e-9) &&
        got.maturity.levelScores.every((v, n) => close(v, want.levelScores[n], 1e-12)) &&
        got.subdomains.every((s) => s.raw.every((v, n) => close(v, want.subdomains[s.id]?.[n], 1e-12))) &&
        Object.keys(want.subdomains).every((id) => want.subdomains[id]!.every((w) => w === null) || got.subdomains.some((s) => s.id === id));
      if (!same) mismatches.push(`plant ${i} (${industry}, profile ${i % profiles.length}): level ${got.maturity.level} vs ${want.level}, S ${got.maturity.score} vs ${want.score}`);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    // the plants spread over the levels (a differential over level-0 plants only would prove little)
    expect(levels.size).toBeGreaterThanOrEqual(4);
  });
});
