// A small woven-garment maker (C1810, 150 staff, 80 万元 over three years, goal "快反小单，缩短交期", bottleneck "缝制线平衡差、
// 在制品堆积；订单进度靠跟单员到现场问") through the built CLI, as the s22 review read it. Its plan holds the trade's core
// projects sized to it — a subscription garment MES, which schedules and shows order progress, with no electronic
// dispatch board beside it (the s23 review), and one pilot hanging line — and nothing of the machining,
// petrochemical or data-platform wording other sectors use; carrier tracking does not answer its delivery goal; the
// textile-safety duty says what the answers show of traceability.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli';
import { reportJson, reportMarkdown } from '../helpers/report-cli';

interface Text {
  zh: string;
  en: string;
}
interface Rec {
  id: string;
  phase: string;
  variant?: string;
  title: Text;
  evidence: { statement: Text }[];
  measures: Text[];
  hardware: Text[];
  software: Text[];
  integration: Text[];
  benefits: Text | null;
  investment: { min: number; max: number };
  servesPriorities: string[];
  laterReason?: { code: string };
}
interface Report {
  recommendations: Rec[];
  roadmap: { duties: { id: string; met: boolean }[]; phases: { id: string; projected: { level: number | null } | null }[] };
}

const PLANT = 'tests/fixtures/sectors/apparel-small.zhizao.yaml';
const dir = tempDir('zhizao-apparel-');

const json = (file: string, ...extra: string[]) => reportJson<Report>(file, ...extra);
const md = reportMarkdown;
/** The plan section of a Markdown report (the appendix quotes the questionnaire, whose wording is for every sector). */
const planSection = (text: string) => {
  const start = text.indexOf('\n## 6.');
  const end = text.indexOf('\n## 7.', start);
  expect(start).toBeGreaterThan(0);
  return text.slice(start, end);
};
/** Every word a project says to the plant: title, why, steps, equipment, software, integration, benefits. */
const said = (r: Rec, lang: 'zh' | 'en') =>
  [r.title, ...r.evidence.map((e) => e.statement), ...r.measures, ...r.hardware, ...r.software, ...r.integration, ...(r.benefits ? [r.benefits] : [])].map((t) => t[lang]).join(' ');
