// Textile mills (C17) of different kinds through the built CLI, as a consultant reads the automatic-transport project
// (line-agv-delivery) of each: its title, evidence and items must be true of the mill its key processes describe.
// - A spinning mill's first step with a small budget names only what it holds: where the plan's handling project fits
//   group doffing within the plan period, it is a spinning-to-winding link pilot (the title a variant gives as
//   alternatives, docs/rules.md "Variant titles"), not "doffing or a link".
// - An integrated mill (its key processes name spinning and weaving or the dyeing of fabric) gets the links between its
//   spinning processes and the transport of yarn to warping, beams, fabric trucks and rolls where it weaves or dyes,
//   its title naming what it does and its evidence what it moves by hand; dyeing only yarn (package dyeing) moves no
//   fabric, and a mill of one trade keeps its project.
// - A rotor (open-end, 转杯纺 / 气流纺) spinning mill has no roving, ring frames or cops: its machines make packages
//   straight from drawn sliver. It gets sliver-can and package transport and automatic package doffing (or, with a
//   small budget, a first step of them), and no ring-spinning item: no 粗细联, 细络联 or group doffing of ring frames.
// The consultant's fixture is the integrated cotton mill of tests/fixtures/review/textile-dyeing.yaml; the other mills
// are it with another key-process list (and budget).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli';
import { answerVariant, reportJson, reportMarkdown, type ReportProject } from '../helpers/report-cli';

interface Report {
  recommendations: ReportProject[];
}
const MILL = 'tests/fixtures/review/textile-dyeing.yaml';
const RING = '清梳联（自动控制）；并条；粗纱（托锭式粗纱机，人工落纱）；细纱（3 万锭环锭纺，1.2 万锭带集体落纱）；络筒（自动络筒机，电子清纱）';
const WEAVING = '整经（分批整经机）；浆纱（浆纱机 PLC 控制）；穿经；织造（200 台喷气织机，80 台接入织机监测系统）；验布（人工目视）';
const DYEING = '前处理（烧毛退浆煮漂联合机 PLC）；染色（16 台溢流染色机）；定形（2 台拉幅定形机）；验布（人工目视）';
const ROTOR = '清梳联（自动控制）；并条（2 道）；转杯纺（24 台半自动转杯纺纱机，人工接头和落筒）；筒纱打包（人工）';
const DYEING_WORDS = /染整|染色|缸号|前处理|定形/;
/** What only ring spinning has: roving, ring frames and their cops, the links between them and the winders. */
const RING_ZH = /粗纱|细纱|管纱|粗细联|细络联|集体落纱|络筒|钢领|锭/;
const RING_EN = /roving|ring frame|\bcops?\b|spinning-to-winding|winder|group doffing|spindle/i;
const WEAVING_WORDS = /织造|织轴|织机|整经|浆纱|穿经/;

const agv = (r: Report) => r.recommendations.find((x) => x.id === 'line-agv-delivery');
const texts = (list: { zh: string; en: string }[], lang: 'zh' | 'en' = 'zh') => list.map((t) => t[lang]).join(' ');
/** Every word of a project: title, evidence, measures, hardware, software, integration, benefits. */
const all = (r: ReportProject, lang: 'zh' | 'en' = 'zh') =>
  [r.title, ...r.evidence.map((e) => e.statement), ...r.measures, ...r.hardware, ...r.software, ...r.integration, r.benefits].filter(Boolean).map((t) => t[lang]).join(' ');
/** A variant of the mill's answers, with the consultant's overrides when given. */
function mill(name: string, answers: Record<string, unknown>, overrides?: unknown): string {
  const dir = tempDir('zhizao-mill-kinds-');
  const file = answerVariant(dir, MILL, name, answers);
  if (overrides === undefined) return file;
  const data = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  data.overrides = overrides;
  const out = path.join(dir, `overridden-${name}`);
  writeFileSync(out, stringify(data));
  return out;
}

