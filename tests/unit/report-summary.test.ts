import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildResult } from '../../src/core/result';
import { gapsOf, headlineOf, methodOf, summaryOf } from '../../src/report/model-parts';
import { tiersOf } from '../../src/report/model-standing';
import { mustAnswers, profile, questionnaire, read, targets, wording } from '../helpers/defs';

const q = questionnaire('questionnaires/smart-manufacturing.yaml');
const w = wording();
const counts = { inPlan: 5, later: 0, months: 36 };
const summary = (answers: Record<string, unknown>) => {
  const file = parse(read('examples/discrete-machinery.zhizao.yaml'));
  Object.assign(file.answers, answers);
  return summaryOf(buildResult(q, mustAnswers(q, file), profile(), targets()), w, counts);
};

describe('the executive summary: what it says of the plant\'s indicators', () => {
  it('never says every indicator is met when one with a target could not be computed', () => {
    const s = summary({ key_processes_cnc: 'unknown', key_processes_total: 'unknown', design_tools: 'unknown' });
    expect(s.zh).not.toContain('达到参考目标水平的指标');
    expect(s.zh).toContain('无法计算的指标：关键工序数控化率、数字化研发设计工具普及率');
    expect(s.en).toContain('could not be computed');
  });

  it('names a missed indicator, and one that could not be computed, each as such', () => {
    const s = summary({ key_processes_cnc: 2, key_processes_total: 10, design_tools: 'unknown' });
    expect(s.zh).toContain('低于参考目标水平的指标：关键工序数控化率。');
    expect(s.zh).toContain('无法计算的指标：数字化研发设计工具普及率');
  });

  it('a plant without digital design tools does not yet count toward the regional share: never "below" it', () => {
    const s = summary({ key_processes_cnc: 9, key_processes_total: 10, design_tools: ['none'] });
    expect(s.zh).toContain('本企业尚未计入按企业占比计的区域指标：数字化研发设计工具普及率。');
    expect(s.zh).not.toContain('低于参考目标水平');
    expect(s.en).toContain('does not yet count toward the regional share of companies for Digital design-tool penetration');
  });

  it('names the indicators met, never "every indicator with a target is met" (one regional reference, of a lapsed year)', () => {
    const s = summary({ key_processes_cnc: 9, key_processes_total: 10 });
    expect(s.zh).toContain('达到参考目标水平的指标：关键工序数控化率。');
    expect(s.zh).not.toContain('均达到');
    expect(s.en).toContain('Indicators at or above their reference target level: Key-process CNC rate.');
  });
});

describe('the headline: a level resting on "don\'t know" answers says so', () => {
  const result = (answers: Record<string, unknown>) => {
    const file = parse(read('examples/discrete-machinery.zhizao.yaml'));
    Object.assign(file.answers, answers);
    return buildResult(q, mustAnswers(q, file), profile(), targets());
  };
  it('counts the scored questions answered "don\'t know" beside the level, and says nothing when there are none', () => {
    const plain = result({});
    expect(plain.scoredUnknown).toBe(0);
    expect(headlineOf(plain, q, w, false).caveat?.zh ?? '').not.toContain('不清楚');
    const reqs = q.questions.filter((x) => x.type === 'requirement' && plain.unanswered.indexOf(x.id) < 0).slice(0, 12);
    const r = result(Object.fromEntries(reqs.map((x) => [x.id, 'unknown'])));
    expect(r.scoredUnknown).toBeGreaterThanOrEqual(10);
    const caveat = headlineOf(r, q, w, false).caveat!;
    expect(caveat.zh).toContain(`有 ${r.scoredUnknown} 道`);
    expect(caveat.zh).toContain('回答“不清楚”，按未满足计分');
    expect(caveat.en).toContain(`${r.scoredUnknown} of the ${r.scoredAnswered} answered scored questions`);
  });
});

describe('the method table: each sub-domain\'s effective weight', () => {
  it('is shown for a sub-domain that scores 0 at every level (it was "—": derived as contribution ÷ score)', () => {
    const file = parse(read('examples/discrete-machinery.zhizao.yaml'));
    const energy = q.questions.filter((x) => x.subdomain === 'energy-management');
    for (const x of energy) file.answers[x.id] = x.type === 'requirement' ? 'none' : x.type === 'level' ? x.options![0]!.value : file.answers[x.id];
    const r = buildResult(q, mustAnswers(q, file), profile(), targets());
    const s = r.subdomains.find((x) => x.id === 'energy-management')!;
    expect(s.levelScores.every((x) => x === null || x === 0)).toBe(true);
    const row = methodOf(r, q, w, false).subdomains.find((x) => x.name.zh === s.name.zh)!;
    expect(row.weight).not.toBe('—');
    expect(row.weight).toBe(`${(s.weights.find((x) => x !== null)! * 100).toFixed(1)}%`);
  });
});

