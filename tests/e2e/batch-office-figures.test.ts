// What a programme office reads in a batch's outputs, through the built CLI: the scoring scheme the levels follow,
// a share whose companies all answered 不清楚 (no value, no verdict), a 规上 headline that names its population, level 0
// in words, and no "provisional" beside a row without a level.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse, stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, tempDir, zhizao } from '../helpers/cli';

interface Indicator {
  id: string;
  value: number | null;
  met?: boolean | null;
  unknown: number | null;
  denominator: number;
}
interface Out {
  summary: { indicators: Indicator[]; sample: { statement: { zh: string; en: string }; scoring?: { profile: string; verified: boolean } } };
}

describe('batch: the figures as the programme office reads them', () => {
  const dir = tempDir('zhizao-office-figures-');
  let out: Out;
  let summaryCsv: string[][];
  let companiesCsv: Record<string, string>[];

  beforeAll(() => {
    const plant = parse(readFileSync(path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), 'utf8')) as { respondent: Record<string, unknown>; answers: Record<string, unknown> };
    // the one company (规上) does not know whether it uses design tools
    plant.answers.design_tools = 'unknown';
    writeFileSync(path.join(dir, 'unknown-tools.zhizao.yaml'), stringify(plant));
    // another plant that answered too little for a level
    const short = structuredClone(plant);
    short.respondent.company = '郑州简答机械有限公司';
    delete short.respondent.credit_code;
    short.answers = { key_processes_total: 10, key_processes_cnc: 4 };
    writeFileSync(path.join(dir, 'short.zhizao.yaml'), stringify(short));
    const inputs = ['unknown-tools.zhizao.yaml', 'short.zhizao.yaml'];
    for (const o of ['out.json', 'out.csv']) {
      const r = zhizao(['batch', ...inputs, '-o', o, '--min-group-size', '1', '--lang', 'zh', '--force'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
    }
    out = JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8')) as Out;
    // (row 1 the column ids, row 2 their titles as a "#" line, then the rows)
    const table = (file: string) => (parseCsv(readFileSync(path.join(dir, file), 'utf8'), { bom: true, relax_column_count: true }) as string[][]).filter((row) => !row[0]?.startsWith('#'));
    summaryCsv = table('out.summary.csv');
    const [ids, ...rows] = table('out.csv');
    companiesCsv = rows.map((row) => Object.fromEntries(ids!.map((id, i) => [id, row[i] ?? ''])));
  });

  it('the sample statement names the scoring scheme and says it is not checked against the standard', () => {
    expect(out.summary.sample.scoring).toMatchObject({ profile: 'gbt39117-2020-practice', verified: false });
    expect(out.summary.sample.statement.zh).toContain('各企业的等级和得分按“GB/T 39117-2020 评估方法（通行做法，按模型层级等权汇总）”测算，是简化测算，不是正式评估或认证结果；该评分方案的分组和权重尚未与标准原文逐条核对。');
    expect(out.summary.sample.statement.en).toContain('a simplified calculation, not a formal assessment or certification');
  });

  it('a share whose companies all answered 不清楚 has no value and no verdict (never 0 %, not met)', () => {
    const dt = out.summary.indicators.find((i) => i.id === 'design-tool-penetration')!;
    expect(dt).toMatchObject({ value: null, unknown: 1, denominator: 1 });
    expect(dt.met ?? null).toBeNull();
  });

  it('the long table names a 规上 headline\'s population, and level 0 in words', () => {
    const titles = summaryCsv.map((row) => row[3]);
    expect(titles).toContain('关键工序数控化率 — 规上企业 (企业值平均)');
    expect(titles).toContain('未达到一级的企业数');
    expect(titles).not.toContain('0 级企业数');
  });

  it('"provisional" is blank beside a row without a level, and said beside one with a level', () => {
    const short = companiesCsv.find((r) => r.company === '郑州简答机械有限公司')!;
    const full = companiesCsv.find((r) => r.company !== '郑州简答机械有限公司')!;
    expect(short.level).toBe('');
    expect(short.provisional).toBe('');
    expect(full.level).not.toBe('');
    expect(full.provisional).toBe('false');
  });
});
