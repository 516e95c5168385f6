import { readFileSync } from 'node:fs';
import { InputError, diag } from '../../core/diagnostics.js';
import { decideReportFormat, prepareReport, renderReport } from '../../app/report.js';
import { scorePlant } from '../../app/score.js';
import { displayPath, VERSION } from '../../io/paths.js';
import type { Context } from '../context.js';
import { EXIT } from '../errors.js';
import type { ReportOptions } from '../options.js';
import { writeOutput } from '../output.js';
import { loadPlantForCommand } from '../plant.js';

export async function run(ctx: Context<ReportOptions>, files: string[]): Promise<number> {
  const { opts, term } = ctx;
  const format = decideReportFormat(opts.format, opts.output);
  const template = opts.template ? { text: readTemplate(opts.template), file: opts.template } : undefined;
  const plant = await loadPlantForCommand(ctx, 'report', files, opts);
  const result = await scorePlant(ctx.defs, plant, opts);
  const data = await prepareReport(ctx.defs, plant, result, { audience: opts.audience, rules: opts.rules, tool: `zhizao ${VERSION}`, scoring: opts });
  if (data.note) term.say(term.err.yellow(term.msg('cli.no-recommendations', { reason: data.note })));
  for (const w of data.warnings) term.say(term.err.yellow(term.msg('cli.override-unknown-recommendation', { id: w.id })));
  const content = await renderReport(data, format, { lang: opts.reportLang ?? (opts.lang === 'both' ? 'both' : term.lang), template });
  await writeOutput(ctx, content, opts.output);
  return EXIT.ok;
}

// Read synchronously: node:fs is loaded already, node:fs/promises (≈ 1 ms to load) would be for this alone.
function readTemplate(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new InputError([diag('input.not-found', displayPath(file), { line: 1, column: 1 })]);
  }
}
