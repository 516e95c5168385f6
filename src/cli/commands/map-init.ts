import { mapInit } from '../../app/batch/map-init.js';
import { displayPath } from '../../io/paths.js';
import { tableLimitsFrom } from '../../io/tables/limits.js';
import type { Context } from '../context.js';
import { EXIT } from '../errors.js';
import type { MapInitOptions } from '../options.js';

/** `zhizao map init EXPORT [-o MAP.yaml]`: a starting survey map; the map goes to stdout without -o. */
export async function run(ctx: Context<MapInitOptions>, exportFile: string): Promise<number> {
  const { term, opts } = ctx;
  const r = await mapInit(ctx.defs, { export: exportFile, output: opts.output, questionnaire: opts.questionnaire, force: Boolean(opts.force), lang: term.lang, cmd: term.cmd(), tableLimits: tableLimitsFrom(opts) });
  if (!r.written) term.stdout.write(r.text);
  term.say(term.msg('mapinit.wrote', { file: r.written ? displayPath(r.written) : '-', columns: r.columns, guesses: r.guesses, unmatched: r.unmatched, labels: r.labels }));
  return EXIT.ok;
}
