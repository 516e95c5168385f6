import { scorePlant } from '../../app/score.js';
import { resultJson } from '../../core/result.js';
import type { Context } from '../context.js';
import { EXIT } from '../errors.js';
import type { ScoreOptions } from '../options.js';
import { printJson } from '../output.js';
import { loadPlantForCommand } from '../plant.js';
import { renderScoreSummary } from '../render-score.js';

export async function run(ctx: Context<ScoreOptions>, files: string[]): Promise<number> {
  const { opts } = ctx;
  const plant = await loadPlantForCommand(ctx, 'score', files, opts);
  const result = await scorePlant(ctx.defs, plant, opts);
  if (opts.json) printJson(ctx, resultJson(result));
  else ctx.term.stdout.write(renderScoreSummary(result, ctx.term.lang, ctx.term.cmd(), ctx.term.out, Boolean(opts.explain)));
  return EXIT.ok;
}
