import { promises as fs } from 'node:fs';
import path from 'node:path';
import { InputError, sortDiagnostics } from '../../core/diagnostics.js';
import { parseSectionList, unknownSections } from '../../core/interview.js';
import type { AnswerFile } from '../../core/types.js';
import { loadAnswerFile } from '../../io/answer-file.js';
import { displayPath } from '../../io/paths.js';
import { UsageError } from '../errors.js';
import { loadPlant, scorePlant } from '../pipeline.js';
import type { Context } from '../program.js';
import { renderScoreSummary } from '../render-score.js';
import { forTerminal, type Prompter } from '../interview/prompter.js';
import { shellQuote } from '../interview/session.js';

export async function run(ctx: Context, file?: string): Promise<number> {
  return assess(ctx, file, { isTTY: Boolean(process.stdin.isTTY) });
}

export interface AssessEnv {
  /** Whether standard input is an interactive terminal. */
  isTTY: boolean;
  /** Injected by tests (default: the inquirer prompter). */
  prompter?: Prompter;
  /** Where a new file is created when no FILE is given (default: the working directory). */
  cwd?: string;
}

/** `zhizao assess [FILE]`: create or resume an answer file through the guided interview. */
export async function assess(ctx: Context, file: string | undefined, env: AssessEnv): Promise<number> {
  const { term, defs, opts } = ctx;
  if (!env.isTTY) {
    throw new UsageError(
      term.t({
        zh: 'zhizao assess 需要交互式终端。离线填写请用：zhizao template -o plant.zhizao.yaml（生成空白答卷，编辑后）再运行 zhizao validate plant.zhizao.yaml 检查。',
        en: 'zhizao assess needs an interactive terminal. To fill in answers offline: zhizao template -o plant.zhizao.yaml, edit the file, then check it with zhizao validate plant.zhizao.yaml.',
      }),
    );
  }
  const questionnaireArg = opts.questionnaire as string | undefined;
  let target: { file: string; data?: AnswerFile } | undefined;
  let dir = env.cwd ?? process.cwd();
  let questionnaire;
  if (file !== undefined) {
    const stat = await fs.stat(file).catch(() => undefined);
    if (stat?.isDirectory()) dir = path.resolve(file);
    else if (stat) {
      const loaded = await loadAnswerFile(file, defs, questionnaireArg);
      const ds = sortDiagnostics(loaded.diagnostics);
      if (!('answers' in loaded) || !loaded.answers) {
        term.say(term.err.red(term.t({ zh: `无法继续 ${forTerminal(displayPath(file))}：请先修正以下问题（zhizao validate 可复查）`, en: `Cannot resume ${forTerminal(displayPath(file))}: fix these problems first (zhizao validate checks again)` })));
        throw new InputError(ds);
      }
      term.diagnostics(ds);
      questionnaire = loaded.questionnaire;
      target = { file: path.resolve(file), data: loaded.source.data as AnswerFile };
    } else {
      if (/[\\/]$/.test(file)) throw new UsageError(term.t({ zh: `文件夹 ${file} 不存在`, en: `folder ${file} does not exist` }));
      target = { file: path.resolve(file) };
    }
  }
  questionnaire ??= await defs.questionnaire(questionnaireArg ?? undefined);

  let sections: string[] | undefined;
  if (typeof opts.sections === 'string') {
    sections = parseSectionList(opts.sections);
    const unknown = unknownSections(questionnaire, sections);
    if (sections.length === 0 || unknown.length) {
      throw new UsageError(
        term.t({
          zh: `--sections：未知章节 ${unknown.join(', ') || '(空)'}；可用：${questionnaire.def.sections.map((s) => s.id).join(', ')}`,
          en: `--sections: unknown section ${unknown.join(', ') || '(empty)'}; known: ${questionnaire.def.sections.map((s) => s.id).join(', ')}`,
        }),
      );
    }
  }

  const { runSession } = await import('../interview/session.js');
  const prompter = env.prompter ?? (await import('../interview/prompter.js')).inquirerPrompter(term.lang, term.out);
  const resumeArgs = questionnaireArg ? ['--questionnaire', questionnaireArg] : [];
  const result = await runSession({
    q: questionnaire,
    lang: term.lang,
    chalk: term.out,
    prompter,
    ...(target ? { target } : {}),
    dir,
    ...(sections ? { sections } : {}),
    anonymousName: Boolean(opts.anonymousName),
    resumeArgs,
    say: (line) => term.say(line),
  });
  if (!result.finished) return 0;

  // Finished: the score summary and the command that writes the report.
  const plant = await loadPlant(ctx, [result.file]);
  const score = await scorePlant(ctx, plant);
  term.stdout.write('\n' + renderScoreSummary(score, term.lang, term.out));
  const shown = shellQuote(forTerminal(displayPath(result.file)));
  const q = resumeArgs.map((a) => shellQuote(forTerminal(a))).join(' ');
  const report = `zhizao report ${shown}${q ? ' ' + q : ''} --format html -o report.html`;
  term.say('');
  term.say(term.t({ zh: `答卷已保存：${forTerminal(displayPath(result.file))}`, en: `Answers saved in ${forTerminal(displayPath(result.file))}` }));
  term.say(term.t({ zh: `生成诊断报告：${report}`, en: `Write the report: ${report}` }));
  const saved = plant.answers.file.progress?.sections;
  if (saved?.length) {
    term.say(
      term.t({
        zh: `本次只访谈了部分章节（${saved.join(', ')}）；合并各部门答卷：zhizao merge 设计.yaml 生产.yaml … -o plant.zhizao.yaml`,
        en: `This interview covered only some sections (${saved.join(', ')}); combine the departments' files with: zhizao merge design.yaml production.yaml … -o plant.zhizao.yaml`,
      }),
    );
  }
  return 0;
}