describe('a spinning mill’s first step names only what it holds', () => {
  const LOW = { key_processes_list: RING, retrofit_budget_band: 'under_1m', retrofit_budget_amount: 80 };
  // the consultant phases the handling project (group doffing at the frames) into the plan period before this one
  const MOVED = { recommendations: { phase: { 'station-handling-palletising-robots': '0-6m', 'line-agv-delivery': '6-18m' } } };
  it('group doffing left to the handling project: a spinning-to-winding link pilot, in its title, software and integration', () => {
    const file = mill('low-budget-handling.yaml', LOW, MOVED);
    const step = agv(reportJson<Report>(file))!;
    expect(step.variant).toBe('spinning-first-step');
    expect(step.title).toEqual({ zh: '纺纱自动化第一步：一条细络联试点', en: 'A first step in spinning automation: one spinning-to-winding link' });
    expect(texts([step.title, ...step.hardware, ...step.software, ...step.integration])).not.toMatch(/落纱/);
    expect(texts([step.title, ...step.hardware, ...step.software, ...step.integration], 'en')).not.toMatch(/doff/i);
    expect(texts(step.measures)).toContain('集体落纱由本方案的落纱和搬运岗位“机器换人”项目加装，本项目不重复');
    expect(texts(step.measures)).toContain('细络联选哪一组机台、做几台');
    // as the plant and the office read it
    expect(reportMarkdown(file, 'zh')).toContain('\n#### 纺纱自动化第一步：一条细络联试点\n');
    expect(reportMarkdown(file, 'zh', '--audience', 'office')).toContain('\n#### 纺纱自动化第一步：一条细络联试点\n');
  });
  it('doffing in the step itself (no handling project in the plan period): doffing or a link, as before', () => {
    const step = agv(reportJson<Report>(mill('low-budget.yaml', LOW)))!;
    expect(step.variant).toBe('spinning-first-step');
    expect(step.title.zh).toBe('纺纱自动化第一步：一组细纱机集体落纱或一条细络联试点');
    expect(texts(step.software)).toBe('落纱和输送控制程序（随设备提供）');
    expect(texts(step.measures)).toContain('在一组细纱机上加装集体落纱装置');
  });
});

