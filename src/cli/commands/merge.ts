import { answerFileToYaml } from '../../core/answer-yaml.js';
import { resolveAnswers } from '../../core/answers.js';
import { sortDiagnostics } from '../../core/diagnostics.js';
import { mergeAnswerFiles, openConflicts } from '../../core/merge.js';
import { shapeValidator } from '../../io/definitions.js';
import { displayPath } from '../../io/paths.js';
import { EXIT, UsageError } from '../errors.js';
import { printJson } from '../json-output.js';
import { loadFilesForMerge, mergedSource, preferredName, printConflicts, printProblems } from '../merge-in-memory.js';
import type { Context } from '../program.js';
import { writeOutput } from '../write-output.js';

/**
 * `zhizao merge FILE... -o OUT [--prefer FILE]`: exit 0 when no conflict is left open, 1 when one is (OUT is still
 * written, with the open questions unanswered and their candidate values in the notes), 1 when the files do not
 * belong to one plant (nothing written).
 */
export async function run(ctx: Context, files: string[]): Promise<number> {
  const out = ctx.opts.output as string;
  if (out === '-' && ctx.opts.json) throw new UsageError(ctx.term.t({ zh: '--json 与 -o - 不能同时使用（都写到标准输出）', en: '--json and -o - cannot be used together (both write to standard output)' }));
  const loaded = await loadFilesForMerge(ctx, files);
  const prefer = preferredName(loaded, ctx.opts.prefer as string | undefined);
  const { merged, conflicts, problems } = mergeAnswerFiles(loaded.inputs, loaded.questionnaire, prefer);
  printProblems(ctx.term, problems);
  const json = (extra: Record<string, unknown>) => ({
    files: loaded.inputs.map((i) => i.name),
    ...(prefer !== undefined ? { prefer } : {}),
    conflicts,
    open: openConflicts(conflicts).length,
    problems,
    ...extra,
  });
  if (problems.some((p) => p.severity === 'error')) {
    if (ctx.opts.json) printJson(json({ output: null, written: false }));
    ctx.term.say(ctx.term.err.red(ctx.term.t({ zh: '未写入合并文件。', en: 'No merged file written.' })));
    return EXIT.invalid;
  }
  printConflicts(ctx.term, conflicts);

  // The merged file must be valid on its own: answers from different interviews can break a cross-field check.
  // (Concatenated notes or united interviewees can also outgrow the limits of the answer-file schema.)
  const source = { ...mergedSource(loaded.inputs.map((i) => i.name), merged), file: out === '-' ? '<stdout>' : displayPath(out) };
  const shapeDs = shapeValidator().validate('answers', source);
  const check = resolveAnswers(loaded.questionnaire, source);
  const ds = sortDiagnostics([...shapeDs, ...check.diagnostics]);
  ctx.term.diagnostics(ds);
  const invalid = !check.answers || shapeDs.some((d) => d.severity === 'error');

  await writeOutput(ctx, answerFileToYaml(merged, loaded.questionnaire), out);
  const open = openConflicts(conflicts).length;
  const answered = Object.keys(merged.answers ?? {}).length;
  ctx.term.say(
    ctx.term.t({
      zh: `合并 ${loaded.inputs.length} 个文件：${answered} 个答案，冲突 ${conflicts.length} 处，未解决 ${open} 处`,
      en: `merged ${loaded.inputs.length} files: ${answered} answers, ${conflicts.length} conflict(s), ${open} left open`,
    }),
  );
  if (invalid) ctx.term.say(ctx.term.err.red(ctx.term.t({ zh: '合并后的文件未通过校验，请手工修正上述问题。', en: 'The merged file does not validate: fix the problems above by hand.' })));
  if (ctx.opts.json) printJson(json({ output: out === '-' ? '-' : displayPath(out), written: true, answered, valid: !invalid }));
  return open > 0 || invalid ? EXIT.invalid : EXIT.ok;
}
