// The plan's goal for every class A company (郑政文〔2018〕168号 四(一)), through the built CLI: a batch is a sample of
// them, so its class A companies all retrofitting does not show the goal met (not judged, said why), while one of
// them not retrofitting shows it missed. The share is published either way.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, tempDir, zhizao } from '../helpers/cli';
import { csvTable } from '../helpers/csv-table';

type Plant = { respondent: Record<string, unknown>; answers: Record<string, unknown> };

describe('batch: the goal for all class A companies', () => {
  const dir = tempDir('zhizao-class-goals-');
  const table = (file: string) => csvTable(path.join(dir, file));
  const files: string[] = [];
  beforeAll(() => {
    const base = parse(readFileSync(path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), 'utf8')) as Plant;
    (['in-progress', 'done', 'none'] as const).forEach((status, i) => {
      const p = structuredClone(base);
      p.respondent.company = `郑州${'甲乙丙'[i]}机械有限公司`;
      delete p.respondent.credit_code;
      p.respondent.enterprise_class = 'A';
      p.respondent.retrofit_status = { status, year: 2025 };
      files.push(`a${i}.zhizao.yaml`);
      writeFileSync(path.join(dir, files[i]!), stringify(p));
    });
  });
  const run = (out: string, inputs: string[]) => {
    const r = zhizao(['batch', ...inputs, '-o', out, '--min-group-size', '1', '--lang', 'zh', '--force'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const stem = out.replace(/\.csv$/, '');
    return { share: table(`${stem}.summary.csv`).find((r) => r.section === 'by_class' && r.item === 'share')!, plan: table(`${stem}.plan.csv`).find((r) => r.id === 'class-a-retrofit-share')! };
  };

  it('all of the batch\'s class A companies retrofitting: the share is published, the goal not judged, and the reason given', () => {
    const { share, plan } = run('two.csv', files.slice(0, 2));
    for (const [row, met] of [[share, share.met], [plan, plan.met_plain]] as const) {
      expect(met).toBe('');
      expect(row.verdict_note).toContain('目标针对该类全部企业：本批次 2 家均在改造，不能说明该类其他企业也在改造');
    }
    expect(share.value).toBe('1');
    expect(plan.count).toBe('1');
    const json = zhizao(['batch', ...files.slice(0, 2), '--json', '--min-group-size', '1'], { cwd: dir });
    expect(json.code, json.stderr).toBe(0);
    const a = (JSON.parse(json.stdout) as { summary: { byClass: Record<string, unknown>[] } }).summary.byClass.find((c) => c.class === 'A');
    expect(a).toMatchObject({ companies: 2, retrofitting: 2, share: 1, goal: 1, goalMet: null, goalWithheld: 'sample-all' });
  });

  it('one class A company of the batch not retrofitting: the goal for all of them is missed', () => {
    const { share, plan } = run('three.csv', files);
    for (const [row, met] of [[share, share.met], [plan, plan.met_plain]] as const) {
      expect(met).toBe('false');
      expect(row.verdict_note).toBe('');
    }
    expect(share.value).toBe('0.6667');
  });
});
