import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Rejected } from '../../src/app/batch/parts';
import type { CompanyRecord } from '../../src/core/batch/record';
import type { BatchSummary } from '../../src/core/batch/summary';
import { EXAMPLES, ROOT, tempDir, zhizao } from '../helpers/cli';
import { BATCH, MINI, prepareInputs, zipBomb } from '../fixtures/batch/helpers';

/** The JSON `zhizao batch --json` prints: the project's own types. */
interface Out {
  companies: CompanyRecord[];
  rejected: Rejected[];
  summary: BatchSummary;
}

let dir: string;
let inDir: string;
const MAP = path.join(BATCH, 'wjx-map.yaml');
const base = () => ['--questionnaire', MINI, '--map', MAP];

beforeAll(async () => {
  dir = tempDir('zhizao-batch-e2e-');
  inDir = await prepareInputs(dir);
}, 60_000);

describe('zhizao batch (built CLI)', { timeout: 120_000 }, () => {
  let out: Out;
  let run: ReturnType<typeof zhizao>;
  beforeAll(() => {
    run = zhizao(['batch', inDir, path.join(dir, 'nope.yaml'), ...base(), '--group-by', 'region', '--min-group-size', '3', '--json', '--jobs', '2'], { cwd: dir });
    out = JSON.parse(run.stdout) as Out;
  });

  it('scores every good company and lists every bad input with its location; exit 1', () => {
    expect(run.code).toBe(1);
    // on failure, say what was rejected and what the run said (a lost company must explain itself)
    expect(out.companies.map((c) => c.company), `rejected: ${JSON.stringify(out.rejected)}\nsummary: ${JSON.stringify({ ...out.summary, indicators: undefined })}\nstderr: ${run.stderr}`).toEqual([
      '郑州甲机械有限公司', '乙化工有限公司', '丙电子科技有限公司', '丙电子科技有限公司（航空港）',
      // tables/ in name order: bom-utf8.csv, form-geng.xlsx, gb18030.csv, wjx-export.csv, xlsx-table.xlsx
      '丁食品有限公司', '庚精密制造有限公司', '戊纺织股份有限公司', '辛纺织有限公司', '己重工有限公司',
    ]);
    const rej = out.rejected.map((r) => [r.file, r.row ?? null, r.line, r.column, r.problems[0]!.code]);
    expect(rej).toEqual([
      ['in/answers/bad-cross.yaml', null, 6, 24, 'answers.check'],
      ['in/answers/bad-schema.yaml', null, 4, 13, 'schema.enum'],
      ['in/answers/bad-syntax.yaml', null, 6, 24, 'yaml.syntax'],
      ['in/answers/old-format.xls', null, 1, 1, 'input.binary-spreadsheet'],
      ['in/tables/bom-utf8.csv', 4, 4, 16, 'answer.boolean'],
      ['nope.yaml', null, 1, 1, 'input.not-found'],
    ]);
    expect(out.rejected[3]!.message).toMatch(/save as \.xlsx/);
    expect(run.stderr).toContain('in/tables/bom-utf8.csv (row 4):4:16');
  });

  it('reads the GB18030 CSV, the BOM CSV, the XLSX table, the filled form and the 问卷星 export', () => {
    const by = Object.fromEntries(out.companies.map((c) => [c.company, c]));
    expect(by['戊纺织股份有限公司']!.file).toBe('in/tables/gb18030.csv');
    expect(by['戊纺织股份有限公司']!.row).toBe(3);
    expect(by['丁食品有限公司']!.file).toBe('in/tables/bom-utf8.csv');
    expect(by['己重工有限公司']!.file).toBe('in/tables/xlsx-table.xlsx');
    expect(by['庚精密制造有限公司']!.file).toBe('in/tables/form-geng.xlsx');
    expect(by['辛纺织有限公司']!.file).toBe('in/tables/wjx-export.csv');
    expect(by['辛纺织有限公司']!.indicators['cnc-rate']!.value).toBe(0.2);
  });

  it('flags the older assessment of the same plant as superseded and leaves it out of the summary', () => {
    const bing = out.companies.filter((c) => c.company.startsWith('丙'));
    expect(bing.map((c) => c.superseded)).toEqual([true, false]);
    expect(out.summary.duplicates).toHaveLength(1);
    expect(run.stderr).toMatch(/same plant .* 2 times/);
  });

  it('summary figures match the hand computation', () => {
    const s = out.summary;
    // 9 rows scored; 丙 2025 superseded by 丙 2026 → 8 plants; 6 inputs rejected (5 bad + 1 missing).
    expect([s.scored, s.superseded, s.companies, s.rejected]).toEqual([9, 1, 8, 6]);
    const ind = Object.fromEntries(s.indicators.map((i) => [i.id, i]));
    // CNC rate = mean of company values: 甲 .6, 乙 .25, 丙 .5, 丁 .8, 戊 .5, 庚 .7, 辛 .2, 己 .75 → 4.3 / 8 = 0.5375 > 0.5 → met
    expect(ind['cnc-rate']).toMatchObject({ value: 0.5375, target: 0.5, met: true, gap: -0.0375, companiesWithValue: 8, targetYear: 2020 });
    // companies whose own CNC rate is above 50 %: 甲 .6, 丁 .8, 庚 .7, 己 .75 → 4 (丙 and 戊 at exactly .5 do not exceed)
    expect(ind['cnc-rate']!.companiesMeetingTarget).toBe(4);
    // Design-tool penetration = share using digital design tools: 甲 丙 戊 庚 己 yes, 乙 丁 辛 no → 5 / 8 = 0.625 ≤ 0.7 → not met
    expect(ind['design-tool-penetration']).toMatchObject({ value: 0.625, met: false, gap: 0.075, companiesWithValue: 8, numerator: 5, denominator: 8 });
    // a share of companies is never "met" by one company: no companies-meeting count
    expect(ind['design-tool-penetration']!.companiesMeetingTarget).toBeUndefined();
    // MES: 甲 丙 戊 庚 yes, 乙 丁 辛 己 no → 4 / 8
    expect(ind['mes-adoption']!.value).toBe(0.5);
    // levels: one per plant, a stated level or none
    expect(Object.values(s.levels).reduce((a: number, b) => a + b!, 0) + s.noLevel!).toBe(8);
    const current = out.companies.filter((c) => !c.superseded);
    // A company with too few scored answers has no level (null), counted as noLevel, never as a level.
    for (const [lv, n] of Object.entries(s.levels)) expect(current.filter((c) => String(c.level) === lv).length).toBe(n);
    expect(current.filter((c) => c.level === null).length).toBe(s.noLevel);
  });

  it('groups by region, merging groups smaller than --min-group-size into "other"', () => {
    const g = Object.fromEntries(out.summary.groups!.map((x) => [x.key, x]));
    expect(Object.keys(g)).toEqual(['东区', 'other']);
    // 东区: 甲 .6, 乙 .25, 丙 .5, 庚 .7 → 2.05 / 4 = 0.5125; tools: 甲 丙 庚 yes, 乙 no → 3/4
    expect(g['东区']!.companies).toBe(4);
    expect(g['东区']!.indicators.find((i) => i.id === 'cnc-rate')!.value).toBe(0.5125);
    expect(g['东区']!.indicators.find((i) => i.id === 'design-tool-penetration')!.value).toBe(0.75);
    // other = 西区 (丁, 戊) + 南区 (辛) + 北区 (己): .8 + .5 + .2 + .75 = 2.25 / 4 = 0.5625; tools 戊 己 yes → 2/4
    // the groups merged are named, so the office can tell which companies "other" covers
    expect(g.other!).toMatchObject({ companies: 4, merged: ['北区', '南区', '西区'] });
    expect(g.other!.indicators.find((i) => i.id === 'cnc-rate')!.value).toBe(0.5625);
    expect(g.other!.indicators.find((i) => i.id === 'design-tool-penetration')!.value).toBe(0.5);
  });

  it('counts retrofitting per class against the seed goal (all A, half of B)', () => {
    const c = Object.fromEntries(out.summary.byClass.map((x) => [x.class, x]));
    // A: 甲 done, 戊 none — but two companies are fewer than --min-group-size 3: only their number, no share, not judged
    expect(c.A).toMatchObject({ companies: 2, retrofitting: null, share: null, goal: 1, goalMet: null, withheld: 'small-group' });
    // B: 乙 planned, 丁 in progress, 庚 in progress → 2/3 ≥ 0.5 → goal met
    expect(c.B).toMatchObject({ companies: 3, retrofitting: 2, share: 0.6667, goal: 0.5, goalMet: true });
    expect(c.C).toMatchObject({ companies: 1, retrofitting: null, goal: null, goalMet: null, withheld: 'small-group' });
  });

  it('keeps the same order whatever --jobs is', () => {
    const one = JSON.parse(zhizao(['batch', inDir, ...base(), '--json', '--jobs', '1'], { cwd: dir }).stdout) as Out;
    const three = JSON.parse(zhizao(['batch', inDir, ...base(), '--json', '--jobs', '3'], { cwd: dir }).stdout) as Out;
    expect(three.companies).toEqual(one.companies);
    expect(three.rejected).toEqual(one.rejected);
    expect(one.companies.map((c) => c.company)).toEqual(out.companies.map((c) => c.company));
  });
});

