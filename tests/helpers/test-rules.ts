// The small rule sets the engine's unit tests write (roadmap, variant titles): a rule of every required field, and the
// machinery example without its MES, for which such a rule's default evidence (has_mes == false) holds.
import { parse } from 'yaml';
import { read } from './defs';

/** The same words in both languages. */
export const T = (s: string) => ({ zh: s, en: s });

/** A rule with every required field, proposed wherever its evidence (no MES) holds; `extra` replaces or adds fields. */
export function testRule(id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    title: T(id),
    when: 'true',
    evidence: [{ if: 'has_mes == false', question: 'has_mes', statement: T(`${id}: no MES.`) }],
    addresses: ['production-operations'],
    retrofitLevel: 'workshop',
    programme: 'smart-workshop',
    projectType: 'integration',
    measures: [T('m')],
    investment: { min: 20, max: 40 },
    benefits: T('b'),
    effort: 'medium',
    ...extra,
  };
}

export type ExampleFile = { respondent: Record<string, unknown>; answers: Record<string, unknown>; overrides?: unknown };
/** The machinery example's answer file, parsed afresh (a test may change it). */
export const machineryExample = (): ExampleFile => parse(read('examples/discrete-machinery.zhizao.yaml')) as ExampleFile;
/** The example without its MES: the test rules' default evidence (has_mes == false) holds. */
export const withoutMes = <F extends ExampleFile>(f: F): F => {
  f.answers.has_mes = false;
  delete f.answers.mes_coverage;
  delete f.answers.mes_modules;
  return f;
};
