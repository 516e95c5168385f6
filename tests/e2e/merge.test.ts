import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, FIXTURES, tempDir, zhizao } from '../helpers/cli';

// Runs the BUILT bin: `npm run build` first (npm test does).
const DIR = path.join(FIXTURES, 'merge');
const DESIGN = path.join(DIR, 'design.yaml');
const PRODUCTION = path.join(DIR, 'production.yaml');
const OTHER = path.join(DIR, 'other-plant.yaml');
const Q = ['--questionnaire', path.join(FIXTURES, 'definitions', 'mini.yaml')];

describe('zhizao merge (built CLI)', () => {
  it('combines two interviews; a conflict left open gives exit 1 and an unanswered question with the candidates in its note', () => {
    const out = path.join(tempDir(), 'plant.zhizao.yaml');
    const r = zhizao(['merge', DESIGN, PRODUCTION, '-o', out, ...Q]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('key_processes_total: design.yaml = 12 | production.yaml = 14 → left unanswered');
    expect(r.stderr).toMatch(/merged 2 files: 12 answers, 1 conflict\(s\), 1 left open/);
    const m = parse(readFileSync(out, 'utf8'));
    expect(m.answers).not.toHaveProperty('key_processes_total');
    // answers given once are taken; the same answer in both ("2%" and 0.02) once
    expect(m.answers).toMatchObject({ design_level: 'pdm', key_processes_cnc: 6, has_mes: true, defect_rate: 0.02, production_mode: 'mto' });
    // a conflict note is the consultant's working material: internal, never in a client report; the
    // client-visible note of the same question stays client-visible
    expect(m.notes.key_processes_total).toEqual({ text: '[production.yaml] 按工艺路线统计的关键工序', internal_text: '合并冲突，未采用任何答案 / merge conflict, left unanswered — design.yaml: 12; production.yaml: 14' });
    // exit 1 says why, and how to settle it
    expect(r.stderr.replace(/\s+/g, ' ')).toMatch(/exit status 1 while 1 question is open: it is left unanswered in .*plant\.zhizao\.yaml with the candidate values in the internal note; settle it with .* assess .*plant\.zhizao\.yaml, or merge again with --prefer FILE/);
    // notes concatenated with the source file named; internal stays internal
    expect(m.notes.design_level).toBe('[design.yaml] PDM 管理图纸和 BOM 版本\n[production.yaml] 车间终端能看到 PDM 图纸');
    expect(m.notes.bom_control).toEqual({ text: '[design.yaml] 变更单仍有纸质流转', internal: true });
    expect(m.respondent).toMatchObject({ company: '郑州测试机械有限公司', site: '一厂', interviewees: ['设计部 李工', '生产部 赵经理'], date: '2026-11-21', assessor: '王工' });
    // the merged file is a valid answer file
    expect(zhizao(['validate', out, ...Q]).code).toBe(0);
    // the client report shows the client-visible part of a merged note, never the internal part
    const report = zhizao(['report', out, ...Q, '--report-lang', 'zh']);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toContain('按工艺路线统计的关键工序');
    expect(report.stdout).not.toContain('合并冲突');
    expect(report.stdout).not.toContain('变更单仍有纸质流转');
  });

  it('--prefer names the file that wins: exit 0', () => {
    const out = path.join(tempDir(), 'plant.zhizao.yaml');
    const r = zhizao(['merge', DESIGN, PRODUCTION, '-o', out, '--prefer', PRODUCTION, ...Q]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('took production.yaml (--prefer)');
    expect(parse(readFileSync(out, 'utf8')).answers.key_processes_total).toBe(14);
  });

  it('--prefer with a file that is not merged: exit 1', () => {
    const out = path.join(tempDir(), 'plant.zhizao.yaml');
    const r = zhizao(['merge', DESIGN, PRODUCTION, '-o', out, '--prefer', OTHER, ...Q]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is not one of the files being merged/);
    expect(existsSync(out)).toBe(false);
  });

  it('files of different plants: exit 1 with a clear message, nothing written', () => {
    const out = path.join(tempDir(), 'plant.zhizao.yaml');
    const r = zhizao(['merge', DESIGN, OTHER, '-o', out, ...Q]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not about the same plant/);
    expect(r.stderr).toContain('洛阳另一家机械有限公司');
    expect(existsSync(out)).toBe(false);
  });

  it('a file merged with a copy of itself: exit 0, the same answers', () => {
    const dir = tempDir();
    const copy = path.join(dir, 'design-copy.yaml');
    copyFileSync(DESIGN, copy);
    const out = path.join(dir, 'm.yaml');
    const r = zhizao(['merge', DESIGN, copy, '-o', out, ...Q, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ conflicts: [], open: 0, written: true });
    const original = parse(readFileSync(DESIGN, 'utf8')).answers;
    const merged = parse(readFileSync(out, 'utf8')).answers;
    expect(merged).toEqual({ ...original, defect_rate: 0.02 }); // "2%" written canonically as a fraction
  });

  it('never overwrites OUT without --force', () => {
    const out = path.join(tempDir(), 'm.yaml');
    writeFileSync(out, 'keep me');
    const r = zhizao(['merge', DESIGN, PRODUCTION, '-o', out, '--prefer', PRODUCTION, ...Q]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--force');
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect(zhizao(['merge', DESIGN, PRODUCTION, '-o', out, '--prefer', PRODUCTION, '--force', ...Q]).code).toBe(0);
    expect(parse(readFileSync(out, 'utf8')).answers.key_processes_total).toBe(14);
  });

  it('--json lists the conflicts with each file’s value', () => {
    const out = path.join(tempDir(), 'm.yaml');
    const r = zhizao(['merge', DESIGN, PRODUCTION, '-o', out, '--json', ...Q]);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.conflicts).toEqual([
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
    expect(j).toMatchObject({ open: 1, written: true, valid: true });
  });

  it('an invalid input file: exit 1, nothing written', () => {
    const dir = tempDir();
    const bad = path.join(dir, 'bad.yaml');
    const doc = parse(readFileSync(DESIGN, 'utf8'));
    doc.answers.design_level = 'quantum';
    writeFileSync(bad, stringify(doc));
    const out = path.join(dir, 'm.yaml');
    const r = zhizao(['merge', bad, PRODUCTION, '-o', out, ...Q]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.yaml:\d+:\d+ error .*quantum/);
    expect(existsSync(out)).toBe(false);
  });

  it('answers from different interviews that break a cross-field check: OUT is written for hand-editing, exit 1', () => {
    const dir = tempDir();
    const a = path.join(dir, 'a.yaml');
    const b = path.join(dir, 'b.yaml');
    const base = parse(readFileSync(DESIGN, 'utf8'));
    writeFileSync(a, stringify({ ...base, answers: { key_processes_total: 4 }, notes: null }));
    writeFileSync(b, stringify({ ...base, answers: { key_processes_cnc: 6 }, notes: null }));
    const out = path.join(dir, 'm.yaml');
    const r = zhizao(['merge', a, b, '-o', out, ...Q]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/m\.yaml:1:1 error CNC key processes cannot exceed all key processes/);
    expect(r.stderr).toMatch(/does not validate/);
    expect(parse(readFileSync(out, 'utf8')).answers).toEqual({ key_processes_total: 4, key_processes_cnc: 6 });
  });

  it('-o is required', () => {
    expect(zhizao(['merge', DESIGN, PRODUCTION, ...Q]).code).toBe(2);
  });

  it('on the bundled questionnaire: the example split into two interviews merges back', () => {
    const dir = tempDir();
    const full = parse(readFileSync(path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), 'utf8'));
    const ids = Object.keys(full.answers);
    const half = Math.floor(ids.length / 2);
    const part = (keep: string[], who: string) => ({ ...full, respondent: { ...full.respondent, interviewees: [who] }, answers: Object.fromEntries(keep.map((id) => [id, full.answers[id]])) });
    writeFileSync(path.join(dir, 'a.yaml'), stringify(part(ids.slice(0, half + 3), '设计部 李工')));
    writeFileSync(path.join(dir, 'b.yaml'), stringify(part(ids.slice(half - 3), '生产部 赵经理')));
    const out = path.join(dir, 'plant.yaml');
    const r = zhizao(['merge', path.join(dir, 'a.yaml'), path.join(dir, 'b.yaml'), '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const s1 = JSON.parse(zhizao(['score', path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), '--json']).stdout);
    const s2 = JSON.parse(zhizao(['score', out, '--json']).stdout);
    expect(s2.maturity).toEqual(s1.maturity);
    expect(s2.indicators).toEqual(s1.indicators);
  });
});

describe('score --merge (built CLI)', () => {
  it('scores several interviews of one plant merged in memory, conflicts on stderr', () => {
    const r = zhizao(['score', DESIGN, PRODUCTION, '--merge', '--json', ...Q]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('key_processes_total: design.yaml = 12 | production.yaml = 14');
    const s = JSON.parse(r.stdout);
    expect(s.respondent.interviewees).toEqual(['设计部 李工', '生产部 赵经理']);
    expect(s.unanswered).toContain('key_processes_total');
    // cnc-rate is not computable while the number of key processes is in conflict
    expect(s.indicators.find((i: any) => i.id === 'cnc-rate').value).toBeNull();
    expect(s.indicators.find((i: any) => i.id === 'design-tool-penetration').value).toBe(0.8);
  });

  it('the in-memory merge scores like the merged file', () => {
    const out = path.join(tempDir(), 'm.yaml');
    zhizao(['merge', DESIGN, PRODUCTION, '-o', out, ...Q]);
    const a = JSON.parse(zhizao(['score', DESIGN, PRODUCTION, '--merge', '--json', ...Q]).stdout);
    const b = JSON.parse(zhizao(['score', out, '--json', ...Q]).stdout);
    expect(a.maturity).toEqual(b.maturity);
    expect(a.sections).toEqual(b.sections);
  });

  it('different plants: exit 1; several files without --merge: exit 2', () => {
    const r = zhizao(['score', DESIGN, OTHER, '--merge', ...Q]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not about the same plant/);
    expect(zhizao(['score', DESIGN, PRODUCTION, ...Q]).code).toBe(2);
  });
});
