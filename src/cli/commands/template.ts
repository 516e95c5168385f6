import { blankAnswerYaml } from '../../core/template-yaml.js';
import type { Industry } from '../../core/types.js';
import { UsageError } from '../errors.js';
import type { Context } from '../program.js';
import { writeOutput } from '../write-output.js';

export async function run(ctx: Context): Promise<number> {
  const { defs, term, opts } = ctx;
  const q = await defs.questionnaire((opts.questionnaire as string | undefined) ?? undefined);
  const industry = (opts.industry as Industry | undefined) ?? 'discrete';
  if (!['discrete', 'process', 'mixed'].includes(industry)) throw new UsageError(`--industry must be discrete, process or mixed`);
  const format = opts.format as string;
  if (format === 'yaml') {
    await writeOutput(ctx, blankAnswerYaml(q, term.lang, industry), opts.output as string | undefined);
    return 0;
  }
  const { writeTableTemplate } = await import('../../io/table-template.js');
  return writeTableTemplate(ctx, q, format as 'csv' | 'xlsx' | 'xlsx-form');
}
