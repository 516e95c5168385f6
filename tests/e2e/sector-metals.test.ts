// Non-ferrous metals (C32) and metal products (C33) through the built CLI: one pack for both, whose titles are true
// of every plant it reaches and whose trade wording and duties follow the plant's code. A copper strip mill gets the
// non-ferrous molten-metal duty and coil tracking but no aluminium word; the same answers as an aluminium plant keep
// the deep-well casting and aluminium-dust content; a structural-steel fabricator gets the machinery and metal-dust
// duties and no non-ferrous wording; a forge (C3393) gets no casting-interlock project, a foundry (C3391) gets it
// without the aluminium deep-well items.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli';
import { reportJson, reportMarkdown, type ReportProject, type Text } from '../helpers/report-cli';

type Rec = ReportProject;
interface Report {
  recommendations: Rec[];
  roadmap: { duties: { id: string; source: string | Text; met: boolean; gate: boolean; confirmed: boolean }[] };
}

const FIX = 'tests/fixtures/plants';
const COPPER = `${FIX}/copper-strip-c3251.yaml`;
const STEEL = `${FIX}/structural-steel-c3311.yaml`;
const dir = tempDir('zhizao-metals-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The fixture with another sector code (same answers). */
function recoded(file: string, from: string, to: string): string {
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(`sector: ${from}`);
  const out = path.join(dir, `${path.basename(file, '.yaml')}-${to}.yaml`);
  writeFileSync(out, text.replace(`sector: ${from}`, `sector: ${to}`));
  return out;
}
const json = (file: string, ...extra: string[]) => reportJson<Report>(file, ...extra);
const md = reportMarkdown;
const get = (d: Report, id: string) => d.recommendations.find((r) => r.id === id);
const dutyIds = (d: Report) => d.roadmap.duties.map((x) => x.id);
/** What the plan proposes (title, steps, equipment, software, integration, benefits), without the why. */
const proposed = (d: Report) => d.recommendations.map((r) => JSON.stringify([r.title, r.measures, r.hardware, r.software, r.integration, r.benefits])).join(' ');
const zhOf = (xs: Text[]) => xs.map((x) => x.zh).join(' ');

// the pack's title, with the plant's sub-industry where the pack names its code
const SECTOR_ZH = (cls: string) => `行业：有色金属冶炼和压延加工、金属制品（本厂细分行业：${cls}）。`;
const SECTOR_EN = (cls: string) => `Sector: Non-ferrous metal smelting and processing, metal products (the plant's sub-industry: ${cls}).`;

describe('a copper strip mill (C3251) gets the non-ferrous pack, with no aluminium wording', () => {
  const d = json(COPPER);

  it('is not the generic pack: its sector line, and the non-ferrous duties with their article', () => {
    const zh = md(COPPER, 'zh');
    expect(zh).toContain(SECTOR_ZH('铜压延加工，C3251'));
    expect(zh).not.toContain('行业：通用');
    expect(dutyIds(d)).toEqual(expect.arrayContaining(['nonferrous-molten-metal', 'major-hazard-self-check']));
    expect(dutyIds(d)).not.toContain('deep-well-casting-interlocks');
    expect(dutyIds(d)).not.toContain('metal-dust-explosion');
    expect(dutyIds(d)).not.toContain('foundry-painting-hazards');
    const molten = d.roadmap.duties.find((x) => x.id === 'nonferrous-molten-metal')!;
    // no online monitoring of its risks at all (req_safety_online_monitoring: none): no cooling-element alarms either
    expect(molten).toMatchObject({ met: false, notMet: true, gate: true, confirmed: false });
    // the duty in words: water-cooled furnaces, its article, and that the citation is not yet checked
    const line = zh.split('\n').find((l) => l.includes('有色企业有熔炼、铸造等熔融金属作业的'))!;
    expect(line).toContain('应急水源');
    expect(line).toContain('第五条（有色企业）');
    // not yet checked against the original: marked where it is cited, said once under the list
    expect(line).toContain('第五条（有色企业）\\*');
    expect(zh).toContain('带 \\* 的出处尚未与原文逐条核对，条款号以现行有效文本为准。');
    expect(line).toContain('答卷显示尚未满足');
  });

  it('a major accident hazard the answers show comes first: the project that fixes it is in 0–6 months, ahead of the energy system the plant asked for', () => {
    const phase = (id: string) => d.recommendations.find((r) => r.id === id)?.phase;
    expect(phase('station-hazard-sensing')).toBe('0-6m');
    expect(['6-18m', '18-36m', 'later']).toContain(phase('workshop-energy-metering-ems'));
  });

  it('no aluminium, deep-well casting or aluminium-processing word anywhere in the Chinese or English report', () => {
    expect(md(COPPER, 'zh')).not.toMatch(/铝|深井|镁/);
    expect(md(COPPER, 'en')).not.toMatch(/alumin|deep-well|magnesium/i);
    expect(proposed(d)).not.toMatch(/铝|深井|alumin|deep-well/i);
  });

  it('its bottleneck (coils on paper route cards) gets the coil or batch tracking MES, its furnaces metering by melt', () => {
    const mes = get(d, 'workshop-mes')!;
    expect(mes.title.zh).toBe('按卷号或批号全流程跟踪的制造执行系统（MES）');
    expect(zhOf(mes.measures)).toContain('母卷与子卷');
    expect(zhOf(mes.measures)).toContain('明确 MES 与 ERP 的边界'); // the plant has an ERP: the item for a plant with one
    expect(zhOf(get(d, 'workshop-energy-metering-ems')!.measures)).toContain('按熔次、炉次核算吨产品能耗');
    const sensing = get(d, 'station-hazard-sensing')!;
    expect(zhOf(sensing.measures)).toContain('有水冷冶炼炉窑、铸造机或加热炉的，设应急水源');
    expect(zhOf(sensing.measures)).not.toMatch(/流槽|结晶器/);
  });

  it('in English: the sector, the duty with its article, and the projects in English', () => {
    const en = md(COPPER, 'en');
    expect(en).toContain(SECTOR_EN('Copper rolling, extrusion and drawing, C3251'));
    expect(en).toContain('Article 5 (non-ferrous metal enterprises)');
    expect(en).toContain('Manufacturing execution system (MES) tracking every coil or batch end to end');
  });

  it('the office report still runs, with the sector and no aluminium wording', () => {
    const zh = md(COPPER, 'zh', '--audience', 'office');
    expect(zh).toContain(SECTOR_ZH('铜压延加工，C3251'));
    expect(zh).not.toMatch(/铝|深井/);
    expect(md(COPPER, 'en', '--audience', 'office')).toContain(SECTOR_EN('Copper rolling, extrusion and drawing, C3251'));
  });
});

describe('the same answers as an aluminium plant (C3252) keep the aluminium content', () => {
  const file = recoded(COPPER, 'C3251', 'C3252');
  const d = json(file);

  it('the deep-well casting and aluminium-dust gates, and the molten-metal duty', () => {
    expect(dutyIds(d)).toEqual(expect.arrayContaining(['deep-well-casting-interlocks', 'metal-dust-explosion', 'nonferrous-molten-metal', 'major-hazard-self-check']));
    const zh = md(file, 'zh');
    expect(zh).toContain(SECTOR_ZH('铝压延加工，C3252'));
    expect(zh).toContain('铝加工深井铸造：结晶器冷却水须设进水压力、流量监测报警');
  });

  it('aluminium wording in its projects: deep-well interlocks, tonne of aluminium, aluminium and magnesium dust, coil tracking', () => {
    const interlocks = get(d, 'station-casting-safety-interlocks')!;
    expect(interlocks.title.zh).toBe('熔铸与水冷炉窑安全监测联锁补齐');
    expect(zhOf(interlocks.measures)).toContain('流槽断开装置');
    expect(zhOf(get(d, 'workshop-energy-metering-ems')!.measures)).toContain('吨铝能耗');
    // the plant-wide monitoring leaves the interlocks and the aluminium dust to their own projects, which carry them
    const sensing = zhOf(get(d, 'station-hazard-sensing')!.measures);
    expect(sensing).not.toContain('铸造冷却水压力、流量、液位报警和联锁');
    expect(sensing).not.toContain('铝镁粉尘点设负压或湿式除尘及火花探测');
    expect(zhOf(get(d, 'station-metal-dust-removal-safety')!.measures)).toContain('铝、镁等金属粉尘');
    expect(get(d, 'workshop-mes')!.title.zh).toContain('卷号');
    expect(md(file, 'en')).toMatch(/deep-well casting of aluminium/i);
  });

  it('the deep-well casting gate, which the answers cannot show met, makes its interlock project lead: in 0–6 months, not after the systems', () => {
    const gate = d.roadmap.duties.find((x) => x.id === 'deep-well-casting-interlocks')!;
    expect(gate).toMatchObject({ gate: true, met: false });
    expect(get(d, 'station-casting-safety-interlocks')!.phase).toBe('0-6m');
  });
});

describe('a structural-steel fabricator (C3311) gets the metal-products side of the pack', () => {
  const d = json(STEEL);

  it('the machinery items (Article 7) as binding (its list names 涂装), the metal-dust duty as a condition, no non-ferrous duty', () => {
    const zh = md(STEEL, 'zh');
    expect(zh).toContain(SECTOR_ZH('金属结构制造，C3311'));
    // (review 28: its list names coating, not melting or casting — the painting items only)
    expect(dutyIds(d)).toEqual(expect.arrayContaining(['painting-hazards-listed', 'metal-products-dust', 'major-hazard-self-check']));
    expect(dutyIds(d)).not.toContain('foundry-painting-hazards');
    expect(dutyIds(d)).not.toContain('foundry-hazards-listed');
    for (const id of ['nonferrous-molten-metal', 'deep-well-casting-interlocks', 'metal-dust-explosion']) expect(dutyIds(d)).not.toContain(id);
    const machinery = zh.split('\n').find((l) => l.startsWith('- 本厂关键工序中有涂装（喷漆、喷粉）作业，须先对照'))!;
    expect(machinery).not.toContain('熔融金属');
    expect(machinery).toContain('第七条（机械企业）');
    expect(machinery).toContain('第七条（机械企业）\\*');
    expect(zh).toContain('- 有铝、镁等可燃性金属的打磨、抛光、切削或金属粉末作业的');
    expect(md(STEEL, 'en')).toContain('Article 7 (machinery enterprises)');
  });

  it('no melt, coil, deep-well or non-ferrous wording in its projects, and no gate before its plan', () => {
    expect(proposed(d)).not.toMatch(/熔次|卷号|深井|吨铝|熔铸|铝镁粉尘|有色企业|coil|deep-well/i);
    expect(d.roadmap.duties.filter((x) => x.gate)).toEqual([]);
    const zh = md(STEEL, 'zh', '--audience', 'office');
    expect(zh).toContain(SECTOR_ZH('金属结构制造，C3311'));
    expect(zh).not.toMatch(/深井|熔次/);
  });

  it('a forge (C3393) gets no casting-interlock project; a foundry (C3391) gets it with its own items, not the deep-well ones', () => {
    expect(get(json(recoded(STEEL, 'C3311', 'C3393')), 'station-casting-safety-interlocks')).toBeUndefined();
    const foundry = get(json(recoded(STEEL, 'C3311', 'C3391')), 'station-casting-safety-interlocks')!;
    expect(foundry.title.zh).toBe('熔铸与水冷炉窑安全监测联锁补齐');
    expect(zhOf(foundry.measures)).toContain('机械企业的情形');
    expect(zhOf([...foundry.measures, ...foundry.hardware])).not.toMatch(/深井|流槽|钢芯钢丝绳|铝/);
  });
});

describe('other non-ferrous smelting (C3212 lead and zinc) is not worded as rolling', () => {
  it('the molten-metal duty, and no coil, rolling-mill or aluminium wording', () => {
    const file = recoded(COPPER, 'C3251', 'C3212');
    const d = json(file);
    expect(dutyIds(d)).toContain('nonferrous-molten-metal');
    expect(proposed(d)).not.toMatch(/铝|深井|母卷|轧机|alumin/i);
    expect(get(d, 'workshop-mes')!.measures.map((x) => x.zh)).toContain('按炉次或批次记录投料、产出、工艺参数和化验结果，计算金属回收率。');
  });
});

describe('rule-library wording for metal trades outside aluminium', () => {
  /** The structural-steel fabricator (C3311) with grinding robots, or another trade. */
  function withRobots(to: string): string {
    const text = readFileSync(STEEL, 'utf8');
    const out = path.join(dir, `steel-robots-${to}.yaml`);
    const robots = /^(\s+)robot_applications: .*$/m.test(text) ? text.replace(/^(\s+)robot_applications: .*$/m, '$1robot_applications: [grinding, palletising]') : text.replace(/^answers:\n/m, 'answers:\n  robot_applications: [grinding, palletising]\n');
    // robot_applications is asked only of a plant with robots
    writeFileSync(out, robots.replace(/^(\s+)robots_count: 0$/m, '$1robots_count: 4').replace('sector: C3311', `sector: ${to}`));
    return out;
  }
  it('grinding robots outside the metals pack (an auto-parts plant, C3670): the dust project is about metal dust, not "aluminium and magnesium dust"', () => {
    const d = json(withRobots('C3670'));
    const dust = get(d, 'station-metal-dust-removal-safety');
    expect(dust, 'the dust project fires for grinding robots').toBeDefined();
    expect(dust!.title.zh).not.toMatch(/铝|镁/);
    expect(dust!.title.en).not.toMatch(/aluminium|magnesium/i);
  });
  it('no kilns or melting furnaces are presumed for a steel fabricator; a foundry keeps them', () => {
    expect(proposed(json(withRobots('C3311')))).not.toContain('窑炉、熔炼等高温区');
    expect(get(json(withRobots('C3393')), 'station-casting-safety-interlocks')).toBeUndefined();
  });
});
