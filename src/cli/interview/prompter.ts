/**
 * The only module that talks to @inquirer/prompts (loaded lazily, so that `zhizao --help` stays light).
 * It maps a question to the fitting prompt and returns what the consultant did as a discriminated action.
 *
 * Every question prompt offers the same commands without extra prompts:
 *  - select lists (level, requirement, single, yes/no) end with a separator and command entries;
 *  - checkbox lists (multiple choice) end with command entries to tick (a ticked command wins over ticked options);
 *  - typed inputs (number, percent, text) accept `:note`, `:help`, `:back`, `:menu`, `:skip`, `:unknown`, `:na`.
 */
import type { ChalkInstance } from 'chalk';
import { forTerminal as forTerminalText } from '../../messages/safe-text.js';
import { SATISFACTIONS, satisfactionLabel } from '../../core/interview.js';
import type { AnswerValue, Lang, Question } from '../../core/types.js';

export type Command = 'note' | 'help' | 'back' | 'menu' | 'skip' | 'unknown' | 'na';
export const COMMANDS: readonly Command[] = ['note', 'help', 'back', 'menu', 'skip', 'unknown', 'na'];

/** What the consultant did at a question. `pending` is a multiple-choice selection not yet submitted. */
export type Action = { kind: 'answer'; value: AnswerValue } | { kind: Command; pending?: AnswerValue };

export type CheckResult = { ok: true; value: AnswerValue } | { ok: false; message: string };

/** Everything the prompter needs to ask one question. */
export interface QuestionView {
  question: Question;
  lang: Lang;
  /** Lines shown above the question (where we are, current answer, note, help, messages). */
  header: string[];
  /** The question text in the interview language (industry variant applied). */
  text: string;
  /** The stored answer, if any (canonical form: option value, fraction, list…). */
  current?: AnswerValue;
  /** A multiple-choice selection to pre-tick instead of `current` (kept across a note or help). */
  pending?: AnswerValue;
  hasNote: boolean;
  /** Check a typed answer or a selection: the value to store, or the reason it is refused (shown at the prompt). */
  check(raw: unknown): CheckResult;
  /** How a stored value reads (for the answered line). */
  format(value: AnswerValue): string;
}

export interface ChoiceItem<T> {
  name: string;
  value: T;
  description?: string;
  disabled?: boolean | string;
}
export type ChoiceEntry<T> = ChoiceItem<T> | 'separator';

export interface Prompter {
  question(view: QuestionView): Promise<Action>;
  choose<T>(opts: { header?: string[]; message: string; choices: ChoiceEntry<T>[]; default?: T }): Promise<T>;
  text(opts: { header?: string[]; message: string; default?: string; validate?: (value: string) => true | string }): Promise<string>;
  confirm(opts: { header?: string[]; message: string; default?: boolean }): Promise<boolean>;
}

// ---------------------------------------------------------------------------------------------------------------
// Labels

const L = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en);

export function commandLabel(cmd: Command, lang: Lang, hasNote = false): string {
  switch (cmd) {
    case 'note':
      return hasNote ? L(lang, '✎ 修改备注（已有备注）', '✎ edit note (has a note)') : L(lang, '✎ 添加备注', '✎ add note');
    case 'help':
      return L(lang, '? 帮助说明', '? help');
    case 'back':
      return L(lang, '← 上一题', '← back');
    case 'menu':
      return L(lang, '☰ 章节菜单', '☰ sections');
    case 'skip':
      return L(lang, '↷ 跳过（稍后回答）', '↷ skip (answer later)');
    case 'unknown':
      return L(lang, '不清楚 (unknown)', 'unknown (不清楚)');
    case 'na':
      return L(lang, '不适用 (n/a)', 'n/a — not applicable (不适用)');
  }
}

