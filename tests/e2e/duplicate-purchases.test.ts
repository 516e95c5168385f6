// A senior consultant's review: a plan buys each piece of equipment once. The first project in phase order that needs
// it buys it; a later project of the plan period names it as reused ("沿用本方案…项目配置的…"), and buys it itself
// when that project is not in the plan or comes after it. Runs the built CLI on the fixture plants and on copies of
// them whose consultant's overrides drop a project or move it to another phase.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Text } from '../../src/core/types';
import { tempDir, zhizao } from '../helpers/cli';

interface Rec {
  id: string;
  phase: string;
  hardware: Text[];
}

const PLANTS = 'tests/fixtures/plants';
const SMT_SMALL = `${PLANTS}/smt-small-no-systems.yaml`;
const FROZEN_FOOD = `${PLANTS}/frozen-food.yaml`;
const SMT = `${PLANTS}/smt-electronics.yaml`;
const SMALL_MACHINING = `${PLANTS}/small-machining-under-1m.yaml`;
const AUTOPARTS = 'tests/fixtures/review/autoparts-c36.yaml';

function report(file: string, args: string[]): string {
  const r = zhizao(['report', file, ...args]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}
/** The plan's projects by rule id, each with its phase and its hardware in both languages (items joined as shown). */
function plan(file: string): Map<string, { phase: string; zh: string; en: string }> {
  const recs = (JSON.parse(report(file, ['--format', 'json'])) as { recommendations: Rec[] }).recommendations;
  return new Map(recs.map((r) => [r.id, { phase: r.phase, zh: r.hardware.map((x) => x.zh).join('、'), en: r.hardware.map((x) => x.en).join(', ') }]));
}
function hardware(p: ReturnType<typeof plan>, id: string): string {
  const r = p.get(id);
  expect(r, id).toBeDefined();
  return r!.zh;
}
/** A copy of a fixture plant with the consultant's overrides of its plan (YAML, as written in the file). */
function withOverrides(file: string, recommendations: string): string {
  const text = readFileSync(file, 'utf8');
  expect(text).not.toMatch(/^overrides:/m);
  const copy = path.join(tempDir('zhizao-duplicate-purchases-'), path.basename(file));
  writeFileSync(copy, `${text.trimEnd()}\noverrides:\n  recommendations: ${recommendations}\n`);
  return copy;
}
/** Whether a hardware line buys the equipment: it names it, not as reused from another project ("…沿用…"). */
const buys = (line: string, thing: string) => line.includes(thing) && !new RegExp(`${thing}沿用|沿用[^）、]*${thing}`).test(line);
/** The projects of the plan period (not 'later') whose hardware buys the equipment. */
const buyers = (p: ReturnType<typeof plan>, thing: string) => [...p].filter(([, r]) => r.phase !== 'later' && buys(r.zh, thing)).map(([id]) => id);

describe('a one-line SMT shop buys its scanners and label printer once', () => {
  it('the feeder-verification project buys them and the SaaS kit, the line data project and the reel storage reuse them; without it, or after the kit, each buys its own', () => {
    const p = plan(SMT_SMALL);
    expect(p.get('station-smt-feeder-verification')?.phase).toBe('0-6m');
    expect(hardware(p, 'station-smt-feeder-verification')).toContain('手持扫码枪、料盘标签打印机');
    expect(hardware(p, 'workshop-sme-light-saas')).toBe('设备采集盒、平板或手机（标签打印机沿用本方案上料防错项目配置的）');
    expect(hardware(p, 'line-smt-data-acquisition')).toContain('扫码终端（沿用本方案上料防错项目配置的扫码枪）');
    // the reel storage comes after the plan period and still reuses the printer bought within it
    expect(p.get('workshop-wms-barcode')?.phase).toBe('later');
    expect(hardware(p, 'workshop-wms-barcode')).toBe('智能料架或料仓塔、防潮柜（料盘标签打印机沿用本方案上料防错项目配置的）');
    expect(p.get('workshop-sme-light-saas')!.en).toContain("the label printer is the one this plan's feeder-verification project provides");
    expect([...p].filter(([, r]) => buys(r.zh, '标签打印机')).map(([id]) => id)).toEqual(['station-smt-feeder-verification']);
    expect(buyers(p, '扫码')).toEqual(['station-smt-feeder-verification']);

    // without the feeder-verification project, each project buys its own
    const without = plan(withOverrides(SMT_SMALL, '{drop: [station-smt-feeder-verification]}'));
    expect(without.has('station-smt-feeder-verification')).toBe(false);
    expect(hardware(without, 'workshop-sme-light-saas')).toBe('设备采集盒、平板或手机、标签打印机');
    expect(hardware(without, 'line-smt-data-acquisition')).toMatch(/、扫码终端、/);
    expect(hardware(without, 'workshop-wms-barcode')).toBe('智能料架或料仓塔、防潮柜、标签打印机');
    for (const [, r] of without) expect(r.zh).not.toContain('上料防错项目');

    // a SaaS kit placed before the feeder-verification project buys its own label printer
    const after = plan(withOverrides(SMT_SMALL, '{phase: {station-smt-feeder-verification: "18-36m"}}'));
    expect(after.get('station-smt-feeder-verification')?.phase).toBe('18-36m');
    expect(after.get('workshop-sme-light-saas')?.phase).toBe('6-18m');
    expect(hardware(after, 'workshop-sme-light-saas')).toBe('设备采集盒、平板或手机、标签打印机');
  });

  it('the Markdown report shows the reuse in the 硬件选型 lines', () => {
    const md = report(SMT_SMALL, ['--format', 'md', '--lang', 'zh']);
    const lines = md.split('\n').filter((l) => l.startsWith('- 硬件选型: '));
    expect(lines.filter((l) => buys(l, '标签打印机'))).toEqual(['- 硬件选型: 手持扫码枪、料盘标签打印机；备料小车（飞达车）']);
    expect(md).toContain('- 硬件选型: 设备采集盒、平板或手机（标签打印机沿用本方案上料防错项目配置的）');
  });
});

describe('the frozen-food plant codes its packs with one set of coders', () => {
  it('the near-term traceability project buys the coders and the packing and palletising project reuses them; without it, the packing project buys them', () => {
    const p = plan(FROZEN_FOOD);
    expect(p.get('workshop-food-lot-traceability')?.phase).toBe('0-6m');
    expect(buys(hardware(p, 'workshop-food-lot-traceability'), '喷码机')).toBe(true);
    const packing = hardware(p, 'line-end-of-line-packaging');
    expect(packing).toContain('检重秤（喷码机沿用本方案食品批次追溯项目配置的；沿用现有金属检测机，接入剔除记录）');
    expect(buys(packing, '喷码机')).toBe(false);
    expect([...p].filter(([, r]) => buys(r.zh, '喷码机')).map(([id]) => id)).toEqual(['workshop-food-lot-traceability']);
    // without the traceability project, the packing project buys the coders
    const without = plan(withOverrides(FROZEN_FOOD, '{drop: [workshop-food-lot-traceability]}'));
    expect(hardware(without, 'line-end-of-line-packaging')).toContain('检重秤、喷码机（沿用现有金属检测机，接入剔除记录）');
    // the packing line moved into the same phase: still one buyer, the traceability project
    const tie = plan(withOverrides(FROZEN_FOOD, "{phase: {line-end-of-line-packaging: '0-6m'}}"));
    expect([...tie].filter(([, r]) => r.phase !== 'later' && buys(r.zh, '喷码机')).map(([id]) => id)).toEqual(['workshop-food-lot-traceability']);
    // the packing line before it: the packing line buys them, the traceability project reuses them
    const before = plan(withOverrides(FROZEN_FOOD, "{phase: {line-end-of-line-packaging: '0-6m', workshop-food-lot-traceability: '6-18m'}}"));
    expect(hardware(before, 'workshop-food-lot-traceability')).toBe('手持扫码终端或手机、标签打印机（喷码机沿用本方案包装线项目配置的）、投料点电子秤（带扫码和数据接口）');
    expect([...before].filter(([, r]) => r.phase !== 'later' && buys(r.zh, '喷码机')).map(([id]) => id)).toEqual(['line-end-of-line-packaging']);
  });
});

describe('the auto-parts plant buys its label printers and its control-room display once', () => {
  it('the MES extension buys the label printers, the parts traceability reuses them', () => {
    const p = plan(AUTOPARTS);
    expect(hardware(p, 'workshop-mes')).toBe('工位终端/平板、扫码枪、标签打印机');
    expect(hardware(p, 'workshop-traceability')).toBe('激光或针式打标机、读码器（标签打印机沿用本方案 MES 项目配置的）');
    expect(buyers(p, '标签打印机')).toEqual(['workshop-mes']);
  });

  it('the online safety monitoring buys the central display, the safety and environment platform shows its alarms there; without it, the platform buys one', () => {
    const p = plan(AUTOPARTS);
    expect(hardware(p, 'station-hazard-sensing')).toContain('集中监控屏（值班室）');
    expect(hardware(p, 'workshop-ehs-platform')).toContain('安全监控中心大屏（沿用本方案安全风险点在线监测项目配置的集中监控屏）');
    expect(p.get('workshop-ehs-platform')!.en).toContain("the central display this plan's online-monitoring project provides");
    // without those projects, the traceability and the platform buy their own
    const without = plan(withOverrides(AUTOPARTS, '{drop: [workshop-mes, station-hazard-sensing]}'));
    expect(hardware(without, 'workshop-traceability')).toBe('激光或针式打标机、读码器、标签打印机');
    expect(hardware(without, 'workshop-ehs-platform')).toMatch(/^安全监控中心大屏、应急广播/);
  });
});

describe('the SMT plant with an MES project scans its lines with the MES scanners', () => {
  it('the scanners are bought once, by whichever of the line data project and the SMT MES comes first (the MES in a tie)', () => {
    const MES_BUYS = '手持扫码终端、线体工控终端、板码镭雕或贴标设备';
    const MES_REUSES = '线体工控终端、板码镭雕或贴标设备（手持扫码终端沿用本方案 SMT 产线数据采集项目配置的）';
    const DATA_BUYS = '线体数据采集网关（交换机由本方案的车间设备联网项目提供）、扫码终端';
    const DATA_REUSES = '线体数据采集网关（交换机由本方案的车间设备联网项目提供）、扫码终端（沿用本方案 MES 项目配置的）';
    // The plant's ERP is not classified under MLPS (《网络安全法》第二十一条, shown not met): the security-zoning project
    // that classifies it comes first, in 0–6 months, and with it the MES the plant asked for would pass the 70 % share
    // of the 500 万元 ceiling by the end of 6–18 months; the MES goes to 18–36 months (its card says so and how to bring
    // it forward), after the line data project, which now buys the scanners and the MES reuses them
    const p = plan(SMT);
    expect(p.get('workshop-ot-security-zoning')?.phase).toBe('0-6m');
    expect(p.get('line-smt-data-acquisition')?.phase).toBe('6-18m');
    expect(p.get('workshop-mes')?.phase).toBe('18-36m');
    expect(hardware(p, 'line-smt-data-acquisition')).toBe(DATA_BUYS);
    expect(hardware(p, 'workshop-mes')).toBe(MES_REUSES);
    // the MES moved before the line data project (feeder checks and board traceability first) buys them, and the line
    // data project reuses them; in the same phase the MES buys
    const before = plan(withOverrides(SMT, "{phase: {workshop-mes: '0-6m'}}"));
    expect(hardware(before, 'workshop-mes')).toBe(MES_BUYS);
    expect(hardware(before, 'line-smt-data-acquisition')).toBe(DATA_REUSES);
    const tie = plan(withOverrides(SMT, "{phase: {workshop-mes: '6-18m'}}"));
    expect(hardware(tie, 'workshop-mes')).toBe(MES_BUYS);
    expect(hardware(tie, 'line-smt-data-acquisition')).toBe(DATA_REUSES);
    // without the MES the line data project buys its own
    const without = plan(withOverrides(SMT, '{drop: [workshop-mes]}'));
    expect(hardware(without, 'line-smt-data-acquisition')).toBe(DATA_BUYS);
  });
});

describe('the small machining supplier prints its part labels on the SaaS kit printer', () => {
  it('the part marking reuses the SaaS kit label printer, and buys one without the kit', () => {
    const p = plan(SMALL_MACHINING);
    expect(hardware(p, 'station-part-marking-traceability')).toBe('激光或针式打标机、读码器（标签打印机沿用本方案 SaaS 套件项目配置的）');
    const without = plan(withOverrides(SMALL_MACHINING, '{drop: [workshop-sme-light-saas]}'));
    expect(hardware(without, 'station-part-marking-traceability')).toBe('激光或针式打标机、读码器、标签打印机');
  });
});

describe('the discrete plant connects its remaining CNC machines once', () => {
  it('the DNC extension reuses the serial servers and switch ports of the earlier networking project, and buys them without it', () => {
    const DISCRETE = 'examples/discrete-machinery.zhizao.yaml';
    const p = plan(DISCRETE);
    expect(p.get('workshop-equipment-networking')?.phase).toBe('0-6m');
    expect(hardware(p, 'workshop-equipment-networking')).toContain('串口服务器');
    expect(hardware(p, 'line-dnc-cam')).toBe('机床端工控终端（串口服务器、网线和交换机端口沿用本方案车间设备联网项目配置的）');
    const without = plan(withOverrides(DISCRETE, '{drop: [workshop-equipment-networking]}'));
    expect(hardware(without, 'line-dnc-cam')).toBe('串口服务器、机床端工控终端、网线与交换机端口');
  });
});
