import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderHtmlFromModel } from '../../src/report/html.js';
import { EXAMPLES, FIXTURES, ROOT, tempDir, zhizao } from '../helpers/cli.js';
import { hostileModel, PAYLOADS } from '../fixtures/hostile/hostile-model.js';

const GOLDEN = path.join(ROOT, 'tests', 'golden');
const HOSTILE = path.join(FIXTURES, 'hostile', 'script-names.zhizao.yaml');
const dir = tempDir('zhizao-html-');
let n = 0;

/** Run `zhizao report … --format html` and return the file's text. */
function html(file: string, ...args: string[]): string {
  const out = path.join(dir, `r${n++}.html`);
  const r = zhizao(['report', file, '--format', 'html', '-o', out, ...args]);
  expect(r.stderr).not.toMatch(/Error|at .*\.js:\d+/);
  expect(r.code).toBe(0);
  return readFileSync(out, 'utf8');
}

/** Structural safety of any report: no script, no event handler, no remote or javascript: reference. */
function expectInert(doc: string) {
  expect(doc).not.toMatch(/<script/i);
  expect(doc).not.toMatch(/<(?:iframe|object|embed|img|link|base|form|meta http-equiv="refresh")/i);
  expect(doc).not.toMatch(/<[^>]+\son[a-z]+\s*=/i); // no on* attribute inside any tag
  const refs = [...doc.matchAll(/\s(?:href|src|action|xlink:href)\s*=\s*"([^"]*)"/gi)].map((m) => m[1]);
  expect(refs.every((r) => /^#s\d$/.test(r!))).toBe(true);
  expect(doc.match(/<style>/g)).toHaveLength(1);
  const css = doc.slice(doc.indexOf('<style>'), doc.indexOf('</style>'));
  expect(css).not.toMatch(/url\(|@import/i);
  expect(doc).not.toMatch(/\sstyle\s*=/i);
}

const CSP = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'">`;

describe('report --format html: the example plants', () => {
  const reports: Record<string, string> = {};
  beforeAll(() => {
    for (const name of ['discrete-machinery', 'process-food']) reports[name] = html(path.join(EXAMPLES, `${name}.zhizao.yaml`), '--report-lang', 'zh');
  });

  for (const name of ['discrete-machinery', 'process-food']) {
    it(`${name}: matches the golden file (UPDATE_GOLDEN=1 rewrites it)`, () => {
      const golden = path.join(GOLDEN, `${name}.report.html`);
      const doc = reports[name]!;
      if (process.env.UPDATE_GOLDEN) writeFileSync(golden, doc);
      // A missing golden file is a failure, never a pass: it is written only when asked for.
      if (!existsSync(golden)) throw new Error(`golden file ${path.basename(golden)} is missing: run UPDATE_GOLDEN=1 npm test and commit it`);
      expect(doc).toBe(readFileSync(golden, 'utf8'));
    });

    it(`${name}: is deterministic, self-contained and inert`, () => {
      const doc = reports[name]!;
      expect(html(path.join(EXAMPLES, `${name}.zhizao.yaml`), '--report-lang', 'zh')).toBe(doc);
      expect(doc.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(doc).toContain(CSP);
      expect(doc.indexOf(CSP)).toBeLessThan(doc.indexOf('<style>'));
      expectInert(doc);
      // no timestamp other than the assessment date
      expect(doc).not.toMatch(/\d{2}:\d{2}:\d{2}|T\d{2}:\d{2}/);
    });

    it(`${name}: has the cover, every section, both charts and print CSS`, () => {
      const doc = reports[name]!;
      expect(doc).toContain('<html lang="zh-CN" class="lang-zh">');
      expect(doc).toMatch(/报告编号: ZZ-\d{8}-[0-9A-F]{6}/);
      expect(doc).toContain('商业秘密 · 仅限委托方内部使用');
      expect(doc).toContain('<table class="signoff">');
      for (let s = 1; s <= 9; s++) expect(doc).toContain(`<section id="s${s}"`);
      expect(doc).toMatch(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="chart radar" role="img"/);
      expect(doc).toMatch(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="chart bars" role="img"/);
      expect(doc).toMatch(/@page \{ size: A4; margin: /);
      expect(doc).toContain('thead { display: table-header-group; }');
      expect(doc).toMatch(/\.major \{ break-before: page; \}/);
      expect(doc).toMatch(/\.plan-item[^{]*\{ break-inside: avoid; \}/);
      expect(doc).toContain('"Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans", "Microsoft YaHei", SimSun, "PingFang SC", sans-serif');
      expect(doc).toMatch(/诊断等级：\d 级（\S+?级），S &#61; \d\.\d\d/);
    });
  }

  it('shows evidence notes but never internal ones', () => {
    const doc = reports['discrete-machinery']!;
    expect(doc).toContain('2023 年上线 PDM');
    expect(doc).not.toContain('工控网与办公网未隔离');
    expect(doc).not.toContain('工控机无防护');
    // the evidence of an answer with an internal note shows its kind, not its details (they tell the same finding)
    expect(doc).not.toContain('IMG_4417');
    expect(doc).not.toContain('采集网关接在办公网交换机上');
  });
});

describe('report --format html: languages and audiences', () => {
  const example = path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml');

  it('writes English with --report-lang en', () => {
    const doc = html(example, '--report-lang', 'en');
    expect(doc).toContain('<html lang="en" class="lang-en">');
    expect(doc).toContain('Smart-manufacturing maturity diagnosis report');
    expect(doc).not.toContain('智能制造能力成熟度诊断报告');
    expectInert(doc);
  });

  it('writes both languages side by side with --report-lang both', () => {
    const doc = html(example, '--report-lang', 'both');
    expect(doc).toContain('class="lang-both"');
    expect(doc).toContain('<span lang="zh">诊断范围与方法</span><span class="en" lang="en">Scope and method</span>');
    expect(doc).toMatch(/\.lang-both :is\([^)]*\) \.en \{ display: block;/);
    // chart labels carry the English as a second line
    expect(doc).toMatch(/<tspan x="[\d.]+" dy="13" fill="#59636e" font-size="10">Design<\/tspan>/);
    expectInert(doc);
  });

  it('leaves notes, KPIs and security answers out of office reports', () => {
    const doc = html(example, '--report-lang', 'zh', '--audience', 'office');
    expect(doc).toContain('内部 · 供主管部门汇总使用');
    expect(doc).not.toContain('2023 年上线 PDM');
    expect(doc).not.toContain('class="note"');
    expect(doc).not.toContain('访谈对象');
  });
});

describe('report --format html: hostile input', () => {
  it('shows script, markup and javascript: payloads only as escaped text', () => {
    const doc = html(HOSTILE, '--report-lang', 'both');
    expectInert(doc);
    expect(doc).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(doc).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(doc).not.toContain('<script>alert');
    expect(doc).not.toContain('<img src=x');
    expect(doc).not.toContain('<a href="javascript');
    expect(doc).not.toContain('<svg onload');
    expect(doc).not.toContain('</style><script>');
    expect(doc).not.toContain('\u202E');
    // the Handlebars-looking text is data, shown as it is, never evaluated
    expect(doc).toContain('{{constructor.constructor(&#x27;alert(1)&#x27;)()}}');
    // payloads in the consultant's added recommendation, summary and evidence notes stay text too
    expect(doc).toMatch(/&lt;a href(?:&#x3D;|&#61;)&quot;javascript:alert\(1\)&quot;&gt;点击&lt;\/a&gt;/);
    expect(doc).toMatch(/&lt;script&gt;fetch\(/);
    expect(doc).toContain('&lt;style&gt;body{background:url(https://evil.example/bg.png)}&lt;/style&gt;');
  });

  it('renders a hostile report model directly (renderHtmlFromModel), charts included', () => {
    for (const lang of ['zh', 'en', 'both'] as const) {
      const doc = renderHtmlFromModel(hostileModel(), { lang });
      expectInert(doc);
      expect(doc).not.toMatch(/NaN|undefined|\[object Object\]/);
      expect(doc).toContain('class="chart radar"');
      expect(doc).toContain('class="chart bars"');
      expect(doc).not.toContain(PAYLOADS.script);
      expect(doc).not.toContain('\u0007');
      expect(doc).not.toMatch(/[\uD800-\uDFFF]/);
    }
  });

  it('lets a user template use the chart helpers, and still refuses triple-stash', () => {
    const tpl = path.join(dir, 'mine.html.hbs');
    writeFileSync(tpl, '<!DOCTYPE html><title>{{plant.company}}</title><body>{{radarChart charts.sections}}{{indicatorBars charts.indicators}}{{radarChart plant.company}}</body>');
    const doc = html(HOSTILE, '--template', tpl);
    expect(doc).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(doc).toContain('class="chart radar"');
    expect(doc).toContain('class="chart bars"');
    const bad = path.join(dir, 'bad.html.hbs');
    writeFileSync(bad, '<p>{{{plant.company}}}</p>');
    const r = zhizao(['report', HOSTILE, '--format', 'html', '--template', bad, '-o', path.join(dir, 'bad.html')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/triple-stash/);
  });
});