function commandDescription(cmd: Command, lang: Lang): string {
  switch (cmd) {
    case 'note':
      return L(lang, '为本题记录证据备注；可标记为“内部”，内部备注不会出现在任何报告中', 'Record an evidence note for this question; an "internal" note never reaches a report');
    case 'help':
      return L(lang, '显示本题的说明', "Show this question's help");
    case 'back':
      return L(lang, '回到上一题', 'Go to the previous question');
    case 'menu':
      return L(lang, '各章节完成情况，跳转到其他章节，复查未答题目，保存退出', 'Progress of each section, jump elsewhere, review unanswered questions, save and exit');
    case 'skip':
      return L(lang, '暂不作答，进入下一题（复查时会列出）', 'Leave it for now and go on (the review lists it)');
    case 'unknown':
      return L(lang, '已询问，但无人知道：计为已答，按“不满足”计分', 'Asked, nobody knew: counts as answered, scores as not satisfied');
    case 'na':
      return L(lang, '本题对该工厂不适用：不计入分母', 'Not applicable to this plant: left out of the denominator');
  }
}

/**
 * Text from an answer file made safe to show on a prompt's line: control characters (escape sequences, C1 controls,
 * line breaks) become visible `\x1b`-style escapes and bidi overrides are dropped (messages/safe-text.ts).
 */
export const forTerminal = (s: string): string => forTerminalText(s, { singleLine: true });
/** A stored text offered as the default of a typed prompt only when it is shown (and kept) exactly as it is. */
export const safeDefault = (s: string | undefined): string | undefined => (s !== undefined && forTerminal(s) === s ? s : undefined);

const TYPED_COMMANDS: Record<string, Command> = {
  note: 'note',
  n: 'note',
  help: 'help',
  h: 'help',
  '?': 'help',
  back: 'back',
  b: 'back',
  menu: 'menu',
  m: 'menu',
  sections: 'menu',
  skip: 'skip',
  s: 'skip',
  unknown: 'unknown',
  u: 'unknown',
  na: 'na',
  'n/a': 'na',
};

/** `:note`, `：help`, `:b` … → the command; undefined when the text is not a command. */
export function parseTypedCommand(typed: string): Command | undefined {
  const m = /^\s*[:：]\s*(\S+)\s*$/.exec(typed);
  return m ? TYPED_COMMANDS[m[1]!.toLowerCase()] : undefined;
}

