import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, FIXTURES, ROOT, tempDir, zhizao } from '../helpers/cli';

/**
 * The expected benefits of a project are typical of comparable projects, not figures of the plant: the plan says so
 * once, where it starts (before the first project), in every audience and language, and the definitions word every
 * range that way (同类…中常见 / "In comparable …"), without a headcount per post or cell stated as fact.
 */
const ZH = '各项目“预期效益”中的幅度是同类项目中常见的范围，不是在本厂测得的，也不是为本厂测算的，不作承诺。';
const ZH_BASELINE = '项目确认时，先测得本厂相应指标的现值作为基线';
const EN = 'The ranges given under each project\'s expected benefits are typical of comparable projects: they were not measured at this plant or estimated for it, and are not a promise.';
const EN_BASELINE = 'at acceptance, measure it again the same way';

const PLANTS = {
  discrete: path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'),
  process: path.join(EXAMPLES, 'process-food.zhizao.yaml'),
  'self-assessment': path.join(FIXTURES, 'self-assessment', 'express-autoparts.yaml'),
};

function md(file: string, lang: 'zh' | 'en', audience: 'client' | 'office'): string {
  const r = zhizao(['report', file, '--format', 'md', '-o', '-', '--report-lang', lang, '--audience', audience]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

/** The plan section up to its first project. */
const planStart = (text: string) => {
  const plan = text.slice(text.search(/^## 6\. /m));
  return plan.slice(0, plan.search(/^#### /m));
};
const count = (text: string, part: string) => text.split(part).length - 1;

describe('the report says once that the benefit ranges are not the plant’s', () => {
  for (const [name, file] of Object.entries(PLANTS)) {
    for (const audience of ['client', 'office'] as const) {
      it(`${name}, ${audience}: in Chinese and English, where the plan starts`, () => {
        const zh = md(file, 'zh', audience);
        expect(zh).toMatch(/^- 预期效益: /m);
        expect(planStart(zh)).toContain(ZH);
        expect(planStart(zh)).toContain(ZH_BASELINE);
        expect(count(zh, ZH)).toBe(1);
        const en = md(file, 'en', audience);
        expect(en).toMatch(/^- Expected benefits: /m);
        expect(planStart(en)).toContain(EN);
        expect(planStart(en)).toContain(EN_BASELINE);
        expect(count(en, EN)).toBe(1);
      });
    }
  }

  it('the JSON report carries it as benefitsBasis, for the client and the office, and not without benefits', () => {
    for (const audience of ['client', 'office'] as const) {
      const r = zhizao(['report', PLANTS.process, '--format', 'json', '-o', '-', '--audience', audience]);
      expect(r.code, r.stderr).toBe(0);
      const json = JSON.parse(r.stdout) as { benefitsBasis?: { zh: string; en: string }; recommendations: { benefits: unknown }[] };
      expect(json.recommendations.some((x) => x.benefits)).toBe(true);
      expect(json.benefitsBasis?.zh, audience).toContain(ZH);
      expect(json.benefitsBasis?.zh).toContain(ZH_BASELINE);
      expect(json.benefitsBasis?.en).toContain(EN);
    }
    // an express self-assessment's plan lists no project with benefits: nothing to say
    const express = JSON.parse(zhizao(['report', PLANTS['self-assessment'], '--format', 'json', '-o', '-']).stdout) as { benefitsBasis?: unknown; recommendations: { benefits: unknown }[] };
    expect(express.benefitsBasis === undefined).toBe(!express.recommendations.some((x) => x.benefits));
  });

  it('the DOCX report says it too', async () => {
    const out = path.join(tempDir('zhizao-benefits-'), 'report.docx');
    const r = zhizao(['report', PLANTS.discrete, '--format', 'docx', '-o', out, '--report-lang', 'zh']);
    expect(r.code, r.stderr).toBe(0);
    const xml = await (await JSZip.loadAsync(readFileSync(out))).file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain(ZH);
  });
});

describe('the definitions word every benefit range as what comparable projects typically see', () => {
  type Item = { zh: string; en: string };
  const sentences: { where: string; text: Item }[] = [];
  const walk = (node: unknown, where: string): void => {
    if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${where}[${(n as { id?: string })?.id ?? i}]`));
    else if (node && typeof node === 'object')
      for (const [k, v] of Object.entries(node)) {
        if (k === 'benefits') for (const t of Array.isArray(v) ? v : [v]) sentences.push({ where, text: t as Item });
        else walk(v, `${where}.${k}`);
      }
  };
  const files = ['questionnaires/rules/default.yaml', ...['apparel', 'electronics', 'food', 'new-materials', 'pharma'].map((s) => `questionnaires/sectors/${s}.yaml`)];
  for (const f of files) walk(parse(readFileSync(path.join(ROOT, f), 'utf8')), f);

  it('finds the benefits', () => {
    expect(sentences.length).toBeGreaterThan(150);
  });

  it('a percentage or percentage points in Chinese is said of comparable projects (or of the plant’s own baseline), and in English too', () => {
    // a share the plant has or reaches by the project (0.1 % of a rate, 99 %) is said of comparable projects as well
    const figure = /\d\s*%|个百分点/;
    const zhBad = sentences.filter((s) => figure.test(s.text.zh) && !/同类[^。；]*中(常见|，)/.test(s.text.zh)).map((s) => `${s.where}: ${s.text.zh}`);
    expect(zhBad).toEqual([]);
    const enBad = sentences.filter((s) => figure.test(s.text.en) && !/[Ii]n comparable/.test(s.text.en)).map((s) => `${s.where}: ${s.text.en}`);
    expect(enBad).toEqual([]);
  });

  it('no headcount per post, station or cell stated as fact, no "more than half" and no gain above the excellent-tier factory averages', () => {
    const all = sentences.map((s) => `${s.where}: ${s.text.zh} | ${s.text.en}`);
    expect(all.filter((s) => /减少[^，。；]*\d+\s*[–—-]\s*\d+\s*[人名]|替代[^，。；]*\d+\s*[–—-]\s*\d+\s*[个名]|\d+[–—-]\d+人\/班/.test(s))).toEqual([]);
    expect(all.filter((s) => /一半|50%以上|more than half|\bhalves\b|\bhalve\b/.test(s))).toEqual([]);
    // nor an error that "practically disappears": a project makes errors rarer, it does not end them
    expect(all.filter((s) => /基本消除|基本杜绝|完全消除|practically (disappear|stop|end)/.test(s))).toEqual([]);
    // ranges: no upper end above 30 % (productivity +22.3 %, R&D cycle −28.4 %, carbon −20.4 %, defects −50.2 % are a
    // whole excellent-tier factory's averages; one project claims less)
    const over = sentences.filter((s) => [...s.text.zh.matchAll(/(\d+)%–(\d+)%/g)].some((m) => Number(m[2]) > 30));
    expect(over.map((s) => `${s.where}: ${s.text.zh}`)).toEqual([]);
  });
});
