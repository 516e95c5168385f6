import { printJson } from '../json-output.js';
import type { Context } from '../program.js';

export async function run(ctx: Context): Promise<number> {
  const { defs, term, opts } = ctx;
  const rows = [];
  for (const id of await defs.bundledIds('targets')) {
    const t = await defs.targets(id);
    rows.push({ id, title: t.title, source: t.source, targets: t.targets.length, kpis: t.kpis?.length ?? 0 });
  }
  if (opts.json) printJson(rows);
  else for (const r of rows) term.stdout.write(`${r.id}\t${term.t(r.title)}\n`);
  return 0;
}
