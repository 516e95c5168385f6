// An aluminium flat-rolling plant (C3252, mixed: casthouse with gas melting furnaces and DC casters, hot mill with
// level 2, three cold mills with AGC, annealing, finishing; 900 staff, budget 3,500 万元) through the built CLI: the
// points of a consultant's review (tests/fixtures/review/aluminium-rolling.yaml) that the metals pack and the rule
// conditions settle. No assembly, machining or product-structure project reaches a non-ferrous plant; no food,
// drug or chemical wording is printed; the quality goal gets strip surface inspection, priced for a rolling line, and
// no gauge the mills already have; one acquisition platform carries the historian, before the coil-tracking MES; the
// coil yard is the MES's; benefits are worded for coils; the multi-level protection duty its answers show not met is
// settled in the near term, before more equipment is connected. Metal-products plants (C33) keep their own projects.
import { describe, expect, it } from 'vitest';
import { reportJson, reportMarkdown, type ReportProject } from '../helpers/report-cli';

type Rec = ReportProject;
interface Report {
  recommendations: Rec[];
  roadmap: { capacity: number[]; overCapacity?: string[]; duties: { id: string; met: boolean; notMet?: boolean }[] };
}

const PLANT = 'tests/fixtures/review/aluminium-rolling.yaml';
const STEEL = 'tests/fixtures/plants/structural-steel-c3311.yaml';
const COPPER = 'tests/fixtures/plants/copper-strip-c3251.yaml';
const PHASES = ['0-6m', '6-18m', '18-36m', 'later'];
const rank = (r: Rec) => PHASES.indexOf(r.phase);

const d = reportJson<Report>(PLANT);
const zh = reportMarkdown(PLANT, 'zh');
const en = reportMarkdown(PLANT, 'en');
/** The plan section (§6) of a Markdown report: the appendix quotes the questionnaire, whose items name every sector's things. */
const plan = (md: string) => md.slice(md.indexOf('\n## 6.'), md.indexOf('\n## 7.'));
const get = (r: Report, id: string) => r.recommendations.find((x) => x.id === id);
const all = (r: Rec, lang: 'zh' | 'en' = 'zh') => [r.title, ...r.measures, ...r.hardware, ...r.software, ...r.integration, r.benefits].map((t) => t[lang]).join(' ');
/** What the plan proposes (titles, steps, equipment, software, integration, benefits), without the why. */
const proposed = (r: Report, lang: 'zh' | 'en' = 'zh') => r.recommendations.map((x) => all(x, lang)).join(' ');

describe('finding 2: no discrete-assembly project for a rolling plant (C32); metal products keep theirs', () => {
  it('no automated assembly line, machine tending, andon pull cords, CAPP or PLM/PDM', () => {
    const ids = d.recommendations.map((r) => r.id);
    for (const id of ['line-automated-assembly', 'station-machine-tending-robots', 'factory-capp-process-kb', 'factory-plm-pdm']) expect(ids, id).not.toContain(id);
    expect(proposed(d)).not.toMatch(/拧紧|涂胶|SCARA|倍速链|序列号|零件族|零点快换|拉绳|卡尺|千分尺|三维模型|EBOM|MBOM|加工\/焊接/);
    expect(proposed(d, 'en')).not.toMatch(/nutrunner|tighten|dispens|SCARA|serial number|part famil|pull.cord|calip|micromet|3D model|EBOM|MBOM/i);
  });
  it('the andon and SPC project, where listed, raises problems at the line desks and charts gauge, flatness and surface', () => {
    const andon = get(d, 'line-andon-spc');
    expect(andon).toBeDefined();
    expect(all(andon!)).toContain('操作台或工控终端');
    expect(all(andon!)).toContain('厚度、板形、表面质量');
    const copper = get(reportJson<Report>(COPPER), 'line-andon-spc')!;
    expect(all(copper)).not.toMatch(/拉绳|卡尺/);
  });
  it('in their place: charging, skimming and sampling at the furnace, and a coil packing line', () => {
    const handling = get(d, 'station-handling-palletising-robots')!;
    expect(handling.variant).toBeUndefined();
    expect(handling.title.zh).toBe('高温、重体力岗位机械化与“机器换人”');
    expect(all(handling)).toMatch(/扒渣/);
    expect(all(handling)).toMatch(/测温取样/);
    const packing = get(d, 'line-end-of-line-packaging')!;
    expect(packing.title.zh).toBe('成品自动包装、称重与贴标');
    expect(all(packing)).toMatch(/打捆/);
    expect(all(packing)).toMatch(/卷号/);
  });
  it('a structural-steel fabricator (C3311) keeps its welding CAPP and vision inspection', () => {
    const steel = reportJson<Report>(STEEL);
    expect(get(steel, 'factory-capp-process-kb')?.variant).toBe('fabrication');
    expect(get(steel, 'station-vision-inspection')).toBeDefined();
    expect(get(steel, 'workshop-equipment-networking')).toBeDefined();
  });
});