/** The same answers with one answer changed. */
function changed(from: string, to: string, name: string): string {
  const text = readFileSync(PLANT, 'utf8');
  expect(text).toContain(from);
  const out = path.join(dir, `apparel-${name}.yaml`);
  writeFileSync(out, text.replace(from, to));
  return out;
}
const withStaff = (n: number) => changed('employees_total: 150', `employees_total: ${n}`, String(n));
/** The same answers with several answers changed ([from, to] pairs). */
function variantOf(name: string, ...edits: [string, string][]): string {
  let text = readFileSync(PLANT, 'utf8');
  for (const [from, to] of edits) {
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  const out = path.join(dir, `apparel-${name}.yaml`);
  writeFileSync(out, text);
  return out;
}
const DISPATCH = 'workshop-visual-dispatch';
/** The subscription garment MES: the small plant's (workshop-sme-light-saas) or the medium plant's (station-scan-reporting). */
const SUBSCRIPTION_MES = ['workshop-sme-light-saas', 'station-scan-reporting'];

describe('the reviewed garment maker (150 staff, 80 万元) gets the trade’s core projects, sized to it', () => {
  const d = json(PLANT);
  const inPlan = d.recommendations.filter((r) => r.phase !== 'later');

  it('a pilot hanging line in the plan period, one line within its budget, with station terminals for line balancing', () => {
    const hanging = inPlan.find((r) => r.title.zh.includes('吊挂'));
    expect(hanging, inPlan.map((r) => r.title.zh).join(' | ')).toBeDefined();
    expect(hanging!.id).toBe('line-automated-assembly');
    expect(hanging!.title.en).toContain('hanging');
    expect(hanging!.investment.max).toBeLessThanOrEqual(40);
    expect(said(hanging!, 'zh')).toContain('线平衡');
    expect(said(hanging!, 'zh')).toContain('一条缝制线');
    // why, in sewing words: bundles passed by hand, not "assembly stations" or "robots"
    expect(hanging!.evidence.map((e) => e.statement.zh).join('')).toContain('扎包');
    expect(said(hanging!, 'zh')).not.toMatch(/机器人|拧紧|序列号/);
  });

  it('a subscription garment MES in the plan period that shows order progress and work in progress, answering the delivery goal', () => {
    // 150 staff is a small plant (under 300, the national class): two projects a phase; the 80 万元 holds the MES and
    // the pilot hanging line, and no dispatch board beside the MES takes its place
    const mes = d.recommendations.find((r) => r.title.zh.includes('服装 MES'));
    expect(mes, d.recommendations.map((r) => r.title.zh).join(' | ')).toBeDefined();
    expect(mes!.id).toBe('workshop-sme-light-saas');
    expect(mes!.phase, `${mes!.phase} ${mes!.laterReason?.code ?? ''}`).not.toBe('later');
    expect(mes!.title.zh).toContain('订阅式');
    expect(said(mes!, 'zh')).toContain('订单进度');
    expect(said(mes!, 'zh')).toContain('在制品');
    expect(said(mes!, 'en')).toContain('order progress');
    expect(mes!.servesPriorities).toContain('delivery');
  });

  it('carrier tracking does not answer the goal of on-time delivery and shorter lead times', () => {
    const carrier = d.recommendations.find((r) => r.id === 'factory-carrier-tracking')!;
    expect(carrier).toBeDefined();
    expect(carrier.servesPriorities).not.toContain('delivery');
    const zh = md(PLANT, 'zh');
    const card = zh.slice(zh.indexOf('#### 承运商在途信息'), zh.indexOf('\n####', zh.indexOf('#### 承运商在途信息') + 5));
    expect(card).not.toContain('交期准时、缩短交付周期');
  });

  it('the textile-safety duty says what the answers show of traceability, not that they cannot tell', () => {
    const duty = d.roadmap.duties.find((x) => x.id === 'textile-product-safety')!;
    expect(duty.met).toBe(false);
    const line = md(PLANT, 'zh').split('\n').find((l) => l.includes('GB 18401'))!;
    expect(line).not.toContain('答卷不能说明是否满足，不代表不满足');
    expect(line).toContain('答卷显示质量数据只能部分从原材料追溯到成品');
    expect(line).toContain('缸号');
    const en = md(PLANT, 'en').split('\n').find((l) => l.includes('GB 18401'))!;
    expect(en).toContain('the answers show quality data can be traced from material to finished goods only in part');
  });
});

describe('no other sector’s words in the garment maker’s plan', () => {
  const d = json(PLANT);
  const zh = planSection(md(PLANT, 'zh'));
  const en = planSection(md(PLANT, 'en'));
  const all = (lang: 'zh' | 'en') => d.recommendations.map((r) => said(r, lang)).join(' ');

  it('no machining skills, CAPP from 3D models, heat treatment, callipers or Cpk, and no CNC utilisation benefit', () => {
    for (const words of ['数控编程', '热处理', '焊接', '三维模型', '工程图', '千分尺', 'Cpk', '数控和自动化设备'])
      for (const text of [zh, all('zh')]) expect(text, words).not.toContain(words);
    for (const words of ['NC programming', 'heat-treatment', 'welding', 'micrometers', 'Cpk', 'CNC and automated equipment', 'drawings are not generated'])
      for (const text of [en, all('en')]) expect(text, words).not.toContain(words);
  });

  it('no CAE server for a plant that answered CAE not applicable, no PLCs or NC protocols for sewing machines, no explosion-proof handhelds', () => {
    for (const words of ['CAE', '仿真计算服务器', '继电器', 'PLC', 'OPC UA', 'MTConnect', '防爆']) expect(all('zh'), words).not.toContain(words);
    for (const words of ['CAE', 'relay', 'PLC', 'OPC UA', 'MTConnect', 'explosion-proof']) expect(all('en'), words).not.toContain(words);
    const cad = d.recommendations.find((r) => r.id === 'station-3d-cad-cae')!;
    expect(said(cad, 'zh')).toContain('三维虚拟样衣');
    expect(said(cad, 'zh')).toContain('裁床');
  });

  it('no data platform, BI cockpit or data-analyst job ladder for 150 staff', () => {
    for (const words of ['数据中台', '驾驶舱', '数据分析师', '自动化工程师', '工业网络与安全工程师']) expect(all('zh'), words).not.toContain(words);
    for (const words of ['BI dashboards', 'management dashboard', 'data analysts', 'automation engineers']) expect(all('en'), words).not.toContain(words);
    const talent = d.recommendations.find((r) => r.id === 'factory-digital-talent')!;
    expect(said(talent, 'zh')).toMatch(/IE 工程师|IE 和机修/);
  });

  it('safety monitoring is about fire, not gas, liquid levels and interlocked shut-offs', () => {
    const hazard = d.recommendations.find((r) => r.id === 'station-hazard-sensing')!;
    expect(said(hazard, 'zh')).toContain('电气火灾');
    expect(said(hazard, 'zh')).toContain('烟感');
    for (const words of ['有毒', '液位', '联锁', '可燃']) expect(said(hazard, 'zh'), words).not.toContain(words);
    for (const words of ['toxic', 'level transmitters', 'interlock']) expect(said(hazard, 'en'), words).not.toContain(words);
    // (an EHS platform is for larger plants: a small one is not offered it; when one is, it speaks of fire, not gas)
    const ehs = d.recommendations.find((r) => r.id === 'workshop-ehs-platform');
    if (ehs) expect(said(ehs, 'zh')).not.toContain('气体');
  });

  it('andon and quality checks by sewing operation, CAPP as tech packs and standard minutes', () => {
    const andon = d.recommendations.find((r) => r.id === 'line-andon-spc')!;
    expect(said(andon, 'zh')).toContain('缝制');
    const capp = d.recommendations.find((r) => r.id === 'factory-capp-process-kb')!;
    expect(capp.title.zh).toContain('工艺单');
    expect(said(capp, 'zh')).toContain('标准工时');
  });
});

describe('the same garment maker counted small (120 staff)', () => {
  const d = json(withStaff(120));
  const inPlan = d.recommendations.filter((r) => r.phase !== 'later');

  it('gets the subscription garment MES and the pilot hanging line in its plan, not a generic SaaS suite and no hanging line', () => {
    const saas = d.recommendations.find((r) => r.id === 'workshop-sme-light-saas');
    expect(saas, d.recommendations.map((r) => r.title.zh).join(' | ')).toBeDefined();
    expect(saas!.title.zh).toContain('服装 MES');
    expect(said(saas!, 'zh')).not.toContain('设备采集盒');
    const hanging = inPlan.find((r) => r.id === 'line-automated-assembly');
    expect(hanging, inPlan.map((r) => r.title.zh).join(' | ')).toBeDefined();
    expect(hanging!.variant).toBe('hanging-pilot');
  });
});

// The s23 review: the 120-staff plant got the electronic dispatch board in 0–6 months and the subscription garment MES
// never (for the budget), cheap projects nobody asked for in its place. The MES dispatches by bundle, schedules simply
// and shows order progress: a consultant proposes it, not a dispatch board first.
describe('a garment maker whose subscription MES fits its budget gets the MES in the plan period and no dispatch board beside it', () => {
  const ids = (r: Report) => r.recommendations.map((x) => x.id);

  it('120 staff, 80 万元: the subscription garment MES in the first phase, and no dispatch board in the plan or after it', () => {
    const d = json(withStaff(120));
    const mes = d.recommendations.find((r) => r.id === 'workshop-sme-light-saas');
    expect(mes, ids(d).join(' ')).toBeDefined();
    // what the dispatch board had: the first phase, beside the top-level plan
    expect(mes!.phase, `${mes!.phase} ${mes!.laterReason?.code ?? ''}`).toBe('0-6m');
    expect(mes!.servesPriorities).toContain('delivery');
    expect(ids(d)).not.toContain(DISPATCH);
    // it does what the board would have done: schedules by due date and line capacity, shows order progress, and sets
    // the rush-order rules the plant only partly has (req_plan_change_control: partial)
    expect(said(mes!, 'zh')).toContain('简易排产');
    expect(said(mes!, 'zh')).toContain('订单进度');
    expect(said(mes!, 'zh')).toContain('插单审批规则');
    expect(said(mes!, 'en')).toContain('approval rules for rush orders');
    // within the budget: the plan period's midpoints stay inside the 80 万元
    const mid = d.recommendations.filter((r) => r.phase !== 'later').reduce((sum, r) => sum + (r.investment.min + r.investment.max) / 2, 0);
    expect(mid).toBeLessThanOrEqual(80);
  });

  it('120 staff: the report proposes no electronic dispatch board, in either language', () => {
    const file = withStaff(120);
    const zh = planSection(md(file, 'zh'));
    const en = planSection(md(file, 'en'));
    expect(zh).toContain('#### 订阅式服装 MES');
    expect(zh).not.toContain('电子派工看板');
    expect(zh).not.toContain('车间作业计划规范化');
    expect(en).not.toContain('electronic dispatch boards');
  });

  it('150 staff (the reviewed plant): the MES in the plan period, no dispatch board, and the plan still reaches level 1', () => {
    const d = json(PLANT);
    const mes = d.recommendations.find((r) => r.id === 'workshop-sme-light-saas')!;
    expect(mes.phase).not.toBe('later');
    expect(ids(d)).not.toContain(DISPATCH);
    // the pilot hanging line and the written data rules keep their places beside it
    expect(d.recommendations.find((r) => r.id === 'line-automated-assembly')!.phase).not.toBe('later');
    expect(d.recommendations.find((r) => r.id === 'factory-data-basics')!.phase).not.toBe('later');
    expect(d.roadmap.phases.at(-1)!.projected!.level).toBeGreaterThanOrEqual(1);
  });

  it('a medium plant (350 staff, 80 万元): its subscription garment MES schedules and shows each line on its boards; no dispatch board beside it', () => {
    const d = json(withStaff(350));
    const mes = d.recommendations.find((r) => r.id === 'station-scan-reporting');
    expect(mes, ids(d).join(' ')).toBeDefined();
    expect(mes!.phase).not.toBe('later');
    expect(mes!.title.zh).toContain('订阅式服装 MES');
    expect(said(mes!, 'zh')).toContain('简易排产');
    expect(said(mes!, 'zh')).toContain('车间看板显示各线当班的款号、目标和进度');
    expect(said(mes!, 'zh')).toContain('插单审批规则');
    expect(ids(d)).not.toContain(DISPATCH);
  });

  it('the subscription MES costs the same at 299 staff as at 300 (the small plant’s and the medium plant’s), not more', () => {
    const small = json(withStaff(299)).recommendations.find((r) => r.id === 'workshop-sme-light-saas')!;
    const medium = json(withStaff(300)).recommendations.find((r) => r.id === 'station-scan-reporting')!;
    expect(small.investment.max).toBeLessThanOrEqual(medium.investment.max);
    expect(Math.abs(small.investment.max - medium.investment.max)).toBeLessThanOrEqual(1);
  });

  it('a larger budget (300 万元) changes nothing of it: the MES in the plan period, no dispatch board', () => {
    const d = json(variantOf('120-300', ['employees_total: 150', 'employees_total: 120'], ['retrofit_budget_band: under_1m', 'retrofit_budget_band: from_1m_to_5m'], ['retrofit_budget_amount: 80', 'retrofit_budget_amount: 300']));
    expect(d.recommendations.find((r) => r.id === 'workshop-sme-light-saas')!.phase).not.toBe('later');
    expect(ids(d)).not.toContain(DISPATCH);
  });

  it('a plant the subscription MES does not reach keeps the dispatch board: one with an MES in use, one too large for the MES’s budget', () => {
    // an MES in use: no subscription MES is proposed, and planning is still done in spreadsheets
    const withMes = json(variantOf('120-mes', ['employees_total: 150', 'employees_total: 120'], ['has_mes: false', 'has_mes: true']));
    for (const id of SUBSCRIPTION_MES) expect(ids(withMes)).not.toContain(id);
    const board = withMes.recommendations.find((r) => r.id === DISPATCH);
    expect(board, ids(withMes).join(' ')).toBeDefined();
    expect(said(board!, 'zh')).toContain('电子派工看板');
    expect(board!.phase).not.toBe('later');
    // a medium plant with 300 万元: the full garment MES (no scheduling), and the board
    const larger = json(variantOf('350-300', ['employees_total: 150', 'employees_total: 350'], ['retrofit_budget_band: under_1m', 'retrofit_budget_band: from_1m_to_5m'], ['retrofit_budget_amount: 80', 'retrofit_budget_amount: 300']));
    for (const id of SUBSCRIPTION_MES) expect(ids(larger)).not.toContain(id);
    expect(ids(larger)).toContain('workshop-mes');
    expect(ids(larger)).toContain(DISPATCH);
  });
});

describe('the same garment maker with andon calls in place', () => {
  it('gets SPC from roving QC by operation, not callipers, micrometers or Cpk', () => {
    const d = json(changed('req_andon: none', 'req_andon: full', 'andon'));
    const spc = d.recommendations.find((r) => r.id === 'line-andon-spc')!;
    expect(spc.variant).toBe('spc');
    expect(said(spc, 'zh')).toContain('巡检');
    for (const words of ['千分尺', '卡尺', 'Cpk', '量具']) expect(said(spc, 'zh'), words).not.toContain(words);
    for (const words of ['micrometers', 'callipers', 'Cpk', 'Gauge readings']) expect(said(spc, 'en'), words).not.toContain(words);
  });
});
