// A consultant's diagnosis and the company's own answers (a survey row, no assessor named) of the same plant sent
// within the conflict window after it: the diagnosis stays in the summary, the self-report is left out and said so. A
// programme office's figures must not depend on which of the two happened to be dated later.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, tempDir, zhizao } from '../helpers/cli';

interface Out {
  companies: { file: string; level: number | null; superseded: boolean; supersededAs?: string }[];
  summary: { companies: number; superseded: number; duplicates: { members: { file: string; relation: string }[] }[] };
}

const EXAMPLE = path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml');

/** The example plant's own answers to a short form (no assessor), dated `date`. */
function selfReport(dir: string, date: string): string {
  const plant = parse(readFileSync(EXAMPLE, 'utf8')) as { respondent: Record<string, unknown>; answers: Record<string, unknown>; notes?: unknown; evidence?: unknown };
  delete plant.respondent.assessor;
  delete plant.respondent.interviewees;
  plant.respondent.date = date;
  const keep = ['key_processes_total', 'key_processes_cnc', 'design_tools', 'designers_total', 'designers_digital', 'has_mes'];
  plant.answers = Object.fromEntries(Object.entries(plant.answers).filter(([id]) => keep.includes(id)));
  delete plant.notes;
  delete plant.evidence;
  const file = path.join(dir, `self-${date}.zhizao.yaml`);
  writeFileSync(file, stringify(plant));
  return file;
}

function batch(inputs: string[], out: string, lang: 'en' | 'zh' = 'en') {
  const r = zhizao(['batch', ...inputs, '-o', out, '--lang', lang, '--force']);
  expect(r.code, r.stderr).toBe(0);
  return { out: JSON.parse(readFileSync(out, 'utf8')) as Out, stderr: r.stderr };
}

describe('batch: a self-report sent within the window after a consultant\'s diagnosis', () => {
  const dir = tempDir('zhizao-self-report-');

  it('keeps the diagnosis in the summary, leaves the self-report out (supersededAs self-report) and says both rows', () => {
    const own = selfReport(dir, '2026-12-01'); // 11 days after the diagnosis of 2026-11-20
    const { out, stderr } = batch([EXAMPLE, own], path.join(dir, 'out.json'));
    const diagnosis = out.companies.find((c) => c.file.endsWith('discrete-machinery.zhizao.yaml'))!;
    const survey = out.companies.find((c) => c.file.endsWith('self-2026-12-01.zhizao.yaml'))!;
    expect(diagnosis.superseded).toBe(false);
    expect(diagnosis.level).toBe(1);
    expect(survey).toMatchObject({ superseded: true, supersededAs: 'self-report' });
    expect(out.summary).toMatchObject({ companies: 1, superseded: 1 });
    expect(out.summary.duplicates[0]!.members.map((m) => m.relation).sort()).toEqual(['current', 'self-report']);
    expect(stderr).toContain("the company's own answers (no assessor named) were sent less than 30 days after an assessor's diagnosis; the diagnosis counts");
    expect(stderr).not.toContain('submitted again less than');
    const zh = batch([EXAMPLE, own], path.join(dir, 'out-zh.json'), 'zh').stderr;
    expect(zh).toContain('顾问诊断后不到 30 天又收到企业自行填报的答卷（未注明评估人），以顾问诊断为准');
  });

  it('the other way round, and a self-report a month or more later, replace by date as before', () => {
    // a diagnosis 11 days after the company's own answers replaces them (a resubmission)
    const before = selfReport(dir, '2026-11-09');
    const first = batch([before, EXAMPLE], path.join(dir, 'before.json')).out;
    expect(first.companies.find((c) => c.file.endsWith('self-2026-11-09.zhizao.yaml'))).toMatchObject({ superseded: true, supersededAs: 'resubmission' });
    expect(first.companies.find((c) => c.file.endsWith('discrete-machinery.zhizao.yaml'))!.superseded).toBe(false);
    // 45 days after the diagnosis: a newer assessment of its own, the diagnosis its baseline
    const later = selfReport(dir, '2027-01-04');
    const second = batch([EXAMPLE, later], path.join(dir, 'later.json')).out;
    expect(second.companies.find((c) => c.file.endsWith('self-2027-01-04.zhizao.yaml'))!.superseded).toBe(false);
    expect(second.companies.find((c) => c.file.endsWith('discrete-machinery.zhizao.yaml'))).toMatchObject({ superseded: true, supersededAs: 'newer' });
  });
});
