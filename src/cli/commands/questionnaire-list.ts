import { InputError } from '../../core/diagnostics.js';
import { printJson } from '../json-output.js';
import type { Context } from '../program.js';

export async function run(ctx: Context): Promise<number> {
  const { defs, term, opts } = ctx;
  const rows = [];
  for (const id of await defs.bundledIds('questionnaire')) {
    try {
      const q = await defs.questionnaire(id);
      rows.push({ id, version: q.def.version, title: q.def.title, questions: q.questions.length, sections: q.def.sections.map((s) => s.id) });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      rows.push({ id, error: `${e.diagnostics.length} problem(s); run zhizao validate --definition` });
    }
  }
  if (opts.json) printJson(rows);
  else for (const r of rows) term.stdout.write('title' in r ? `${r.id}\tv${r.version}\t${r.questions} ${term.t({ zh: '题', en: 'questions' })}\t${term.t(r.title!)}\n` : `${r.id}\t${r.error}\n`);
  return 0;
}
