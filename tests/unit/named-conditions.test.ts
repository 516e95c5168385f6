// Named conditions of a rules file: written once (`conditions`), used in any plant rule's condition as holds('id'),
// checked at load and replaced by the condition's own tree — so evaluating, reading the questions a condition rests
// on, and judging it three-valued all see the condition itself.
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { checkExpression } from '../../src/core/expression/check';
import { parseExpression, type Node } from '../../src/core/expression/parse';
import { compileRules } from '../../src/core/rules-def';
import { plantRuleContext } from '../../src/core/rule-context';
import { read, src } from '../helpers/defs';
import { ruleIds } from '../helpers/plan';

const SPINS = "text_has(key_processes_list, '纺纱', 'spinning') == true";

describe('holds(id) in a condition', () => {
  const conditions = new Map<string, Node>([['spins', parseExpression(SPINS)]]);
  const ctx = { ...plantRuleContext(ruleIds), conditions };

  it('stands for the named condition: the same tree as the condition written out, and its questions read', () => {
    const checked = checkExpression("holds('spins') and budget_max > 100", ctx);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const strip = (n: unknown): unknown => JSON.parse(JSON.stringify(n, (k, v: unknown) => (k === 'pos' ? undefined : v)));
    expect(strip(checked.ast)).toEqual(strip(parseExpression(`(${SPINS}) and budget_max > 100`)));
    expect(checked.ids.sort()).toEqual(['budget_max', 'key_processes_list']);
  });

  it('leaves the shared parsed trees as they were (one text, one tree)', () => {
    const text = "not holds('spins')";
    const first = checkExpression(text, ctx);
    // the same text checked where no condition is named: refused, not silently the other context's tree
    const without = checkExpression(text, plantRuleContext(ruleIds));
    expect(first.ok).toBe(true);
    expect(without.ok).toBe(false);
    if (!without.ok) expect(without.problems.map((p) => [p.code, p.args.name])).toEqual([['expr.unknown-literal', 'spins']]);
  });

  it('an unknown name is an error at load, as an unknown question is', () => {
    const checked = checkExpression("holds('weaves')", ctx);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems[0]).toMatchObject({ code: 'expr.unknown-literal', args: { name: 'weaves', kind: 'condition' } });
    const literal = checkExpression('holds(spins)', ctx);
    expect(literal.ok).toBe(false);
    if (!literal.ok) expect(literal.problems.map((p) => p.code)).toContain('expr.literal-required');
  });
});

describe('a rules file with named conditions', () => {
  const shipped = parse(read('questionnaires/rules/default.yaml')) as { conditions: { id: string; when: string }[]; rules: { id: string; when: string }[] };
  const compile = (data: unknown) => compileRules(src(stringify(data), 'rules.yaml'), ruleIds);

  it('the bundled rules compile with theirs, and a rule using one reads the condition\'s questions', () => {
    const { rules, diagnostics } = compile(shipped);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(shipped.conditions.map((c) => c.id)).toEqual(['mill-spins', 'rotor-only', 'weaving-processes', 'dyeing-processes', 'fabric-dyeing', 'fabric-processes', 'trace-batch-only', 'one-welding-cell', 'design-data-light']);
    const handling = rules!.rules.find((r) => shipped.rules.find((d) => d.id === r.def.id)?.when.includes("holds('mill-spins')"))!;
    expect(JSON.stringify(handling.when)).toContain('key_processes_list');
    expect(JSON.stringify(handling.when)).not.toContain('holds');
  });

  it('a condition may use those named before it, not after; an id is named once', () => {
    const data = structuredClone(shipped);
    data.conditions = [
      { id: 'a', when: "holds('b')" },
      { id: 'b', when: 'budget_max > 100' },
      { id: 'c', when: "holds('b') and plant_size == 'small'" },
      { id: 'b', when: 'budget_max > 200' },
    ];
    const { diagnostics } = compile(data);
    const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
    // a uses b before it is named; b is named twice; the rules using the bundled names now fail too
    expect(errors.filter((c) => c === 'def.duplicate-id')).toHaveLength(1);
    expect(errors).toContain('expr.unknown-literal');
    const unknown = diagnostics.filter((d) => d.code === 'expr.unknown-literal');
    expect(unknown[0]).toMatchObject({ args: { name: 'b', kind: 'condition' }, path: ['conditions', 0, 'when'] });
    expect(unknown.map((d) => d.args.name)).toContain('mill-spins');
  });
});
