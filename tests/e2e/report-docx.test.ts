import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, FIXTURES, tempDir, zhizao } from '../helpers/cli.js';

const dir = tempDir('zhizao-docx-');
const PLANTS = {
  'discrete-machinery': { company: '郑州示例机械有限公司', file: path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml') },
  'process-food': { company: '郑州示例食品有限公司', file: path.join(EXAMPLES, 'process-food.zhizao.yaml') },
  hostile: { company: '<script>alert(1)</script>', file: path.join(FIXTURES, 'hostile', 'script-names.zhizao.yaml') },
  // a company assessing itself (no assessor named)
  'self-assessment': { company: '郑州宏达汽车零部件有限公司', file: path.join(FIXTURES, 'self-assessment', 'express-autoparts.yaml') },
} as const;
type Plant = keyof typeof PLANTS;

function docx(plant: Plant, ...args: string[]): string {
  const out = path.join(dir, `${plant}${args.join('').replace(/[^a-z]/g, '')}.docx`);
  const r = zhizao(['report', PLANTS[plant].file, '--format', 'docx', '-o', out, ...args]);
  expect(r.stderr).not.toMatch(/Error|at .*\.js:\d+/);
  expect(r.code).toBe(0);
  return out;
}

async function documentXml(file: string) {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const get = async (name: string) => {
    const f = zip.file(name);
    if (!f) throw new Error(`${name} missing from ${file}`);
    return f.async('string');
  };
  return { document: await get('word/document.xml'), styles: await get('word/styles.xml') };
}

const decode = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')).join('\n');

/** LibreOffice, found on PATH or in the usual places; the tests fail (not skip) without it. */
function soffice(): string {
  for (const c of ['soffice', 'libreoffice', '/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/Applications/LibreOffice.app/Contents/MacOS/soffice']) {
    const r = spawnSync(c, ['--version'], { encoding: 'utf8', timeout: 60_000 });
    if (r.status === 0) return c;
  }
  throw new Error('LibreOffice (soffice) is not installed: the DOCX round-trip test needs it (apt-get install libreoffice-writer; CI installs it in .ci/run)');
}

describe('report --format docx', () => {
  const files = {} as Record<Plant, string>;
  beforeAll(() => {
    for (const p of Object.keys(PLANTS) as Plant[]) files[p] = docx(p, '--report-lang', 'zh');
  });

  it('refuses to write DOCX to stdout', () => {
    const r = zhizao(['report', PLANTS['discrete-machinery'].file, '--format', 'docx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/-o/);
  });

  for (const plant of ['discrete-machinery', 'process-food'] as const) {
    it(`${plant}: real headings, tables, the company, Chinese text and East Asian fonts`, async () => {
      const { document, styles } = await documentXml(files[plant]);
      expect(document.match(/<w:pStyle w:val="Heading1"\/>/g)!.length).toBe(9);
      expect(document.match(/<w:pStyle w:val="Heading2"\/>/g)!.length).toBeGreaterThan(5);
      expect(document.match(/<w:tbl>/g)!.length).toBeGreaterThan(15);
      const text = decode(document);
      expect(text).toContain(PLANTS[plant].company);
      for (const s of ['智能制造能力成熟度诊断报告', '诊断范围与方法', '关键工序数控化率', '商业秘密 · 仅限委托方内部使用', '签署', 'L1']) expect(text).toContain(s);
      expect(text).toMatch(/诊断等级：\d 级（\S+?级），S = \d\.\d\d/);
      expect(styles).toContain('w:eastAsia="SimSun"');
      expect(styles).toContain('w:eastAsia="Microsoft YaHei"');
      expect(styles).toContain('w:ascii="Calibri"');
      // internal notes never leave the consultant
      expect(text).not.toContain('工控网与办公网未隔离');
    });
  }

  it('process-food: the plan lines the DOCX writes itself — the tiers the projected level meets, a duty with the project that settles it and its check when mostly met', async () => {
    const text = decode((await documentXml(files['process-food'])).document).replace(/\n/g, '');
    expect(text).toContain('按推算，规划期的项目全部完成后为 2 级，届时满足基础级、先进级的等级条件');
    expect(text).toContain('（答卷答为“大部分满足”）。本方案中落实这项要求的项目：中期（6–18 个月）的“食品批次追溯（原辅料—生产—冷库—客户）”。');
    expect(text).toContain('答卷的“大部分满足”指系统内追溯尚未覆盖全部产品；追溯体系也可以用纸质记录。');
    // a reference not checked against the original: said once under the duties; a section below level 1 in words
    expect(text.split('带 * 的出处尚未与原文逐条核对，条款号以现行有效文本为准。')).toHaveLength(2);
    expect(text).toContain('研发设计0.78未达 1 级');
  });

  it('keeps hostile names as text', async () => {
    const { document } = await documentXml(files.hostile);
    expect(decode(document)).toContain('<script>alert(1)</script>');
    expect(document).not.toContain('<script');
    expect(document).not.toContain('<w:hyperlink');
  });

  it('writes English and bilingual documents', async () => {
    const en = decode((await documentXml(docx('discrete-machinery', '--report-lang', 'en'))).document);
    expect(en).toContain('Smart-manufacturing maturity diagnosis report');
    expect(en).toMatch(/Diagnosed level: \d \(\w+\), S = \d\.\d\d/);
    const both = decode((await documentXml(docx('discrete-machinery', '--report-lang', 'both'))).document);
    expect(both).toContain('诊断范围与方法 / Scope and method');
  });

  it('round-trips through LibreOffice: the text has the company and the level line', () => {
    const bin = soffice();
    const out = path.join(dir, 'txt');
    const profile = pathToFileURL(path.join(dir, 'lo-profile')).href;
    const inputs = (['discrete-machinery', 'process-food', 'hostile'] as const).map((p) => files[p]);
    const r = spawnSync(bin, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', out, ...inputs], { encoding: 'utf8', timeout: 180_000 });
    expect(r.status, `soffice failed: ${r.stderr}`).toBe(0);
    for (const p of ['discrete-machinery', 'process-food', 'hostile'] as const) {
      const txt = path.join(out, `${path.basename(files[p], '.docx')}.txt`);
      expect(existsSync(txt), `${txt} not written: ${r.stdout} ${r.stderr}`).toBe(true);
      const text = readFileSync(txt, 'utf8');
      expect(text).toContain(PLANTS[p].company);
      // A stated level, or the plain statement that too little is answered to state one (the hostile plant).
      expect(text).toMatch(/诊断等级：\d 级（\S+?级），S = \d\.\d\d|尚不能给出诊断等级/);
      expect(text).toContain('诊断范围与方法');
    }
  }, 200_000);
});

describe('report -o: the extension of the output decides the format', () => {
  const plant = PLANTS['discrete-machinery'].file;

  it('-o x.docx without --format writes a Word document that LibreOffice opens as one (converted to PDF)', async () => {
    const out = path.join(dir, 'by-extension.docx');
    const r = zhizao(['report', plant, '-o', out, '--report-lang', 'zh']);
    expect(r.code, r.stderr).toBe(0);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK'); // a ZIP container, not Markdown text
    expect(decode((await documentXml(out)).document)).toContain(PLANTS['discrete-machinery'].company);
    const profile = pathToFileURL(path.join(dir, 'lo-profile-pdf')).href;
    const pdfDir = path.join(dir, 'pdf');
    const lo = spawnSync(soffice(), [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', pdfDir, out], { encoding: 'utf8', timeout: 180_000 });
    expect(lo.status, `soffice failed: ${lo.stderr}`).toBe(0);
    const pdf = path.join(pdfDir, 'by-extension.pdf');
    expect(existsSync(pdf), `${pdf} not written: ${lo.stdout} ${lo.stderr}`).toBe(true);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(readFileSync(pdf).length).toBeGreaterThan(20_000); // pages with text, not an empty import of a text file
  }, 200_000);

  it('-o x.html writes HTML; -o x.json JSON; -o x.md Markdown', () => {
    const html = path.join(dir, 'by-extension.html');
    expect(zhizao(['report', plant, '-o', html]).code).toBe(0);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    const json = path.join(dir, 'by-extension.json');
    expect(zhizao(['report', plant, '-o', json]).code).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8'))).toHaveProperty('maturity');
    const md = path.join(dir, 'by-extension.md');
    expect(zhizao(['report', plant, '-o', md]).code).toBe(0);
    expect(readFileSync(md, 'utf8')).toMatch(/^# /m);
  });

  it('--format that contradicts the extension of -o is a usage error (exit 2), nothing written', () => {
    const out = path.join(dir, 'contradiction.docx');
    const r = zhizao(['report', plant, '--format', 'md', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format md contradicts -o');
    expect(existsSync(out)).toBe(false);
    const zh = zhizao(['report', plant, '--format', 'html', '-o', path.join(dir, 'x.md')], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('矛盾');
  });
});

describe('report --format docx in English', () => {
  it('a line of several texts (a tier\'s other conditions) is kept apart with "; ", not the full-width ；', async () => {
    const text = decode((await documentXml(docx('process-food', '--report-lang', 'en'))).document);
    expect(text).toContain('Normally the basic tier first; The integration conditions of the tier');
    expect(text).not.toContain('Normally the basic tier first；');
  });
});

describe('DOCX of a company assessing itself', () => {
  it('reads in its own voice: title, confidentiality line and sign-off (编制 / 审核 / 批准), no client or diagnosis provider', async () => {
    const text = decode((await documentXml(docx('self-assessment', '--lang', 'zh'))).document);
    expect(text).toContain('智能制造能力成熟度诊断报告（企业自评）');
    expect(text).toContain('商业秘密 · 仅限本企业内部使用');
    for (const label of ['编制', '审核', '批准']) expect(text.split('\n')).toContain(label);
    expect(text).not.toMatch(/委托方|诊断人员/);
    expect(text.split('\n')).not.toContain('企业确认');
  });
});

