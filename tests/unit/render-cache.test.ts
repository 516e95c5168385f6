// Templates are compiled once per process (src/report/render.ts) and reused: a report rendered with the cached
// template must be byte-identical to one rendered with a template compiled for it alone, whatever was rendered
// before (another plant, whose chart helpers carry other labels; another language; a user's template).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlant } from '../../src/app/plant';
import { prepareReport } from '../../src/app/report';
import { buildResult } from '../../src/core/result';
import { Definitions } from '../../src/io/definitions';
import { chartDataFromResult, chartHelpers } from '../../src/report/html';
import { createEnv, precompileTemplate, type ReportLang, type TemplateSpecification } from '../../src/report/handlebars-env';
import { bundledTemplate, renderMarkdown } from '../../src/report/render';
import { renderHtml } from '../../src/report/html';
import type { ReportData } from '../../src/report/report-data';

/** The rendering as it was before the cache: a fresh Handlebars environment and compile for every report. */
function uncachedHtml(data: ReportData, lang: ReportLang): string {
  const model = { ...data.model, charts: chartDataFromResult(data.result) };
  const env = createEnv('html', lang, chartHelpers(lang, data.model.labels, data.model.ui));
  return env.compile(bundledTemplate('report.html.hbs'))({ ...model, lang });
}
function uncachedMd(data: ReportData, lang: ReportLang, template = bundledTemplate('report.md.hbs')): string {
  const env = createEnv('md', lang);
  return env.compile(template)({ ...data.model, lang }).replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

describe('compiled templates reused across reports', () => {
  it('every report equals one rendered with its own freshly compiled template (HTML and Markdown, two plants, three languages)', async () => {
    const defs = new Definitions();
    const profile = await defs.profile();
    const targets = await defs.targets();
    const reports: ReportData[] = [];
    for (const f of ['examples/discrete-machinery.zhizao.yaml', 'examples/process-food.zhizao.yaml']) {
      const { plant } = await loadPlant(defs, [f], { command: 'report' });
      const result = buildResult(plant.questionnaire, plant.answers, profile, targets, { sensitivity: true });
      reports.push(await prepareReport(defs, plant, result, { audience: 'client', tool: 'zhizao test' }));
    }
    const own = '# {{t meta.company}}\n{{#each sections}}- {{t title}}\n{{/each}}';
    // interleaved, so that each render follows one of another plant or language
    for (let round = 0; round < 1; round++)
      for (const lang of ['zh', 'en', 'both'] as const)
        for (const data of reports) {
          expect(renderHtml(data, { lang })).toBe(uncachedHtml(data, lang));
          expect(renderMarkdown(data.model, { lang })).toBe(uncachedMd(data, lang));
          expect(renderMarkdown(data.model, { lang, template: own })).toBe(uncachedMd(data, lang, own));
        }
    // the two plants' charts differ (the helpers of one never draw the other's)
    expect(renderHtml(reports[0]!, { lang: 'en' })).not.toBe(renderHtml(reports[1]!, { lang: 'en' }));
  });
});

describe('templates precompiled at build time (scripts/build-assets.mjs)', () => {
  it('render byte-identically to the same templates compiled at run time (HTML and Markdown, three languages)', async () => {
    const defs = new Definitions();
    const { plant } = await loadPlant(defs, ['examples/discrete-machinery.zhizao.yaml'], { command: 'report' });
    const result = buildResult(plant.questionnaire, plant.answers, await defs.profile(), await defs.targets(), { sensitivity: true });
    const data = await prepareReport(defs, plant, result, { audience: 'client', tool: 'zhizao test' });
    // The spec as the build writes it: JavaScript source in a CommonJS module, loaded by require.
    const dir = mkdtempSync(path.join(tmpdir(), 'zhizao-precompiled-'));
    try {
      const helpers = (lang: ReportLang) => chartHelpers(lang, data.model.labels, data.model.ui);
      const file = path.join(dir, 'precompiled.cjs');
      writeFileSync(
        file,
        `module.exports = { html: ${precompileTemplate('html', Object.keys(helpers('en')).sort(), bundledTemplate('report.html.hbs'))}, md: ${precompileTemplate('md', [], bundledTemplate('report.md.hbs'))} };`,
      );
      const specs = createRequire(import.meta.url)(file) as Record<'html' | 'md', TemplateSpecification>;
      for (const lang of ['zh', 'en', 'both'] as const) {
        const html = { ...data.model, charts: chartDataFromResult(data.result), lang };
        expect(createEnv('html', lang, helpers(lang)).fromSpec(specs.html)(html)).toBe(uncachedHtml(data, lang));
        const md = { ...data.model, lang };
        expect(createEnv('md', lang).fromSpec(specs.md)(md).replace(/\n{3,}/g, '\n\n').trimEnd() + '\n').toBe(uncachedMd(data, lang));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a template with a triple-stash is refused at build time as at run time', () => {
    expect(() => precompileTemplate('html', [], '<p>{{{x}}}</p>')).toThrow(/triple-stash/);
  });
});
