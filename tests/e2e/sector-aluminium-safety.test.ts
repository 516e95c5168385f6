// An aluminium flat-rolling plant (C3252, 900 staff, casthouse with six gas melting furnaces, four of them fired by
// eye, and four DC deep-well casters; hot and cold mills; budget 3500 万元; goals energy, quality, traceability,
// safety) through the built CLI: findings 1 and 5 of a consultant's review (tests/fixtures/review/aluminium-casting.yaml).
// The deep-well casting interlocks follow the plant's answer on them: items missing on the two old casters, the duty
// is shown not met and the interlock project leads the plan; all in place and tested, the duty is met and no project
// is proposed; no deep-well casting, neither. The energy goal gets furnace combustion work in the plan period, and the
// energy metering promises no saving of its own.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
  roadmap: { duties: Duty[] };
}

const ALU = 'tests/fixtures/review/aluminium-casting.yaml';
const dir = tempDir('zhizao-aluminium-safety-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const PHASES = ['0-6m', '6-18m', '18-36m'];

/** The fixture with some of its lines replaced (each must be there), written to a file of its own. */
function edited(name: string, ...swaps: [RegExp, string][]): string {
  let text = readFileSync(ALU, 'utf8');
  for (const [from, to] of swaps) {
    expect(text).toMatch(from);
    text = text.replace(from, to);
  }
  const out = path.join(dir, `${name}.yaml`);
  writeFileSync(out, text);
  return out;
}
const CASTING = /^ {2}casting_interlocks_verified: missing$/m;
/** The fixture with the casting answer replaced, or left out (the reviewer's own file had no such question). */
const cast = (answer: string | null) =>
  answer === null
    ? edited('casting-unanswered', [/^ {2}casting_interlocks_verified: .*\n/m, ''], [/^ {2}casting_interlocks_verified: .*\n/m, ''])
    : edited(`casting-${answer}`, [CASTING, `  casting_interlocks_verified: ${answer}`]);
const json = (file: string, ...extra: string[]) => reportJson<Report>(file, ...extra);
const md = reportMarkdown;
const get = (d: Report, id: string) => d.recommendations.find((r) => r.id === id);
const duty = (d: Report, id: string) => d.roadmap.duties.find((x) => x.id === id);
const phaseOf = (d: Report, id: string) => PHASES.indexOf(get(d, id)!.phase);
/** Everything a project proposes (title, steps, equipment, software, integration, benefits), both languages. */
const said = (r: Rec) => JSON.stringify([r.title, r.measures, r.hardware, r.software, r.integration, r.benefits]);
const DEEP_WELL = 'deep-well-casting-interlocks';
const INTERLOCKS = 'station-casting-safety-interlocks';

const d = json(ALU);
const zh = md(ALU, 'zh');
const en = md(ALU, 'en');

describe('finding 1: the deep-well casting interlocks follow the plant answer on them', () => {
  it('the fixture records what the reviewer found: items missing on the two old casters', () => {
    const text = readFileSync(ALU, 'utf8');
    expect(text).toMatch(CASTING);
    expect(text).toMatch(/^ {2}casting_interlocks_verified: 3#、4# 铸造机/m);
  });

  it('items missing: the duty is shown not met, and said so', () => {
    expect(duty(d, DEEP_WELL)).toMatchObject({ met: false, notMet: true });
    const line = zh.split('\n').find((l) => l.startsWith('- 铝加工深井铸造：'))!;
    expect(line).toContain('答卷显示尚未满足');
    expect(line).toContain('本方案中落实这项要求的项目：近期（0–6 个月）的“熔铸与水冷炉窑安全监测联锁补齐”');
    expect(line).not.toContain('待核查');
  });

  it('items missing: the interlock project is in 0–6 months, resting on that answer', () => {
    const p = get(d, INTERLOCKS)!;
    expect(p.phase).toBe('0-6m');
    expect(p.evidence[0]!.question).toBe('casting_interlocks_verified');
    expect(p.evidence[0]!.statement.zh).toContain('重大事故隐患');
    expect(said(p)).toContain('流槽断开装置');
  });

  it('items missing: the interlock project leads — in a small plant with 300 万元 it keeps 0–6 months ahead of the energy metering the plant asked for', () => {
    const file = edited(
      'small',
      [/^ {2}employees_total: 900$/m, '  employees_total: 150'],
      [/^ {2}retrofit_budget_band: over_20m$/m, '  retrofit_budget_band: from_1m_to_5m'],
      [/^ {2}retrofit_budget_amount: 3500$/m, '  retrofit_budget_amount: 300'],
    );
    const r = json(file);
    expect(get(r, INTERLOCKS)!.phase).toBe('0-6m');
    const ems = get(r, 'workshop-energy-metering-ems')!;
    expect(ems.asked).toBe(true);
    expect(phaseOf(r, 'workshop-energy-metering-ems')).toBeGreaterThan(0);
  });

  it('interlocks fitted but untested: still not met, and the project still leads', () => {
    const r = json(cast('untested'));
    expect(duty(r, DEEP_WELL)).toMatchObject({ met: false, notMet: true });
    const p = get(r, INTERLOCKS)!;
    expect(p.phase).toBe('0-6m');
    expect(p.evidence[0]!.statement.zh).toContain('没有最近一次联锁测试合格的记录');
  });

  it('every item in place and tested: the duty is met and no interlock project is proposed', () => {
    const file = cast('verified');
    const r = json(file);
    expect(duty(r, DEEP_WELL)).toMatchObject({ met: true });
    expect(get(r, INTERLOCKS)).toBeUndefined();
    const line = md(file, 'zh').split('\n').find((l) => l.startsWith('- 铝加工深井铸造：'))!;
    expect(line).toContain('答卷显示已满足');
  });

  it('no deep-well casting (billet and slab bought in): neither the duty nor the project', () => {
    const r = json(cast('no_casting'));
    expect(duty(r, DEEP_WELL)).toBeUndefined();
    expect(get(r, INTERLOCKS)).toBeUndefined();
    // the other non-ferrous duties still bind it
    expect(duty(r, 'nonferrous-molten-metal')).toBeDefined();
  });

  it('not answered (the reviewer file as it was): the answers cannot tell, to be checked', () => {
    const r = json(cast(null));
    const x = duty(r, DEEP_WELL)!;
    expect(x.met).toBe(false);
    expect(x.notMet).toBeUndefined();
  });

  it('the question is asked only of aluminium plants (C3216, C3252)', () => {
    const t = zhizao(['template', '-o', '-']);
    expect(t.code, t.stderr).toBe(0);
    expect(t.stdout).toContain(`text_has(sector, 'C3216', 'C3252')`);
    expect(t.stdout).toMatch(/^ {2}casting_interlocks_verified:$/m);
    expect(t.stdout).toMatch(/^ {2}# {5}no_casting: /m);
    // answered by the aluminium plant: valid and complete
    const ok = zhizao(['validate', ALU]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout + ok.stderr).not.toContain('casting_interlocks_verified');
    expect(ok.stdout + ok.stderr).toContain('100% complete');
    // left out by an aluminium plant: asked, so the file is not complete
    const open = zhizao(['validate', cast(null)]);
    expect(open.code, open.stderr).toBe(0);
    expect(open.stdout + open.stderr).toMatch(/valid .*, 99\.\d% complete/);
    // answered by a copper plant (C3251): not asked of it, the answer kept but not counted
    const copper = edited('copper', [/^ {2}sector: C3252$/m, '  sector: C3251']);
    const cu = zhizao(['validate', copper]);
    expect(cu.code, cu.stderr).toBe(0);
    expect(cu.stdout + cu.stderr).toContain('(casting_interlocks_verified) does not apply to this plant');
    expect(get(json(copper), INTERLOCKS)).toBeUndefined();
    expect(duty(json(copper), DEEP_WELL)).toBeUndefined();
    // an aluminium smelter is asked it too
    const smelter = zhizao(['validate', edited('smelter', [/^ {2}sector: C3252$/m, '  sector: C3216'])]);
    expect(smelter.stdout + smelter.stderr).not.toContain('casting_interlocks_verified');
    expect(readFileSync('questionnaires/smart-manufacturing.yaml', 'utf8')).toContain(`when: "text_has(sector, 'C3216', 'C3252')"`);
  });

  it('the pack no longer only proposes the question: its duty reads it', () => {
    const pack = readFileSync('questionnaires/sectors/new-materials.yaml', 'utf8');
    expect(pack).not.toContain('id: casting_interlocks_verified');
    expect(pack).toContain("metWhen: casting_interlocks_verified == 'verified'");
  });
});

describe('finding 5: the energy goal gets furnace combustion work, and metering promises no saving of its own', () => {
  it('the fixture: energy management at level 1 (hand-read meters), the energy goal chosen, old furnaces fired by eye', () => {
    const text = readFileSync(ALU, 'utf8');
    expect(text).toMatch(/^ {2}energy_management_level: manual$/m);
    expect(text).toMatch(/^ {2}priorities: \[energy,/m);
    expect(text).toContain('4 台老炉人工看火调节');
  });

  it('a furnace combustion-control retrofit is planned in the plan period, after the EMS that meters each furnace', () => {
    const p = get(d, 'factory-energy-optimisation')!;
    expect(p.variant).toBe('furnace-combustion');
    expect(PHASES).toContain(p.phase);
    expect(p.servesPriorities).toContain('energy');
    expect(p.asked).toBe(true);
    expect(p.prerequisites).toContain('workshop-energy-metering-ems');
    expect(phaseOf(d, 'factory-energy-optimisation')).toBeGreaterThan(phaseOf(d, 'workshop-energy-metering-ems'));
    expect(p.evidence.map((e) => e.question)).toContain('key_processes_list');
    const s = said(p);
    for (const w of ['燃烧器管理', '安全联锁', '炉压', '空燃比', '氧量', '蓄热体', '装炉制度']) expect(s).toContain(w);
    // the energy-centre wording (compressors, chillers) is not this plant's project
    expect(s).not.toMatch(/空压站|冷站|群控/);
    // an estimate, and no saving promised as a share
    expect(p.investment.min).toBeGreaterThan(0);
    expect(p.benefits.zh).not.toMatch(/\d+%/);
    expect(zh).toContain('#### 燃气炉窑燃烧控制改造');
  });

  it('the plant own energy deadline is not left to the EMS alone: the combustion project is named for it too', () => {
    const lines = zh.split('\n').filter((l) => l.startsWith('企业自定的时限'));
    expect(lines.some((l) => l.includes('能源分项计量与能源管理系统（EMS）'))).toBe(true);
    expect(lines.some((l) => l.includes('燃气炉窑燃烧控制改造'))).toBe(true);
    const enLines = en.split('\n').filter((l) => l.startsWith("The plant's own deadline"));
    expect(enLines.some((l) => l.includes('Combustion-control retrofit of gas-fired furnaces'))).toBe(true);
  });

  it('the EMS makes no unsourced 5–10 % promise: metering shows where the gas goes, the savings come from the work it directs', () => {
    const ems = get(d, 'workshop-energy-metering-ems')!;
    expect(ems.benefits.zh).not.toMatch(/5%–10%|3%–8%|通常可降低/);
    expect(ems.benefits.en).not.toMatch(/5–10 %|3–8 %/);
    expect(ems.benefits.zh).toContain('计量本身不降低能耗');
    expect(ems.benefits.zh).toContain('燃烧控制改造');
    expect(zh).not.toContain('单位产品能耗通常可降低5%–10%');
    expect(en).not.toContain('cuts energy per unit by 5–10 %');
  });

  it('without the energy goal, a plant at level 1 gets no combustion project from this rule', () => {
    const r = json(edited('no-energy-goal', [/^ {2}priorities: \[energy, /m, '  priorities: [']));
    expect(get(r, 'factory-energy-optimisation')).toBeUndefined();
  });

  it('a copper plant with the same answers gets the combustion project without aluminium words', () => {
    const r = json(edited('copper-energy', [/^ {2}sector: C3252$/m, '  sector: C3251']));
    const p = get(r, 'factory-energy-optimisation')!;
    expect(p.variant).toBe('furnace-combustion');
    expect(said(p)).not.toMatch(/铝|铸造节奏|热轧|alumin/i);
  });
});
