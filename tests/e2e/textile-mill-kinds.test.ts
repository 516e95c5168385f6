// Textile mills (C17) of different kinds through the built CLI, as a consultant reads the automatic-transport project
// (line-agv-delivery) of each: its title, evidence and items must be true of the mill its key processes describe.
// - A spinning mill's first step with a small budget names only what it holds: where the plan's handling project fits
//   group doffing within the plan period, it is a spinning-to-winding link pilot (the title a variant gives as
//   alternatives, docs/rules.md "Variant titles"), not "doffing or a link".
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
