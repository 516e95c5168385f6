import type { Context } from '../context.js';
import type { ShowOptions } from '../options.js';
import { printJson } from '../output.js';

export async function run(ctx: Context<ShowOptions>, idOrPath: string): Promise<number> {
  const { defs, term, opts } = ctx;
  const q = await defs.questionnaire(idOrPath);
  if (opts.json) {
    printJson(ctx, { ...q.def, kind: undefined });
    return 0;
  }
  const w = (s: string) => term.stdout.write(s + '\n');
  w(term.out.bold(`${term.t(q.def.title)} (${q.def.id}, v${q.def.version})`));
  for (const s of q.def.sections) {
    w('');
    w(term.out.bold(`${s.id} — ${term.t(s.title)} (${s.questions.length})`));
    for (const question of s.questions) {
      const tags = [question.type, question.subdomain, question.level ? `L${question.level}` : undefined, question.industries?.join('/'), question.when ? `when ${question.when}` : undefined, question.allowNA ? 'n/a ok' : undefined]
        .filter(Boolean)
        .join(', ');
      w(`  ${question.id}  ${term.t(question.text)}  ${term.out.dim(`[${tags}]`)}`);
    }
  }
  w('');
  w(term.out.bold(term.msg('cli.indicators-heading')));
  for (const i of q.indicators) w(`  ${i.def.id}  ${term.t(i.def.title)} = ${i.def.formula}`);
  return 0;
}
