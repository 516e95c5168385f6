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