describe('finding 3: no food, drug or chemical wording in a rolling plant\'s plan', () => {
  // (drying scrap before it is charged is an aluminium melter's own practice: 干燥 alone is not a chemical word here)
  const ZH = /食品|流程型|袋装|拆袋|真空上料|低温|冷库|反应、分离|分离、干燥|P&ID|ELN|eBR|ISA-88|化学计量|MTConnect|净含量|检重|金属检测|箱码|码垛|立体库|堆垛机|穿梭车|RFID 读写/;
  const EN = /food|bagged|bag-tipping|vacuum conveying|cold store|cold-rated|reaction, separation|separation, drying|P&ID|ELN|eBR|ISA-88|chemometric|MTConnect|net content|checkweigh|metal detect|case code|palletis|high-bay|stacker crane|shuttle|RFID readers/i;
  it('in the Chinese and English plans (the appendix quotes the questionnaire and is not read here)', () => {
    expect(plan(zh)).not.toMatch(ZH);
    expect(plan(en)).not.toMatch(EN);
  });
  it('in every project the plan proposes, later ones included', () => {
    expect(proposed(d)).not.toMatch(ZH);
    expect(proposed(d, 'en')).not.toMatch(EN);
  });
  it('recipes are alloy charges and melt records; process design is specifications and trial data', () => {
    const recipe = get(d, 'line-recipe-batch-management')!;
    expect(all(recipe)).toContain('按合金牌号由系统计算配料');
    expect(all(recipe)).toContain('熔次记录');
    expect(all(recipe)).not.toMatch(/电子批记录|批记录审核/);
    const design = get(d, 'station-process-design-tools')!;
    expect(design.variant).toBeUndefined();
    expect(all(design)).toContain('轧制或挤压规程');
  });
});

describe('finding 4: strip surface inspection for the quality goal, and no gauge bought twice', () => {
  const inspection = get(d, 'station-online-analysers')!;
  it('line-scan surface inspection at a cold-mill exit or finishing line, defects by coil number and position', () => {
    expect(inspection.title.zh).toBe('关键质量点在线检测');
    expect(inspection.measures[0].zh).toContain('线阵表面检测系统');
    expect(inspection.measures[0].zh).toContain('缺陷按卷号和带长位置记录');
    expect(all(inspection, 'en')).toContain('line-scan surface inspection');
  });
  it('priced for a rolling line (ESTIMATE 150–400 万元 for a medium plant), in the plan period or with its reason', () => {
    expect(inspection.investment.min).toBeGreaterThanOrEqual(150);
    expect(inspection.investment.max).toBeGreaterThanOrEqual(400);
    if (inspection.phase === 'later') expect(inspection.laterReason).toBeDefined();
    else expect(['0-6m', '6-18m', '18-36m']).toContain(inspection.phase);
  });
  it('the mills under AGC keep their thickness gauges; flatness meters and a spectrometer only where not fitted', () => {
    const text = all(inspection);
    expect(text).toContain('在用的测厚仪沿用，不重复购置');
    expect(text).not.toContain('尚未配在线测厚的轧机出口补装测厚仪');
    expect(inspection.hardware.map((h) => h.zh).join(' ')).not.toContain('测厚仪');
    expect(text).toContain('尚未配板形测量的轧机');
    expect(text).toContain('化验室已有的沿用');
    expect(text).not.toMatch(/化学计量|近红外|pH/);
  });
  it('no second surface-inspection project beside it', () => {
    expect(get(d, 'station-vision-inspection')).toBeUndefined();
  });
});

describe('finding 11: one acquisition platform, before the coil-tracking MES; the coil yard is the MES\'s', () => {
  const net = get(d, 'workshop-equipment-networking')!;
  const mes = get(d, 'workshop-mes')!;
  it('the networking project carries the historian, filed by melt, cast and coil; no separate SCADA/historian project', () => {
    expect(get(d, 'line-process-realtime-database')).toBeUndefined();
    expect(all(net)).toContain('实时/历史数据库');
    expect(all(net)).toContain('按熔次、铸次和卷号');
    expect(net.software.map((s) => s.zh).join(' ')).toContain('全厂只建这一套采集平台');
  });
  it('the historian is not after the MES: the MES waits for it', () => {
    expect(mes.prerequisites).toContain('workshop-equipment-networking');
    expect(rank(net)).toBeLessThan(rank(mes));
    expect(mes.integration.map((s) => s.zh).join(' ')).toContain('本方案过程数据平台（实时数据库）');
  });
  it('coil bays in the MES; the warehouse project keeps to metal, scrap, consumables and spares, with no RFID or high-bay store', () => {
    expect(all(mes)).toContain('在制卷和成品卷的库区、库位在 MES 中按卷号管理');
    const wms = get(d, 'workshop-wms-barcode');
    if (wms) {
      expect(all(wms)).not.toMatch(/RFID|立体库|堆垛机|穿梭车|周转器具/);
      expect(all(wms)).toContain('本项目只管原料、辅料和备件');
    }
  });
});

