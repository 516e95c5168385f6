// For a plant whose goal is a recognition: the phase that first meets each criterion the plan gains, and the projects it
// rests on there (core/declaration-gains.ts), on a roadmap stub whose projections are the discrete example's answers
// with one answer raised — in the phase and without the projects each case says.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { declarationGains } from '../../src/core/declaration-gains';
import { assessReadiness } from '../../src/core/readiness';
import { compileReadiness } from '../../src/core/readiness-def';
import type { Recommendation } from '../../src/core/recommendation';
import { buildResult } from '../../src/core/result';
import type { Roadmap } from '../../src/core/roadmap';
import { model, mustAnswers, profile, questionnaire, read, src, targets } from '../helpers/defs';

const q = questionnaire('questionnaires/smart-manufacturing.yaml');
const ids = { questionIds: [...q.byId.keys()], subdomains: model().subdomainIds, sections: new Set(q.def.sections.map((s) => s.id)), indicators: new Set(q.indicators.map((i) => i.def.id)) };
const readiness = compileReadiness(src('kind: readiness\nid: t\ntitle: {zh: 测试, en: Test}\ncriteria:\n  - id: ipv6\n    title: {zh: IPv6, en: IPv6}\n    when: "ipv6_ready == true"\n'), ids).readiness!;

/** The discrete example with IPv6 as given (true: what a project of the plan would raise it to). */
function projection(ipv6: boolean) {
  const file = parse(read('examples/discrete-machinery.zhizao.yaml')) as { answers: Record<string, unknown> };
  file.answers.ipv6_ready = ipv6;
  const answers = mustAnswers(q, file);
  return { answers, result: buildResult(q, answers, profile(), targets()) };
}
const rec = (id: string, phase: Recommendation['phase'], prerequisites: string[] = []) => ({ id, phase, prerequisites }) as unknown as Recommendation;
/** A roadmap stub: after phase i the answers read `met[i]`; without a set of projects, `without(ids, phase)`. */
function roadmap(met: boolean[], without: (left: ReadonlySet<string>, phase: number) => boolean): Roadmap {
  return {
    phases: [{ id: '0-6m' }, { id: '6-18m' }, { id: '18-36m' }],
    afterPhases: met.map(projection),
    afterPhaseWithout: (left: ReadonlySet<string>, phase: number) => projection(without(left, phase)),
  } as unknown as Roadmap;
}
const today = projection(false);
const now = [assessReadiness(readiness, q, today.result, today.answers)];

describe('declarationGains', () => {
  it('the phase that first meets a criterion, and the one project it rests on, with the project waiting for it', () => {
    expect(now[0]!.criteria[0]!.status).not.toBe('met');
    // met from the second phase on, by "net"; "later" and a project beyond the plan period are never named
    const plan = [rec('plan', '0-6m'), rec('net', '6-18m'), rec('waits', '18-36m', ['net']), rec('beyond', 'later')];
    const gains = declarationGains([readiness], now, q, roadmap([false, true, true], (left) => !left.has('net')), plan);
    expect(gains.get('t')).toEqual([{ id: 'ipv6', phase: '6-18m', needs: ['net'] }]);
  });

  it('a criterion two projects each meet on their own rests on no single one: none is named', () => {
    const plan = [rec('a', '0-6m'), rec('b', '0-6m')];
    const gains = declarationGains([readiness], now, q, roadmap([true, true, true], () => true), plan);
    expect(gains.get('t')).toEqual([{ id: 'ipv6', phase: '0-6m', needs: [] }]);
  });

  it('a project is left out with those that wait for it: the criterion rests on the project waited for too', () => {
    // "mes" is what "trace" waits for; only "trace" raises the answer, but without "mes" neither is done
    const plan = [rec('mes', '0-6m'), rec('trace', '6-18m', ['mes'])];
    const gains = declarationGains([readiness], now, q, roadmap([false, true, true], (left) => !left.has('trace')), plan);
    expect(gains.get('t')).toEqual([{ id: 'ipv6', phase: '6-18m', needs: ['mes', 'trace'] }]);
  });

  it('nothing when the plan meets nothing, or the roadmap has no projection', () => {
    expect(declarationGains([readiness], now, q, roadmap([false, false, false], () => false), [rec('a', '0-6m')]).size).toBe(0);
    expect(declarationGains([readiness], now, q, { phases: [] } as unknown as Roadmap, []).size).toBe(0);
  });
});
