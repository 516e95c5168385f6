import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isScoredQuestion } from '../../src/core/answers';
import { levelFor, scoreMaturity } from '../../src/core/scoring';
import type { Question } from '../../src/core/types';
import { mustAnswers, profile, questionnaire } from '../helpers/defs';

const q = questionnaire('questionnaires/smart-manufacturing.yaml');
const p = profile();
const SAT = ['none', 'partial', 'mostly', 'full'];

/** A random answer for a question that affects maturity or visibility (facts stay unanswered: they do not score). */
function answerArb(question: Question): fc.Arbitrary<unknown> {
  const common: unknown[] = [null, 'unknown', ...(question.allowNA ? ['n/a'] : [])];
  switch (question.type) {
    case 'level':
      return fc.constantFrom(...common, ...(question.options ?? []).map((o) => o.value));
    case 'requirement':
      return fc.constantFrom(...common, ...SAT);
    case 'boolean':
      return fc.constantFrom(...common, true, false);
    case 'single':
      return fc.constantFrom(null, ...(question.options ?? []).map((o) => o.value));
    default:
      return fc.constant(null);
  }
}
const answersArb = fc.record(Object.fromEntries(q.questions.map((x) => [x.id, answerArb(x)]))) as fc.Arbitrary<Record<string, unknown>>;
const industryArb = fc.constantFrom('discrete', 'process', 'mixed');
const run = (answers: Record<string, unknown>, industry: string) =>
  scoreMaturity(q, mustAnswers(q, { questionnaire: q.def.id, version: q.def.version, respondent: { company: 'P', industry }, answers }), p);

/** The next stronger answer of a scored question, or undefined when it cannot be raised. */
function raise(question: Question, value: unknown): unknown {
  if (value === 'n/a') return undefined;
  if (question.type === 'level') {
    const opts = [...(question.options ?? [])].sort((a, b) => a.level! - b.level!);
    const i = opts.findIndex((o) => o.value === value);
    return opts[i + 1]?.value; // unanswered/unknown (i = -1) → level 0 option
  }
  if (question.type === 'requirement') return SAT[SAT.indexOf(String(value)) + 1];
  if (question.type === 'boolean') return value === true ? undefined : true;
  return undefined;
}

describe('scoring invariants (property tests over the bundled questionnaire)', () => {
  it('S is within [0, 5] and the level always matches the band of S; section scores too', () => {
    fc.assert(
      fc.property(answersArb, industryArb, (answers, industry) => {
        const r = run(answers, industry);
        expect(r.maturity.score).toBeGreaterThanOrEqual(0);
        expect(r.maturity.score).toBeLessThanOrEqual(5);
        expect(r.maturity.level).toBe(levelFor(r.maturity.score, p.def.bands));
        for (const s of [...r.sections, ...r.subdomains]) {
          expect(Number.isFinite(s.score)).toBe(true);
          expect(s.score).toBeGreaterThanOrEqual(0);
          expect(s.score).toBeLessThanOrEqual(5);
          expect(s.level).toBe(levelFor(s.score, p.def.bands));
        }
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  const scored = q.questions.filter(isScoredQuestion);
  it('raising any single answer never lowers S or any section score', () => {
    fc.assert(
      fc.property(answersArb, industryArb, fc.nat(scored.length - 1), (answers, industry, pick) => {
        const question = scored[pick]!;
        const up = raise(question, answers[question.id]);
        fc.pre(up !== undefined);
        const before = run(answers, industry);
        const after = run({ ...answers, [question.id]: up }, industry);
        expect(after.maturity.score).toBeGreaterThanOrEqual(before.maturity.score - 1e-12);
        after.sections.forEach((s, i) => expect(s.score).toBeGreaterThanOrEqual(before.sections[i]!.score - 1e-12));
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
