/**
 * Every number of the workbook's long summary (汇总长表) and plan sheet (规划目标) is shown in its unit (built CLI):
 * rates, shares and their targets as percentages (48.8%, a target of 50.0%), counts of companies as whole numbers
 * (29, not 29.00), scores and sums of company values with two decimals. Checked on the cells' formats (exceljs) and on
 * the text LibreOffice displays.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BatchSummary } from '../../src/core/batch/summary';
import { EXAMPLES, FIXTURES, tempDir, zhizao } from '../helpers/cli';

const SURVEY = path.join(FIXTURES, 'batch', 'survey');
const PERCENT = '0.0%';
const INTEGER = '0';
const NUMBER = '0.00';
const YESNO = '"是";"是";"否"';

/** The example plant under another name (no credit code: each is its own plant), with its class and retrofit status. */
const EXAMPLE = readFileSync(path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), 'utf8');
const plant = (company: string, cls: string, retrofit: string) =>
  EXAMPLE.replace(/^ {2}company: .*$/m, `  company: ${company}`)
    .replace(/^ {2}credit_code: .*\n/m, '')
    .replace(/^ {2}enterprise_class: .*$/m, `  enterprise_class: ${cls}`)
    .replace(/^ {2}retrofit_status: .*$/m, `  retrofit_status: ${retrofit}`);

interface Sheet {
  head: string[];
  rows: ExcelJS.Row[];
}
async function sheets(file: string, ...names: string[]): Promise<Sheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return names.map((name) => {
    const ws = wb.getWorksheet(name)!;
    const head = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    const rows = Array.from({ length: ws.rowCount - 1 }, (_, i) => ws.getRow(i + 2)).filter((r) => r.cellCount > 0);
    return { head, rows };
  });
}

