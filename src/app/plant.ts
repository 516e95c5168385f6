import { InputError, sortDiagnostics, type Diagnostic } from '../core/diagnostics.js';
import type { Answers } from '../core/answers.js';
import type { Questionnaire } from '../core/questionnaire.js';
import { loadAnswerFile } from '../io/answer-file.js';
import type { Definitions } from '../io/definitions.js';
import { UsageError } from './errors.js';
import { loadFilesForMerge, MergeRefused, mergedName, mergedSource, preferredName, type MergeReport } from './merge.js';
import { resolveAnswers } from '../core/answers.js';
import { mergeAnswerFiles } from '../core/merge.js';

/** One plant's answers, resolved against their questionnaire. */
export interface Plant {
  file: string;
  questionnaire: Questionnaire;
  answers: Answers;
}

export interface PlantRequest {
  /** --questionnaire: overrides the id the file names. */
  questionnaire?: string | undefined;
  /** Several files are interviews of one plant: merge them in memory. */
  merge?: boolean | undefined;
  /** With merge: this file wins conflicts. */
  prefer?: string | undefined;
  /** The command that asks (named when a folder, a table or a document is passed instead of an answer file). */
  command: string;
}

export interface LoadedPlant {
  plant: Plant;
  /** Warnings to show (errors throw InputError). */
  warnings: Diagnostic[];
  /** When several files were merged: their conflicts and problems. */
  merge?: MergeReport;
}

/**
 * Load the plant a command works on: one answer file, or several files of one plant merged in memory.
 * Errors throw InputError (every problem at once); warnings are returned.
 */
export async function loadPlant(defs: Definitions, files: string[], req: PlantRequest): Promise<LoadedPlant> {
  if (files.length > 1 && !req.merge) throw new UsageError('cli.several-files-need-merge');
  if (files.length > 1) return mergePlantFiles(defs, files, req);
  const loaded = await loadAnswerFile(files[0]!, defs, req.questionnaire, req.command);
  const ds = sortDiagnostics(loaded.diagnostics);
  if (!('answers' in loaded) || !loaded.answers) throw new InputError(ds);
  return { plant: { file: loaded.source.file, questionnaire: loaded.questionnaire, answers: loaded.answers }, warnings: ds };
}

/** Several interviews of one plant merged in memory (score/report --merge). */
export async function mergePlantFiles(defs: Definitions, files: string[], req: PlantRequest): Promise<LoadedPlant> {
  const loaded = await loadFilesForMerge(defs, files, req.questionnaire, req.command);
  const prefer = preferredName(loaded, req.prefer);
  const result = mergeAnswerFiles(loaded.inputs, loaded.questionnaire, prefer);
  if (result.problems.some((p) => p.severity === 'error')) throw new MergeRefused(result.problems, loaded.warnings, { files: loaded.inputs.map((i) => i.name), prefer, conflicts: result.conflicts });
  const source = mergedSource(mergedName(loaded), result.merged);
  const r = resolveAnswers(loaded.questionnaire, source);
  const ds = sortDiagnostics(r.diagnostics);
  if (!r.answers) throw new InputError(ds);
  return {
    plant: { file: source.file, questionnaire: loaded.questionnaire, answers: r.answers },
    warnings: [...loaded.warnings, ...ds],
    merge: { conflicts: result.conflicts, problems: result.problems },
  };
}
