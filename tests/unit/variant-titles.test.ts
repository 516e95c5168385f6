// A variant's title given as alternatives (docs/rules.md, "Variant titles"): the first whose `if` holds and that
// ifProposed / unlessProposed leave in is the title, so that a title names only what the project holds for this plant
// (the textile first step that leaves group doffing to the handling project is a spinning-to-winding link pilot, not
// "doffing or a link"). Checked at load: the last alternative has no condition, none is chosen by a confidential
// answer, and the projects named are rules of the file, not the variant's own.
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { recommend, type Recommendation } from '../../src/core/recommend';
import { buildResult } from '../../src/core/result';
import { compileRules } from '../../src/core/rules-def';
import type { RuleContextIds } from '../../src/core/rule-context';
import { model, mustAnswers, profile, questionnaire, shape, src, targets } from '../helpers/defs';
import { machineryExample, T, testRule as rule, withoutMes, type ExampleFile } from '../helpers/test-rules';

const q = questionnaire('questionnaires/smart-manufacturing.yaml');
const p = profile();
const t = targets();
const m = model();
const ids: RuleContextIds = { questionIds: [...q.byId.keys()], subdomains: m.subdomainIds, sections: new Set(q.def.sections.map((s) => s.id)), indicators: new Set(q.indicators.map((i) => i.def.id)) };
const secretIds: RuleContextIds = { ...ids, confidentialQuestions: new Set(q.questions.filter((x) => x.confidential).map((x) => x.id)) };
type File = ExampleFile;
const example = (): File => withoutMes(machineryExample());
const file = (list: unknown[]) => ({ kind: 'rules', id: 'test', title: T('t'), rules: list });
function run(f: File, list: unknown[], opts: { planOnly?: boolean } = {}) {
  const c = compileRules(src(stringify(file(list)), 'rules.yaml'), secretIds);
  expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const a = mustAnswers(q, f);
  return recommend({ questionnaire: q, result: buildResult(q, a, p, t), answers: a, rules: c.rules!, overrides: a.file.overrides as never, scoring: { profile: p, targets: t }, ...(opts.planOnly ? { planOnly: true } : {}) });
}
const titleOf = (recs: Recommendation[], id: string) => recs.find((r) => r.id === id)?.title.en;

/** A project whose variant names a step only where the handling project does not take part of it. */
const pilot = (more: Record<string, unknown> = {}) =>
  rule('pilot', {
    variants: [
      {
        id: 'step',
        when: 'true',
        title: [{ ...T('a link pilot'), ifProposed: ['handling'] }, { ...T('a link pilot, with ERP'), if: 'has_erp == true' }, T('doffing or a link pilot')],
        measures: [{ ...T('fit doffing'), unlessProposed: ['handling'] }, T('link one set')],
      },
    ],
    ...more,
  });

describe('a variant’s title given as alternatives', () => {
  it('passes the schema; a single title still does', () => {
    expect(shape.validate('rules', src(stringify(file([rule('handling'), pilot()])), 'rules.yaml'))).toEqual([]);
    expect(shape.validate('rules', src(stringify(file([rule('a', { variants: [{ id: 'v', when: 'true', title: T('one') }] })])), 'rules.yaml'))).toEqual([]);
  });

  it('the first whose if holds, no project being proposed that an alternative names', () => {
    const f = example();
    const notProposed = rule('handling', { when: 'false' });
    f.answers.has_erp = false;
    expect(titleOf(run(f, [notProposed, pilot()]).recommendations, 'pilot')).toBe('doffing or a link pilot');
    f.answers.has_erp = true;
    expect(titleOf(run(f, [notProposed, pilot()]).recommendations, 'pilot')).toBe('a link pilot, with ERP');
  });

  it('ifProposed: chosen where the plan proposes that project within its period, as the lists are worded', () => {
    const f = example();
    f.answers.has_erp = false;
    const plan = run(f, [rule('handling'), pilot()]);
    const step = plan.recommendations.find((r) => r.id === 'pilot')!;
    expect(step.title.en).toBe('a link pilot');
    expect(step.measures.map((x) => x.en)).toEqual(['link one set']);
    // the consultant drops the handling project: the step fits the doffing again, and its title says so
    f.overrides = { recommendations: { drop: ['handling'] } };
    const dropped = run(f, [rule('handling'), pilot()]).recommendations.find((r) => r.id === 'pilot')!;
    expect(dropped.title.en).toBe('doffing or a link pilot');
    expect(dropped.measures.map((x) => x.en)).toEqual(['fit doffing', 'link one set']);
  });

  it('counts only the projects the office is shown too: one title in both reports, telling no withheld project', () => {
    const f = example();
    f.answers.has_erp = false;
    const plan = run(f, [rule('handling', { confidential: true }), pilot()]);
    expect(plan.recommendations.find((r) => r.id === 'handling')?.confidential).toBe(true);
    expect(titleOf(plan.recommendations, 'pilot')).toBe('doffing or a link pilot');
  });

  it('the batch’s plan, which words no list against the others, presumes no other project', () => {
    const f = example();
    f.answers.has_erp = false;
    expect(titleOf(run(f, [rule('handling'), pilot()], { planOnly: true }).recommendations, 'pilot')).toBe('doffing or a link pilot');
  });

  it('checked at load: the last has no condition, none reads a confidential answer, the projects named are other rules', () => {
    const secret = [...secretIds.confidentialQuestions!][0]!;
    const bad = rule('pilot', {
      variants: [
        {
          id: 'step',
          when: 'true',
          title: [{ ...T('x'), if: `answered('${secret}')` }, { ...T('y'), ifProposed: ['pilot', 'nowhere'] }, { ...T('z'), if: 'has_erp == true' }],
        },
      ],
    });
    const c = compileRules(src(stringify(file([bad])), 'rules.yaml'), secretIds);
    expect(c.rules).toBeUndefined();
    expect(c.diagnostics.map((d) => [d.code, d.path?.join('.')])).toEqual([
      ['rules.title-fallback', 'rules.0.variants.0.title.2'],
      ['rules.title-confidential', 'rules.0.variants.0.title.0.if'],
      ['rules.proposed-self', 'rules.0.variants.0.title.1.ifProposed.0'],
      ['def.unknown-ref', 'rules.0.variants.0.title.1.ifProposed.1'],
    ]);
    // a condition that does not parse is reported where it is written
    const broken = compileRules(src(stringify(file([rule('p', { variants: [{ id: 'v', when: 'true', title: [{ ...T('x'), if: 'has_erp ==' }, T('y')] }] })])), 'rules.yaml'), ids);
    expect(broken.diagnostics.map((d) => [d.code, d.path?.join('.')])).toEqual([['expr.syntax', 'rules.0.variants.0.title.0.if']]);
  });
});