describe('an integrated mill’s transport project names what it spins, weaves and dyes', () => {
  it('spinning, weaving and dyeing (the consultant’s fixture): the spinning links, yarn to warping, beams to the looms, greige to pretreatment, trucks and rolls by dye lot', () => {
    const link = agv(reportJson<Report>(MILL))!;
    expect(link.variant).toBe('spinning-and-fabric-transport');
    expect(link.title).toEqual({
      zh: '纺纱、织造、染整工序间物料自动输送（粗细联、细络联、条筒、织轴、布车和布卷）',
      en: "Automatic transport in spinning, weaving and dyeing (roving-to-spinning and spinning-to-winding links, sliver cans, weaver's beams, fabric trucks and rolls)",
    });
    const steps = texts(link.measures);
    for (const step of ['粗细联：粗纱机自动落纱', '细络联：已带集体落纱的细纱机与自动络筒机连接', '条筒在梳棉、并条和粗纱之间', '筒纱从纱库运到整经改用 AGV 或输送线', '织轴从浆纱、穿经运到织机改用 AGV 或自动织轴运输车', '织造验布后的坯布运到染整前处理', '按缸号和工序叫车']) expect(steps).toContain(step);
    expect(texts(link.hardware)).toMatch(/织轴运输 AGV[\s\S]*布车或布卷 AGV/);
    expect(texts(link.integration)).toMatch(/织机了机和落布呼叫[\s\S]*缸号/);
    expect(link.benefits.zh).toMatch(/细纱机等粗纱[\s\S]*织机等上轴[\s\S]*错缸/);
    // two routes' worth: a spinning workshop's links and a route of the later processes (an estimate)
    expect(link.investment).toEqual({ min: 200, max: 1000 });
    expect(link.evidence.map((e) => e.statement.zh)).toEqual(['只有部分关键工序之间由输送装置自动衔接，其余仍靠人工搬运。']);
    expect(reportMarkdown(MILL, 'zh')).toContain('\n#### 纺纱、织造、染整工序间物料自动输送（粗细联、细络联、条筒、织轴、布车和布卷）\n');
  });
  it('its processes linked by hand: the evidence names the spinning material and the fabric moved by hand', () => {
    const link = agv(reportJson<Report>(mill('integrated-none.yaml', { req_automated_lines: 'none' })))!;
    expect(link.evidence.map((e) => [e.question, e.statement.zh])).toEqual([['req_automated_lines', '关键工序之间靠人工搬运衔接，纺纱的条筒、粗纱和管纱由人工运送，坯布和布卷由人工推运。']]);
    expect(link.evidence[0]!.statement.en).toBe('Key processes are linked by manual handling; in spinning, sliver cans, roving and cops are carried by hand, and greige and fabric rolls are pushed by hand.');
  });
  it('spinning and weaving: beams and cloth rolls, no dyeing', () => {
    const link = agv(reportJson<Report>(mill('spinning-weaving.yaml', { key_processes_list: `${RING}；${WEAVING}` })))!;
    expect(link.variant).toBe('spinning-and-fabric-transport');
    expect(link.title.zh).toBe('纺纱、织造工序间物料自动输送（粗细联、细络联、条筒、织轴和布卷）');
    expect(texts(link.measures)).toContain('织轴从浆纱、穿经运到织机');
    expect(all(link)).not.toMatch(DYEING_WORDS);
    expect(all(link, 'en')).not.toMatch(/dye|pretreatment|stenter/i);
  });
  it('spinning and dyeing of fabric: fabric trucks and rolls by dye lot, no weaving', () => {
    const link = agv(reportJson<Report>(mill('spinning-dyeing.yaml', { key_processes_list: `${RING}；${DYEING}` })))!;
    expect(link.variant).toBe('spinning-and-fabric-transport');
    expect(link.title.zh).toBe('纺纱、染整工序间物料自动输送（粗细联、细络联、条筒、布车和布卷）');
    expect(texts(link.measures)).toContain('按缸号和工序叫车');
    expect(all(link)).not.toMatch(WEAVING_WORDS);
    expect(all(link, 'en')).not.toMatch(/weav|loom|warp|beam/i);
  });
  it('spinning and dyeing only yarn (package dyeing): no fabric to move, the spinning links as a spinning mill’s', () => {
    const link = agv(reportJson<Report>(mill('spinning-package-dyeing.yaml', { key_processes_list: `${RING}；筒子纱染色（12 台高温高压筒子纱染色机）` })))!;
    expect(link.variant).toBe('spinning-links');
    expect(link.title.zh).toBe('纺纱工序间自动输送（粗细联、细络联与条筒输送）');
    expect(all(link)).not.toMatch(/布车|布卷|坯布/);
  });
  it('a small budget: the spinning first step, with the later processes’ transport named as a project of its own', () => {
    const low = { retrofit_budget_band: 'under_1m', retrofit_budget_amount: 80 };
    const integrated = agv(reportJson<Report>(mill('integrated-low.yaml', low)))!;
    expect(integrated.variant).toBe('spinning-first-step');
    expect(texts(integrated.measures)).toContain('后道工序的坯布和布卷自动输送（AGV 或输送线）另行立项');
    expect(integrated.investment.max).toBeLessThanOrEqual(80);
    const spinning = agv(reportJson<Report>(mill('spinning-low.yaml', { ...low, key_processes_list: RING })))!;
    expect(spinning.variant).toBe('spinning-first-step');
    expect(all(spinning)).not.toMatch(/坯布|布卷|后道/);
  });
  it('a mill of one trade keeps its project: spinning links, or fabric transport', () => {
    const spinning = agv(reportJson<Report>(mill('spinning.yaml', { key_processes_list: RING })))!;
    expect([spinning.variant, spinning.title.zh, spinning.investment]).toEqual(['spinning-links', '纺纱工序间自动输送（粗细联、细络联与条筒输送）', { min: 100, max: 500 }]);
    const weaving = agv(reportJson<Report>(mill('weaving.yaml', { key_processes_list: `络筒；${WEAVING}` })))!;
    expect([weaving.variant, weaving.title.zh]).toEqual(['mill-fabric-transport', '工序间布车和布卷等物料自动输送']);
  });
});

