// Department interviews of one plant (assess --sections leaves files that each cover some sections): batch never
// scores the plant on one part as if it were the assessment, and counts the merged file when it is given.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, ROOT, tempDir, zhizao } from '../helpers/cli';

interface Out {
  companies: { file: string; level: number | null; superseded: boolean; supersededAs?: string }[];
  summary: { companies: number; unmergedParts?: number; duplicates: { parts?: boolean; members: { relation: string }[] }[] };
}

/** The discrete example split into department files as `assess --sections` leaves them. */
function departmentFiles(dir: string): string[] {
  const q = parse(readFileSync(path.join(ROOT, 'questionnaires', 'smart-manufacturing.yaml'), 'utf8')) as { sections: { id: string; questions: { id: string }[] }[] };
  const sectionOf = new Map(q.sections.flatMap((s) => s.questions.map((x) => [x.id, s.id] as const)));
  const plant = parse(readFileSync(path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), 'utf8')) as { answers: Record<string, unknown>; notes?: unknown; evidence?: unknown; progress?: unknown };
  const groups: Record<string, string[]> = { design: ['design'], production: ['production', 'management', 'service'], it: ['foundations'] };
  mkdirSync(dir, { recursive: true });
  return Object.entries(groups).map(([name, sections]) => {
    const part = structuredClone(plant);
    part.answers = Object.fromEntries(Object.entries(plant.answers).filter(([id]) => sections.includes(sectionOf.get(id) ?? '')));
    delete part.notes;
    delete part.evidence;
    part.progress = { sections, mode: 'full' };
    const file = path.join(dir, `${name}.zhizao.yaml`);
    writeFileSync(file, stringify(part));
    return file;
  });
}

function batch(inputs: string[], out: string): { out: Out; stderr: string; stdout: string } {
  const r = zhizao(['batch', ...inputs, '-o', out, '--lang', 'en']);
  expect(r.code, r.stderr).toBe(0);
  return { out: JSON.parse(readFileSync(out, 'utf8')) as Out, stderr: r.stderr, stdout: r.stdout };
}

describe('batch: an assessment split over department files', () => {
  const dir = tempDir('zhizao-parts-');
  const parts = departmentFiles(path.join(dir, 'dept'));

  it('the parts alone: none is counted (each would score the plant on part of its answers), and the run says to merge them first', () => {
    const { out, stderr } = batch(parts, path.join(dir, 'parts.json'));
    expect(out.summary.companies).toBe(0);
    expect(out.summary.unmergedParts).toBe(3);
    expect(out.companies.map((c) => [c.superseded, c.supersededAs])).toEqual([
      [true, 'part'],
      [true, 'part'],
      [true, 'part'],
    ]);
    expect(out.summary.duplicates[0]!.parts).toBe(true);
    expect(stderr).toMatch(/3 answer files that each cover only some sections \(department interviews\): none is in the summary[^\n]*merge/);
    expect(stderr).not.toMatch(/submitted again/);
  });

  it('given with the file merged from them (before or after them), the merged file is counted and the parts are not', () => {
    const merged = path.join(dir, 'merged', 'plant.zhizao.yaml');
    mkdirSync(path.dirname(merged), { recursive: true });
    const m = zhizao(['merge', ...parts, '-o', merged]);
    expect(m.code, m.stderr).toBe(0);
    for (const [i, inputs] of [[path.dirname(merged), ...parts], [...parts, path.dirname(merged)]].entries()) {
      const { out, stderr } = batch(inputs, path.join(dir, `with-merged-${i}.json`));
      expect(out.summary.companies).toBe(1);
      expect(out.summary.unmergedParts).toBeUndefined();
      const current = out.companies.filter((c) => !c.superseded);
      expect(current.map((c) => path.basename(c.file))).toEqual(['plant.zhizao.yaml']);
      expect(current[0]!.level).toBe(1);
      expect(out.companies.filter((c) => c.superseded).map((c) => c.supersededAs)).toEqual(['part', 'part', 'part']);
      expect(stderr).toMatch(/3 answer files covering only some sections \(department interviews\) left out, the complete answers [^\n]*plant\.zhizao\.yaml/);
    }
  });

  it('a complete file reopened for one section (its progress names that section, its answers cover all) is no part', () => {
    const plant = parse(readFileSync(path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), 'utf8')) as { progress?: unknown };
    plant.progress = { sections: ['design'], mode: 'full' };
    const reopened = path.join(dir, 'reopened', 'plant.zhizao.yaml');
    mkdirSync(path.dirname(reopened), { recursive: true });
    writeFileSync(reopened, stringify(plant));
    const { out } = batch([parts[0]!, reopened], path.join(dir, 'reopened.json'));
    expect(out.summary.companies).toBe(1);
    expect(out.summary.unmergedParts).toBeUndefined();
    const current = out.companies.filter((c) => !c.superseded);
    expect(current.map((c) => path.basename(path.dirname(c.file)))).toEqual(['reopened']);
    expect(current[0]!.level).toBe(1);
  });

  it('one partial file alone (an interview that stopped early) is scored as before', () => {
    const { out } = batch([parts[0]!], path.join(dir, 'one.json'));
    expect(out.summary.companies).toBe(1);
    expect(out.companies[0]!.superseded).toBe(false);
  });
});

