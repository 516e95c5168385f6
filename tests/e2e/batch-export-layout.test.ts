/**
 * A district's survey workbook as programme offices receive them: rows of its layout that are no company — a district
 * heading merged across the table (its text in the first cell only), the header repeated where two exports were
 * pasted one under the other, a 合计 row whose figures are sums, notes under the table (注：…, 填表人：…) — and the --max-rows bound over its sheets. Run
 * through the built CLI: no such row is scored or rejected as a company, each is said once on stderr.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir, zhizao } from '../helpers/cli';
import { csvTable } from '../helpers/csv-table';
import type { Rejected } from '../../src/app/batch/parts';
import type { CompanyRecord } from '../../src/core/batch/record';

const dir = tempDir('zhizao-export-layout-');
const book = path.join(dir, '区县汇总.xlsx');
const header = ['company', 'industry', 'designers_total', 'designers_digital'];

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('经开区');
  ws.addRow(header);
  ws.addRow(['一、第一批']);
  ws.mergeCells('A2:D2');
  ws.addRow(['甲机械', 'discrete', 10, 8]);
  ws.addRow(['乙食品', 'process', 4, 1]);
  ws.addRow(['小计', 'discrete', 14, 9]);
  ws.addRow(header);
  ws.addRow(['丙电子', 'discrete', 20, 15]);
  ws.addRow(['合计', '', 34, 24]);
  ws.addRow(['注：数据截至 2025 年底，单位：人']);
  ws.addRow(['填表人：王某']);
  // a district's sheet hidden (its companies would be in no figure) and the workbook's own lists (_…, never said)
  const hidden = wb.addWorksheet('金水区', { state: 'hidden' });
  hidden.addRow(header);
  hidden.addRow(['庚纺织', 'discrete', 2, 1]);
  wb.addWorksheet('_lists', { state: 'hidden' }).addRow(['discrete']);
  const other = wb.addWorksheet('高新区');
  other.addRow(header);
  other.addRow(['丁材料', 'process', 6, 2]);
  other.addRow(['戊装备', 'discrete', 9, 9]);
  await wb.xlsx.writeFile(book);
});

/** What each row of the layout is said to be, by a run (stderr) and by --dry-run alike. */
const SAID = [
  '第 2 行整行是同一段文字（“一、第一批”）',
  '第 5 行是汇总行（“小计”）：已跳过',
  '第 6 行重复了表头',
  '第 8 行是汇总行（“合计”）',
  '第 9 行是表格的注释（“注：数据截至 2025 年底，单位：人”）',
  '第 10 行是表格的注释（“填表人：王某”）',
];

const run = (...extra: string[]) => zhizao(['batch', book, '--json', '--lang', 'zh', ...extra]);
const out = (r: { stdout: string }) => JSON.parse(r.stdout) as { companies: CompanyRecord[]; rejected: Rejected[] };

describe('rows of a district workbook that are no company', () => {
  it('five companies scored, none rejected; the heading, the repeated header, both total rows and the notes under the table passed over and said so', () => {
    const r = run();
    expect(r.code).toBe(0);
    const o = out(r);
    expect(o.companies.map((c) => c.company)).toEqual(['甲机械', '乙食品', '丙电子', '丁材料', '戊装备']);
    expect(o.rejected).toEqual([]);
    for (const said of SAID) expect(r.stderr).toContain(said);
  });

  it('a hidden sheet is not read: said on stderr, by --dry-run, and in the sample statement the bureau reads (it was said nowhere)', () => {
    const o = JSON.parse(run().stdout) as { summary: { sample: { statement: { zh: string } }; sheetsNotRead?: { count: number; sheets: string[] } } };
    expect(o.summary.sheetsNotRead).toEqual({ count: 1, sheets: [expect.stringMatching(/区县汇总\.xlsx\[金水区\]$/)] });
    expect(o.summary.sample.statement.zh).toMatch(/另有 1 个工作表未读取（没有列出各列名称的表头，或已隐藏）：[^；]*\[金水区\]；其中如有企业数据，不在本汇总内。/);
    expect(run().stderr).toContain('工作表“金水区”已隐藏，未读取');
    const dry = zhizao(['batch', book, '--dry-run', '--lang', 'zh']);
    expect(dry.stdout + dry.stderr).toContain('工作表“金水区”已隐藏，未读取');
    expect(dry.stdout + dry.stderr).not.toContain('_lists');
  });

  it('--anonymize: the rows passed over are named by number, no text of the file quoted (a note names a person)', () => {
    const r = run('--anonymize');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/第 10 行是表格的注释（“…”）/);
    for (const text of ['王某', '一、第一批', '数据截至', '经开区', '金水区']) expect(r.stdout + r.stderr).not.toContain(text);
  });

  it('--dry-run counts the same rows and says the same', () => {
    const r = zhizao(['batch', book, '--dry-run', '--lang', 'zh']);
    expect(r.stdout + r.stderr).toMatch(/\[经开区\]：表头在第 1 行，数据 3 行/);
    expect(r.stdout + r.stderr).toMatch(/\[高新区\]：表头在第 1 行，数据 2 行/);
    for (const said of SAID) expect(r.stdout + r.stderr).toContain(said);
  });

  it('--max-rows 4 over both sheets: four companies scored, one rejection at the first row not read, saying so; the rows after it not read', () => {
    const r = run('--max-rows', '4');
    // (an input rejected in part: exit 1)
    expect(r.code).toBe(1);
    const o = out(r);
    expect(o.companies.map((c) => c.company)).toEqual(['甲机械', '乙食品', '丙电子', '丁材料']);
    expect(o.rejected).toHaveLength(1);
    expect(o.rejected[0]!.file).toMatch(/\[高新区\]$/);
    expect(o.rejected[0]!.line).toBe(3);
    expect(o.rejected[0]!.message).toContain('前 4 行已读取并评分，本行及其后各行未读取，不计入任何汇总数值');
    // --dry-run stops where the run stops, and says so (exit 1: a run would reject)
    const dry = zhizao(['batch', book, '--dry-run', '--lang', 'zh', '--max-rows', '4']);
    expect(dry.code).toBe(1);
    expect(dry.stdout + dry.stderr).toContain('第 3 行起超过 4 行的上限（--max-rows；工作簿各工作表合计）：正式运行只读取并评分前 4 行');
  });

  it('the plan sheet of this short form: no count of companies benchmarked (none is a complete diagnosis: blank, not 0), none of provincial and national recognitions', () => {
    const csv = path.join(dir, 'out.csv');
    expect(zhizao(['batch', book, '-o', csv, '--lang', 'zh', '--force']).code).toBe(0);
    const plan = csvTable(csv.replace(/\.csv$/, '.plan.csv'));
    const row = (id: string) => plan.find((r) => r.id === id)!;
    expect(row('companies-benchmarked')).toMatchObject({ count: '', countable: 'no' });
    expect(row('companies-benchmarked').how).toContain('5 家企业的答卷都没有给出非“暂定”的诊断等级');
    expect(row('national-provincial-factories-workshops')).toMatchObject({ count: '', countable: 'no' });
  });
});
