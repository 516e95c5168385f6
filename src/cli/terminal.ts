import type { Chalk as ChalkClass, ChalkInstance } from 'chalk';
import type { Diagnostic } from '../core/diagnostics.js';
import type { Lang, Text } from '../core/types.js';
import { diagnosticText, formatMessage, type MessageArgs, type MessageCode } from '../messages/catalogue.js';
import { forTerminal } from '../messages/safe-text.js';
import { displayWidth } from './display-width.js';
import { useColor } from './env.js';
import { invocation } from './invocation.js';

/** Everything a command needs to talk to the person: language, coloured stderr, stdout for results. */
export interface Terminal {
  lang: Lang;
  /** Colour for stderr messages. */
  err: ChalkInstance;
  /** Colour for stdout (human summaries only; never for --json). */
  out: ChalkInstance;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /** A catalogue message in the terminal's language; `{cmd}` is the command that runs zhizao where the user is. */
  msg(code: MessageCode, args?: MessageArgs): string;
  /** The command that runs zhizao where the user is: `zhizao`, `npx zhizao` or `node …/bin/zhizao.js`. */
  cmd(): string;
  /** A bilingual text from a definition file (a title, a question): pick the language. */
  t(text: Text): string;
  /** A human message on stderr. */
  say(line: string): void;
  diagnostics(ds: readonly Diagnostic[]): void;
}

/** Problems with a file as a whole (missing, unreadable, no match): no line and column to point at. */
export const FILE_LEVEL_CODES: ReadonlySet<MessageCode> = new Set<MessageCode>([
  'input.not-found',
  'input.unreadable',
  'input.no-match',
  'input.empty-folder',
  'input.is-folder',
  'input.not-regular',
  'input.folder-not-answers',
  'input.table-not-answers',
  'input.document-not-answers',
]);

/** A diagnostic's message in `lang`, `{cmd}` filled (messages/catalogue.ts). */
export const diagnosticMessage: (d: Diagnostic, lang: Lang, cmd: string) => string = diagnosticText;

/** `file:line:col severity message` (`file: severity message` for a problem with the whole file), safe to print. */
export function formatDiagnostic(d: Diagnostic, lang: Lang, cmd: string): string {
  const sev = formatMessage(d.severity === 'warning' ? 'cli.severity-warning' : 'cli.severity-error', {}, lang);
  const where = FILE_LEVEL_CODES.has(d.code) ? `${forTerminal(d.file)}:` : `${forTerminal(d.file)}:${d.line}:${d.column}`;
  return `${where} ${sev} ${diagnosticMessage(d, lang, cmd)}`;
}

/**
 * The line a problem is on, with a caret under its column (a tab shown as →, so that the caret lines up and a tab
 * used for indenting can be seen), or undefined when the diagnostic carries no line.
 */
export function formatExcerpt(d: Diagnostic): string | undefined {
  if (d.excerpt === undefined) return undefined;
  const text = forTerminal(d.excerpt.replace(/\t/g, '→'), { singleLine: true });
  const number = String(d.line);
  const before = d.excerpt.replace(/\t/g, '→').slice(0, Math.max(0, d.column - 1));
  const gutter = ' '.repeat(number.length);
  return `  ${number} | ${text}\n  ${gutter} | ${' '.repeat(displayWidth(forTerminal(before, { singleLine: true })))}^`;
}

/** Chalk's modifiers and colours that take arguments and return a style (`c.hex('#f00')('text')`). */
const STYLE_FACTORIES = new Set(['rgb', 'hex', 'ansi256', 'bgRgb', 'bgHex', 'bgAnsi256']);

/**
 * What chalk does at colour level 0, without loading chalk: every style (and chain of styles) returns its text as
 * is — one argument as a string, several joined by spaces — and `visible` returns ''.
 */
export function plainChalk(visible = true): ChalkInstance {
  const text = (...args: unknown[]) => (!visible ? '' : args.length === 1 ? String(args[0]) : args.join(' '));
  let hidden: ChalkInstance | undefined;
  const self: ChalkInstance = new Proxy(text, {
    get(_target, key) {
      if (key === 'level') return 0;
      // not a promise (`await plainChalk()` must not hang) and no symbol protocols
      if (key === 'then' || typeof key === 'symbol') return undefined;
      if (key === 'visible') return visible ? (hidden ??= plainChalk(false)) : self;
      if (typeof key === 'string' && STYLE_FACTORIES.has(key)) return () => self;
      return self;
    },
  }) as unknown as ChalkInstance;
  return self;
}

/** The terminal of a running command; chalk is loaded only when a stream is coloured. */
export async function openTerminal(lang: Lang): Promise<Terminal> {
  const coloured = useColor(process.stderr) || useColor(process.stdout);
  return makeTerminal(lang, coloured ? (await import('chalk')).Chalk : undefined);
}

/** A terminal; without `Chalk` (chalk not loaded) nothing is coloured. */
export function makeTerminal(lang: Lang, Chalk?: typeof ChalkClass): Terminal {
  const colours = (stream: NodeJS.WriteStream) => (Chalk && useColor(stream) ? new Chalk({ level: 1 }) : plainChalk());
  const err = colours(process.stderr);
  const out = colours(process.stdout);
  return {
    lang,
    err,
    out,
    stdout: process.stdout,
    stderr: process.stderr,
    msg: (code, args = {}) => formatMessage(code, { cmd: invocation(), ...args }, lang),
    cmd: () => invocation(),
    t: (text) => text[lang],
    say: (line) => process.stderr.write(line + '\n'),
    diagnostics(ds) {
      for (const d of ds) {
        const line = formatDiagnostic(d, lang, invocation());
        process.stderr.write((d.severity === 'error' ? err.red(line) : err.yellow(line)) + '\n');
        const excerpt = formatExcerpt(d);
        if (excerpt !== undefined) process.stderr.write(excerpt + '\n');
      }
    },
  };
}
