import type { Context } from '../context.js';
import type { ShowOptions } from '../options.js';
import { printJson } from '../output.js';

export async function run(ctx: Context<ShowOptions>): Promise<number> {
  const { defs, term, opts } = ctx;
  const rows = [];
  for (const id of await defs.bundledIds('targets')) {
    const t = await defs.targets(id);
    rows.push({ id, title: t.title, source: t.source, targets: t.targets.length, kpis: t.kpis?.length ?? 0 });
  }
  if (opts.json) printJson(ctx, rows);
  else for (const r of rows) term.stdout.write(`${r.id}\t${term.t(r.title)}\n`);
  return 0;
}
