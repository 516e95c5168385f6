// The level under the other scoring schemes: the official weight tables are not available, so a report says what the
// other bundled scheme gives, the same level or another one (core/profile-comparison.ts, report/model-parts.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { otherScorings, profileFits } from '../../src/core/profile-comparison';
import { buildResult } from '../../src/core/result';
import { headlineOf, summaryOf } from '../../src/report/model-parts';
import { Definitions } from '../../src/io/definitions';
import type { Profile } from '../../src/core/profile';
import { mustAnswers, profile, questionnaire, read, targets, wording } from '../helpers/defs';

const q = questionnaire('questionnaires/smart-manufacturing.yaml');
const w = wording();
const practice = profile();
let draft: Profile;
beforeAll(async () => {
  draft = await new Definitions().profile('gbt39117-2024-draft');
});
const plant = (file: string) => mustAnswers(q, parse(read(file)));

describe('the plant scored under the other bundled scheme', () => {
  it('both bundled schemes fit the bundled questionnaire', () => {
    expect(profileFits(practice, q)).toBe(true);
    expect(profileFits(draft, q)).toBe(true);
  });

  it('leaves out the scheme the result used, and gives the other one its own level and S', () => {
    const a = plant('tests/fixtures/review/aluminium-rolling.yaml');
    const r = buildResult(q, a, practice, targets());
    const others = otherScorings(q, a, r, [practice, draft], targets());
    expect(others.map((o) => o.profile)).toEqual(['gbt39117-2024-draft']);
    const under = buildResult(q, a, draft, targets());
    expect(others[0]).toMatchObject({ level: under.maturity.level, score: under.maturity.score, draft: true, verified: false });
    // the review's plant: not level 1 under the 2020 practice, level 1 under the 2024 draft
    expect(r.maturity.level).toBe(0);
    expect(others[0]!.level).toBe(1);
  });

  it('the headline and the summary say the level depends on the scheme when the other one gives another level', () => {
    const a = plant('tests/fixtures/review/aluminium-rolling.yaml');
    const r = buildResult(q, a, practice, targets());
    const others = otherScorings(q, a, r, [practice, draft], targets());
    const h = headlineOf(r, q, w, false, { others });
    expect(h.otherProfiles?.zh).toMatch(/^按“GB\/T 39117 修订草案评估方法（2024 草案，仅供参考）”测算，等级为 1 级（规划级），S = 1\.\d\d，与上面的等级不同：等级取决于所用的评分方案及其权重/);
    expect(h.otherProfiles?.en).toContain('not the level above');
    const s = summaryOf(r, w, { inPlan: 5, later: 0, months: 36 }, null, others);
    expect(s.zh).toContain('测算则为 1 级（规划级），S = 1.');
    expect(s.zh).toContain('等级取决于所用的评分方案');
    // without the other scheme's result, nothing is said of it
    expect(headlineOf(r, q, w, false).otherProfiles).toBeUndefined();
    expect(summaryOf(r, w, { inPlan: 5, later: 0, months: 36 }, null).zh).not.toContain('修订草案');
  });

  it('the same level is said as the same, and the summary does not repeat it', () => {
    const a = plant('examples/discrete-machinery.zhizao.yaml');
    const r = buildResult(q, a, practice, targets());
    const others = otherScorings(q, a, r, [practice, draft], targets());
    expect(others[0]!.level).toBe(r.maturity.level);
    expect(headlineOf(r, q, w, false, { others }).otherProfiles?.zh).toContain('等级同为 1 级（规划级）');
    expect(summaryOf(r, w, { inPlan: 5, later: 0, months: 36 }, null, others).zh).not.toContain('修订草案');
  });

  it('scored under the draft, the report names the 2020 practice as the other scheme', () => {
    const a = plant('tests/fixtures/review/aluminium-rolling.yaml');
    const r = buildResult(q, a, draft, targets());
    const others = otherScorings(q, a, r, [practice, draft], targets());
    expect(others.map((o) => o.profile)).toEqual(['gbt39117-2020-practice']);
    expect(headlineOf(r, q, w, false, { others }).otherProfiles?.zh).toContain('测算，等级为“未达到一级”');
  });
});
