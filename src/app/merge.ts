import path from 'node:path';
import { answerFileToYaml } from '../core/answer-yaml.js';
import { resolveAnswers } from '../core/answers.js';
import { InputError, sortDiagnostics, type Diagnostic } from '../core/diagnostics.js';
import { mergeAnswerFiles, openConflicts, type MergeConflict, type MergeInput, type MergeProblem } from '../core/merge.js';
import type { Questionnaire } from '../core/questionnaire.js';
import type { Source } from '../core/source.js';
import type { AnswerFile } from '../core/types.js';
import { loadAnswerFile } from '../io/answer-file.js';
import { shapeValidator, type Definitions } from '../io/definitions.js';

export interface MergeReport {
  conflicts: MergeConflict[];
  problems: MergeProblem[];
}

/** The files do not belong to one plant (or cannot be merged): nothing is merged. */
export class MergeRefused extends Error {
  constructor(
    readonly problems: MergeProblem[],
    readonly warnings: Diagnostic[],
    /** The inputs by the names used in messages, and what else the merge found. */
    readonly report: { files: string[]; prefer: string | undefined; conflicts: MergeConflict[] },
  ) {
    super('merge refused');
  }
}

export interface LoadedForMerge {
  inputs: MergeInput[];
  /** The path each input was given as, by input name (to match --prefer). */
  paths: Map<string, string>;
  questionnaire: Questionnaire;
  warnings: Diagnostic[];
}

/**
 * Load and check every file of one plant. Each file must be valid on its own: errors throw InputError (every
 * problem of every file) before anything is merged.
 */
export async function loadFilesForMerge(defs: Definitions, files: string[], questionnaireId: string | undefined, command: string): Promise<LoadedForMerge> {
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
    const loaded = await loadAnswerFile(file, defs, questionnaireId, command);
    for (const d of loaded.diagnostics) (d.severity === 'error' ? errors : warnings).push(d);
    if (!('answers' in loaded) || !loaded.answers) continue;
    const shown = unique ? path.basename(file) : loaded.source.file;
    let name = shown;
    for (let i = 2; paths.has(name); i++) name = `${shown}#${i}`;
    paths.set(name, file);
    inputs.push({ name, data: loaded.answers.file });
    questionnaire ??= loaded.questionnaire;
  }
  if (errors.length || !questionnaire) throw new InputError(sortDiagnostics([...errors, ...warnings]));
  return { inputs, paths, questionnaire, warnings: sortDiagnostics(warnings) };
}

/** The input named by --prefer (matched by resolved path, else by the name as shown). */
export function preferredName(loaded: LoadedForMerge, prefer: string | undefined): string | undefined {
  if (prefer === undefined) return undefined;
  const want = path.resolve(prefer);
  for (const [name, p] of loaded.paths) if (path.resolve(p) === want) return name;
  for (const name of loaded.paths.keys()) if (name === prefer) return name;
  return prefer; // unknown: mergeAnswerFiles reports it
}

/** The merged file as a Source for resolveAnswers: it has no text, so every location is line 1 col 1. */
export function mergedSource(file: string, data: unknown): Source {
  return { file, data, locate: () => ({ line: 1, column: 1 }) };
}
export const mergedName = (loaded: LoadedForMerge) => `merged(${loaded.inputs.map((i) => i.name).join('+')})`;

export interface MergedFile extends MergeReport {
  loaded: LoadedForMerge;
  prefer: string | undefined;
  merged: AnswerFile;
  /** The merged file as YAML, ready to write. */
  yaml: string;
  /** Problems of the merged file checked on its own (answers from different interviews can break a cross-field check). */
  diagnostics: Diagnostic[];
  valid: boolean;
  open: number;
}

/** `zhizao merge`: combine the files; conflicts are listed, never silently resolved. Throws MergeRefused. */
export async function mergeFiles(defs: Definitions, files: string[], req: { questionnaire?: string | undefined; prefer?: string | undefined; shownOutput: string }): Promise<MergedFile> {
  const loaded = await loadFilesForMerge(defs, files, req.questionnaire, 'merge');
  const prefer = preferredName(loaded, req.prefer);
  const { merged, conflicts, problems } = mergeAnswerFiles(loaded.inputs, loaded.questionnaire, prefer);
  if (problems.some((p) => p.severity === 'error')) throw new MergeRefused(problems, loaded.warnings, { files: loaded.inputs.map((i) => i.name), prefer, conflicts });
  // (Concatenated notes or united interviewees can also outgrow the limits of the answer-file schema.)
  const source = mergedSource(req.shownOutput, merged);
  const shapeDs = shapeValidator().validate('answers', source);
  const check = resolveAnswers(loaded.questionnaire, source);
  const diagnostics = sortDiagnostics([...shapeDs, ...check.diagnostics]);
  const valid = Boolean(check.answers) && !shapeDs.some((d) => d.severity === 'error');
  return { loaded, prefer, merged, conflicts, problems, yaml: answerFileToYaml(merged, loaded.questionnaire), diagnostics, valid, open: openConflicts(conflicts).length };
}
