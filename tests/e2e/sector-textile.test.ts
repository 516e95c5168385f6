// A cotton spinning, weaving and dyeing mill (C1713, mixed, 520 staff, 1,500 万元 over three years; ring spinning with
// some group doffing, air-jet looms partly on a loom monitoring system, jet and overflow dyeing machines on their own
// program controllers, a dye kitchen weighed by hand, two stenters, fabric inspected by eye, ERP without MES) through
// the built CLI, as a consultant's review read it (tests/fixtures/review/textile-dyeing.yaml). The apparel pack was
// written for garment plants: a mill (C17) reads its sector named as a mill's trade (the pack's titleByCode) and its
// plan in a mill's words (the pack's rulesByCode), gets no sewing,
// cutting, hanging, bundle or piece-rate project, and gets the dyeing projects — central control of the dyeing machines
// with automatic dye and chemical dispensing, recipes from lab dip to bulk by dye lot, the dye lab, online measurement
// at the stenters, vision on the inspection frames, a dyeing MES by dye lot — and the textile-safety duty in fabric
// words. The generic projects a mill gets read in its words too: the dispatch board plans beam changes, run-outs and
// the order of dye lots, the OEE project counts loom efficiency, spinning stops and dyeing-machine utilisation, and the
// AGV project becomes the links between spinning processes (粗细联, 细络联, sliver cans) and, in this mill that also
// weaves and dyes, the beam, fabric-truck and roll transport (tests/e2e/textile-mill-kinds.test.ts), or only the latter
// in a mill that does not spin (winding before warping is no spinning), its title and evidence a mill's too;
// a spinning mill gets its links without a warehouse system, and a first step of them (group doffing or one link)
// under 1 million CNY. The pack's shared texts the report does not show name both trades. A garment plant (C18) keeps
// its plan and wording.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli';
import { answerVariant, reportJson, reportMarkdown, type ReportProject } from '../helpers/report-cli';

type Rec = ReportProject;
interface Report {
  recommendations: Rec[];
  roadmap: { duties: { id: string }[] };
}

const MILL = 'tests/fixtures/review/textile-dyeing.yaml';
const GARMENT = 'tests/fixtures/sectors/apparel-small.zhizao.yaml';

const d = reportJson<Report>(MILL);
const zh = reportMarkdown(MILL, 'zh');
const en = reportMarkdown(MILL, 'en');
/** The plan section (§6) of a Markdown report: the appendix quotes the questionnaire, whose items name every sector's things. */
// (the line naming the sector included: a mill's names its own trade)
const plan = (md: string) => md.slice(md.indexOf('\n## 6.'), md.indexOf('\n## 7.'));
const get = (r: Report, id: string) => r.recommendations.find((x) => x.id === id);
const all = (r: Rec, lang: 'zh' | 'en' = 'zh') => [r.title, ...r.evidence.map((e) => e.statement), ...r.measures, ...r.hardware, ...r.software, ...r.integration, r.benefits].filter(Boolean).map((t) => t[lang]).join(' ');
/** Every word the plan says of every project, later ones included. */
const said = (r: Report, lang: 'zh' | 'en' = 'zh') => r.recommendations.map((x) => all(x, lang)).join(' ');

const GARMENT_ZH = /缝制|缝纫|吊挂|裁剪|裁床|裁片|扎包|扎号|计件|工价|服装|(?<!条)款号|款、色、码|排料|纸样|样衣|整烫|粘合|面辅料|锁眼|钉扣|模板机/;
const GARMENT_EN = /sewing|hanging|cutting room|cutter|cut part|bundle|piece rate|piece pay|piece count|garment|style number|marker|pattern|virtual sample|pressing|fusing|trims|buttonhole|template (unit|sewing)/i;

