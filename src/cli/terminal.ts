import { Chalk, type ChalkInstance } from 'chalk';
import type { Diagnostic } from '../core/diagnostics.js';
import type { Lang } from '../core/types.js';
import { formatDiagnostic, formatMessage } from '../messages/catalogue.js';
import { useColor } from './env.js';

/** Everything a command needs to talk to the person: language, coloured stderr, stdout for results. */
export interface Terminal {
  lang: Lang;
  /** Colour for stderr messages. */
  err: ChalkInstance;
  /** Colour for stdout (human summaries only; never for --json). */
  out: ChalkInstance;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /** A localised text: pick the language. */
  t(text: { zh: string; en: string }): string;
  /** A human message on stderr. */
  say(line: string): void;
  diagnostics(ds: readonly Diagnostic[]): void;
}

export function makeTerminal(lang: Lang): Terminal {
  const err = new Chalk({ level: useColor(process.stderr) ? 1 : 0 });
  const out = new Chalk({ level: useColor(process.stdout) ? 1 : 0 });
  return {
    lang,
    err,
    out,
    stdout: process.stdout,
    stderr: process.stderr,
    t: (text) => text[lang],
    say: (line) => process.stderr.write(line + '\n'),
    diagnostics(ds) {
      for (const d of ds) {
        const line = formatDiagnostic(d, lang);
        process.stderr.write((d.severity === 'error' ? err.red(line) : err.yellow(line)) + '\n');
      }
    },
  };
}

export const msg = (code: string, args: Record<string, string | number>, lang: Lang) => formatMessage(code, args, lang);
