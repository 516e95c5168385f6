import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { officeTopProjects } from '../../src/core/plan-order';
import { recommend, type Recommendation } from '../../src/core/recommend';
import { buildResult } from '../../src/core/result';
import { compileRules, findCycle } from '../../src/core/rules-def';
import { plantRuleContext } from '../../src/core/rule-context';
import { formatMessage } from '../../src/messages/catalogue';
import { compileSectorPack, isSectorCode, sectorGuess, sectorInWords, sectorWarning, unknownDivision, type CompiledSectorPack } from '../../src/core/sector';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { buildReportModel } from '../../src/report/model';
import { renderMarkdown } from '../../src/report/render';
import { mustAnswers, model, policy, profile, questionnaire, read, ROOT, shape, src, targets, wording } from '../helpers/defs';
import { parse } from 'yaml';

const q = questionnaire('questionnaires/smart-manufacturing.yaml');
const p = profile();
const t = targets();
const m = model();
const ids = { questionIds: [...q.byId.keys()], subdomains: m.subdomainIds, sections: new Set(q.def.sections.map((s) => s.id)), indicators: new Set(q.indicators.map((i) => i.def.id)) };
const rulesSrc = src(read('questionnaires/rules/default.yaml'), 'default.yaml');
const rules = compileRules(rulesSrc, ids).rules!;
const example = (name: string) => parse(read(`examples/${name}.zhizao.yaml`));

const packs: CompiledSectorPack[] = readdirSync(path.join(ROOT, 'questionnaires', 'sectors'))
  .filter((f) => f.endsWith('.yaml') && !f.startsWith('_'))
  .map((f) => compileSectorPack(src(read(`questionnaires/sectors/${f}`), f), plantRuleContext(ids)).pack!);

function plan(file: Record<string, unknown>, withPacks: boolean | CompiledSectorPack[] = false) {
  const a = mustAnswers(q, file);
  const r = buildResult(q, a, p, t);
  const sectors = withPacks === true ? packs : withPacks || undefined;
  return { result: r, answers: a, ...recommend({ questionnaire: q, result: r, answers: a, rules, ...(sectors ? { sectors } : {}), overrides: a.file.overrides, scoring: { profile: p, targets: t } }) };
}
/** Everything a project proposes (steps, equipment, software, links, benefits), as one text per language. */
const offer = (r: { measures: { zh: string; en: string }[]; hardware: { zh: string; en: string }[]; software: { zh: string; en: string }[]; integration: { zh: string; en: string }[]; benefits: { zh: string; en: string } | null }) => {
  const all = [...r.measures, ...r.hardware, ...r.software, ...r.integration, ...(r.benefits ? [r.benefits] : [])];
  return { zh: all.map((x) => x.zh).join('\n'), en: all.map((x) => x.en).join('\n') };
};