describe('a textile mill (C17) reads no garment plant’s words', () => {
  it('in the Chinese and English plans', () => {
    expect(plan(zh)).not.toMatch(GARMENT_ZH);
    expect(plan(en)).not.toMatch(GARMENT_EN);
  });
  it('the plan names the mill’s own class beside the pack', () => {
    expect(zh).toContain('本厂细分行业：棉印染精加工，C1713');
    expect(en).toContain("the plant's sub-industry: Cotton dyeing, printing and finishing, C1713");
  });
  it('the sector is named as a mill’s trade, not garments first (the pack’s titleByCode)', () => {
    expect(zh).toContain('\n行业：纺织（纺纱、织造与染整）（本厂细分行业：棉印染精加工，C1713）。');
    expect(en).toContain("\nSector: Textiles (spinning, weaving, dyeing and finishing) (the plant's sub-industry: Cotton dyeing, printing and finishing, C1713).");
    expect(zh).not.toContain('服装纺织');
    expect(en).not.toMatch(/Apparel and textiles|garments and accessories/);
  });
  it('in every project the plan proposes, later ones included', () => {
    expect(said(d)).not.toMatch(GARMENT_ZH);
    expect(said(d, 'en')).not.toMatch(GARMENT_EN);
  });
  it('no hanging line, garment CAD and 3D samples, PLM, tech packs, customisation or sewing-line andon', () => {
    const ids = d.recommendations.map((r) => r.id);
    for (const id of ['line-automated-assembly', 'station-3d-cad-cae', 'factory-plm-pdm', 'factory-capp-process-kb', 'factory-mass-customisation', 'line-andon-spc']) expect(ids, id).not.toContain(id);
  });
  it('no food, drug or petrochemical wording: no bagged feeding, cold stores, ISA-88, NIR analysers or explosion-proof shelters', () => {
    expect(said(d)).not.toMatch(/袋装|拆袋|真空上料|低温|冷库|ISA-88|近红外|化学计量|分析小屋|P&ID|码垛机器人/);
    expect(said(d, 'en')).not.toMatch(/bagged|bag-tipping|vacuum conveying|cold store|ISA-88|near-infrared|chemometric|analyser shelter|P&ID|palletising robot/i);
  });
});

describe('the dyeing projects a consultant would sign, in a mill’s words', () => {
  it('central control of the dyeing machines and automatic dye and chemical dispensing, first, keeping the controllers in use', () => {
    const dcs = get(d, 'line-process-dcs-control')!;
    expect(dcs, d.recommendations.map((r) => r.title.zh).join(' | ')).toBeDefined();
    expect(dcs.variant).toBeUndefined();
    expect(dcs.phase).toBe('0-6m');
    expect(dcs.title.zh).toBe('染色机中控联网与染化料自动称量配送（印染）');
    expect(dcs.title.en).toContain('dyeing machines');
    expect(all(dcs)).toContain('沿用在用的程序控制器');
    expect(all(dcs)).toContain('按缸号');
    expect(all(dcs)).toContain('定形机');
    expect(all(dcs, 'en')).toContain('dye kitchen');
    expect(all(dcs)).not.toMatch(/DCS 控制室|P&ID|SIS/);
  });
  it('recipes from lab dip to bulk by dye lot, counting right-first-time, with no batch-record audit benefit', () => {
    const recipe = get(d, 'line-recipe-batch-management')!;
    expect(recipe.phase).not.toBe('later');
    expect(recipe.title.zh).toContain('小样到大货');
    expect(all(recipe)).toContain('一次符样率');
    expect(recipe.integration.map((t) => t.zh).join(' ')).toContain('本方案的染色机中控项目');
    expect(recipe.benefits.zh).not.toContain('批记录审核');
  });
  it('vision on the fabric inspection frames, asked for in the plant’s own words and in the plan period, grading by roll', () => {
    const vision = get(d, 'station-vision-inspection')!;
    expect(vision.asked).toBe(true);
    expect(vision.phase).not.toBe('later');
    expect(all(vision)).toContain('四分制');
    expect(all(vision)).toContain('卷号');
    expect(all(vision)).not.toContain('排料');
  });
  it('the dye lab, online measurement at the stenters, a dyeing MES by dye lot, mill stores and mill networking', () => {
    expect(get(d, 'station-process-design-tools')!.title.zh).toBe('打样中心数字化（测配色、自动滴液和小样数据库）');
    const online = get(d, 'station-online-analysers')!;
    expect(online.title.zh).toContain('定形机排气湿度');
    expect(all(online, 'en')).toContain('online colour');
    expect(get(d, 'workshop-mes')!.title.zh).toBe('印染 MES（订单—排缸—工艺下发—缸号跟踪—成品卷号）');
    expect(get(d, 'workshop-wms-barcode')!.title.zh).toContain('染化料批号');
    const network = get(d, 'workshop-equipment-networking')!;
    expect(network.title.zh).toContain('纺纱、织造、染整设备');
    expect(all(network)).toContain('织机监测系统');
    expect(get(d, 'station-handling-palletising-robots')!.title.zh).toBe('落纱、筒纱和布卷搬运与包装岗位“机器换人”');
    expect(get(d, 'line-end-of-line-packaging')!.title.zh).toBe('成品布打卷、称重、贴标与包装');
  });
  it('energy metered per dyeing machine and per hundred metres of fabric; hazards of a mill (lint, stenters, the chemical store)', () => {
    const ems = get(d, 'workshop-energy-metering-ems')!;
    expect(all(ems)).toContain('百米布');
    expect(all(ems)).toContain('按缸号');
    const hazards = get(d, 'station-hazard-sensing')!;
    expect(all(hazards)).toMatch(/飞花/);
    expect(all(hazards)).toMatch(/定形机烘房/);
    expect(all(hazards)).toMatch(/保险粉/);
    expect(all(get(d, 'factory-benchmarking')!)).toContain('一次符样率');
    expect(all(get(d, 'workshop-cmms')!)).toContain('钢领钢丝圈');
  });
  it('the textile-safety duty in fabric words: rolls and dye lots, not finished styles', () => {
    const ids = d.roadmap.duties.map((x) => x.id);
    expect(ids).toContain('textile-product-safety-mill');
    expect(ids).not.toContain('textile-product-safety');
    const line = zh.split('\n').find((l) => l.includes('GB 18401'))!;
    expect(line).toContain('成品卷号');
    expect(line).not.toContain('成品款');
    expect(en.split('\n').find((l) => l.includes('GB 18401'))).toContain('finished roll');
  });
});