describe('batch outputs', { timeout: 120_000 }, () => {
  it('writes XLSX with 明细 / 汇总 / 拒收 and refuses to overwrite without --force', async () => {
    const file = path.join(dir, 'result.xlsx');
    const r = zhizao(['batch', inDir, ...base(), '-o', file], { cwd: dir });
    expect(r.code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['明细', '汇总', '汇总长表', '规划目标', '问题', '拒收', '列说明']);
    // one header row of titles; the ids are in the 列说明 sheet
    expect(wb.getWorksheet('明细')!.getRow(1).getCell(3).value).toBe('company');
    expect(wb.getWorksheet('明细')!.rowCount).toBe(1 + 9);
    expect(wb.getWorksheet('拒收')!.rowCount).toBe(1 + 5);
    const again = zhizao(['batch', inDir, ...base(), '-o', file], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/exists; add --force/);
    expect(zhizao(['batch', inDir, ...base(), '-o', file, '--force'], { cwd: dir }).code).toBe(1);
  });

  it('writes OUT.csv, OUT.summary.csv and OUT.rejected.csv with a BOM', () => {
    const file = path.join(dir, 'csv-out', 'result.csv');
    mkdirSync(path.dirname(file));
    zhizao(['batch', inDir, ...base(), '-o', file], { cwd: dir });
    expect(readdirSync(path.dirname(file)).sort()).toEqual(['result.csv', 'result.plan.csv', 'result.problems.csv', 'result.rejected.csv', 'result.summary.csv']);
    for (const f of readdirSync(path.dirname(file))) expect(readFileSync(path.join(path.dirname(file), f)).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const main = readFileSync(file, 'utf8').split('\r\n');
    expect(main[0]!.slice(1).startsWith('file,row,company,')).toBe(true);
    expect(main[1]!.startsWith('# ')).toBe(true);
  });

  it('neutralises formula prefixes in every text cell of spreadsheet output', async () => {
    const d = path.join(dir, 'formula');
    mkdirSync(d);
    writeFileSync(path.join(d, 'evil.csv'), 'company,industry,site,key_processes_total\n"=HYPERLINK(""http://x"",""y"")",discrete,+1-2,3\n@SUM(A1),discrete,-cmd,2\n');
    zhizao(['batch', d, '--questionnaire', MINI, '-o', path.join(dir, 'formula.csv')], { cwd: dir });
    const text = readFileSync(path.join(dir, 'formula.csv'), 'utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(text).toContain(`'@SUM(A1)`);
    expect(text).toContain(`'+1-2`);
    expect(text).toContain(`'-cmd`);
    zhizao(['batch', d, '--questionnaire', MINI, '-o', path.join(dir, 'formula.xlsx')], { cwd: dir });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'formula.xlsx'));
    const ws = wb.getWorksheet('明细')!;
    expect(ws.getRow(2).getCell(3).value).toBe(`'=HYPERLINK("http://x","y")`);
    expect(ws.getRow(2).getCell(3).formula).toBeUndefined();
  });

  it('--anonymize leaves no original name, code or file name in the output; pseudonyms are stable', () => {
    const a = zhizao(['batch', inDir, ...base(), '--json', '--anonymize', '--group-by', 'region'], { cwd: dir });
    const b = zhizao(['batch', inDir, ...base(), '--json', '--anonymize', '--group-by', 'region'], { cwd: dir });
    expect(a.stdout).toBe(b.stdout);
    const secrets = ['郑州甲机械', '乙化工', '丙电子', '丁食品', '戊纺织', '己重工', '庚精密', '辛纺织', '坏行公司', '91410100MA45K7R84Q', '航空港厂区', 'a-jia', 'gb18030', 'form-geng', 'wjx-export', 'bom-utf8', 'bad-cross', 'old-format'];
    for (const s of secrets) {
      expect(a.stdout).not.toContain(s);
      expect(a.stderr).not.toContain(s);
    }
    const out = JSON.parse(a.stdout) as Out;
    expect(out.companies[0]!.company).toMatch(/^company-[0-9a-f]{10}$/);
    expect(out.companies[0]!.file).toMatch(/^file-[0-9a-f]{10}\.yaml$/);
    expect(out.companies[2]!.superseded).toBe(true); // identity still works on the original values
  });

  it('--anonymize also scrubs the names and codes quoted in the reasons for a rejection', () => {
    const d = path.join(dir, 'anon-reject');
    mkdirSync(d);
    writeFileSync(path.join(d, '某某精工.yaml'), 'questionnaire: mini\nrespondent: {company: 某某精工, credit_code: 91410100MA45K7R84X, industry: discrete}\n');
    const r = zhizao(['batch', d, '--questionnaire', MINI, '--json', '--anonymize'], { cwd: dir });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.rejected[0]!.problems[0]!.code).toBe('answers.credit-code-checksum');
    for (const s of ['91410100MA45K7R84X', '某某精工']) {
      expect(r.stdout).not.toContain(s);
      expect(r.stderr).not.toContain(s);
    }
  });

  it('--reports writes one report per company with a safe, unique name inside DIR', () => {
    const d = path.join(dir, 'reports-in');
    mkdirSync(d);
    const answer = (company: string) => `questionnaire: mini\nrespondent: {company: "${company}", industry: discrete}\nanswers: {key_processes_total: 2}\n`;
    writeFileSync(path.join(d, '1.yaml'), answer('../../逃逸'));
    writeFileSync(path.join(d, '2.yaml'), answer('CON'));
    writeFileSync(path.join(d, '3.yaml'), answer('同名'));
    writeFileSync(path.join(d, '4.yaml'), answer('同名'));
    const reports = path.join(dir, 'reports');
    const r = zhizao(['batch', d, '--questionnaire', MINI, '--reports', reports, '--json'], { cwd: dir });
    expect(r.code, `${r.stderr}\n${r.stdout.slice(0, 3000)}`).toBe(0);
    // the two 同名 are one plant: the older report is moved aside into _SUPERSEDED/ and listed
    expect(readdirSync(reports)).toContain('_SUPERSEDED.txt');
    expect(readdirSync(path.join(reports, '_SUPERSEDED'))).toEqual(['同名-2.json']);
    const names = readdirSync(reports).filter((n) => !n.startsWith('_SUPERSEDED')).sort();
    expect(names).toHaveLength(3);
    expect(names).toContain('_CON.json');
    expect(names).toContain('同名.json');
    expect(names.some((n) => n.includes('逃逸') && !n.includes('/'))).toBe(true);
    expect(existsSync(path.join(dir, '逃逸.json'))).toBe(false);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.companies.map((c) => c.report).sort()).toEqual([...names, '_SUPERSEDED/同名-2.json'].sort());
    expect(JSON.parse(readFileSync(path.join(reports, '同名.json'), 'utf8')).maturity).toBeDefined();
    // a second run into the same (non-empty) folder is refused without --force
    expect(zhizao(['batch', d, '--questionnaire', MINI, '--reports', reports], { cwd: dir }).code).toBe(2);
  });

  it('a folder scan lists spreadsheets and documents it cannot read (.ods, .numbers, .docx…) as rejected, with how to fix it; given by name, the same words', () => {
    const d = path.join(dir, 'unreadable');
    mkdirSync(d);
    writeFileSync(path.join(d, '1.yaml'), `questionnaire: mini\nrespondent: {company: 甲公司, industry: discrete}\nanswers: {key_processes_total: 2}\n`);
    for (const f of ['survey.ods', 'old.xls', 'budget.numbers', 'export.tsv', 'letter.docx', 'scan.pdf', 'notes.txt', 'README.md']) writeFileSync(path.join(d, f), 'x\n');
    const r = zhizao(['batch', 'unreadable', '--questionnaire', MINI, '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(1);
    const o = JSON.parse(r.stdout) as Out;
    expect(o.companies.map((c) => c.company)).toEqual(['甲公司']);
    // other files (notes, read-mes) are still skipped without a word
    expect(o.rejected.map((x) => [x.file, x.problems[0]!.code])).toEqual([
      ['unreadable/budget.numbers', 'input.other-spreadsheet'],
      ['unreadable/export.tsv', 'input.other-spreadsheet'],
      ['unreadable/letter.docx', 'input.document-not-input'],
      ['unreadable/old.xls', 'input.binary-spreadsheet'],
      ['unreadable/scan.pdf', 'input.document-not-input'],
      ['unreadable/survey.ods', 'input.other-spreadsheet'],
    ]);
    const msg = (f: string) => o.rejected.find((x) => x.file === `unreadable/${f}`)!.message;
    expect(msg('survey.ods')).toBe('.ods files cannot be read: open it in the program that made it (LibreOffice, WPS, Excel or Numbers) and save it as .xlsx or .csv');
    expect(msg('letter.docx')).toMatch(/^\.docx files cannot be read: batch reads answer files \(\.yaml, \.yml, \.json\) and tables \(\.csv, \.xlsx\).*template --format xlsx-form/);
    expect(r.stderr).toContain('unreadable/survey.ods:1:1 .ods files cannot be read');
    // given by name: rejected with the same words (it said "unsupported file type .ods" before)
    const named = zhizao(['batch', path.join('unreadable', 'survey.ods'), path.join('unreadable', '1.yaml'), '--questionnaire', MINI, '--json', '--lang', 'zh'], { cwd: dir });
    expect(named.code).toBe(1);
    expect((JSON.parse(named.stdout) as Out).rejected.map((x) => x.message)).toEqual(['无法读取 .ods 文件：请用制作它的软件（LibreOffice、WPS、Excel 或 Numbers）打开并另存为 .xlsx 或 .csv']);
    // validate says the same of a spreadsheet it cannot read
    const v = zhizao(['validate', path.join('unreadable', 'survey.ods'), '--lang', 'zh'], { cwd: dir });
    expect(v.code).not.toBe(0);
    expect(v.stdout + v.stderr).toContain('无法读取 .ods 文件：请用制作它的软件（LibreOffice、WPS、Excel 或 Numbers）打开并另存为 .xlsx 或 .csv');
    // a folder holding only what cannot be read: listed as rejected (exit 1), not "nothing to read"
    mkdirSync(path.join(dir, 'only-ods'));
    writeFileSync(path.join(dir, 'only-ods', 'survey.ods'), 'x\n');
    const only = zhizao(['batch', 'only-ods', '--questionnaire', MINI, '--json'], { cwd: dir });
    expect(only.code).toBe(1);
    expect((JSON.parse(only.stdout) as Out).rejected.map((x) => x.file)).toEqual(['only-ods/survey.ods']);
  });

  it('- reads one answer file from standard input, in its place among the inputs, within the answer-file size limit', () => {
    const example = readFileSync(path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), 'utf8');
    const other = path.join(EXAMPLES, 'process-food.zhizao.yaml');
    // the copy for the workers goes into the batch's spool (under TMPDIR) and is removed with it
    const tmp = path.join(dir, 'stdin-tmp');
    mkdirSync(tmp);
    const env = { TMPDIR: tmp };
    const r = zhizao(['batch', '-', '--json'], { input: example, env });
    expect(r.code, r.stderr).toBe(0);
    const o = JSON.parse(r.stdout) as Out;
    expect(o.companies.map((c) => [c.file, c.company])).toEqual([['<stdin>', '郑州示例机械有限公司']]);
    expect(o.summary.sample.files).toEqual(['<stdin>']);
    expect(readdirSync(tmp)).toEqual([]);
    // with other inputs, where it is given; `-` twice is read once
    const mixed = zhizao(['batch', other, '-', '-', '--json', '--min-group-size', '1'], { input: example, env });
    expect(mixed.code, mixed.stderr).toBe(0);
    expect((JSON.parse(mixed.stdout) as Out).companies.map((c) => c.file)).toEqual([path.relative(ROOT, other), '<stdin>']);
    // JSON works as well as YAML; a bad answer file on stdin is rejected like any other, at its line
    const json = zhizao(['batch', '-', '--json'], { input: JSON.stringify(parseYaml(example)), env });
    expect(json.code, json.stderr).toBe(0);
    const bad = zhizao(['batch', '-', other, '--json'], { input: example.replace(/^ {2}industry: .*$/m, '  industry: 离散'), env });
    expect(bad.code).toBe(1);
    expect((JSON.parse(bad.stdout) as Out).rejected.map((x) => [x.file, x.problems[0]!.code])).toEqual([['<stdin>', 'schema.enum']]);
    // larger than the limit: rejected (the other inputs are still scored), not read into memory without end
    const big = zhizao(['batch', '-', other, '--json', '--max-file-size', '600KB'], { input: example + `# ${'x'.repeat(700_000)}\n`, env });
    expect(big.code).toBe(1);
    const bo = JSON.parse(big.stdout) as Out;
    expect(bo.companies).toHaveLength(1);
    expect(bo.rejected.map((x) => [x.file, x.problems[0]!.code])).toEqual([['<stdin>', 'input.too-large']]);
    expect(readdirSync(tmp)).toEqual([]);
    // --dry-run lists it without reading it
    const dry = zhizao(['batch', '-', '--dry-run', '--lang', 'en'], { input: example });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout + dry.stderr).toContain('<stdin>: answer');
  });

  it('a complete --force run removes the incomplete-folder marker an interrupted run left (that file only)', () => {
    const d = path.join(dir, 'marker-in');
    mkdirSync(d);
    writeFileSync(path.join(d, '1.yaml'), `questionnaire: mini\nrespondent: {company: 甲公司, industry: discrete}\nanswers: {key_processes_total: 2}\n`);
    const reports = path.join(dir, 'marker-reports');
    mkdirSync(reports);
    // as an interrupted run leaves it (in either language), beside files that are not the batch's
    const marker = '本文件夹不完整：zhizao batch 在写完全部报告之前被中断。请加 --force 重新运行。\n';
    writeFileSync(path.join(reports, '_未完成-INCOMPLETE.txt'), marker);
    writeFileSync(path.join(reports, '_INCOMPLETE.txt'), marker);
    writeFileSync(path.join(reports, '_INCOMPLETE-notes.txt'), 'mine\n');
    writeFileSync(path.join(reports, 'keep.txt'), 'earlier\n');
    const r = zhizao(['batch', d, '--questionnaire', MINI, '--reports', reports, '--force', '-o', path.join(dir, 'marker.json'), '--lang', 'zh'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(reports).sort()).toEqual(['_INCOMPLETE-notes.txt', 'keep.txt', '甲公司.json']);
    expect(r.stderr).toMatch(/报告文件夹 .*marker-reports 已完整：已删除之前中断的运行留下的 _未完成-INCOMPLETE\.txt/);
    expect(r.stderr).toContain('_INCOMPLETE.txt');
    // a folder that merely has the marker's name is not touched
    rmSync(path.join(reports, '甲公司.json'));
    mkdirSync(path.join(reports, '_INCOMPLETE.txt'));
    const again = zhizao(['batch', d, '--questionnaire', MINI, '--reports', reports, '--force', '-o', path.join(dir, 'marker.json')], { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    expect(existsSync(path.join(reports, '_INCOMPLETE.txt'))).toBe(true);
    expect(again.stderr).not.toContain('_INCOMPLETE.txt');
  });
});

describe('with the bundled questionnaire', { timeout: 120_000 }, () => {
  it("fills the top three recommendations and writes Markdown reports through zhizao report's machinery", () => {
    const reports = path.join(dir, 'reports-bundled');
    const r = zhizao(['batch', EXAMPLES, '--reports', reports, '--json', '--lang', 'zh']);
    expect(r.code, `${r.stderr}\n${r.stdout.slice(0, 3000)}`).toBe(0);
    const out = JSON.parse(r.stdout) as Out & { companies: { recommendations: string[] }[]; summary: { parkRecommendations?: unknown[] } };
    expect(out.companies.length).toBeGreaterThanOrEqual(2);
    for (const c of out.companies) {
      expect(c.recommendations).toHaveLength(3);
      expect(c.report).toMatch(/\.md$/);
      expect(readFileSync(path.join(reports, c.report!), 'utf8')).toContain(c.company);
    }
    expect(readdirSync(reports)).toHaveLength(out.companies.length);
    expect(out.summary.parkRecommendations).toBeDefined();
  });
});

describe('hostile and broken inputs', { timeout: 150_000 }, () => {
  it('refuses an XLSX zip bomb quickly and scores the rest', async () => {
    const d = path.join(dir, 'bomb');
    mkdirSync(d);
    await zipBomb(path.join(d, 'bomb.xlsx'));
    await zipBomb(path.join(d, 'fake-sizes.xlsx'), { fakeSize: 1000 });
    writeFileSync(path.join(d, 'ok.yaml'), 'questionnaire: mini\nrespondent: {company: 好公司, industry: discrete}\n');
    const t0 = Date.now();
    const r = zhizao(['batch', d, '--questionnaire', MINI, '--json'], { cwd: dir });
    const ms = Date.now() - t0;
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.companies.map((c) => c.company)).toEqual(['好公司']);
    expect(out.rejected.map((x) => [path.basename(x.file), x.problems[0]!.code])).toEqual([
      ['bomb.xlsx', 'xlsx.zip-bomb'],
      ['fake-sizes.xlsx', 'xlsx.zip-bomb'],
    ]);
    expect(out.rejected[0]!.message).toMatch(/zip bomb/);
    expect(ms).toBeLessThan(10_000);
  }, 60_000);

  it('a worker crash on one input rejects that input only', async () => {
    // In-process through the app layer with a worker that dies on one input (no test hook in the product).
    const dist = (m: string) => import(pathToFileURL(path.join(ROOT, 'dist', m)).href);
    const [{ runBatch }, { Definitions }, { DEFAULT_LIMITS }, { DEFAULT_TABLE_LIMITS }] = await Promise.all([dist('app/batch/run.js'), dist('io/definitions.js'), dist('core/limits.js'), dist('io/tables/limits.js')]);
    const chunks: string[] = [];
    const stdout = new Writable({ write: (c, _e, cb) => (chunks.push(String(c)), cb()) });
    let rejectedCount = -1;
    process.env.CRASH_ON = 'b-yi.json';
    try {
      await runBatch(
        new Definitions(),
        { inputs: [inDir], json: true, map: MAP, questionnaire: MINI, anonymize: false, anonKey: 'k', minGroupSize: 3, jobs: 2, force: false, lang: 'en', limits: DEFAULT_LIMITS, tableLimits: DEFAULT_TABLE_LIMITS, workerUrl: pathToFileURL(path.join(BATCH, 'crashing-worker.mjs')) },
        { note: () => undefined, progress: () => undefined, stdout, finished: async (o: { rejectedCount: number }) => {
          rejectedCount = o.rejectedCount;
        },
      },
      );
    } finally {
      delete process.env.CRASH_ON;
    }
    const out = JSON.parse(chunks.join('')) as Out;
    expect(out.companies.map((c) => c.company)).not.toContain('乙化工有限公司');
    expect(out.companies).toHaveLength(8);
    const crash = out.rejected.find((x) => x.file.endsWith('b-yi.json'))!;
    expect(crash.problems[0]!.code).toBe('batch.worker-crashed');
    expect(out.rejected).toHaveLength(6); // the 5 bad inputs + the crash
    expect(rejectedCount).toBe(6);
  });

  it('workers that cannot start fail the run with the reason, instead of being started again for ever', async () => {
    const dist = (m: string) => import(pathToFileURL(path.join(ROOT, 'dist', m)).href);
    const [{ runBatch }, { Definitions }, { DEFAULT_LIMITS }, { DEFAULT_TABLE_LIMITS }] = await Promise.all([dist('app/batch/run.js'), dist('io/definitions.js'), dist('core/limits.js'), dist('io/tables/limits.js')]);
    // a broken install: the worker's module throws as it loads
    const broken = path.join(tempDir('zhizao-broken-worker-'), 'worker.mjs');
    writeFileSync(broken, "throw new Error('module not found: a broken install');\n");
    const stdout = new Writable({ write: (_c, _e, cb) => cb() });
    const started = Date.now();
    await expect(
      runBatch(
        new Definitions(),
        { inputs: [inDir], json: true, map: MAP, questionnaire: MINI, anonymize: false, anonKey: 'k', minGroupSize: 3, jobs: 2, force: false, lang: 'en', limits: DEFAULT_LIMITS, tableLimits: DEFAULT_TABLE_LIMITS, workerUrl: pathToFileURL(broken) },
        { note: () => undefined, progress: () => undefined, stdout, finished: async () => undefined },
      ),
    ).rejects.toThrow(/worker threads stop before reading any input \(3 in a row; last: module not found: a broken install\)/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('reads an XLSX written by LibreOffice', () => {
    const d = path.join(dir, 'libreoffice');
    mkdirSync(d);
    const csv = path.join(d, 'lo.csv');
    writeFileSync(csv, 'company,industry,design_tools,key_processes_total,key_processes_cnc,date\nLibre 公司,discrete,cad2d;cad3d,8,6,2026-10-01\nLibre 二厂,process,none,3,1,2026-10-02\n');
    const so = spawnSync('soffice', ['--headless', '--infilter=CSV:44,34,76,1', '--convert-to', 'xlsx', '--outdir', path.join(d, 'out'), csv], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, HOME: d } });
    // LibreOffice is installed by .ci/run; without it this test fails rather than passing silently.
    expect(so.error, 'soffice (LibreOffice) is needed: apt-get install libreoffice-calc').toBeUndefined();
    const xlsx = path.join(d, 'out', 'lo.xlsx');
    expect(existsSync(xlsx)).toBe(true);
    const r = zhizao(['batch', xlsx, '--questionnaire', MINI, '--json'], { cwd: dir });
    expect(r.code, `${r.stderr}\n${r.stdout.slice(0, 3000)}`).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.companies.map((c) => [c.company, c.indicators['cnc-rate']!.value])).toEqual([
      ['Libre 公司', 0.75],
      ['Libre 二厂', 0.3333],
    ]);
  }, 150_000);
});

