// The ERP project of a plant that has an ERP names the modules it does not use, not a generic list: the drug plant
// uses finance, purchasing and inventory, so the project switches on MRP and costing; with every module in use and
// purchasing kept outside the system, the project is purchasing in the ERP, nothing to switch on.
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli';
import { answerVariant, reportJson, type ReportProject } from '../helpers/report-cli';

const PLANT = 'tests/fixtures/review/pharma-solid-dose.yaml';
const dir = tempDir('zhizao-erp-');
interface Report {
  recommendations: ReportProject[];
}
const erp = (file: string) => reportJson<Report>(file).recommendations.find((r) => r.id === 'factory-erp');

const variant = (name: string, answers: Record<string, unknown>) => answerVariant(dir, PLANT, name, answers);

describe('the ERP project names the modules the plant does not use', () => {
  it('finance, purchasing and inventory in use: MRP and costing are switched on, purchasing and inventory are not', () => {
    const r = erp(PLANT)!;
    expect(r.variant).toBe('extend');
    expect(r.title.zh).toBe('启用 ERP 尚未使用的业务模块');
    const zh = r.measures.map((m) => m.zh).join('\n');
    expect(zh).toContain('启用生产计划和物料需求计划（MRP）模块');
    expect(zh).toContain('启用成本核算模块');
    expect(zh).not.toMatch(/启用采购模块|启用库存模块|按“采购—库存—计划—成本”的顺序/);
    expect(r.measures.map((m) => m.en).join('\n')).toContain('Switch on the costing module');
  });

  it('every module in use, purchase orders outside the system: purchasing in the ERP, no module to switch on', () => {
    const r = erp(variant('all-modules.yaml', { erp_modules: ['finance', 'purchasing', 'inventory', 'mrp', 'costing'], req_po_in_system: 'none' }))!;
    expect(r.variant).toBe('purchasing-in-system');
    expect(r.title.zh).toBe('采购全流程纳入 ERP（申请、订单、到货入库和对账）');
    expect(r.measures.map((m) => m.zh).join('\n')).not.toContain('启用');
  });

  it('every module in use and purchasing in the system: no ERP project', () => {
    expect(erp(variant('in-place.yaml', { erp_modules: ['finance', 'purchasing', 'inventory', 'mrp', 'costing'], req_po_in_system: 'full' }))).toBeUndefined();
  });
});
