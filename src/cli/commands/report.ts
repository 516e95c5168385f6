import { readFile } from 'node:fs/promises';
import { DEFAULTS } from '../../io/definitions.js';
import { TemplateError } from '../../report/handlebars-env.js';
import type { Audience } from '../../report/model.js';
import { buildReportData, reportJson } from '../../report/report-data.js';
import { renderMarkdown } from '../../report/render.js';
import { stringifyJson } from '../../report/escape.js';
import { InputError, diag } from '../../core/diagnostics.js';
import { displayPath, VERSION as version } from '../../io/paths.js';
import { EXIT, UsageError } from '../errors.js';
import { loadPlant, scorePlant } from '../pipeline.js';
import type { Context } from '../program.js';
import { writeOutput } from '../write-output.js';


export async function run(ctx: Context, files: string[]): Promise<number> {
  const { opts, defs, term } = ctx;
  const format = opts.format as 'md' | 'html' | 'docx' | 'json';
  const audience = opts.audience as Audience;
  const lang = (opts.reportLang as 'zh' | 'en' | 'both' | undefined) ?? term.lang;
  if (format === 'docx' && (!opts.output || opts.output === '-')) throw new UsageError(term.t({ zh: 'DOCX 需要用 -o 指定输出文件', en: 'docx needs an output file: add -o report.docx' }));
  const template = opts.template ? await readTemplate(String(opts.template)) : undefined;

  const plant = await loadPlant(ctx, files);
  const result = await scorePlant(ctx, plant);
  const rules = await defs.rules((opts.rules as string | undefined) ?? DEFAULTS.rules, plant.questionnaire);
  const readiness = await Promise.all(DEFAULTS.readiness.map((id) => defs.readiness(id, plant.questionnaire)));
  const data = buildReportData({ questionnaire: plant.questionnaire, answers: plant.answers, result, rules, readiness, audience, tool: `zhizao ${version}` });
  for (const w of data.warnings) term.say(term.err.yellow(term.t({ zh: `警告：overrides 中的建议 ${w.id} 不在本次建议中`, en: `warning: overrides name recommendation ${w.id}, which is not in this plan` })));

  let content: string | Uint8Array;
  try {
    if (format === 'json') content = stringifyJson(reportJson(data, audience)) + '\n';
    else if (format === 'md') content = renderMarkdown(data.model, { lang, ...(template ? { template } : {}) });
    else if (format === 'html') content = (await import('../../report/html.js')).renderHtml(data, { lang, ...(template ? { template } : {}) });
    else content = await (await import('../../report/docx.js')).renderDocx(data, { lang });
  } catch (e) {
    if (e instanceof TemplateError) throw new InputError([diag('template.invalid', displayPath(String(opts.template)), { line: e.line, column: e.column }, { detail: e.message })]);
    throw e;
  }
  await writeOutput(ctx, content, opts.output as string | undefined);
  return EXIT.ok;
}

async function readTemplate(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new InputError([diag('input.not-found', displayPath(file), { line: 1, column: 1 })]);
  }
}
