import { InputError, sortDiagnostics } from '../core/diagnostics.js';
import type { Answers } from '../core/answers.js';
import type { Profile } from '../core/profile.js';
import type { Questionnaire } from '../core/questionnaire.js';
import { buildResult, type ScoreResult } from '../core/result.js';
import type { TargetsDef } from '../core/targets.js';
import { loadAnswerFile } from '../io/answer-file.js';
import { UsageError } from './errors.js';
import type { Context } from './program.js';

export interface Plant {
  file: string;
  questionnaire: Questionnaire;
  answers: Answers;
}

/**
 * Load the plant a command works on: one answer file, or several files of one plant merged in memory with --merge.
 * Warnings go to stderr; errors throw InputError (exit 1).
 */
export async function loadPlant(ctx: Context, files: string[]): Promise<Plant> {
  if (files.length > 1 && !ctx.opts.merge) throw new UsageError(ctx.term.t({ zh: '给出了多个文件：同一工厂的多份访谈请加 --merge', en: 'several files given: add --merge when they are interviews of one plant' }));
  if (files.length > 1) {
    const { mergePlantFiles } = await import('./merge-in-memory.js');
    return mergePlantFiles(ctx, files);
  }
  const loaded = await loadAnswerFile(files[0]!, ctx.defs, ctx.opts.questionnaire as string | undefined);
  const ds = sortDiagnostics(loaded.diagnostics);
  if (!('answers' in loaded) || !loaded.answers) throw new InputError(ds);
  ctx.term.diagnostics(ds);
  return { file: loaded.source.file, questionnaire: loaded.questionnaire, answers: loaded.answers };
}

export async function scoringSetup(ctx: Context, q: Questionnaire): Promise<{ profile: Profile; targets: TargetsDef }> {
  const profile = await ctx.defs.profile((ctx.opts.profile as string | undefined) ?? undefined);
  const targets = await ctx.defs.targets((ctx.opts.targets as string | undefined) ?? undefined, q);
  return { profile, targets };
}

export async function scorePlant(ctx: Context, plant: Plant): Promise<ScoreResult> {
  const { profile, targets } = await scoringSetup(ctx, plant.questionnaire);
  return buildResult(plant.questionnaire, plant.answers, profile, targets);
}
