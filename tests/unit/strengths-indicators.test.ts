// The strengths start with the plant's own indicators at or above their reference target: a rolling mill with most
// key processes under closed-loop control has that strength whatever its documentation scores (report/model-parts.ts).
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildResult } from '../../src/core/result';
import { strengthsOf } from '../../src/report/model-parts';
import { mustAnswers, profile, questionnaire, read, targets, wording } from '../helpers/defs';

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
