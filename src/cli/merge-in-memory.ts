import path from 'node:path';
import { InputError, sortDiagnostics, type Diagnostic } from '../core/diagnostics.js';
import { resolveAnswers } from '../core/answers.js';
import { mergeAnswerFiles, type MergeConflict, type MergeInput, type MergeProblem, type MergeResult } from '../core/merge.js';
import type { Questionnaire } from '../core/questionnaire.js';
import type { Source } from '../core/source.js';
import type { Lang } from '../core/types.js';
import { loadAnswerFile } from '../io/answer-file.js';
import { EXIT, ExitError } from './errors.js';
import type { Plant } from './pipeline.js';
import type { Context } from './program.js';
import type { Terminal } from './terminal.js';

export interface LoadedForMerge {
  inputs: MergeInput[];
  /** The path each input was given as, by input name (to match --prefer). */
  paths: Map<string, string>;
  questionnaire: Questionnaire;
}

/**
 * Load and check every file of one plant. Each file must be valid on its own; warnings are printed, errors end the
 * command with exit 1 (InputError) before anything is merged.
 */
export async function loadFilesForMerge(ctx: Context, files: string[]): Promise<LoadedForMerge> {
  const inputs: MergeInput[] = [];
  const paths = new Map<string, string>();
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  let questionnaire: Questionnaire | undefined;
  // Files are named by their base name in notes and messages (a folder path would leak into reports), unless two
  // files share a base name.
  const bases = files.map((f) => path.basename(f));
  const unique = new Set(bases).size === bases.length;
  for (const file of files) {
    const loaded = await loadAnswerFile(file, ctx.defs, ctx.opts.questionnaire as string | undefined);
    for (const d of loaded.diagnostics) (d.severity === 'error' ? errors : warnings).push(d);
    if (!('answers' in loaded) || !loaded.answers) continue;
    const shown = unique ? path.basename(file) : loaded.source.file;
    let name = shown;
    for (let i = 2; paths.has(name); i++) name = `${shown}#${i}`;
    paths.set(name, file);
    inputs.push({ name, data: loaded.answers.file });
    questionnaire ??= loaded.questionnaire;
  }
  ctx.term.diagnostics(sortDiagnostics(warnings));
  if (errors.length || !questionnaire) throw new InputError(sortDiagnostics(errors));
  return { inputs, paths, questionnaire };
}

/** The input named by --prefer (matched by resolved path, else by the name as shown). */
export function preferredName(loaded: LoadedForMerge, prefer: string | undefined): string | undefined {
  if (prefer === undefined) return undefined;
  const want = path.resolve(prefer);
  for (const [name, p] of loaded.paths) if (path.resolve(p) === want) return name;
  for (const name of loaded.paths.keys()) if (name === prefer) return name;
  return prefer; // unknown: mergeAnswerFiles reports it
}

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** Conflicts as lines for stderr. */
export function conflictLines(conflicts: readonly MergeConflict[], lang: Lang): string[] {
  const L = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  return conflicts.map((c) => {
    const values = c.values.map((v) => `${v.file} = ${show(v.value)}`).join(' | ');
    const outcome = c.resolved
      ? L(`采用 ${c.chosen}（--prefer）`, `took ${c.chosen} (--prefer)`)
      : c.chosen
        ? L(`必填项，暂取 ${c.chosen} 的值，请核实`, `required: kept ${c.chosen}'s value for now, please check`)
        : L('未作答，候选值写入备注', 'left unanswered, candidates kept in the note');
    return `  ${c.question ?? c.field}: ${values} → ${outcome}`;
  });
}

export function printProblems(term: Terminal, problems: readonly MergeProblem[]): void {
  for (const p of problems) {
    const line = `${p.severity === 'error' ? term.t({ zh: '错误', en: 'error' }) : term.t({ zh: '警告', en: 'warning' })} ${term.t(p.message)}`;
    term.say(p.severity === 'error' ? term.err.red(line) : term.err.yellow(line));
  }
}

export function printConflicts(term: Terminal, conflicts: readonly MergeConflict[]): void {
  if (!conflicts.length) return;
  const open = conflicts.filter((c) => !c.resolved).length;
  term.say(
    term.err.yellow(
      term.t({
        zh: `答案冲突 ${conflicts.length} 处（${conflicts.length - open} 处已按 --prefer 处理，${open} 处未解决）：`,
        en: `${conflicts.length} conflicting answer(s) (${conflicts.length - open} resolved by --prefer, ${open} left open):`,
      }),
    ),
  );
  for (const l of conflictLines(conflicts, term.lang)) term.say(term.err.yellow(l));
}

/** The merged file as a Source for resolveAnswers: it has no text, so every location is line 1 col 1. */
export function mergedSource(names: string[], data: unknown): Source {
  return { file: `merged(${names.join('+')})`, data, locate: () => ({ line: 1, column: 1 }) };
}

/** Several interviews of one plant merged in memory (score/report --merge). Conflicts are shown on stderr. */
export async function mergePlantFiles(ctx: Context, files: string[]): Promise<Plant> {
  const loaded = await loadFilesForMerge(ctx, files);
  const result: MergeResult = mergeAnswerFiles(loaded.inputs, loaded.questionnaire, preferredName(loaded, ctx.opts.prefer as string | undefined));
  printProblems(ctx.term, result.problems);
  if (result.problems.some((p) => p.severity === 'error')) throw new ExitError(EXIT.invalid);
  printConflicts(ctx.term, result.conflicts);
  const source = mergedSource(loaded.inputs.map((i) => i.name), result.merged);
  const r = resolveAnswers(loaded.questionnaire, source);
  const ds = sortDiagnostics(r.diagnostics);
  if (!r.answers) throw new InputError(ds);
  ctx.term.diagnostics(ds);
  return { file: source.file, questionnaire: loaded.questionnaire, answers: r.answers };
}
