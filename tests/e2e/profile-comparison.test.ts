// The level under the other bundled scoring scheme, through the built CLI: the review's aluminium plant is "not yet
// level 1" under the 2020 practice and level 1 under the 2024 draft; its report says so where the level is stated
// (summary and section 3) and its JSON gives both, also when the draft is the scheme asked for.
import { describe, expect, it } from 'vitest';
import { reportJson, reportMarkdown } from '../helpers/report-cli';

const PLANT = 'tests/fixtures/review/aluminium-rolling.yaml';
interface Json {
  maturity: { level: number | null; score: number };
  otherProfiles: { profile: string; level: number | null; score: number; draft: boolean }[];
}
const summary = (md: string) => md.slice(md.indexOf('\n## 2.'), md.indexOf('\n## 3.'));
const headline = (md: string) => md.slice(md.indexOf('\n## 3.'), md.indexOf('\n### ', md.indexOf('\n## 3.')));

describe('a level that depends on the scoring scheme says so', () => {
  it('JSON: the level under the scheme used and under the other one', () => {
    const d = reportJson<Json>(PLANT);
    expect(d.maturity.level).toBe(0);
    expect(d.otherProfiles).toEqual([expect.objectContaining({ profile: 'gbt39117-2024-draft', level: 1, draft: true })]);
    expect(d.otherProfiles[0]!.score).toBeGreaterThan(0.8);
  });

  it('Markdown, zh and en: the summary and the level section name the other scheme and its level', () => {
    const zh = reportMarkdown(PLANT, 'zh');
    expect(summary(zh)).toMatch(/按“GB\/T 39117 修订草案评估方法（2024 草案，仅供参考）”测算则为 1 级（规划级），S = 1\.\d\d，等级取决于所用的评分方案。/);
    expect(headline(zh)).toMatch(/测算，等级为 1 级（规划级），S = 1\.\d\d，与上面的等级不同：等级取决于所用的评分方案及其权重，以正式评估为准。/);
    const en = reportMarkdown(PLANT, 'en');
    expect(summary(en)).toMatch(/Under “GB\/T 39117 revision draft method \(2024 draft, for reference only\)” the plant scores level 1 \(Planning\), S = 1\.\d\d: the level depends on the scoring scheme used\./);
    expect(headline(en)).toContain('not the level above');
  });

  it('the programme office reads it too', () => {
    expect(headline(reportMarkdown(PLANT, 'zh', '--audience', 'office'))).toContain('与上面的等级不同');
  });

  it('scored under the draft, the other scheme is the 2020 practice, "not yet level 1"', () => {
    const d = reportJson<Json>(PLANT, '--profile', 'gbt39117-2024-draft');
    expect(d.maturity.level).toBe(1);
    expect(d.otherProfiles).toEqual([expect.objectContaining({ profile: 'gbt39117-2020-practice', level: 0, draft: false })]);
    expect(headline(reportMarkdown(PLANT, 'zh', '--profile', 'gbt39117-2024-draft'))).toContain('GB/T 39117-2020 评估方法（通行做法，按模型层级等权汇总）”测算，等级为“未达到一级”');
  });
});