describe('the generic projects a mill gets, in a mill’s words and benefits', () => {
  it('the dispatch board plans beam changes, run-outs and the order of dye lots, and promises no quicker delivery quotes', () => {
    const board = get(d, 'workshop-visual-dispatch')!;
    expect(board, d.recommendations.map((r) => r.id).join(' ')).toBeDefined();
    expect(all(board)).toContain('排缸顺序');
    expect(board.measures.map((m) => m.zh).join(' ')).toContain('织机上轴、了机和翻改品种');
    expect(board.benefits.zh).toContain('织机等轴停台和染色机空等减少');
    expect(board.benefits.zh).not.toContain('交期回复');
    expect(board.benefits.en).toContain('looms wait less for beams');
  });
  it('the OEE project counts loom efficiency and stops, spinning stops and dyeing-machine utilisation', () => {
    const oee = get(d, 'workshop-oee-monitoring')!;
    expect(oee.title.zh).toBe('设备运行监控与效率分析（织机效率、细纱停台、染缸利用率）');
    expect(all(oee)).toContain('经停和纬停');
    expect(all(oee)).toContain('落纱停台');
    expect(all(oee, 'en')).toContain('dyeing machine');
    expect(oee.benefits.zh).toContain('织机停台原因');
    expect(oee.benefits.zh).not.toMatch(/换型|OEE/);
  });
  it('a mill under 1 million CNY gets no dispatch board: its subscription production tool plans the lots instead', () => {
    const low = reportJson<Report>(answerVariant(tempDir('zhizao-textile-'), MILL, 'low-budget.yaml', { retrofit_budget_band: 'under_1m', retrofit_budget_amount: 80 }));
    const ids = low.recommendations.map((r) => r.id);
    expect(ids).not.toContain('workshop-visual-dispatch');
    expect(ids).not.toContain('workshop-aps');
    const saas = get(low, 'station-scan-reporting')!;
    expect(saas, ids.join(' ')).toBeDefined();
    expect(saas.measures.map((m) => m.zh).join(' ')).toContain('在系统中做简易排缸');
    expect(saas.measures.map((m) => m.zh).join(' ')).toContain('插单审批规则');
  });
  it('the dyeing MES traces a finished roll to its dye lot; vision grades by roll on the four-point system', () => {
    expect(get(d, 'workshop-mes')!.benefits.zh).toContain('从成品卷号追溯到缸号');
    expect(get(d, 'station-vision-inspection')!.benefits.zh).toContain('按四分制统一评分判等');
  });
});

