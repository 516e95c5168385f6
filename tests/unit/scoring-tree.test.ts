import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeVisibility, type Answers } from '../../src/core/answers';
import { compileModel } from '../../src/core/model';
import { compileProfile, type Profile } from '../../src/core/profile';
import { buildResult } from '../../src/core/result';
import { scoreMaturity, sensitivity } from '../../src/core/scoring';
import { flatAverageProfile, model, mustAnswers, profile, profileWith, questionnaire, src, targets } from '../helpers/defs';
import { referenceScore } from '../helpers/reference-scoring';
import { randomAnswers } from '../helpers/random-answers';
import type { Question } from '../../src/core/types';

const small = questionnaire('tests/fixtures/scoring/small.yaml');
const file = (answers: Record<string, unknown>) => ({ questionnaire: 'small', version: '2', respondent: { company: 'T', industry: 'discrete' }, answers });

describe('aggregation along the model tree (hand-computed)', () => {
  it('unequal weights at each tier, and a domain without requirements at a level', () => {
    // Requirements decide where there are any; weights: product-design 3 (in domain design of factor manufacturing),
    // equipment 1 (resources), production-operations 1; factor weights manufacturing 3, resources 1.
    const p = profileWith({
      weights: '{discrete: {product-design: 3, equipment: 1, production-operations: 1}}',
      factorWeights: '{discrete: {manufacturing: 3, resources: 1}}',
    });
    const a = mustAnswers(small, file({ pd_level: 'l3', r2: 'mostly', eq_level: 'l1', has_x: true, fx: 'partial', na_req: 'full', new_req: 'full' }));
    const r = scoreMaturity(small, a, p);
    // product-design: L1 self 1, L2 r2 0.8 (requirements decide), L3 self 1, L4 0, L5 0
    // equipment: L1 new_req 1, L2 na_req 1, L3–L5 self-rating 1 → 0,0,0
    // production-operations: only L3 (has_x 1, fx 0.5 → 0.75): no requirement at L1, L2, L4, L5
    // manufacturing at L1: domain design (product-design 1) only → 1; domain production has nothing at L1
    // L1 = (3 × 1 + 1 × 1) / 4 = 1
    // L2 = (3 × 0.8 + 1 × 1) / 4 = 0.85
    // L3: manufacturing = (design 1 × w 1 + production 0.75 × w 1) / 2 = 0.875 (domains weigh the same);
    //     L3 = (3 × 0.875 + 1 × 0) / 4 = 0.65625
    expect(r.maturity.levelScores[0]).toBeCloseTo(1, 12);
    expect(r.maturity.levelScores[1]).toBeCloseTo(0.85, 12);
    expect(r.maturity.levelScores[2]).toBeCloseTo(0.65625, 12);
    expect(r.maturity.score).toBeCloseTo(1 + 0.85 + 0.65625, 9);
    expect(r.maturity.level).toBe(2);
    const po = r.subdomains.find((s) => s.id === 'production-operations')!;
    expect(po.raw).toEqual([null, null, 0.75, null, null]);
    // Contributions add up to L_n.
    for (let n = 0; n < 5; n++) expect(r.subdomains.reduce((sum, s) => sum + (s.contributions[n] ?? 0), 0)).toBeCloseTo(r.maturity.levelScores[n]!, 12);
  });

  it('a self-rating more than one level away from the requirements is reported', () => {
    const a = mustAnswers(small, file({ pd_level: 'l5', r2: 'none', eq_level: 'l1', na_req: 'full', new_req: 'full' }));
    const r = buildResult(small, a, profile(), targets());
    // product-design: self-rating 5, requirements alone: L2 r2 = 0 → level 1 (L1 filled as passed) → 5 vs 1
    expect(r.disagreements).toEqual([expect.objectContaining({ subdomain: 'product-design', selfRating: 5, requirementsLevel: 1 })]);
  });
});

/** A model with one sub-domain per domain and one domain per factor, and random weights per sub-domain. */
function chainModel(ids: string[]) {
  const text = [
    'kind: model',
    'id: chain',
    'version: test',
    'title: {zh: 链, en: Chain}',
    'levels:',
    ...[1, 2, 3, 4, 5].map((l) => `  - {level: ${l}, name: {zh: L${l}, en: L${l}}, meaning: {zh: m, en: m}}`),
    'factors:',
    ...ids.flatMap((id) => [`  - id: f-${id}`, `    name: {zh: ${id}, en: ${id}}`, `    domains:`, `      - id: d-${id}`, `        name: {zh: ${id}, en: ${id}}`, `        subdomains: [{id: ${id}, name: {zh: ${id}, en: ${id}}}]`]),
  ].join('\n');
  return compileModel(src(text)).model!;
}

