import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, tempDir, zhizao } from '../helpers/cli';

/**
 * The completeness thresholds of the scoring profile, through the CLI: a file answered below `provisionalBelow` of its
 * applicable scored questions gets a provisional level, below `noLevelBelow` no level at all, and the terminal summary
 * and the Markdown headline say so in plain words. Files are cut exactly at each edge (one answer either side).
 */
interface AnswerDoc {
  respondent: Record<string, unknown>;
  answers: Record<string, unknown>;
}
interface Scored {
  scoring: { completeness: { provisionalBelow: number; noLevelBelow: number } };
  scoredAnswered: number;
  scoredApplicable: number;
  maturity: { level: number | null; provisional: boolean; score: number };
}

const dir = tempDir('zhizao-headline-');
const example = parse(readFileSync(path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), 'utf8')) as AnswerDoc;
const json = (file: string) => {
  const r = zhizao(['score', file, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Scored;
};
const base = json(path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'));
const { provisionalBelow, noLevelBelow } = base.scoring.completeness;
const N = base.scoredApplicable;

/**
 * The example with requirement answers removed until `answered` scored questions are answered. Only answers that count
 * as answered are removed ("n/a" would move the question into the denominator), from the end of the file.
 */
function answeredOnly(answered: number, name: string): string {
  const doc = structuredClone(example);
  let remove = base.scoredAnswered - answered;
  for (const id of Object.keys(doc.answers).reverse()) {
    if (remove <= 0) break;
    if (!id.startsWith('req_') || ['n/a', 'unknown'].includes(String(doc.answers[id]))) continue;
    delete doc.answers[id];
    remove--;
  }
  const file = path.join(dir, `${name}.zhizao.yaml`);
  writeFileSync(file, stringify({ ...doc, respondent: { ...doc.respondent, site: name } }));
  return file;
}

/** The executive summary and the overall-maturity headline of a Markdown report (before the tier table). */
function headline(md: string): string {
  const from = md.search(/^## 2\./m);
  const to = md.search(/^### (Smart-factory tiers|智能工厂梯度培育)/m);
  expect(from).toBeGreaterThan(0);
  expect(to).toBeGreaterThan(from);
  return md.slice(from, to);
}

describe('provisional and no-level thresholds through the CLI', () => {
  const atProvisional = Math.ceil(provisionalBelow * N);
  const atNoLevel = Math.ceil(noLevelBelow * N);
  const files = {
    full: answeredOnly(atProvisional, 'upper-edge'),
    provisional: answeredOnly(atProvisional - 1, 'under-upper-edge'),
    stated: answeredOnly(atNoLevel, 'lower-edge'),
    none: answeredOnly(atNoLevel - 1, 'under-lower-edge'),
  };

  it('the thresholds are the profile defaults (80 % and 50 % of the applicable scored questions)', () => {
    expect([provisionalBelow, noLevelBelow]).toEqual([0.8, 0.5]);
    expect(N).toBeGreaterThan(100);
  }, 120_000);

  it('score --json: provisional from just below 80 %, no level from just below 50 %', () => {
    const r = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, json(f)])) as Record<keyof typeof files, Scored>;
    expect(r.full.scoredAnswered).toBe(atProvisional);
    expect(r.provisional.scoredAnswered).toBe(atProvisional - 1);
    expect(r.none.scoredAnswered).toBe(atNoLevel - 1);
    for (const x of Object.values(r)) expect(x.scoredApplicable).toBe(N);
    expect(r.full.maturity.provisional).toBe(false);
    expect(r.full.maturity.level).not.toBeNull();
    expect(r.provisional.maturity.provisional).toBe(true);
    expect(r.provisional.maturity.level).not.toBeNull();
    expect(r.stated.maturity.provisional).toBe(true);
    expect(r.stated.maturity.level).not.toBeNull();
    expect(r.none.maturity.level).toBeNull();
    // the batch column agrees
    const b = zhizao(['batch', dir, '--json', '--jobs', '1']);
    expect(b.code, b.stderr).toBe(0);
    const rows = new Map((JSON.parse(b.stdout) as { companies: { site: string; level: number | null; provisional: boolean }[] }).companies.map((c) => [c.site, c]));
    expect(rows.get('upper-edge')).toMatchObject({ provisional: false });
    expect(rows.get('under-upper-edge')).toMatchObject({ provisional: true });
    expect(rows.get('lower-edge')).toMatchObject({ provisional: true });
    expect(rows.get('under-lower-edge')).toMatchObject({ level: null, levelName: { en: 'no level stated (too few answers)' } });
    // the CSV carries the provisional column, and a row without a level does not read "not yet level 1"
    const out = path.join(dir, 'out.csv');
    const c = zhizao(['batch', dir, '-o', out, '--jobs', '1', '--force']);
    expect(c.code, c.stderr).toBe(0);
    const csv = readFileSync(out, 'utf8');
    const header = csv.split(/\r?\n/)[0]!.split(',');
    expect(header).toContain('provisional');
    const noLevelRow = csv.split(/\r?\n/).find((l) => l.includes('under-lower-edge'))!;
    expect(noLevelRow).not.toMatch(/not yet level 1|未达到一级/i);
  }, 120_000);

  it('the terminal summary says "provisional" and "not stated" in plain words (en and zh)', () => {
    const top = (file: string, lang: string) => zhizao(['score', file, '--lang', lang]).stdout.split('\n').slice(0, 4).join('\n');
    expect(top(files.full, 'en')).not.toMatch(/provisional/i);
    expect(top(files.provisional, 'en')).toMatch(/Maturity level: .*\(provisional\)/);
    expect(top(files.provisional, 'en')).toMatch(/Provisional: .*answered .*below 80\.0%/);
    expect(top(files.provisional, 'zh')).toMatch(/暂定/);
    expect(top(files.none, 'en')).toMatch(/Maturity level: not stated/);
    expect(top(files.none, 'en')).toMatch(/No level is stated: .*at least 50\.0% are needed/);
    expect(top(files.none, 'zh')).toMatch(/成熟度等级: 暂不给出/);
    expect(top(files.none, 'en')).not.toMatch(/Not yet level 1/);
  }, 120_000);

  it('the Markdown headline says so, and states no level below the lower threshold (en and zh)', () => {
    const md = (file: string, lang: string) => headline(zhizao(['report', file, '--report-lang', lang]).stdout);
    expect(md(files.full, 'en')).not.toMatch(/provisional/i);
    const provisional = md(files.provisional, 'en');
    expect(provisional).toMatch(/\(provisional\)/);
    expect(provisional).toMatch(/Provisional: only [\d.]+% of the applicable scored questions are answered/);
    expect(md(files.provisional, 'zh')).toMatch(/暂定：适用的评分题只回答了/);
    const none = md(files.none, 'en');
    expect(none).toMatch(/No level can be stated yet: only [\d.]+% .*at least 50\.0% are needed/);
    expect(none).toMatch(/Most of the unanswered ones are in/);
    expect(none).not.toMatch(/Diagnosed level|not yet level 1|level 0\b/i);
    const noneZh = md(files.none, 'zh');
    expect(noneZh).toMatch(/尚不能给出诊断等级/);
    expect(noneZh).not.toMatch(/\*\*诊断等级：|未达到一级/);
  }, 120_000);
});

describe('the headline says how the level was computed', () => {
  it('a stated level is called a simplified calculation, not a formal assessment, right under it and in the summary', () => {
    const md = zhizao(['report', path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), '--lang', 'zh']).stdout;
    const section3 = md.slice(md.indexOf('## 3.'), md.indexOf('### ', md.indexOf('## 3.')));
    expect(section3).toContain('简化测算');
    expect(section3).toContain('不是正式评估或认证结果');
    expect(section3, 'the bundled scheme is unverified: say what is unchecked').toContain('尚未与标准原文逐条核对');
    const section2 = md.slice(md.indexOf('## 2.'), md.indexOf('## 3.'));
    expect(section2).toContain('不是正式评估或认证结果');
  });
  it('"not yet level 1" is not repeated as the level\'s meaning', () => {
    const file = path.join(dir, 'not-yet.yaml');
    writeFileSync(file, readFileSync(path.join(path.dirname(EXAMPLES), 'tests', 'fixtures', 'plants', 'small-machining-under-1m.yaml')));
    const md = zhizao(['report', file, '--lang', 'zh']).stdout;
    const section3 = md.slice(md.indexOf('## 3.'), md.indexOf('### ', md.indexOf('## 3.')));
    expect(section3).toContain('诊断等级：未达到一级');
    // (the level under the other scoring scheme is a statement of its own: "按“…”测算，等级同为“未达到一级”")
    const own = section3.split('\n').filter((line) => !line.startsWith('按“')).join('\n');
    expect(own.match(/未达到一级/g)).toHaveLength(1);
  });
});
