import { EXIT } from '../errors.js';
import { printJson } from '../json-output.js';
import { loadPlant, scorePlant } from '../pipeline.js';
import type { Context } from '../program.js';
import { renderScoreSummary } from '../render-score.js';

export async function run(ctx: Context, files: string[]): Promise<number> {
  const plant = await loadPlant(ctx, files);
  const result = await scorePlant(ctx, plant);
  if (ctx.opts.json) printJson(result);
  else ctx.term.stdout.write(renderScoreSummary(result, ctx.term.lang, ctx.term.out, Boolean(ctx.opts.explain)));
  return EXIT.ok;
}
