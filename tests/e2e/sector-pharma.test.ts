// A generic-drug plant (C2720, oral solid doses, PLCs on stand-alone validated machines, no DCS, SCADA, MES or QMS,
// ERP for finance, purchasing and stock only, budget 800 万元) through the built CLI: the points of a consultant's
// review (tests/fixtures/review/pharma-solid-dose.yaml). What it asked for in its own words (electronic batch records,
// data integrity, less manual work at tableting and coating) is planned, inside the budget; the traceability project
// follows the plant's answer on its drug traceability codes; no text names a system the plant does not have, a
// petrochemical or discrete-manufacturing step, or SaaS for GMP records.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, zhizao } from '../helpers/cli';
import { reportJson, reportMarkdown, type ReportProject } from '../helpers/report-cli';

type Rec = ReportProject;
interface Duty {
  id: string;
  met: boolean;
  notMet?: boolean;
}
interface Report {
  recommendations: Rec[];
  roadmap: { duties: Duty[]; budget: { ceiling?: number } };
}

const PHARMA = 'tests/fixtures/review/pharma-solid-dose.yaml';
const dir = tempDir('zhizao-pharma-');
const PHASES = ['0-6m', '6-18m', '18-36m'];

/** The fixture with its drug traceability answer replaced, or left out (the reviewer's own file had no such question). */
function traced(status: string | null): string {
  const text = readFileSync(PHARMA, 'utf8');
  expect(text).toMatch(/^ {2}drug_trace_code_status: aggregated$/m);
  const out = path.join(dir, `pharma-${status ?? 'unanswered'}.yaml`);
  writeFileSync(out, status === null ? text.replace(/^ {2}drug_trace_code_status: .*\n/gm, '') : text.replace(/^ {2}drug_trace_code_status: aggregated$/m, `  drug_trace_code_status: ${status}`));
  return out;
}
const json = (file: string, ...extra: string[]) => reportJson<Report>(file, ...extra);
const md = reportMarkdown;
const get = (d: Report, id: string) => d.recommendations.find((r) => r.id === id);
const planned = (d: Report) => d.recommendations.filter((r) => PHASES.includes(r.phase));
/** Everything a project proposes (title, steps, equipment, software, integration, benefits), both languages. */
const said = (r: Rec) => JSON.stringify([r.title, r.measures, r.hardware, r.software, r.integration, r.benefits]);
const mid = (r: Rec) => (r.investment.min + r.investment.max) / 2;

// the reviewer's answers (no traceability-code question was asked then): what the plan makes of the plant's own words
const UNANSWERED = traced(null);
const d = json(UNANSWERED);
const zh = md(UNANSWERED, 'zh');
const en = md(UNANSWERED, 'en');

describe('finding 1: the electronic batch records the plant asked for are planned, after the validation framework', () => {
  it('the EBR project is asked for in the plant own words and lands in the plan period, inside the 800 万元 budget', () => {
    const ebr = get(d, 'workshop-gmp-electronic-batch-record')!;
    expect(ebr.asked).toBe(true);
    expect(PHASES).toContain(ebr.phase);
    expect(planned(d).reduce((s, r) => s + mid(r), 0)).toBeLessThanOrEqual(800);
  });
  it('the validation and data-integrity framework, asked for too ("数据完整性"), comes in 0–6 months, before the EBR', () => {
    const di = get(d, 'factory-gmp-data-integrity')!;
    expect(di.asked).toBe(true);
    expect(di.phase).toBe('0-6m');
    expect(PHASES.indexOf(get(d, 'workshop-gmp-electronic-batch-record')!.phase)).toBeGreaterThan(0);
  });
  it('one project for one thing: no pharma MES beside the EBR, which is its first stage (dispensing, status)', () => {
    expect(get(d, 'workshop-mes')).toBeUndefined();
    expect(zh).not.toContain('制药 MES（称量配料、电子批记录');
    expect(said(get(d, 'workshop-gmp-electronic-batch-record')!)).toContain('作为制药 MES 的首期');
  });
});

describe('finding 2: less manual work at tableting and coating is answered by a solid-dose project', () => {
  it('the plant own words ask for it and it is planned, with automatic weight control and closed feeding', () => {
    const sd = get(d, 'station-handling-palletising-robots')!;
    expect(sd.variant).toBe('solid-dose');
    expect(sd.asked).toBe(true);
    expect(PHASES).toContain(sd.phase);
    expect(sd.title.zh).toContain('压片');
    expect(said(sd)).toContain('自动片重控制');
    expect(said(sd)).toContain('真空上料');
    expect(sd.servesPriorities).toContain('labour');
  });
  it('the labour goal is not credited to a packaging or palletising project', () => {
    const pack = get(d, 'line-end-of-line-packaging');
    expect(pack === undefined || !PHASES.includes(pack.phase) || !pack.servesPriorities.includes('labour')).toBe(true);
    expect(zh).not.toContain('企业提出的招工难问题在包装岗位上得到缓解');
  });
});

