import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseAnswer } from '../../src/core/answer-value';
import { mergeAnswerFiles, sameResolved } from '../../src/core/merge';
import type { AnswerFile } from '../../src/core/types';
import { questionnaire } from '../helpers/defs';

const q = questionnaire('tests/fixtures/definitions/mini.yaml');
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 3 });

/** Valid raw answers to the mini questionnaire, in the spellings people use. */
const answersArb = fc.record(
  {
    design_level: opt(fc.constantFrom('none', 'cad2d', 'pdm', 'collab', 2, '3', 'n/a', 'unknown')),
    bom_control: opt(fc.constantFrom('full', 'mostly', 'partial', 'none', '全部满足', '部分满足', 'unknown')),
    design_tools: opt(fc.constantFrom(['cad2d'], ['cad3d', 'cad2d'], ['cad2d', 'cad3d'], 'cad2d;cad3d', ['none'])),
    designers_total: opt(fc.integer({ min: 0, max: 4 })),
    designers_digital: opt(fc.integer({ min: 0, max: 4 })),
    key_processes_total: opt(fc.integer({ min: 0, max: 4 })),
    key_processes_cnc: opt(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant('unknown'))),
    has_mes: opt(fc.constantFrom(true, false, '是', 'no')),
    mes_modules: opt(fc.constantFrom(['orders'], ['quality', 'orders'], ['orders', 'quality'])),
    cnc_robots: opt(fc.constantFrom('full', 'none', 'partial')),
    defect_rate: opt(fc.constantFrom(0.5, '50%', 0.02, '2%', 0.25)),
    main_bottleneck: opt(fc.constantFrom('产能', '交期', 'people')),
    production_mode: opt(fc.constantFrom('mts', 'mto')),
  },
  { requiredKeys: [] },
);
const noteArb = fc.oneof(fc.constantFrom('看现场', 'PDM 在用'), fc.record({ text: fc.constantFrom('内部', '工控网'), internal: fc.boolean() }));
const fileArb = fc.record({
  answers: answersArb,
  notes: fc.dictionary(fc.constantFrom('design_level', 'has_mes', 'key_processes_cnc'), noteArb, { maxKeys: 3 }),
  sector: opt(fc.constantFrom('C34', 'C35')),
  interviewees: fc.subarray(['设计部 李工', '生产部 赵经理', '信息部 陈主管']),
});
const toFile = (x: { answers: Record<string, unknown>; notes: Record<string, unknown>; sector?: string; interviewees: string[] }): AnswerFile => ({
  questionnaire: 'mini',
  version: '2',
  respondent: { company: '郑州测试机械有限公司', site: '一厂', industry: 'discrete', interviewees: x.interviewees, ...(x.sector ? { sector: x.sector } : {}) },
  answers: Object.fromEntries(Object.entries(x.answers).filter(([, v]) => v !== undefined)) as AnswerFile['answers'],
  notes: x.notes as AnswerFile['notes'],
});

const norm = (id: string, v: unknown) => {
  const r = normaliseAnswer(q.byId.get(id)!, v);
  if ('error' in r) throw new Error(`${id}: ${r.error}`);
  return r;
};
const conflictKey = (c: { field: string; values: { file: string; value: unknown }[] }) =>
  `${c.field}=${c.values
    .map((v) => `${v.file}:${JSON.stringify(Array.isArray(v.value) ? [...v.value].sort() : v.value)}`)
    .sort()
    .join(',')}`;

describe('merge properties', () => {
  it('merging a file with itself yields the same answers and no conflicts', () => {
    fc.assert(
      fc.property(fileArb, (x) => {
        const f = toFile(x);
        for (const names of [
          ['a.yaml', 'b.yaml'],
          ['a.yaml', 'a.yaml'],
        ]) {
          const r = mergeAnswerFiles(
            names.map((name) => ({ name, data: f })),
            q,
          );
          expect(r.conflicts).toEqual([]);
          expect(r.problems).toEqual([]);
          const given = Object.entries(f.answers ?? {}).filter(([id, v]) => norm(id, v).status !== 'unanswered');
          expect(Object.keys(r.merged.answers ?? {}).sort()).toEqual(given.map(([id]) => id).sort());
          for (const [id, v] of given) expect(sameResolved(norm(id, r.merged.answers![id]), norm(id, v))).toBe(true);
          expect(r.merged.respondent.interviewees ?? []).toEqual(f.respondent.interviewees);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('merge is order-independent in its conflict set and in the answers it takes', () => {
    fc.assert(
      fc.property(fc.array(fileArb, { minLength: 2, maxLength: 4 }), fc.nat(), (xs, seed) => {
        const inputs = xs.map((x, i) => ({ name: `f${i}.yaml`, data: toFile(x) }));
        const shuffled = [...inputs];
        for (let i = shuffled.length - 1, s = seed; i > 0; i--, s = Math.floor(s / 7) + 13) {
          const j = s % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const r1 = mergeAnswerFiles(inputs, q);
        const r2 = mergeAnswerFiles(shuffled, q);
        expect(r2.conflicts.map(conflictKey).sort()).toEqual(r1.conflicts.map(conflictKey).sort());
        expect(Object.keys(r2.merged.answers ?? {}).sort()).toEqual(Object.keys(r1.merged.answers ?? {}).sort());
        for (const [id, v] of Object.entries(r1.merged.answers ?? {})) expect(sameResolved(norm(id, r2.merged.answers![id]), norm(id, v))).toBe(true);
        // with --prefer, every conflict the preferred file took part in is resolved, in any order
        const prefer = inputs[0]!.name;
        const p1 = mergeAnswerFiles(inputs, q, prefer);
        const p2 = mergeAnswerFiles(shuffled, q, prefer);
        expect(p2.conflicts.map(conflictKey).sort()).toEqual(p1.conflicts.map(conflictKey).sort());
        for (const c of p1.conflicts) expect(c.resolved).toBe(c.values.some((v) => v.file === prefer));
        expect(Object.keys(p2.merged.answers ?? {}).sort()).toEqual(Object.keys(p1.merged.answers ?? {}).sort());
        for (const [id, v] of Object.entries(p1.merged.answers ?? {})) expect(sameResolved(norm(id, p2.merged.answers![id]), norm(id, v))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
