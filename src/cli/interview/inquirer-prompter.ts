/**
 * The terminal prompter: the only module that talks to the prompt library (@inquirer/prompts and the interview's own
 * list prompt, loaded lazily so that `zhizao --help` stays light). It runs the plans of ./prompter.ts.
 */
import type { ChalkInstance } from 'chalk';
import type { Lang } from '../../core/types.js';
import { formatMessage } from '../../messages/catalogue.js';
import { answeredLine, layout, makeTheme, pickConfig, planQuestion, refusal, type Action, type ChooseOptions, type Picked, type Prompter, type SeparatorLike } from './prompter.js';
import type { PickConfig } from './select-prompt.js';
import { terminalWidth, wrapText } from './wrap.js';

type Inquirer = typeof import('@inquirer/prompts');
let loaded: Promise<Inquirer> | undefined;
const inquirer = () => (loaded ??= import('@inquirer/prompts'));
type PickPrompt = <T>(config: PickConfig<T>, context?: { clearPromptOnDone?: boolean }) => Promise<T>;
let pickLoaded: Promise<PickPrompt> | undefined;
const pickPrompt = () => (pickLoaded ??= import('./select-prompt.js').then((m) => m.default as unknown as PickPrompt));

/** Replace our separator placeholders with inquirer's Separator. */
export function materialise<T extends object>(choices: (T | SeparatorLike)[], mod: Inquirer): (T | InstanceType<Inquirer['Separator']>)[] {
  return choices.map((ch) => ((ch as SeparatorLike).type === 'separator' ? new mod.Separator((ch as SeparatorLike).separator) : (ch as T)));
}

export interface PrompterOptions {
  /** Where answered lines go (the prompts' own stream: standard output). */
  output?: { write(s: string): unknown };
  /** Columns to lay text out in (default: the terminal's, 80 when unknown). */
  width?: () => number;
  /** Rows of the terminal (default: the terminal's, 24 when unknown). */
  rows?: () => number;
}

export function inquirerPrompter(lang: Lang, c: ChalkInstance, po: PrompterOptions = {}): Prompter {
  const width = po.width ?? (() => terminalWidth(process.stdout));
  const rows = po.rows ?? (() => (process.stdout.rows && process.stdout.rows > 0 ? process.stdout.rows : 24));
  const output = po.output ?? process.stdout;
  return {
    async question(view) {
      const w = width();
      const plan = planQuestion(view, c, w, rows());
      let action: Action;
      switch (plan.kind) {
        case 'pick': {
          const pick = await pickPrompt();
          action = plan.toAction(await pick(plan.config, { clearPromptOnDone: true }));
          break;
        }
        case 'checkbox': {
          const mod = await inquirer();
          const r = await mod.checkbox<Picked>({ ...plan.config, choices: materialise(plan.config.choices, mod) } as Parameters<typeof mod.checkbox<Picked>>[0], { clearPromptOnDone: true });
          action = plan.toAction(r);
          break;
        }
        case 'input': {
          const mod = await inquirer();
          action = plan.toAction(await mod.input(plan.config, { clearPromptOnDone: true }));
          break;
        }
      }
      const line = answeredLine(view, action, c, w);
      if (line) output.write(line + '\n');
      return action;
    },
    answered(view, action) {
      const line = answeredLine(view, action, c, width());
      if (line) output.write(line + '\n');
    },
    async choose<T>(opts: ChooseOptions<T>) {
      const pick = await pickPrompt();
      const transcript = opts.transcript ?? true;
      const w = width();
      const config = pickConfig<T>(
        c,
        lang,
        {
          ...(opts.header ? { header: opts.header } : {}),
          message: opts.message,
          choices: opts.choices,
          ...(opts.default !== undefined ? { default: opts.default } : {}),
          ...(opts.noDefault ? { noDefault: opts.noDefault } : {}),
          done: (choice) => (transcript ? `${c.green('✔')} ${wrapText(`${opts.message} ${c.cyan(choice.name.replace(/\n\s*/g, ' '))}`, w - 2, '  ')}` : ''),
        },
        w,
        rows(),
      );
      return pick(config, { clearPromptOnDone: !transcript });
    },
    async text(opts) {
      const mod = await inquirer();
      const w = width();
      const { message, questionLines } = layout(opts.header, opts.message, w);
      const display = opts.display;
      const transcript = opts.transcript ?? true;
      return mod.input({
        message,
        ...(opts.default !== undefined && opts.default !== '' ? { default: opts.default } : {}),
        ...(opts.validate ? { validate: (v: string) => { const r = opts.validate!(v); return r === true ? r : refusal(r, w); } } : {}),
        ...(display ? { transformer: (value: string, { isFinal }: { isFinal: boolean }) => (isFinal ? c.cyan(display(value)) : value) } : {}),
        theme: makeTheme(c, lang, questionLines),
      }, { clearPromptOnDone: !transcript });
    },
    async confirm(opts) {
      return this.choose<boolean>({
        ...(opts.header ? { header: opts.header } : {}),
        message: opts.message,
        choices: [
          { name: formatMessage('iv.yes', {}, lang), value: true },
          { name: formatMessage('iv.no', {}, lang), value: false },
        ],
        default: opts.default ?? false,
      });
    },
  };
}
