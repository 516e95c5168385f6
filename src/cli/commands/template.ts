import { makeTemplate } from '../../app/template.js';
import { INDUSTRIES, type Industry } from '../../core/types.js';
import type { Context } from '../context.js';
import { EXIT, UsageError } from '../errors.js';
import type { TemplateOptions } from '../options.js';
import { writeOutput } from '../output.js';

export async function run(ctx: Context<TemplateOptions>): Promise<number> {
  const { opts, term } = ctx;
  const industry = (opts.industry ?? 'discrete') as Industry;
  if (!INDUSTRIES.includes(industry)) throw new UsageError('cli.industry-unknown', { value: industry, allowed: INDUSTRIES.join(', ') });
  const toStdout = opts.output === undefined || opts.output === '-';
  if (opts.format !== 'yaml' && opts.format !== 'csv' && toStdout && term.stdout.isTTY) throw new UsageError('cli.excel-needs-output', { format: opts.format });
  // (a table or an Excel form carries no interview mode: the short form is the YAML file's)
  if (opts.mode !== undefined && opts.format !== 'yaml') throw new UsageError('cli.template-mode-yaml', { format: opts.format });
  const content = await makeTemplate(ctx.defs, { format: opts.format, lang: term.lang, industry, questionnaire: opts.questionnaire, command: term.cmd(), mode: opts.mode });
  await writeOutput(ctx, content, opts.output);
  return EXIT.ok;
}
