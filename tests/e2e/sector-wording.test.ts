// Through the built CLI: a sector pack's wording of a project names a system (ERP, MES, WMS) only for a plant that
// has it, as the rules' own items do. The food example runs an ERP, an MES and a cold-store WMS; the same plant
// without them must not be told to link anything to them.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { EXAMPLES, tempDir, zhizao } from '../helpers/cli';

interface Item {
  zh: string;
  en: string;
}
interface Rec {
  id: string;
  title: Item;
  prerequisites: string[];
  measures: Item[];
  integration: Item[];
}

const dir = tempDir('zhizao-sector-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const EXAMPLE = path.join(EXAMPLES, 'process-food.zhizao.yaml');

function plan(file: string): Rec[] {
  const r = zhizao(['report', file, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { recommendations: Rec[] }).recommendations;
}

type Doc = { answers: Record<string, unknown>; notes?: Record<string, unknown>; evidence?: Record<string, unknown> };
/**
 * The food example weighing its filling by hand. The example weighs automatically, and its recipe project is then the
 * rule's automated-batching variant, whose wording replaces the food pack's; the pack's wording is read on this plant.
 */
function handWeighed(): Doc {
  const doc = parse(readFileSync(EXAMPLE, 'utf8')) as Doc;
  const list = String(doc.answers.key_processes_list);
  expect(list).toContain('馅料自动配料称量（DCS）');
  doc.answers.key_processes_list = list.replace('馅料自动配料称量（DCS）', '馅料人工称量');
  return doc;
}
function written(doc: Doc, name: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, stringify(doc));
  return file;
}

/** That plant without an ERP, an MES or a WMS: those answers, and what hangs on them, taken away. */
function withoutSystems(): string {
  const doc = handWeighed();
  const a = doc.answers;
  expect(a).toMatchObject({ has_erp: true, has_mes: true, has_wms: true });
  Object.assign(a, { has_erp: false, has_mes: false, has_wms: false });
  const about = (k: string) => /^(erp|mes|wms)_/.test(k) || k === 'req_erp_mes_integration' || ['has_erp', 'has_mes', 'has_wms'].includes(k);
  for (const k of Object.keys(a)) if (about(k) && !k.startsWith('has_')) delete a[k];
  for (const part of [doc.notes, doc.evidence]) for (const k of Object.keys(part ?? {})) if (about(k)) delete part![k];
  for (const [k, v] of Object.entries(a)) if (k.endsWith('_interfaces') && Array.isArray(v)) a[k] = v.filter((x) => !['erp', 'mes', 'wms'].includes(String(x)));
  return written(doc, 'food-without-erp.zhizao.yaml');
}

describe('a food plant without an ERP (report through the built CLI)', () => {
  it('the example, which runs an ERP, is told to cost its lots in the ERP (the food wording, shown by its answer)', () => {
    const recipe = plan(written(handWeighed(), 'food-hand-weighed.zhizao.yaml')).find((r) => r.id === 'line-recipe-batch-management')!;
    expect(recipe.integration.map((x) => x.zh)).toContain('投料记录 → 生产批次记录；批次耗料 → ERP 成本核算');
  });

  it('without an ERP, no integration point of its plan names an ERP, save the ERP project and those planned after it', () => {
    const recs = plan(withoutSystems());
    const byId = new Map(recs.map((r) => [r.id, r]));
    // the food pack words these projects (a plant without an MES or a WMS gets the pack's own MES and cold-store WMS)
    expect(byId.get('workshop-mes')?.title.zh).toBe('食品 MES（批次、配方执行与关键控制点记录）');
    expect(byId.get('workshop-wms-barcode')?.title.zh).toBe('冷库 WMS（批次、效期先进先出、库位与温区）');
    expect(byId.get('line-recipe-batch-management')?.integration.map((x) => x.zh)).toContain('投料记录 → 生产批次记录；批次耗料 → 成本核算（财务或进销存软件，或成本台账）');
    // The ERP project proposes one; a project that comes after it in the plan may link to the ERP it will have.
    const untilErp = recs.filter((r) => r.id !== 'factory-erp' && !r.prerequisites.includes('factory-erp'));
    expect(untilErp.length).toBeGreaterThan(10);
    for (const r of untilErp) for (const x of r.integration) expect(`${x.zh} | ${x.en}`, r.id).not.toContain('ERP');
    // nor do the MES project's steps presume a cold-store WMS or an ERP
    for (const x of byId.get('workshop-mes')!.measures) expect(`${x.zh} | ${x.en}`).not.toMatch(/ERP|WMS 库存/);
  });

  it('the Markdown report in Chinese carries none of the food pack ERP links', () => {
    const r = zhizao(['report', withoutSystems(), '--format', 'md', '--report-lang', 'zh']);
    expect(r.code, r.stderr).toBe(0);
    for (const link of ['批次耗料 → ERP 成本核算', 'ERP 销售与采购单据', 'ERP 生产订单 → MES 批次工单', '发货单（ERP）', 'MES 入库批次 → 冷库库存（WMS 或 ERP）']) expect(r.stdout).not.toContain(link);
    expect(r.stdout).toContain('销售与采购单据（进销存软件或台账）↔ 冷库 WMS 收发存记录（按日导入导出）');
  });
});

/**
 * The discrete example (an equipment maker that runs an ERP, an MES, SCADA, a PDM and a QMS) as a plant with none of
 * them: what hangs on those answers taken away, as for the food plant above.
 */
function discreteWithoutSystems(): string {
  const doc = parse(readFileSync(path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), 'utf8')) as { answers: Record<string, unknown>; notes?: Record<string, unknown>; evidence?: Record<string, unknown> };
  const a = doc.answers;
  const systems = ['erp', 'mes', 'wms', 'plm', 'qms', 'scada'];
  const about = (k: string) => systems.some((s) => k.startsWith(`${s}_`) || k === `has_${s}`) || k === 'req_erp_mes_integration' || k === 'req_design_bom_to_erp';
  for (const k of Object.keys(a)) if (about(k)) delete a[k];
  for (const s of systems) a[`has_${s}`] = false;
  for (const part of [doc.notes, doc.evidence]) for (const k of Object.keys(part ?? {})) if (about(k)) delete part![k];
  const file = path.join(dir, 'discrete-without-systems.zhizao.yaml');
  writeFileSync(file, stringify(doc));
  return file;
}

