// A signing consultant's review of four client reports (review 28: the food and machinery examples, and the auto-parts
// supplier and small crusher maker of review 27), wording a plant manager should not read: section 7 and the plan's
// declaration sentences quoted the questionnaire ("“是否在用制造执行系统（MES）？”：否（需为“是”）") where the plant's
// situation belongs; the last line of every report was a bare "zhizao 0.1.0"; the projections spoke of the answer
// sheet improving ("答卷相应改善"), and the self-rating check of question kinds ("自评题", "要求题"). Through the built CLI.
import { describe, expect, it } from 'vitest';
import { zhizao } from '../helpers/cli';

const PLANTS = {
  food: 'examples/process-food.zhizao.yaml',
  machinery: 'examples/discrete-machinery.zhizao.yaml',
  auto: 'tests/fixtures/review27/auto.yaml',
  small: 'tests/fixtures/review27/small-equip.yaml',
} as const;
type Plant = keyof typeof PLANTS;
type Lang = 'zh' | 'en';

const cache = new Map<string, string>();
function md(plant: Plant, lang: Lang): string {
  const key = `${plant}:${lang}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const r = zhizao(['report', PLANTS[plant], '--format', 'md', '--lang', lang]);
  expect(r.code, r.stderr).toBe(0);
  cache.set(key, r.stdout);
  return r.stdout;
}
/** The text from one `## n.` heading to the next. */
function section(text: string, n: number): string {
  const start = text.indexOf(`\n## ${n}. `);
  expect(start, `section ${n}`).toBeGreaterThanOrEqual(0);
  const end = text.indexOf('\n## ', start + 1);
  return text.slice(start, end < 0 ? undefined : end);
}
/** The plan's declaration sentences (section 6): 申报“…”：… / Applying for “…”: … */
const declarations = (text: string) => text.split('\n').filter((l) => l.startsWith('申报“') || l.startsWith('Applying for “'));
/** A question quoted as asked: “…？” or “…?”. */
const QUOTED_QUESTION = /“[^”]*[？?]”/;

describe('1. the application criteria state the plant’s situation; they do not quote the questionnaire', () => {
  it('the auto-parts supplier: MES, IPv6, networked machines and SCADA said as facts, with what the criterion asks for', () => {
    const zh = section(md('auto', 'zh'), 7);
    expect(zh).toContain('【未使用制造执行系统（MES）（条件要求在用）、计划与调度 1 级（需达到 2 级）】');
    expect(zh).toContain('工业互联网 IPv6 网络化改造 — 未满足。本厂：企业网络尚未完成 IPv6 改造（条件要求完成改造）');
    expect(zh).toContain('；已联网并采集数据的数字化设备：0 台（套）；');
    expect(zh).toContain('；工厂网络现状：办公网络，车间网络在规划（1 级）；');
    expect(zh).toContain('；没有 SCADA 或设备数据采集平台集中采集和监视设备、工艺数据（条件要求有这样的系统）');
    const en = section(md('auto', 'en'), 7);
    // (Markdown escapes the brackets of the alternatives: \[…\])
    expect(en).toContain('or \\[no manufacturing execution system (MES) in use (the criterion asks for one in use), Planning and scheduling at level 1 (needs level 2)\\]');
    expect(en).toContain('IPv6 retrofit of the industrial-internet network — not met. This plant: the company network not yet upgraded to IPv6 (the criterion asks for the upgrade)');
    expect(en).toContain('; digital machines networked with their data collected: 0 units; ');
  });

  it('the machinery example’s declaration sentences say the same in the plan (按本方案推算仍为)', () => {
    const [workshop, factory] = declarations(md('machinery', 'zh'));
    expect(workshop).toContain('（按本方案推算仍为：以下任一组各项均达到即可：【仓储配送 2 级（需达到 3 级）】或【未使用仓储管理系统（WMS）（条件要求在用）】）');
    expect(factory).toContain('“工业互联网 IPv6 网络化改造”（按本方案推算仍为：企业网络尚未完成 IPv6 改造（条件要求完成改造））');
    expect(declarations(md('machinery', 'en'))[1]).toContain('“IPv6 retrofit of the industrial-internet network” (projected under this plan: the company network not yet upgraded to IPv6 (the criterion asks for the upgrade))');
  });

  it('no plant’s section 7 or declaration sentences quote a question, or ask for “是”', () => {
    for (const plant of Object.keys(PLANTS) as Plant[]) {
      for (const lang of ['zh', 'en'] as const) {
        const text = md(plant, lang);
        for (const part of [section(text, 7), ...declarations(text)]) {
          expect(part, `${plant} ${lang}`).not.toMatch(QUOTED_QUESTION);
          expect(part, `${plant} ${lang}`).not.toMatch(/需为“|needs “yes”|needs “no”/);
        }
      }
    }
  });
});
