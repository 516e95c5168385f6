// The strengths start with the plant's own indicators at or above their reference target: a rolling mill with most
// key processes under closed-loop control has that strength whatever its documentation scores (report/model-parts.ts).
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildResult } from '../../src/core/result';
import { strengthsOf } from '../../src/report/model-parts';
import { readinessRows } from '../../src/report/model-readiness';
import { assessReadiness } from '../../src/core/readiness';
import { compileReadiness } from '../../src/core/readiness-def';
import { model, mustAnswers, profile, questionnaire, read, src, targets, wording } from '../helpers/defs';

const q = questionnaire('questionnaires/smart-manufacturing.yaml');
const w = wording();
const strengths = (file: string, answers: Record<string, unknown> = {}) => {
  const data = parse(read(file));
  Object.assign(data.answers, answers);
  return strengthsOf(buildResult(q, mustAnswers(q, data), profile(), targets()), w, q);
};

describe('strengths: indicators at or above their target first', () => {
  it('the aluminium plant: its key-process automation rate, then the sub-domains', () => {
    const s = strengths('tests/fixtures/review/aluminium-rolling.yaml');
    expect(s[0]!.zh).toBe('关键工序数控化率：78.6%，达到参考目标水平（> 50.0%）');
    expect(s[0]!.en).toBe('Key-process CNC rate: 78.6%, at or above its reference target level (> 50.0%)');
    expect(s.slice(1).every((x) => !x.zh.includes('参考目标'))).toBe(true);
  });

  it('an indicator below its target, or a share of companies, is no strength', () => {
    const s = strengths('tests/fixtures/review/aluminium-rolling.yaml', { key_processes_cnc: 3 });
    expect(s.map((x) => x.zh).join('\n')).not.toContain('参考目标');
  });
});

describe('a declaration criterion not met names the indicator it asks for that the plant meets', () => {
  const ids = { questionIds: [...q.byId.keys()], subdomains: model().subdomainIds, sections: new Set(q.def.sections.map((s) => s.id)), indicators: new Set(q.indicators.map((i) => i.def.id)) };
  const workshop = compileReadiness(src(read('questionnaires/readiness/smart-workshop.yaml')), ids).readiness!;
  const criterion = (file: string, answers: Record<string, unknown> = {}) => {
    const data = parse(read(file));
    Object.assign(data.answers, answers);
    const a = mustAnswers(q, data);
    const r = buildResult(q, a, profile(), targets());
    const x = assessReadiness(workshop, q, r, a);
    const rows = readinessRows([x], r, q, a, w, false);
    return { c: x.criteria.find((c) => c.id === 'workshop-automated-equipment')!, text: rows[0]!.criteria[0]!.status };
  };

  it('the aluminium plant: equipment below level 2 fails it, its key-process rate is met and said so', () => {
    const { c, text } = criterion('tests/fixtures/review/aluminium-rolling.yaml');
    expect(c.status).toBe('missing');
    expect(c.holds).toEqual([{ kind: 'indicator', id: 'cnc-rate' }]);
    expect(text.zh).toBe('未满足。本厂：装备未达到 1 级（需达到 2 级）；关键工序数控化率：78.6%（已达到）');
    expect(text.en).toContain('Key-process CNC rate: 78.6% (met)');
  });

  it('an indicator below its target is named as failing, never as met', () => {
    const { c, text } = criterion('tests/fixtures/review/aluminium-rolling.yaml', { key_processes_cnc: 3 });
    expect(c.holds).toBeUndefined();
    expect(text.zh).not.toContain('已达到');
  });
});