describe('tree and flat agree where the tree is a chain', () => {
  const m = model();
  const ids = m.subdomains.map((s) => s.id);
  const chain = chainModel(ids);
  const base = (aggregation: 'tree' | 'flat', weights: Record<string, number>, factorWeights?: Record<string, number>) =>
    compileProfile(
      src(
        [
          'kind: scoring-profile',
          'id: chain',
          'title: {zh: 链, en: Chain}',
          'model: chain',
          'verified: false',
          'source: test',
          'satisfaction: {full: 1, mostly: 0.8, partial: 0.5, none: 0}',
          'passThreshold: 0.8',
          'accumulation: stop-after-first-below',
          'bands: [{level: 1, min: 0.8}, {level: 2, min: 1.8}, {level: 3, min: 2.8}, {level: 4, min: 3.8}, {level: 5, min: 4.8}]',
          `aggregation: ${aggregation}`,
          `weights: {discrete: ${JSON.stringify(weights)}}`,
          ...(factorWeights ? [`factorWeights: {discrete: ${JSON.stringify(factorWeights)}}`] : []),
          'tiers: []',
        ].join('\n'),
      ),
      chain,
    ).profile!;
  const q = questionnaire('questionnaires/smart-manufacturing.yaml');

  it('a model with one sub-domain per domain and one domain per factor gives the flat result (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: ids.length, maxLength: ids.length }), fc.integer({ min: 0, max: 2 ** 31 }), (ws, seed) => {
        const weights = Object.fromEntries(ids.map((id, i) => [id, ws[i]!]));
        // In the tree the weight sits at the top tier (the factor); sub-domain weights within a single-member parent do not matter.
        const tree = base('tree', Object.fromEntries(ids.map((id) => [id, 1])), Object.fromEntries(ids.map((id, i) => [`f-${id}`, ws[i]!])));
        const flat = base('flat', weights);
        const answers = randomAnswers(q, seed, 'discrete');
        const a = scoreMaturity(q, answers, tree).maturity;
        const b = scoreMaturity(q, answers, flat).maturity;
        a.levelScores.forEach((x, i) => expect(x).toBeCloseTo(b.levelScores[i]!, 12));
        expect(a.score).toBeCloseTo(b.score, 9);
        expect(a.level).toBe(b.level);
      }),
      { numRuns: 60, seed: 20261204 },
    );
  });
});

describe('differential: the compiled plan against the plain reference implementation', () => {
  const q = questionnaire('questionnaires/smart-manufacturing.yaml');
  const profiles: [string, Profile][] = [
    ['tree, requirements decide', profile()],
    ['flat, self-ratings averaged', flatAverageProfile()],
    ['tree with unequal weights', profileWith({ factorWeights: '{discrete: {manufacturing: 5, resources: 2}, process: {technology: 3}}', domainWeights: '{discrete: {production: 4}, process: {design: 0.5}}' })],
  ];
  it.each(profiles)('%s: 300 random plants per industry type give the same L1–L5, S and level', (_name, p) => {
    for (const industry of ['discrete', 'process', 'mixed'] as const) {
      for (let seed = 1; seed <= 100; seed++) {
        const a = randomAnswers(q, seed * 7919 + industry.length, industry);
        const got = scoreMaturity(q, a, p);
        const want = referenceScore(q, a, p);
        got.maturity.levelScores.forEach((v, i) => expect(v).toBeCloseTo(want.levelScores[i]!, 12));
        expect(got.maturity.score).toBeCloseTo(want.score, 9);
        expect(got.maturity.level).toBe(want.level);
        for (const s of got.subdomains) s.raw.forEach((v, i) => (v === null ? expect(want.subdomains[s.id]?.[i] ?? null).toBeNull() : expect(v).toBeCloseTo(want.subdomains[s.id]![i]!, 12)));
      }
    }
  });
});

describe('sensitivity: the single answers whose one-step change moves the level', () => {
  const q = questionnaire('questionnaires/smart-manufacturing.yaml');
  const p = profile();
  it('every listed change, applied to the answers and scored again, gives the stated level (random plants)', () => {
    let listed = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const a = randomAnswers(q, seed * 104729, seed % 2 ? 'discrete' : 'process');
      const base = scoreMaturity(q, a, p).maturity.level;
      for (const s of sensitivity(q, a, p)) {
        listed++;
        const resolved = new Map(a.resolved);
        resolved.set(s.question, { status: 'answered', value: s.to });
        const changed: Answers = { file: a.file, resolved, visibility: computeVisibility(q, a.file, resolved) };
        const m = scoreMaturity(q, changed, p).maturity;
        expect(m.level, `${s.question}: ${String(s.from)} → ${String(s.to)}`).toBe(s.level);
        expect(m.level).not.toBe(base);
        expect(m.score).toBeCloseTo(s.score, 9);
      }
    }
    expect(listed).toBeGreaterThan(0);
  });
});



