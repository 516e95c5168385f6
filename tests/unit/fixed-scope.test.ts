// A project of fixed scope (one welding robot cell) costs what that scope costs whatever the plant's size: a rule's or
// variant's `fixedScope` keeps its investment out of the sector pack's scaling by size (docs/rules.md §4, review 28).
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { confidentialQuestionIds } from '../../src/core/questionnaire';
import { recommend } from '../../src/core/recommend';
import { buildResult } from '../../src/core/result';
import { compileRules, type RuleSet } from '../../src/core/rules-def';
import { mustAnswers, profile, read, src, targets } from '../helpers/defs';
import { packs, q, ruleIds, rules as bundled } from '../helpers/plan';

const p = profile();
const t = targets();

/** The bundled rules with one rule (and, optionally, one of its variants) changed. */
function rulesWith(id: string, change: (rule: Record<string, unknown>) => void): RuleSet {
  const data = parse(read('questionnaires/rules/default.yaml')) as { rules: Record<string, unknown>[] };
  change(data.rules.find((r) => r.id === id)!);
  const compiled = compileRules(src(stringify(data), 'changed.yaml'), { ...ruleIds, questionTypes: new Map(q.questions.map((x) => [x.id, x.type])), confidentialQuestions: confidentialQuestionIds(q) });
  expect(compiled.diagnostics).toEqual([]);
  return compiled.rules!;
}
function projectOf(file: unknown, id: string, rules: RuleSet = bundled) {
  const a = mustAnswers(q, file);
  const made = recommend({ questionnaire: q, result: buildResult(q, a, p, t), answers: a, rules, sectors: packs, scoring: { profile: p, targets: t } });
  return { plan: made, rec: made.recommendations.find((r) => r.id === id)! };
}
const crusherMaker = (employees: number) => {
  const file = parse(read('tests/fixtures/review27/small-equip.yaml')) as { answers: Record<string, unknown> };
  file.answers.employees_total = employees;
  return file;
};
const machiningShop = () => parse(read('tests/fixtures/plants/small-machining-under-1m.yaml')) as { answers: Record<string, unknown> };

describe('fixedScope: the investment of a project of fixed scope is not scaled with the plant\'s size', () => {
  it('one welding cell (the variant\'s flag) costs the same at 68 and 250 staff, while the other projects scale', () => {
    const small = projectOf(crusherMaker(68), 'station-hazardous-post-robots');
    const larger = projectOf(crusherMaker(250), 'station-hazardous-post-robots');
    expect(small.plan.investmentScale).toBeLessThan(larger.plan.investmentScale);
    for (const made of [small, larger]) {
      expect(made.rec).toMatchObject({ variant: 'one-welding-cell', fixedScope: true, investment: { min: 25, max: 50 } });
    }
    const plan = (made: typeof small) => made.plan.recommendations.find((r) => r.id === 'factory-smart-manufacturing-plan')!;
    expect(plan(larger).investment!.max).toBeGreaterThan(plan(small).investment!.max);
    expect(plan(small).fixedScope).toBeUndefined();
  });

  it('a rule\'s flag leaves its investment as written; a variant may say otherwise for its own version', () => {
    const id = 'station-part-marking-traceability';
    const scaled = projectOf(machiningShop(), id);
    expect(scaled.plan.investmentScale).toBeLessThan(1);
    const written = bundled.byId.get(id)!.def.investment;
    expect(scaled.rec.investment!.max).toBeLessThan(written.max);
    const fixed = projectOf(machiningShop(), id, rulesWith(id, (rule) => (rule.fixedScope = true)));
    expect(fixed.rec).toMatchObject({ fixedScope: true });
    // (the equipment pack words no investment of its own for this rule: the rule's figure, unscaled)
    expect(fixed.rec.investment).toEqual(written);
    // the welding cell's version says it scales after all: scaled again, as the rule without the flag
    const variantSays = rulesWith('station-hazardous-post-robots', (rule) => {
      rule.fixedScope = true;
      (rule.variants as Record<string, unknown>[])[0]!.fixedScope = false;
    });
    const cell = projectOf(crusherMaker(68), 'station-hazardous-post-robots', variantSays).rec;
    expect(cell.variant).toBe('one-welding-cell');
    expect(cell.fixedScope).toBeUndefined();
    expect(cell.investment!.max).toBeLessThan(50);
  });
});
