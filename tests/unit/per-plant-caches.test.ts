// What the batch's per-plant shortcuts must not change: the parse cache, the tokenizer, indexed reads and the rule
// scope built once per plant (src/core/expression/check.ts, parse.ts, question-map.ts valueAt, rule-scope.ts).
import { describe, expect, it } from 'vitest';
import { checkExpression, type ExpressionContext } from '../../src/core/expression/check';
import { BASE_FUNCTIONS, evaluate } from '../../src/core/expression/evaluate';
import { parseExpression } from '../../src/core/expression/parse';
import { QuestionMap, valueAt } from '../../src/core/question-map';
import { buildResult } from '../../src/core/result';
import { plantRuleScope } from '../../src/core/rule-scope';
import { resolveAnswers } from '../../src/core/answers';
import { profile, questionnaire, targets } from '../helpers/defs';

const ctx: ExpressionContext = { ids: new Set(['a', 'b']), functions: BASE_FUNCTIONS, literals: {} };

describe('expressions parsed once per text', () => {
  it('gives the same tree for the same text, and still checks each use against its own context', () => {
    const first = checkExpression('a + b > 2', ctx);
    const again = checkExpression('a + b > 2', ctx);
    expect(first.ok && again.ok && first.ast === again.ast).toBe(true);
    const narrower = checkExpression('a + b > 2', { ...ctx, ids: new Set(['a']) });
    expect(narrower.ok).toBe(false);
    if (!narrower.ok) expect(narrower.problems.map((p) => p.args.name)).toEqual(['b']);
  });

  it('reports a syntax error at every use, not only the first', () => {
    for (let i = 0; i < 2; i++) {
      const r = checkExpression('a + * b', ctx);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems[0]!.code).toBe('expr.syntax');
    }
  });

  it('tokenizes as before: Unicode spaces, numbers with exponents, dotted names, numbers after other tokens', () => {
    expect(parseExpression('a\u3000+\u00a0b')).toEqual(parseExpression('a + b'));
    expect(parseExpression('x.y_1 >= 1.5e3')).toEqual({ t: 'bin', op: '>=', left: { t: 'id', name: 'x.y_1', pos: 0 }, right: { t: 'lit', v: 1500 } });
    expect(parseExpression('(.5+2)*a')).toEqual({ t: 'bin', op: '*', left: { t: 'bin', op: '+', left: { t: 'lit', v: 0.5 }, right: { t: 'lit', v: 2 } }, right: { t: 'id', name: 'a', pos: 7 } });
    expect(() => parseExpression('a # b')).toThrow("unexpected character '#'");
  });

  it('keeps the compiled form off the tree: it reads and compares as the parsed tree', () => {
    const ast = parseExpression('a + 1');
    const before = JSON.stringify(ast);
    expect(evaluate(ast, { functions: BASE_FUNCTIONS, get: () => 2 })).toBe(3);
    expect(JSON.stringify(ast)).toBe(before);
    expect(Object.keys(ast)).toEqual(['t', 'op', 'left', 'right']);
  });
});

describe('valueAt', () => {
  const ids = ['q0', 'q1', 'q2'];
  const index = new Map(ids.map((id, i) => [id, i]));
  it('reads a QuestionMap over the same ids by index, any other map by id', () => {
    const m = new QuestionMap<string>(ids, index);
    m.put('q1', 'one');
    expect(valueAt(m, ids, 'q1', 1)).toBe('one');
    expect(valueAt(new Map([['q1', 'plain']]), ids, 'q1', 1)).toBe('plain');
    // a QuestionMap over another id table is read by id
    const other = ['q1', 'q0', 'q2'];
    const m2 = new QuestionMap<string>(other, new Map(other.map((id, i) => [id, i])));
    m2.put('q1', 'by id');
    expect(valueAt(m2, ids, 'q1', 1)).toBe('by id');
  });
});

describe('the rule scope built once per plant', () => {
  const q = questionnaire('questionnaires/smart-manufacturing.yaml');
  const p = profile();
  const t = targets();
  const plant = (company: string) => {
    const r = resolveAnswers(q, { file: 'x', data: { questionnaire: q.def.id, respondent: { company, industry: 'discrete', sector: 'C3411' }, answers: { has_mes: true } }, locate: () => ({ line: 1, column: 1 }) } as never);
    const answers = r.answers!;
    return { answers, result: buildResult(q, answers, p, t) };
  };

  it('reads the plant facts only when they are given, whichever call came first', () => {
    const a = plant('甲');
    const withFacts = plantRuleScope(q, a.result, a.answers, { plantSize: 'large', budgetMax: 500 });
    const without = plantRuleScope(q, a.result, a.answers);
    expect(withFacts.get('plant_size')).toBe('large');
    expect(withFacts.get('budget_max')).toBe(500);
    expect(without.get('plant_size')).toBeNull();
    expect(without.get('budget_max')).toBeNull();
    expect(plantRuleScope(q, a.result, a.answers, { plantSize: 'small', budgetMax: null }).get('plant_size')).toBe('small');
  });

  it('is the next plant\'s own scope, not the last one\'s', () => {
    const a = plant('甲');
    const b = plant('乙');
    const sa = plantRuleScope(q, a.result, a.answers);
    const sb = plantRuleScope(q, b.result, b.answers);
    expect(sa).not.toBe(sb);
    expect(sb.get('has_mes')).toBe(true);
    expect(evaluate(parseExpression('maturity == null'), sb)).toBe(b.result.maturity.level === null);
  });
});

describe('messages filled from split templates', () => {
  it('read exactly as the two replacements (plural forms, then arguments) give them, for every message', async () => {
    const { MESSAGES, formatMessage } = await import('../../src/messages/catalogue');
    const { forTerminal } = await import('../../src/messages/safe-text');
    const reference = (template: string, args: Record<string, string | number>) => {
      const has = (k: string) => Object.prototype.hasOwnProperty.call(args, k);
      return template
        .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (m, k: string, one: string, other: string) => (has(k) ? (Number(args[k]) === 1 ? one : other) : m))
        .replace(/\{(\w+)\}/g, (m, k: string) => (has(k) ? forTerminal(args[k]!) : m));
    };
    let checked = 0;
    for (const [code, text] of Object.entries(MESSAGES)) {
      for (const lang of ['zh', 'en'] as const) {
        const names = [...text[lang].matchAll(/\{(\w+)/g)].map((m) => m[1]!);
        // every argument given (one of them 1, with a control character and braces in a value), then none
        const args = Object.fromEntries(names.map((n, i) => [n, i === 0 ? 1 : `v${i}\u0007{x}`]));
        for (const a of [args, {}]) {
          expect(formatMessage(code as keyof typeof MESSAGES, a, lang), `${code} ${lang}`).toBe(reference(text[lang], a));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(400);
  });
});
