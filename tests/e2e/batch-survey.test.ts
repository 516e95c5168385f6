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
import { REPORT_FILES_PER_WORKER } from '../../src/app/batch/files-per-worker';
import type { CellProblem, Rejected } from '../../src/app/batch/parts';
import type { CompanyRecord } from '../../src/core/batch/record';
import type { BatchSummary } from '../../src/core/batch/summary';

const SURVEY = path.join(FIXTURES, 'batch', 'survey');
const CSV = path.join(SURVEY, 'wjx-survey.csv');
const GB = path.join(SURVEY, 'wjx-survey-gb18030.csv');
const LO = path.join(SURVEY, 'wjx-survey-libreoffice.xlsx');
const MAP = path.join(SURVEY, 'wjx-map.yaml');

/** The JSON `zhizao batch --json --include-answers` prints: the project's own types. */
interface Out {
  companies: CompanyRecord[];
  rejected: Rejected[];
  problems: CellProblem[];
  summary: BatchSummary;
}

const json = (r: { stdout: string }) => JSON.parse(r.stdout) as Out;
// hand-computed from the export (see the tests that use them)
// CNC rate over the 19 规上 plants left (9.2671 / 19) and over all 28 (13.0683 / 28), 巨力 left out
const CNC_19 = 0.4877;
const CNC_ALL_28 = 0.4667;
// robots_count of the 29 plants in the summary
const ROBOTS_IN_USE = 89;
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
    // the map it wrote works as it is: every column read (exit 1 for the export's bad cells, which a real run rejects too)
    const dry = zhizao(['batch', CSV, '--map', out, '--dry-run']);
    expect(dry.stdout).toContain('dry run: 1 table, 0 other inputs');
    expect(dry.stdout).not.toContain('matches no column');
    expect(dry.stdout).toContain('a real run would reject 2 rows for their cells');
  });

  it('--dry-run shows column → question, unmapped columns, unmatched labels and the lost line; writes nothing', () => {
    const d = path.join(dir, 'dry');
    mkdirSync(d);
    // an extra column the map does not name
    const text = readFileSync(CSV, 'utf8').split('\r\n').map((l, i) => (l ? `${l},${i === 0 ? '17、备注' : '无'}` : l)).join('\r\n');
    writeFileSync(path.join(d, 'export.csv'), text);
    const r = zhizao(['batch', path.join(d, 'export.csv'), '--map', MAP, '--dry-run', '-o', path.join(d, 'out.xlsx')]);
    // exit 1: the cells a real run rejects its rows for (约20, a wrong credit code, the garbage row) are found and listed
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('O33 郑州联创科技有限公司: column “9、主要产品的关键工序共有多少道？”: "How many key processes do the main products have?": "约20" is not a number');
    expect(r.stdout).toContain('H33 郑州联创科技有限公司: column “2、统一社会信用代码”: credit code 91410109H8RT2JFQQ0 fails its check character');
    expect(r.stdout).toContain('(a real run: row rejected)');
    // and the values a real run keeps but leaves out of the regional figures (1,200 key processes, 300 on CNC)
    expect(r.stdout).toContain('P34 郑州巨力锻压有限公司: column “10、其中由数控设备完成的关键工序有多少道？”: “How many of the key processes are done on CNC equipment?”: 300 is outside the usual range (at most 200 processes)');
    expect(r.stdout).toContain('please check (left out of the regional figures) (a real run: kept in the company row)');
    expect(r.stdout).toContain('a real run would reject 2 rows for their cells, leave 0 cells unanswered, leave 2 values outside the plausible range out of the regional figures, and list 0 contradictions between answers (the rows kept)');
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
    expect(rejectRun.stderr).toContain('wjx-survey.csv (row 33):33:8 郑州联创科技有限公司: column “2、统一社会信用代码”: credit code 91410109H8RT2JFQQ0 fails its check character');
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
    // the defect rate is a confidential answer: not in the office's answers (its reading is checked in the reports below)
    expect(hd.answers!.kpi_defect_rate).toBeUndefined();
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
    // a bare 2.9 in a （%） column is 2.9 %, 0.8 is 0.8 % (the company's own report shows its confidential answers)
    expect(readFileSync(path.join(reports, '郑州恒达机械有限公司.md'), 'utf8')).toMatch(/不良品率[^\n]*— \*\*2\.9%\*\*/);
    expect(readFileSync(path.join(reports, '郑州宇华电子科技有限公司.md'), 'utf8')).toMatch(/不良品率[^\n]*— \*\*0\.8%\*\*/);
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

  it('submissions of one plant less than 30 days apart are a resubmission (a conflict), never a baseline and a follow-up', () => {
    expect(reject.summary.conflictWindowDays).toBe(30);
    // 德信: 09:12 and 15:40 the same day; 华夏: 11 days apart
    for (const name of ['郑州德信液压有限公司', '郑州华夏阀门有限公司']) {
      const d = reject.summary.duplicates.find((x) => x.plant.includes(name))!;
      expect(d.resubmission, name).toBe(true);
      expect(d.members.map((m) => [m.superseded, m.relation]).sort()).toEqual([
        [false, 'current'],
        [true, 'resubmission'],
      ]);
      expect(company(reject, name).find((c) => c.superseded)!.supersededAs).toBe('resubmission');
    }
    expect(rejectRun.stderr).toMatch(/郑州德信液压有限公司\) submitted again less than 30 days later \(or without a date\) in 1 case: one assessment sent twice, not a baseline and a follow-up/);
    // the pair it is about, the earlier first (09:12 → 15:40, although 15:40 is listed first)
    expect(rejectRun.stderr).toContain('wjx-survey.csv:30 (2026-11-12 09:12:05) → wjx-survey.csv:29 (2026-11-12 15:40:12)');
    // so no progress is counted: nothing "added" (blank, not 6 robots)
    // the survey never asks the enterprise class: the class shares say so instead of "no class A company"
    for (const id of ['class-a-retrofit-share', 'class-b-retrofit-share']) {
      const t = reject.summary.plan!.targets.find((x) => x.id === id);
      if (t) expect(t, id).toMatchObject({ countable: 'no', count: null, met: null, how: { code: 'plan.class-not-asked' } });
    }
    expect(reject.summary.plan!.targets.some((x) => x.how.code === 'plan.class-not-asked')).toBe(true);
    const eq = reject.summary.plan!.targets.find((t) => t.id === 'smart-equipment-applications-total')!;
    expect(eq).toMatchObject({ count: null, met: null, how: { code: 'plan.equipment-added' } });
  });

  it('too few answers for a level: no level, no score, no part in the means; undetermined sections are blank', () => {
    const current = reject.companies.filter((c) => !c.superseded);
    expect(current).toHaveLength(29);
    for (const c of reject.companies) {
      expect(c.level).toBeNull();
      expect(c.score).toBeNull();
    }
    const s = reject.summary;
    expect(s.levels).toEqual({ '0': 0, '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 });
    expect(s.levels.none).toBeUndefined();
    expect(s.noLevel).toBe(29);
    expect([s.meanScore, s.meanScoreN]).toEqual([null, 0]);
    for (const sec of s.sections) expect([sec.mean, sec.companies]).toEqual([null, 0]);
    // no level stated: sections and sub-domains are as undetermined as S (the requirement questions the short form
    // never asks would count as unmet and show 0 where the plant rated itself 3): null, never 0
    for (const c of reject.companies.filter((x) => x.level === null)) {
      expect(Object.values(c.sections).every((v) => v === null), c.company).toBe(true);
      expect(Object.values(c.subdomains ?? {}).every((v) => v === null), c.company).toBe(true);
    }
  });

  it('the summary states its sample: companies, source, dates, questions covered, a self-report not a census', () => {
    const sm = reject.summary.sample;
    expect(sm).toMatchObject({ companies: 29, files: ['wjx-survey.csv'], fileCount: 1, dates: { from: '2026-11-01', to: '2026-11-16' }, selfReported: 29 });
    expect(sm.questions.shortForm).toBe(true);
    expect(sm.questions.covered).toBe(11);
    expect(sm.statement.en).toContain('the answers 29 companies of this batch gave about themselves (self-reports): a sample, not a census of the target population');
    // the counts add up: 31 rows scored from the one file, 2 superseded, 29 in the summary; 3 inputs rejected
    expect(sm).toMatchObject({ scored: 31, superseded: 2, rejected: 3 });
    expect(sm.statement.en).toContain('Source: 31 answer sets read and scored from 1 file, 2 of them superseded by a newer assessment of the same plant and left out, 29 in the summary; 3 inputs rejected. Files: wjx-survey.csv.');
    expect(sm.statement.en).toContain('The answer sets counted were submitted 2026-11-01 to 2026-11-16.');
    expect(sm.statement.en).toContain('(a short form)');
    expect(sm.statement.zh).toContain('不是对目标总体的普查');
  });

  it('the same plant with and without a credit code is one plant, with a warning', () => {
    expect(company(reject, '郑州华夏阀门有限公司').map((c) => c.superseded)).toEqual([true, false]);
    const d = reject.summary.duplicates.find((x) => x.plant.includes('郑州华夏阀门有限公司'))!;
    expect(d.matchedByName).toBe(true);
    expect(rejectRun.stderr).toMatch(/郑州华夏阀门有限公司\) appears 2 times, 1 with its credit code and 1 without it/);
    expect(d.members.map((m) => m.coded).sort()).toEqual([false, true]);
    expect(reject.summary).toMatchObject({ scored: 31, superseded: 2, companies: 29 });
  });

  it('plausible ranges from the questionnaire are warnings on the cell; the value is kept in the row, out of the regional figures', () => {
    const jl = company(reject, '郑州巨力锻压有限公司')[0]!;
    expect(jl.answers!.key_processes_total).toBe(1200);
    expect(jl.warnings).toBeGreaterThanOrEqual(2);
    expect(jl.indicators['cnc-rate']).toMatchObject({ value: 0.25, excluded: 'implausible' });
    expect(reject.summary.excluded).toEqual({ reason: 'implausible', values: 1, companies: 1 });
    // 20 规上 plants, 巨力's 300 / 1200 left out: 19
    expect(ind(reject, 'cnc-rate')).toMatchObject({ n: 19, denominator: 19, excluded: 1, unanswered: 0 });
    expect(reject.problems.filter((p) => p.code === 'batch.implausible').map((p) => [p.cell, p.severity, p.message])).toEqual([
      ['O34', 'warning', '“How many key processes do the main products have?”: 1200 is outside the usual range (1–200 processes); please check (left out of the regional figures)'],
      ['P34', 'warning', '“How many of the key processes are done on CNC equipment?”: 300 is outside the usual range (at most 200 processes); please check (left out of the regional figures)'],
    ]);
    // kept in the company row, but in no regional figure: said so (before: "kept", as if it counted)
    expect(new Set(reject.problems.filter((p) => p.code === 'batch.implausible').map((p) => p.action))).toEqual(new Set(['excluded']));
  });

  it('regional figures over their official population (规上), the other splits beside; 不清楚 stays in a share\'s denominator', () => {
    // design tools: all 20 规上 plants in the summary use them, 0 of 8 below (规下) — 20 / 28 over all
    expect(ind(reject, 'design-tool-penetration')).toMatchObject({ regionalPopulation: 'above-designated-size', value: 1, numerator: 20, denominator: 20, met: true });
    expect(ind(reject, 'design-tool-penetration').splits.find((s) => s.population === 'all')).toMatchObject({ value: 0.7143, denominator: 28 });
    expect(ind(reject, 'design-tool-penetration').companiesMeetingTarget).toBeUndefined();
    const cnc = ind(reject, 'cnc-rate');
    // 巨力's 300 / 1200 is outside the plausible range: left out (0.4759 over 20 with it)
    expect(cnc).toMatchObject({ regionalPopulation: 'above-designated-size', value: CNC_19, denominator: 19, excluded: 1 });
    expect(cnc.splits.find((s) => s.population === 'all')).toMatchObject({ value: CNC_ALL_28, denominator: 28, excluded: 1 });
    // cloud: 16 yes, 6 no, 7 不清楚 → 16 / 29, not 16 / 22
    expect(ind(reject, 'cloud-adoption')).toMatchObject({ regionalPopulation: 'all', value: 0.5517, numerator: 16, denominator: 29, unknown: 7, unanswered: 0 });
    // all groups (region) by default, none merged
    expect(reject.summary.groupBy).toBe('region');
    expect(reject.summary.groups!.map((g) => g.companies).reduce((a, b) => a + b, 0)).toBe(29);
    expect(reject.summary.groups!.some((g) => g.key === 'other')).toBe(false);
    // the 2020 targets are before the 2026 survey: historical
    expect(cnc).toMatchObject({ targetYear: 2020, historical: true });
  });

  it('a figure over fewer than the minimum group size (5) is withheld: its n only, no value, no met / not-met verdict', () => {
    expect(reject.summary.minGroupSize).toBe(5);
    const cncIn = (key: string) => reject.summary.groups!.find((g) => g.key === key)!.indicators.find((i) => i.id === 'cnc-rate')!;
    // 高新区: 4 规上 plants (金沙 7/11, 长城 9/14, 远航 8/12, 德信 9/12) → 0.674 is not published, nor judged
    expect(cncIn('高新区')).toMatchObject({ value: null, numerator: null, n: 4, met: null, gap: null, withheld: 'small-group' });
    // 二七区: 5 规上 plants, judged
    expect(cncIn('二七区').n).toBe(5);
    expect(typeof cncIn('二七区').met).toBe('boolean');
    expect(cncIn('二七区').withheld).toBeUndefined();
    // --min-group-size 4 judges 高新区 too (and merges smaller groups into "other")
    const four = json(zhizao(['batch', CSV, '--map', MAP, '--json', '--min-group-size', '4'], { cwd: SURVEY }));
    const g4 = four.summary.groups!.find((g) => g.key === '高新区')!.indicators.find((i) => i.id === 'cnc-rate')!;
    expect(g4).toMatchObject({ value: 0.674, n: 4, met: true });
  });

  it('counts the plan targets the answers support, and says "not countable" for the rest', () => {
    const t = Object.fromEntries(reject.summary.plan!.targets.map((x) => [x.id, x]));
    expect(reject.summary.plan!.id).toBe('zhengzhou-2018');
    // 规上 companies in the cloud: 12 in the sample; no verdict against the city's 300 by 2020, a historical target
    expect(t['cloud-above-size-total']).toMatchObject({ countable: 'yes', count: 12, met: null, withheld: 'sample', targetYear: 2020, historical: true });
    expect(t['cloud-sme-total']).toMatchObject({ countable: 'yes', count: 4, met: null, withheld: 'sample' });
    expect(reject.summary.plan!.targets.every((x) => x.historical)).toBe(true);
    // per-year targets need the year of moving to the cloud: a stand-in, no verdict
    expect(t['cloud-above-size-per-year']).toMatchObject({ countable: 'partial', met: null });
    expect(t['demo-parks']).toMatchObject({ countable: 'no', count: null, how: { code: 'plan.not-countable' } });
    expect(t['demo-lines-total']).toMatchObject({ countable: 'no', how: { code: 'plan.needs-question' } });
    // no plant has a baseline and a follow-up 30 days apart: nothing added is known (德信 and 华夏 resubmitted)
    expect(t['smart-equipment-applications-total']).toMatchObject({ countable: 'partial', count: null });
    // robots are asked; CNC machines are not (no column in the map): "not asked", never 0
    expect(t['smart-equipment-applications-total']!.also).toEqual([
      { code: 'plan.fact-in-use', args: { question: 'robots_count', total: ROBOTS_IN_USE, companies: 29 } },
      { code: 'plan.fact-not-asked', args: { question: 'cnc_machines_count' } },
    ]);
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
    // written to a file, the terminal still says how many plants got a level and what the figures are a sample of
    expect(r.stderr).toContain('成熟度等级分布：L0 0  L1 0  L2 0  L3 0  L4 0  L5 0  未定级 29');
    expect(r.stderr).toContain('不是对目标总体的普查');
    expect(r.stderr).toContain('（✓ 为保留的一次）');
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
    // the local submission time as given: no conversion to a UTC instant (…T09:00:00.000Z)
    expect(row.getCell(colOf('诊断日期')).value).toBe('2026-11-01 09:00:00');
    // no level stated: level, score and every section blank, not 0
    expect(row.getCell(colOf('成熟度等级')).value).toBeNull();
    expect(row.getCell(colOf('成熟度得分 S')).value).toBeNull();
    expect(row.getCell(colOf('等级名称')).value).toBe('未给出等级（回答不足）');
    const sectionCells = head.map((h, i) => [h, row.getCell(i + 1).value] as const).filter(([h]) => h.startsWith('板块得分：'));
    expect(sectionCells.map(([, v]) => v)).toEqual([null, null, null, null, null]);
    // the superseded same-day resubmission says why
    const reason = (ws.getColumn(colOf('被取代的原因')).values as unknown[]).filter((v) => typeof v === 'string' && v !== '被取代的原因');
    expect(reason).toEqual(['短期内重复提交（以日期较晚的为准；日期相同的以后读入的为准）', '短期内重复提交（以日期较晚的为准；日期相同的以后读入的为准）']);
    // codes as Chinese labels
    expect(row.getCell(colOf('行业类型')).value).toBe('离散型');
    // per-company sub-domain scores, numerators and denominators
    expect(colOf('能力子域得分：产品设计')).toBeGreaterThan(0);
    expect(row.getCell(colOf('关键工序数控化率：分母，即“主要产品的关键工序共有多少道？”的回答，流程型企业为“主要产品的关键工序（装置、单元）共有多少道？”的回答（key_processes_total）')).value).toBe(8);
    // 汇总: populations and groups × indicators
    const sum = wb.getWorksheet('汇总')!;
    expect((sum.getColumn(1).values as unknown[]).slice(1, 5)).toEqual(['分组', '全部企业', '规上企业', '规下企业']);
    const sumHead = (sum.getRow(1).values as unknown[]).slice(1) as string[];
    // each row counts its own companies: the CNC rate over the row's 规上 companies (judged), and over all of them
    expect(sumHead).toContain('关键工序数控化率（企业值平均，本行中回答该题的规上企业）');
    expect(sumHead).toContain('关键工序数控化率（企业值平均，本行中回答该题的全部企业）');
    // all companies: mean score blank (n = 0), 29 with no level stated, every level 0
    const allRow = sum.getRow(2);
    const sumCol = (t: string) => allRow.getCell(sumHead.indexOf(t) + 1).value;
    expect(sumCol('平均成熟度得分')).toBeNull();
    expect(sumCol('平均成熟度得分的 n（已定级企业数）')).toBe(0);
    expect(sumCol('未定级（回答不足）')).toBe(29);
    expect(sumCol('未达到一级')).toBe(0);
    expect(sumHead).not.toContain('0 级');
    // the notes under the table: the sample statement first
    const notes = (sum.getColumn(1).values as unknown[]).filter((v) => typeof v === 'string' && v.length > 40) as string[];
    expect(notes[0]).toContain('本汇总基于本批次 29 家企业自行填报的答卷，是样本自报数据，不是对目标总体的普查。来源：从 1 个文件读取并评分 31 份答卷，其中 2 份被同一工厂较新的评估取代、不计入，计入汇总 29 家；另有 3 项输入被拒收。文件：wjx-survey.csv。被拒收的输入逐项列在拒收清单中，并写明原因。计入汇总的答卷提交日期 2026-11-01 至 2026-11-16。');
    expect(notes.join('\n')).toContain('未计入任何区域数值');
    // 汇总长表: no "none 级" row, a 未定级 count; every regional figure states what it is over, n, source and dates
    const long = wb.getWorksheet('汇总长表')!;
    const longHead = (long.getRow(1).values as unknown[]).slice(1) as string[];
    const L = (title: string) => longHead.indexOf(title) + 1;
    const longRows = Array.from({ length: long.rowCount - 1 }, (_, i) => long.getRow(i + 2));
    const titles = longRows.map((r) => String(r.getCell(L('名称')).value));
    expect(titles.some((t) => /none/.test(t))).toBe(false);
    // (part and item in words: the headline row comes first under its indicator's title)
    const noLevel = longRows.find((r) => r.getCell(L('部分')).value === '全部企业' && r.getCell(L('项目')).value === '未定级企业数（回答不足，不计入等级分布和平均分）' && r.getCell(L('分组')).value === '全部企业')!;
    expect(noLevel.getCell(L('数值（单位见下一列）')).value).toBe(29);
    const cncRow = longRows.find((r) => r.getCell(L('项目')).value === '关键工序数控化率' && r.getCell(L('分组')).value === '全部企业')!;
    expect(cncRow.getCell(L('本数值的计算范围')).value).toBe('本批次中回答该题的规上企业');
    expect(cncRow.getCell(L('n（分母：计入的企业数）')).value).toBe(19);
    expect(cncRow.getCell(L('来源（数值所依据的答卷）')).value).toBe('1 个输入文件：wjx-survey.csv；其中 2 份答卷被同一工厂较新的评估取代，不计入');
    expect(cncRow.getCell(L('调查日期（计入的答卷的提交日期范围）')).value).toBe('2026-11-01 – 2026-11-16');
    expect(cncRow.getCell(L('历史目标（目标年份早于调查）')).value).toBe(1);
    expect(cncRow.getCell(L('未计入的值（超出合理范围）')).value).toBe(1);
    expect(String(cncRow.getCell(L('目标的统计口径（仅供参照，不是本数值的计算范围）')).value)).toContain('全市制造业重点领域企业');
    const small = longRows.find((r) => r.getCell(L('项目')).value === '关键工序数控化率' && r.getCell(L('分组')).value === '高新区')!;
    expect(small.getCell(L('数值（单位见下一列）')).value).toBeNull();
    expect(small.getCell(L('达标')).value).toBeNull();
    expect(small.getCell(L('不判定是否达标的原因')).value).toBe('n = 4，少于最小分组规模 5：不单列数值（留空），不判定是否达标');
    expect((sum.getColumn(1).values as string[]).some((v) => typeof v === 'string' && v.startsWith('地区：'))).toBe(true);
    // 规划目标 with the plan's own words and whether each can be counted
    const plan = wb.getWorksheet('规划目标')!;
    expect(plan.rowCount).toBeGreaterThan(20);
    expect((plan.getColumn(8).values as unknown[]).slice(2)).toContain('不能');
    const planHead = (plan.getRow(1).values as unknown[]).slice(1) as string[];
    const cloud = Array.from({ length: plan.rowCount - 1 }, (_, i) => plan.getRow(i + 2)).find((r) => r.getCell(1).value === '上云的规模以上工业企业（三年合计）')!;
    const P = (t: string) => cloud.getCell(planHead.indexOf(t) + 1).value;
    expect(P('答卷统计数')).toBe(12);
    expect(P('达标')).toBeNull();
    expect(P('不判定是否达标的原因')).toBe('样本企业的计数不能说明目标总体的总数：不判定是否达标');
    expect(P('历史目标（目标年份早于调查）')).toBe(1);
    const equipment = Array.from({ length: plan.rowCount - 1 }, (_, i) => plan.getRow(i + 2)).find((r) => r.getCell(1).value === '智能装备示范应用数量')!;
    expect(String(equipment.getCell(planHead.indexOf('计算方法') + 1).value)).toContain('“在用的数控机床和其他数控加工、成形设备有多少台？”（cnc_machines_count）：本次输入未问及（留空，不是 0）');
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
    expect(cell('诊断日期').value).toBe('2026-11-01 09:00:00');
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
    expect(r.stderr).toContain('no answer file or table');
  });

  it('a folder that does not exist is named as such, not as empty (exit 2), in English and Chinese', () => {
    const en = zhizao(['batch', path.join(dir, 'no-such-folder'), '-o', path.join(dir, 'none.json')]);
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/no-such-folder does not exist; check the path/);
    const zh = zhizao(['batch', path.join(dir, 'no-such-folder'), path.join(dir, 'gone.yaml'), '-o', path.join(dir, 'none.json')], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toMatch(/no-such-folder, .*gone\.yaml 不存在，请检查路径/);
    expect(existsSync(path.join(dir, 'none.json'))).toBe(false);
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
      [true, '_SUPERSEDED/同一公司-2.md'],
      [false, '同一公司.md'],
    ]);
    expect(readFileSync(path.join(reports, '同一公司.md'), 'utf8')).toContain('2026-05-01');
    // the superseded report is moved aside, where nobody hands it out by mistake
    expect(readFileSync(path.join(reports, '_SUPERSEDED', '同一公司-2.md'), 'utf8')).toContain('2025-05-01');
    expect(readdirSync(reports).sort()).toEqual(['_SUPERSEDED', '_SUPERSEDED.txt', '同一公司.md']);
    // the folder lists the superseded report with the one to use instead, and stderr says where
    expect(readFileSync(path.join(reports, '_SUPERSEDED.txt'), 'utf8')).toBe(
      'Reports superseded by a newer assessment of the same plant (1), moved into _SUPERSEDED/: use the report named after each one instead.\n_SUPERSEDED/同一公司-2.md (assessed 2025-05-01) → 同一公司.md\n',
    );
    const zh = zhizao(['batch', d, '--reports', path.join(dir, 'names-reports-zh'), '--format', 'md', '-o', path.join(dir, 'names.json')], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.stderr).toMatch(/1 份报告已被同一工厂较新的评估取代：已移入 .*_已被取代-SUPERSEDED，并列在 .*_已被取代-SUPERSEDED\.txt/);
    expect(readFileSync(path.join(dir, 'names-reports-zh', '_已被取代-SUPERSEDED', '同一公司-2.md'), 'utf8')).toContain('2025-05-01');
    expect(readFileSync(path.join(dir, 'names-reports-zh', '_已被取代-SUPERSEDED.txt'), 'utf8')).toContain('_已被取代-SUPERSEDED/同一公司-2.md（评估于 2025-05-01）→ 同一公司.md');
  });

  it('--reports: the reports and the output written by worker threads are those written on the main thread, byte for byte', () => {
    const d = path.join(dir, 'threads');
    mkdirSync(d);
    for (const [i, example] of ['discrete-machinery', 'process-food'].flatMap((e) => [e, e, e]).entries()) {
      const text = readFileSync(path.join(EXAMPLES, `${example}.zhizao.yaml`), 'utf8');
      writeFileSync(path.join(d, `${i}.yaml`), text.replace(/company: .*/, `company: 线程公司${i}`));
    }
    for (const format of ['md', 'html']) {
      // six files: the default --jobs scores them on the main thread (fewer than REPORT_FILES_PER_WORKER)
      const run = (name: string, jobs: string[]) => {
        const r = zhizao(['batch', d, '--reports', path.join(dir, name), '--format', format, '-o', path.join(dir, `${name}.json`), ...jobs]);
        expect(r.code, r.stderr).toBe(0);
        const files = readdirSync(path.join(dir, name)).sort();
        return { files, bytes: files.map((f) => readFileSync(path.join(dir, name, f))), out: readFileSync(path.join(dir, `${name}.json`), 'utf8') };
      };
      const main = run(`threads-main-${format}`, []);
      const workers = run(`threads-workers-${format}`, ['--jobs', '2']);
      expect(main.files).toHaveLength(6);
      expect(workers.files).toEqual(main.files);
      expect(workers.bytes).toEqual(main.bytes);
      expect(workers.out.replaceAll('threads-workers', 'threads-main')).toBe(main.out);
    }
  });

  it('Ctrl-C with --reports removes the unfinished folder it created, or marks one that had files', async () => {
    const d = path.join(dir, 'many');
    mkdirSync(d);
    const base = readFileSync(path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), 'utf8');
    for (let i = 0; i < 400; i++) writeFileSync(path.join(d, `${String(i).padStart(3, '0')}.yaml`), base.replace(/company: .*/, `company: 公司${i}`));
    // fewer answer files than a worker's worth with --reports (REPORT_FILES_PER_WORKER): scored on the main thread
    const fewer = path.join(dir, 'fewer-than-a-worker');
    mkdirSync(fewer);
    for (let i = 0; i < REPORT_FILES_PER_WORKER - 5; i++) writeFileSync(path.join(fewer, `${String(i).padStart(3, '0')}.yaml`), base.replace(/company: .*/, `company: 公司${i}`));
    const interrupt = async (reports: string, extra: string[], jobs: string[] = ['--jobs', '1'], input = d) => {
      const child = spawn(process.execPath, [BIN, 'batch', input, '--reports', reports, '--format', 'html', ...jobs, '--json', ...extra], { env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' }, stdio: ['ignore', 'ignore', 'pipe'] });
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
    // the same with the default --jobs: the 400 files in workers, and a few files on the main thread
    const pooled = path.join(dir, 'default-jobs-reports');
    const p = await interrupt(pooled, [], []);
    expect(p.code, p.stderr).toBe(130);
    expect(existsSync(pooled)).toBe(false);
    const main = path.join(dir, 'main-thread-reports');
    const m = await interrupt(main, [], [], fewer);
    expect(m.code, m.stderr).toBe(130);
    expect(existsSync(main)).toBe(false);
    expect(m.stderr).toMatch(/unfinished reports folder .* was removed/);
    const old = path.join(dir, 'old-reports');
    mkdirSync(old);
    writeFileSync(path.join(old, 'keep.txt'), 'earlier\n');
    const b = await interrupt(old, ['--force']);
    expect(b.code).toBe(130);
    expect(readdirSync(old)).toContain('_INCOMPLETE.txt');
    expect(readdirSync(old)).toContain('keep.txt');
    // run again to the end (a few files are enough): the folder is complete, and no longer says otherwise
    const few = path.join(dir, 'few');
    mkdirSync(few);
    for (const n of readdirSync(d).slice(0, 3)) copyFileSync(path.join(d, n), path.join(few, n));
    const c = zhizao(['batch', few, '--reports', old, '--format', 'html', '--force', '-o', path.join(dir, 'few.json')]);
    expect(c.code, c.stderr).toBe(0);
    expect(readdirSync(old)).not.toContain('_INCOMPLETE.txt');
    expect(readdirSync(old)).toContain('keep.txt');
    expect(c.stderr).toMatch(/the reports folder .* is complete: removed _INCOMPLETE\.txt, left by an earlier interrupted run/);
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

describe('the summary on the terminal (no -o, no --json): what an analyst reads first', () => {
  it('prints the counts, the sample statement, the level distribution, the mean and each indicator with its population and target year', () => {
    const r = zhizao(['batch', CSV, '--map', MAP], { cwd: SURVEY });
    expect(r.code, r.stderr).toBe(1); // three rows rejected: listed on stderr, the rest scored
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('scored 31 (29 plants in the summary, 2 superseded), 3 rejected');
    expect(r.stdout).toContain('a sample, not a census of the target population');
    expect(r.stdout).toContain('maturity levels: L0 0  L1 0  L2 0  L3 0  L4 0  L5 0  no level stated 29');
    expect(r.stdout).toContain('mean score S — (n = 0, companies with a level stated)');
    expect(r.stdout).toMatch(/Key-process CNC rate: 48\.8% \(n=19, companies above designated size/);
    // percentages to 0.1 %, as the workbook shows them (100.0 %, > 70.0 %; before: 100 % and > 70 %)
    expect(r.stdout).toMatch(/Digital design-tool penetration: 100\.0% \(20\/20, .* > 70\.0% /);
    expect(r.stdout).toContain('historical target');
    expect(r.stderr).toContain('a quoted cell is never closed');
    // written to a file, the terminal gets the same first lines: the counts, the sample statement, the levels
    const toFile = zhizao(['batch', CSV, '--map', MAP, '-o', path.join(dir, 'summary-lines.xlsx')], { cwd: SURVEY });
    const said = toFile.stderr.split('\n');
    const at = said.indexOf(lines[0]!);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(said.slice(at, at + 3)).toEqual(lines.slice(0, 3));
    expect(lines[2]).toContain('maturity levels:');
  });
});

describe('an export whose map has no 规上 column (review F6): why the 规上 figures are empty, and the all-company figure', { timeout: 180_000 }, () => {
  it('says on stdout, on stderr with -o and in the summary CSV\'s verdict_note that no company states its size, with the figure over all companies', () => {
    const d = tempDir();
    const map = path.join(d, 'map-nosize.yaml');
    writeFileSync(map, readFileSync(MAP, 'utf8').split('\n').filter((l) => !l.includes('"5、是否为规模以上工业企业"')).join('\n'));
    const r = zhizao(['batch', CSV, '--map', map, '--lang', 'zh'], { cwd: SURVEY });
    expect(r.stdout).toContain('29 家企业均未填写是否规上，规上口径无法计算；全部企业：46.7%（n = 28');
    expect(r.stdout).toContain('29 家企业均未填写是否规上，规上口径无法计算；全部企业：71.4%（n = 28');
    expect(r.stderr).toContain('请在映射文件中加入问卷的“是否规上”列');
    const en = zhizao(['batch', CSV, '--map', map, '-o', path.join(d, 'r.csv')], { cwd: SURVEY });
    expect(en.stderr).toContain('none of the 29 companies states whether it is above designated size (规上), so the 规上 figure cannot be formed; over all companies: 46.7% (n = 28');
    const rows = readFileSync(path.join(d, 'r.summary.csv'), 'utf8').split('\n');
    // the headline row (the reason is in its verdict_note cell, quoted: it has commas)
    expect(rows.find((l) => l.startsWith('all,all,cnc-rate,'))).toMatch(/,0,"none of the 29 companies states whether it is above designated size \(规上\), so the 规上 figure cannot be formed; over all companies: 46\.7% \(n = 28, not judged; see the ""all companies"" row\)",true,/);
    // with the 规上 column the note is not there
    const sized = zhizao(['batch', CSV, '--map', MAP], { cwd: SURVEY });
    expect(sized.stdout).not.toContain('above designated size (规上), so');
  });
});

describe('rejections and the dry run in the analyst\'s words (review F10)', { timeout: 180_000 }, () => {
  it('a 规上 or industry cell the importer cannot read names the cell and the words it accepts, not a schema type or codes', () => {
    const d = tempDir();
    const csv = path.join(d, 'e.csv');
    writeFileSync(csv, readFileSync(CSV, 'utf8').replace('郑州恒达机械有限公司,9141010UCQWD18YGFH,金水区,离散型制造,是,', '郑州恒达机械有限公司,9141010UCQWD18YGFH,金水区,离散型制造,规上企业,'));
    const zh = zhizao(['batch', csv, '--map', MAP, '--lang', 'zh'], { cwd: SURVEY });
    expect(zh.stderr).toContain('“5、是否为规模以上工业企业”列：“规上企业”无法识别为是否规上；请填 是 / 否、规上 / 规下、1 / 0、yes / no 之一，或在映射文件的 values: above_designated_size: 下写明对应关系（如 "规上企业": true）');
    expect(zh.stderr).not.toContain('类型应为 boolean');
    expect(zh.stderr).toContain('“4、行业类型（离散型/流程型）”列：“asdf”无法识别为行业类型；请填 离散型 / 流程型 / 混合型');
    expect(zh.stderr).not.toContain('应为以下之一：discrete, process, mixed');
    const en = zhizao(['batch', CSV, '--map', MAP], { cwd: SURVEY });
    expect(en.stderr).toContain('"asdf" is not read as an industry type; write one of discrete / process / mixed, 离散型 / 流程型 / 混合型');
  });

  it('the problems list speaks to the office: cells it could not read in their column\'s words, contradictions by their lines, no check or question ids (review 10, m1/m2)', () => {
    const d = tempDir();
    // a survey row whose industry and 规上 cells cannot be read, and a reviewed plant with contradicting energy answers
    writeFileSync(path.join(d, 'e.csv'), readFileSync(CSV, 'utf8').replace('郑州恒达机械有限公司,9141010UCQWD18YGFH,金水区,离散型制造,是,', '郑州恒达机械有限公司,9141010UCQWD18YGFH,金水区,asdf,规上企业,'));
    copyFileSync(path.join(FIXTURES, 'plants', 'autoparts-vin-mostly.yaml'), path.join(d, 'plant.yaml'));
    zhizao(['batch', path.join(d, 'e.csv'), path.join(d, 'plant.yaml'), '--map', MAP, '--lang', 'zh', '-o', path.join(d, 'r.csv')], { cwd: SURVEY });
    const problems = readFileSync(path.join(d, 'r.problems.csv'), 'utf8');
    expect(problems).toContain('“规上企业”无法识别为是否规上；请填 是 / 否');
    expect(problems).toContain('“asdf”无法识别为行业类型；请填 离散型 / 流程型 / 混合型');
    expect(problems).not.toMatch(/类型应为 boolean|应为以下之一：discrete, process, mixed/);
    // the plant's contradictions: by the lines of its answer file, without 【核对项 id；答案位置 question line:column】
    const plant = problems.split('\n').filter((l) => l.includes('plant.yaml'));
    expect(plant.length).toBeGreaterThan(0);
    for (const l of plant) {
      expect(l).toMatch(/（答卷第 \d+(、\d+)* 行）。/);
      expect(l).not.toMatch(/核对项|答案位置/);
    }
  });

  it('--dry-run names input kinds in words, says answer files are not checked, and exits 1 on a file a real run rejects', () => {
    const answers = path.join(FIXTURES, 'batch', 'answers');
    const r = zhizao(['batch', answers, '--dry-run']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('a-jia.yaml: answer file (listed, contents not checked)');
    expect(r.stdout).toContain('old-format.xls: a real run rejects it: .xls files cannot be read');
    expect(r.stdout).toMatch(/the 7 answer files are listed, not checked; check them with .* validate FILE/);
    expect(r.stdout).not.toMatch(/: (answer|binary-spreadsheet)$/m);
    const zh = zhizao(['batch', path.join(answers, 'a-jia.yaml'), '--dry-run', '--lang', 'zh']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('a-jia.yaml：答卷文件（只列出，未检查内容）');
  });
});

describe('the summary CSV states each figure\'s unit and how many files it comes from (review F11)', { timeout: 180_000 }, () => {
  it('a unit column beside the value, and a source cell with the file count when the list is cut', () => {
    const d = tempDir();
    const answers = path.join(d, 'answers');
    mkdirSync(answers);
    const example = readFileSync(path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), 'utf8').replace(/^\s*credit_code:.*\n/m, '');
    for (let i = 1; i <= 12; i++) writeFileSync(path.join(answers, `p${String(i).padStart(2, '0')}.yaml`), example.replace('郑州示例机械有限公司', `郑州示例机械${i}号有限公司`));
    const r = zhizao(['batch', answers, '-o', path.join(d, 'r.csv'), '--lang', 'zh']);
    expect(r.code, r.stderr).toBe(0);
    const lines = readFileSync(path.join(d, 'r.summary.csv'), 'utf8').split('\n');
    const header = lines[0]!.replace(/^\uFEFF/, '').split(',');
    expect(header.slice(4, 6)).toEqual(['value', 'unit']);
    expect(lines[1]!.split(',').slice(4, 6)).toEqual(['数值（单位见下一列）', '单位']);
    const cells = (item: string) => lines.find((l) => l.startsWith(`all,all,${item},`))!.split(',');
    expect(cells('companies').slice(4, 6)).toEqual(['12', '家']);
    expect(cells('mean_score')[5]).toBe('分（0–5）');
    expect(cells('cnc-rate')[5]).toBe('比例（0–1，0.5 即 50%）');
    expect(lines.find((l) => l.startsWith('counts,,scored,'))!.split(',')[5]).toBe('份答卷');
    // the source: how many files, then the first ten
    const source = lines.find((l) => l.startsWith('all,all,cnc-rate,'))!;
    expect(source).toMatch(/"12 个输入文件（前 10 个：[^"]*p01\.yaml, [^"]*p10\.yaml 等）"/);
    expect(source).not.toContain('p11.yaml');
  });
});

describe('the default grouping when few companies state a district (review F7)', { timeout: 180_000 }, () => {
  it('groups by the default field most companies state: the region, when most state one and few a district; nothing then to warn about', () => {
    const inputs = [EXAMPLES, path.join(FIXTURES, 'plants'), path.join(FIXTURES, 'review'), CSV];
    const r = zhizao(['batch', ...inputs, '--map', MAP, '--json']);
    const out = json(r);
    expect(out.summary.groupBy).toBe('region');
    expect(out.summary.groupByUnstated).toBeUndefined();
    expect(r.stderr).not.toContain('state no district');
    // asked for explicitly, the district grouping stays as asked
    const district = zhizao(['batch', ...inputs, '--map', MAP, '--json', '--group-by', 'district']);
    expect(json(district).summary.groupBy).toBe('district');
  });
});

describe('a workbook read leaves nothing of the plants behind (LibreOffice writes the sheet before its shared strings)', { timeout: 180_000 }, () => {
  // exceljs copied such a sheet to a file in the system's temporary folder and removed it only when the sheet was
  // read to its end: a header-only read (map init) or a rejected table left the plants' answers there in plain text.
  it('batch (rejected for want of a map, and with the map) and map init leave the temporary folder empty', () => {
    const tmp = tempDir('zhizao-tmpdir-');
    const env = { TMPDIR: tmp, TMP: tmp, TEMP: tmp };
    const out = tempDir('zhizao-tmpdir-out-');
    const rejected = zhizao(['batch', LO, '-o', path.join(out, 'a.json')], { env });
    expect(rejected.code, rejected.stderr).toBe(1);
    expect(rejected.stderr).toContain('--map');
    expect(readdirSync(tmp)).toEqual([]);
    const init = zhizao(['map', 'init', LO, '-o', path.join(out, 'map.yaml')], { env });
    expect(init.code, init.stderr).toBe(0);
    expect(readdirSync(tmp)).toEqual([]);
    // (two rows of the export are rejected: exit 1, the other plants scored)
    const scored = zhizao(['batch', LO, '--map', MAP, '--json'], { env });
    expect(scored.code, scored.stderr).toBe(1);
    expect(json(scored).companies).toHaveLength(31);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('map init into a folder that does not exist says so in the user\'s path, not as an internal error about a temp file', () => {
    const r = zhizao(['map', 'init', CSV, '-o', path.join(tempDir('zhizao-mapinit-'), 'missing', 'map.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write .*missing[\\/]map\.yaml: its folder does not exist/);
    expect(r.stderr).not.toMatch(/internal error|zhizao-tmp|ENOENT/);
  });
});

describe('a date cell that reads as day/month or month/day', { timeout: 120_000 }, () => {
  it('is rejected, or blanked and counted with --on-bad-cell blank, with the same explanation: not "not a date", and not also a warning kept', () => {
    const at = tempDir('zhizao-ambiguous-date-');
    // the first company's submission time, written day/month or month/day
    const first = '郑州恒达机械有限公司';
    const text = readFileSync(CSV, 'utf8');
    expect(text.split('2026/11/1 9:00:00').length).toBe(2);
    writeFileSync(path.join(at, 'survey.csv'), text.replace('2026/11/1 9:00:00', '11/12/2026'));
    const problemsOf = (o: Out) => (o as unknown as { problems: { company?: string; code: string; action: string; message: string }[] }).problems.filter((p) => p.company === first);
    const rejected = json(zhizao(['batch', 'survey.csv', '--map', MAP, '--json', '--lang', 'zh'], { cwd: at }));
    expect(problemsOf(rejected).map((p) => [p.code, p.action])).toEqual([['table.date-ambiguous', 'rejected']]);
    expect(problemsOf(rejected)[0]!.message).toContain('"11/12/2026" 既可理解为日/月也可理解为月/日，请写成 YYYY-MM-DD');
    expect(company(rejected, first)).toEqual([]);
    // the rejection names the column once: not "“提交答卷时间”列：提交答卷时间：…"
    expect((rejected as unknown as { rejected: { company?: string; message: string }[] }).rejected.find((x) => x.company === first)!.message).toBe('“提交答卷时间”列："11/12/2026" 既可理解为日/月也可理解为月/日，请写成 YYYY-MM-DD');
    const blanked = json(zhizao(['batch', 'survey.csv', '--map', MAP, '--json', '--lang', 'zh', '--on-bad-cell', 'blank'], { cwd: at }));
    expect(problemsOf(blanked).map((p) => [p.code, p.action])).toEqual([['table.date-ambiguous', 'blanked']]);
    expect(company(blanked, first)[0]).toMatchObject({ blanked: 1 });
    expect(company(blanked, first)[0]!.date ?? null).toBeNull();
  });
});
