import type { GlobalOptions } from './options.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { displayPath } from '../io/paths.js';
import type { Lang } from '../core/types.js';
import { stringifyJson } from '../messages/safe-text.js';
import { unwritable } from '../app/errors.js';
import type { Context } from './context.js';
import { diagnosticMessage } from './terminal.js';

/** Write a command's product: to stdout when OUT is absent or '-', else atomically to the file (no overwrite without --force). */
export async function writeOutput(ctx: Context<GlobalOptions & { force?: boolean }>, content: string | Uint8Array, out: string | undefined): Promise<void> {
  if (out === undefined || out === '-') {
    ctx.term.stdout.write(content);
    return;
  }
  try {
    await writeFileAtomic(out, content, { force: Boolean(ctx.opts.force) });
  } catch (e) {
    throw unwritable(e, out);
  }
  ctx.term.say(ctx.term.msg('cli.wrote', { file: displayPath(out) }));
}

/** A diagnostic as machine-readable JSON (the message in the chosen language, naming `cmd` as the command to run). */
export function diagnosticJson(d: Diagnostic, lang: Lang, cmd: string) {
  return { file: d.file, line: d.line, column: d.column, severity: d.severity, code: d.code, message: diagnosticMessage(d, lang, cmd), ...(d.path ? { path: d.path.join('.') } : {}), ...(d.excerpt !== undefined ? { excerpt: d.excerpt } : {}) };
}

export function printJson(ctx: Context, value: unknown): void {
  ctx.term.stdout.write(stringifyJson(value) + '\n');
}