describe('spinning automation: roving-to-spinning and spinning-to-winding links where the mill spins', () => {
  const WEAVING = '络筒；整经（分批整经机）；浆纱（浆纱机 PLC 控制）；穿经；织造（200 台喷气织机，80 台接入织机监测系统）；验布（人工目视）';
  /** The rule's own wording of a WMS feeding AGVs at the line side, which is no mill's. */
  const LINE_SIDE_ZH = /AMR|线边|WMS|入库、出库/;
  const LINE_SIDE_EN = /AMR|line[- ]side|WMS|receipt/i;
  it('the mill that spins (and weaves and dyes) gets 粗细联 and 细络联 with sliver-can transport, not an AGV fleet fed by a WMS', () => {
    const link = get(d, 'line-agv-delivery')!;
    expect(link, d.recommendations.map((r) => r.id).join(' ')).toBeDefined();
    expect(link.title.zh).toContain('粗细联、细络联');
    const steps = link.measures.map((m) => m.zh).join(' ');
    expect(steps).toContain('粗细联：粗纱机自动落纱');
    expect(steps).toContain('细络联：已带集体落纱的细纱机与自动络筒机连接');
    expect(steps).toContain('条筒');
    // what it weaves and dyes is moved too (textile-mill-kinds.test.ts)
    expect(steps).toContain('布车');
    expect(all(link)).not.toMatch(LINE_SIDE_ZH);
    expect(all(link, 'en')).not.toMatch(LINE_SIDE_EN);
    expect(link.prerequisites).not.toContain('workshop-wms-barcode');
    expect(link.benefits.zh).toContain('细纱机等粗纱、络筒机等管纱的停台减少');
    expect(link.benefits.zh).toContain('以逐岗位评估为准');
  });
  it('its title names the spinning links and what it weaves and dyes, and why rests on how its processes are linked, not on line-side delivery', () => {
    const link = get(d, 'line-agv-delivery')!;
    expect(link.title).toEqual({ zh: '纺纱、织造、染整工序间物料自动输送（粗细联、细络联、条筒、织轴、布车和布卷）', en: "Automatic transport in spinning, weaving and dyeing (roving-to-spinning and spinning-to-winding links, sliver cans, weaver's beams, fabric trucks and rolls)" });
    expect(link.evidence.map((e) => [e.question, e.statement.zh])).toEqual([['req_automated_lines', '只有部分关键工序之间由输送装置自动衔接，其余仍靠人工搬运。']]);
  });
  it('a mill that does not spin moves fabric trucks and rolls instead', () => {
    const file = answerVariant(tempDir('zhizao-textile-'), MILL, 'dyeing-only.yaml', { key_processes_list: '前处理（烧毛退浆煮漂联合机 PLC）；染色（16 台溢流、气流染色机）；化料配液（人工）；定形（2 台拉幅定形机）；验布（人工目视）' });
    const link = get(reportJson<Report>(file), 'line-agv-delivery')!;
    const steps = link.measures.map((m) => m.zh).join(' ');
    expect(steps).toContain('布车和布卷');
    expect(steps).not.toMatch(/粗细联：|细络联：|条筒/);
    expect(link.benefits.zh).toContain('布车和布卷不再靠人工推运');
  });
  it('a dyeing mill’s and a weaving mill’s title and evidence name no spinning and no line-side delivery', () => {
    const dir = tempDir('zhizao-textile-');
    const dyeing = get(reportJson<Report>(answerVariant(dir, MILL, 'dyeing-only.yaml', { key_processes_list: '前处理（烧毛退浆煮漂联合机 PLC）；染色（16 台溢流、气流染色机）；定形（2 台拉幅定形机）；验布（人工目视）', req_automated_lines: 'none' })), 'line-agv-delivery')!;
    const weaving = get(reportJson<Report>(answerVariant(dir, MILL, 'weaving.yaml', { key_processes_list: WEAVING })), 'line-agv-delivery')!;
    for (const [name, link] of [['dyeing', dyeing], ['weaving', weaving]] as const) {
      expect(link, name).toBeDefined();
      expect(link.title.zh, name).toBe('工序间布车和布卷等物料自动输送');
      expect([link.title.zh, ...link.evidence.map((e) => e.statement.zh)].join(' '), name).not.toMatch(/纺纱|粗纱|细纱|粗细联|细络联/);
      expect(all(link), name).not.toMatch(LINE_SIDE_ZH);
      expect(all(link, 'en'), name).not.toMatch(LINE_SIDE_EN);
      expect(link.evidence.length, name).toBeGreaterThan(0);
    }
    expect(dyeing.evidence.map((e) => e.statement.zh)).toEqual(['关键工序之间靠人工搬运衔接，坯布和布卷由人工推运。']);
    // a weaving mill winds its yarn before warping: winding is no spinning, and its steps are beams and cloth rolls, not dye lots
    const steps = weaving.measures.map((m) => m.zh).join(' ');
    expect(steps).toContain('织轴从浆纱、穿经运到织机');
    expect(steps).not.toMatch(/粗细联|细络联|条筒|缸号|染色/);
    expect(weaving.benefits.zh).toContain('织机等上轴的停台');
  });
});