function typedHint(q: Question, lang: Lang): string {
  const parts: string[] = [];
  if (q.type === 'number') {
    if (q.integer) parts.push(L(lang, '整数', 'whole number'));
    if (q.min !== undefined) parts.push(`≥ ${q.min}`);
    if (q.max !== undefined) parts.push(`≤ ${q.max}`);
    if (q.unit) parts.push(q.unit[lang]);
  } else if (q.type === 'percent') {
    parts.push(L(lang, '百分比：50、50% 或 0.5', 'percentage: 50, 50% or 0.5'));
  } else if (q.maxLength) parts.push(L(lang, `最多 ${q.maxLength} 字`, `up to ${q.maxLength} characters`));
  const cmds = `:note :help :back :menu :skip :unknown${q.allowNA ? ' :na' : ''}`;
  return `${parts.length ? parts.join(', ') + ' · ' : ''}${L(lang, '直接回车 = 跳过/保留', 'Enter alone = skip/keep')} · ${cmds}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Prompt configurations (pure: no inquirer import, so that tests can render them with @inquirer/testing)

type Pick = { cmd: Command } | { value: AnswerValue };

export type PromptPlan =
  | { kind: 'select'; config: SelectConfig<Pick>; toAction(result: Pick): Action }
  | { kind: 'checkbox'; config: CheckboxConfig<Pick>; toAction(result: Pick[]): Action }
  | { kind: 'input'; config: InputConfig; toAction(result: string): Action };

interface Theme {
  prefix: { idle: string | undefined; done: string | undefined };
  style: {
    message: (text: string, status: string) => string;
    keysHelpTip: (keys: [string, string][]) => string | undefined;
  };
}
export interface SelectConfig<T> {
  message: string;
  choices: (ChoiceItem<T> | SeparatorLike)[];
  default?: T;
  pageSize?: number;
  loop?: boolean;
  theme: Theme;
}
export interface CheckboxConfig<T> {
  message: string;
  choices: ((ChoiceItem<T> & { checked?: boolean }) | SeparatorLike)[];
  pageSize?: number;
  loop?: boolean;
  validate: (selection: readonly { value: T }[]) => true | string;
  shortcuts: { all: null; invert: null };
  theme: Theme;
}
export interface InputConfig {
  message: string;
  default?: string;
  validate: (value: string) => true | string;
  transformer?: (value: string, o: { isFinal: boolean }) => string;
  theme: Theme;
}
/** Stands for inquirer's Separator until the prompt module is loaded (see materialise). */
export interface SeparatorLike {
  separator: string;
  type: 'separator';
}
const SEPARATOR: SeparatorLike = { separator: '──────────', type: 'separator' };

const KEY_WORDS_ZH: Record<string, string> = { navigate: '移动', select: '选择/勾选', submit: '提交', all: '全选', invert: '反选' };

/** The message carries header lines; once answered only the question line stays on screen. */
export function makeTheme(c: ChalkInstance, lang: Lang): Theme {
  return {
    // No prefix: the icon goes in front of the question line, below the header (undefined is dropped by every prompt).
    prefix: { idle: undefined, done: undefined },
    style: {
      message(text, status) {
        const lines = text.split('\n');
        const last = lines.pop() ?? '';
        if (status === 'done') return `${c.green('✔')} ${last}`;
        return [...lines.map((l) => c.dim(l)), `${c.blue('?')} ${c.bold(last)}`].join('\n');
      },
      keysHelpTip: (keys) =>
        keys.map(([key, action]) => `${c.bold(key)} ${c.dim(lang === 'zh' ? (KEY_WORDS_ZH[action] ?? action) : action)}`).join(c.dim(' • ')),
    },
  };
}

const messageOf = (header: string[] | undefined, text: string) => [...(header ?? []), text].join('\n');

function commandChoices(view: QuestionView): ChoiceItem<Pick>[] {
  const cmds: Command[] = ['note', 'help', 'back', 'menu', 'skip', 'unknown'];
  if (view.question.allowNA) cmds.push('na');
  return cmds.map((cmd) => ({ name: commandLabel(cmd, view.lang, view.hasNote), value: { cmd }, description: commandDescription(cmd, view.lang) }));
}

function optionChoices(view: QuestionView): ChoiceItem<Pick>[] {
  const { question: q, lang } = view;
  switch (q.type) {
    case 'level':
      return [...(q.options ?? [])]
        .sort((a, b) => (a.level ?? 0) - (b.level ?? 0))
        .map((o) => ({ name: `${o.level ?? ''} · ${o.label[lang]}`, value: { value: o.value }, description: (o.description ?? o.label)[lang] }));
    case 'requirement':
      return SATISFACTIONS.map((s) => ({ name: satisfactionLabel(s, lang), value: { value: s } }));
    case 'boolean':
      return [
        { name: L(lang, '是', 'yes (是)'), value: { value: true } },
        { name: L(lang, '否', 'no (否)'), value: { value: false } },
      ];
    default:
      return (q.options ?? []).map((o) => ({
        name: o.label[lang],
        value: { value: o.value },
        ...(o.description ? { description: o.description[lang] } : {}),
      }));
  }
}

const sameValue = (a: AnswerValue | undefined, b: AnswerValue | undefined) => a === b;

function typedDefault(view: QuestionView): string | undefined {
  const v = view.current;
  if (typeof v === 'number') return view.question.type === 'percent' ? `${+(v * 100).toPrecision(12)}%` : String(v);
  if (typeof v === 'string' && v !== 'unknown' && v !== 'n/a') return safeDefault(v);
  return undefined;
}

/** Map a question to its prompt: which inquirer prompt, its configuration, and how its result becomes an action. */
export function planQuestion(view: QuestionView, c: ChalkInstance): PromptPlan {
  const { question: q, lang } = view;
  const theme = makeTheme(c, lang);
  if (q.type === 'multi') {
    const selected = Array.isArray(view.pending) ? view.pending : Array.isArray(view.current) ? view.current : [];
    const choices = [
      ...optionChoices(view).map((ch) => ({ ...ch, checked: selected.includes((ch.value as { value: string }).value as string) })),
      SEPARATOR,
      ...commandChoices(view),
    ];
    const exclusive = q.exclusive?.length ? L(lang, `（“${q.exclusive.map((v) => q.options?.find((o) => o.value === v)?.label.zh ?? v).join('、')}”不能与其他选项同选）`, ` ("${q.exclusive.map((v) => q.options?.find((o) => o.value === v)?.label.en ?? v).join('", "')}" cannot be combined)`) : '';
    const hint = L(lang, `空格勾选，回车提交${exclusive}；勾选一个命令（✎ ? ← ☰ ↷ …）再回车即执行该命令`, `space ticks, Enter submits${exclusive}; tick one command (✎ ? ← ☰ ↷ …) and press Enter to run it`);
    return {
      kind: 'checkbox',
      config: {
        message: messageOf([...view.header, hint], view.text),
        choices,
        pageSize: Math.min(choices.length, 16),
        loop: false,
        shortcuts: { all: null, invert: null },
        theme,
        validate(selection) {
          const cmds = selection.filter((s) => 'cmd' in s.value);
          if (cmds.length > 1) return L(lang, '一次只能执行一个命令：请只勾选一个命令', 'one command at a time: tick only one command');
          if (cmds.length === 1) return true;
          if (selection.length === 0)
            return L(lang, '尚未勾选：用空格勾选选项；或勾选“↷ 跳过”“不清楚”等命令', 'nothing ticked: tick options with space, or tick a command such as "↷ skip" or "unknown"');
          const r = view.check(selection.map((s) => (s.value as { value: AnswerValue }).value));
          return r.ok ? true : r.message;
        },
      },
      toAction(result) {
        const cmd = result.find((r): r is { cmd: Command } => 'cmd' in r);
        const values = result.filter((r): r is { value: AnswerValue } => 'value' in r).map((r) => r.value) as string[];
        if (cmd) return values.length ? { kind: cmd.cmd, pending: values } : { kind: cmd.cmd };
        const r = view.check(values);
        return { kind: 'answer', value: r.ok ? r.value : values };
      },
    };
  }
  if (q.type === 'number' || q.type === 'percent' || q.type === 'text') {
    const def = typedDefault(view);
    const decide = (typed: string): Action | string => {
      const cmd = parseTypedCommand(typed);
      if (cmd === 'na' && !q.allowNA) return L(lang, '本题不允许“不适用”；请作答或输入 :unknown', '"n/a" is not allowed for this question; answer it or type :unknown');
      if (cmd) return { kind: cmd };
      if (typed.trim() === '') return { kind: 'skip' };
      const r = view.check(typed);
      if (!r.ok) return r.message;
      if (r.value === 'unknown') return { kind: 'unknown' };
      if (r.value === 'n/a') return { kind: 'na' };
      return { kind: 'answer', value: r.value };
    };
    return {
      kind: 'input',
      config: {
        message: messageOf([...view.header, typedHint(q, lang)], view.text),
        ...(def !== undefined ? { default: def } : {}),
        theme,
        validate(value) {
          const d = decide(value);
          return typeof d === 'string' ? d : true;
        },
        transformer(value, { isFinal }) {
          if (!isFinal) return value;
          const d = decide(value);
          if (typeof d === 'string') return value;
          if (d.kind === 'answer') return c.cyan(view.format(d.value));
          if (d.kind === 'unknown' || d.kind === 'na') return c.cyan(commandLabel(d.kind, lang));
          if (d.kind === 'skip') return c.dim(view.current !== undefined ? L(lang, '（保留原答案）', '(kept)') : L(lang, '（跳过）', '(skipped)'));
          return c.dim(value.trim());
        },
      },
      toAction(result) {
        const d = decide(result);
        return typeof d === 'string' ? { kind: 'skip' } : d;
      },
    };
  }
  // level, requirement, single, boolean: a select list
  const options = optionChoices(view);
  const commands = commandChoices(view);
  const choices = [...options, SEPARATOR, ...commands];
  let def: Pick | undefined;
  if (view.current === 'unknown') def = commands.find((ch) => 'cmd' in ch.value && ch.value.cmd === 'unknown')?.value;
  else if (view.current === 'n/a') def = commands.find((ch) => 'cmd' in ch.value && ch.value.cmd === 'na')?.value;
  else def = options.find((ch) => sameValue((ch.value as { value: AnswerValue }).value, view.current))?.value;
  return {
    kind: 'select',
    config: {
      message: messageOf(view.header, view.text),
      choices,
      ...(def ? { default: def } : {}),
      pageSize: Math.min(choices.length, 16),
      loop: false,
      theme,
    },
    toAction(result) {
      return 'cmd' in result ? { kind: result.cmd } : { kind: 'answer', value: result.value };
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The real prompter

type Inquirer = typeof import('@inquirer/prompts');
let loaded: Promise<Inquirer> | undefined;
const inquirer = () => (loaded ??= import('@inquirer/prompts'));

/** Replace our separator placeholders with inquirer's Separator. */
export function materialise<T extends object>(choices: (T | SeparatorLike)[], mod: Inquirer): (T | InstanceType<Inquirer['Separator']>)[] {
  return choices.map((ch) => ((ch as SeparatorLike).type === 'separator' ? new mod.Separator((ch as SeparatorLike).separator) : (ch as T)));
}

export function inquirerPrompter(lang: Lang, c: ChalkInstance): Prompter {
  const theme = makeTheme(c, lang);
  return {
    async question(view) {
      const mod = await inquirer();
      const plan = planQuestion(view, c);
      switch (plan.kind) {
        case 'select': {
          const r = await mod.select<Pick>({ ...plan.config, choices: materialise(plan.config.choices, mod) } as Parameters<typeof mod.select<Pick>>[0]);
          return plan.toAction(r);
        }
        case 'checkbox': {
          const r = await mod.checkbox<Pick>({ ...plan.config, choices: materialise(plan.config.choices, mod) } as Parameters<typeof mod.checkbox<Pick>>[0]);
          return plan.toAction(r);
        }
        case 'input': {
          const r = await mod.input(plan.config);
          return plan.toAction(r);
        }
      }
    },
    async choose<T>(opts: { header?: string[]; message: string; choices: ChoiceEntry<T>[]; default?: T }) {
      const mod = await inquirer();
      const choices = opts.choices.map((ch) => (ch === 'separator' ? SEPARATOR : ch));
      return mod.select<T>({
        message: messageOf(opts.header, opts.message),
        choices: materialise(choices, mod),
        ...(opts.default !== undefined ? { default: opts.default } : {}),
        pageSize: Math.min(choices.length, 16),
        loop: false,
        theme,
      } as Parameters<typeof mod.select<T>>[0]);
    },
    async text(opts) {
      const mod = await inquirer();
      return mod.input({
        message: messageOf(opts.header, opts.message),
        ...(opts.default !== undefined && opts.default !== '' ? { default: opts.default } : {}),
        ...(opts.validate ? { validate: opts.validate } : {}),
        theme,
      });
    },
    async confirm(opts) {
      const yes = L(lang, '是', 'yes');
      const no = L(lang, '否', 'no');
      return this.choose<boolean>({
        ...(opts.header ? { header: opts.header } : {}),
        message: opts.message,
        choices: [
          { name: yes, value: true },
          { name: no, value: false },
        ],
        default: opts.default ?? false,
      });
    },
  };
}
