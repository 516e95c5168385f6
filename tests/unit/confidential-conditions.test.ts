// A project whose rule reads a confidential answer in a condition is kept from the office only for a plant whose other
// answers do not decide that condition: otherwise the office sees the project, without what rests on the secret.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { read } from '../helpers/defs';
import { plan, rules } from '../helpers/plan';

const GMP = 'factory-gmp-data-integrity';
const pharma = () => parse(read('tests/fixtures/review/pharma-solid-dose.yaml'));
const project = (file: unknown, id: string) => plan(file).recommendations.find((r) => r.id === id);

describe('a condition reading a confidential answer hides the project only where it tells that answer', () => {
  it('the GMP data-integrity rule is in place only when data rules, access control and backups all are: access control and backups are confidential', () => {
    expect(rules.byId.get(GMP)!.secretConditions).toHaveLength(1);
  });

  it('data rules not fully in place (an answer the office reads) decide it: the project is shown to the office, its confidential statements are not', () => {
    const file = pharma();
    expect(file.answers.req_data_rules).toBe('mostly');
    const r = project(file, GMP)!;
    expect(r.confidential).toBe(false);
    // what rests on access control or backups stays in the plant's own report
    const questions = r.evidence.map((e) => e.question);
    expect(questions).toContain('req_access_control');
    expect(r.officeView?.evidence.map((e) => e.question)).not.toContain('req_access_control');
    expect(r.officeView?.evidence.map((e) => e.question)).not.toContain('req_backup_restore');
    expect(r.officeView?.evidence.length).toBeGreaterThan(0);
  });

  it('data rules fully in place: whether the project is proposed turns on access control and backups, so the office never sees it', () => {
    const file = pharma();
    file.answers.req_data_rules = 'full';
    const r = project(file, GMP)!;
    expect(r.confidential).toBe(true);
  });
});
