// A consultant's review of four client reports (review 28): the autoparts supplier (C3670: stamping, welding and
// machining; coating outsourced; an ERP and no MES), the 68-staff crusher maker (C3511, 60 万元), the food example and
// the machinery example (C34: hydraulic valves and cylinders, welding robots, an ERP and an MES). One test per
// finding, through the built CLI.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { tempDir } from '../helpers/cli';
import { reportJson, reportMarkdown, type ReportProject, type Text } from '../helpers/report-cli';

interface Duty { id: string }
interface Report {
  recommendations: ReportProject[];
  roadmap: { duties: Duty[]; budget: { envelope?: { max?: number } } };
}

const AUTO = 'tests/fixtures/review27/auto.yaml';
const SMALL = 'tests/fixtures/review27/small-equip.yaml';
const FOOD = 'examples/process-food.zhizao.yaml';
const MACHINERY = 'examples/discrete-machinery.zhizao.yaml';

const cache = new Map<string, Report>();
function report(file: string): Report {
  let d = cache.get(file);
  if (!d) cache.set(file, (d = reportJson<Report>(file)));
  return d;
}
const rec = (file: string, id: string) => report(file).recommendations.find((r) => r.id === id);
/** Every text of a project (title, lists, benefits and evidence), in one language. */
const words = (r: ReportProject, lang: 'zh' | 'en') =>
  [r.title, ...r.measures, ...r.hardware, ...r.software, ...r.integration, r.benefits, ...r.evidence.map((e) => e.statement)].map((t: Text) => t[lang]).join('\n');
/** The plan section of a Markdown report (duties, phases, projects). */
const planOf = (md: string) => md.slice(md.indexOf('\n## 6.'), md.indexOf('\n## 7.'));

const dir = tempDir('zhizao-review28-');
/** A fixture with some respondent fields or answers changed, or answers left out, written into the test's folder. */
function variant(base: string, name: string, change: { respondent?: Record<string, unknown>; answers?: Record<string, unknown>; drop?: string[] }): string {
  const file = parse(readFileSync(base, 'utf8')) as { respondent: Record<string, unknown>; answers: Record<string, unknown> };
  Object.assign(file.respondent, change.respondent ?? {});
  Object.assign(file.answers, change.answers ?? {});
  for (const id of change.drop ?? []) delete file.answers[id];
  const out = path.join(dir, `${name}.yaml`);
  writeFileSync(out, stringify(file));
  return out;
}