describe('a rotor (open-end) spinning mill: cans, packages and automatic doffing, no ring-spinning item', () => {
  it('转杯纺: sliver cans between carding, drawing and the rotor machines, automatic package doffing, packages to packing', () => {
    const link = agv(reportJson<Report>(mill('rotor.yaml', { key_processes_list: ROTOR, req_automated_lines: 'none' })))!;
    expect(link.variant).toBe('rotor-links');
    expect(link.title).toEqual({ zh: '转杯纺工序间自动输送（条筒输送、自动落筒与筒纱输送）', en: 'Automatic transport in rotor spinning (sliver cans, automatic package doffing and package transport)' });
    const steps = texts(link.measures);
    for (const step of ['条筒在梳棉、并条和转杯纺纱机之间改用条筒自动输送或 AGV', '加装自动落筒装置（落筒小车）', '落下的筒纱经机台上的输送带送到机台一端', '在用并条机和转杯纺纱机的接口']) expect(steps).toContain(step);
    expect(link.evidence.map((e) => [e.question, e.statement.zh])).toEqual([['req_automated_lines', '关键工序之间靠人工搬运衔接，纺纱的条筒和筒纱由人工运送。']]);
    expect(all(link)).not.toMatch(RING_ZH);
    expect(all(link, 'en')).not.toMatch(RING_EN);
    expect(link.investment).toEqual({ min: 80, max: 400 });
    expect(reportMarkdown(mill('rotor-md.yaml', { key_processes_list: ROTOR }), 'zh')).toContain('\n#### 转杯纺工序间自动输送（条筒输送、自动落筒与筒纱输送）\n');
  });
  it('named 气流纺, or open-end in English, without the word 纺纱: a spinning mill all the same, and a rotor one', () => {
    for (const [name, list] of [
      ['qiliufang.yaml', '开清棉；梳棉（12 台）；并条；气流纺（18 台全自动气流纺，自动接头和落筒）；筒纱包装'],
      ['open-end.yaml', 'Opening and carding; drawing; open-end rotor machines (24, semi-automatic); packing'],
    ] as const) {
      const link = agv(reportJson<Report>(mill(name, { key_processes_list: list })))!;
      expect(link, name).toBeDefined();
      expect(link.variant, name).toBe('rotor-links');
      expect(all(link), name).not.toMatch(RING_ZH);
    }
  });
  it('a small budget: a first step on one group of rotor machines, doffing or can and package transport', () => {
    const step = agv(reportJson<Report>(mill('rotor-low.yaml', { key_processes_list: ROTOR, retrofit_budget_band: 'under_1m', retrofit_budget_amount: 80 })))!;
    expect(step.variant).toBe('rotor-first-step');
    expect(step.title.zh).toBe('转杯纺自动化第一步：一组转杯纺纱机自动落筒或条筒、筒纱自动输送试点');
    expect(texts(step.measures)).toContain('在一组机台上加装自动落筒装置（落筒小车）');
    expect(texts(step.measures)).toContain('试用条筒 AGV 或条筒自动输送，或做一条从机台到包装的筒纱输送线');
    expect(step.investment.max).toBeLessThanOrEqual(80);
    expect(all(step)).not.toMatch(RING_ZH);
    expect(all(step, 'en')).not.toMatch(RING_EN);
  });
  it('rotor yarn woven in the mill (a denim mill): cans, packages, beams and cloth rolls, named as it does', () => {
    const link = agv(reportJson<Report>(mill('rotor-weaving.yaml', { key_processes_list: `${ROTOR}；${WEAVING}`, req_automated_lines: 'none' })))!;
    expect(link.variant).toBe('rotor-and-fabric-transport');
    expect(link.title.zh).toBe('转杯纺、织造工序间物料自动输送（条筒、筒纱、织轴和布卷）');
    expect(texts(link.measures)).toContain('织轴从浆纱、穿经运到织机');
    expect(link.evidence.map((e) => e.statement.zh)).toEqual(['关键工序之间靠人工搬运衔接，纺纱的条筒和筒纱由人工运送，坯布和布卷由人工推运。']);
    expect(all(link)).not.toMatch(RING_ZH);
    expect(all(link)).not.toMatch(DYEING_WORDS);
    expect(link.investment).toEqual({ min: 180, max: 900 });
  });
  it('a mill spinning on both ring frames and rotor machines is read as a ring mill (its ring links, as before)', () => {
    const link = agv(reportJson<Report>(mill('ring-and-rotor.yaml', { key_processes_list: `${RING}；转杯纺（8 台）` })))!;
    expect(link.variant).toBe('spinning-links');
  });
});

describe('the process-control project is a dyehouse’s: a mill that only spins or weaves does not get it', () => {
  const dcs = (r: Report) => r.recommendations.find((x) => x.id === 'line-process-dcs-control');
  it('ring spinning, rotor spinning or weaving only: no central dyeing control and dye kitchen; a dyehouse gets it', () => {
    for (const [name, list] of [['ring-only.yaml', RING], ['rotor-only.yaml', ROTOR], ['weaving-only.yaml', WEAVING]] as const) {
      const r = reportJson<Report>(mill(`dcs-${name}`, { key_processes_list: list }));
      expect(dcs(r), name).toBeUndefined();
      expect(JSON.stringify(r.recommendations.map((x) => x.title.zh)), name).not.toContain('染色机中控');
    }
    const dyehouse = dcs(reportJson<Report>(mill('dcs-dyeing-only.yaml', { key_processes_list: DYEING })));
    expect(dyehouse?.title.zh).toBe('染色机中控联网与染化料自动称量配送（印染）');
  });
});
