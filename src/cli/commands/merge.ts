import { MergeRefused, mergeFiles } from '../../app/merge.js';
import { displayPath } from '../../io/paths.js';
import type { Context } from '../context.js';
import { EXIT, UsageError } from '../errors.js';
import type { MergeOptions } from '../options.js';
import { printJson, writeOutput } from '../output.js';
import { printConflicts, printMergeProblems } from '../render-merge.js';
import { shellQuote } from '../interview/autosave.js';
import { forTerminal } from '../../messages/safe-text.js';

/**
 * `zhizao merge FILE... -o OUT [--prefer FILE]`: exit 0 when no conflict is left open; 1 when one is — OUT is still
 * written (the open questions unanswered, their candidate values in the internal note, ready for `zhizao assess
 * OUT` to settle them), and the command says so, so that a script learns that the plant's file is not final yet;
 * 1 when the files do not belong to one plant (nothing written). See docs/compare-and-merge.md.
 */
export async function run(ctx: Context<MergeOptions>, files: string[]): Promise<number> {
  const { opts, term } = ctx;
  const out = opts.output;
  if (out === '-' && opts.json) throw new UsageError('cli.json-and-stdout');
  const shownOutput = out === '-' ? '<stdout>' : displayPath(out);
  let m;
  try {
    m = await mergeFiles(ctx.defs, files, { questionnaire: opts.questionnaire, prefer: opts.prefer, shownOutput });
  } catch (e) {
    if (!(e instanceof MergeRefused)) throw e;
    term.diagnostics(e.warnings);
    printMergeProblems(term, e.problems);
    if (opts.json) {
      const { files: names, prefer, conflicts } = e.report;
      printJson(ctx, { files: names, ...(prefer !== undefined ? { prefer } : {}), conflicts, open: conflicts.filter((c) => !c.resolved).length, problems: e.problems, output: null, written: false });
    }
    term.say(term.err.red(term.msg('cli.merge-not-written')));
    return EXIT.invalid;
  }
  term.diagnostics(m.loaded.warnings);
  printMergeProblems(term, m.problems);
  printConflicts(term, m.conflicts);
  term.diagnostics(m.diagnostics);
  await writeOutput(ctx, m.yaml, out);
  const answered = Object.keys(m.merged.answers ?? {}).length;
  term.say(term.msg('cli.merge-summary', { files: m.loaded.inputs.length, answered, conflicts: m.conflicts.length, open: m.open }));
  if (m.open > 0 && out !== '-') term.say(term.err.yellow(term.msg('cli.merge-open-exit', { open: m.open, file: shellQuote(forTerminal(displayPath(out))) })));
  if (!m.valid) term.say(term.err.red(term.msg('cli.merge-invalid')));
  if (opts.json)
    printJson(ctx, {
      files: m.loaded.inputs.map((i) => i.name),
      ...(m.prefer !== undefined ? { prefer: m.prefer } : {}),
      conflicts: m.conflicts,
      open: m.open,
      problems: m.problems,
      output: out === '-' ? '-' : displayPath(out),
      written: true,
      answered,
      valid: m.valid,
    });
  return m.open > 0 || !m.valid ? EXIT.invalid : EXIT.ok;
}