/** What a project proposes, with the words about a system the plan will build later ("once an MES is built") left out. */
const presumes = (r: Rec & { software?: Item[]; hardware?: Item[] }) =>
  [...r.measures, ...(r.software ?? []), ...(r.hardware ?? []), ...r.integration]
    .map((x) => `${x.zh} | ${x.en}`)
    .join('\n')
    .replace(/（[^（）]*(日后|建成|后续)[^（）]*）|\([^()]*(once|later)[^()]*\)/g, '')
    .replace(/[^，。；、\n|]*(日后|建成|后续)[^，。；\n|]*|[^,.;\n|]*\b(once|later)\b[^,.;\n|]*/g, '');

describe('a plant without business systems: the rules name none of them (report through the built CLI)', () => {
  it('no project presumes an ERP, MES, WMS, SCADA, PDM/PLM or QMS, save the projects that build one and those planned after them', () => {
    const recs = plan(discreteWithoutSystems()) as (Rec & { software: Item[]; hardware: Item[] })[];
    expect(recs.length).toBeGreaterThan(10);
    const builds: Record<string, string[]> = {
      // the cloud project offers business software as a service (cloud ERP among it) to a plant without any
      ERP: ['factory-erp', 'factory-cloud-business-apps'],
      MES: ['workshop-mes', 'workshop-sme-light-saas'],
      WMS: ['workshop-wms-barcode'],
      PLM: ['factory-plm-pdm'],
      QMS: ['workshop-qms-spc'],
      SCADA: ['line-process-realtime-database', 'workshop-equipment-networking'],
    };
    for (const [system, own] of Object.entries(builds)) {
      const free = recs.filter((r) => !own.includes(r.id) && !r.prerequisites.some((p) => own.includes(p)));
      for (const r of free) {
        // an alternative product ("或 MES 轻量模块") or a list of systems to plan is not a presumption, nor is equipment
        // reused from this plan's own MES project, shown only when that project comes earlier ("沿用本方案 MES 项目配置的")
        const text = presumes(r).replace(/或 ?MES [^、，。；\n]*模块|or an? MES [a-z ]*module|MES reporting module|（如 ERP、MES、PLM、WMS）|\(such as ERP, MES, PLM, WMS\)|沿用本方案 MES 项目配置的|this plan's MES project provides/g, '');
        expect(text, `${r.id} presumes ${system}`).not.toMatch(new RegExp(`(?<![A-Za-z])${system}(?![A-Za-z])`));
      }
    }
    const cloud = recs.find((r) => r.id === 'factory-cloud-business-apps');
    if (cloud) expect(presumes(cloud)).not.toMatch(/评估 ?ERP|ERP\/CRM ↔|CRM、ERP 优先/);
  });
});
