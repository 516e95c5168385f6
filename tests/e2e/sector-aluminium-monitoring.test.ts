// An aluminium plant's plant-wide safety and emission monitoring (station-hazard-sensing, worded by the metals pack)
// through the built CLI: the casting interlocks and the aluminium-dust collection have projects of their own, and
// the monitoring project leaves their items to them when the plan proposes them; with every caster's interlocks
// verified, no step or device asks to complete them.
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli';
import { answerVariant, reportJson, type ReportProject } from '../helpers/report-cli';

const PLANT = 'tests/fixtures/review/aluminium-rolling.yaml';
const dir = tempDir('zhizao-al-monitoring-');
interface Report {
  recommendations: ReportProject[];
}
const items = (r: ReportProject) => [...r.measures, ...r.hardware].map((t) => t.zh).join('\n');
const CASTING = /铸造冷却水|水冷元件|应急水源/;
const DUST = /铝镁粉尘|火花探测/;

const variant = (name: string, answers: Record<string, unknown>) => answerVariant(dir, PLANT, name, answers);

describe('plant-wide monitoring leaves the casting and dust items to their own projects', () => {
  it('both projects proposed: the monitoring project lists none of their items', () => {
    const d = reportJson<Report>(PLANT);
    const ids = d.recommendations.map((r) => r.id);
    expect(ids).toContain('station-casting-safety-interlocks');
    expect(ids).toContain('station-metal-dust-removal-safety');
    const monitoring = d.recommendations.find((r) => r.id === 'station-hazard-sensing')!;
    expect(items(monitoring)).not.toMatch(CASTING);
    expect(items(monitoring)).not.toMatch(DUST);
    // the projects of their own keep them
    expect(items(d.recommendations.find((r) => r.id === 'station-casting-safety-interlocks')!)).toMatch(/快速切断阀/);
    expect(items(d.recommendations.find((r) => r.id === 'station-metal-dust-removal-safety')!)).toMatch(/火花探测/);
  });

  it('every caster verified: no casting interlock project, and the monitoring project does not ask to complete them', () => {
    const d = reportJson<Report>(variant('verified.yaml', { casting_interlocks_verified: 'verified' }));
    expect(d.recommendations.map((r) => r.id)).not.toContain('station-casting-safety-interlocks');
    const monitoring = d.recommendations.find((r) => r.id === 'station-hazard-sensing');
    expect(monitoring).toBeDefined();
    expect(items(monitoring!)).not.toMatch(/补齐铸造冷却水|快速切断阀/);
  });
});