describe('the largest gaps the summary names are the lowest sub-domains, each with its level', () => {
  // The reviewed autoparts plant: level 2; safety-environment and energy management at level 0, information security
  // at 1. With equal weights down the model tree each manufacturing sub-domain weighs under 1 % of S, so ranking by
  // weight × shortfall named information security, network and data.
  const r = buildResult(q, mustAnswers(q, parse(read('tests/fixtures/review/autoparts-c36.yaml'))), profile(), targets());
  it('names safety-environment and energy management (level 0) first, then information security (level 1)', () => {
    expect(r.maturity.level).toBe(2);
    const s = summaryOf(r, w, counts);
    expect(s.zh).toContain('差距最大（等级最低）的能力子域是安全环保（未达到 1 级）、能源管理（未达到 1 级）、信息安全（1 级），所缺的要求逐条列在“差距”一节。');
    expect(s.en).toContain('The largest gaps (the lowest levels) are in Safety and environment (not yet level 1), Energy management (not yet level 1), Information security (level 1); the requirements they miss are listed one by one under "Gaps".');
  });

  it('the gaps section lists them in the same order, lowest level first', () => {
    const lines = gapsOf(r, w).lines.map((l) => l.zh);
    expect(lines.slice(0, 3)).toEqual(['安全环保：未达到 1 级 → 下一目标 1 级', '能源管理：未达到 1 级 → 下一目标 1 级', '信息安全：1 级 → 下一目标 2 级']);
    // (below level 1 reads "未达到 1 级": 0 here)
    const levels = lines.map((l) => (l.includes('：未达到 1 级') ? 0 : Number(/：(\d) 级/.exec(l)![1])));
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
  });
});


describe('the executive summary: the level the plan period would reach', () => {
  const r = () => buildResult(q, mustAnswers(q, parse(read('examples/discrete-machinery.zhizao.yaml'))), profile(), targets());
  const projected = (level: number | null, score: number) => ({ level, score, indicatorsMet: [] });
  it('says the projected level after the last phase, reached or not, and that it is a projection', () => {
    const result = r();
    expect(result.maturity.level).toBe(1);
    const up = summaryOf(result, w, counts, projected(2, 2.04));
    expect(up.zh).toContain('按推算，规划期的项目全部完成后为 2 级（S ≈ 2.04）；推算假定各项目按计划完成');
    expect(up.en).toContain('would be at level 2 (S ≈ 2.04)');
    const same = summaryOf(result, w, counts, projected(1, 1.7996));
    // rounded down at a level's edge, as everywhere: 1.7996 is not yet 1.80
    expect(same.zh).toContain('仍为 1 级（S ≈ 1.79）：这些项目不足以使等级提升');
    expect(summaryOf(result, w, counts, projected(0, 0.6)).zh).toContain('仍未达到一级（S ≈ 0.60）');
  });

  it('says nothing of a projection without one, or without a project in the plan period', () => {
    const result = r();
    expect(summaryOf(result, w, counts).zh).not.toContain('按推算');
    expect(summaryOf(result, w, { ...counts, inPlan: 0 }, projected(2, 2.04)).zh).not.toContain('按推算');
  });
});

describe('the smart-factory tiers: what the projected level would meet', () => {
  const result = () => buildResult(q, mustAnswers(q, parse(read('examples/discrete-machinery.zhizao.yaml'))), profile(), targets());
  it('level 1 today, 2 projected: the two tiers asking level 2 are named, with the conditions still to meet', () => {
    const r = result();
    expect(r.maturity.level).toBe(1);
    const t = tiersOf(r, w, { level: 2, score: 2.1, indicatorsMet: [] });
    expect(t.projected?.zh).toBe('按推算，规划期的项目全部完成后为 2 级，届时满足基础级、先进级的等级条件；其他条件仍需另行满足，推算不是诊断结果。');
    expect(t.projected?.en).toContain('level 2, which meets the level condition of');
  });
  it('no projection, or one that meets no tier today\'s level does not: nothing said', () => {
    const r = result();
    expect(tiersOf(r, w).projected).toBeUndefined();
    expect(tiersOf(r, w, null).projected).toBeUndefined();
    expect(tiersOf(r, w, { level: 1, score: 1.6, indicatorsMet: [] }).projected).toBeUndefined();
  });
});
