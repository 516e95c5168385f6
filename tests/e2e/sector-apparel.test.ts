// A small woven-garment maker (C1810, 150 staff, 80 万元 over three years, goal "快反小单，缩短交期", bottleneck "缝制线平衡差、
// 在制品堆积；订单进度靠跟单员到现场问") through the built CLI, as the s22 review read it. Its plan holds the trade's core
// projects sized to it — a subscription garment MES and one pilot hanging line — and nothing of the machining,
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
  roadmap: { duties: { id: string; met: boolean }[] };
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

  it('a subscription garment MES that shows order progress and work in progress, answering the delivery goal (in the plan, or after it for the budget, said so)', () => {
    // 150 staff is a small plant (under 300, the national class): two projects a phase, and the 80 万元 holds the
    // pilot hanging line and the dispatch board before the MES
    const mes = d.recommendations.find((r) => r.title.zh.includes('服装 MES'));
    expect(mes, d.recommendations.map((r) => r.title.zh).join(' | ')).toBeDefined();
    if (mes!.phase === 'later') expect((mes as unknown as { laterReason: { code: string } }).laterReason.code).toBe('budget');
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

  it('gets the subscription garment MES (in the plan or after it for the budget) and the pilot hanging line in its plan, not a generic SaaS suite and no hanging line', () => {
    const saas = d.recommendations.find((r) => r.id === 'workshop-sme-light-saas');
    expect(saas, d.recommendations.map((r) => r.title.zh).join(' | ')).toBeDefined();
    expect(saas!.title.zh).toContain('服装 MES');
    expect(said(saas!, 'zh')).not.toContain('设备采集盒');
    const hanging = inPlan.find((r) => r.id === 'line-automated-assembly');
    expect(hanging, inPlan.map((r) => r.title.zh).join(' | ')).toBeDefined();
    expect(hanging!.variant).toBe('hanging-pilot');
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
