/**
 * Batch on a realistic 问卷星-style export (issue 18): tests/fixtures/batch/survey/wjx-survey.csv has Chinese headers,
 * option labels with 、 inside brackets, ┋ separators, a percent column of bare numbers, a same-day resubmission
 * listed before the earlier one, a plant given with and without a credit code, an "other〖…〗" answer, a broken
 * quote, bad cells and a garbage row. The same table as GB18030 and as an XLSX written by LibreOffice
 * (wjx-survey-libreoffice.xlsx, without the broken-quote line). Everything runs through the built CLI.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, EXAMPLES, FIXTURES, tempDir, zhizao } from '../helpers/cli';

const SURVEY = path.join(FIXTURES, 'batch', 'survey');
const CSV = path.join(SURVEY, 'wjx-survey.csv');
const GB = path.join(SURVEY, 'wjx-survey-gb18030.csv');
const LO = path.join(SURVEY, 'wjx-survey-libreoffice.xlsx');
const MAP = path.join(SURVEY, 'wjx-map.yaml');

interface Indicator {
  id: string;
  regionalPopulation: string;
  value: number | null;
  numerator: number;
  denominator: number;
  unknown: number;
  unanswered: number;
  met?: boolean | null;
  companiesMeetingTarget?: number;
  splits: { population: string; value: number | null; denominator: number }[];
}
interface Out {
  companies: { company: string; row?: number; date?: string; time?: string; superseded: boolean; completeness: number; blanked?: number; warnings: number; creditCode?: string; answers?: Record<string, unknown>; indicators: Record<string, { value: unknown; numerator?: number | null; denominator?: number | null; unknown?: boolean }>; subdomains?: Record<string, number>; report?: string }[];
  rejected: { file: string; row?: number; line: number; column: number; company?: string; message: string; problems: { code: string }[] }[];
  problems: { row?: number; cell?: string; header?: string; value?: string; company?: string; severity: string; action: string; code: string; message: string }[];
  summary: {
    companies: number;
    scored: number;
    superseded: number;
    rejected: number;
    indicators: Indicator[];
    groupBy?: string;
    groups?: { key: string; companies: number }[];
    duplicates: { plant: string; count: number; matchedByName?: boolean; members: { row?: number; date?: string; superseded: boolean }[] }[];
    plan?: { id: string; targets: { id: string; countable: string; count: number | null; met: boolean | null; how: { code: string } }[] };
  };
}

const json = (r: { stdout: string }) => JSON.parse(r.stdout) as Out;
const ind = (o: Out, id: string) => o.summary.indicators.find((i) => i.id === id)!;
const company = (o: Out, name: string) => o.companies.filter((c) => c.company === name);

let dir: string;
beforeAll(() => {
  dir = tempDir('zhizao-survey-');
});

describe('map init → dry run → batch on a 问卷星 export', { timeout: 180_000 }, () => {
  it('map init writes a starting map from the headers: fields, questions, separators, units, labels, guesses marked', () => {
    const out = path.join(dir, 'init-map.yaml');
    const r = zhizao(['map', 'init', CSV, '-o', out, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('"1、企业名称": company');
    expect(text).toContain('"提交答卷时间": date');
    expect(text).toContain('"序号": ignore');
    expect(text).toMatch(/"6、贵企业使用了哪些数字化研发设计工具？（多选）": \{question: design_tools, separator: "┋"\}\s+# guess/);
    expect(text).toMatch(/"15、产品不良品率（%）": \{question: kpi_defect_rate, unit: percent\}/);
    // labels with 、 inside are mapped whole
    expect(text).toContain('"二维CAD（如AutoCAD、中望CAD）": cad2d');
    expect(text).toMatch(/"离散型制造": discrete\s+# guess/);
    // labels that match nothing are left as comments to fill in
    expect(text).toMatch(/# "随便": \?/);
    expect(r.stderr).toMatch(/wrote .*init-map\.yaml: 22 columns mapped \(2 guessed\)/);
    // the map it wrote works as it is
    expect(zhizao(['batch', CSV, '--map', out, '--dry-run']).code).toBe(0);
  });

  it('--dry-run shows column → question, unmapped columns, unmatched labels and the lost line; writes nothing', () => {
    const d = path.join(dir, 'dry');
    mkdirSync(d);
    // an extra column the map does not name
    const text = readFileSync(CSV, 'utf8').split('\r\n').map((l, i) => (l ? `${l},${i === 0 ? '17、备注' : '无'}` : l)).join('\r\n');
    writeFileSync(path.join(d, 'export.csv'), text);
    const r = zhizao(['batch', path.join(d, 'export.csv'), '--map', MAP, '--dry-run', '-o', path.join(d, 'out.xlsx')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('L "6、贵企业使用了哪些数字化研发设计工具？（多选）" → design_tools (separator "┋")');
    expect(r.stdout).toContain('U "15、产品不良品率（%）" → kpi_defect_rate (unit percent)');
    expect(r.stdout).toContain('G "1、企业名称" → respondent.company');
    expect(r.stdout).toContain('unmapped (ignored): W "17、备注"');
    expect(r.stdout).toMatch(/design_tools: 1 label matches no option: "xxx" ×1/);
    expect(r.stdout).toMatch(/line 12 could not be read: a quoted cell is never closed; reading resumed at line 13/);
    expect(readdirSync(d)).toEqual(['export.csv']);
  });

  it('a mapped header missing from the export is an error (dry run and batch), naming the header', () => {
    const map = path.join(dir, 'typo-map.yaml');
    writeFileSync(map, readFileSync(MAP, 'utf8').replace('"9、主要产品的关键工序共有多少道？"', '"9、主要产品关键工序共有多少道？"'));
    const dry = zhizao(['batch', CSV, '--map', map, '--dry-run']);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain('error: map entry "9、主要产品关键工序共有多少道？" (key_processes_total) matches no column');
    const r = zhizao(['batch', CSV, '--map', map, '--json']);
    expect(r.code).toBe(1);
    const o = json(r);
    expect(o.companies).toHaveLength(0);
    expect(o.rejected[0]!.problems[0]!.code).toBe('map.header-missing');
  });

  it('values: {park: {无: ""}} is a clear error located in the map', () => {
    const map = path.join(dir, 'empty-value.yaml');
    writeFileSync(map, readFileSync(MAP, 'utf8') + '  park: {无: ""}\n');
    const r = zhizao(['batch', CSV, '--map', map, '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/empty-value\.yaml:\d+:\d+ error values\.park: "无" maps to an empty value; to read "无" as no answer, list it under blank:/);
    expect(r.stdout).toBe('');
  });
});

describe('scoring the export', { timeout: 180_000 }, () => {
  let reject: Out;
  let blank: Out;
  let rejectRun: ReturnType<typeof zhizao>;
  beforeAll(() => {
    rejectRun = zhizao(['batch', CSV, '--map', MAP, '--json', '--include-answers'], { cwd: SURVEY });
    reject = json(rejectRun);
    blank = json(zhizao(['batch', CSV, '--map', MAP, '--json', '--include-answers', '--on-bad-cell', 'blank'], { cwd: SURVEY }));
  });

  it('every company is scored, or its rejection names the company and the cell (default: reject)', () => {
    expect(rejectRun.code).toBe(1);
    // 34 data lines: 1 lost to the broken quote, 1 with bad cells, 1 garbage row
    expect(reject.companies).toHaveLength(31);
    expect(reject.rejected.map((r) => [r.row, r.line, r.company, r.problems[0]!.code])).toEqual([
      [12, 12, '郑州断引号机械有限公司', 'table.csv-unclosed-quote'],
      [33, 33, '郑州联创科技有限公司', 'answers.credit-code-checksum'],
      [35, 35, '测试测试', 'schema.enum'],
    ]);
    expect(rejectRun.stderr).toContain('wjx-survey.csv (row 33):33:8 郑州联创科技有限公司: credit code 91410109H8RT2JFQQ0 fails its check character');
    // the cells of a rejected row are in the problems list with their cell, header and value
    expect(reject.problems.filter((p) => p.company === '郑州联创科技有限公司').map((p) => [p.cell, p.value, p.action])).toEqual([
      ['H33', '91410109H8RT2JFQQ0', 'rejected'],
      ['O33', '约20', 'rejected'],
    ]);
  });

  it('--on-bad-cell blank scores the company with the bad cells unanswered and lists every cell', () => {
    expect(blank.companies).toHaveLength(32);
    const lc = company(blank, '郑州联创科技有限公司')[0]!;
    expect(lc.blanked).toBe(2);
    expect(lc.creditCode).toBeUndefined();
    expect(lc.answers!.key_processes_total).toBeUndefined();
    // full-width digits are read (１５ → 15); the CNC rate has no denominator left
    expect(lc.answers!.designers_total).toBe(15);
    expect(lc.indicators['cnc-rate']!.value).toBeNull();
    expect(blank.problems.filter((p) => p.company === '郑州联创科技有限公司').map((p) => [p.cell, p.header, p.value, p.action])).toEqual([
      ['H33', '2、统一社会信用代码', '91410109H8RT2JFQQ0', 'blanked'],
      ['O33', '9、主要产品的关键工序共有多少道？', '约20', 'blanked'],
    ]);
    // its completeness is lower than with the two cells answered
    const fixed = path.join(dir, 'fixed.csv');
    writeFileSync(fixed, readFileSync(CSV, 'utf8').replace('约20', '20').replace('91410109H8RT2JFQQ0', ''));
    const ok = company(json(zhizao(['batch', fixed, '--map', MAP, '--json'])), '郑州联创科技有限公司')[0]!;
    expect(lc.completeness).toBeLessThan(ok.completeness);
    // the broken line and the garbage row are still rejected, by name
    expect(blank.rejected.map((r) => r.company)).toEqual(['郑州断引号机械有限公司', '测试测试']);
  });

  it('keeps option labels with 、 whole, reads a bare 2.9 in a （%） column as 2.9 %, keeps "other〖…〗" as a note', () => {
    const hd = company(reject, '郑州恒达机械有限公司')[0]!;
    expect(hd.answers!.design_tools).toEqual(['cad2d', 'cad3d']);
    expect(hd.answers!.kpi_defect_rate).toBe(0.029);
    expect(company(reject, '郑州宇华电子科技有限公司')[0]!.answers!.kpi_defect_rate).toBe(0.008);
    // other〖…〗 next to a real option: the option counts, the text is a note (and a warning in the problems)
    expect(company(reject, '郑州飞鸿机床有限公司')[0]!.answers!.design_tools).toEqual(['cad2d']);
    // other〖…〗 alone: the question stays unanswered
    expect(company(reject, '郑州小李五金加工厂')[0]!.answers!.design_tools).toBeUndefined();
    expect(reject.problems.filter((p) => p.code === 'table.other-as-note').map((p) => [p.company, p.cell, p.action])).toEqual([
      ['郑州飞鸿机床有限公司', 'L27', 'kept'],
      ['郑州小李五金加工厂', 'L28', 'kept'],
    ]);
    // the free text reaches the company's report as the evidence note of the question
    const reports = path.join(dir, 'survey-reports');
    zhizao(['batch', CSV, '--map', MAP, '--reports', reports, '--lang', 'zh', '--json'], { cwd: SURVEY });
    expect(readFileSync(path.join(reports, '郑州飞鸿机床有限公司.md'), 'utf8')).toContain('其他：CAXA电子图板');
  });

  it('--anonymize keeps names and codes out of the problems and the rejections too', () => {
    const r = zhizao(['batch', CSV, '--map', MAP, '--json', '--anonymize'], { cwd: SURVEY, env: { ZHIZAO_ANONYMIZE_KEY: 'k' } });
    for (const secret of ['郑州联创科技有限公司', '91410109H8RT2JFQQ0', '郑州断引号机械有限公司', '测试测试']) {
      expect(r.stdout).not.toContain(secret);
      expect(r.stderr).not.toContain(secret);
    }
    expect(json(r).problems.find((p) => p.cell === 'H33')!.company).toMatch(/^company-[0-9a-f]{10}$/);
  });

  it('a resubmission keeps its time of day: the later one (listed first) is current', () => {
    const dx = company(reject, '郑州德信液压有限公司');
    expect(dx.map((c) => [c.row, c.time, c.superseded])).toEqual([
      [29, '15:40:12', false],
      [30, '09:12:05', true],
    ]);
  });

  it('the same plant with and without a credit code is one plant, with a warning', () => {
    expect(company(reject, '郑州华夏阀门有限公司').map((c) => c.superseded)).toEqual([true, false]);
    const d = reject.summary.duplicates.find((x) => x.plant.includes('郑州华夏阀门有限公司'))!;
    expect(d.matchedByName).toBe(true);
    expect(rejectRun.stderr).toMatch(/郑州华夏阀门有限公司\) is given once with and once without a credit code/);
    expect(reject.summary).toMatchObject({ scored: 31, superseded: 2, companies: 29 });
  });

  it('plausible ranges from the questionnaire are warnings on the cell; the value is kept', () => {
    const jl = company(reject, '郑州巨力锻压有限公司')[0]!;
    expect(jl.answers!.key_processes_total).toBe(1200);
    expect(jl.warnings).toBeGreaterThanOrEqual(2);
    expect(reject.problems.filter((p) => p.code === 'batch.implausible').map((p) => [p.cell, p.severity, p.message])).toEqual([
      ['O34', 'warning', 'key_processes_total: 1200 is outside the plausible range 1–200; please check'],
      ['P34', 'warning', 'key_processes_cnc: 300 is outside the plausible range 0–200; please check'],
    ]);
  });

  it('regional figures over their official population (规上), the other splits beside; 不清楚 stays in a share\'s denominator', () => {
    // design tools: all 20 规上 plants in the summary use them, 0 of 8 below (规下) — 20 / 28 over all
    expect(ind(reject, 'design-tool-penetration')).toMatchObject({ regionalPopulation: 'above-designated-size', value: 1, numerator: 20, denominator: 20, met: true });
    expect(ind(reject, 'design-tool-penetration').splits.find((s) => s.population === 'all')).toMatchObject({ value: 0.7143, denominator: 28 });
    expect(ind(reject, 'design-tool-penetration').companiesMeetingTarget).toBeUndefined();
    const cnc = ind(reject, 'cnc-rate');
    expect(cnc).toMatchObject({ regionalPopulation: 'above-designated-size', value: 0.4759, denominator: 20 });
    expect(cnc.splits.find((s) => s.population === 'all')!.value).toBe(0.4593);
    // cloud: 16 yes, 6 no, 7 不清楚 → 16 / 29, not 16 / 22
    expect(ind(reject, 'cloud-adoption')).toMatchObject({ regionalPopulation: 'all', value: 0.5517, numerator: 16, denominator: 29, unknown: 7, unanswered: 0 });
    // all groups (region) by default, none merged
    expect(reject.summary.groupBy).toBe('region');
    expect(reject.summary.groups!.map((g) => g.companies).reduce((a, b) => a + b, 0)).toBe(29);
    expect(reject.summary.groups!.some((g) => g.key === 'other')).toBe(false);
  });

  it('counts the plan targets the answers support, and says "not countable" for the rest', () => {
    const t = Object.fromEntries(reject.summary.plan!.targets.map((x) => [x.id, x]));
    expect(reject.summary.plan!.id).toBe('zhengzhou-2018');
    // 规上 companies in the cloud: cumulative count against 300 by 2020
    expect(t['cloud-above-size-total']).toMatchObject({ countable: 'yes', count: 12, met: false });
    expect(t['cloud-sme-total']).toMatchObject({ countable: 'yes', count: 4 });
    // per-year targets need the year of moving to the cloud: a stand-in, no verdict
    expect(t['cloud-above-size-per-year']).toMatchObject({ countable: 'partial', met: null });
    expect(t['demo-parks']).toMatchObject({ countable: 'no', count: null, how: { code: 'plan.not-countable' } });
    expect(t['demo-lines-total']).toMatchObject({ countable: 'no', how: { code: 'plan.needs-question' } });
    // robots added between the two assessments of 德信 (6 → 10) and 华夏 (1 → 3)
    expect(t['smart-equipment-applications-total']).toMatchObject({ countable: 'partial', count: 6 });
  });

  it('the GB18030 CSV and the XLSX written by LibreOffice give the same companies and figures', () => {
    const gb = json(zhizao(['batch', GB, '--map', MAP, '--json'], { cwd: SURVEY }));
    expect(gb.companies.map((c) => [c.company, c.superseded])).toEqual(reject.companies.map((c) => [c.company, c.superseded]));
    expect(gb.summary.indicators).toEqual(reject.summary.indicators);
    const lo = json(zhizao(['batch', LO, '--map', MAP, '--json'], { cwd: SURVEY }));
    // the XLSX has no broken-quote line; dates are Excel date-time cells there
    expect(lo.companies.map((c) => [c.company, c.superseded, c.time])).toEqual(reject.companies.map((c) => [c.company, c.superseded, c.time]));
    expect(lo.summary.indicators).toEqual(reject.summary.indicators);
    expect(lo.rejected.map((r) => r.company)).toEqual(['郑州联创科技有限公司', '测试测试']);
  });
});

describe('the workbook', { timeout: 240_000 }, () => {
  let file: string;
  beforeAll(() => {
    file = path.join(dir, 'results.xlsx');
    const r = zhizao(['batch', CSV, '--map', MAP, '-o', file, '--lang', 'zh', '--include-answers'], { cwd: SURVEY });
    expect(r.code).toBe(1);
  });

  it('one header row, formats, autofilter, frozen panes, 汇总 as a table, plan targets, problems, 拒收 with names', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['明细', '汇总', '汇总长表', '规划目标', '问题', '拒收', '答卷', '列说明']);
    const ws = wb.getWorksheet('明细')!;
    const head = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    const colOf = (title: string) => head.indexOf(title) + 1;
    expect(head.slice(0, 3)).toEqual(['来源文件', '行号', '企业名称']);
    expect(ws.rowCount).toBe(1 + 31);
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 3 });
    const row = ws.getRow(2);
    expect(row.getCell(colOf('完成度')).numFmt).toBe('0.0%');
    expect(row.getCell(colOf('规上企业')).numFmt).toBe('"是";"是";"否"');
    expect(row.getCell(colOf('规上企业')).value).toBe(1);
    expect(row.getCell(colOf('诊断日期')).value).toBeInstanceOf(Date);
    expect(row.getCell(colOf('诊断日期')).numFmt).toBe('yyyy-mm-dd hh:mm');
    // codes as Chinese labels
    expect(row.getCell(colOf('行业类型')).value).toBe('离散型');
    // per-company sub-domain scores, numerators and denominators
    expect(colOf('能力子域得分：产品设计')).toBeGreaterThan(0);
    expect(row.getCell(colOf('关键工序数控化率：分母（key_processes_total）')).value).toBe(8);
    // 汇总: populations and groups × indicators
    const sum = wb.getWorksheet('汇总')!;
    expect((sum.getColumn(1).values as unknown[]).slice(1, 5)).toEqual(['分组', '全部企业', '规上企业', '规下企业']);
    expect((sum.getRow(1).values as unknown[]).slice(1)).toContain('关键工序数控化率（企业值平均，规上企业）');
    expect((sum.getColumn(1).values as string[]).some((v) => typeof v === 'string' && v.startsWith('地区：'))).toBe(true);
    // 规划目标 with the plan's own words and whether each can be counted
    const plan = wb.getWorksheet('规划目标')!;
    expect(plan.rowCount).toBeGreaterThan(20);
    expect((plan.getColumn(8).values as unknown[]).slice(2)).toContain('不能');
    // problems with row, cell, value; 拒收 with the company
    const prob = wb.getWorksheet('问题')!;
    expect((prob.getRow(1).values as unknown[]).slice(1, 7)).toEqual(['来源文件', '行号', '单元格', '列标题', '单元格内容', '企业名称']);
    expect((wb.getWorksheet('拒收')!.getColumn(3).values as unknown[]).slice(2)).toEqual(['郑州断引号机械有限公司', '郑州联创科技有限公司', '测试测试']);
    expect(wb.getWorksheet('答卷')!.rowCount).toBe(1 + 31);
    expect((wb.getWorksheet('列说明')!.getColumn(3).values as unknown[])).toContain('cnc-rate.denominator');
  });

  it('reads back through LibreOffice with its formats, one header row and the plan-targets sheet', async () => {
    const outDir = path.join(dir, 'lo-out');
    mkdirSync(outDir);
    const src = path.join(outDir, 'results-in.xlsx');
    copyFileSync(file, src);
    const so = spawnSync('soffice', ['--headless', '--convert-to', 'xlsx:Calc Office Open XML', '--outdir', path.join(outDir, 'converted'), src], { encoding: 'utf8', timeout: 180_000, env: { ...process.env, HOME: outDir } });
    expect(so.error, 'soffice (LibreOffice) is needed: apt-get install libreoffice-calc').toBeUndefined();
    const back = path.join(outDir, 'converted', 'results-in.xlsx');
    expect(existsSync(back), so.stderr).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(back);
    expect(wb.worksheets.map((w) => w.name)).toContain('规划目标');
    const ws = wb.getWorksheet('明细')!;
    const head = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    expect(head[2]).toBe('企业名称');
    // row 2 is already a company (one header row)
    expect(ws.getRow(2).getCell(3).value).toBe('郑州恒达机械有限公司');
    const cell = (title: string) => ws.getRow(2).getCell(head.indexOf(title) + 1);
    expect(cell('完成度').numFmt).toMatch(/0\.0%/);
    expect(cell('诊断日期').numFmt).toMatch(/yyyy-mm-dd hh:mm/i);
    expect(cell('规上企业').numFmt).toContain('是');
  });

  it('a results workbook (or CSV) in the input folder changes nothing: skipped with one warning line', () => {
    const d = path.join(dir, 'with-results');
    mkdirSync(d);
    copyFileSync(CSV, path.join(d, 'wjx-survey.csv'));
    copyFileSync(file, path.join(d, 'earlier-results.xlsx'));
    const csvOut = path.join(d, 'earlier.csv');
    expect(zhizao(['batch', CSV, '--map', MAP, '-o', csvOut]).code).toBe(1);
    const r = zhizao(['batch', d, '--map', MAP, '--json'], { cwd: SURVEY });
    const o = json(r);
    expect(o.companies.map((c) => [c.company, c.superseded])).toEqual(json(rejectRunFor()).companies.map((c) => [c.company, c.superseded]));
    const lines = r.stderr.split('\n').filter((l) => /skipped \d+ files? that zhizao wrote/.test(l));
    expect(lines).toHaveLength(1);
    // earlier-results.xlsx and earlier.csv with its four companion files
    expect(lines[0]).toMatch(/skipped 6 files/);
    // and the output path itself: writing the results into the input folder, over the earlier ones
    const again = zhizao(['batch', d, '--map', MAP, '-o', path.join(d, 'earlier-results.xlsx'), '--force', '--json'], { cwd: SURVEY });
    expect(json(again).companies).toHaveLength(31);
    expect(again.stderr).toMatch(/skipped 5 files/);
  });
});

function rejectRunFor() {
  return zhizao(['batch', CSV, '--map', MAP, '--json'], { cwd: SURVEY });
}

describe('smaller points', { timeout: 180_000 }, () => {
  it('an empty input is a usage error (exit 2) and writes nothing', () => {
    const d = path.join(dir, 'empty');
    mkdirSync(d);
    const r = zhizao(['batch', d, '-o', path.join(dir, 'empty.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nothing to score/);
    expect(existsSync(path.join(dir, 'empty.xlsx'))).toBe(false);
  });

  it('--anonymize warns when it uses the built-in key, not with ZHIZAO_ANONYMIZE_KEY', () => {
    const a = zhizao(['batch', EXAMPLES, '--anonymize', '--json'], { env: { ZHIZAO_ANONYMIZE_KEY: '' } });
    expect(a.stderr).toMatch(/--anonymize uses the built-in key/);
    const b = zhizao(['batch', EXAMPLES, '--anonymize', '--json'], { env: { ZHIZAO_ANONYMIZE_KEY: 'office-secret' } });
    expect(b.stderr).not.toMatch(/built-in key/);
  });

  it('report file names follow the current/superseded order', () => {
    const d = path.join(dir, 'names');
    mkdirSync(d);
    const answer = (date: string) => `questionnaire: smart-manufacturing\nrespondent: {company: 同一公司, industry: discrete, date: ${date}}\nanswers: {key_processes_total: 4, key_processes_cnc: 1}\n`;
    writeFileSync(path.join(d, '1-old.yaml'), answer('2025-05-01'));
    writeFileSync(path.join(d, '2-new.yaml'), answer('2026-05-01'));
    const reports = path.join(dir, 'names-reports');
    const o = json(zhizao(['batch', d, '--reports', reports, '--format', 'md', '--json']));
    expect(o.companies.map((c) => [c.superseded, c.report])).toEqual([
      [true, '同一公司-2.md'],
      [false, '同一公司.md'],
    ]);
    expect(readFileSync(path.join(reports, '同一公司.md'), 'utf8')).toContain('2026-05-01');
  });

  it('Ctrl-C with --reports removes the unfinished folder it created, or marks one that had files', async () => {
    const d = path.join(dir, 'many');
    mkdirSync(d);
    const base = readFileSync(path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), 'utf8');
    for (let i = 0; i < 400; i++) writeFileSync(path.join(d, `${String(i).padStart(3, '0')}.yaml`), base.replace(/company: .*/, `company: 公司${i}`));
    const interrupt = async (reports: string, extra: string[]) => {
      const child = spawn(process.execPath, [BIN, 'batch', d, '--reports', reports, '--format', 'html', '--jobs', '1', '--json', ...extra], { env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' }, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += String(c)));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      for (let t = 0; t < 600; t++) {
        await new Promise((r) => setTimeout(r, 50));
        if (existsSync(reports) && readdirSync(reports).filter((n) => n.endsWith('.html')).length >= 3) break;
      }
      child.kill('SIGINT');
      return { code: await exited, stderr };
    };
    const fresh = path.join(dir, 'fresh-reports');
    const a = await interrupt(fresh, []);
    expect(a.code).toBe(130);
    expect(existsSync(fresh)).toBe(false);
    expect(a.stderr).toMatch(/unfinished reports folder .* was removed/);
    const old = path.join(dir, 'old-reports');
    mkdirSync(old);
    writeFileSync(path.join(old, 'keep.txt'), 'earlier\n');
    const b = await interrupt(old, ['--force']);
    expect(b.code).toBe(130);
    expect(readdirSync(old)).toContain('_INCOMPLETE.txt');
    expect(readdirSync(old)).toContain('keep.txt');
  });

  it('the progress counter never shows a company before its input is counted', () => {
    const d = path.join(dir, 'progress');
    mkdirSync(d);
    for (let i = 0; i < 40; i++) writeFileSync(path.join(d, `${i}.yaml`), `questionnaire: smart-manufacturing\nrespondent: {company: 公司${i}, industry: discrete}\n`);
    writeFileSync(path.join(d, 'zz-bad.yaml'), 'bad: [');
    const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} batch ${JSON.stringify(d)} --jobs 2 -o ${JSON.stringify(path.join(dir, 'progress.json'))}`;
    // a pseudo-terminal (util-linux script), so that the progress bar is drawn
    const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', TERM: 'xterm' }, timeout: 120_000 });
    expect(r.error, 'script (util-linux) is needed for the terminal test').toBeUndefined();
    const frames = [...r.stdout.matchAll(/(\d+)\/(\d+) · (\d+) ✓ (\d+) ✗/g)].map((m) => m.slice(1).map(Number));
    expect(frames.length).toBeGreaterThan(0);
    for (const [done, total, ok, bad] of frames) {
      expect(ok! + bad!).toBeLessThanOrEqual(done!);
      expect(total).toBe(41);
    }
    expect(frames.at(-1)).toEqual([41, 41, 40, 1]);
  });
});