describe('finding 14: benefits in a rolling plant\'s terms', () => {
  it('no labelling and missing-part complaints, no line staff cut by 30–50 %, no batch-record review time', () => {
    for (const text of [plan(zh), proposed(d)]) expect(text).not.toMatch(/标识和错漏|错漏类|产线人员减少|批记录审核时间/);
    expect(plan(en)).not.toMatch(/missing-part|cut staffing by 30–50|batch-record review/i);
  });
  it('the coil projects tie their gains to the plant\'s own records, marked as estimates', () => {
    for (const id of ['station-online-analysers', 'line-end-of-line-packaging', 'station-handling-palletising-robots', 'workshop-mes']) {
      expect(get(d, id)!.benefits.zh, id).toContain('估算，不作承诺');
    }
  });
});

describe('finding 10: the multi-level protection duty (《网络安全法》第二十一条), shown not met, is settled in the near term', () => {
  // The ERP is not classified (mlps_filing_level: not_classified), vendors reach the hot mill's level 2 by TeamViewer
  // with no approval, the control PCs have no whitelisting: the OT-security project, which classifies and files the
  // ERP, settles the duty. The casting interlocks, the dust collection and the master plan lead and fill the near
  // term's three places; the small security project still goes in beside them, not beyond the plan for capacity while
  // the budget has room, and before the networking project connects more equipment.
  const ZONING = 'workshop-ot-security-zoning';
  const zoning = get(d, ZONING)!;
  it('the duty reads not met, and its fixer is in 0–6 months with the classification and filing, the bastion host and the firewall', () => {
    expect(d.roadmap.duties.find((x) => x.id === 'mlps-classification')).toMatchObject({ met: false, notMet: true });
    expect(zoning.phase).toBe('0-6m');
    expect(zoning.laterReason).toBeUndefined();
    // (it runs an ERP and no MES: the classification names the ERP only)
    expect(all(zoning)).toContain('先对在用的 ERP 等关键业务系统定级，第二级及以上的向公安机关备案');
    expect(all(zoning)).not.toContain('MES');
    expect(all(zoning)).toContain('堡垒机');
    expect(all(zoning)).toContain('生产网与办公网之间部署工业防火墙');
    // the near term's places were taken by the projects leading the plan: it goes in over them, and says so
    expect(d.recommendations.filter((r) => r.phase === '0-6m' && !d.roadmap.overCapacity?.includes(r.id) && r.id !== 'factory-data-basics')).toHaveLength(d.roadmap.capacity[0]!);
    expect(d.roadmap.overCapacity).toContain(ZONING);
    expect(plan(zh)).toContain('“工控网络安全分区分域与边界防护”落实答卷显示尚未满足的法定要求：所在阶段可同时安排的项目虽已排满，仍排入该阶段，不推后；投资计入预算。');
  });
  it('security before networking: the networking project is not earlier, and its new machines wait for the firewall the security project fits', () => {
    const networking = get(d, 'workshop-equipment-networking')!;
    expect(rank(networking)).toBeGreaterThanOrEqual(rank(zoning));
    expect(all(networking)).toContain('生产网与办公网之间的工业防火墙由本方案的工控网络安全项目加装，接入新设备前须已投用');
    expect(all(networking)).not.toContain('先加装工业防火墙');
  });
  it('the duty line names the project and its phase, in both languages', () => {
    const line = (md: string, start: string) => md.split('\n').find((l) => l.startsWith(start))!;
    expect(line(plan(zh), '- 国家实行网络安全等级保护制度')).toMatch(/— 答卷显示尚未满足。本方案中落实这项要求的项目：近期（0–6 个月）的“工控网络安全分区分域与边界防护”。$/);
    expect(line(plan(en), '- The state runs the multi-level protection scheme')).toMatch(/— the answers show it not yet met\. Settled in this plan by “Segmentation and boundary protection of the industrial control network” — Near term \(0–6 months\)\.$/);
  });
  it('the programme office reads neither the duty nor the project (both rest on confidential answers)', () => {
    const office = reportMarkdown(PLANT, 'zh', '--audience', 'office');
    expect(office).not.toContain('等级保护制度');
    expect(office).not.toContain('工控网络安全分区分域与边界防护');
  });
});
