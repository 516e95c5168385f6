// Issue #11: random and mutated expression strings never crash the parser, the checker or the evaluator, and no
// expression reaches a prototype value, whatever names it uses.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerScope, type Answers } from '../../src/core/answers.js';
import { checkExpression } from '../../src/core/expression/check.js';
import { evaluate, type Scope } from '../../src/core/expression/evaluate.js';
import { ExpressionSyntaxError, parseExpression } from '../../src/core/expression/parse.js';
import { questionnaireExpressionContext } from '../../src/core/questionnaire.js';
import type { ScoreResult } from '../../src/core/result.js';
import type { Questionnaire } from '../../src/core/questionnaire.js';
import { plantRuleScope } from '../../src/core/rule-scope.js';
import { expressionArb, runCase, type FuzzContext } from './lib/fuzz-core.mjs';
import { fuzzContext, runs, SEED, unknownFailures } from './setup.js';

let ctx: FuzzContext;
let scopes: [string, Scope][];
beforeAll(async () => {
  ctx = await fuzzContext();
  const sample = ctx.sampleAnswers as Answers;
  scopes = [
    ['answers', answerScope(sample.file, sample.resolved)],
    ['plant rules', plantRuleScope(ctx.questionnaire as Questionnaire, ctx.sampleResult as ScoreResult, sample)],
  ];
}, 60_000);

const PROTOTYPE_NAMES = [
  'constructor',
  '__proto__',
  '__proto__.x',
  '__proto__.polluted',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
  'constructor.constructor',
  'constructor.prototype',
  'constructor.name',
  'respondent.constructor',
  'company.constructor',
  'industry.constructor',
  'answers.__proto__',
];

describe('expressions: prototype names are plain unknown names', () => {
  it.each(PROTOTYPE_NAMES)('%s evaluates to null in every scope and is an unknown id for the checker', (name) => {
    for (const [, scope] of scopes) expect(evaluate(parseExpression(name), scope)).toBeNull();
    const checked = checkExpression(name, questionnaireExpressionContext(ctx.questionIds));
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems.map((p) => p.code)).toContain('expr.unknown-id');
  });

  it.each([
    ["constructor('x')", null],
    ['toString()', null],
    ['valueOf()', null],
    ['__proto__(1)', null],
    ['hasOwnProperty(industry)', null],
    ['count(constructor)', 0],
    ['count(__proto__)', 0],
    ["contains(constructor, 'x')", false],
    ["'constructor' in [__proto__]", false],
    ['constructor == null', true],
    ['not toString', true],
    ['__proto__ + 1', null],
    ["min(constructor, 1)", null],
  ])('%s → %j (functions are looked up in a Map, names never on an object)', (src, expected) => {
    for (const [, scope] of scopes) expect(evaluate(parseExpression(src), scope)).toEqual(expected);
    const checked = checkExpression(src, questionnaireExpressionContext(ctx.questionIds));
    expect(checked.ok).toBe(false);
  });

  it('leaves Object.prototype alone', () => {
    for (const src of ['__proto__.polluted == 1', 'constructor.prototype.polluted', '__proto__']) for (const [, s] of scopes) evaluate(parseExpression(src), s);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('expressions: pathological input is refused quickly with ExpressionSyntaxError', () => {
  it.each([
    ['deep parentheses', '('.repeat(1999) + '1' + ')'.repeat(0)],
    ['deep unary minus', '-'.repeat(1999) + '1'],
    ['deep not', 'not '.repeat(499) + 'x'],
    ['deep lists', '['.repeat(900) + ']'.repeat(900)],
    ['deep calls', 'min('.repeat(300) + '1' + ')'.repeat(300)],
    ['too long', 'a'.repeat(2001)],
    ['unterminated string', "'abc"],
    ['NUL and bidi characters', 'a\u0000 == \u202eb'],
  ])('%s', (_, src) => {
    const t = performance.now();
    expect(() => parseExpression(src)).toThrow(ExpressionSyntaxError);
    expect(performance.now() - t).toBeLessThan(500);
  });

  it('long flat chains parse and evaluate without exhausting the stack', () => {
    const chain = Array.from({ length: 450 }, () => '1').join(' + ');
    expect(evaluate(parseExpression(chain), scopes[0]![1])).toBe(450);
    const ors = Array.from({ length: 150 }, () => 'has_mes').join(' or ');
    expect(typeof evaluate(parseExpression(ors), scopes[0]![1])).toBe('boolean');
  });
});

describe('expressions: fuzzed (seeded)', () => {
  it('random, grammar-generated and mutated bundled expressions: only ExpressionSyntaxError or problems, plain values', async () => {
    await fc.assert(
      fc.asyncProperty(expressionArb(ctx), async (c) => {
        const { failures } = await runCase(ctx, c, { timeLimitMs: 2000 });
        expect(unknownFailures(failures)).toEqual([]);
      }),
      { seed: SEED, numRuns: runs(600) },
    );
  });

  // BUG (src/core/expression/parse.ts): a numeric literal that overflows (1e309) parses to Infinity, so a checked
  // expression can produce a non-finite number (`[1e309]`, `max(1e309, x)`), and `score_total < 1e309` is false.
  // Fix: in primary(), `const v = Number(tok.v); if (!Number.isFinite(v)) throw new ExpressionSyntaxError(\`number
  // out of range '${tok.v}'\`, tok.pos);`.
  it('an overflowing numeric literal is a syntax error, not Infinity', () => {
    expect(() => parseExpression('1e309')).toThrow(ExpressionSyntaxError);
    const checked = checkExpression('max(1e309, 1) > 0', questionnaireExpressionContext(ctx.questionIds));
    expect(checked.ok).toBe(false);
  });
});