describe('a spinning mill without a warehouse system or with a small budget still gets its spinning links', () => {
  const SPINNING = '清梳联（自动控制）；并条；粗纱（托锭式粗纱机，人工落纱）；细纱（3 万锭环锭纺，1.2 万锭带集体落纱）；络筒（自动络筒机，电子清纱）';
  const spinningMill = (name: string, answers: Record<string, unknown>) => {
    const file = answerVariant(tempDir('zhizao-textile-'), MILL, name, { key_processes_list: SPINNING, ...answers });
    return reportJson<Report>(file);
  };
  it('stores kept on slips and ledgers, no WMS: the links of one spinning workshop, waiting for no stores project', () => {
    const r = spinningMill('no-wms.yaml', { warehousing_level: 'manual', has_wms: false });
    const link = get(r, 'line-agv-delivery')!;
    expect(link, r.recommendations.map((x) => x.id).join(' ')).toBeDefined();
    expect(link.variant).toBe('spinning-links');
    expect(link.title.zh).toContain('粗细联、细络联');
    expect(link.prerequisites).toEqual([]);
  });
  it('a budget under 1 million CNY: a first step, group doffing on one set of ring frames or one 细络联 link, by the maker’s quote', () => {
    const r = spinningMill('low-budget.yaml', { retrofit_budget_band: 'under_1m', retrofit_budget_amount: 80, warehousing_level: 'manual', has_wms: false });
    const step = get(r, 'line-agv-delivery')!;
    expect(step, r.recommendations.map((x) => x.id).join(' ')).toBeDefined();
    expect(step.variant).toBe('spinning-first-step');
    expect(step.title.zh).toBe('纺纱自动化第一步：一组细纱机集体落纱或一条细络联试点');
    expect(step.investment.max).toBeLessThanOrEqual(80);
    expect(step.prerequisites).toEqual([]);
    const steps = step.measures.map((m) => m.zh).join(' ');
    expect(steps).toContain('在一组细纱机上加装集体落纱装置');
    expect(steps).toContain('做一条细络联试点');
    expect(steps).toContain('设备厂商对这一组机台的报价');
    expect(steps).toContain('（不在本项目投资内）');
    expect(steps).not.toMatch(/粗细联：|悬挂轨道/);
    // what it brings, with no figure of its own; how many fewer people follows from a post-by-post assessment
    expect(step.benefits.zh).toContain('以逐岗位评估为准');
    expect(step.benefits.zh).not.toMatch(/\d/);
    expect(all(step)).not.toMatch(/AMR|线边|WMS/);
  });
  it('where the plan proposes the handling project within its period, group doffing is left to it, not bought twice', () => {
    const dir = tempDir('zhizao-textile-');
    const base = answerVariant(dir, MILL, 'base.yaml', { key_processes_list: SPINNING, retrofit_budget_band: 'under_1m', retrofit_budget_amount: 80 });
    const file = parse(readFileSync(base, 'utf8')) as Record<string, unknown>;
    file.overrides = { recommendations: { phase: { 'station-handling-palletising-robots': '0-6m', 'line-agv-delivery': '6-18m' } } };
    const moved = path.join(dir, 'moved.yaml');
    writeFileSync(moved, stringify(file));
    const step = get(reportJson<Report>(moved), 'line-agv-delivery')!;
    expect(step.variant).toBe('spinning-first-step');
    const steps = step.measures.map((m) => m.zh).join(' ');
    expect(steps).toContain('集体落纱由本方案的落纱和搬运岗位“机器换人”项目加装，本项目不重复');
    expect(steps).not.toContain('在一组细纱机上加装集体落纱装置');
    expect(step.hardware.map((h) => h.zh)).toEqual(['一条细络联的输送装置（细纱机与络筒机之间的管纱输送和空管返回）']);
    expect(step.benefits.zh).not.toContain('集体落纱');
  });
  it('a mill that does not spin keeps the rule’s condition: no fabric transport without a warehouse system', () => {
    const file = answerVariant(tempDir('zhizao-textile-'), MILL, 'dyeing-no-wms.yaml', { key_processes_list: '前处理；染色（16 台溢流染色机）；定形；验布', warehousing_level: 'manual', has_wms: false });
    expect(get(reportJson<Report>(file), 'line-agv-delivery')).toBeUndefined();
  });
});

