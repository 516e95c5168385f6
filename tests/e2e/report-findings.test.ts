import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, tempDir, zhizao } from '../helpers/cli';

/** The discrete example with two inconsistencies: one about equipment (open), one naming a confidential answer. */
function inconsistentPlant(): string {
  const doc = parse(readFileSync(path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), 'utf8')) as { answers: Record<string, unknown> };
  doc.answers.equipment_level = 'key_digital'; // level 2: "more than half of the key processes on CNC", against 5 of 12
  doc.answers.mlps_filing_level = 'not_classified';
  doc.answers.information_security_level = 'assessed'; // security level 3 without a classified-protection filing
  const file = path.join(tempDir('zhizao-findings-'), 'plant.zhizao.yaml');
  writeFileSync(file, stringify(doc));
  return file;
}

describe('consistency checks in score and report', () => {
  const file = inconsistentPlant();

  it('score --json lists the findings with the questions they name', () => {
    const r = zhizao(['score', file, '--json']);
    expect(r.code).toBe(0);
    const findings = JSON.parse(r.stdout).findings as { id: string; questions: string[] }[];
    expect(findings.map((f) => f.id)).toContain('equipment-level-vs-cnc-rate');
    expect(findings.find((f) => f.id === 'equipment-level-vs-cnc-rate')!.questions).toEqual(expect.arrayContaining(['equipment_level', 'key_processes_cnc']));
  });

  it('the client report counts and lists them all (the plant’s own answers); the office report lists them, never one naming a confidential answer', () => {
    const client = zhizao(['report', file, '--lang', 'en']).stdout;
    const office = zhizao(['report', file, '--lang', 'en', '--audience', 'office']).stdout;
    const score = JSON.parse(zhizao(['score', file, '--json']).stdout) as { findings: { id: string; questions: string[]; message: { en: string } }[] };
    const n = score.findings.length;
    expect(n).toBeGreaterThanOrEqual(2);
    expect(client).toContain(`Consistency checks: ${n} places where answers contradict each other`);
    const equipment = score.findings.find((f) => f.id === 'equipment-level-vs-cnc-rate')!.message.en;
    expect(client).toContain(equipment.slice(0, 40));
    expect(office).toContain(equipment.slice(0, 40));
    const secret = score.findings.find((f) => f.questions.includes('mlps_filing_level'));
    expect(secret, 'a finding about the classified-protection filing').toBeDefined();
    expect(client).toContain(secret!.message.en.slice(0, 40));
    expect(office).not.toContain(secret!.message.en.slice(0, 40));
  });
});

describe('a finding the assessor checked and found true (the file\'s `confirmed`)', () => {
  const confirmedPlant = (extra: Record<string, string>) => {
    const doc = parse(readFileSync(inconsistentPlant(), 'utf8')) as Record<string, unknown>;
    doc.confirmed = { 'equipment-level-vs-cnc-rate': '现场核对：5 道关键工序数控化，另 4 道为专机自动线，自评按整线自动化计', ...extra };
    const file = path.join(tempDir('zhizao-confirmed-'), 'plant.zhizao.yaml');
    writeFileSync(file, stringify(doc));
    return file;
  };
  const zh = { env: { LANG: 'zh_CN.UTF-8' } };

  it('is no longer a warning, a contradiction in the report or a batch problem; the report says it was checked and what was found', () => {
    const before = zhizao(['validate', inconsistentPlant(), '--json']);
    const file = confirmedPlant({});
    const v = zhizao(['validate', file, '--json']);
    expect(v.code).toBe(0);
    const codes = (r: { stdout: string }) => (JSON.parse(r.stdout) as { files: { findings?: { check: string }[] }[] }).files[0]!.findings!.map((f) => f.check);
    expect(codes(before)).toContain('equipment-level-vs-cnc-rate');
    expect(codes(v)).not.toContain('equipment-level-vs-cnc-rate');
    const score = JSON.parse(zhizao(['score', file, '--json']).stdout) as { findings: { id: string }[]; confirmedFindings: { id: string; note: string }[] };
    expect(score.findings.map((f) => f.id)).not.toContain('equipment-level-vs-cnc-rate');
    expect(score.confirmedFindings).toEqual([expect.objectContaining({ id: 'equipment-level-vs-cnc-rate', note: expect.stringContaining('现场核对') })]);
    const md = zhizao(['report', file, '-o', '-'], zh).stdout;
    expect(md).toMatch(/另有 1 处提示已由诊断人员核实，答案属实：“装备水平选了‘[^”]*”——核实：现场核对：5 道关键工序数控化/);
    // the office: counted, without the assessor's words
    const office = zhizao(['report', file, '--audience', 'office', '-o', '-'], zh).stdout;
    expect(office).toContain('另有 1 处提示已由诊断人员核实，答案属实。');
    expect(office).not.toContain('现场核对');
    const out = path.join(tempDir('zhizao-confirmed-batch-'), 'out.json');
    zhizao(['batch', file, '-o', out]);
    const problems = (JSON.parse(readFileSync(out, 'utf8')) as { problems: { message: string }[] }).problems.map((p) => p.message).join('\n');
    expect(problems).not.toMatch(/more than half of the key processes|关键工序/);
  });

  it('a misspelt key, or one the answers no longer raise, is a warning at its line', () => {
    const file = confirmedPlant({ 'equipment-level-vs-cnc': '拼错', 'qms-vs-quality-level': '已不再出现' });
    const v = zhizao(['validate', file], zh);
    expect(v.stderr).toMatch(/plant\.zhizao\.yaml:\d+:\d+ 警告 confirmed\.equipment-level-vs-cnc：没有名为“equipment-level-vs-cnc”的一致性检查/);
    expect(v.stderr).toMatch(/plant\.zhizao\.yaml:\d+:\d+ 警告 confirmed\.qms-vs-quality-level：按现在的答案已不再出现“qms-vs-quality-level”提示/);
  });
});