describe('templates and validate', { timeout: 120_000 }, () => {
  it('template --format csv: header of ids, then a # row of question texts', () => {
    const r = zhizao(['template', '--format', 'csv', '--questionnaire', MINI, '--lang', 'zh']);
    expect(r.code, `${r.stderr}\n${r.stdout.slice(0, 3000)}`).toBe(0);
    const [ids, titles] = r.stdout.replace(/^\uFEFF/, '').split('\r\n');
    expect(ids!.split(',').slice(0, 3)).toEqual(['questionnaire', 'company', 'credit_code']);
    expect(ids).toContain('retrofit_status,retrofit_year');
    expect(ids).toContain('key_processes_cnc');
    expect(titles!.startsWith('# ')).toBe(true);
    expect(titles).toContain('数控化关键工序数');
  });

  it('template --format xlsx has drop-down lists and reads back as a table', async () => {
    const file = path.join(dir, 'table-template.xlsx');
    expect(zhizao(['template', '--format', 'xlsx', '--questionnaire', MINI, '-o', file]).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    const col = (ws.getRow(1).values as string[]).indexOf('design_level');
    expect(ws.getRow(3).getCell(col).dataValidation?.type).toBe('list');
    ws.getRow(3).getCell(2).value = '模板公司';
    ws.getRow(3).getCell(5).value = 'discrete';
    ws.getRow(3).getCell(col).value = 'PDM';
    await wb.xlsx.writeFile(file);
    const r = zhizao(['batch', file, '--questionnaire', MINI, '--json']);
    expect(r.code, `${r.stderr}\n${r.stdout.slice(0, 3000)}`).toBe(0);
    expect((JSON.parse(r.stdout) as Out).companies[0]!.company).toBe('模板公司');
  });

  it('validate reads the filled form and points at the sheet, row and column of a bad cell', async () => {
    const ok = zhizao(['validate', path.join(inDir, 'tables', 'form-geng.xlsx'), '--questionnaire', MINI]);
    expect(ok.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(inDir, 'tables', 'form-geng.xlsx'));
    const form = wb.getWorksheet('问卷')!;
    let badRow = 0;
    form.eachRow((r, n) => {
      if (r.getCell(1).value === 'key_processes_total') {
        r.getCell(4).value = '很多';
        badRow = n;
      }
    });
    const bad = path.join(dir, 'bad-form.xlsx');
    await wb.xlsx.writeFile(bad);
    const r = zhizao(['validate', bad, '--questionnaire', MINI]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`bad-form.xlsx[问卷]:${badRow}:4`);
  });

  it('validate of a CSV table checks every row and gives .xls a clear message', () => {
    const r = zhizao(['validate', path.join(BATCH, 'tables', 'bom-utf8.csv'), path.join(BATCH, 'answers', 'old-format.xls'), '--questionnaire', MINI]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bom-utf8\.csv:4:16 error "Is an MES in use\?" \(has_mes\): "maybe" is not yes\/no/);
    expect(r.stderr).toMatch(/save as \.xlsx/);
  });
});

describe('contradictions between answers (the consistency checks of validate and report)', { timeout: 120_000 }, () => {
  type Checked = { files: { warnings: number; problems: { line: number; column: number; code: string; message: string }[] }[] };
  type Batched = Out & { problems: { file: string; line: number; column: number; code: string; message: string }[] };
  const example = readFileSync(path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), 'utf8');

  it("are counted in each company's warnings and listed where validate puts them, for YAML and JSON files", () => {
    const d = path.join(dir, 'contradictions');
    mkdirSync(d, { recursive: true });
    // no design tools at all, yet a PDM/PLM, 3D design and CAM programming: three contradictions
    const text = example.replace(/design_tools: \[[^\]]*\]/, 'design_tools: [none]');
    expect(text).toContain('design_tools: [none]');
    const yamlFile = path.join(d, 'plant.zhizao.yaml');
    writeFileSync(yamlFile, text.replace(/company: .*/, 'company: 矛盾一'));
    // the same plant as JSON, one value per line (a list is located at its bracket, as the yaml package gives it)
    const jsonFile = path.join(d, 'plant2.json');
    writeFileSync(jsonFile, JSON.stringify(parseYaml(text.replace(/company: .*/, 'company: 矛盾二')), null, 2));
    const r = zhizao(['batch', d, '--json']);
    expect(r.code, `${r.stderr}\n${r.stdout.slice(0, 3000)}`).toBe(0);
    const out = JSON.parse(r.stdout) as Batched;
    for (const file of [yamlFile, jsonFile]) {
      const v = JSON.parse(zhizao(['validate', file, '--json']).stdout) as Checked;
      const expected = v.files[0]!.problems.filter((p) => p.code === 'checks.finding');
      expect(expected.length).toBeGreaterThanOrEqual(3);
      expect(out.companies.find((c) => c.file === file)!.warnings).toBe(v.files[0]!.warnings);
      const listed = out.problems.filter((p) => p.file === file && p.code === 'checks.finding');
      // the same finding at the same place; for the programme office by the lines of the answer file, without the
      // check's and the questions' ids that validate gives the consultant
      const officeText = (m: string) =>
        m.replace(/\.? \[check [^;]+; answers at ([^\]]+)\]$/, (_, at: string) => ` (answer file, lines ${[...new Set([...at.matchAll(/ (\d+):\d+/g)].map((x) => Number(x[1])))].sort((x, y) => x - y).join(', ')}).`);
      expect(expected.every((p) => officeText(p.message) !== p.message)).toBe(true);
      expect(listed.map((p) => [p.line, p.column, p.message])).toEqual(expected.map((p) => [p.line, p.column, officeText(p.message)]));
    }
  });

  it('a confidential answer never shows its value to the programme office: an implausible one is not listed, a wrong one is rejected by question only', () => {
    const d = path.join(dir, 'confidential-values');
    mkdirSync(d, { recursive: true });
    // the first-pass yield is confidential: 0.3 is below its plausible range, 1.7 above its hard maximum
    writeFileSync(path.join(d, 'low.zhizao.yaml'), example.replace(/company: .*/, 'company: 保密一').replace(/\n {2}kpi_first_pass_yield: [\d.]+/, '\n  kpi_first_pass_yield: 0.3'));
    writeFileSync(path.join(d, 'bad.zhizao.yaml'), example.replace(/company: .*/, 'company: 保密二').replace(/\n {2}kpi_first_pass_yield: [\d.]+/, '\n  kpi_first_pass_yield: 1.7'));
    expect(zhizao(['validate', path.join(d, 'low.zhizao.yaml')]).stderr).toContain('30%');
    const r = zhizao(['batch', d, '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as Batched;
    const all = JSON.stringify([out.problems, out.rejected]);
    expect(all).not.toMatch(/0\.3|1\.7|30%|170%/);
    expect(out.rejected).toHaveLength(1);
    // named by its question and id, never its value
    expect(out.rejected[0]!.message).toContain('the answer to the confidential question "What is the first-pass yield?" (kpi_first_pass_yield) has a problem');
    expect(r.stderr).not.toMatch(/kpi_first_pass_yield[^\n]*(0\.3|1\.7)/);
  });

  it('--include-answers gives every answer but those to confidential questions (JSON and CSV)', () => {
    const out = JSON.parse(zhizao(['batch', EXAMPLES, '--json', '--include-answers']).stdout) as Out & { companies: { answers?: Record<string, unknown> }[] };
    const answers = out.companies[0]!.answers!;
    expect(answers.design_tools).toBeDefined();
    for (const id of ['kpi_first_pass_yield', 'fieldbus_protocols', 'kpi_energy_per_output']) expect(answers[id], id).toBeUndefined();
    const csv = path.join(dir, 'answers-out.csv');
    expect(zhizao(['batch', EXAMPLES, '--include-answers', '-o', csv, '--force']).code).toBe(0);
    const head = readFileSync(path.join(dir, 'answers-out.answers.csv'), 'utf8').split('\n')[0]!;
    expect(head).toContain('answer.design_tools');
    expect(head).not.toMatch(/answer\.(kpi_first_pass_yield|fieldbus_protocols|kpi_energy_per_output)\b/);
  });

  it('one that names a confidential answer is neither listed nor counted for the programme office', () => {
    const d = path.join(dir, 'contradictions-confidential');
    mkdirSync(d, { recursive: true });
    // "no communication interfaces" (a confidential answer) while 35 machines are networked
    const file = path.join(d, 'plant.zhizao.yaml');
    writeFileSync(file, example.replace(/fieldbus_protocols: \[[^\]]*\]/, 'fieldbus_protocols: [none]'));
    const v = JSON.parse(zhizao(['validate', file, '--json']).stdout) as Checked;
    expect(v.files[0]!.problems.some((p) => p.message.includes('no-interfaces-vs-connected-equipment'))).toBe(true);
    const out = JSON.parse(zhizao(['batch', d, '--json']).stdout) as Batched;
    expect(out.problems.some((p) => p.message.includes('no-interfaces-vs-connected-equipment'))).toBe(false);
    expect(out.companies[0]!.warnings).toBe(v.files[0]!.warnings - 1);
  });
});