describe('the pack’s shared texts (not in the report) name a mill’s things beside a garment plant’s', () => {
  type T = { zh: string; en: string };
  const pack = parse(readFileSync('questionnaires/sectors/apparel.yaml', 'utf8')) as { keyProcesses: T; systemsNote: T; bottlenecks: T[]; robotTargets: { text: T }[]; sectorKpis: T[] };
  it('key processes and the systems note', () => {
    for (const w of ['清梳联', '细纱', '自动络筒机', '无梭织机', '定形机']) expect(pack.keyProcesses.zh).toContain(w);
    expect(pack.systemsNote.zh).toContain('纺织企业先做设备联网');
  });
  it('every garment-only bottleneck, robot target and KPI is labelled a garment plant’s, and mills have their own', () => {
    const lists = { bottlenecks: pack.bottlenecks, robotTargets: pack.robotTargets.map((r) => r.text), sectorKpis: pack.sectorKpis };
    for (const [name, list] of Object.entries(lists)) {
      // (an item said of both trades names them: 纺织和服装企业)
      const garmentOnly = list.filter((t) => GARMENT_ZH.test(t.zh.replace(/^服装企业：|纺织和服装企业/g, '')) && !t.zh.startsWith('服装企业：'));
      expect(garmentOnly, name).toEqual([]);
      expect(list.some((t) => t.zh.startsWith('纺织企业：')), name).toBe(true);
    }
    expect(pack.sectorKpis.map((t) => t.zh).join(' ')).toMatch(/一次符样率[\s\S]*织机效率/);
  });
});

describe('a garment plant (C18) keeps its plan and wording', () => {
  const g = reportJson<Report>(GARMENT);
  it('its sector named as the pack names it', () => {
    expect(reportMarkdown(GARMENT, 'zh')).toContain('\n行业：服装纺织（纺织、纺织服装与服饰）。');
    expect(reportMarkdown(GARMENT, 'en')).toContain('\nSector: Apparel and textiles (textiles, garments and accessories). ');
  });
  it('its dispatch board and OEE project in the rules’ own words (a garment plant with an MES)', () => {
    const withMes = reportJson<Report>(answerVariant(tempDir('zhizao-garment-'), GARMENT, 'with-mes.yaml', { has_mes: true }));
    expect(get(withMes, 'workshop-visual-dispatch')!.benefits.zh).toBe('同类项目中常见计划达成率提升5–10个百分点、插单对生产的冲击减少、交期回复由几天缩短到几小时。');
    expect(get(withMes, 'workshop-oee-monitoring')!.title.zh).toBe('设备运行状态监控与 OEE 分析');
    expect(said(withMes)).not.toMatch(/织机|细纱|排缸|染缸/);
  });
  it('its hanging pilot, subscription garment MES, garment CAD, tech packs and sewing-line andon', () => {
    expect(get(g, 'line-automated-assembly')!.variant).toBe('hanging-pilot');
    expect(get(g, 'workshop-sme-light-saas')!.title.zh).toBe('订阅式服装 MES（扎包扫码计件、订单进度、简易排产）');
    expect(get(g, 'station-3d-cad-cae')!.title.zh).toBe('服装 CAD 制版、自动排料与三维虚拟样衣');
    expect(get(g, 'factory-capp-process-kb')!.title.zh).toContain('服装工艺单');
    expect(get(g, 'line-andon-spc')!.title.zh).toContain('缝制线安灯');
    expect(get(g, 'workshop-equipment-networking')!.title.zh).toContain('吊挂系统');
    expect(all(get(g, 'station-operator-skills')!)).toContain('缝制工位技能矩阵');
  });
  it('its textile-safety duty by finished style, and no mill duty', () => {
    const ids = g.roadmap.duties.map((x) => x.id);
    expect(ids).toContain('textile-product-safety');
    expect(ids).not.toContain('textile-product-safety-mill');
  });
});
