/**
 * What the interview asks of a prompter, and how a question is presented: which prompt, which entries, wrapped to
 * the terminal (pure: `planQuestion`, `answeredLine`). The terminal implementation that runs these plans with the
 * prompt library is ./inquirer-prompter.ts. A question prompt returns what the consultant did as a discriminated
 * action.
 *
 * Every question prompt offers the same commands without extra prompts:
 *  - lists (level, requirement, single, yes/no) end with a separator and command entries;
 *  - checkbox lists (multiple choice) end with command entries to tick (a ticked command wins over ticked options);
 *  - typed inputs (number, percent, text) accept `:note`, `:evidence`, `:help`, `:back`, `:menu`, `:skip`,
 *    `:unknown`, `:na`.
 * Once a question is dealt with its prompt is cleared; an answer leaves one line (`✔ question · answer`), a command
 * leaves nothing, so that the transcript never shows a command as if it were an answer. Text is wrapped at word
 * boundaries to the terminal width before the prompt sees it.
 */
import type { ChalkInstance } from 'chalk';
import { forTerminal as forTerminalText } from '../../messages/safe-text.js';
import { formatMessage, type MessageArgs, type MessageCode } from '../../messages/catalogue.js';
import { SATISFACTIONS, ambiguousPercent, levelOptionLabel, satisfactionLabel } from '../../core/interview.js';
import type { AnswerValue, Lang, Question } from '../../core/types.js';
import type { PickChoice, PickConfig, PickEntry } from './select-prompt.js';
import { wrapText } from './wrap.js';

export type Command = 'note' | 'evidence' | 'help' | 'back' | 'menu' | 'skip' | 'unknown' | 'na';
export const COMMANDS: readonly Command[] = ['note', 'evidence', 'help', 'back', 'menu', 'skip', 'unknown', 'na'];

/**
 * What the consultant did at a question. `typed` is the text of a typed answer; `pending` is a multiple-choice
 * selection not yet submitted.
 */
export type Action = { kind: 'answer'; value: AnswerValue; typed?: string } | { kind: Command; pending?: AnswerValue };

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
  hasEvidence?: boolean;
  /** Show the maturity level beside each option of a level question (--show-levels). */
  showLevels?: boolean;
  /** The unit a number answer is in, when the file states one other than the question's own (kpis.units). */
  unit?: string;
  /** Check a typed answer or a selection: the value to store, or the reason it is refused (shown at the prompt). */
  check(raw: unknown): CheckResult;
  /** How a stored value reads (for the answered line). */
  format(value: AnswerValue): string;
}

export interface ChoiceItem<T> {
  name: string;
  value: T;
  description?: string;
  /** The number shown with the entry (a digit key picks it). */
  key?: string;
}
export type ChoiceEntry<T> = ChoiceItem<T> | 'separator';

export interface ChooseOptions<T> {
  header?: string[];
  message: string;
  choices: ChoiceEntry<T>[];
  default?: T;
  /** No entry highlighted at first (no `default`): Enter alone chooses nothing and shows this hint. */
  noDefault?: { hint: string };
  /** false: nothing stays on the screen once chosen (menus); true: `✔ message choice` stays (a respondent field). */
  transcript?: boolean;
}

export interface TextOptions {
  header?: string[];
  message: string;
  default?: string;
  validate?: (value: string) => true | string;
  /** How the value reads once entered (e.g. the credit code in capitals, the date as stored). */
  display?: (value: string) => string;
  /** false: nothing stays on the screen once entered (a command's prompt: a note); true (default): `✔ message value` stays. */
  transcript?: boolean;
}

export interface Prompter {
  /**
   * Ask a question; the answer's record line is written (answeredLine), except for an answer still to be clarified
   * (a bare 0.8 for a percentage, a figure whose unit is asked next): the caller writes it with `answered` once the
   * user has said what was meant.
   */
  question(view: QuestionView): Promise<Action>;
  /** Write the record line of an answer settled after the question's prompt (`✔ question · answer`). */
  answered(view: QuestionView, action: Action): void;
  choose<T>(opts: ChooseOptions<T>): Promise<T>;
  text(opts: TextOptions): Promise<string>;
  confirm(opts: { header?: string[]; message: string; default?: boolean }): Promise<boolean>;
}

/** A figure typed for a question with other units to choose from (`unitChoices`): its unit is asked after it. */
export const unitAsked = (q: Question, action: Action): boolean => action.kind === 'answer' && q.type === 'number' && Boolean(q.unitChoices?.length) && typeof action.value === 'number';

// ---------------------------------------------------------------------------------------------------------------
// Labels

const msg = (lang: Lang, code: MessageCode, args: MessageArgs = {}) => formatMessage(code, args, lang);

