// A figure a plant set itself for a ratio indicator in its own goals ("关键工序数控化率 2027 年超过 60%"): read from its
// words, held against its value today, and for a count over a count, the least count that meets it.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { countNeeded, ownTargetsOf, targetsIn } from '../../src/core/own-target';
import { buildResult } from '../../src/core/result';
import { mustAnswers, profile, questionnaire, read, targets } from '../helpers/defs';

const NAMES = [
  { id: 'cnc-rate', names: ['关键工序数控化率', 'Key-process CNC rate', 'key process CNC rate'] },
  { id: 'equipment-digitization-rate', names: ['生产设备数字化率', '设备数字化率'] },
];

describe('targetsIn: the indicator a goal names and the figure after it', () => {
  it.each([
    ['关键工序数控化率 2027 年超过 60%', { indicator: 'cnc-rate', target: 0.6, strict: true }],
    ['关键工序数控化率达到 75％', { indicator: 'cnc-rate', target: 0.75, strict: false }],
    ['关键工序数控化率 2028 年不低于 80%', { indicator: 'cnc-rate', target: 0.8, strict: false }],
    // where the plant starts is not its figure; the level it rises to is
    ['关键工序数控化率由 40% 提高到 60%', { indicator: 'cnc-rate', target: 0.6, strict: false }],
    ['raise the key-process CNC rate from 40% to 75% by 2027', { indicator: 'cnc-rate', target: 0.75, strict: false }],
    // full-width digits and percent sign
    ['关键工序数控化率超过６０％', { indicator: 'cnc-rate', target: 0.6, strict: true }],
    ['key-process CNC rate above 62.5 % by 2028', { indicator: 'cnc-rate', target: 0.625, strict: true }],
    ['设备数字化率 > 70%', { indicator: 'equipment-digitization-rate', target: 0.7, strict: true }],
  ])('%s', (goal, expected) => {
    expect(targetsIn(goal, NAMES)).toEqual([expected]);
  });

  it.each([
    // no figure after the name, or no name
    ['两年内关键工序全部数控化'],
    ['关键工序数控化率明显提高'],
    ['OEE 提高到 75%'],
    // the percentage before the name is not its figure
    ['60% 的关键工序数控化率'],
    // not a share, or more than all
    ['关键工序数控化率 150%'],
    ['关键工序数控化率超过 100%'],
    // a rise, not a level; a ceiling, not a figure to reach
    ['关键工序数控化率提高 20%'],
    ['关键工序数控化率提高 20 个百分点'],
    ['关键工序数控化率不超过 60%'],
    // a figure written for something else after the name of the retrofit
    ['关键工序数控化改造完成后产能提升 30%'],
  ])('no figure in “%s”', (goal) => {
    expect(targetsIn(goal, NAMES)).toEqual([]);
  });
});

describe('targetsIn: each indicator a goal names, with the figure written after its own name', () => {
  it('two indicators in one goal, each with its figure; a figure before the next name is not the first one\'s', () => {
    expect(targetsIn('关键工序数控化率2027年超过60%，设备数字化率达到80%', NAMES)).toEqual([
      { indicator: 'cnc-rate', target: 0.6, strict: true },
      { indicator: 'equipment-digitization-rate', target: 0.8, strict: false },
    ]);
    expect(targetsIn('关键工序数控化率要提高，设备数字化率达到 80%', NAMES)).toEqual([{ indicator: 'equipment-digitization-rate', target: 0.8, strict: false }]);
  });
});

describe('countNeeded: the least count out of a total that meets a share', () => {
  it.each([
    [0.6, 12, true, 8], // 7.2 → 8
    [0.6, 12, false, 8],
    [0.6, 10, false, 6], // exactly 6 reaches 60 %
    [0.6, 10, true, 7], // and 7 exceeds it
    [0.5, 12, true, 7],
    [1, 5, false, 5],
    [1, 5, true, 6], // more than all: nothing meets it
  ])('%s of %s (strict %s) → %s', (target, total, strict, needed) => {
    expect(countNeeded(target, total, strict)).toBe(needed);
    // the count found meets the figure, and one fewer does not
    const meets = (n: number) => (strict ? n / total > target : n / total >= target);
    if (needed <= total) expect(meets(needed)).toBe(true);
    expect(meets(needed - 1)).toBe(false);
  });
});

describe('ownTargetsOf, on the discrete example (12 key processes, 5 on CNC)', () => {
  const q = questionnaire('questionnaires/smart-manufacturing.yaml');
  const file = parse(read('examples/discrete-machinery.zhizao.yaml')) as { answers: Record<string, unknown> };
  const result = buildResult(q, mustAnswers(q, file), profile(), targets());

  it('its own goal of more than 60 %: 41.7 % today, at least 8 of 12 needed', () => {
    const [t, ...rest] = ownTargetsOf('关键工序数控化率 2027 年超过 60%；数控设备全部联网并统计 OEE', q, result.indicators);
    expect(rest).toEqual([]);
    expect(t).toMatchObject({ indicator: 'cnc-rate', target: 0.6, strict: true, met: false, counts: { have: 5, total: 12, needed: 8, unitOf: 'key_processes_total' } });
    expect(t!.now).toBeCloseTo(5 / 12, 10);
  });

  it('a figure already met, and one for an indicator named twice (the first counts)', () => {
    const ts = ownTargetsOf('关键工序数控化率达到 40%；关键工序数控化率超过 90%', q, result.indicators);
    expect(ts).toHaveLength(1);
    expect(ts[0]).toMatchObject({ target: 0.4, met: true });
  });

  it('a process plant writes the rate as what it counts there (自动控制率): the same indicator', () => {
    const [t] = ownTargetsOf('关键工序自动控制率 2027 年超过 90%', q, result.indicators);
    expect(t).toMatchObject({ indicator: 'cnc-rate', target: 0.9, strict: true });
    expect(ownTargetsOf('关键工序数控化率（流程型：自动控制率）达到 80%', q, result.indicators)[0]).toMatchObject({ indicator: 'cnc-rate', target: 0.8 });
  });

  it('goals without a figure for an indicator give nothing', () => {
    expect(ownTargetsOf('两年内关键工序全部数控化；申报市级智能车间', q, result.indicators)).toEqual([]);
  });

  it('English goals are told apart by their sentences', () => {
    const ts = ownTargetsOf('Key-process CNC rate above 60% by 2027. Equipment digitisation rate to 90%.', q, result.indicators);
    expect(ts.map((t) => [t.indicator, t.target, t.strict, t.goal])).toEqual([
      ['cnc-rate', 0.6, true, 'Key-process CNC rate above 60% by 2027'],
      ['equipment-digitization-rate', 0.9, false, 'Equipment digitisation rate to 90%'],
    ]);
  });
});
