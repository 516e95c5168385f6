import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, FIXTURES, tempDir, zhizao } from '../helpers/cli';

// Runs the BUILT bin: `npm run build` first (npm test does).
const DIR = path.join(FIXTURES, 'compare');
const BASE = path.join(DIR, 'baseline.yaml');
const FOLLOW = path.join(DIR, 'followup.yaml');
// The first release's flat method keeps these comparisons' hand-known levels (compare is under test, not scoring).
const Q = ['--questionnaire', path.join(DIR, 'kpi-questionnaire.yaml'), '--profile', path.join(DIR, 'flat-average-profile.yaml')];

/** A variant of a fixture written to a temp folder. */
function variant(from: string, edit: (doc: Record<string, any>) => void, name = 'variant.yaml'): string {
  const doc = parse(readFileSync(from, 'utf8')) as Record<string, any>;
  edit(doc);
  const file = path.join(tempDir(), name);
  writeFileSync(file, stringify(doc));
  return file;
}

describe('zhizao compare (built CLI)', () => {
  it('prints which improvement targets are met between two assessments of one plant', () => {
    const r = zhizao(['compare', BASE, FOLLOW, ...Q]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Maturity level: 1 Planning → 2 Standardised (+1)');
    expect(r.stdout).toContain('benchmark-project');
    expect(r.stdout).toMatch(/Outcome KPIs against the benchmark-project targets: 4\/5 met/);
    // 50 → 65 = +30 % (target +30 %), 2000 → 1500 = −25 % (target −30 %), 150 → 100 = −33.3 %, 2.5 % → 2 % = −20 %, 1.2 → 1.0 = −16.67 %
    expect(r.stdout).toMatch(/Output per worker \(productivity\).*change \+30\.0%.*✓ target met/);
    expect(r.stdout).toMatch(/Operating cost.*change -25\.0%.*✗ target not met/);
    expect(r.stdout).toMatch(/Product development cycle.*change -33\.3%.*✓ target met/);
    expect(r.stdout).toMatch(/Defect rate.*change -20\.0%.*✓ target met/);
    expect(r.stdout).toMatch(/Energy per unit of output.*change -16\.7%.*target ≤ -16\.67%.*✓ target met/);
    expect(r.stdout).toMatch(/Key-process CNC rate: 40\.0% → 60\.0% \(\+20\.0 pp\).*missed before, now met/);
  });

  it('in Chinese too', () => {
    const r = zhizao(['compare', BASE, FOLLOW, ...Q, '--lang', 'zh']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('成果指标对照标杆项目目标');
    expect(r.stdout).toContain('达到目标');
  });

  it('--json: kpis with id, baseline, followup, change, target, met; indicators and maturity before/after', () => {
    const r = zhizao(['compare', BASE, FOLLOW, ...Q, '--json']);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    const k = Object.fromEntries(c.kpis.map((x: any) => [x.id, x]));
    expect(k.kpi_output_per_worker).toMatchObject({ baseline: 50, followup: 65, change: 0.3, target: 0.3, met: true });
    expect(k.kpi_operating_cost).toMatchObject({ baseline: 2000, followup: 1500, change: -0.25, target: -0.3, met: false });
    expect(k.kpi_development_cycle_days).toMatchObject({ change: -0.3333, target: -0.3, met: true });
    expect(k.kpi_defect_rate).toMatchObject({ baseline: 0.025, followup: 0.02, change: -0.2, target: -0.2, met: true });
    expect(k.kpi_energy_per_output).toMatchObject({ baseline: 1.2, followup: 1, change: -0.1667, target: -0.1667, met: true });
    expect(c.maturity).toMatchObject({ baseline: { level: 1 }, followup: { level: 2 }, levelChange: 1 });
    expect(c.indicators.find((i: any) => i.id === 'cnc-rate')).toMatchObject({ baseline: 0.4, followup: 0.6, nowMet: true });
    expect(c.kpiGains.met).toBe(false);
    expect(c.samePlant).toBe(true);
    // each side's level bands, which the progress report rounds a score against (never up to the next level's edge)
    expect(c.bands.baseline).toContainEqual({ level: 2, min: 1.8 });
    expect(c.bands.followup).toEqual(c.bands.baseline);
  });

  it('a missing KPI value is reported as missing, not as zero change', () => {
    const f = variant(FOLLOW, (d) => delete d.answers.kpi_operating_cost);
    const c = JSON.parse(zhizao(['compare', BASE, f, ...Q, '--json']).stdout);
    expect(c.kpis.find((k: any) => k.id === 'kpi_operating_cost')).toMatchObject({ status: 'missing', followup: null, change: null, met: null });
    const t = zhizao(['compare', BASE, f, ...Q]);
    expect(t.stdout).toMatch(/Operating cost.*missing: value missing: follow-up not answered/);
  });

  it('refuses KPIs with different units, with the reason', () => {
    const f = variant(FOLLOW, (d) => (d.kpis.units.kpi_operating_cost = '元/吨'));
    const r = zhizao(['compare', BASE, f, ...Q, '--json']);
    expect(r.code).toBe(0);
    const k = JSON.parse(r.stdout).kpis.find((x: any) => x.id === 'kpi_operating_cost');
    expect(k).toMatchObject({ status: 'refused', change: null, met: null, reason: { code: 'kpi.unit-mismatch' } });
    expect(r.stderr).toMatch(/not compared \(Operating cost\): units differ \(baseline 元\/件, follow-up 元\/吨\)/);
  });

  it('refuses KPIs when the follow-up period is not later than the baseline’s', () => {
    const f = variant(FOLLOW, (d) => (d.kpis.period = '2024'));
    const r = zhizao(['compare', BASE, f, ...Q, '--json']);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.kpiPeriod.status).toBe('not-later');
    expect(c.kpis.every((k: any) => k.status === 'refused' && k.change === null)).toBe(true);
    expect(r.stderr).toContain('follow-up period 2024 is not later than baseline period 2024');
    // swapped arguments are caught the same way
    const swapped = zhizao(['compare', FOLLOW, BASE, ...Q]);
    expect(swapped.stderr).toMatch(/not later than baseline period 2025/);
    expect(swapped.stderr).toMatch(/are the files in the wrong order/);
  });

  it('files of different plants are refused (progress is one plant\'s), unless --different-plants: then side by side, without KPI gains', () => {
    const f = variant(FOLLOW, (d) => {
      d.respondent.company = '另一家公司';
      d.version = '1';
    });
    const out = path.join(tempDir(), 'different.md');
    const refused = zhizao(['compare', BASE, f, ...Q, '-o', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/name different plants \(.*\): compare shows one plant's progress, so nothing is compared/);
    expect(refused.stderr).toContain('add --different-plants');
    expect(existsSync(out)).toBe(false);
    const r = zhizao(['compare', BASE, f, ...Q, '--different-plants']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/seem to name different plants/);
    expect(r.stderr).toMatch(/different questionnaire versions \(2 and 1\)/);
    expect(r.stdout).toContain('Outcome KPIs');
    expect(r.stdout).toContain("the files name different plants: a change would not be one plant's improvement");
  });

  it('one plant whatever the case of its name (the batch rule), with or without a credit code', () => {
    const b = variant(BASE, (d) => {
      d.respondent.company = 'ACME Machinery';
      d.respondent.credit_code = '91410100MA45K7R84Q';
    }, 'baseline.yaml');
    const f = variant(FOLLOW, (d) => {
      d.respondent.company = 'Acme  Machinery';
      d.respondent.credit_code = '91410100MA45K7R84Q';
    }, 'followup.yaml');
    const r = zhizao(['compare', b, f, ...Q, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/different plants/);
    const c = JSON.parse(r.stdout);
    expect(c.samePlant).toBe(true);
    expect(c.warnings.map((w: any) => w.code)).not.toContain('compare.different-plants');
    // without credit codes the names decide, case folded and spaces collapsed too; the site likewise
    const nb = variant(b, (d) => delete d.respondent.credit_code, 'nb.yaml');
    const nf = variant(f, (d) => {
      delete d.respondent.credit_code;
      d.respondent.site = ' 一厂 ';
    }, 'nf.yaml');
    const n = zhizao(['compare', nb, nf, ...Q, '--json']);
    expect(n.stderr).not.toMatch(/different plants/);
    expect(JSON.parse(n.stdout).samePlant).toBe(true);
  });

  it('a target profile without KPI targets: changes without a verdict, and no basis printed', () => {
    const r = zhizao(['compare', BASE, FOLLOW, ...Q, '--targets', 'national-2025']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/benchmark-project|improvement targets|KPI-gain criterion/);
    expect(r.stdout).toMatch(/national-2025/);
    expect(r.stdout).toMatch(/Operating cost.*change -25\.0%/);
    const c = JSON.parse(zhizao(['compare', BASE, FOLLOW, ...Q, '--targets', 'national-2025', '--json']).stdout);
    expect(c.basis).toBeUndefined();
    expect(c.kpis.every((k: any) => k.target === null && k.met === null)).toBe(true);
    const md = zhizao(['compare', BASE, FOLLOW, ...Q, '--targets', 'national-2025', '--format', 'md', '--lang', 'zh']).stdout;
    expect(md).not.toMatch(/衡量依据|标杆项目/);
    expect(md).toContain('## 成果指标');
    // the basis comes from the profile that sets the targets
    const zz = zhizao(['compare', BASE, FOLLOW, ...Q, '--format', 'md', '--lang', 'zh']).stdout;
    expect(zz).toContain('衡量依据：对照郑政文〔2018〕168号 二 中标杆项目的目标衡量');
    // what the plant reads: no internal ids, folders or field names, no doubled punctuation
    expect(zz).not.toMatch(/zhengzhou-2020|national-2025|kpis\.units|。；|。（/);
    expect(zz).not.toContain(DIR);
    expect(zz).toMatch(/\| 基线 \| baseline\.yaml \|/);
    expect(md).not.toContain('national-2025');
  });

  it('writes a Markdown progress report labelled as measured against benchmark-project targets; never overwrites without --force', () => {
    const out = path.join(tempDir(), 'progress.md');
    const r = zhizao(['compare', BASE, FOLLOW, ...Q, '--format', 'md', '-o', out]);
    expect(r.code).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(md).toMatch(/^# Smart-manufacturing progress report/);
    expect(md).toContain('Measured against the benchmark-project targets of 郑政文〔2018〕168号 二');
    expect(md).toMatch(/\| Energy per unit of output \| 1\.2 tce per 10k CNY \| 1 tce per 10k CNY \| -16\.7% \| ≤ -16\.67% \| ✓ target met \|/);
    const again = zhizao(['compare', BASE, FOLLOW, ...Q, '--format', 'md', '-o', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
    expect(zhizao(['compare', BASE, FOLLOW, ...Q, '--format', 'md', '-o', out, '--force']).code).toBe(0);
    // the format follows the extension of -o
    const out2 = path.join(tempDir(), 'p.md');
    expect(zhizao(['compare', BASE, FOLLOW, ...Q, '-o', out2]).code).toBe(0);
    expect(readFileSync(out2, 'utf8')).toContain('# Smart-manufacturing progress report');
  });

  it('Markdown to standard output with --format md and no -o', () => {
    const r = zhizao(['compare', BASE, FOLLOW, ...Q, '--format', 'md', '--lang', 'zh']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# 智能制造改造进展对比报告');
    expect(r.stdout).toContain('对照标杆项目目标');
  });

  it('writes a self-contained HTML progress report (no script, no remote loads)', () => {
    const out = path.join(tempDir(), 'p.html');
    const f = variant(FOLLOW, (d) => (d.respondent.company = d.respondent.company + '<script>alert(1)</script>'));
    const b = variant(BASE, (d) => (d.respondent.company = d.respondent.company + '<script>alert(1)</script>'));
    const r = zhizao(['compare', b, f, ...Q, '--format', 'html', '-o', out]);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain("Content-Security-Policy\" content=\"default-src 'none'");
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Measured against the benchmark-project targets of 郑政文〔2018〕168号 二');
    expect(html).toMatch(/<td>Energy per unit of output<\/td>.*✓ target met/);
    // the format also follows the extension of -o
    const out2 = path.join(tempDir(), 'p.html');
    expect(zhizao(['compare', BASE, FOLLOW, ...Q, '-o', out2]).code).toBe(0);
    expect(readFileSync(out2, 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('a docx progress report has real headings and tables, and reads back through LibreOffice', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'p.docx');
    const r = zhizao(['compare', BASE, FOLLOW, ...Q, '--format', 'docx', '-o', out, '--lang', 'zh']);
    expect(r.code, r.stderr).toBe(0);
    const { default: JSZip } = await import('jszip');
    const xml = await (await JSZip.loadAsync(readFileSync(out))).file('word/document.xml')!.async('string');
    expect(xml).toContain('w:val="Heading1"');
    expect(xml).toContain('<w:tbl>');
    expect(xml).toContain('郑州测试机械有限公司');
    const styles = await (await JSZip.loadAsync(readFileSync(out))).file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/w:eastAsia="(SimSun|Microsoft YaHei)"/);
    const soffice = spawnSync('soffice', ['--headless', '--convert-to', 'txt:Text', '--outdir', dir, out], { encoding: 'utf8', timeout: 120_000 });
    expect(soffice.status, 'LibreOffice (soffice) is needed; .ci/run installs it').toBe(0);
    expect(readFileSync(path.join(dir, 'p.txt'), 'utf8')).toMatch(/KPI|生产效率|成熟度/);
    expect(zhizao(['compare', BASE, FOLLOW, ...Q, '--format', 'docx']).code).toBe(2); // docx needs -o
  }, 120_000);

  it('a file that does not exist or is invalid: exit 1', () => {
    expect(zhizao(['compare', BASE, path.join(DIR, 'nope.yaml'), ...Q]).code).toBe(1);
    const bad = variant(FOLLOW, (d) => (d.answers.has_mes = 'perhaps'));
    const r = zhizao(['compare', BASE, bad, ...Q]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/has_mes/);
  });

  it('on the bundled questionnaire: the example plant a year later', () => {
    const base = path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml');
    const follow = variant(base, (d) => {
      d.respondent.date = '2027-11-20';
      d.kpis.period = '2026';
      const a = d.answers;
      // +30 % output per worker, −30 % cost, −20 % cycle (misses −30 %), −25 % defects, energy × 1/1.2
      a.kpi_output_per_worker = +(a.kpi_output_per_worker * 1.3).toFixed(6);
      a.kpi_operating_cost = +(a.kpi_operating_cost * 0.7).toFixed(6);
      a.kpi_development_cycle_days = +(a.kpi_development_cycle_days * 0.8).toFixed(6);
      a.kpi_defect_rate = +(a.kpi_defect_rate * 0.75).toFixed(6);
      a.kpi_energy_per_output = a.kpi_energy_per_output / 1.2;
      a.key_processes_cnc = a.key_processes_total; // every key process on CNC now
    }, 'discrete-machinery-2027.zhizao.yaml');
    const r = zhizao(['compare', base, follow, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const c = JSON.parse(r.stdout);
    const met = Object.fromEntries(c.kpis.map((k: any) => [k.id, k.met]));
    expect(met).toEqual({ kpi_output_per_worker: true, kpi_operating_cost: true, kpi_development_cycle_days: false, kpi_defect_rate: true, kpi_energy_per_output: true });
    expect(c.indicators.find((i: any) => i.id === 'cnc-rate')).toMatchObject({ followup: 1, nowMet: true });
    // a share at one plant (1: it uses design tools) counts toward the regional share: no change figure, not "not computable"
    expect(c.indicators.find((i: any) => i.id === 'design-tool-penetration')).toMatchObject({ baseline: 1, followup: 1, change: null, status: 'counts-toward' });
    expect(c.warnings).toEqual([]);
    const text = zhizao(['compare', base, follow], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(text.stdout).toMatch(/数字化研发设计工具普及率: 是 → 是 {2}计入区域普及率/);
    expect(text.stdout).toMatch(/经营管理数字化（ERP 应用）: 是 → 是\n/);
    expect(text.stdout).not.toMatch(/0\.0000|无法计算/);
    const t = zhizao(['compare', base, follow]);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/4\/5 met/);
    // the CNC target of 2020, a year before the follow-up: said to be a lapsed reference
    expect(text.stdout).toMatch(/关键工序数控化率: .*目标 > 50\.0%（2020 年目标，期限已过，仅作参照）/);
  });

  it('two short forms without a stated level: the level said as not stated and no S, never "null" or 0.00', () => {
    const short = (date: string, cnc: number, name: string) =>
      variant(path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), (d) => {
        d.respondent.date = date;
        d.answers = { key_processes_total: 10, key_processes_cnc: cnc };
        delete d.kpis;
        delete d.notes;
        delete d.evidence;
      }, name);
    const r = zhizao(['compare', short('2025-03-01', 3, 'a.zhizao.yaml'), short('2026-03-01', 6, 'b.zhizao.yaml')], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('成熟度等级: 未定级（回答不足） → 未定级（回答不足） (—)   S: — → — (—)');
    expect(r.stdout).not.toContain('null');
    const md = zhizao(['compare', short('2025-03-01', 3, 'c.zhizao.yaml'), short('2026-03-01', 6, 'd.zhizao.yaml'), '--format', 'md', '-o', '-'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(md.stdout).toMatch(/\| 等级 \| 未定级（回答不足） \| 未定级（回答不足） \| — \|/);
    expect(md.stdout).not.toContain('null');
  });
  it('a section the follow-up leaves unanswered reads "not answered", never a fall to 0.00, and the overall change is qualified', () => {
    const example = path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml');
    const q = parse(readFileSync(path.join(EXAMPLES, '..', 'questionnaires', 'smart-manufacturing.yaml'), 'utf8'));
    const service = q.sections.find((s: any) => s.id === 'service');
    expect(service, 'the bundled questionnaire has a service section').toBeTruthy();
    const ids: string[] = service.questions.map((x: any) => x.id);
    const base = variant(example, (d) => (d.respondent.date = '2025-06-01'), 'base.zhizao.yaml');
    const follow = variant(example, (d) => {
      for (const id of ids) delete d.answers[id];
    }, 'follow.zhizao.yaml');
    const r = zhizao(['compare', base, follow, '--json'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.code, r.stderr).toBe(0);
    const c = JSON.parse(r.stdout);
    const row = c.sections.find((s: any) => s.id === 'service');
    expect(row.baseline.notAnswered).toBeUndefined();
    expect(row.followup).toMatchObject({ notAnswered: true });
    expect(row.scoreChange).toBeNull();
    expect(row.levelChange).toBeNull();
    // the sections both sides answered still compare
    expect(c.sections.find((s: any) => s.id !== 'service').scoreChange).toBe(0);
    expect(c.warnings.map((w: any) => w.code)).toContain('compare.section-not-answered');
    const t = zhizao(['compare', base, follow], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(t.stdout).toMatch(/产品服务\s+1\.\d\d L1\s+→ 未作答\s+不可比/);
    expect(t.stderr).toContain('复评未作答：产品服务，按“不满足”计分');
    // said once, on stderr: the view on stdout does not repeat it (a terminal showed every warning twice)
    expect(t.stdout).not.toContain('复评未作答');
    const md = zhizao(['compare', base, follow, '--format', 'md', '-o', '-'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(md.stdout).toMatch(/\| 产品服务 \| 1\.\d\d \(L1\) \| 未作答 \| — \| — \|/);
    expect(md.stdout).toContain('“未作答”：该次评估中该部分（子域）的计分题均未作答');
    // score and the plant's own report say the same of that section, not "below level 1"
    expect(zhizao(['score', follow], { env: { LANG: 'zh_CN.UTF-8' } }).stdout).toMatch(/产品服务\s+░+ 0\.00\s+L0 未作答/);
    const report = zhizao(['report', follow, '-o', '-'], { env: { LANG: 'zh_CN.UTF-8' } }).stdout;
    expect(report).toContain('| 产品服务 | 0.00 | 未作答（计分题均未回答） |');
    expect(report).not.toMatch(/产品服务未达到 1 级/);
  });
});