describe('finding 3: the traceability project and duty follow the plant answer on its drug traceability codes', () => {
  it('coded, aggregated and uploaded (the reviewer notes): no coding project, the duty met', () => {
    const r = json(PHARMA);
    expect(get(r, 'line-end-of-line-packaging')).toBeUndefined();
    expect(r.roadmap.duties.find((x) => x.id === 'drug-traceability')).toMatchObject({ met: true });
  });
  it('coded at pack level only: at most the aggregation step, resting on that answer', () => {
    const r = json(traced('unit'));
    const p = get(r, 'line-end-of-line-packaging')!;
    expect(p.variant).toBe('drug-trace-aggregation');
    expect(p.title.zh).toContain('装箱、装托逐级关联');
    expect(p.evidence.map((e) => e.question)).toEqual(['drug_trace_code_status']);
    expect(said(p)).not.toContain('小盒赋追溯码');
    expect(md(traced('unit'), 'zh')).toContain('待核查：答卷显示最小销售包装已全部赋码并上传，装箱、装托尚未逐级关联');
  });
  it('not coded: the plant is told the duty is not met, and the project rests on that answer', () => {
    const r = json(traced('none'));
    expect(r.roadmap.duties.find((x) => x.id === 'drug-traceability')).toMatchObject({ met: false, notMet: true });
    const p = get(r, 'line-end-of-line-packaging')!;
    expect(p.variant).toBe('drug-trace');
    expect(p.evidence.map((e) => e.question)).toEqual(['drug_trace_code_status']);
  });
  it('not coded: the codes, a legal duty, come first, ahead of the systems the plant asked for; priced without robots', () => {
    const r = json(traced('none'));
    const p = get(r, 'line-end-of-line-packaging')!;
    expect(p.phase).toBe('0-6m');
    expect(p.investment.max).toBeLessThanOrEqual(150);
    expect(JSON.stringify(p.hardware)).not.toContain('机器人');
    // the robots are a choice the plant may weigh beside it, not part of the project or its price
    expect(said(p)).toContain('不在本项目投资内');
    expect(said(p)).not.toContain('招工难问题在装箱、码垛岗位上得到缓解');
    const ebr = get(r, 'workshop-gmp-electronic-batch-record')!;
    expect(ebr.asked).toBe(true);
    expect(PHASES.indexOf(ebr.phase)).toBeGreaterThan(PHASES.indexOf(p.phase));
  });
  it('not coded, in a small plant with 200 万元: the coding project is still proposed, inside the plan period', () => {
    const text = readFileSync(traced('none'), 'utf8')
      .replace(/^ {2}employees_total: 400$/m, '  employees_total: 150')
      .replace(/^ {2}retrofit_budget_band: from_5m_to_20m$/m, '  retrofit_budget_band: from_1m_to_5m')
      .replace(/^ {2}retrofit_budget_amount: 800$/m, '  retrofit_budget_amount: 200');
    expect(text).toContain('employees_total: 150');
    expect(text).toContain('retrofit_budget_amount: 200');
    const file = path.join(dir, 'pharma-small-none.yaml');
    writeFileSync(file, text);
    const r = json(file);
    const p = get(r, 'line-end-of-line-packaging')!;
    expect(p.variant).toBe('drug-trace');
    expect(PHASES).toContain(p.phase);
  });
  it('only drug plants are asked the question', () => {
    const t = zhizao(['template', '-o', '-']);
    expect(t.code, t.stderr).toBe(0);
    expect(t.stdout).toContain('drug_trace_code_status');
    const q = readFileSync('questionnaires/smart-manufacturing.yaml', 'utf8');
    expect(q).toContain(`when: "text_has(sector, 'C27')"`);
  });
});