describe('review 28', () => {
  it('1a. the OT firewall of a discrete plant lets down NC programs and machine parameters, not recipes and setpoints; a process plant keeps its recipes', () => {
    for (const file of [AUTO, MACHINERY]) {
      const zoning = rec(file, 'workshop-ot-security-zoning')!;
      const zh = zoning.measures.map((m) => m.zh).join('\n');
      expect(zh, file).toContain('向生产网写入的（DNC 程序和设备参数下发、工单下达）');
      expect(zh, file).not.toMatch(/配方|设定值/);
      expect(zoning.measures.map((m) => m.en).join('\n'), file).not.toMatch(/recipe|setpoint/i);
    }
    // nor a DCS among the programs it backs up, nor PLC recipes on its assembly line (its model's parameters)
    const backup = rec(AUTO, 'workshop-ot-security-zoning')!.measures.find((m) => m.zh.includes('定期备份'))!;
    expect(backup.zh).toContain('PLC、机器人和数控程序');
    expect(backup.zh).not.toContain('DCS');
    expect(rec(AUTO, 'line-automated-assembly')!.integration.map((i) => i.zh).join('\n')).toContain('产线 PLC 型号参数/换型');
    const auto = planOf(reportMarkdown(AUTO, 'zh'));
    for (const w of ['配方', '设定值', 'DCS 程序']) expect(auto, w).not.toContain(w);
    // the food plant (process) with its networks not separated: recipes and setpoints, and no DNC
    const food = variant(FOOD, 'food-unsegmented', { answers: { req_ot_segmentation: 'none' } });
    const zh = rec(food, 'workshop-ot-security-zoning')!.measures.map((m) => m.zh).join('\n');
    expect(zh).toContain('向生产网写入的（配方和设定值下发、工单下达）');
    expect(zh).not.toContain('DNC');
  });

  it('1b. a parts supplier delivers to its own lines by takt and work order, not in vehicle-model sequence; a vehicle maker sequences by model', () => {
    const agv = rec(AUTO, 'line-agv-delivery')!;
    expect(words(agv, 'zh')).not.toMatch(/车型顺序|排序供货/);
    expect(words(agv, 'en')).not.toMatch(/model sequence|sequenced supply/i);
    expect(agv.measures.map((m) => m.zh).join('')).toContain('工单');
    const maker = variant(AUTO, 'vehicle-maker', { respondent: { sector: 'C3612' } });
    expect(rec(maker, 'line-agv-delivery')!.measures.map((m) => m.zh).join('')).toContain('车型顺序');
  });

  it('1c. the crusher maker\'s product sensors name no hydraulic or tunnelling parameters', () => {
    const product = rec(SMALL, 'factory-smart-product')!;
    expect(words(product, 'zh')).not.toMatch(/液压|掘进/);
    expect(words(product, 'en')).not.toMatch(/hydraulic|excavation|tunnel/i);
    expect(product.measures.map((m) => m.zh).join('')).toMatch(/振动|温度/);
    expect(reportMarkdown(SMALL, 'zh')).not.toContain('液压、掘进');
  });

  it('2. the equipment pack\'s robot project above 100 万元 names only the processes the plant has', () => {
    // the machinery example welds (robots on the cylinder seams, nozzles and supports by hand); it neither paints nor
    // grinds among its key processes, and its robots do neither
    const robots = rec(MACHINERY, 'station-hazardous-post-robots')!;
    expect(robots.variant).toBeUndefined();
    expect(robots.investment.min).toBeGreaterThanOrEqual(100);
    const zh = words(robots, 'zh');
    expect(zh).toContain('焊接');
    for (const w of ['喷涂', '喷漆', '漆雾', '涂料', '打磨']) expect(zh, w).not.toContain(w);
    expect(words(robots, 'en').toLowerCase()).not.toMatch(/paint|grind/);
    // the same plant painting and grinding weld seams: those robots too
    const paints = variant(MACHINERY, 'machinery-paints', {
      answers: { key_processes_list: '阀体粗铣（加工中心，数控）；缸体焊接（环缝由焊接机器人焊，接管和支座焊缝手工焊）；焊缝打磨（手工）；油缸喷漆（喷漆房，人工）；油缸装配（人工）' },
    });
    const both = words(rec(paints, 'station-hazardous-post-robots')!, 'zh');
    expect(both).toContain('喷涂机器人');
    expect(both).toContain('打磨机器人');
    // no key-process list: the stations are chosen by the assessment
    const unlisted = variant(MACHINERY, 'machinery-unlisted', { drop: ['key_processes_list'] });
    expect(words(rec(unlisted, 'station-hazardous-post-robots')!, 'zh')).toContain('按评估结果选型');
  });

  it('3. the MLPS classification names only the business systems the plant runs', () => {
    const classify = (file: string) => rec(file, 'workshop-ot-security-zoning')!.measures.find((m) => m.zh.includes('等级保护定级'))!;
    // the autoparts plant: an ERP, no MES
    expect(classify(AUTO).zh).toContain('ERP');
    expect(classify(AUTO).zh).not.toContain('MES');
    expect(classify(AUTO).en).not.toContain('MES');
    // the machinery example runs both
    expect(classify(MACHINERY).zh).toContain('ERP、MES');
  });

  it('4. one welding cell costs what one cell costs, whatever the plant\'s head-count; the 60 万元 plan still fits', () => {
    const cell = rec(SMALL, 'station-hazardous-post-robots')!;
    expect(cell.variant).toBe('one-welding-cell');
    expect(cell.investment).toEqual({ min: 25, max: 50 });
    // the same plant with 250 staff (still small): the same cell, the same cost; the other projects scale
    const larger = variant(SMALL, 'small-equip-250', { answers: { employees_total: 250 } });
    expect(rec(larger, 'station-hazardous-post-robots')).toMatchObject({ variant: 'one-welding-cell', investment: { min: 25, max: 50 } });
    expect(rec(larger, 'factory-smart-manufacturing-plan')!.investment.max).toBeGreaterThan(rec(SMALL, 'factory-smart-manufacturing-plan')!.investment.max);
    // within the 60 万元 the plant stated, at the midpoints the phasing counts
    const planned = report(SMALL).recommendations.filter((r) => r.phase !== 'later');
    expect(planned.map((r) => r.id)).toContain('station-hazardous-post-robots');
    expect(planned.reduce((s, r) => s + (r.investment.min + r.investment.max) / 2, 0)).toBeLessThanOrEqual(60);
    // and the report says why its figure is not scaled with the plant's size
    const md = planOf(reportMarkdown(SMALL, 'zh'));
    expect(md).toContain('“先试一台焊接机器人工作站（变位机、焊缝跟踪，可融资租赁）”的范围是固定的');
    expect(md).toContain('投资估算（万元）: 25–50');
  });

  it('5. the major-hazard duties name the hazards of the plant\'s own processes', () => {
    // stamping, welding and machining (coating outsourced): no melting, casting or painting hazards to check
    const autoDuties = report(AUTO).roadmap.duties.map((d) => d.id);
    expect(autoDuties.filter((id) => id.includes('hazards'))).toEqual([]);
    const auto = planOf(reportMarkdown(AUTO, 'zh'));
    expect(auto).not.toMatch(/熔炼|熔融金属|喷漆室|涂装作业/);
    // the crusher maker paints and does not melt or cast: the painting items only
    expect(report(SMALL).roadmap.duties.map((d) => d.id)).toContain('painting-hazards-listed');
    const small = planOf(reportMarkdown(SMALL, 'zh'));
    expect(small).toContain('本厂关键工序中有涂装（喷漆、喷粉）作业');
    expect(small).toContain('喷漆室和调漆间');
    expect(small).not.toMatch(/熔融金属|熔炼|压铸/);
    // a plant that gave no key-process list reads the conditional duty, as before
    const unlisted = variant(AUTO, 'auto-unlisted', { drop: ['key_processes_list'] });
    expect(report(unlisted).roadmap.duties.map((d) => d.id)).toContain('foundry-painting-hazards');
  });

  it('6. the networking project does not say the workshop network is only planned where it answers that part of the key equipment is on it', () => {
    const net = rec(AUTO, 'workshop-equipment-networking')!;
    const statements = net.evidence.map((e) => e.statement.zh);
    expect(statements).toContain('车间工业网络只接入了部分关键设备。');
    expect(statements.join('')).not.toContain('车间网络还在规划');
    expect(net.evidence.map((e) => e.statement.en).join(' ')).not.toContain('still being planned');
    // the level alone (the detailed requirement not asked): it says so
    const express = variant(AUTO, 'auto-no-network-requirement', { drop: ['req_workshop_network'] });
    expect(rec(express, 'workshop-equipment-networking')!.evidence.map((e) => e.statement.zh)).toContain('车间网络还在规划，关键设备没有接入工业网络。');
  });

  it('7. the press line\'s quick die change (SMED), the plant\'s own goal, is a project of the plan; plants without presses do not get it', () => {
    const smed = rec(AUTO, 'line-quick-die-change')!;
    expect(smed, 'the autoparts plant asks for die changes under 30 minutes').toBeDefined();
    expect(smed.asked).toBe(true);
    expect(smed.evidence.map((e) => e.question)).toContain('req_flexible_changeover');
    const zh = words(smed, 'zh');
    for (const w of ['SMED', '快速换模', '冲压', '换模时间']) expect(zh, w).toContain(w);
    expect(smed.investment.min).toBeGreaterThan(0);
    expect(smed.investment.max).toBeLessThanOrEqual(300);
    for (const file of [SMALL, FOOD, MACHINERY]) expect(rec(file, 'line-quick-die-change'), file).toBeUndefined();
    expect(planOf(reportMarkdown(AUTO, 'zh'))).toContain('快速换模');
  });
});
