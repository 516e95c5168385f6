import { InputError } from '../../core/diagnostics.js';
import type { Context } from '../context.js';
import type { ShowOptions } from '../options.js';
import { printJson } from '../output.js';

export async function run(ctx: Context<ShowOptions>): Promise<number> {
  const { defs, term, opts } = ctx;
  const rows = [];
  for (const id of await defs.bundledIds('questionnaire')) {
    try {
      const q = await defs.questionnaire(id);
      rows.push({ id, version: q.def.version, title: q.def.title, questions: q.questions.length, sections: q.def.sections.map((s) => s.id) });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      rows.push({ id, error: term.msg('cli.definition-problems', { count: e.diagnostics.length }) });
    }
  }
  if (opts.json) printJson(ctx, rows);
  else for (const r of rows) term.stdout.write('title' in r ? `${r.id}\tv${r.version}\t${term.msg('cli.question-count', { count: r.questions ?? 0 })}\t${term.t(r.title!)}\n` : `${r.id}\t${r.error}\n`);
  return 0;
}
