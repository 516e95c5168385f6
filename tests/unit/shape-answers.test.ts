// The quick check of an answer file's `answers` map (src/core/shape.ts validAnswersQuickly) must never call valid
// what ajv, with the shipped schema, calls invalid: differential against ajv on random answer files, and the
// schema's answers part pinned (a change to it must revisit the quick check).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AJV_OPTIONS, validAnswersQuickly } from '../../src/core/shape';
import { ROOT, shape, src } from '../helpers/defs';

const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'answers.schema.json'), 'utf8')) as { properties: { answers: unknown } };
const ajvValidate = new Ajv(AJV_OPTIONS).compile(schema);

const key = fc.oneof(
  { weight: 30, arbitrary: fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/) },
  { weight: 1, arbitrary: fc.constantFrom('A', '1x', 'a-b', '', 'x'.repeat(64), 'x'.repeat(65), 'é', '__proto__', 'constructor', 'has mes') },
);
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const scalar = fc.oneof(
  { weight: 10, arbitrary: fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), finite, fc.boolean(), fc.constant(null)) },
  { weight: 1, arbitrary: fc.constantFrom(Infinity, -Infinity, NaN) },
);
const answerValue = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 2, arbitrary: fc.array(fc.oneof({ weight: 10, arbitrary: fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), finite) }, { weight: 1, arbitrary: fc.constantFrom(true, null, NaN) }), { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom(Array.from({ length: 200 }, (_, i) => i), Array.from({ length: 201 }, () => 'x'), {}, { a: 1 }, [[1]]) },
);
const answers = fc.oneof({ weight: 8, arbitrary: fc.dictionary(key, answerValue, { maxKeys: 12 }) }, { weight: 1, arbitrary: fc.constantFrom(null, [], 'x', 3) });
const respondent = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ company: 'T', industry: 'discrete' }) },
  { weight: 1, arbitrary: fc.constantFrom({ company: 'T' }, { company: 'T', industry: 'spaceship' }, { company: 3, industry: 'process' }, null) },
);
const rarely = <T,>(usual: T, ...odd: T[]) => fc.oneof({ weight: 8, arbitrary: fc.constant(usual) }, { weight: 1, arbitrary: fc.constantFrom(...odd) });
const file = fc
  .record({
    questionnaire: rarely('smart-manufacturing', 'Bad Id'),
    version: rarely('2', ''),
    respondent,
    answers,
    notes: rarely<unknown>(undefined, null, { a: 'x' }, { A: 'x' }),
    extra: rarely<unknown>(undefined, 1),
  })
  .map((d) => Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)));

describe('the quick check of the answers map', () => {
  it('never calls valid what ajv calls invalid, and agrees on valid files (random answer files)', () => {
    let quick = 0;
    fc.assert(
      fc.property(file, (data) => {
        const fast = validAnswersQuickly(ajvValidate, data);
        const full = ajvValidate(data) === true;
        if (fast) {
          quick++;
          expect(full).toBe(true);
        }
        // and the validator as zhizao uses it gives ajv's verdict either way
        expect(shape.validate('answers', { file: 'x.yaml', data, locate: () => ({ line: 1, column: 1 }) }).length === 0).toBe(full);
      }),
      { numRuns: 1500, seed: 19 },
    );
    expect(quick).toBeGreaterThan(100);
  });

  it('takes the quick path for both bundled examples', () => {
    for (const f of ['examples/discrete-machinery.zhizao.yaml', 'examples/process-food.zhizao.yaml']) expect(validAnswersQuickly(ajvValidate, src(readFileSync(path.join(ROOT, f), 'utf8')).data)).toBe(true);
  });

  it('rests on the schema as it is: the answers part is pinned', () => {
    expect(schema.properties.answers).toEqual({
      type: ['object', 'null'],
      propertyNames: { pattern: '^[a-z][a-z0-9_]{0,63}$' },
      additionalProperties: {
        anyOf: [{ type: ['string', 'number', 'boolean', 'null'] }, { type: 'array', maxItems: 200, items: { type: ['string', 'number'] } }],
      },
    });
  });
});
