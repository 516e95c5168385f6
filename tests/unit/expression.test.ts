import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkExpression, seedParsedExpressions } from '../../src/core/expression/check';
import { BASE_FUNCTIONS, evaluate, type Scope, type Value } from '../../src/core/expression/evaluate';
import { ExpressionSyntaxError, parseExpression } from '../../src/core/expression/parse';

const scopeOf = (vars: Record<string, Value>): Scope => ({
  functions: BASE_FUNCTIONS,
  get: (name) => (Object.prototype.hasOwnProperty.call(vars, name) ? vars[name] : undefined),
});
const ev = (src: string, vars: Record<string, Value> = {}) => evaluate(parseExpression(src), scopeOf(vars));

describe('expression evaluator', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['-2 + 5', 3],
    ['10 / 4', 2.5],
    ['a / b', null, { a: 1, b: 0 }],
    ['a / b', null, { a: 1, b: null }],
    ['a + 1', null, { a: null }],
    ['a <= b', true, { a: 5, b: 12 }],
    ['a <= b', false, { a: 15, b: 12 }],
    ['a > 1', false, { a: null }],
    ['a == null', true, { a: null }],
    ["x in ['a', 'b']", true, { x: 'b' }],
    ["x in ['a', 'b']", false, { x: 'c' }],
    ["contains(tools, 'cad3d')", true, { tools: ['cad2d', 'cad3d'] }],
    ["count(tools) > 0 and not contains(tools, 'none')", false, { tools: ['none'] }],
    ["count(tools) > 0 and not contains(tools, 'none')", true, { tools: ['cae'] }],
    ['has_mes == true or x', true, { has_mes: true }],
    ['not has_mes', true, { has_mes: false }],
    ['min(3, 2, 5)', 2],
    ['max(a, 2)', null, { a: 'x' }],
  ] as [string, Value, Record<string, Value>?][])('%s → %j', (src, expected, vars) => {
    expect(ev(src, vars ?? {})).toEqual(expected);
  });

  it('reports syntax errors with the offset', () => {
    expect(() => parseExpression('a + * b')).toThrow(ExpressionSyntaxError);
    try {
      parseExpression('a == (b');
    } catch (e) {
      expect((e as ExpressionSyntaxError).offset).toBe(7);
    }
  });

  it('checks names at load time', () => {
    const ctx = { ids: new Set(['a']), functions: BASE_FUNCTIONS, literals: {} };
    expect(checkExpression('a + b', ctx)).toMatchObject({ ok: false, problems: [{ code: 'expr.unknown-id', args: { name: 'b' } }] });
    expect(checkExpression('eval(a)', ctx)).toMatchObject({ ok: false, problems: [{ code: 'expr.unknown-function' }] });
    expect(checkExpression('count(a, a)', ctx)).toMatchObject({ ok: false, problems: [{ code: 'expr.arity' }] });
    expect(checkExpression('count(a) > 1', ctx).ok).toBe(true);
  });

  it('cannot reach prototypes: unknown names are null, dotted names are plain lookups', () => {
    const scope = scopeOf({ a: 1 });
    for (const src of ['constructor', '__proto__', 'toString', 'a.constructor', '__proto__.polluted', 'hasOwnProperty', 'valueOf']) {
      expect(evaluate(parseExpression(src), scope)).toBeNull();
    }
    expect(evaluate(parseExpression('constructor(1)'), scope)).toBeNull();
  });

  it('property: random strings never crash the parser, checker or evaluator', () => {
    const ctx = { ids: new Set(['a', 'b', 'constructor']), functions: BASE_FUNCTIONS, literals: {} };
    const alphabet = fc.constantFrom(...'ab()[],\'"+-*/<>=! .0123456789_contains count not and or in true null constructor __proto__ '.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(alphabet, { maxLength: 60 }).map((x) => x.join(''))), (s) => {
        let ast;
        try {
          ast = parseExpression(s);
        } catch (e) {
          expect(e).toBeInstanceOf(ExpressionSyntaxError);
          return;
        }
        checkExpression(s, ctx);
        const v = evaluate(ast, scopeOf({ a: 2, b: [1, 'x'] }));
        expect(typeof v === 'function').toBe(false);
        if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
        if (v !== null && typeof v === 'object' && !Array.isArray(v)) throw new Error('object leaked');
      }),
      { numRuns: 2000, seed: 42 },
    );
  });

  it('refuses very long and very deep expressions', () => {
    expect(() => parseExpression('a'.repeat(3000))).toThrow(/longer/);
    expect(() => parseExpression('('.repeat(100) + 'a' + ')'.repeat(100))).toThrow(/deep/);
    expect(() => parseExpression('not '.repeat(100) + 'a')).toThrow(/deep/);
  });
});

