import { describe, expect, it } from 'vitest';
import { mergeAnswerFiles, openConflicts, type MergeInput } from '../../src/core/merge';
import type { AnswerFile } from '../../src/core/types';
import { mustAnswers, questionnaire } from '../helpers/defs';

const q = questionnaire('tests/fixtures/definitions/mini.yaml');
const file = (answers: Record<string, unknown>, extra: Omit<Partial<AnswerFile>, 'respondent'> & { respondent?: Partial<AnswerFile['respondent']> } = {}): AnswerFile => ({
  questionnaire: 'mini',
  version: '2',
  ...extra,
  respondent: { company: '郑州测试机械有限公司', site: '一厂', industry: 'discrete', ...extra.respondent },
  answers: answers as AnswerFile['answers'],
});
const merge = (files: [string, AnswerFile][], prefer?: string) => mergeAnswerFiles(files.map(([name, data]): MergeInput => ({ name, data })), q, prefer);

describe('merging the answers of several interviewees', () => {
  it('takes answers given in one file only, and equal answers once', () => {
    const r = merge([
      ['design.yaml', file({ design_level: 'pdm', designers_total: 10, has_mes: true })],
      ['production.yaml', file({ key_processes_total: 12, has_mes: true })],
    ]);
    expect(r.conflicts).toEqual([]);
    expect(r.problems).toEqual([]);
    expect(r.merged.answers).toEqual({ design_level: 'pdm', designers_total: 10, key_processes_total: 12, has_mes: true });
  });

  it('compares after normalisation: 50% and 0.5, level 2 and "pdm", 是 and true, list order', () => {
    const r = merge([
      ['a.yaml', file({ defect_rate: '50%', design_level: 2, has_mes: '是', design_tools: 'cad3d;cad2d', bom_control: '全部满足' })],
      ['b.yaml', file({ defect_rate: 0.5, design_level: 'pdm', has_mes: true, design_tools: ['cad2d', 'cad3d'], bom_control: 'full' })],
    ]);
    expect(r.conflicts).toEqual([]);
    // the merged file holds canonical values
    expect(r.merged.answers).toMatchObject({ defect_rate: 0.5, design_level: 'pdm', has_mes: true, bom_control: 'full' });
    expect([...(r.merged.answers!.design_tools as string[])].sort()).toEqual(['cad2d', 'cad3d']);
  });

  it('lists different answers as a conflict and leaves the question unanswered, candidates in its note', () => {
    const r = merge([
      ['design.yaml', file({ key_processes_total: 12 })],
      ['production.yaml', file({ key_processes_total: 14 })],
    ]);
    expect(r.conflicts).toEqual([
      {
        field: 'answers.key_processes_total',
        question: 'key_processes_total',
        values: [
          { file: 'design.yaml', value: 12 },
          { file: 'production.yaml', value: 14 },
        ],
        resolved: false,
      },
    ]);
    expect(openConflicts(r.conflicts)).toHaveLength(1);
    expect(r.merged.answers).not.toHaveProperty('key_processes_total');
    const note = r.merged.notes!.key_processes_total as { text: string; internal: boolean };
    expect(note.internal).toBe(true); // working material for the consultant, never shown to the client
    expect(note.text).toContain('design.yaml: 12');
    expect(note.text).toContain('production.yaml: 14');
  });

  it('--prefer names the file that wins', () => {
    const r = merge(
      [
        ['design.yaml', file({ key_processes_total: 12, designers_total: 8 })],
        ['production.yaml', file({ key_processes_total: 14 })],
        ['it.yaml', file({ designers_total: 9 })],
      ],
      'production.yaml',
    );
    expect(r.merged.answers!.key_processes_total).toBe(14);
    expect(r.conflicts.find((c) => c.question === 'key_processes_total')).toMatchObject({ resolved: true, chosen: 'production.yaml' });
    // production.yaml did not answer designers_total: that conflict stays open
    expect(r.conflicts.find((c) => c.question === 'designers_total')).toMatchObject({ resolved: false });
    expect(r.merged.answers).not.toHaveProperty('designers_total');
    expect(openConflicts(r.conflicts).map((c) => c.question)).toEqual(['designers_total']);
  });

  it('an unknown --prefer is a problem', () => {
    const r = merge([['a.yaml', file({})]], 'nope.yaml');
    expect(r.problems.map((p) => p.code)).toEqual(['merge.prefer-unknown']);
  });

  it('"unknown" yields to a real answer; "n/a" against an answer is a conflict', () => {
    const r = merge([
      ['a.yaml', file({ key_processes_cnc: 'unknown', design_level: 'n/a' })],
      ['b.yaml', file({ key_processes_cnc: 5, design_level: 'pdm' })],
    ]);
    expect(r.merged.answers!.key_processes_cnc).toBe(5);
    expect(r.conflicts.map((c) => c.question)).toEqual(['design_level']);
    const both = merge([
      ['a.yaml', file({ key_processes_cnc: 'unknown' })],
      ['b.yaml', file({ key_processes_cnc: '不清楚' })],
    ]);
    expect(both.merged.answers!.key_processes_cnc).toBe('unknown');
    expect(both.conflicts).toEqual([]);
  });

  it('concatenates notes naming the source file; client-visible parts stay visible, internal parts stay internal', () => {
    const r = merge([
      ['design.yaml', { ...file({}), notes: { design_level: 'PDM 在用', main_bottleneck: { text: '工控网未隔离', internal: true } } }],
      ['production.yaml', { ...file({}), notes: { design_level: '车间看不到三维模型', main_bottleneck: '产能不足' } }],
      ['it.yaml', { ...file({}), notes: { design_level: 'PDM 在用' } }],
    ]);
    expect(r.merged.notes!.design_level).toBe('[design.yaml, it.yaml] PDM 在用\n[production.yaml] 车间看不到三维模型');
    expect(r.merged.notes!.main_bottleneck).toEqual({ text: '[production.yaml] 产能不足', internal_text: '[design.yaml] 工控网未隔离' });
    // only internal parts: an internal note; merged again with a visible note, the internal part is kept apart
    const again = merge([
      ['merged.yaml', { ...file({}), notes: { main_bottleneck: r.merged.notes!.main_bottleneck! } }],
      ['it.yaml', { ...file({}), notes: { main_bottleneck: { text: '备件库存不清', internal: true } } }],
    ]);
    expect(again.merged.notes!.main_bottleneck).toEqual({
      text: '[merged.yaml] [production.yaml] 产能不足',
      internal_text: '[merged.yaml] [design.yaml] 工控网未隔离\n[it.yaml] 备件库存不清',
    });
  });

  it('evidence records: agreed, else the preferred (or first) file\'s with a warning', () => {
    const a = { ...file({}), evidence: { bom_control: { type: 'document' as const, ref: 'BOM.xlsx' } } };
    const b = { ...file({}), evidence: { bom_control: { type: 'observation' as const }, design_level: { type: 'demo' as const } } };
    const r = merge([
      ['a.yaml', a],
      ['b.yaml', b],
    ]);
    expect(r.merged.evidence).toEqual({ design_level: { type: 'demo' }, bom_control: { type: 'document', ref: 'BOM.xlsx' } });
    expect(r.problems.map((p) => p.code)).toEqual(['merge.evidence-differ']);
    const same = merge([
      ['a.yaml', a],
      ['c.yaml', a],
    ]);
    expect(same.problems).toEqual([]);
  });

  it('keeps the findings an assessor confirmed in any file; two notes on one are both kept', () => {
    const r = merge([
      ['a.yaml', { ...file({}), confirmed: { 'qms-vs-quality-level': 'MES 质量模块在用', 'equipment-level-vs-cnc-rate': '专机线' } }],
      ['b.yaml', { ...file({}), confirmed: { 'qms-vs-quality-level': '质量部确认' } }],
    ]);
    expect(r.merged.confirmed).toEqual({ 'qms-vs-quality-level': 'MES 质量模块在用；质量部确认', 'equipment-level-vs-cnc-rate': '专机线' });
    expect(merge([['a.yaml', file({})], ['b.yaml', file({})]]).merged.confirmed).toBeUndefined();
  });

  it('unites interviewees and assessors, keeps the latest date, agrees optional respondent fields', () => {
    const r = merge([
      ['a.yaml', file({}, { respondent: { interviewees: ['设计部 李工'], assessor: '王工', date: '2026-11-20', sector: 'C34' } })],
      ['b.yaml', file({}, { respondent: { interviewees: ['生产部 赵经理', '设计部 李工'], assessor: '王工', date: '2026-11-21' } })],
    ]);
    expect(r.merged.respondent).toMatchObject({ interviewees: ['设计部 李工', '生产部 赵经理'], assessor: '王工', date: '2026-11-21', sector: 'C34', company: '郑州测试机械有限公司', site: '一厂' });
    expect(r.conflicts).toEqual([]);
  });

  it('refuses files of different plants', () => {
    const other = merge([
      ['a.yaml', file({})],
      ['b.yaml', file({}, { respondent: { company: '另一家公司' } })],
    ]);
    expect(other.problems).toEqual([expect.objectContaining({ severity: 'error', code: 'merge.plant-mismatch' })]);
    expect(other.problems[0]!.message.en).toContain('另一家公司');
    const site = merge([
      ['a.yaml', file({})],
      ['b.yaml', file({}, { respondent: { site: '二厂' } })],
    ]);
    expect(site.problems.map((p) => p.code)).toEqual(['merge.plant-mismatch']);
    const code = merge([
      ['a.yaml', file({}, { respondent: { credit_code: '91410100MA45K7R84Q' } })],
      ['b.yaml', file({}, { respondent: { credit_code: '91410100MA45K7R85X' } })],
    ]);
    expect(code.problems.map((p) => p.code)).toEqual(['merge.plant-mismatch']);
  });

  it('names and sites differing only in case and spacing: one plant, as batch and compare see it', () => {
    const r = merge([
      ['a.yaml', file({}, { respondent: { company: 'ACME Machinery', site: 'Plant 1' } })],
      ['b.yaml', file({}, { respondent: { company: 'Acme  machinery', site: 'PLANT 1' } })],
    ]);
    expect(r.problems).toEqual([]);
    expect(r.conflicts.filter((c) => c.field.startsWith('respondent.'))).toEqual([]);
  });

  it('the same credit code with differently written company names is one plant (a conflict on the name)', () => {
    const r = merge([
      ['a.yaml', file({}, { respondent: { credit_code: '91410100MA45K7R84Q' } })],
      ['b.yaml', file({}, { respondent: { credit_code: '91410100MA45K7R84Q', company: '郑州测试机械公司' } })],
    ]);
    expect(r.problems).toEqual([]);
    expect(r.conflicts).toEqual([expect.objectContaining({ field: 'respondent.company', resolved: false, chosen: 'a.yaml' })]);
    expect(r.merged.respondent.company).toBe('郑州测试机械有限公司');
    // full-width and half-width brackets are the same name
    const brackets = merge([
      ['a.yaml', file({}, { respondent: { company: '甲（郑州）公司' } })],
      ['b.yaml', file({}, { respondent: { company: '甲(郑州)公司' } })],
    ]);
    expect(brackets.problems).toEqual([]);
    expect(brackets.conflicts).toEqual([]);
  });

  it('industry and KPI period disagreements are conflicts; --prefer resolves them', () => {
    const files: [string, AnswerFile][] = [
      ['a.yaml', file({}, { kpis: { period: '2025', units: { kpi_operating_cost: '元/件' } } })],
      ['b.yaml', file({}, { respondent: { industry: 'mixed' }, kpis: { period: '2024', units: { kpi_operating_cost: '元/件' } } })],
    ];
    const r = merge(files);
    expect(r.conflicts.map((c) => [c.field, c.resolved])).toEqual([
      ['respondent.industry', false],
      ['kpis.period', false],
    ]);
    expect(r.merged.respondent.industry).toBe('discrete'); // required: the first file's value is kept for now
    expect(r.merged.kpis).toEqual({ units: { kpi_operating_cost: '元/件' } });
    const p = merge(files, 'b.yaml');
    expect(p.merged.respondent.industry).toBe('mixed');
    expect(p.merged.kpis?.period).toBe('2024');
    expect(openConflicts(p.conflicts)).toEqual([]);
  });

  it('refuses files of different questionnaires and warns on different versions', () => {
    const r = merge([
      ['a.yaml', file({})],
      ['b.yaml', { ...file({}), questionnaire: 'other' }],
    ]);
    expect(r.problems.map((p) => p.code)).toContain('merge.questionnaire-mismatch');
    const v = merge([
      ['a.yaml', file({}, { version: '1' })],
      ['b.yaml', file({})],
    ]);
    expect(v.merged.version).toBe('2');
    expect(v.problems.map((p) => [p.code, p.severity])).toEqual([['merge.version-mismatch', 'warning']]);
  });

  it('reports invalid answers as problems', () => {
    const r = merge([['a.yaml', file({ has_mes: 'perhaps' })]]);
    expect(r.problems).toEqual([expect.objectContaining({ severity: 'error', code: 'merge.invalid-answer' })]);
  });

  it('the merged file resolves against the questionnaire', () => {
    const r = merge([
      ['design.yaml', file({ design_level: 'pdm', bom_control: 'mostly' })],
      ['production.yaml', file({ has_mes: true, mes_modules: ['orders'], key_processes_total: 12, key_processes_cnc: 5 })],
    ]);
    const a = mustAnswers(q, r.merged);
    expect(a.resolved.get('design_level')?.value).toBe('pdm');
    expect(a.resolved.get('key_processes_cnc')?.value).toBe(5);
    expect(r.merged.progress).toBeUndefined();
  });
});