describe('smart-workshop candidates in the plan figures (the batch verdict on readiness)', () => {
  it('a plant meeting every workshop criterion counts, the discrete example (criteria missing) does not', async () => {
    const { questionnaire } = await import('../helpers/defs');
    const { stringify } = await import('yaml');
    const q = questionnaire('questionnaires/smart-manufacturing.yaml');
    const dir = tempDir('zhizao-ready-');
    const strong = parseYaml(readFileSync(path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), 'utf8'));
    for (const x of q.questions.filter((x) => x.type === 'requirement')) strong.answers[x.id] = 'full';
    for (const x of q.questions.filter((x) => x.type === 'level')) strong.answers[x.id] = x.options![x.options!.length - 1]!.value;
    Object.assign(strong.answers, { has_wms: true, has_mes: true, has_scada: true, key_processes_cnc: strong.answers.key_processes_total, equipment_networked: 30 });
    strong.respondent.company = '强厂示例有限公司';
    strong.respondent.credit_code = undefined;
    writeFileSync(path.join(dir, 'strong.zhizao.yaml'), stringify(strong));
    writeFileSync(path.join(dir, 'example.zhizao.yaml'), readFileSync(path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml')));
    const out = path.join(dir, 'out.json');
    const r = zhizao(['batch', dir, '-o', out, '--min-group-size', '1']);
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(readFileSync(out, 'utf8')) as { companies: unknown[]; summary: { plan: { targets: { id: string; count: number | null }[] } } };
    // two companies, one of them a candidate
    expect(result.companies).toHaveLength(2);
    expect(result.summary.plan.targets.find((t) => t.id === 'smart-workshops-per-year')!.count).toBe(1);
  });
});
