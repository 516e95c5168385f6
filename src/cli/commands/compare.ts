import { comparePlants } from '../../app/compare.js';
import { decideReportFormat } from '../../app/report.js';
import type { Context } from '../context.js';
import { EXIT, UsageError } from '../errors.js';
import type { CompareOptions } from '../options.js';
import { printJson, writeOutput } from '../output.js';
import { renderComparison } from '../render-compare.js';

/** `zhizao compare BASELINE FOLLOWUP`: progress between two assessments of one plant. Exit 0 (findings are output). */
export async function run(ctx: Context<CompareOptions>, baselineFile: string, followupFile: string): Promise<number> {
  const { opts, term } = ctx;
  const toFile = opts.output !== undefined && opts.output !== '-';
  // A progress report is written when asked for (--format, or -o); otherwise the summary goes to the terminal.
  const format = opts.format !== undefined || opts.output !== undefined ? decideReportFormat(opts.format, opts.output, ['md', 'html', 'docx']) : undefined;
  if (format && opts.json && !toFile) throw new UsageError('cli.json-and-report-need-output');
  const { comparison, warnings } = await comparePlants(ctx.defs, baselineFile, followupFile, opts);
  term.diagnostics(warnings);

  // Warnings and refusals on stderr too, so that scripts reading --json still see them in logs.
  for (const w of comparison.warnings) term.say(term.err.yellow(`${term.msg('cli.severity-warning')} ${term.t(w.message)}`));
  const reasons = new Map<string, string[]>();
  for (const k of comparison.kpis.filter((k) => k.status === 'refused')) {
    const m = term.t(k.reason!.message);
    reasons.set(m, [...(reasons.get(m) ?? []), term.t(k.title)]);
  }
  for (const [m, titles] of reasons) term.say(term.err.yellow(term.msg('cli.compare-not-compared', { kpis: titles.join(', '), reason: m })));

  if (opts.json) printJson(ctx, comparison);
  if (format === 'md' || format === 'html') {
    const rendered = format === 'md' ? (await import('../../report/compare/markdown.js')).renderCompareMarkdown(comparison, term.lang) : (await import('../../report/compare/html.js')).renderCompareHtml(comparison, term.lang);
    await writeOutput(ctx, rendered, opts.output);
  } else if (format === 'docx') {
    const { renderCompareDocx } = await import('../../report/compare/docx.js');
    await writeOutput(ctx, await renderCompareDocx(comparison, term.lang), opts.output);
  } else if (!opts.json) {
    term.stdout.write(renderComparison(comparison, term.lang, term.out));
  }
  return EXIT.ok;
}
