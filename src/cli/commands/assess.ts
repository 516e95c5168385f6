import { promises as fs } from 'node:fs';
import path from 'node:path';
import { InputError, sortDiagnostics } from '../../core/diagnostics.js';
import { parseSectionList, unknownSections } from '../../core/interview.js';
import type { AnswerFile } from '../../core/types.js';
import { loadAnswerFile } from '../../io/answer-file.js';
import { displayPath } from '../../io/paths.js';
import { scorePlant } from '../../app/score.js';
import { sectorsFor } from '../../app/sectors.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import type { AssessOptions } from '../options.js';
import { loadPlantForCommand } from '../plant.js';
import { renderScoreSummary } from '../render-score.js';
import { forTerminal, type Prompter } from '../interview/prompter.js';
import { shellQuote } from '../interview/autosave.js';
import { sectorWarningText } from '../interview/sector-note.js';

export async function run(ctx: Context<AssessOptions>, file?: string): Promise<number> {
  return assess(ctx, file, { isTTY: Boolean(process.stdin.isTTY) });
}

export interface AssessEnv {
  /** Whether standard input is an interactive terminal. */
  isTTY: boolean;
  /** Injected by tests (default: the inquirer prompter). */
  prompter?: Prompter;
  /** Where a new file is created when no FILE is given (default: the working directory). */
  cwd?: string;
  /** The command that runs zhizao where the user is (default: found from PATH and how this run started). */
  command?: string;
}

/** `zhizao assess [FILE]`: create or resume an answer file through the guided interview. */
export async function assess(ctx: Context<AssessOptions>, file: string | undefined, env: AssessEnv): Promise<number> {
  const { term, defs, opts } = ctx;
  const cmd = env.command ?? term.cmd();
  if (!env.isTTY) {
    throw new UsageError('cli.assess-needs-terminal', { cmd });
  }
  const questionnaireArg = opts.questionnaire;
  let target: { file: string; data?: AnswerFile } | undefined;
  let dir = env.cwd ?? process.cwd();
  let questionnaire;
  if (file !== undefined) {
    const stat = await fs.stat(file).catch(() => undefined);
    if (stat?.isDirectory()) dir = path.resolve(file);
    else if (stat) {
      const loaded = await loadAnswerFile(file, defs, questionnaireArg, 'assess');
      const ds = sortDiagnostics(loaded.diagnostics);
      if (!('answers' in loaded) || !loaded.answers) {
        term.say(term.err.red(term.msg('cli.assess-cannot-resume', { file: displayPath(file) })));
        throw new InputError(ds);
      }
      term.diagnostics(ds);
      questionnaire = loaded.questionnaire;
      target = { file: path.resolve(file), data: loaded.source.data as AnswerFile };
    } else {
      if (/[\\/]$/.test(file)) throw new UsageError('cli.folder-missing', { folder: file });
      target = { file: path.resolve(file) };
    }
  }
  questionnaire ??= await defs.questionnaire(questionnaireArg);

  let sections: string[] | undefined;
  if (typeof opts.sections === 'string') {
    sections = parseSectionList(opts.sections);
    const unknown = unknownSections(questionnaire, sections);
    if (sections.length === 0 || unknown.length) {
      throw new UsageError('cli.sections-unknown', { unknown: unknown.join(', ') || '-', known: questionnaire.def.sections.map((s) => s.id).join(', ') });
    }
  }

  const { runSession } = await import('../interview/session.js');
  // read only when a sector is written in words (its code is then suggested)
  const sectorPacks = () => sectorsFor(defs, questionnaire);
  const prompter = env.prompter ?? (await import('../interview/inquirer-prompter.js')).inquirerPrompter(term.lang, term.out, { output: term.stdout });
  const resumeArgs = questionnaireArg ? ['--questionnaire', questionnaireArg] : [];
  const result = await runSession({
    q: questionnaire,
    lang: term.lang,
    chalk: term.out,
    prompter,
    ...(target ? { target } : {}),
    dir,
    ...(sections ? { sections } : {}),
    ...(opts.mode ? { mode: opts.mode } : {}),
    checks: await ctx.defs.checksFor(questionnaire),
    sectorPacks,
    showLevels: Boolean(opts.showLevels),
    anonymousName: Boolean(opts.anonymousName),
    resumeArgs,
    command: cmd,
    say: (line) => term.say(line),
  });
  if (!result.finished) return 0;

  // Finished: the score summary and the command that writes the report.
  const plant = await loadPlantForCommand(ctx, 'assess', [result.file]);
  const score = await scorePlant(ctx.defs, plant);
  const sector = await sectorWarningText(plant.answers.file.respondent.sector, sectorPacks, term.lang);
  term.stdout.write('\n' + renderScoreSummary(score, term.lang, cmd, term.out, false, true, sector ? [sector] : []));
  const shown = shellQuote(forTerminal(displayPath(result.file)));
  const q = resumeArgs.map((a) => shellQuote(forTerminal(a))).join(' ');
  const report = `${cmd} report ${shown}${q ? ' ' + q : ''} -o report.html`;
  term.say('');
  term.say(term.msg('cli.assess-saved', { file: displayPath(result.file) }));
  term.say(term.msg('cli.assess-report-hint', { command: report }));
  const saved = plant.answers.file.progress?.sections;
  if (saved?.length) {
    term.say(term.msg('cli.assess-partial-sections', { sections: saved.join(', ') }));
  }
  return 0;
}
