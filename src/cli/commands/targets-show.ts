import type { Context } from '../context.js';
import type { ShowOptions } from '../options.js';
import { printJson } from '../output.js';

export async function run(ctx: Context<ShowOptions>, idOrPath: string): Promise<number> {
  const { defs, term, opts } = ctx;
  const t = await defs.targets(idOrPath);
  if (opts.json) {
    printJson(ctx, { ...t, kind: undefined });
    return 0;
  }
  const w = (s: string) => term.stdout.write(s + '\n');
  w(term.out.bold(`${term.t(t.title)} (${t.id})`));
  w(term.msg('cli.source', { source: t.source }));
  for (const x of t.targets) w(`  ${x.indicator} ${x.comparison} ${Math.round(x.value * 1000) / 10}%  (${x.year}, ${term.t(x.population)})`);
  for (const k of t.kpis ?? []) w(`  ${k.kpi} ${k.change > 0 ? '+' : ''}${Math.round(k.change * 1000) / 10}%  ${k.title ? term.t(k.title) : ''}`);
  return 0;
}
