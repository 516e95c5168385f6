/**
 * The message catalogue: every user-facing message in Chinese and English, one table per module, merged here.
 * `MessageCode` is the union of all codes, so an unknown code is a compile-time error. This folder is the lowest
 * layer of src/: it imports nothing from the rest of the code.
 */
import { ANSWERS_MESSAGES } from './answers.js';
import { BATCH_MESSAGES } from './batch.js';
import { CHECKS_MESSAGES } from './checks.js';
import { CLI_MESSAGES } from './cli.js';
import { COMPARE_MESSAGES } from './compare.js';
import { DEFINITIONS_MESSAGES } from './definitions.js';
import { HELP_MESSAGES } from './help.js';
import { INPUT_MESSAGES } from './input.js';
import { INTERVIEW_MESSAGES } from './interview.js';
import { MERGE_MESSAGES } from './merge.js';
import { forTerminal } from './safe-text.js';
import { fillTemplate } from './template.js';
import { TABLES_MESSAGES } from './tables.js';
import { VALUES_MESSAGES } from './values.js';

export type Lang = 'zh' | 'en';
/** A bilingual text. */
export interface Text {
  zh: string;
  en: string;
}

const TABLES = [
  INPUT_MESSAGES,
  DEFINITIONS_MESSAGES,
  ANSWERS_MESSAGES,
  CHECKS_MESSAGES,
  TABLES_MESSAGES,
  BATCH_MESSAGES,
  CLI_MESSAGES,
  VALUES_MESSAGES,
  HELP_MESSAGES,
  INTERVIEW_MESSAGES,
  COMPARE_MESSAGES,
  MERGE_MESSAGES,
] as const satisfies readonly Record<string, Text>[];
type Intersection<T extends readonly unknown[]> = T extends readonly [infer First, ...infer Rest] ? First & Intersection<Rest> : unknown;

/**
 * The tables merged with Object.assign, not an object spread: V8 builds a spread of the ≈ 1,000 codes one property
 * (one hidden class) at a time, ≈ 5 ms at every start-up, `--help` included; Object.assign copies them in ≈ 0.1 ms.
 * The same codes in the same order, a later table's code winning as with a spread (no code is `__proto__`).
 */
export const MESSAGES: Intersection<typeof TABLES> = Object.assign({}, ...TABLES);

export type MessageCode = keyof typeof MESSAGES;
export type MessageArgs = Record<string, string | number>;

export const isMessageCode = (code: string): code is MessageCode => Object.prototype.hasOwnProperty.call(MESSAGES, code);

/**
 * A message in one language. Arguments quoted from files (answers, names) never reach a terminal raw: controls
 * become visible escapes. Messages written in a definition file come in both languages as args `zh` and `en`.
 * `{name}` is an argument; `{name|one|other}` picks a word by whether the argument is 1 (English plurals).
 */
export function formatMessage(code: MessageCode, args: MessageArgs, lang: Lang): string {
  if (args.zh !== undefined && args.en !== undefined) args = { ...args, message: args[lang]! };
  const template: string = MESSAGES[code][lang];
  const has = (k: string) => Object.prototype.hasOwnProperty.call(args, k);
  // `{unit}` is filled from `unit`, else from `unit_zh` / `unit_en` in the message's language (a unit or a range in words)
  const arg = (k: string) => (has(k) ? args[k] : has(`${k}_${lang}`) ? args[`${k}_${lang}`] : undefined);
  // without plural forms (most messages): filled from the template split once
  if (!PLURAL.test(template))
    return fillTemplate(template, (k) => {
      const v = arg(k);
      return v === undefined ? undefined : forTerminal(v);
    });
  return template
    .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (m, k: string, one: string, other: string) => (has(k) ? (Number(args[k]) === 1 ? one : other) : m))
    .replace(/\{(\w+)\}/g, (m, k: string) => {
      const v = arg(k);
      return v === undefined ? m : forTerminal(v);
    });
}

const PLURAL = /\{\w+\|/;

/**
 * A diagnostic's message in `lang`; `cmd` fills `{cmd}`, the command that runs zhizao where the user is (the file
 * readers that make diagnostics do not know how zhizao was started).
 */
export const diagnosticText = (d: { code: MessageCode; args: MessageArgs }, lang: Lang, cmd: string): string => formatMessage(d.code, { cmd, ...d.args }, lang);

/** A message in both languages (for results that carry bilingual text, such as compare warnings). */
export function bilingual(code: MessageCode, args: MessageArgs | ((lang: Lang) => MessageArgs) = {}): Text {
  const of = (lang: Lang) => formatMessage(code, typeof args === 'function' ? args(lang) : args, lang);
  return { zh: of('zh'), en: of('en') };
}