describe('text_has(): whether a free-text answer names a word', () => {
  const has = (t: Value, words: string) => evaluate(parseExpression(`text_has(x, ${words})`), scopeOf({ x: t }));
  it('is true when any of the words occurs, Latin letters in any case', () => {
    expect(has('和面（PLC）；金属检测（自动剔除）；称重包装', "'金属检测'")).toBe(true);
    expect(has('电泳涂装（自动线）；喷粉（人工补喷）', "'喷漆', '涂装'")).toBe(true);
    expect(has('SMT 贴片；AOI 检测', "'aoi'")).toBe(true);
    expect(has('冲压；焊接', "'涂装', '喷漆'")).toBe(false);
    // a Latin word only at the start of a word of the text (an English answer must not read 'MES' in "times")
    expect(has('Lead times are long and improving slowly', "'MES', 'VIN'")).toBe(false);
    expect(has('MES in every workshop; full traceability', "'mes'")).toBe(true);
    expect(has('full traceability by VIN', "'traceab'")).toBe(true);
    expect(has('用MES管到全部车间', "'MES'")).toBe(true);
    // an empty word matches nothing (a definition's slip must not make every plant match)
    expect(has('冲压；焊接', "''")).toBe(false);
  });
  it('answers the same whatever texts and words were asked before (lower-cased texts and words are kept between calls)', () => {
    // a property: for random texts and words, asked in random order and many times over (past the kept texts' bound),
    // the answer is the plain one: the lower-cased word occurs, at a word start when it begins with a Latin letter
    const plain = (t: string, w: string) => {
      const text = t.toLowerCase();
      const word = w.toLowerCase();
      if (w.trim() === '') return false;
      for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) if (!/[a-z0-9]/.test(word[0]!) || i === 0 || !/[a-z0-9]/.test(text[i - 1]!)) return true;
      return false;
    };
    const piece = fc.constantFrom('MES', 'mes', 'Mes', '涂装', '喷漆', 'AOI', ' ', 'times', 'x', '；', 'ab');
    const text = fc.array(piece, { maxLength: 6 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(fc.array(fc.tuple(text, piece), { minLength: 1, maxLength: 80 }), (asks) => {
        for (const [t, w] of asks) expect(has(t, `'${w}'`)).toBe(plain(t, w));
      }),
      { numRuns: 200 },
    );
  });
  it('is null for what is not text (unanswered, numbers, lists)', () => {
    expect(has(null, "'a'")).toBeNull();
    expect(has(3, "'3'")).toBeNull();
    expect(has(['涂装'], "'涂装'")).toBeNull();
  });
});

describe('text_items(): the items of a free-text list', () => {
  const items = (t: Value) => evaluate(parseExpression('text_items(x)'), scopeOf({ x: t }));
  it('counts items separated by ；, ; or line breaks, else by 、; empty items and surrounding blanks do not count', () => {
    expect(items('阀体粗铣（加工中心，数控）；阀体精镗（加工中心，数控）； 阀孔珩磨（普通珩磨机）')).toBe(3);
    expect(items('a; b;\nc\n\n')).toBe(3);
    // 、 inside an item of a ；-separated list does not split it
    expect(items('原料破碎、配料（人工）；成型（压砖机）')).toBe(2);
    expect(items('原料破碎、配料、混练、成型（压砖机）、干燥')).toBe(5);
    expect(items('说明')).toBe(1);
    expect(items('')).toBe(0);
  });
  it('a separator inside brackets belongs to its item’s note, not to the list', () => {
    expect(items('1 配料与熔炼（6 台熔炼炉；2 台新炉 PLC 闭环，4 台老炉人工看火）；2 精炼（除气箱 PLC）；3 铸造')).toBe(3);
    expect(items('冲压(3 lines; 2 presses each); welding (robots; manual repair); paint')).toBe(3);
    // nested, and a list whose only ； are inside brackets falls back to 、
    expect(items('熔炼（炉 A（蓄热；闭环）；炉 B）、铸造、轧制')).toBe(3);
    // a bracket left open swallows nothing: the text is read as it is
    expect(items('熔炼（6 台；精炼；铸造')).toBe(3);
  });
  it('is null for what is not text (unanswered, numbers, lists)', () => {
    expect(items(null)).toBeNull();
    expect(items(3)).toBeNull();
    expect(items(['a', 'b'])).toBeNull();
  });
});

describe('trees parsed at build time (seedParsedExpressions)', () => {
  const ctx = { ids: new Set(['a', 'b']), functions: new Map(), literals: {} };

  it('a text the build parsed is not parsed again: its tree, read back from JSON, is the one checked and returned', () => {
    // a tree deliberately unlike its text, to tell it from a fresh parse (the build only keeps the parser's own trees)
    const text = 'a + b  /* seeded */';
    seedParsedExpressions(JSON.parse(JSON.stringify([[text, parseExpression('b')]])) as [string, ReturnType<typeof parseExpression>][]);
    const checked = checkExpression(text, ctx);
    expect(checked).toEqual({ ok: true, ast: { t: 'id', name: 'b', pos: 0 }, ids: ['b'] });
  });

  it('the names of a seeded tree are still checked against each context, at the positions the build recorded', () => {
    const text = "c == 'x' and a";
    seedParsedExpressions(JSON.parse(JSON.stringify([[text, parseExpression(text)]])) as [string, ReturnType<typeof parseExpression>][]);
    const checked = checkExpression(text, ctx);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems.map((p) => [p.code, p.offset])).toEqual([['expr.unknown-id', 0]]);
  });

  it('a text already parsed in this process keeps its tree', () => {
    const text = 'a - b';
    const first = checkExpression(text, ctx);
    seedParsedExpressions([[text, parseExpression('a')]]);
    expect(checkExpression(text, ctx)).toEqual(first);
  });
});