/** The discrete example's answers, to vary. */
type Plant = { respondent: Record<string, unknown> };
const examplePlant = (): Plant => parse(readFileSync(path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), 'utf8')) as Plant;
/** A variant of the example written into `dir` as `name`; its path. */
function writeVariant(dir: string, name: string, edit: (p: Plant) => void = () => undefined): string {
  const p = examplePlant();
  edit(p);
  const file = path.join(dir, name);
  writeFileSync(file, stringify(p));
  return file;
}

describe('batch: one credit code given once without a site and once with one', () => {
  const dir = tempDir('zhizao-sites-');
  const plant = examplePlant();
  const withSite = writeVariant(dir, 'with-site.zhizao.yaml');
  const noSite = writeVariant(dir, 'no-site.zhizao.yaml', (p) => delete p.respondent.site);
  expect(plant.respondent.site, 'the example names its site').toBeTruthy();

  it('is reported (both rows, and which has no site) on stderr and in the summary; both stay counted, as the identity rule says', () => {
    const out = path.join(dir, 'out.json');
    const r = zhizao(['batch', noSite, withSite, '-o', out, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    const o = JSON.parse(readFileSync(out, 'utf8')) as Out & { summary: { sameCodeOtherSite?: { plant: string; members: { file: string; site?: string }[] }[] } };
    expect(o.summary.companies).toBe(2);
    expect(o.summary.sameCodeOtherSite).toHaveLength(1);
    expect(o.summary.sameCodeOtherSite![0]!.members.map((m) => [path.basename(m.file), m.site ?? null])).toEqual([
      ['no-site.zhizao.yaml', null],
      ['with-site.zhizao.yaml', plant.respondent.site],
    ]);
    expect(r.stderr).toMatch(/is given once without a site and once with one: counted as two plants[^\n]*no-site\.zhizao\.yaml[^\n]*\(no site\)/);
  });

  it('the sample statement, which the bureau reads, says a plant may be counted twice (it was said on stderr and in the long table only)', () => {
    const r = zhizao(['batch', noSite, withSite, '--json', '--lang', 'en']);
    const o = JSON.parse(r.stdout) as Out & { summary: { sample: { maybeSamePlant?: number; statement: { zh: string; en: string } } } };
    expect(o.summary.sample.maybeSamePlant).toBe(1);
    expect(o.summary.sample.statement.zh).toContain('其中 1 个统一社会信用代码（或企业名称）既有注明厂区的答卷，也有未注明厂区的：按不同工厂分别计入，如实为同一工厂则重复计算');
    expect(o.summary.sample.statement.en).toContain('a plant that is in fact one is counted twice');
    const one = zhizao(['batch', withSite, '--json', '--lang', 'en']);
    expect((JSON.parse(one.stdout) as { summary: { sample: { statement: { zh: string } } } }).summary.sample.statement.zh).not.toContain('重复计算');
  });

  it('cites the sited plant by the file that is counted, not by one a later correction superseded (review 10, m4)', () => {
    const corrected = writeVariant(dir, 'with-site-corrected.zhizao.yaml', (p) => (p.respondent.date = '2026-12-01'));
    const r = zhizao(['batch', withSite, noSite, corrected, '--json', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    const o = JSON.parse(r.stdout) as Out & { summary: { sameCodeOtherSite?: { members: { file: string }[] }[] } };
    expect(o.summary.sameCodeOtherSite![0]!.members.map((m) => path.basename(m.file)).sort()).toEqual(['no-site.zhizao.yaml', 'with-site-corrected.zhizao.yaml']);
    const line = r.stderr.split('\n').find((l) => l.includes('once without a site and once with one'))!;
    expect(line).toContain('with-site-corrected.zhizao.yaml');
    expect(line).not.toMatch(/with-site\.zhizao\.yaml/);
  });

  it('the same report from a CSV output and from an anonymised one (the pass that reads every row)', () => {
    for (const extra of [[], ['--anonymize']]) {
      const r = zhizao(['batch', noSite, withSite, '-o', path.join(dir, `out${extra.length}.csv`), '--lang', 'en', ...extra], { env: { ...process.env, ZHIZAO_ANONYMIZE_KEY: 'test-key' } });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/is given once without a site and once with one: counted as two plants/);
      if (extra.length) expect(r.stderr).not.toContain('郑州示例机械');
    }
  });

  it('the summary sheet of the workbook says so in its notes, in both languages', async () => {
    for (const [lang, sentence] of [
      ['en', '1 plant is given (by credit code, or by company name without one) once without a site and once with one: counted as two plants each'],
      ['zh', '1 个工厂（按信用代码，未填信用代码的按企业名称）在未填厂区和填了厂区的答卷中各出现：各按两个工厂计入'],
    ] as const) {
      const out = path.join(dir, `sites-${lang}.xlsx`);
      const r = zhizao(['batch', noSite, withSite, '-o', out, '--lang', lang]);
      expect(r.code, r.stderr).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const texts: string[] = [];
      for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
      expect(texts.join('\n')).toContain(sentence);
    }
  });

  it('two sites of one code (two plants of one company) are not reported', () => {
    const other = structuredClone(plant);
    other.respondent.site = '第二厂区';
    const second = path.join(dir, 'second-site.zhizao.yaml');
    writeFileSync(second, stringify(other));
    const out = path.join(dir, 'two-sites.json');
    const r = zhizao(['batch', withSite, second, '-o', out, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(readFileSync(out, 'utf8')) as { summary: { sameCodeOtherSite?: unknown } }).summary.sameCodeOtherSite).toBeUndefined();
    expect(r.stderr).not.toMatch(/without a site/);
  });
});

describe('batch: one credit code given for companies of different names (a wrong code)', () => {
  const dir = tempDir('zhizao-other-name-');
  const plant = examplePlant();
  const first = writeVariant(dir, 'a-first.zhizao.yaml');
  const other = writeVariant(dir, 'b-other.zhizao.yaml', (p) => (p.respondent.company = '郑州中原铜带有限公司'));

  it('is not a resubmission: both companies are counted, and the code is reported on stderr, in the JSON and in the long table', () => {
    const out = path.join(dir, 'out.json');
    const r = zhizao(['batch', first, other, '-o', out, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    const o = JSON.parse(readFileSync(out, 'utf8')) as Out & { summary: { duplicates: unknown[]; sameCodeOtherName?: { code: string; members: { file: string; company: string }[] }[] } };
    expect(o.summary.companies).toBe(2);
    expect(o.summary.duplicates).toEqual([]);
    expect(o.summary.sameCodeOtherName).toEqual([{ code: plant.respondent.credit_code, members: [expect.objectContaining({ company: plant.respondent.company }), expect.objectContaining({ company: '郑州中原铜带有限公司' })] }]);
    expect(r.stderr).toMatch(/credit code \S+ is given for companies of different names: [^\n]*a-first\.zhizao\.yaml[^\n]*b-other\.zhizao\.yaml/);
    expect(r.stderr).not.toMatch(/submitted again|seen more than once|superseded 1/i);
    const csv = zhizao(['batch', first, other, '-o', path.join(dir, 'out.csv'), '--lang', 'en']);
    expect(csv.code, csv.stderr).toBe(0);
    const summary = readFileSync(path.join(dir, 'out.summary.csv'), 'utf8');
    const identity = summary.split('\n').filter((l) => l.startsWith('identity,'));
    expect(identity).toHaveLength(2);
    expect(identity.join('\n')).toContain('郑州中原铜带有限公司');
    expect(identity[0]).toContain('credit code given for companies of different names: counted as separate plants');
  });

  it('the summary sheet of the workbook says so in its notes', async () => {
    const out = path.join(dir, 'out.xlsx');
    const r = zhizao(['batch', first, other, '-o', out, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const texts: string[] = [];
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts.join('\n')).toContain('1 credit code is given for companies of different names (probably a wrong code)');
    // the workbook's title property says what it is (it read "plants in the summary")
    expect(wb.title).toBe('Smart-manufacturing diagnosis: batch results by company and region');
  });
});

describe('batch: one place written two ways ("经开区" and "郑州经开区")', () => {
  const dir = tempDir('zhizao-similar-groups-');
  const files = ['经开区', '郑州经开区'].map((region, i) =>
    writeVariant(dir, `plant-${i}.zhizao.yaml`, (p) => {
      p.respondent.region = region;
      p.respondent.company = `郑州示例${i}机械有限公司`;
      delete p.respondent.credit_code;
    }),
  );

  it('is said, with how to write them alike; and the groups merged into "other" are named', () => {
    const r = zhizao(['batch', ...files, '--group-by', 'region', '-o', path.join(dir, 'out.json'), '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('the groups "经开区" and "郑州经开区" may be one region written two ways');
    expect(r.stderr).toMatch(/the groups merged: (经开区, 郑州经开区|郑州经开区, 经开区)/);
  });
});

describe('batch: a company without a credit code named once without a site and once with one', () => {
  const dir = tempDir('zhizao-name-sites-');
  const plant = examplePlant();
  const withSite = writeVariant(dir, 'with-site.zhizao.yaml', (p) => delete p.respondent.credit_code);
  const noSite = writeVariant(dir, 'no-site.zhizao.yaml', (p) => {
    delete p.respondent.credit_code;
    delete p.respondent.site;
  });

  it('is reported like a credit code given so (before: counted twice without a word)', () => {
    const out = path.join(dir, 'out.json');
    const r = zhizao(['batch', noSite, withSite, '-o', out, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    const o = JSON.parse(readFileSync(out, 'utf8')) as Out & { summary: { sameCodeOtherSite?: { plant: string; byName?: boolean }[] } };
    expect(o.summary.companies).toBe(2);
    expect(o.summary.sameCodeOtherSite).toEqual([expect.objectContaining({ plant: plant.respondent.company, byName: true })]);
    expect(r.stderr).toMatch(/given without a credit code, is named once without a site and once with one: counted as two plants/);
  });
});

describe('batch: an answer file that does not parse', () => {
  it('is rejected with its line and column, and with the company its text names (the office knows whom to ask)', () => {
    const dir = tempDir('zhizao-broken-');
    const broken = path.join(dir, 'broken.yaml');
    writeFileSync(broken, 'questionnaire: smart-manufacturing\nversion: "2"\nrespondent:\n  company: 郑州坏文件机械有限公司\n  industry: discrete\nanswers:\n  cnc: [1, 2\n');
    const r = zhizao(['batch', broken, writeVariant(dir, 'good.zhizao.yaml'), '-o', path.join(dir, 'out.json'), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.yaml:7:\d+ 郑州坏文件机械有限公司: YAML syntax error/);
  });
});

describe('batch: a regional value just above its target (a mean of 50.03 % against "> 50 %")', () => {
  it('reads apart from the target on the terminal and in the workbook, not as "50.0 % > 50.0 %, met"', async () => {
    const dir = tempDir('zhizao-near-tie-');
    const rows = Array.from({ length: 9 }, (_, i) => `郑州测试${i}机械有限公司,discrete,true,10,5,410171,2026-11-1${i}`);
    rows.push('郑州测试9机械有限公司,discrete,true,199,100,410171,2026-11-20');
    const csv = path.join(dir, 'edge.csv');
    writeFileSync(csv, ['company,industry,above_designated_size,key_processes_total,key_processes_cnc,district,date', ...rows].join('\n') + '\n');
    const terminal = zhizao(['batch', csv, '--lang', 'en']);
    expect(terminal.code, terminal.stderr).toBe(0);
    expect(terminal.stdout).toMatch(/Key-process CNC rate: 50\.03% \(n=10, .* > 50\.00% .* met/);
    const out = path.join(dir, 'out.xlsx');
    expect(zhizao(['batch', csv, '-o', out, '--lang', 'en']).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const formats = new Set<string>();
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => typeof c.value === 'number' && Math.abs(c.value - 0.5003) < 1e-9 && formats.add(c.numFmt)));
    // the judged figures to 0.01 % (the summary sheet and the long table); the unjudged all-company ones to 0.1 %
    expect(formats).toContain('0.00%');
  });
});