describe('finding 4: no system the plant lacks, no petrochemical loop tuning on validated equipment', () => {
  it('no existing DCS, SCADA or QMS, and no ERP sales orders, in what the plan proposes', () => {
    for (const r of d.recommendations) {
      const s = said(r);
      expect(s, r.id).not.toMatch(/现有 DCS|在用的 DCS|DCS 历史|现有 QMS|现有 DCS\/SCADA|ERP 销售订单 → 主生产计划|投诉记录 ↔ ERP 销售订单/);
    }
    for (const r of planned(d)) expect(said(r), r.id).not.toContain('DCS');
  });
  it('the validated PLC equipment gets electronic capture, audit trail and requalification, not PID tuning and crew targets', () => {
    const pc = get(d, 'line-process-dcs-control')!;
    expect(pc.variant).toBe('validated-equipment');
    expect(said(pc)).toContain('变更控制');
    expect(said(pc)).toContain('再确认');
    expect(zh).not.toContain('整定 PID');
    expect(zh).not.toContain('自控率并纳入班组考核');
  });
  it('the GMP data acquisition, master recipes and QMS wait for no control-loop or networking project', () => {
    for (const id of ['line-process-realtime-database', 'line-recipe-batch-management', 'workshop-qms-spc']) {
      const r = get(d, id)!;
      expect((r as unknown as { prerequisites: string[] }).prerequisites, id).toEqual([]);
    }
  });
});

describe('finding 5: GMP records on validated systems, never SaaS', () => {
  it('complaints, equipment records, SOPs and the GMP systems read validated, with audit trail and e-signatures', () => {
    for (const id of ['factory-after-sales-loop', 'workshop-cmms', 'station-operator-skills', 'workshop-qms-spc', 'factory-gmp-data-integrity']) {
      const r = get(d, id)!;
      const sw = JSON.stringify(r.software);
      expect(sw, id).not.toContain('SaaS');
      expect(sw, id).toMatch(/经验证|验证文档/);
    }
    expect(JSON.stringify(get(d, 'factory-after-sales-loop')!.software)).toContain('审计追踪和电子签名');
  });
});

describe('finding 6: accounts, audit trails and backups are near-term data-integrity work', () => {
  it('the 0–6-month data-integrity project carries them, and no project says "at once"', () => {
    const di = get(d, 'factory-gmp-data-integrity')!;
    expect(di.phase).toBe('0-6m');
    expect(said(di)).toContain('个人账号');
    expect(said(di)).toContain('审计追踪');
    expect(said(di)).toContain('PLC 程序、设备配方');
    expect(zh).not.toContain('立即');
    expect(en).not.toMatch(/\bAt once\b/);
    // the network-security project does not repeat them while the data-integrity project is in the plan
    const sec = get(d, 'workshop-ot-security-zoning');
    if (sec) expect(said(sec)).not.toContain('改用个人账号');
  });
});

describe('finding 7: no other sector words in a solid-dose plant report', () => {
  it('no 3D-part PLM, no cold-store forklifts, no pH; tablet attributes instead', () => {
    expect(get(d, 'factory-plm-pdm')).toBeUndefined();
    expect(zh).not.toContain('标准件、通用件库');
    expect(zh).not.toContain('低温');
    expect(zh).not.toContain('pH');
    expect(en).not.toContain('pH');
    expect(said(get(d, 'line-andon-spc')!)).toContain('脆碎度');
  });
  it('safety monitoring names solvents and combustible dust, not hard hats in clean rooms; GMP data acquisition promises no APC', () => {
    const hazard = said(get(d, 'station-hazard-sensing')!);
    expect(hazard).toContain('乙醇');
    expect(hazard).toContain('可燃粉尘');
    expect(hazard).not.toContain('安全帽');
    expect(hazard).not.toContain('液位');
    const data = said(get(d, 'line-process-realtime-database')!);
    expect(data).toContain('审计追踪');
    expect(data).not.toContain('APC');
    expect(data).not.toContain('调度响应');
  });
});

describe('the office report keeps the GMP validation project and hides only what rests on confidential answers', () => {
  it('the project is listed for the office, its access-control and backup statements are not', () => {
    const office = md(PHARMA, 'zh', '--audience', 'office');
    expect(office).toContain('#### GMP 计算机化系统验证与数据完整性管理框架');
    expect(office).toContain('批生产记录还没有全部由系统生成');
    expect(office).not.toContain('关键系统还没有全部使用个人账号');
    expect(office).not.toContain('关键数据还没有全部定期备份');
    const client = md(PHARMA, 'zh');
    expect(client).toContain('关键系统还没有全部使用个人账号');
  });
});

describe('finding 12: the top-level plan does not deny the staff and budget the plant has', () => {
  it('the planning-stage statement does not say there are no dedicated staff or annual budget', () => {
    const plan = get(d, 'factory-smart-manufacturing-plan')!;
    expect(JSON.stringify(plan.evidence)).not.toContain('专职人员和年度预算');
    expect(zh).not.toContain('还没有成文规划、专职人员和年度预算');
  });
});