describe('recommendation rules', () => {
  it('the bundled rules load: schema and semantic checks pass', () => {
    expect(shape.validate('rules', rulesSrc)).toEqual([]);
    expect(rules.rules.length).toBeGreaterThanOrEqual(40);
  });

  it('prerequisite cycles and unknown ids are load-time errors', () => {
    expect(findCycle([{ id: 'a', prerequisites: ['b'] }, { id: 'b', prerequisites: ['c'] }, { id: 'c', prerequisites: ['a'] }])).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle([{ id: 'a', prerequisites: ['b'] }, { id: 'b' }])).toBeUndefined();
    const data = parse(read('questionnaires/rules/default.yaml'));
    data.rules[0].prerequisites = [data.rules[1].id];
    data.rules[1].prerequisites = [data.rules[0].id];
    data.rules[2].prerequisites = ['no-such-rule'];
    data.rules[3].when = "level('no-such-subdomain') < 2";
    const bad = compileRules(src(stringify(data), 'bad.yaml'), ids);
    expect(bad.rules).toBeUndefined();
    const codes = bad.diagnostics.map((d) => d.code);
    expect(codes).toContain('def.cycle');
    expect(codes).toContain('def.unknown-ref');
    expect(codes).toContain('expr.unknown-literal');
    expect(bad.diagnostics.every((d) => d.line > 1)).toBe(true);
  });

  it('{question_id} in a statement shows the answer; an unknown id is a load-time error at that statement', () => {
    const data = parse(read('questionnaires/rules/default.yaml'));
    const i = data.rules.findIndex((r: { evidence?: unknown[] }) => r.evidence?.length);
    data.rules[i].evidence[0].statement.zh = '共 {no_such_question} 台。';
    const bad = compileRules(src(stringify(data), 'bad.yaml'), ids);
    expect(bad.diagnostics.map((x) => x.code)).toEqual(['def.unknown-ref']);
    const d = bad.diagnostics[0];
    expect(d?.args.id).toBe('no_such_question');
    expect(d?.path).toEqual(['rules', i, 'evidence', 0, 'statement', 'zh']);
    // Filled from the plant's answers: counts as numbers, options by their label in each language.
    const file = example('discrete-machinery');
    file.answers.equipment_digital = 70;
    file.answers.equipment_networked = 12;
    const { recommendations } = plan(file);
    const statements = recommendations.flatMap((r) => r.evidence.map((e) => e.statement));
    expect(statements.some((t) => t.zh.includes('数字化设备 70 台，已联网并采集数据的 12 台') && t.en.includes('12 of 70 digital machines'))).toBe(true);
    expect(statements.every((t) => !/\{\w+\}/.test(t.zh) && !/\{\w+\}/.test(t.en))).toBe(true);
  });

  it('a statement that shows a confidential answer must rest on a confidential question (the office never reads it)', () => {
    const data = parse(read('questionnaires/rules/default.yaml'));
    const i = data.rules.findIndex((r: { evidence?: { question: string }[] }) => r.evidence?.length && !q.byId.get(r.evidence[0]!.question)?.confidential);
    const secret = q.questions.find((x) => x.confidential)!.id;
    data.rules[i].evidence[0].statement.en = `Shown to everyone: {${secret}}.`;
    const withConfidential = { ...ids, confidentialQuestions: new Set(q.questions.filter((x) => x.confidential).map((x) => x.id)) };
    const bad = compileRules(src(stringify(data), 'bad.yaml'), withConfidential);
    expect(bad.diagnostics.map((x) => [x.code, x.args.id, x.path])).toEqual([['rules.slot-confidential', secret, ['rules', i, 'evidence', 0, 'statement', 'en']]]);
    // the shipped rules pass the check (positive control: the same loader accepts them)
    expect(compileRules(rulesSrc, withConfidential).diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('a plant rule filed under a programme the policy does not offer to plants is a load-time error', () => {
    const data = parse(read('questionnaires/rules/default.yaml'));
    const i = data.rules.findIndex((r: { retrofitLevel: string }) => r.retrofitLevel !== 'park');
    data.rules[i].programme = 'smart-equipment';
    const pol = policy();
    const withPolicy = { ...ids, questionIds: [...q.byId.keys()], programmes: new Set(pol.programmes.map((x) => x.id)), userProgrammes: new Map(pol.programmes.map((x) => [x.id, x.userProgramme])) };
    const bad = compileRules(src(stringify(data), 'bad.yaml'), withPolicy);
    expect(bad.diagnostics.map((d) => [d.code, d.args.programme])).toEqual([['rules.not-user-programme', 'smart-equipment']]);
    expect(compileRules(rulesSrc, withPolicy).diagnostics).toEqual([]);
  });

  it('a plant below the CNC target gets the CNC rule, in a phase strictly after its prerequisites', () => {
    const { result, recommendations } = plan(example('discrete-machinery'));
    expect(result.indicators.find((i) => i.id === 'cnc-rate')!.met).toBe(false);
    const cnc = recommendations.find((r) => r.id === 'station-cnc-key-processes');
    expect(cnc).toMatchObject({ retrofitLevel: 'station', programme: 'machine-replacement' });
    const order = ['0-6m', '6-18m', '18-36m', 'later'];
    for (const r of recommendations) {
      for (const pre of r.prerequisites) {
        const pr = recommendations.find((x) => x.id === pre);
        if (!pr) continue;
        if (r.phase === 'later') expect(order.indexOf(r.phase), `${r.id} after ${pre}`).toBeGreaterThanOrEqual(order.indexOf(pr.phase));
        else expect(order.indexOf(r.phase), `${r.id} after ${pre}`).toBeGreaterThan(order.indexOf(pr.phase));
      }
      expect(r.priority).toBeGreaterThanOrEqual(0);
      expect(r.priority).toBeLessThanOrEqual(100);
    }
  });

  it('a process plant below the CNC target gets the DCS/PLC rule instead of CNC machines', () => {
    const file = example('process-food');
    file.answers.key_processes_cnc = 4; // 4 of 18 key process units under automatic control → misses > 50 %
    const { recommendations } = plan(file);
    const ids = recommendations.map((r) => r.id);
    expect(ids).toContain('line-process-dcs-control');
    expect(ids).not.toContain('station-cnc-key-processes');
  });

  it('a plant at level 4 everywhere gets no beginner advice', () => {
    const answers: Record<string, unknown> = {};
    for (const x of q.questions) {
      if (x.type === 'level') answers[x.id] = x.options!.find((o) => o.level === 4)!.value;
      if (x.type === 'requirement') answers[x.id] = 'full';
      if (x.type === 'boolean') answers[x.id] = true;
    }
    Object.assign(answers, { key_processes_total: 10, key_processes_cnc: 8, design_tools: ['cad3d', 'cae', 'plm'], designers_total: 20, designers_digital: 20 });
    const { result, recommendations } = plan({ questionnaire: q.def.id, version: '1', respondent: { company: 'L4', industry: 'discrete' }, answers });
    expect(result.maturity.level).toBe(4);
    const beginner = recommendations.filter((r) => r.retrofitLevel === 'station' || r.priorityParts.gap > 0.5);
    expect(beginner.map((r) => r.id)).toEqual([]);
    expect(recommendations.length).toBeLessThanOrEqual(5);
  });

  it('overrides: drop, re-phase and add are applied last and marked as the consultant’s', () => {
    const file = example('discrete-machinery');
    const base = plan(file).recommendations;
    const [first, second] = base;
    file.overrides = { recommendations: { drop: [first!.id, 'not-a-rule'], phase: { [second!.id]: '18-36m' }, add: [{ title: '建立数字化转型办公室', retrofitLevel: 'factory', phase: '0-6m' }] } };
    const { recommendations, warnings } = plan(file);
    expect(recommendations.find((r) => r.id === first!.id)).toBeUndefined();
    expect(recommendations.find((r) => r.id === second!.id)).toMatchObject({ phase: '18-36m', overridden: { phase: { to: '18-36m' } } });
    expect(recommendations.find((r) => r.id === 'consultant-1')).toMatchObject({ source: 'consultant', phase: '0-6m' });
    expect(warnings).toEqual([{ code: 'override.unknown-recommendation', id: 'not-a-rule' }]);
  });

  it('audience office leaves out notes, KPIs and security answers; internal notes never appear', () => {
    const file = example('discrete-machinery');
    file.notes = { ...file.notes, key_processes_cnc: '五台加工中心 CLIENT-NOTE', has_erp: { text: 'SECRET-INTERNAL', internal: true } };
    const { result, answers, recommendations } = plan(file);
    const md = (audience: 'client' | 'office') =>
      renderMarkdown(buildReportModel({ questionnaire: q, answers, result, recommendations, readiness: [], audience, wording: wording(), policy: policy(), tool: 'test' }), { lang: 'en' });
    const client = md('client');
    const office = md('office');
    expect(client).toContain('CLIENT-NOTE');
    expect(client).not.toContain('SECRET-INTERNAL');
    expect(office).not.toContain('CLIENT-NOTE');
    expect(office).not.toContain('SECRET-INTERNAL');
    const kpiText = q.byId.get('kpi_defect_rate')!.text.en;
    const secText = q.questions.find((x) => x.subdomain === 'information-security')!.text.en;
    expect(client).toContain(kpiText);
    expect(office).not.toContain(kpiText);
    expect(office).not.toContain(secText);
  });
});

describe('a project proposes only what the plant has not got', () => {
  it('PDM/PLM that already runs BOMs and changes: only the ERP interface, and nothing once that is there too', () => {
    const file = example('discrete-machinery');
    expect(file.answers).toMatchObject({ has_plm: true, plm_scope: ['documents', 'bom', 'changes'], req_bom_change_control: 'full', req_design_bom_to_erp: 'none' });
    const plm = plan(file).recommendations.find((r) => r.id === 'factory-plm-pdm')!;
    expect(plm.variant).toBe('erp-link');
    const text = offer(plm);
    expect(text.zh).toContain('ERP');
    expect(text.zh).not.toMatch(/ECR|ECN|设计变更|建立设计 BOM|图纸查找|用错版本|PLM 服务器/);
    expect(text.en).not.toMatch(/ECR|ECN|engineering change|wrong drawings|PLM servers/i);
    // Only the change process missing: that step, not the BOM one and not the ERP interface.
    file.answers.plm_scope = ['documents', 'bom'];
    file.answers.req_bom_change_control = 'mostly';
    file.answers.req_design_bom_to_erp = 'full';
    const changes = plan(file).recommendations.find((r) => r.id === 'factory-plm-pdm')!;
    expect(changes.variant).toBe('deepen');
    expect(offer(changes).zh).toContain('ECR/ECN');
    expect(offer(changes).zh).not.toMatch(/ERP|建立设计 BOM/);
    // Everything in place: the project does not fire.
    file.answers.plm_scope = ['documents', 'bom', 'changes'];
    file.answers.req_bom_change_control = 'full';
    expect(plan(file).recommendations.find((r) => r.id === 'factory-plm-pdm')).toBeUndefined();
  });

  it('a plant whose hazard ledger is in order is not told to build dual prevention', () => {
    const file = example('discrete-machinery');
    expect(file.answers).toMatchObject({ req_hazard_inspection_ledger: 'full', req_emission_online_monitoring: 'n/a' });
    const ehs = plan(file).recommendations.find((r) => r.id === 'workshop-ehs-platform')!;
    expect(offer(ehs).zh).not.toMatch(/建立安全风险分级管控|环保在线监测数据/);
    expect(offer(ehs).zh).toContain('沿用该台账');
    file.answers.req_hazard_inspection_ledger = 'partial';
    expect(offer(plan(file).recommendations.find((r) => r.id === 'workshop-ehs-platform')!).zh).toContain('“双重预防”台账');
  });

  it('a plant without an ERP is not told to plan in one: the dispatch project uses a planning template or a light tool', () => {
    const file = example('discrete-machinery');
    Object.assign(file.answers, { has_erp: false, planning_scheduling_level: 'spreadsheet', req_mps_in_system: 'none' });
    const dispatch = plan(file).recommendations.find((r) => r.id === 'workshop-visual-dispatch')!;
    expect(dispatch).toBeDefined();
    const text = offer(dispatch);
    expect(text.zh).not.toContain('ERP');
    expect(text.en).not.toContain('ERP');
    expect(text.zh).toContain('轻量排产工具');
    // with an ERP, its MRP
    file.answers.has_erp = true;
    expect(offer(plan(file).recommendations.find((r) => r.id === 'workshop-visual-dispatch')!).zh).toContain('用 ERP 的 MRP 运算物料需求');
  });

  it('a plant without an ERP: the complaints loop links complaints to its sales records, not to ERP sales orders', () => {
    const file = example('discrete-machinery');
    Object.assign(file.answers, { has_erp: false });
    const loop = () => plan(file).recommendations.find((r) => r.id === 'factory-after-sales-loop');
    expect(loop(), 'the complaints project fires for the example').toBeDefined();
    expect(loop()!.integration.map((x) => x.zh)).toEqual(['投诉记录 ↔ 销售订单与批次记录（进销存软件或销售台账）、质量不合格与纠正措施记录']);
    file.answers.has_erp = true;
    expect(loop()!.integration.map((x) => x.zh)).toEqual(['投诉记录 ↔ ERP 销售订单与批次、QMS 不合格与纠正措施']);
  });

  it('a legal duty is written only for a plant the answers show it binds (key energy consumer, major hazard, permit monitoring)', () => {
    const file = example('discrete-machinery');
    expect(file.answers).toMatchObject({ key_energy_user: false, has_major_hazard: false, req_emission_online_monitoring: 'n/a', has_ems: false });
    const ems = () => offer(plan(file).recommendations.find((r) => r.id === 'workshop-energy-metering-ems')!);
    const hazard = () => offer(plan(file).recommendations.find((r) => r.id === 'station-hazard-sensing')!);
    expect(ems().zh).not.toContain('重点用能');
    expect(ems().en).not.toMatch(/key energy/i);
    expect(hazard().zh).not.toMatch(/重大危险源|排污|排放口/);
    expect(hazard().en).not.toMatch(/major hazard|discharge permit|outlet/i);
    file.answers.key_energy_user = true;
    file.answers.has_major_hazard = true;
    file.answers.req_emission_online_monitoring = 'partial';
    expect(ems().zh).toContain('本厂列入重点用能单位名单，按规定上报');
    expect(hazard().zh).toContain('本厂有备案的重大危险源，按规定接入');
    expect(hazard().zh).toContain('排污许可证要求自动监测，按规定联网');
    // Not known: the text says whom the duty binds, and asserts nothing about the plant.
    file.answers.key_energy_user = 'unknown';
    expect(ems().zh).toContain('列入重点用能单位名单的才须上报');
    expect(ems().en).toContain('only plants on the key-energy-consumer list must report');
  });

  it('wording fits the plant: lots for a food plant, serial numbers and OEMs only for an assembler that supplies OEMs, no CNC or robot skills without CNC machines or robots', () => {
    const food = example('process-food');
    expect(food.respondent).toMatchObject({ industry: 'process', sector: 'C14' });
    const recs = plan(food, true).recommendations;
    const mes = offer(recs.find((r) => r.id === 'workshop-mes')!);
    expect(mes.zh).not.toMatch(/序列号|拧紧|压装|装配/);
    expect(mes.en).not.toMatch(/serial|tightening|nutrunner|assembly/i);
    expect(mes.zh).toContain('批次');
    const id = offer(recs.find((r) => r.id === 'factory-identifier-resolution')!);
    expect(id.zh).not.toMatch(/主机厂|出口|零部件|说明书/);
    expect(id.en).not.toMatch(/OEM|export|key parts|manuals/i);
    // The discrete example assembles and supplies OEMs: its MES extension keeps the assembly steps.
    const discrete = example('discrete-machinery');
    expect(offer(plan(discrete).recommendations.find((r) => r.id === 'workshop-mes')!).zh).toContain('按产品序列号采集拧紧');
    // A mixed food plant with no CNC machine and no robot, whose operators are not authorised.
    const small = example('process-food');
    small.respondent.industry = 'mixed';
    Object.assign(small.answers, { cnc_machines_count: 0, robots_count: 0, req_operator_authorisation: 'none' });
    const skills = plan(small, true).recommendations.find((r) => r.id === 'station-operator-skills')!;
    const said = [...skills.evidence.map((e) => e.statement), ...skills.measures, ...skills.hardware];
    expect(said.map((x) => x.zh).join('')).not.toMatch(/数控|机器人/);
    expect(said.map((x) => x.en).join(' ')).not.toMatch(/CNC|NC programming|robot/i);
    expect(skills.evidence.map((e) => e.statement.zh)).toContain('关键设备和关键信息系统的操作人员不是经培训考核后授权上岗。');
  });

  it('connecting more machines comes with basic separation from the office network, and stays in the office report', () => {
    const file = example('discrete-machinery');
    expect(file.answers).toMatchObject({ req_ot_segmentation: 'none', req_remote_access_control: 'none' });
    const recs = plan(file).recommendations;
    // the security zoning project comes first (0–6 months): it fits the firewall, and the projects that connect the
    // machines say so instead of fitting one themselves (earlierOnly)
    expect(recs.find((x) => x.id === 'workshop-ot-security-zoning')!.phase).toBe('0-6m');
    for (const id of ['workshop-equipment-networking', 'line-dnc-cam']) {
      const r = recs.find((x) => x.id === id)!;
      expect(r.phase, id).not.toBe('later');
      expect(offer(r).zh, id).toContain('生产网与办公网之间的工业防火墙由本方案的工控网络安全项目加装');
      expect(offer(r).zh, id).not.toContain('先加装工业防火墙');
      // worded for every plant, not read from the confidential segmentation answer: the office still sees the project,
      // with the firewall step in its own words (the security project, withheld from the office, is not named)
      expect(r.confidential, id).toBe(false);
      const office = r.officeView!;
      expect([...office.measures, ...office.hardware].map((x) => x.zh).join(''), id).toContain('还没有防火墙隔离的，先加装工业防火墙');
      expect([...office.measures, ...office.hardware].map((x) => x.zh).join(''), id).not.toContain('工控网络安全项目');
    }
  });
});

describe('a packing line after the automatic packers a plant already runs', () => {
  const packing = (file: Record<string, unknown>) => plan(file, true).recommendations.find((r) => r.id === 'line-end-of-line-packaging')!;
  it('does not buy packers it has: case packing, sealing and palletising, at a smaller investment', () => {
    const file = example('process-food');
    expect(String(file.answers.key_processes_list)).toContain('称重包装（自动包装机）');
    const after = packing(file);
    expect(after.variant).toBe('after-packers');
    const text = offer(after);
    expect(text.zh).toContain('沿用在用的自动包装机');
    // no packers or weighers in what it buys
    expect(after.hardware.map((h) => h.zh).join('、')).not.toMatch(/自动包装机|组合秤/);
    expect(after.hardware.map((h) => h.en).join(', ')).not.toMatch(/automatic packers|multihead/i);
    // it answered that online inspection covers most key processes: its checkweighers are kept, not bought
    expect(file.answers.req_online_inspection).toBe('mostly');
    expect(after.hardware.map((h) => h.zh).join('、')).not.toContain('检重秤');
    expect(text.zh).toContain('沿用在用的在线检重和金属检测');
    // food: cold-rated palletising and the critical-control-point records, which the variant carries itself
    expect(text.zh).toContain('低温型');
    expect(after.integration.map((i) => i.zh)).toContain('检重、金检剔除记录 → 按批次的关键控制点记录');
    // The same plant packing by hand: the whole line, packers included, and a larger investment.
    file.answers.key_processes_list = String(file.answers.key_processes_list).replace('称重包装（自动包装机）', '称重包装（人工）');
    file.answers.req_online_inspection = 'partial';
    const whole = packing(file);
    expect(whole.variant).toBeUndefined();
    expect(whole.hardware.map((h) => h.zh).join('、')).toContain('自动包装机');
    expect(whole.investment!.max).toBeGreaterThan(after.investment!.max);
  });

  it('buys checkweighers where online inspection is not in place, and leaves out the food wording outside food', () => {
    const file = example('process-food');
    file.answers.req_online_inspection = 'partial';
    const food = packing(file);
    expect(food.variant).toBe('after-packers');
    expect(food.hardware.map((h) => h.zh)).toContain('在线检重秤');
    file.respondent.sector = 'C2662';
    const chemicals = packing(file);
    expect(chemicals.variant).toBe('after-packers');
    expect(offer(chemicals).zh).not.toMatch(/低温型|关键控制点/);
  });
});

describe('a process plant keeps the automatic batching and control it has', () => {
  const project = (file: Record<string, unknown>, id: string) => plan(file, true).recommendations.find((r) => r.id === id)!;
  const hw = (r: Recommendation) => r.hardware.map((h) => h.zh).join('、');
  it('recipes: batching weighed automatically (its key-process list) — the parameters and their download, no weighing terminals', () => {
    const file = example('process-food');
    expect(String(file.answers.key_processes_list)).toContain('馅料自动配料称量（DCS）');
    const r = project(file, 'line-recipe-batch-management');
    expect(r.variant).toBe('automated-batching');
    expect(hw(r)).not.toMatch(/称重配料终端|扫码枪/);
    expect(offer(r).zh).toContain('下发到已由 DCS/PLC 控制的工序');
    // weighed by hand: the food wording's scan-and-weigh terminals
    file.answers.key_processes_list = String(file.answers.key_processes_list).replace('馅料自动配料称量（DCS）', '馅料人工称量');
    const byHand = project(file, 'line-recipe-batch-management');
    expect(byHand.variant).toBeUndefined();
    expect(hw(byHand)).toContain('称重配料终端');
  });

  it('the MES extension brings review and release into the MES while lot records are not all electronic', () => {
    const RELEASE = '检验结果和批放行审核在 MES 中记录和签署';
    const file = example('process-food');
    expect(file.answers.req_electronic_batch_record).toBe('partial');
    expect(project(file, 'workshop-mes').measures.map((m) => m.zh).join('')).toContain(RELEASE);
    file.answers.req_electronic_batch_record = 'full';
    expect(project(file, 'workshop-mes').measures.map((m) => m.zh).join('')).not.toContain(RELEASE);
  });

  it('process control: most key processes under DCS or PLC — loops, added instruments and the steps left, no new controllers for the units that have them', () => {
    const file = example('process-food');
    expect(file.answers).toMatchObject({ key_processes_total: 18, key_processes_cnc: 14, plc_cells_count: 14, dcs_units_count: 5 });
    const r = project(file, 'line-process-dcs-control');
    expect(r.variant).toBe('loops');
    expect(hw(r)).not.toContain('DCS 控制站');
    expect(offer(r).zh).toContain('经常切手动的控制回路');
    expect(offer(r).zh).not.toMatch(/关键设备统一采用带以太网接口的 PLC/);
    // half its key processes by hand: the PLC project as before
    file.answers.key_processes_cnc = 9;
    expect(project(file, 'line-process-dcs-control').variant).toBe('plc');
  });
});

describe('robots and a CRM the plant has are extended, not bought again', () => {
  const project = (file: Record<string, unknown>, id: string) => plan(file, true).recommendations.find((r) => r.id === id);
  it('welding robots in use: the welds still made by hand, not a first welding cell', () => {
    const file = example('discrete-machinery');
    expect(file.answers.robot_applications).toContain('welding');
    const robots = project(file, 'station-hazardous-post-robots')!;
    expect(offer(robots).zh).toContain('沿用在用的焊接机器人');
    expect(robots.hardware.map((h) => h.zh).join('、')).not.toContain('焊接机器人工作站');
    // a lifting-equipment maker (its sector a candidate of its own) whose robots only tend machines: the first welding cell
    file.answers.robot_applications = ['machine_tending'];
    file.respondent.sector = 'C343';
    const first = project(file, 'station-hazardous-post-robots')!;
    expect(first.hardware.map((h) => h.zh).join('、')).toContain('焊接机器人工作站');
    expect(offer(first).zh).not.toContain('沿用在用的焊接机器人');
  });

  it('machine-tending robots in use: the new cells follow the cells the plant has', () => {
    const file = example('discrete-machinery');
    expect(file.answers.robot_applications).toContain('machine_tending');
    const model = '以在用的上下料单元为样板';
    expect(offer(project(file, 'station-machine-tending-robots')!).zh).toContain(model);
    file.answers.robot_applications = ['welding'];
    expect(offer(project(file, 'station-machine-tending-robots')!).zh).not.toContain(model);
  });

  it('routings reach the MES from the PLM only where they are prepared in a system', () => {
    const file = example('discrete-machinery');
    expect(file.answers).toMatchObject({ has_plm: true, has_mes: true, req_process_planning_system: 'none' });
    const links = () => project(file, 'factory-integration-platform')!.integration.map((x) => x.zh);
    expect(links()).toContain('PLM EBOM → ERP MBOM');
    expect(links().join('\n')).not.toContain('PLM 工艺 → MES');
    file.answers.req_process_planning_system = 'mostly';
    expect(links()).toContain('PLM EBOM → ERP MBOM；PLM 工艺 → MES');
  });

  it('complaints: the CRM in use gets its service module, a plant without one the software', () => {
    const file = example('process-food');
    expect(file.answers.has_crm).toBe(true);
    const loop = () => project(file, 'factory-after-sales-loop')!.software.map((x) => x.zh);
    expect(loop()).toEqual(['在用 CRM 的服务与投诉模块（扩展流程和授权）']);
    file.answers.has_crm = false;
    expect(loop()).toEqual(['客户服务/投诉管理软件（SaaS 或 CRM 服务模块）']);
  });
});

describe('security projects fit what the plant has and what the other projects need', () => {
  const measures = (file: Record<string, unknown>, id: string) => (plan(file, true).recommendations.find((r) => r.id === id)?.measures ?? []).map((m) => m.zh).join('\n');
  it('zoning: a firewall with authenticated writes, not a one-way device that would stop program and parameter downloads; an always-open vendor channel shut at once', () => {
    const file = example('discrete-machinery');
    expect(file.answers.req_ot_segmentation).toBe('none');
    const zoning = measures(file, 'workshop-ot-security-zoning');
    // a discrete machining plant downloads NC programs and machine parameters, not recipes and setpoints
    expect(zoning).toContain('向生产网写入的（DNC 程序和设备参数下发、工单下达）经认证并留记录');
    expect(zoning).not.toContain('配方');
    expect(zoning).not.toContain('采用网闸或单向隔离');
    expect(file.answers.req_remote_access_control).toBe('none');
    expect(zoning).toContain('立即停用常开的远程维护通道');
  });
  it('MLPS: a plant with an ERP and MES not classified has the duty shown not met, and the zoning project classifies and files first', () => {
    const file = example('discrete-machinery');
    expect(file.answers).toMatchObject({ mlps_filing_level: 'not_classified', has_erp: true, has_mes: true });
    const made = plan(file, true);
    expect(made.roadmap.duties.find((d) => d.def.id === 'mlps-classification')).toMatchObject({ met: false, notMet: true });
    expect(measures(file, 'workshop-ot-security-zoning')).toContain('业务系统尚未做等级保护定级：先对 ERP、MES 等关键系统定级');
    // filed at level 2 with the assessments done: met, and nothing to classify
    file.answers.mlps_filing_level = 'level2';
    file.answers.req_security_risk_assessment = 'full';
    expect(plan(file, true).roadmap.duties.find((d) => d.def.id === 'mlps-classification')?.met).toBe(true);
    expect(measures(file, 'workshop-ot-security-zoning')).not.toContain('等级保护定级');
    // no business system: not bound as an operator of one
    file.answers.has_erp = false;
    file.answers.has_mes = false;
    expect(plan(file, true).roadmap.duties.find((d) => d.def.id === 'mlps-classification')).toBeUndefined();
  });

  it('MLPS: a plant already filed at level 2 is re-assessed, not classified again, and the monitoring the zoning project deploys is built on', () => {
    const file = example('process-food');
    expect(file.answers.mlps_filing_level).toBe('level2');
    file.answers.req_security_risk_assessment = 'partial';
    const filed = measures(file, 'factory-security-operations');
    expect(filed).toContain('已定级备案的系统按其级别的要求定期复测');
    expect(filed).not.toContain('开展定级备案');
    expect(filed).toContain('在工控网络安全项目部署的监测审计之上建设态势感知平台');
    file.answers.mlps_filing_level = 'not_classified';
    const unfiled = measures(file, 'factory-security-operations');
    expect(unfiled).toContain('开展定级备案和等保2.0测评');
    expect(unfiled).not.toContain('已定级备案的系统');
  });
});

describe('the written basics the data and integration levels rest on are proposed where they are missing', () => {
  it('data rules, owners, a system list and an interface register, each only where the answers show it missing', () => {
    const file = example('discrete-machinery');
    expect(file.answers).toMatchObject({ req_data_rules: 'partial', req_data_ownership: 'partial', req_system_inventory: 'partial', req_interface_register: 'none' });
    const project = () => plan(file, true).recommendations.find((r) => r.id === 'factory-data-basics');
    expect(project()?.measures).toHaveLength(4);
    expect(project()?.investment).toEqual({ min: 5, max: 30 });
    file.answers.req_data_rules = 'full';
    file.answers.req_system_inventory = 'full';
    expect(project()?.measures.map((m) => m.zh).join('\n')).not.toMatch(/制定数据管理规定|编制信息系统清单/);
    file.answers.req_data_ownership = 'full';
    file.answers.req_interface_register = 'mostly';
    expect(project()).toBeUndefined();
  });

  it('light: it takes no place in the first phase, whose three places the other projects fill, and the level after that phase is 2', () => {
    const file = example('discrete-machinery');
    const made = plan(file, true);
    expect(made.roadmap.capacity[0]).toBe(3);
    expect(made.recommendations.find((r) => r.id === 'factory-data-basics')?.phase).toBe('0-6m');
    expect(made.roadmap.light).toEqual(['factory-data-basics']);
    expect(made.recommendations.filter((r) => r.phase === '0-6m' && r.id !== 'factory-data-basics')).toHaveLength(3);
    expect(made.roadmap.phases[0]!.count).toBe(4);
    expect(made.roadmap.phases[0]!.projected?.level).toBe(2);
    // its cost still counts: the phase's investment includes it
    expect(made.roadmap.phases[0]!.investment.min).toBeGreaterThanOrEqual(5);
  });
});

describe('the refrigeration project meters first what it is to be judged by', () => {
  it('freezing-tunnel fans not metered on their own (60 % of the main equipment): metered into the EMS in use before power per tonne is tracked', () => {
    const METER = '先为尚未单独计量的主要用能设备（如速冻隧道风机、大功率电机）补装电能计量并接入在用的能源管理系统';
    const file = example('process-food');
    expect(file.answers).toMatchObject({ has_ems: true, energy_meter_rate_equipment: 0.6, req_energy_metering: 'mostly' });
    const project = () => plan(file, true).recommendations.find((r) => r.id === 'factory-energy-optimisation')!;
    expect(project().measures.map((m) => m.zh).join('\n')).toContain(METER);
    expect(project().hardware.map((m) => m.zh).join('、')).toContain('主要用能设备的电能计量表');
    file.answers.energy_meter_rate_equipment = 0.97;
    file.answers.req_energy_metering = 'full';
    expect(project().measures.map((m) => m.zh).join('\n')).not.toContain('补装电能计量');
    expect(project().hardware.map((m) => m.zh).join('、')).not.toContain('电能计量表');
  });
});

describe('AGV delivery to the line side needs issue tasks from a WMS that covers the stores it serves', () => {
  const EXTEND = '在用的 WMS 还没有覆盖原辅料库和线边库：先把这两类库纳入 WMS 的库位和扫码作业';
  const project = (file: Record<string, unknown>) => plan(file, true).recommendations.find((r) => r.id === 'line-agv-delivery')!;
  it('the WMS of the food plant keeps the finished-goods and cold stores only: the raw-material and line-side stores come into it first', () => {
    const file = example('process-food');
    expect(file.answers).toMatchObject({ has_wms: true, wms_scope: ['finished_goods', 'cold_storage', 'automated_storage', 'erp_interface'] });
    expect(project(file).measures[0]!.zh).toContain(EXTEND);
    expect(project(file).software.map((x) => x.zh).join('、')).toContain('在用 WMS 扩展到原辅料库和线边库');
  });
  it('not said where the WMS covers the raw-material or line-side store, nor where its scope is not known', () => {
    for (const scope of [['raw_materials', 'finished_goods'], ['line_side'], undefined]) {
      const file = example('process-food');
      if (scope) file.answers.wms_scope = scope;
      else delete file.answers.wms_scope;
      expect(offer(project(file)).zh).not.toContain('在用的 WMS 还没有覆盖');
      expect(offer(project(file)).zh).not.toContain('在用 WMS 扩展到');
    }
  });
});

describe('a registered major hazard binds the plant whatever its sector', () => {
  const duty = (file: Record<string, unknown>) => plan(file, true).roadmap.duties.find((d) => d.def.id === 'major-hazard-monitoring');
  it('listed for the food plant with 18 t of ammonia, to be checked; not met when its online monitoring is partial; absent without one', () => {
    const food = example('process-food');
    expect(food.answers.has_major_hazard).toBe(true);
    expect(duty(food)).toMatchObject({ met: false });
    expect(duty(food)?.notMet).toBeUndefined();
    food.answers.req_safety_online_monitoring = 'partial';
    expect(duty(food)?.notMet).toBe(true);
    const discrete = example('discrete-machinery');
    expect(discrete.answers.has_major_hazard).toBe(false);
    expect(duty(discrete)).toBeUndefined();
  });
});

describe('a chemical plant is held to its own safety criteria, and is not sold a food plant\'s equipment', () => {
  const chemical = () => {
    const file = example('process-food');
    (file.respondent as Record<string, unknown>).sector = 'C2614';
    return file;
  };
  it('the chemical industry\'s major-hazard criteria, not the 工贸 order; metal detectors only for food', () => {
    const made = plan(chemical(), true);
    const duties = made.roadmap.duties.map((d) => d.def.id);
    expect(duties).toContain('chemical-major-hazard-self-check');
    expect(duties).not.toContain('major-hazard-self-check');
    const packing = made.recommendations.find((r) => r.id === 'line-end-of-line-packaging');
    expect(packing).toBeDefined();
    expect(JSON.stringify([packing!.measures, packing!.hardware])).not.toMatch(/金属检测|metal detector/);
    expect(JSON.stringify(packing!.measures)).toMatch(/沿用在用的在线检重/);
    // a machinery plant (C34) keeps the 工贸 order and is not given the chemical one
    const machinery = plan(example('discrete-machinery'), true).roadmap.duties.map((d) => d.def.id);
    expect(machinery).not.toContain('chemical-major-hazard-self-check');
  });
  it('a food plant keeps its metal detection on the packing line', () => {
    const packing = plan(example('process-food'), true).recommendations.find((r) => r.id === 'line-end-of-line-packaging');
    expect(packing).toBeDefined();
    expect(JSON.stringify(packing!.measures)).toMatch(/在线检重和金属检测/);
  });
});

describe('a budget given as a band only: the ceiling is its top, and the report says where the plan passes its floor', () => {
  const render = (file: Record<string, unknown>, made = plan(file, true), audience: 'client' | 'office' = 'client') =>
    renderMarkdown(buildReportModel({ questionnaire: q, answers: made.answers, result: made.result, recommendations: made.recommendations, plan: made, readiness: [], audience, wording: wording(), policy: policy(), tool: 'test' }), { lang: 'zh' });
  it('the near-term projects alone pass the floor of 500–2000 万元; a phase later; a figure of its own; none to the office', () => {
    const file = example('process-food');
    expect(file.answers.retrofit_budget_band).toBe('from_5m_to_20m');
    // a first phase of 400–900 万元 (midpoint 650) alone passes the floor
    const dear = plan(file, true);
    dear.roadmap.phases[0]!.investment = { min: 400, max: 900 };
    expect(render(file, dear)).toContain('上限取所选预算区间的上限；若实际预算只有区间下限 500 万元，近期项目按中值合计已达 650 万元，超出下限：确认方案时应先核实实际预算。');
    // a cheaper first phase: the floor is passed by the end of the medium term
    const made = plan(file, true);
    made.roadmap.phases[0]!.investment = { min: 100, max: 300 };
    const mid = (made.roadmap.phases[1]!.investment.min + made.roadmap.phases[1]!.investment.max) / 2;
    expect(200 + mid).toBeGreaterThan(500);
    expect(render(file, made)).toContain(`若实际预算只有区间下限 500 万元，按中值累计到中期（6–18 个月）结束为 ${Math.round(200 + mid)} 万元，超出下限：确认方案时应先核实实际预算，再确定中期（6–18 个月）及以后的项目。`);
    expect(render(file, made, 'office')).not.toContain('区间下限');
    // its own figure is its ceiling: nothing to say about the band
    file.answers.retrofit_budget_amount = 1500;
    expect(render(file)).not.toContain('区间下限');
  });
});

describe('a figure outside the band chosen: said where the ceiling is stated, the lower of the two taken', () => {
  const render = (file: Record<string, unknown>) => {
    const made = plan(file, true);
    return { made, md: renderMarkdown(buildReportModel({ questionnaire: q, answers: made.answers, result: made.result, recommendations: made.recommendations, plan: made, readiness: [], audience: 'client', wording: wording(), policy: policy(), tool: 'test' }), { lang: 'zh' }) };
  };
  it('3,000 万元 with "100–500 万元": 500 taken; 30 万元: 30 taken (the lower); 300 万元 inside it: its own figure, nothing said', () => {
    const file = example('discrete-machinery');
    file.answers.retrofit_budget_band = 'from_1m_to_5m';
    file.answers.retrofit_budget_amount = 3000;
    const above = render(file);
    expect(above.made.roadmap.budget).toMatchObject({ amount: 3000, amountOutsideBand: true, envelope: { max: 500 } });
    expect(above.md).toContain('企业所报约 3000 万元，与所选区间（100–500 万元）不一致，两者必有一处有误；核实前按较低的 500 万元规划');
    file.answers.retrofit_budget_amount = 30;
    expect(render(file).made.roadmap.budget).toMatchObject({ amount: 30, amountOutsideBand: true, envelope: { max: 30 } });
    file.answers.retrofit_budget_amount = 300;
    const inside = render(file);
    expect(inside.made.roadmap.budget.amountOutsideBand).toBeUndefined();
    expect(inside.made.roadmap.budget.envelope).toEqual({ min: 0, max: 300 });
    expect(inside.md).not.toContain('与所选区间');
  });
});

describe('a project the plant asked for that the plan does not propose is said, with why', () => {
  const render = (file: Record<string, unknown>, audience: 'client' | 'office' = 'client') => {
    const made = plan(file, true);
    return { made, md: renderMarkdown(buildReportModel({ questionnaire: q, answers: made.answers, result: made.result, recommendations: made.recommendations, plan: made, readiness: [], audience, wording: wording(), policy: policy(), tool: 'test' }), { lang: 'zh' }) };
  };
  it('networking asked for while the counts it turns on are 不清楚: not proposed, and the questions to settle named; the office is not told', () => {
    const file = example('discrete-machinery');
    // the example asks for its machines networked (数控设备全部联网) and half are: the project is proposed
    expect(render(file).made.recommendations.map((r) => r.id)).toContain('workshop-equipment-networking');
    Object.assign(file.answers, { equipment_networked: 'unknown', network_level: 'unknown', req_workshop_network_plan: 'unknown' });
    const { made, md } = render(file);
    expect(made.recommendations.map((r) => r.id)).not.toContain('workshop-equipment-networking');
    expect(made.askedNotProposed).toContainEqual(expect.objectContaining({ id: 'workshop-equipment-networking', reason: 'open', questions: expect.arrayContaining(['equipment_networked']) }));
    expect(md).toMatch(/企业在访谈中谈到的需要涉及“车间设备联网与数据采集[^”]*”，这一项目本方案暂未列入：是否需要它取决于答“不清楚”或未作答的题目（[^）]*“其中已联网并采集数据的数字化设备有多少台（套）？”/);
    expect(render(file, 'office').md).not.toContain('企业在访谈中谈到的需要涉及“车间设备联网');
  });
  it('a project written for other sectors is never said as asked for: an auto-parts plant whose goal names 追溯 is not told it asked for food lot traceability', () => {
    for (const sector of ['C3670', '汽车零部件加工']) {
      const file = example('discrete-machinery');
      file.respondent.sector = sector;
      file.answers.digital_goals = '主机厂要求零件全程可追溯，想先把机加工车间的MES覆盖全';
      const { made, md } = render(file);
      expect(made.askedNotProposed?.map((a) => a.id) ?? []).not.toContain('workshop-food-lot-traceability');
      expect(md).not.toContain('食品批次追溯');
    }
    // a food plant asking for traceability still hears of it when it is not proposed
    const food = example('process-food');
    food.answers.digital_goals = '实现批次追溯';
    food.answers.has_mes = true;
    const asked = render(food).made.askedNotProposed?.map((a) => a.id) ?? [];
    expect(asked).toContain('workshop-food-lot-traceability');
  });
});

describe('what the plant asks for that no project answers is said, in its own report only', () => {
  const CAPACITY = /产能不足或扩大产能/;
  const report = (file: Record<string, unknown>, audience: 'client' | 'office') => {
    const made = plan(file, true);
    const { result, answers, recommendations } = made;
    return renderMarkdown(buildReportModel({ questionnaire: q, answers, result, recommendations, plan: made, readiness: [], audience, wording: wording(), policy: policy(), tool: 'test' }), { lang: 'zh' });
  };
  it('capacity in its bottleneck or goals: the plan says it includes no capacity investment', () => {
    const file = example('process-food');
    expect(String(file.answers.main_bottleneck)).toContain('速冻能力不足');
    // (and "减少用工 80 人" and a provincial recognition in its goals: the benefits are no headcount estimate, and the
    // criteria checked are the municipal plan's)
    expect(plan(file, true).outOfScope?.map((n) => n.id)).toEqual(['capacity', 'headcount', 'recognition-level']);
    expect(report(file, 'client')).toMatch(CAPACITY);
    // the office reads none of the plant's own words, nor what is read in them
    expect(report(file, 'office')).not.toMatch(CAPACITY);
    // words that do not name capacity: nothing said
    file.answers.main_bottleneck = '包制、装箱环节用工多';
    file.answers.digital_goals = '电子批记录覆盖全部车间；申报市级智能车间';
    expect(plan(file, true).outOfScope).toBeUndefined();
    file.answers.digital_goals = '电子批记录覆盖全部车间；申报省级智能工厂';
    expect(plan(file, true).outOfScope?.map((n) => n.id)).toEqual(['recognition-level']);
    file.answers.digital_goals = '电子批记录覆盖全部车间；暂不申报省级认定';
    expect(plan(file, true).outOfScope).toBeUndefined();
    expect(report(file, 'client')).not.toMatch(CAPACITY);
    // batch's plan reads none of it
    const a = mustAnswers(q, example('process-food'));
    const r = buildResult(q, a, p, t);
    expect(recommend({ questionnaire: q, result: r, answers: a, rules, planOnly: true }).outOfScope).toBeUndefined();
  });

  it('fewer workers in its own goals: the plan says its benefits are no headcount estimate, to be worked out post by post', () => {
    const HEADCOUNT = '企业原话提出减少用工。本方案各项目的预期效益给出的是同类改造在相应岗位或工序上常见的改善幅度，不是对本厂用工人数的测算';
    const file = example('process-food');
    expect(String(file.answers.digital_goals)).toContain('减少用工 80 人');
    expect(report(file, 'client')).toContain(HEADCOUNT);
    expect(report(file, 'office')).not.toContain('企业原话提出减少用工');
    // a shortage of workers in the bottleneck is not a goal of fewer workers
    file.answers.digital_goals = '速冻和包装环节扩能；电子批记录覆盖全部车间';
    expect(String(file.answers.main_bottleneck)).toContain('招工难');
    expect(plan(file, true).outOfScope?.map((n) => n.id)).toEqual(['capacity']);
    file.answers.digital_goals = 'Reduce headcount on the packing lines by 30';
    expect(plan(file, true).outOfScope?.map((n) => n.id)).toEqual(['capacity', 'headcount']);
  });

  it('a condition naming an unknown question is a load error at its place', () => {
    const data = parse(read('questionnaires/rules/default.yaml'));
    data.planning.outOfScope[0].when = "text_has(main_bottleneckk, '扩能')";
    const bad = compileRules(src(stringify(data), 'bad.yaml'), ids);
    expect(bad.rules).toBeUndefined();
    expect(bad.diagnostics.map((d) => [d.code, d.path])).toEqual([['expr.unknown-id', ['planning', 'outOfScope', 0, 'when']]]);
    expect(bad.diagnostics[0]!.line).toBeGreaterThan(1);
  });
});

describe('an exposure the answers show is placed first: an unsegmented control network with machines on it', () => {
  it('segmentation goes into the first phase, whatever its priority, and only when machines are networked and it is "none"', () => {
    const file = example('discrete-machinery');
    expect(file.answers).toMatchObject({ req_ot_segmentation: 'none' });
    expect(file.answers.equipment_networked).toBeGreaterThan(0);
    const recs = plan(file).recommendations;
    const zoning = recs.find((r) => r.id === 'workshop-ot-security-zoning')!;
    expect(zoning.phase).toBe('0-6m');
    // it is there by firstWhen, not by priority: projects of higher priority are not all in the first phase
    expect(recs.some((r) => r.priority > zoning.priority && r.phase !== '0-6m')).toBe(true);
    const partly = example('discrete-machinery');
    partly.answers.req_ot_segmentation = 'partial';
    expect(plan(partly).recommendations.find((r) => r.id === 'workshop-ot-security-zoning')!.phase).not.toBe('0-6m');
    // no machine networked yet (the network itself is level 2, so the project still fires): not placed first
    const none = example('discrete-machinery');
    none.answers.equipment_networked = 0;
    const zoningNone = plan(none).recommendations.find((r) => r.id === 'workshop-ot-security-zoning')!;
    expect(zoningNone.phase).not.toBe('0-6m');
  });
});

describe('the integration platform is for plants with systems to integrate', () => {
  it('a small plant with ERP and PLM but no MES gets no ESB; with an MES as well it does; a medium plant with two systems does', () => {
    const ids = (answers: Record<string, unknown>) => {
      const file = example('discrete-machinery');
      Object.assign(file.answers, answers);
      return plan(file).recommendations.map((r) => r.id);
    };
    const small = { employees_total: 48, has_erp: true, has_plm: true, has_wms: false };
    expect(ids({ ...small, has_mes: false })).not.toContain('factory-integration-platform');
    expect(ids({ ...small, has_mes: true })).toContain('factory-integration-platform');
    expect(ids({ has_erp: true, has_plm: true, has_wms: false, has_mes: false })).toContain('factory-integration-platform');
  });
});

describe('a project whose presence would tell a confidential answer is confidential (the office never sees it)', () => {
  const secretRules = compileRules(rulesSrc, { ...ids, confidentialQuestions: new Set(q.questions.filter((x) => x.confidential).map((x) => x.id)) }).rules!;
  const project = (answers: Record<string, unknown>, id: string, planOnly = false) => {
    const file = example('discrete-machinery');
    Object.assign(file.answers, answers);
    const a = mustAnswers(q, file);
    const result = buildResult(q, a, p, t);
    return recommend({ questionnaire: q, result, answers: a, rules: secretRules, planOnly }).recommendations.find((r) => r.id === id);
  };

  it('its condition or in-place test reads a confidential answer: confidential for every plant', () => {
    // the safety-monitoring project is in place when the (confidential) online-monitoring answer is "full"
    expect(secretRules.byId.get('station-hazard-sensing')!.confidential).toBe(true);
    expect(secretRules.byId.get('station-hazard-sensing')!.def.confidential ?? false).toBe(false);
    expect(secretRules.byId.get('workshop-oee-monitoring')!.confidential).toBe(false);
  });

  it('only a statement resting on a confidential answer holds: confidential for this plant; an open one holds: not', () => {
    // APS: whether the plant has one not known, shop schedules in a system: only the (confidential) late deliveries call for it
    const onlyKpi = { has_aps: 'unknown', req_shop_schedule_in_system: 'full', req_schedule_feedback: 'full', kpi_on_time_delivery: 0.8 };
    for (const planOnly of [false, true]) {
      const hidden = project(onlyKpi, 'workshop-aps', planOnly)!;
      expect(hidden, `planOnly ${planOnly}`).toBeDefined();
      expect(hidden.confidential, `planOnly ${planOnly}`).toBe(true);
      // progress not fed back to planning: an open statement says so
      const shown = project({ ...onlyKpi, req_schedule_feedback: 'none' }, 'workshop-aps', planOnly)!;
      expect(shown.confidential, `planOnly ${planOnly}`).toBe(false);
    }
    // the batch's office column of top projects leaves it out
    expect(officeTopProjects([project(onlyKpi, 'workshop-aps')!], 3)).toEqual([]);
  });

  it('a supporting statement (what is not known) is shown with the others but proposes nothing alone', () => {
    for (const planOnly of [false, true]) {
      // OEE computed "mostly", the OEE figure unknown: only the supporting statement holds, no project
      expect(project({ req_oee: 'mostly', kpi_oee: 'unknown' }, 'workshop-oee-monitoring', planOnly), `planOnly ${planOnly}`).toBeUndefined();
      // OEE computed only in part: the project, with both statements
      const r = project({ req_oee: 'partial', kpi_oee: 'unknown' }, 'workshop-oee-monitoring', planOnly)!;
      expect(r, `planOnly ${planOnly}`).toBeDefined();
      if (!planOnly) expect(r.evidence.map((e) => e.question)).toEqual(['req_oee', 'kpi_oee']);
    }
  });
});

describe('a sector pack words a project item by item, as the rules do', () => {
  const food = () => parse(read('questionnaires/sectors/food.yaml'));
  const confidentialQuestions = new Set(q.questions.filter((x) => x.confidential).map((x) => x.id));
  const compile = (data: unknown) => compileSectorPack(src(stringify(data), 'food.yaml'), plantRuleContext(ids), confidentialQuestions);
  const RULE = 'line-recipe-batch-management';
  // the example weighs its filling automatically (the rule's automated-batching variant, which replaces the pack's
  // wording): the pack's wording is read for the same plant weighing by hand
  const weighingByHand = () => {
    const file = example('process-food');
    file.answers.key_processes_list = String(file.answers.key_processes_list).replace('馅料自动配料称量（DCS）', '馅料人工称量');
    return file;
  };

  it('an item with `if` is shown only when its condition holds for the plant', () => {
    const data = food();
    data.rules[RULE].integration = [
      { zh: '投料记录 → 生产批次记录', en: 'Charge records → production-lot record' },
      { zh: '批次耗料 → ERP 成本核算', en: 'Lot consumption → ERP costing', if: 'has_erp == true' },
      { zh: '批次耗料 → 成本台账', en: 'Lot consumption → cost ledger', if: 'has_erp != true' },
    ];
    expect(shape.validate('sector-pack', src(stringify(data), 'food.yaml'))).toEqual([]);
    const pack = compile(data);
    expect(pack.diagnostics).toEqual([]);
    const file = weighingByHand();
    expect(file.answers.has_erp).toBe(true);
    const links = () => {
      const r = plan(file, [pack.pack!]).recommendations.find((x) => x.id === RULE)!;
      expect(r.variant, 'the pack words the rule itself, not a variant').toBeUndefined();
      return r.integration.map((x) => x.en);
    };
    expect(links()).toEqual(['Charge records → production-lot record', 'Lot consumption → ERP costing']);
    file.answers.has_erp = false;
    expect(links()).toEqual(['Charge records → production-lot record', 'Lot consumption → cost ledger']);
    // not known: neither the ERP nor the ledger is presumed by `== true`; `!= true` holds
    file.answers.has_erp = 'unknown';
    expect(links()).toEqual(['Charge records → production-lot record', 'Lot consumption → cost ledger']);
  });

  it('an item whose condition reads a confidential answer is left out of the office view of the project, as a rule item is', () => {
    const secret = [...confidentialQuestions][0]!;
    const data = food();
    data.rules[RULE].hardware = [{ zh: '称重配料终端', en: 'Weighing terminals', if: `answered('${secret}')` }, { zh: '扫码枪', en: 'Scanners' }];
    const pack = compile(data).pack!;
    expect(pack.wording.get(RULE)!.hardware!.confidential).toBe(true);
    const rec = plan(weighingByHand(), [pack]).recommendations.find((x) => x.id === RULE)!;
    // the project itself is not confidential: the office sees it without the item that tells the answer
    expect(rec.confidential).toBeFalsy();
    expect(rec.officeView?.hardware).toEqual([{ zh: '扫码枪', en: 'Scanners' }]);
    expect(compile(food()).pack!.wording.get(RULE)!.hardware!.confidential).toBe(false);
  });

  it('an `if` naming an unknown question, or not a text, is a load error at that item (file, line, column)', () => {
    const data = food();
    data.rules['workshop-wms-barcode'].integration[1].if = 'has_erpp == true';
    const text = stringify(data);
    const bad = compileSectorPack(src(text, 'food.yaml'), plantRuleContext(ids));
    expect(bad.pack).toBeUndefined();
    expect(bad.diagnostics.map((d) => [d.code, d.args.name, d.path])).toEqual([['expr.unknown-id', 'has_erpp', ['rules', 'workshop-wms-barcode', 'integration', 1, 'if']]]);
    const line = text.split('\n').findIndex((l) => l.includes('has_erpp')) + 1;
    expect(bad.diagnostics[0]).toMatchObject({ file: 'food.yaml', line, severity: 'error' });
    expect(bad.diagnostics[0]!.column).toBeGreaterThan(1);
    // the shape: an `if` that is not a text is found by the schema the rules' items share, at its place
    data.rules['workshop-wms-barcode'].integration[1].if = 3;
    const shaped = shape.validate('sector-pack', src(stringify(data), 'food.yaml'));
    expect(shaped.map((d) => [d.code, d.path])).toEqual([['schema.type', ['rules', 'workshop-wms-barcode', 'integration', 1, 'if']]]);
    expect(shaped[0]!.line).toBe(line);
  });
});

describe('evidence that states a share says the share it is', () => {
  it('networked machines: the counts as they are (none networked at 0), no statement from 60 %', () => {
    const said = (networked: number) => {
      const file = example('discrete-machinery');
      file.answers.equipment_digital = 100;
      file.answers.equipment_networked = networked;
      return [...new Set(plan(file).recommendations.flatMap((r) => r.evidence.map((e) => e.statement.zh)).filter((s) => s.includes('已联网并采集数据的')))];
    };
    expect(said(10)).toEqual(['数字化设备 100 台，已联网并采集数据的 10 台。']);
    expect(said(50)).toEqual(['数字化设备 100 台，已联网并采集数据的 50 台。']);
    expect(said(60)).toEqual([]);
  });
});

describe("batch's top projects for the programme office", () => {
  const rec = (id: string, phase: Recommendation['phase'], priority: number, confidential = false) => ({ id, phase, priority, confidential }) as unknown as Recommendation;
  it('are the first of the plan by phase, then priority, within the plan period, never a confidential project', () => {
    const list = [rec('late', 'later', 99), rec('mid', '6-18m', 90), rec('secret', '0-6m', 95, true), rec('near-b', '0-6m', 60), rec('near-a', '0-6m', 80), rec('far', '18-36m', 70)];
    expect(officeTopProjects(list, 3).map((r) => r.id)).toEqual(['near-a', 'near-b', 'mid']);
    expect(officeTopProjects(list, 10).map((r) => r.id)).toEqual(['near-a', 'near-b', 'mid', 'far']);
  });
});

describe('the handling project words the harsh conditions of the plant’s own sector', () => {
  const handling = (sector: string) => {
    const f = example('process-food');
    f.respondent.sector = sector;
    Object.assign(f.answers, { robots_count: 0, req_automated_lines: 'none' });
    const rec = plan(f).recommendations.find((r) => r.id === 'station-handling-palletising-robots');
    expect(rec, sector).toBeDefined();
    return offer(rec!).zh + rec!.title.zh;
  };
  it('cold stores for food and drug plants, kilns and furnaces for minerals and metals, neither for chemicals', () => {
    expect(handling('C1431')).toContain('低温库搬运');
    expect(handling('C1431')).not.toContain('高温区');
    expect(handling('C3089')).toContain('窑炉、熔炼等高温区');
    expect(handling('C3089')).not.toContain('低温库');
    const chem = handling('C2661');
    expect(chem).not.toMatch(/低温库|高温区/);
    expect(chem).toContain('重物搬运');
  });
});

describe('the andon and SPC project measures a process plant with its instruments, not with callipers', () => {
  const spc = (name: string, answers: Record<string, unknown>) => {
    const f = example(name);
    Object.assign(f.answers, { req_spc_prediction: 'none', ...answers });
    const rec = plan(f).recommendations.find((r) => r.id === 'line-andon-spc');
    expect(rec, name).toBeDefined();
    return offer(rec!).zh;
  };
  it('with and without andon in place (the SPC variant and the whole project), process and discrete', () => {
    for (const andon of ['full', 'none']) {
      const food = spc('process-food', { req_andon: andon });
      expect(food).not.toMatch(/卡尺|千分尺/);
      expect(food).toContain('检重秤');
      const machining = spc('discrete-machinery', { req_andon: andon });
      expect(machining).toMatch(/数显卡尺/);
      expect(machining).not.toContain('检重秤');
    }
  });
});

describe('duties: cross-sector, applying by the answers, not met by the answers', () => {
  const confidentialQuestions = new Set(q.questions.filter((x) => x.confidential).map((x) => x.id));
  const generic = () => compileSectorPack(src(read('questionnaires/sectors/generic.yaml'), 'generic.yaml'), plantRuleContext(ids), confidentialQuestions).pack!;
  const food = packs.find((x) => x.def.id === 'food')!;
  const duties = (answers: Record<string, unknown>) => {
    const file = example('process-food');
    Object.assign(file.answers, answers);
    return plan(file, [food, generic()]).roadmap.duties;
  };

  it('a duty of the generic pack marked allSectors binds a food plant when appliesIf holds, with the status its answers show', () => {
    const d = duties({ key_energy_user: true, req_energy_metering: 'partial' }).find((x) => x.def.id === 'energy-metering');
    expect(d).toMatchObject({ met: false, notMet: true });
    expect(duties({ key_energy_user: true, req_energy_metering: 'full' }).find((x) => x.def.id === 'energy-metering')).toMatchObject({ met: true });
    expect(duties({ key_energy_user: true, req_energy_metering: 'mostly' }).find((x) => x.def.id === 'energy-metering')).toMatchObject({ met: false, mostly: true });
    // unknown: neither met nor not met, it is to be checked
    const unknown = duties({ key_energy_user: true, req_energy_metering: 'unknown', energy_management_level: 'manual' }).find((x) => x.def.id === 'energy-metering')!;
    expect(unknown.met).toBe(false);
    expect(unknown.notMet).toBeUndefined();
  });

  it('appliesIf not holding leaves the duty out; not known (不清楚) lists it, whether it applies to be checked; the generic pack\'s own duties stay its own', () => {
    expect(duties({ key_energy_user: false }).map((x) => x.def.id)).not.toContain('energy-metering');
    expect(duties({ key_energy_user: 'unknown' }).find((x) => x.def.id === 'energy-metering')).toMatchObject({ met: false, unsure: ['key_energy_user'] });
    expect(duties({}).map((x) => x.def.id)).not.toContain('major-hazard-self-check');
  });

  it('a duty the answers cannot tell names the questions answered 不清楚 its status reads, and what they do show of it', () => {
    expect(duties({ req_quality_traceability: 'unknown' }).find((x) => x.def.id === 'food-traceability')).toMatchObject({ met: false, unknown: ['req_quality_traceability'] });
    // MLPS filed at level 2, the assessment requirement answered partly: to be checked, with the filing said
    const mlps = duties({ mlps_filing_level: 'level2', req_security_risk_assessment: 'partial' }).find((x) => x.def.id === 'mlps-classification')!;
    expect(mlps).toMatchObject({ met: false });
    expect(mlps.notMet).toBeUndefined();
    expect(mlps.shown?.map((t) => t.zh)).toEqual(['关键系统已定级并向公安机关备案（第二级及以上）']);
    // shown not met: nothing more to say
    expect(duties({ mlps_filing_level: 'not_classified' }).find((x) => x.def.id === 'mlps-classification')!.shown).toBeUndefined();
  });

  it('a duty that may not apply (不清楚) holds back none of the projects it blocks or precedes', () => {
    const file = example('process-food');
    file.answers.has_major_hazard = 'unknown';
    const made = plan(file, [food, generic()]);
    expect(made.roadmap.duties.find((x) => x.def.id === 'major-hazard-monitoring')).toMatchObject({ unsure: ['has_major_hazard'] });
    expect(made.recommendations.filter((r) => r.laterReason?.code === 'blocked' && r.laterReason.about === 'major-hazard-monitoring')).toEqual([]);
  });

  it('a duty whose conditions read a confidential answer is compiled as confidential; one that reads none is not', () => {
    const musts = generic().musts;
    expect(musts.find((m) => m.def.id === 'discharge-permit-auto-monitoring')!.confidential).toBe(true);
    expect(musts.find((m) => m.def.id === 'energy-metering')!.confidential).toBe(false);
    expect(duties({ req_emission_online_monitoring: 'none' }).find((x) => x.def.id === 'discharge-permit-auto-monitoring')).toMatchObject({ notMet: true, confidential: true });
  });
});

describe('the plant’s own time limits (its goals in its words) against the plan', () => {
  it('the discrete example: “关键工序数控化率 2027 年超过 60%” asks for the CNC retrofit, by the end of 2027 (13 months after the assessment)', () => {
    const r = plan(example('discrete-machinery'), true);
    expect(r.ownDeadlines).toEqual([{ goal: '关键工序数控化率 2027 年超过 60%', deadline: { year: 2027, months: 13 }, projects: ['station-cnc-key-processes'] }]);
  });

  it('a goal without a time limit, or one that asks for no project, gives none; the plan as batch builds it has none', () => {
    const file = example('discrete-machinery');
    file.answers.digital_goals = '数控设备全部联网并统计 OEE；2027 年营业收入翻番';
    expect(plan(file, true).ownDeadlines).toBeUndefined();
    const a = mustAnswers(q, example('discrete-machinery'));
    const r = buildResult(q, a, p, t);
    expect(recommend({ questionnaire: q, result: r, answers: a, rules, sectors: packs, planOnly: true }).ownDeadlines).toBeUndefined();
  });
});


describe('a recognition among the plant’s goals (planning.declarationWhen)', () => {
  it('in its own words (“申报省级智能工厂”) as well as chosen: process-food did not choose `declaration` but wrote it', () => {
    const food = example('process-food');
    expect(food.answers.priorities).not.toContain('declaration');
    expect(plan(food, true).declarationGoal).toBe(true);
    food.answers.digital_goals = '速冻和包装环节扩能并减少用工 80 人';
    expect(plan(food, true).declarationGoal).toBe(false);
    expect(plan(example('discrete-machinery'), true).declarationGoal).toBe(true); // chosen
  });

  it('is an expression checked at load: an unknown question is an error at planning.declarationWhen', () => {
    const data = parse(read('questionnaires/rules/default.yaml'));
    data.planning.declarationWhen = "text_has(no_such_goals, '申报')";
    const bad = compileRules(src(stringify(data), 'bad.yaml'), ids);
    expect(bad.rules).toBeUndefined();
    expect(bad.diagnostics.map((d) => [d.code, d.path])).toContainEqual(['expr.unknown-id', ['planning', 'declarationWhen']]);
  });
});

describe('the bundled sector packs against the rules', () => {
  it('a pack\'s wording waits only for prerequisites its rule has (recommend ignores any other id: a typo must not pass)', () => {
    const byId = new Map(rules.rules.map((r) => [r.def.id, r.def]));
    for (const pack of packs)
      for (const [id, wording] of [pack.def.rules, ...Object.values(pack.def.rulesByCode ?? {})].flatMap((rules) => Object.entries(rules))) {
        expect(byId.has(id), `${pack.def.id}: ${id}`).toBe(true);
        for (const pre of wording.prerequisites ?? []) expect(byId.get(id)!.prerequisites ?? [], `${pack.def.id}: ${id} waits for ${pre}`).toContain(pre);
      }
  });
});

describe('a goal the plant chose is answered by the project that serves it most directly', () => {
  it('safety: the discrete plant whose gas detectors only alarm on site gets the online hazard monitoring in the plan, before the hazardous-post robots', () => {
    const file = example('discrete-machinery');
    file.answers.priorities = ['safety', 'delivery'];
    const withSafety = plan(file, true);
    const phaseOf = (id: string) => withSafety.recommendations.find((r) => r.id === id)?.phase;
    const order = ['0-6m', '6-18m', '18-36m', 'later'];
    expect(phaseOf('station-hazard-sensing')).not.toBe('later');
    expect(order.indexOf(phaseOf('station-hazard-sensing')!)).toBeGreaterThanOrEqual(0);
    expect(order.indexOf(phaseOf('station-hazard-sensing')!)).toBeLessThanOrEqual(order.indexOf(phaseOf('station-hazardous-post-robots')!));
    // the same plant without the goal leaves the monitoring for later: the goal placed it
    expect(plan(example('discrete-machinery'), true).recommendations.find((r) => r.id === 'station-hazard-sensing')?.phase).toBe('later');
  });

  it('of two projects of equal priority that answer a goal, the cheaper: the small shop under 1 million keeps its SaaS kit in the plan period', () => {
    const small = parse(read('tests/fixtures/plants/small-machining-under-1m.yaml'));
    const recs = plan(small, true).recommendations;
    const saas = recs.find((r) => r.id === 'workshop-sme-light-saas')!;
    const network = recs.find((r) => r.id === 'workshop-equipment-networking')!;
    // the same priority, both answering its delivery goal first: the 2–12 万元 kit, not the 9–45 万元 network
    expect(saas.priority).toBe(network.priority);
    expect(saas.phase).not.toBe('later');
  });

  it('cyber security is not work safety: the OT zoning and MLPS projects never answer “安全生产和环保”', () => {
    const data = parse(read('questionnaires/rules/default.yaml')) as { rules: { id: string; serves?: string[] }[] };
    for (const id of ['workshop-ot-security-zoning', 'factory-security-operations']) expect(data.rules.find((r) => r.id === id)?.serves).not.toContain('safety');
  });
});

describe('a sector written in words: the generic plan, said so, with the code to write', () => {
  it('codes are codes; words are not; the sub-industry the words name is suggested, never chosen', () => {
    // a code followed by its name, as copied from the statistics, is a code
    for (const code of ['C', 'C36', 'c367', ' C3670 ', 'C3670 汽车零部件及配件制造', 'C3670汽车零部件']) expect(isSectorCode(code)).toBe(true);
    for (const words of ['汽车零部件加工', '机加工', 'Chemicals', '3670', 'C36701', 'T恤衫制造', 'PCB 电路板']) expect(isSectorCode(words)).toBe(false);
    expect(isSectorCode('C 制造业')).toBe(true);
    // the digits without the section letter: the code with C, named
    expect(sectorGuess(packs, '3670')).toMatchObject({ code: 'C3670', name: { zh: '汽车零部件及配件制造' } });
    expect(sectorGuess(packs, '1432')?.code).toBe('C1432');
    expect(sectorGuess(packs, '汽车零部件加工')?.code).toBe('C3670');
    expect(sectorGuess(packs, 'motor vehicle parts')?.code).toBe('C3670');
    expect(sectorGuess(packs, '速冻食品')?.code).toBe('C1432');
    // words too far from any named sub-industry: no suggestion
    expect(sectorGuess(packs, '机加工')).toBeUndefined();
    expect(sectorGuess(packs, '其他')).toBeUndefined();
  });
  it('one rule for validate and the interview: which sector is warned about, and the warning with the code its words name', () => {
    for (const none of [undefined, '', '  ', 'C3670', ' c36 ']) expect(sectorInWords(none)).toBe(false);
    for (const words of ['汽车零部件加工', '3670', 'T恤衫制造']) expect(sectorInWords(words)).toBe(true);
    expect(sectorWarning(packs, ' 汽车零部件加工 ')).toEqual({ code: 'answers.sector-not-code-guess', args: { sector: '汽车零部件加工', code: 'C3670', name_zh: '汽车零部件及配件制造', name_en: expect.any(String) } });
    expect(sectorWarning(packs, '机加工')).toEqual({ code: 'answers.sector-not-code', args: { sector: '机加工' } });
    // the field named as each place names it: the file's key in validate, the prompt's name in the interview
    const w = sectorWarning(packs, '汽车零部件加工');
    expect(formatMessage(w.code, { ...w.args, field: 'respondent.sector' }, 'zh')).toBe('respondent.sector“汽车零部件加工”不是国民经济行业分类（GB/T 4754）代码：报告将按通用行业给出方案，不含行业专用项目。如属汽车零部件及配件制造，请改填 C3670');
    expect(formatMessage(w.code, { ...w.args, field: 'Sector' }, 'en')).toMatch(/^Sector "汽车零部件加工" is not a GB\/T 4754 industry code: .* write C3670$/);
  });
  it('a code of no GB/T 4754-2017 division is warned about as a sector in words is; a code of one is not', () => {
    for (const bad of ['C9999', 'C12', 'C44', 'A13', 'T98', 'S90']) expect(unknownDivision(bad), bad).toBeDefined();
    for (const ok of [undefined, '', '汽车零部件加工', 'C', 'C13', 'C43', 'c3670', 'C3670 汽车零部件及配件制造', 'A01', 'B12', 'K70', 'P83', 'S96', 'T97']) expect(unknownDivision(ok), ok).toBeUndefined();
    expect(unknownDivision(' c99 ')).toEqual({ section: 'C', division: '99', first: '13', last: '43' });
    expect(unknownDivision('A13')).toEqual({ section: 'A', division: '13', first: '01', last: '05' });
    expect(sectorWarning(packs, 'C9999')).toEqual({ code: 'answers.sector-unknown-division', args: { sector: 'C9999', section: 'C', division: '99', first: '13', last: '43' } });
  });
  it('the plan says the sector was not recognised and how to get the sector plan; a code reads as before', () => {
    const render = (sector: string) => {
      const file = example('discrete-machinery');
      file.respondent.sector = sector;
      const made = plan(file, true);
      return { made, md: renderMarkdown(buildReportModel({ questionnaire: q, answers: made.answers, result: made.result, recommendations: made.recommendations, plan: made, readiness: [], audience: 'client', wording: wording(), policy: policy(), tool: 'test' }), { lang: 'zh' }) };
    };
    const words = render('汽车零部件加工');
    expect(words.made.sector).toMatchObject({ id: 'generic', unrecognised: { written: '汽车零部件加工', guess: { code: 'C3670' } } });
    expect(words.md).toContain('所填行业“汽车零部件加工”不是国民经济行业分类（GB/T 4754）代码，未能对应行业方案，以下按通用行业给出，不含行业专用项目。如属汽车零部件及配件制造，在答卷中填写代码 C3670 后重新生成报告');
    const code = render('C3670');
    expect(code.made.sector).toMatchObject({ id: 'automotive', class: { code: 'C3670' } });
    expect(code.made.sector?.unrecognised).toBeUndefined();
    expect(code.md).not.toContain('所填行业');
  });
});

describe('a pack covering several trades names the sector by the plant’s narrower code (titleByCode)', () => {
  const apparel = () => parse(read('questionnaires/sectors/apparel.yaml'));
  const sectorFor = (code: string, pack?: CompiledSectorPack) => {
    const file = example('discrete-machinery');
    file.respondent.sector = code;
    return plan(file, pack ? [pack] : true).sector!;
  };
  it('a mill (C17) reads the mill’s name, a garment plant (C18) the pack’s title', () => {
    const title = apparel().title;
    for (const code of ['C17', 'C1711', 'C1712', 'c1713 ']) expect(sectorFor(code).title, code).toEqual({ zh: '纺织（纺纱、织造与染整）', en: 'Textiles (spinning, weaving, dyeing and finishing)' });
    for (const code of ['C18', 'C1810', 'C1819']) expect(sectorFor(code).title, code).toEqual(title);
    expect(sectorFor('C1712')).toMatchObject({ id: 'apparel', class: { code: 'C1712' } });
  });
  it('the longest prefix wins; a pack without the field reads its title', () => {
    const data = apparel();
    data.titleByCode.C1713 = { zh: '印染', en: 'Dyeing and finishing' };
    expect(shape.validate('sector-pack', src(stringify(data), 'apparel.yaml'))).toEqual([]);
    const pack = compileSectorPack(src(stringify(data), 'apparel.yaml'), plantRuleContext(ids)).pack!;
    expect(sectorFor('C1713', pack).title.zh).toBe('印染');
    expect(sectorFor('C1711', pack).title.zh).toBe('纺织（纺纱、织造与染整）');
    delete data.titleByCode;
    const plain = compileSectorPack(src(stringify(data), 'apparel.yaml'), plantRuleContext(ids)).pack!;
    expect(sectorFor('C1713', plain).title).toEqual(data.title);
  });
  it('a key that is not a GB/T 4754 code, or a title without both languages, is refused by the schema', () => {
    const data = apparel();
    data.titleByCode = { 'C17x': { zh: '纺织', en: 'Textiles' }, C18: { zh: '服装' } };
    const problems = shape.validate('sector-pack', src(stringify(data), 'apparel.yaml'));
    expect(problems.map((d) => [d.code, d.path])).toEqual([['schema.pattern', ['titleByCode']], ['schema.required', ['titleByCode', 'C18']]]);
  });
});
