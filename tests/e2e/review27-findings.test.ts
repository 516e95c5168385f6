// A consultant's review of three client reports (review 27): an automotive parts supplier (C3670: stamping, welding,
// machining, coating outsourced, 8 arc-welding robots, batch traceability only), a 68-staff crusher maker (C3511,
// engineer-to-order, 60 万元, SaaS ERP) and the food example. One test per finding, through the built CLI.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, zhizao } from '../helpers/cli';

interface Item { zh: string; en: string }
interface Rec {
  id: string;
  phase: string;
  variant?: string;
  title: Item;
  investment: { min: number; max: number } | null;
  evidence: { question: string; statement: Item }[];
  measures: Item[];
  hardware: Item[];
  software: Item[];
  integration: Item[];
  benefits: Item;
  prerequisites: string[];
}
interface Report { recommendations: Rec[]; roadmap: { later: string[] } }

const AUTO = 'tests/fixtures/review27/auto.yaml';
const SMALL = 'tests/fixtures/review27/small-equip.yaml';
const FOOD = 'examples/process-food.zhizao.yaml';
const MACHINING = 'tests/fixtures/plants/small-machining-under-1m.yaml';
const CAD_PDM = 'tests/fixtures/plants/cad-pdm-word-planners.yaml';

const cache = new Map<string, Report>();
function report(file: string): Report {
  const hit = cache.get(file);
  if (hit) return hit;
  const r = zhizao(['report', file, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  const d = JSON.parse(r.stdout) as Report;
  cache.set(file, d);
  return d;
}
const rec = (file: string, id: string) => report(file).recommendations.find((r) => r.id === id);
/** Every text of a project, in one language. */
const words = (r: Rec, lang: 'zh' | 'en') =>
  [r.title, ...r.measures, ...r.hardware, ...r.software, ...r.integration, r.benefits, ...r.evidence.map((e) => e.statement)].map((t) => t[lang]).join('\n');

describe('review 27', () => {
  it('1. a small budget with design data not under control gets the light PDM, in the plan; a plant managing its design data does not', () => {
    const pdm = rec(SMALL, 'factory-plm-pdm');
    expect(pdm, 'the crusher maker (60 万元, no PDM, design files not held centrally) gets the PDM project').toBeDefined();
    expect(pdm!.variant).toBe('light');
    expect(pdm!.phase, 'its first goal: in the plan period').not.toBe('later');
    const zh = words(pdm!, 'zh');
    for (const w of ['轻量 PDM', '按订单', '作废', '现行版本', 'ERP']) expect(zh).toContain(w);
    expect(words(pdm!, 'en')).toContain('light PDM');
    expect(pdm!.prerequisites).toEqual([]);
    expect(pdm!.investment!.max).toBeLessThanOrEqual(15);
    expect(pdm!.evidence.map((e) => e.question)).toContain('req_design_data_vault');
    // the small machining shop (under 1 million, no PDM, vault none) gets it too; a plant with a PDM never the light one
    expect(rec(MACHINING, 'factory-plm-pdm')?.variant).toBe('light');
    expect(rec(CAD_PDM, 'factory-plm-pdm')?.variant).not.toBe('light');
  });
  it('2. the autoparts plant (stamping, welding, machining; coating outsourced; 8 arc-welding robots) gets spot-welding cells and less repair welding, no gluing, spraying or grinding', () => {
    const robots = rec(AUTO, 'station-hazardous-post-robots');
    expect(robots).toBeDefined();
    const zh = words(robots!, 'zh');
    expect(zh).toContain('伺服焊枪');
    expect(zh).toMatch(/补焊从源头减少.*夹具.*弧焊机器人的焊接程序/);
    expect(zh).toContain('PPAP');
    for (const w of ['涂胶', '喷涂', '打磨', '漆雾', '涂料', '铝']) expect(zh, w).not.toContain(w);
    const en = words(robots!, 'en');
    expect(en).toContain('servo guns');
    for (const w of ['glu', 'paint', 'grind', 'aluminium']) expect(en.toLowerCase(), w).not.toContain(w);
    // its welding robots are kept: no arc-welding cell bought again
    expect(zh).not.toContain('弧焊岗位改为弧焊机器人工作站');
  });
  it('3. the 60 万元 crusher maker asking to try one welding robot gets one welding cell (~25–50 万元, leasing), no painting or grinding robots', () => {
    const robots = rec(SMALL, 'station-hazardous-post-robots');
    expect(robots).toBeDefined();
    expect(robots!.variant).toBe('one-welding-cell');
    const zh = words(robots!, 'zh');
    for (const w of ['一台', '变位机', '焊缝跟踪', '融资租赁']) expect(zh).toContain(w);
    expect(robots!.hardware.map((h) => h.zh).join('')).not.toMatch(/喷涂机器人|打磨机器人/);
    expect(words(robots!, 'en')).toMatch(/one welding robot cell/i);
    expect(robots!.investment!.min).toBeGreaterThanOrEqual(20);
    expect(robots!.investment!.max).toBeLessThanOrEqual(55);
    // the plant's asked project is now within its budget, in the plan period
    expect(robots!.phase).not.toBe('later');
    // a plant with a larger budget keeps the pack's wording
    expect(rec(AUTO, 'station-hazardous-post-robots')?.variant).toBeUndefined();
  });
  it('4. on-time delivery of 0.96 / 0.93 is not promised +5–10 points (lead time and rush orders instead); a low or unknown rate still is; OT zoning "markedly reduces" the risk', () => {
    const ontime = /准时交付率提升5–10个百分点/;
    const mes = rec(AUTO, 'workshop-mes')!;
    expect(mes.benefits.zh).not.toMatch(ontime);
    expect(mes.benefits.zh).toContain('急单');
    expect(mes.benefits.en).toContain('expediting');
    const aps = rec(FOOD, 'workshop-aps')!;
    expect(aps.benefits.zh).not.toMatch(ontime);
    expect(aps.benefits.zh).toContain('急单');
    for (const file of [AUTO, FOOD]) {
      const ot = rec(file, 'workshop-ot-security-zoning')!;
      expect(ot.benefits.zh).toContain('显著降低办公网病毒扩散到控制网导致停产的风险');
      expect(ot.benefits.zh).not.toContain('消除');
      expect(ot.benefits.en).not.toMatch(/removes the main risk/i);
    }
    // the same autoparts plant delivering 78 % on time, or not saying: the on-time gain stands
    const dir = tempDir('zhizao-review27-');
    const text = readFileSync(AUTO, 'utf8');
    for (const [name, changed] of [['low', text.replace('kpi_on_time_delivery: 0.96', 'kpi_on_time_delivery: 0.78')], ['unknown', text.replace('kpi_on_time_delivery: 0.96', 'kpi_on_time_delivery: unknown')]] as const) {
      expect(changed).not.toBe(text);
      const file = path.join(dir, `${name}.yaml`);
      writeFileSync(file, changed);
      expect(rec(file, 'workshop-mes')!.benefits.zh, name).toMatch(ontime);
    }
  });
  it('5. lot trace only (the plant\'s own goals say so) reads lot trace, not "serial or lot"; the cloud move names only the systems the plant runs (no CRM)', () => {
    const marking = rec(AUTO, 'station-part-marking-traceability')!;
    const zh = words(marking, 'zh');
    expect(zh).toContain('按客户要求做批次追溯（不做单件追溯）');
    expect(zh).not.toMatch(/单件或批次|批次或单件/);
    expect(marking.benefits.zh).toContain('缩小到生产批次');
    expect(words(marking, 'en')).not.toMatch(/serial or lot|lots or parts/);
    const cloud = rec(AUTO, 'factory-cloud-business-apps')!;
    for (const t of [...cloud.measures, ...cloud.evidence.map((e) => e.statement)]) {
      expect(t.zh).not.toMatch(/CRM|财务等/);
      expect(t.en).not.toMatch(/CRM|finance/);
    }
    expect(cloud.measures.map((m) => m.zh).join('')).toContain('评估在用的 ERP 上云');
    // a plant that does not say so keeps the choice of granularity
    expect(words(rec(SMALL, 'station-part-marking-traceability')!, 'zh')).toContain('按客户要求确定单件或批次追溯');
  });
});
