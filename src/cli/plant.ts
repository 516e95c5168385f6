import { MergeRefused } from '../app/merge.js';
import { loadPlant, type Plant } from '../app/plant.js';
import type { Context } from './context.js';
import { EXIT, ExitError } from './errors.js';
import { printConflicts, printMergeProblems } from './render-merge.js';

/** Load the plant a command works on and tell the person what they need to know (warnings, merge conflicts). */
export async function loadPlantForCommand(ctx: Context, command: string, files: string[], merge: { merge?: boolean | undefined; prefer?: string | undefined } = {}): Promise<Plant> {
  try {
    const loaded = await loadPlant(ctx.defs, files, { questionnaire: ctx.opts.questionnaire, merge: merge.merge, prefer: merge.prefer, command });
    if (loaded.merge) {
      printMergeProblems(ctx.term, loaded.merge.problems);
      printConflicts(ctx.term, loaded.merge.conflicts);
    }
    ctx.term.diagnostics(loaded.warnings);
    return loaded.plant;
  } catch (e) {
    if (!(e instanceof MergeRefused)) throw e;
    ctx.term.diagnostics(e.warnings);
    printMergeProblems(ctx.term, e.problems);
    throw new ExitError(EXIT.invalid);
  }
}
