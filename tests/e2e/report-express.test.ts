// A company's own express interview (mostly self-ratings, no requirement questions): the report never claims what
// an express interview cannot show. The fixture is the answer file of a self-assessing auto-parts plant (a reviewer's
// interview through the real prompt), with its sector written in words and no assessor named (a self-assessment).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, zhizao } from '../helpers/cli';

const PLANT = 'tests/fixtures/self-assessment/express-autoparts.yaml';
const ZH = { env: { LANG: 'zh_CN.UTF-8' } };

describe('report on an express interview (built CLI)', () => {
  const md = zhizao(['report', PLANT, '-o', '-'], ZH);

  it('no level is projected: every phase would read today\'s level, which says nothing of the projects; the report says why', () => {
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain('诊断方式: 快速诊断');
    expect(md.stdout).toContain('本次为快速诊断，等级按企业对各能力子域的自评计分；方案项目改善的是完整诊断逐条核对的成熟度要求');
    expect(md.stdout).not.toContain('不足以使等级提升');
    expect(md.stdout).not.toContain('按本方案仍都不满足');
    const json = JSON.parse(zhizao(['report', PLANT, '--format', 'json', '-o', '-'], ZH).stdout);
    expect(json.roadmap.phases.every((p: { projected: unknown }) => p.projected === null)).toBe(true);
  });

  it('the recognition it aims at: how it stands today, and that the plan\'s effect cannot be projected', () => {
    expect(md.stdout).toMatch(/申报“智能车间申报条件（郑政文〔2018〕168号 三\(三\)）”：认定条件中本厂目前有 \d+ 项未满足（逐项见第 7 节）。本次为快速诊断，不能推算方案完成后可满足其中几项/);
  });

  it('a question only the full diagnosis asks reads "not asked", never "not answered"', () => {
    expect(md.stdout).toContain('“生产网（工控网）与办公网之间有隔离和访问控制”：快速诊断未询问（完整诊断会问）');
    expect(md.stdout).not.toMatch(/与办公网之间有隔离和访问控制”：未作答/);
  });

  it('its sector in words: the generic plan, said so, with the code its words name', () => {
    expect(md.stdout).toContain('所填行业“汽车零部件加工”不是国民经济行业分类（GB/T 4754）代码');
    expect(md.stdout).toContain('如属汽车零部件及配件制造，在答卷中填写代码 C3670 后重新生成报告');
    // and not told it asked for a food plant's lot traceability because its goal names 追溯
    expect(md.stdout).not.toContain('食品批次追溯');
  });

  it('a project the budget held back says by how much, the same figure where the advice gives it, and once', () => {
    // the same plant with its code: its own-words traceability project waits for the budget
    const file = path.join(tempDir(), 'express-autoparts-c3670.yaml');
    writeFileSync(file, readFileSync(PLANT, 'utf8').replace(/^ {2}sector: .*$/m, '  sector: C3670'));
    const out = zhizao(['report', file, '-o', '-'], ZH).stdout;
    const item = /暂缓原因: 超出企业所报预算，按中值计排入规划期需再增加约 (\d+) 万元/.exec(out);
    expect(item, 'a project held back by the budget says by how much').not.toBeNull();
    const asked = /企业在访谈中提出的“零部件追溯[^”]*”未排入规划期（超出企业所报预算）。要在规划期内安排它，需要把预算增加约 (\d+) 万元/.exec(out);
    expect(asked, 'the asked-for project: the reason once, the figure in the advice').not.toBeNull();
    expect(out).toMatch(new RegExp(`#### 零部件追溯[\\s\\S]*?暂缓原因: 超出企业所报预算，按中值计排入规划期需再增加约 ${asked![1]} 万元`));
  });

  it('an indicator without a value because the plant answered 不清楚 says so, not "not computable" or a bare dash', () => {
    expect(md.stdout).toContain('| IPv6 改造完成 | 不清楚 |');
    expect(zhizao(['score', PLANT], ZH).stdout).toContain('IPv6 改造完成: 无法计算：回答“不清楚”');
    const json = JSON.parse(zhizao(['score', PLANT, '--json'], ZH).stdout);
    expect(json.indicators.find((i: { id: string }) => i.id === 'ipv6-adoption')).toMatchObject({ value: null, unknown: true });
  });

  it('a project asked for in the plant\'s own words, held back by the budget, names the projects it did not ask for whose postponement would free the money', () => {
    // the example machinery plant with about 200 万元 (its band says more: the lower is taken), its key systems filed
    // at MLPS level 2 and assessed (the legal duty met: the security project settles no duty, and may be put off)
    const file = path.join(tempDir(), 'machinery-200.zhizao.yaml');
    const text = readFileSync('examples/discrete-machinery.zhizao.yaml', 'utf8')
      .replace('\nanswers:\n', '\nanswers:\n  retrofit_budget_amount: 200\n')
      .replace(/^ {2}mlps_filing_level: not_classified$/m, '  mlps_filing_level: level2')
      .replace(/^ {2}req_security_risk_assessment: none$/m, '  req_security_risk_assessment: full');
    expect(text).toContain('  mlps_filing_level: level2\n');
    expect(text).toContain('  req_security_risk_assessment: full\n');
    writeFileSync(file, text);
    const out = zhizao(['report', file, '-o', '-'], ZH).stdout;
    const m = /需要把预算增加约 (\d+) 万元[^\n]*企业原话提出的项目应先排：按中值计，推后本方案中企业未提出的(“[^\n]*”)（合计约 (\d+) 万元）即可腾出所需预算。/.exec(out);
    expect(m, 'the swap is named').not.toBeNull();
    expect(Number(m![3])).toBeGreaterThanOrEqual(Number(m![1]));
    // never a base project the plant writes itself, nor one another project waits for
    expect(m![2]).not.toContain('数据管理与系统接口基础');
    // the office is told nothing of the budget
    expect(zhizao(['report', file, '--audience', 'office', '-o', '-'], ZH).stdout).not.toContain('即可腾出所需预算');
  });

  it('a company assessing itself (no assessor named) reads its report in its own voice: no client, no diagnosis provider to check with', () => {
    expect(md.stdout).toContain('# 智能制造能力成熟度诊断报告（企业自评）');
    expect(md.stdout).toContain('**商业秘密 · 仅限本企业内部使用**');
    expect(md.stdout).toMatch(/\| 编制 \|[^\n]*\n\| 审核 \|[^\n]*\n\| 批准 \|/);
    expect(md.stdout).toContain('确认方案时，可对照各阶段项目逐项核对方案是否回应了它');
    expect(md.stdout).toContain('涉及这些答案的结论在核实这些答案前仅供参考');
    expect(md.stdout).not.toMatch(/委托方|诊断方(?!式)|与企业核对|与企业核实|与企业重新商定|诊断人员/);
    const en = zhizao(['report', PLANT, '--lang', 'en', '-o', '-'], ZH).stdout;
    expect(en).toContain('(company self-assessment)');
    expect(en).toContain('for the company’s internal use only');
    expect(en).not.toMatch(/the client|with the plant when|the plant and the assessor/i);
    expect(JSON.parse(zhizao(['report', PLANT, '--format', 'json', '-o', '-'], ZH).stdout).selfAssessment).toBe(true);
    // the same answers with an assessor named: the consultant's report to its client
    const file = path.join(tempDir(), 'express-autoparts-assessed.yaml');
    writeFileSync(file, readFileSync(PLANT, 'utf8').replace(/^ {2}date: /m, '  assessor: 王工\n  date: '));
    const assessed = zhizao(['report', file, '-o', '-'], ZH).stdout;
    expect(assessed).toContain('**商业秘密 · 仅限委托方内部使用**');
    expect(assessed).toContain('| 诊断人员 | 王工 |');
    expect(assessed).toContain('企业和诊断方可对照各阶段项目逐项核对');
    expect(JSON.parse(zhizao(['report', file, '--format', 'json', '-o', '-'], ZH).stdout).selfAssessment).toBe(false);
  });

  it('a consultant\'s wording file whose self-assessment sentence fills other placeholders than the one it replaces is refused, where it is', () => {
    const file = path.join(tempDir(), 'wording.yaml');
    const text = readFileSync('report-templates/wording.yaml', 'utf8');
    const line = text.split('\n').findIndex((l) => l.startsWith('    planBottleneck: ')) + 1;
    writeFileSync(file, text.replace(/^( {4}planBottleneck: \{zh: "[^"]*)\{text\}/m, '$1{goal}'));
    const r = zhizao(['validate', '--definition', file], ZH);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`wording.yaml:${line}:`);
    expect(r.stderr).toContain('selfAssessment.phrases.planBottleneck 在企业自评报告中替换 phrases.planBottleneck，占位符必须相同：应为 {text}，实为 {goal} {text}');
    expect(zhizao(['validate', '--definition', 'report-templates/wording.yaml'], ZH).code).toBe(0);
  });

  it('weights the standard does not give: how far apart they put the sub-domains is said, with the names', () => {
    expect(md.stdout).toContain('按此方案，各能力子域在总分 S 中的权重从 0.7%（采购、计划与调度、生产作业、设备管理、仓储配送、安全环保、能源管理）到 12.5%（组织战略、人员技能、装备、网络）不等。获得官方权重表后，总分和等级可能不同。');
  });

  it('score: a share-of-companies target reads as the regional target with whether the plant counts toward it, not "是 计入区域企业占比"', () => {
    const out = zhizao(['score', PLANT], ZH).stdout;
    expect(out).toContain('数字化研发设计工具普及率: 是  区域目标：全市制造业重点领域企业（使用数字化研发设计工具的企业占比） > 70.0%（2020 年）；本厂计入');
    const none = path.join(tempDir(), 'no-design-tools.yaml');
    writeFileSync(none, readFileSync(PLANT, 'utf8').replace(/^ {2}design_tools:\n(?: {4}- .*\n)+/m, '  design_tools: [none]\n').replace(/^ {2}designers_digital: .*\n/m, ''));
    expect(zhizao(['score', none, '--lang', 'en']).stdout).toContain('Digital design-tool penetration: no  regional target: key manufacturing fields, city-wide (share of companies using digital design tools) > 70.0% (2020); this plant does not count toward it yet');
  });

  it('a plant of 150 staff is small (under 300, the national class) and its investment is estimated between the small and the medium plant\'s, not as a 300-staff plant\'s', () => {
    const file = path.join(tempDir(), 'machinery-150.zhizao.yaml');
    writeFileSync(file, readFileSync('examples/discrete-machinery.zhizao.yaml', 'utf8').replace(/^ {2}employees_total: .*$/m, '  employees_total: 150'));
    const out = zhizao(['report', file, '-o', '-'], ZH).stdout;
    expect(out).toContain('工厂规模：小型（按职工 150 人），三个阶段依次最多同时安排 2、2、3 个项目；投资按职工人数在小型工厂（约 50 人）与中型工厂（约 300 人）的参考值之间估算，为中型工厂参考值的 0.63 倍（估算值，不是报价）。');
    const json = (f: string) => JSON.parse(zhizao(['report', f, '--format', 'json', '-o', '-'], ZH).stdout);
    expect(json(file).roadmap.size).toMatchObject({ size: 'small', basis: 'employees', employees: 150 });
    expect(json(file).roadmap.investmentBetween).toEqual({ from: { size: 'small', employees: 50 }, to: { size: 'medium', employees: 300 } });
    // 149 staff: the same estimate within a cent of the multiplier, not a third of it
    const f149 = path.join(tempDir(), 'machinery-149.zhizao.yaml');
    writeFileSync(f149, readFileSync(file, 'utf8').replace(/^ {2}employees_total: 150$/m, '  employees_total: 149'));
    expect(Math.abs(json(f149).roadmap.investmentScale - json(file).roadmap.investmentScale)).toBeLessThan(0.02);
  });

  it('a medium plant of 900 staff is told its estimates, from a 300-staff plant\'s figures, may well be low; one of 525 is not', () => {
    const at = (n: number) => {
      const file = path.join(tempDir(), `machinery-${n}.zhizao.yaml`);
      writeFileSync(file, readFileSync('examples/discrete-machinery.zhizao.yaml', 'utf8').replace(/^ {2}employees_total: .*$/m, `  employees_total: ${n}`));
      return { md: zhizao(['report', file, '-o', '-'], ZH).stdout, json: JSON.parse(zhizao(['report', file, '--format', 'json', '-o', '-'], ZH).stdout) };
    };
    const big = at(900);
    expect(big.md).toContain('本厂职工 900 人，远多于中型工厂参考值所对应的约 300 人：按参考值得出的投资估算可能明显偏低');
    expect(big.json.roadmap.investmentAbove).toEqual({ size: 'medium', employees: 300 });
    const usual = at(525);
    expect(usual.md).not.toContain('远多于中型工厂参考值');
    expect(usual.json.roadmap.investmentAbove).toBeUndefined();
  });

  it('the basic tier\'s level threshold, which sources state differently, is marked * and said to be unconfirmed', () => {
    expect(md.stdout).toMatch(/\| 基础级 \| 未满足（要求 2 级及以上） \\\* \|/);
    expect(md.stdout).toContain('带 \\* 的等级条件尚未与原文核对：基础级的等级门槛各地说法不一（多数资料为 2 级，也有省份的申报通知为 1 级），以当年申报通知为准。');
    expect(md.stdout).not.toMatch(/\| 先进级 \| [^|]*\*/);
    const json = JSON.parse(zhizao(['score', PLANT, '--json'], ZH).stdout);
    expect(json.tiers.find((t: { id: string }) => t.id === 'basic').levelUnconfirmed.zh).toContain('各地说法不一');
  });

  it('a gap names the requirements of the next level the answers do not fully meet (a full diagnosis), never one answered 不清楚; an express interview names none', () => {
    const full = zhizao(['report', 'tests/fixtures/review/pharma-solid-dose.yaml', '-o', '-'], ZH).stdout;
    expect(full).toContain('- 装备：未达到 1 级 → 下一目标 1 级；第 1 级尚未全部满足的要求：“设备台账记录了每台生产设备的控制方式、控制系统型号和通信接口，并与现场一致”、“有经批准的关键设备数字化改造计划，列明要改造的设备、改造方式、时间和预算”');
    const unknown = path.join(tempDir(), 'pharma-unknown.yaml');
    writeFileSync(unknown, readFileSync('tests/fixtures/review/pharma-solid-dose.yaml', 'utf8').replace(/^ {2}req_equipment_retrofit_plan: .*$/m, '  req_equipment_retrofit_plan: unknown'));
    expect(zhizao(['report', unknown, '-o', '-'], ZH).stdout).not.toMatch(/尚未全部满足的要求：[^\n]*有经批准的关键设备数字化改造计划/);
    expect(md.stdout).not.toContain('尚未全部满足的要求');
  });

  it('steps name only the ERP modules the plant uses: no MRP run or ERP delivery notes where those modules are not in use; no "customers kept by salespeople" where every order is registered centrally', () => {
    // the garment maker (ERP for sales, purchasing and stock, no planning module) with an MES in use: its dispatch board
    // plans in a spreadsheet template until the module is switched on (without an MES it gets a subscription garment
    // MES that schedules, and no dispatch board)
    const withMes = path.join(tempDir(), 'apparel-with-mes.yaml');
    const garment = readFileSync('tests/fixtures/sectors/apparel-small.zhizao.yaml', 'utf8');
    expect(garment).toMatch(/^ {2}has_mes: false$/m);
    writeFileSync(withMes, garment.replace(/^ {2}has_mes: false$/m, '  has_mes: true'));
    const apparel = zhizao(['report', withMes, '-o', '-'], ZH).stdout;
    expect(apparel).toContain('ERP 的生产计划/MRP 模块启用前，用统一的表格计划模板按订单和库存计算物料需求');
    expect(apparel).not.toContain('用 ERP 的 MRP 运算物料需求');
    const pharma = zhizao(['report', 'tests/fixtures/review/pharma-solid-dose.yaml', '-o', '-'], ZH).stdout;
    expect(pharma).toContain('发货单号（进销存软件或发货台账）→ 承运商平台在途位置');
    expect(pharma).not.toContain('ERP 发货单号 → 承运商平台在途位置');
    expect(pharma).not.toContain('客户和商机掌握在业务员个人或表格中');
  });
});