const COMMAND_LABELS: Record<Command, { name: MessageCode; description: MessageCode }> = {
  note: { name: 'iv.cmd-note', description: 'iv.cmd-note-desc' },
  evidence: { name: 'iv.cmd-evidence', description: 'iv.cmd-evidence-desc' },
  help: { name: 'iv.cmd-help', description: 'iv.cmd-help-desc' },
  back: { name: 'iv.cmd-back', description: 'iv.cmd-back-desc' },
  menu: { name: 'iv.cmd-menu', description: 'iv.cmd-menu-desc' },
  skip: { name: 'iv.cmd-skip', description: 'iv.cmd-skip-desc' },
  unknown: { name: 'iv.cmd-unknown', description: 'iv.cmd-unknown-desc' },
  na: { name: 'iv.cmd-na', description: 'iv.cmd-na-desc' },
};

export function commandLabel(cmd: Command, lang: Lang, has: { note?: boolean; evidence?: boolean } = {}): string {
  if (cmd === 'note' && has.note) return msg(lang, 'iv.cmd-note-edit');
  if (cmd === 'evidence' && has.evidence) return msg(lang, 'iv.cmd-evidence-edit');
  return msg(lang, COMMAND_LABELS[cmd].name);
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
  evidence: 'evidence',
  e: 'evidence',
  ev: 'evidence',
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

function typedHint(view: QuestionView): string {
  const { question: q, lang } = view;
  const parts: string[] = [];
  if (q.type === 'number') {
    if (q.integer) parts.push(msg(lang, 'iv.hint-integer'));
    if (q.min !== undefined) parts.push(`≥ ${q.min}`);
    if (q.max !== undefined) parts.push(`≤ ${q.max}`);
    // the unit the answer is in (one the file states); with other units to choose from, that they are asked next
    const unit = view.unit ?? q.unit?.[lang];
    if (unit) parts.push(q.unitChoices?.length ? msg(lang, 'iv.hint-unit-choices', { unit }) : unit);
  } else if (q.type === 'percent') {
    parts.push(msg(lang, 'iv.hint-percent'));
  } else if (q.maxLength) parts.push(msg(lang, 'iv.hint-max-length', { max: q.maxLength }));
  const cmds = `:note :evidence :help :back :menu :skip :unknown${q.allowNA ? ' :na' : ''}`;
  return `${parts.length ? parts.join(', ') + ' · ' : ''}${msg(lang, 'iv.hint-enter')} · ${cmds}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Prompt configurations (pure: no prompt library loaded, so that tests can render them with @inquirer/testing)

export type Picked = { cmd: Command } | { value: AnswerValue };

export type PromptPlan =
  | { kind: 'pick'; config: PickConfig<Picked>; toAction(result: Picked): Action }
  | { kind: 'checkbox'; config: CheckboxConfig<Picked>; toAction(result: Picked[]): Action }
  | { kind: 'input'; config: InputConfig; toAction(result: string): Action };

interface Theme {
  prefix: { idle: string | undefined; done: string | undefined };
  style: {
    message: (text: string, status: string) => string;
    keysHelpTip: (keys: [string, string][]) => string | undefined;
  };
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
const SEPARATOR_LINE = '──────────';
const SEPARATOR: SeparatorLike = { separator: SEPARATOR_LINE, type: 'separator' };

const KEY_WORDS: Record<string, MessageCode> = { navigate: 'iv.key-navigate', select: 'iv.key-select', submit: 'iv.key-submit', all: 'iv.key-all', invert: 'iv.key-invert' };

/**
 * The message carries header lines (dim) above the question (bold, `questionLines` lines once wrapped); once
 * answered only the question stays on screen.
 */
export function makeTheme(c: ChalkInstance, lang: Lang, questionLines = 1): Theme {
  return {
    // No prefix: the icon goes in front of the question line, below the header (undefined is dropped by every prompt).
    prefix: { idle: undefined, done: undefined },
    style: {
      message(text, status) {
        const lines = text.split('\n');
        const question = lines.splice(Math.max(0, lines.length - questionLines));
        if (status === 'done') return `${c.green('✔')} ${question.join('\n')}`;
        return [...lines.map((l) => c.dim(l)), ...question.map((l, i) => (i === 0 ? `${c.blue('?')} ${c.bold(l)}` : c.bold(l)))].join('\n');
      },
      keysHelpTip: (keys) => keys.map(([key, action]) => `${c.bold(key)} ${c.dim(KEY_WORDS[action] ? msg(lang, KEY_WORDS[action]!) : action)}`).join(c.dim(' • ')),
    },
  };
}

/** Why an entry is refused, wrapped under inquirer's `> ` mark. */
export const refusal = (message: string, width: number) => wrapText(message, width - 2, '  ');

/**
 * Header lines and the question wrapped to the width; the number of lines the question takes. A question of several
 * lines (a question and what is asked about its answer) has each line start under the first, past the `? ` mark.
 */
export function layout(header: string[] | undefined, text: string, width: number): { message: string; questionLines: number } {
  const head = (header ?? []).map((l) => wrapText(l, width)).join('\n');
  const question = text
    .split('\n')
    .map((l, i) => (i ? '  ' : '') + wrapText(l, width - 2, '  '))
    .join('\n');
  const questionLines = question.split('\n').length;
  return { message: head ? `${head}\n${question}` : question, questionLines };
}

const pickMessage = (c: ChalkInstance, header: string[] | undefined, text: string, width: number) => {
  const { message, questionLines } = layout(header, text, width);
  return makeTheme(c, 'en', questionLines).style.message(message, 'idle');
};

function commandChoices(view: QuestionView): ChoiceItem<Picked>[] {
  const cmds: Command[] = ['note', 'evidence', 'help', 'back', 'menu', 'skip', 'unknown'];
  if (view.question.allowNA) cmds.push('na');
  return cmds.map((cmd) => ({ name: commandLabel(cmd, view.lang, { note: view.hasNote, evidence: view.hasEvidence }), value: { cmd }, description: msg(view.lang, COMMAND_LABELS[cmd].description) }));
}

function optionChoices(view: QuestionView): ChoiceItem<Picked>[] {
  const { question: q, lang } = view;
  switch (q.type) {
    case 'level':
      return [...(q.options ?? [])]
        .sort((a, b) => (a.level ?? 0) - (b.level ?? 0))
        .map((o) => ({
          name: levelOptionLabel(o, lang, Boolean(view.showLevels)),
          value: { value: o.value },
          ...(view.showLevels && o.level !== undefined ? { key: String(o.level) } : {}),
          description: (o.description ?? o.label)[lang],
        }));
    case 'requirement':
      return SATISFACTIONS.map((s) => ({ name: satisfactionLabel(s, lang), value: { value: s } }));
    case 'boolean':
      return [
        { name: msg(lang, 'iv.bool-yes'), value: { value: true } },
        { name: msg(lang, 'iv.bool-no'), value: { value: false } },
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

/** A list entry's name wrapped to the width, continuation lines under its first character. */
const entryName = (name: string, width: number, indent: number) => wrapText(name, width - indent, ' '.repeat(indent));

/**
 * Entries shown at once: all of them (up to 16) when the terminal is tall enough, else as many as fit under the
 * header and question with the description and the key help, so that the question stays on the screen.
 */
export function pageSize(entries: number, message: string, descriptions: string[], rows: number): number {
  const description = Math.max(0, ...descriptions.map((d) => (d ? d.split('\n').length : 0)));
  const room = rows - message.split('\n').length - description - 3;
  return Math.max(Math.min(entries, 5), Math.min(entries, 16, room));
}

/** The list prompt's configuration (also used for menus). */
export function pickConfig<T>(c: ChalkInstance, lang: Lang, o: { header?: string[]; message: string; choices: (ChoiceItem<T> | 'separator' | SeparatorLike)[]; default?: T; noDefault?: { hint: string }; done(choice: PickChoice<T>): string }, width: number, rows = 24): PickConfig<T> {
  const choices: PickEntry<T>[] = o.choices.map((ch) =>
    ch === 'separator' || (ch as SeparatorLike).type === 'separator'
      ? { separator: SEPARATOR_LINE }
      : { ...(ch as ChoiceItem<T>), name: entryName((ch as ChoiceItem<T>).name, width, 2), ...((ch as ChoiceItem<T>).description ? { description: wrapText((ch as ChoiceItem<T>).description!, width) } : {}) },
  );
  const message = pickMessage(c, o.header, o.message, width);
  return {
    message,
    choices,
    ...(o.default !== undefined ? { default: o.default } : {}),
    ...(o.noDefault ? { noDefault: { hint: wrapText(o.noDefault.hint, width) } } : {}),
    pageSize: pageSize(choices.length, message, choices.map((ch) => ('description' in ch ? (ch.description ?? '') : '')), rows),
    help: c.dim(msg(lang, 'iv.keys-select')),
    style: { active: (t) => c.cyan(t), description: (t) => c.cyan(t), hint: (t) => c.yellow(t), cursor: '❯' },
    done: o.done,
  };
}

/** Map a question to its prompt: which prompt, its configuration, and how its result becomes an action. */
export function planQuestion(view: QuestionView, c: ChalkInstance, width = 79, rows = 24): PromptPlan {
  const { question: q, lang } = view;
  if (q.type === 'multi') {
    const selected = Array.isArray(view.pending) ? view.pending : Array.isArray(view.current) ? view.current : [];
    const choices = [
      ...optionChoices(view).map((ch) => ({ ...ch, name: entryName(ch.name, width, 4), checked: selected.includes((ch.value as { value: string }).value as string) })),
      SEPARATOR,
      ...commandChoices(view).map((ch) => ({ ...ch, name: entryName(ch.name, width, 4) })),
    ];
    const exclusive = q.exclusive?.length ? msg(lang, 'iv.multi-exclusive', { options: q.exclusive.map((v) => q.options?.find((o) => o.value === v)?.label[lang] ?? v).join(lang === 'zh' ? '、' : '", "') }) : '';
    const hint = msg(lang, 'iv.multi-hint', { exclusive });
    const { message, questionLines } = layout([...view.header, hint], view.text, width);
    return {
      kind: 'checkbox',
      config: {
        message,
        choices,
        pageSize: pageSize(choices.length, message, [], rows),
        loop: false,
        shortcuts: { all: null, invert: null },
        theme: makeTheme(c, lang, questionLines),
        validate(selection) {
          const cmds = selection.filter((s) => 'cmd' in s.value);
          if (cmds.length > 1) return refusal(msg(lang, 'iv.one-command'), width);
          if (cmds.length === 1) return true;
          if (selection.length === 0) return refusal(msg(lang, 'iv.nothing-ticked'), width);
          const r = view.check(selection.map((s) => (s.value as { value: AnswerValue }).value));
          return r.ok ? true : refusal(r.message, width);
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
      if (cmd === 'na' && !q.allowNA) return msg(lang, 'iv.na-typed-not-allowed');
      if (cmd) return { kind: cmd };
      if (typed.trim() === '') return { kind: 'skip' };
      const r = view.check(typed);
      if (!r.ok) return r.message;
      if (r.value === 'unknown') return { kind: 'unknown' };
      if (r.value === 'n/a') return { kind: 'na' };
      return { kind: 'answer', value: r.value, typed };
    };
    const { message, questionLines } = layout([...view.header, typedHint(view)], view.text, width);
    return {
      kind: 'input',
      config: {
        message,
        ...(def !== undefined ? { default: def } : {}),
        theme: makeTheme(c, lang, questionLines),
        validate(value) {
          const d = decide(value);
          return typeof d === 'string' ? refusal(d, width) : true;
        },
        transformer(value, { isFinal }) {
          if (!isFinal) return value;
          const d = decide(value);
          if (typeof d === 'string') return value;
          if (d.kind === 'answer') return c.cyan(view.format(d.value));
          if (d.kind === 'unknown' || d.kind === 'na') return c.cyan(commandLabel(d.kind, lang));
          if (d.kind === 'skip') return c.dim(view.current !== undefined ? msg(lang, 'iv.kept') : msg(lang, 'iv.skipped'));
          return c.dim(value.trim());
        },
      },
      toAction(result) {
        const d = decide(result);
        return typeof d === 'string' ? { kind: 'skip' } : d;
      },
    };
  }
  // level, requirement, single, boolean: a list
  const options = optionChoices(view);
  const commands = commandChoices(view);
  let def: Picked | undefined;
  if (view.current === 'unknown') def = commands.find((ch) => 'cmd' in ch.value && ch.value.cmd === 'unknown')?.value;
  else if (view.current === 'n/a') def = commands.find((ch) => 'cmd' in ch.value && ch.value.cmd === 'na')?.value;
  else def = options.find((ch) => sameValue((ch.value as { value: AnswerValue }).value, view.current))?.value;
  return {
    kind: 'pick',
    config: pickConfig<Picked>(c, lang, { header: view.header, message: view.text, choices: [...options, 'separator', ...commands], ...(def ? { default: def } : {}), done: () => '' }, width, rows),
    toAction(result) {
      return 'cmd' in result ? { kind: result.cmd } : { kind: 'answer', value: result.value };
    },
  };
}

/**
 * The line an answer leaves on the screen: `✔ question · answer`, wrapped. Commands leave none, and neither does a
 * percentage typed as a bare 0.8 until the user has said whether 0.8 % or 80 % was meant, nor a figure whose unit is
 * asked next (a question with `unitChoices`) — the action as the question's prompt returns it, with `typed`: their
 * line shows the value and unit chosen, never a guess.
 */
export function answeredLine(view: QuestionView, action: Action, c: ChalkInstance, width = 79): string | undefined {
  let shown: string;
  if (action.kind === 'answer' && action.typed !== undefined && (ambiguousPercent(view.question, action.typed) !== undefined || unitAsked(view.question, action))) return undefined;
  if (action.kind === 'answer') shown = view.format(action.value);
  else if (action.kind === 'unknown' || action.kind === 'na') shown = commandLabel(action.kind, view.lang);
  else return undefined;
  const text = msg(view.lang, 'iv.answered', { question: view.text, answer: shown });
  const wrapped = wrapText(text, width - 2, '  ').split('\n');
  return [`${c.green('✔')} ${wrapped[0]}`, ...wrapped.slice(1)].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