/** The text LibreOffice shows in every cell of one sheet (converted to CSV, one file per sheet). */
function displayed(file: string, sheet: string, outDir: string): string[][] {
  const so = spawnSync('soffice', ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1', '--outdir', outDir, file], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, HOME: outDir } });
  expect(so.error, 'soffice (LibreOffice) is needed: apt-get install libreoffice-calc').toBeUndefined();
  return parse(readFileSync(path.join(outDir, `${path.basename(file, '.xlsx')}-${sheet}.csv`), 'utf8'), { relax_column_count: true }) as string[][];
}

describe('汇总长表 and 规划目标: each number in its unit', { timeout: 180_000 }, () => {
  let dir: string;
  let file: string;
  let summary: BatchSummary;
  beforeAll(() => {
    dir = tempDir('zhizao-formats-');
    file = path.join(dir, 'wjx.xlsx');
    const r = zhizao(['batch', 'wjx-survey.csv', '--map', 'wjx-map.yaml', '-o', file, '--json', '--lang', 'zh'], { cwd: SURVEY });
    expect(r.code, r.stderr).toBe(1);
    summary = (JSON.parse(r.stdout) as { summary: BatchSummary }).summary;
  });

  it('汇总长表: rates and their targets in percent, counts whole, scores and sums of company values with two decimals — every numeric cell', async () => {
    const [long] = await sheets(file, '汇总长表');
    const { head, rows } = long!;
    const C = (id: string) => head.indexOf(id) + 1;
    const [item, value, target, numerator, share, met, historical] = [C('项目'), C('数值（单位见下一列）'), C('目标'), C('分子'), C('自身达标企业占比'), C('达标'), C('历史目标（目标年份早于调查）')];
    expect([item, value, target, numerator, share, met, historical].every((c) => c > 0), head.join('|')).toBe(true);
    // (the workbook names the part and the item in words: an indicator's rows by its title, a section by its title)
    const method = new Map(summary.indicators.map((i) => [i.title.zh, i.method]));
    const sections = new Set(summary.sections.map((x) => x.title.zh));
    let checked = 0;
    for (const r of rows) {
      const id = String(r.getCell(item).value);
      const section = String(r.getCell(1).value);
      const ind = method.get(id);
      const expected = (col: number): string => {
        if (col === met || col === historical) return YESNO;
        if (col === share) return PERCENT;
        if (col === value || col === target) {
          if (ind || (section === '按企业分类' && /^实施智能化改造的 [AB] 类企业比例$|^改造比例$/.test(id))) return PERCENT;
          if (id === '平均成熟度得分' || sections.has(id)) return NUMBER;
          return INTEGER;
        }
        if (col === numerator) return ind === 'mean' ? NUMBER : INTEGER;
        return INTEGER;
      };
      r.eachCell((cell, col) => {
        if (typeof cell.value !== 'number') return;
        checked++;
        expect(cell.numFmt, `${section} ${id} column ${head[col - 1]}: ${cell.value}`).toBe(expected(col));
      });
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('明细: the counts a ratio is made of (key processes, designers) are whole numbers, the ratio in percent', async () => {
    const [rows] = await sheets(file, '明细');
    const { head } = rows!;
    const parts = head.map((h, i) => ({ h, col: i + 1 })).filter(({ h }) => /：(分子|分母)，即“/.test(h));
    expect(parts.length).toBeGreaterThanOrEqual(4);
    let checked = 0;
    for (const r of rows!.rows)
      for (const { h, col } of parts) {
        const cell = r.getCell(col);
        if (typeof cell.value !== 'number') continue;
        checked++;
        expect(cell.numFmt, `${h}: ${cell.value}`).toBe(INTEGER);
      }
    expect(checked).toBeGreaterThan(20);
  });

  it('规划目标: counts of companies are whole numbers', async () => {
    const [plan] = await sheets(file, '规划目标');
    const count = plan!.head.indexOf('答卷统计数') + 1;
    const counts = plan!.rows.map((r) => r.getCell(count)).filter((c) => typeof c.value === 'number');
    expect(counts.length).toBeGreaterThan(4);
    for (const c of counts) expect(c.numFmt, String(c.value)).toBe(INTEGER);
  });

  it('as LibreOffice displays them: 48.8% against a target of 50.0%, 29 companies, 12 in the cloud', () => {
    const long = displayed(file, '汇总长表', path.join(dir, 'lo'));
    const row = (section: string, item: string) => long.find((r) => r[0] === section && r[2] === item)!;
    // value, unit, target, comparison, met, numerator, n (the first row under an indicator's title is its headline)
    expect(row('全部企业', '关键工序数控化率').slice(4, 11)).toEqual(['48.8%', '比例（%）', '50.0%', '>', '否', '9.27', '19']);
    expect(row('全部企业', '企业上云').slice(4, 11)).toEqual(['55.2%', '比例（%）', '', '', '', '16', '29']);
    expect(row('全部企业', '企业数')[4]).toBe('29');
    expect(row('计数', '已评分行数（含被取代）')[4]).toBe('31');
    const plan = displayed(file, '规划目标', path.join(dir, 'lo'));
    const cloud = plan.find((r) => r[0] === '上云的规模以上工业企业（三年合计）')!;
    expect(cloud[4]).toBe('>= 300 家');
    expect(cloud[8]).toBe('12');
  });
});

describe('a class whose companies mostly did not state a retrofit status', { timeout: 180_000 }, () => {
  it('规划目标 and 汇总长表: no share (it lies anywhere from 0 % to 83.3 %), no verdict, the range said in words', async () => {
    const dir = tempDir('zhizao-formats-class-unknown-');
    mkdirSync(path.join(dir, 'in'));
    // six class B plants: one planned, five without a retrofit status
    ['丙一', '丙二', '丙三', '丙四', '丙五', '丙六'].forEach((n, i) => {
      const text = i === 0 ? plant(n, 'B', '{status: planned, year: 2027}') : plant(n, 'B', 'X').replace(/^ {2}retrofit_status: .*\n/m, '');
      writeFileSync(path.join(dir, 'in', `p${i}.zhizao.yaml`), text);
    });
    const r = zhizao(['batch', 'in', '-o', 'out.xlsx', '--lang', 'zh'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const [plan, long] = await sheets(path.join(dir, 'out.xlsx'), '规划目标', '汇总长表');
    const b = plan!.rows.find((x) => x.getCell(1).value === '实施智能化改造的 B 类企业比例')!;
    const text = (row: ExcelJS.Row) => (row.values as unknown[]).map((v) => String(v ?? '')).join(' | ');
    expect(b.getCell(plan!.head.indexOf('答卷统计数') + 1).value ?? null).toBeNull();
    expect(text(b)).toContain('5 家未填写改造状态，比例可能在 0%–83.3% 之间任一处，足以改变判定结果：补齐前不给出比例，也不判定是否达标');
    const C = (t: string) => long!.head.indexOf(t) + 1;
    const share = long!.rows.find((x) => x.getCell(C('项目')).value === '实施智能化改造的 B 类企业比例')!;
    expect(share.getCell(C('数值（单位见下一列）')).value ?? null).toBeNull();
    expect(text(share)).toContain('不判定：未填写改造状态的企业足以改变判定结果');
  });
});

describe('the class A/B retrofitting targets: a share of the class, in percent', { timeout: 180_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('zhizao-formats-class-');
    mkdirSync(path.join(dir, 'in'));
    const plants = [
      ...['甲一', '甲二', '甲三', '甲四', '甲五'].map((n, i) => plant(n, 'A', i < 4 ? '{status: in-progress, year: 2026}' : '{status: planned, year: 2027}')),
      ...['乙一', '乙二', '乙三', '乙四', '乙五', '乙六'].map((n, i) => plant(n, 'B', i < 2 ? '{status: done, year: 2025}' : '{status: planned, year: 2027}')),
    ];
    plants.forEach((p, i) => writeFileSync(path.join(dir, 'in', `p${i}.zhizao.yaml`), p));
    const r = zhizao(['batch', 'in', '-o', 'out.xlsx', '--lang', 'zh'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
  });

  it('规划目标: the share retrofitting and the target in percent (80.0%, "100%"), not 0.80 and 1', async () => {
    const [plan] = await sheets(path.join(dir, 'out.xlsx'), '规划目标');
    const at = (id: string) => plan!.rows.find((r) => r.getCell(1).value === id)!;
    const col = (t: string) => plan!.head.indexOf(t) + 1;
    const a = at('实施智能化改造的 A 类企业比例');
    expect(a.getCell(col('答卷统计数')).value).toBeCloseTo(0.8, 4);
    expect(a.getCell(col('答卷统计数')).numFmt).toBe(PERCENT);
    expect(a.getCell(col('目标')).value).toBe('100% 占 A 类企业的比例');
    const b = at('实施智能化改造的 B 类企业比例');
    expect(b.getCell(col('答卷统计数')).numFmt).toBe(PERCENT);
    expect(b.getCell(col('目标')).value).toBe('>= 50% 占 B 类企业的比例');
    const shown = displayed(path.join(dir, 'out.xlsx'), '规划目标', path.join(dir, 'lo'));
    expect(shown.find((r) => r[0] === '实施智能化改造的 B 类企业比例')![8]).toBe('33.3%');
    // a count of companies beside them stays whole
    const benchmarked = at('开展智能制造对标达标评价的企业');
    expect(benchmarked.getCell(col('答卷统计数')).numFmt).toBe(INTEGER);
  });

  it('汇总长表: the class share and its target in percent, the class counts whole', async () => {
    const [long] = await sheets(path.join(dir, 'out.xlsx'), '汇总长表');
    const col = (t: string) => long!.head.indexOf(t) + 1;
    const row = (group: string, item: string) => long!.rows.find((r) => r.getCell(1).value === '按企业分类' && r.getCell(2).value === group && r.getCell(3).value === item)!;
    // named as the plan sheet names the goal, with the companies retrofitting as its numerator (whole) and the goal's source
    const share = row('A 类企业', '实施智能化改造的 A 类企业比例');
    expect(share.getCell(col('数值（单位见下一列）')).numFmt).toBe(PERCENT);
    expect(share.getCell(col('目标')).numFmt).toBe(PERCENT);
    expect(share.getCell(col('分子')).numFmt).toBe(INTEGER);
    expect(share.getCell(col('分子')).value).toBe(row('A 类企业', '改造中或已完成').getCell(col('数值（单位见下一列）')).value);
    expect(share.getCell(col('目标出处（文件及条款）')).value).toBe('郑政文〔2018〕168号 四(一)');
    // (judged as at least the goal: for all of class A, 100 %)
    expect(share.getCell(col('比较')).value).toBe('>=');
    expect(row('A 类企业', '改造中或已完成').getCell(col('数值（单位见下一列）')).numFmt).toBe(INTEGER);
    expect(row('A 类企业', '企业数').getCell(col('数值（单位见下一列）')).value).toBe(5);
  });

  it('列说明 says the value column’s format depends on the row', async () => {
    const [cols] = await sheets(path.join(dir, 'out.xlsx'), '列说明');
    const value = cols!.rows.find((r) => r.getCell(1).value === '汇总长表' && r.getCell(3).value === 'value')!;
    expect(String(value.getCell(5).value)).toContain('按行而定');
  });
});

describe('a district workbook of several sheets, through the built CLI', { timeout: 180_000 }, () => {
  it('reads every district sheet, skips the instructions sheet with a warning, reads a 0% cell as shown; --anonymize names no sheet; the dry run lists the same sheets', async () => {
    const dir = tempDir('zhizao-districts-');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('填报说明').addRow(['每个区县填一张表，数字只填数字']);
    const header = ['company', 'industry', 'key_processes_total', 'key_processes_cnc', 'MES覆盖率（%）', 'date'];
    const east = wb.addWorksheet('华光精密机械有限公司');
    east.addRow(header);
    east.addRow(['华光精密机械有限公司', 'discrete', 10, 6, 0.85, '2026-03-05']).getCell(5).numFmt = '0%';
    const west = wb.addWorksheet('高新区');
    west.addRow(header);
    west.addRow(['郑州高新一号有限公司', 'discrete', 8, 2, 40, '2026-03-06']);
    const file = path.join(dir, 'districts.xlsx');
    await wb.xlsx.writeFile(file);
    writeFileSync(path.join(dir, 'map.yaml'), 'columns:\n  company: company\n  industry: industry\n  key_processes_total: key_processes_total\n  key_processes_cnc: key_processes_cnc\n  MES覆盖率（%）: mes_coverage\n  date: date\n');

    const r = zhizao(['batch', 'districts.xlsx', '--map', 'map.yaml', '--include-answers', '--json', '--lang', 'zh'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { companies: { file: string; company: string; answers?: Record<string, unknown> }[]; rejected: unknown[] };
    expect(out.companies.map((c) => [c.file, c.company, c.answers?.mes_coverage])).toEqual([
      ['districts.xlsx[华光精密机械有限公司]', '华光精密机械有限公司', 0.85],
      ['districts.xlsx[高新区]', '郑州高新一号有限公司', 0.4],
    ]);
    expect(out.rejected).toEqual([]);
    expect(r.stderr).toContain('工作表“填报说明”未读取');

    const anon = zhizao(['batch', 'districts.xlsx', '--map', 'map.yaml', '--anonymize', '-o', 'anon.json', '--lang', 'zh'], { cwd: dir });
    expect(anon.code, anon.stderr).toBe(0);
    expect(anon.stderr + readFileSync(path.join(dir, 'anon.json'), 'utf8')).not.toMatch(/华光|高新区|districts/);

    const dry = zhizao(['batch', 'districts.xlsx', '--map', 'map.yaml', '--dry-run', '--lang', 'zh'], { cwd: dir });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('districts.xlsx[华光精密机械有限公司]：表头在第 1 行，数据 1 行');
    expect(dry.stdout).toContain('districts.xlsx[高新区]：表头在第 1 行，数据 1 行');
    expect(dry.stdout).toContain('工作表“填报说明”未读取');
  });
});