describe('sensitivity lists every one-step change that moves the level (reference: score each change in full)', () => {
  const q = questionnaire('questionnaires/smart-manufacturing.yaml');
  const p = profile();
  const STEPS = ['none', 'partial', 'mostly', 'full'];
  /** The answers one step from the current one, as the method defines them (written again here, independently). */
  const neighbours = (question: Question, value: unknown): unknown[] => {
    if (question.type === 'boolean') return [value !== true];
    if (question.type === 'requirement') {
      const i = value === null || value === undefined ? 0 : STEPS.indexOf(String(value));
      return [STEPS[i + 1], value === null || value === undefined ? undefined : STEPS[i - 1]].filter((x) => x !== undefined);
    }
    if (question.type === 'level') {
      const level = value === null || value === undefined ? 0 : (question.options?.find((o) => o.value === value)?.level ?? 0);
      const at = (l: number) => question.options?.find((o) => o.level === l)?.value;
      return [at(level + 1), value === null || value === undefined ? undefined : at(level - 1)].filter((x) => x !== undefined);
    }
    return [];
  };
  it('12 random plants, every scored answer the plant sees, each step up and down', () => {
    let moved = 0;
    let tried = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const a = randomAnswers(q, seed * 7877, seed % 3 === 0 ? 'process' : seed % 3 === 1 ? 'discrete' : 'mixed');
      const base = scoreMaturity(q, a, p).maturity.level;
      const listed = new Set(sensitivity(q, a, p).map((s) => `${s.question}→${String(s.to)}`));
      const want = new Set<string>();
      for (const question of q.questions) {
        if (!['boolean', 'requirement', 'level'].includes(question.type) || !question.subdomain) continue;
        if ((a.visibility.get(question.id) ?? 'visible') !== 'visible') continue;
        const r = a.resolved.get(question.id);
        if (r?.status === 'na') continue;
        const from = r?.status === 'answered' ? r.value : null;
        for (const to of neighbours(question, from)) {
          tried++;
          const resolved = new Map(a.resolved);
          resolved.set(question.id, { status: 'answered', value: to as string | boolean });
          const changed: Answers = { file: a.file, resolved, visibility: computeVisibility(q, a.file, resolved) };
          if (scoreMaturity(q, changed, p).maturity.level !== base) want.add(`${question.id}→${String(to)}`);
        }
      }
      moved += want.size;
      expect([...listed].sort(), `seed ${seed}`).toEqual([...want].sort());
    }
    expect(tried).toBeGreaterThan(1000);
    expect(moved).toBeGreaterThan(0);
  });
});

describe('visibility after one changed answer: only its dependents are looked at again', () => {
  const q = questionnaire('questionnaires/smart-manufacturing.yaml');
  it('equals the visibility computed in full, for every answer other questions depend on and each of its values (30 random plants)', () => {
    const gates = [...new Set([...q.whenRefs.values(), ...q.naWhenRefs.values()].flat())];
    let changedSome = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const a = randomAnswers(q, seed * 3571, seed % 2 ? 'discrete' : 'process');
      for (const id of gates) {
        const question = q.byId.get(id)!;
        const values: unknown[] = question.type === 'boolean' ? [true, false] : (question.options ?? []).map((o) => o.value);
        for (const value of values) {
          const resolved = new Map(a.resolved);
          resolved.set(id, { status: 'answered', value: value as string | boolean });
          const full = computeVisibility(q, a.file, resolved);
          const partial = computeVisibility(q, a.file, resolved, { before: a.visibility, changed: id });
          expect(Object.fromEntries(partial), `seed ${seed}: ${id} = ${String(value)}`).toEqual(Object.fromEntries(full));
          if ([...full].some(([k, v]) => a.visibility.get(k) !== v)) changedSome++;
        }
      }
    }
    expect(changedSome).toBeGreaterThan(50); // positive control: the changes did change what is asked
  });

  it('also after several answers changed at once (a plan phase\'s raises): 40 random plants, 2–6 gates each', () => {
    const gates = [...new Set([...q.whenRefs.values(), ...q.naWhenRefs.values()].flat())];
    let changedSome = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const a = randomAnswers(q, seed * 7919, seed % 3 === 0 ? 'process' : 'discrete');
      let x = seed;
      const rnd = (n: number) => ((x = (x * 1103515245 + 12345) % 2 ** 31) % n);
      const resolved = new Map(a.resolved);
      const changed: string[] = [];
      for (let k = 0; k < 2 + rnd(5); k++) {
        const id = gates[rnd(gates.length)]!;
        const question = q.byId.get(id)!;
        const values: unknown[] = question.type === 'boolean' ? [true, false] : (question.options ?? []).map((o) => o.value);
        if (!values.length) continue;
        resolved.set(id, { status: 'answered', value: values[rnd(values.length)] as string | boolean });
        changed.push(id);
      }
      const full = computeVisibility(q, a.file, resolved);
      const partial = computeVisibility(q, a.file, resolved, { before: a.visibility, changed });
      expect(Object.fromEntries(partial), `seed ${seed}: ${changed.join(', ')}`).toEqual(Object.fromEntries(full));
      if ([...full].some(([k, v]) => a.visibility.get(k) !== v)) changedSome++;
    }
    expect(changedSome).toBeGreaterThan(10);
  });
});
