import type { GlobalOptions } from './options.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { FileExistsError, writeFileAtomic } from '../io/atomic-write.js';
import { displayPath } from '../io/paths.js';
import type { Lang } from '../core/types.js';
import { stringifyJson } from '../messages/safe-text.js';
import { UsageError } from '../app/errors.js';
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

const REASONS = {
  ENOENT: 'cli.unwritable-no-folder',
  EISDIR: 'cli.unwritable-folder',
  EPERM: 'cli.unwritable-permission',
  EACCES: 'cli.unwritable-permission',
  ENOSPC: 'cli.unwritable-disk-full',
  EROFS: 'cli.unwritable-read-only',
} as const;

/** A file-system error while writing OUT, said in terms of the user's path (never the temp file's). */
export function unwritable(e: unknown, out: string): unknown {
  if (e instanceof FileExistsError) return e;
  const code = (e as NodeJS.ErrnoException).code ?? '';
  const reason = REASONS[code as keyof typeof REASONS];
  return reason ? new UsageError(reason, { file: displayPath(out) }) : e;
}

/** A diagnostic as machine-readable JSON (the message in the chosen language, naming `cmd` as the command to run). */
export function diagnosticJson(d: Diagnostic, lang: Lang, cmd: string) {
  return { file: d.file, line: d.line, column: d.column, severity: d.severity, code: d.code, message: diagnosticMessage(d, lang, cmd), ...(d.path ? { path: d.path.join('.') } : {}), ...(d.excerpt !== undefined ? { excerpt: d.excerpt } : {}) };
}

export function printJson(ctx: Context, value: unknown): void {
  ctx.term.stdout.write(stringifyJson(value) + '\n');
}
