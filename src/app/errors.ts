import { FileExistsError, FileInUseError } from '../io/atomic-write.js';
import { displayPath } from '../io/paths.js';
import { formatMessage, type MessageArgs, type MessageCode } from '../messages/catalogue.js';

/** A problem with how a use case was asked for (a command line's usage error: exit 2). */
export class UsageError extends Error {
  constructor(
    readonly code: MessageCode,
    readonly args: MessageArgs = {},
  ) {
    // The English text as the error's message (logs, tests); the command line prints it in the user's language.
    super(formatMessage(code, args, 'en'));
  }
}

const REASONS = {
  EBUSY: 'cli.unwritable-in-use',
  ENOENT: 'cli.unwritable-no-folder',
  EISDIR: 'cli.unwritable-folder',
  EPERM: 'cli.unwritable-permission',
  EACCES: 'cli.unwritable-permission',
  ENOSPC: 'cli.unwritable-disk-full',
  EROFS: 'cli.unwritable-read-only',
  ENXIO: 'cli.unwritable-no-reader',
  ENOTREG: 'cli.unwritable-not-file',
} as const;

/** A file-system error while writing OUT, said in terms of the user's path (never the temp file's). */
export function unwritable(e: unknown, out: string): unknown {
  if (e instanceof FileExistsError) return e;
  if (e instanceof FileInUseError) return new UsageError('cli.unwritable-in-use', { file: displayPath(e.file) });
  const code = (e as NodeJS.ErrnoException).code ?? '';
  const reason = REASONS[code as keyof typeof REASONS];
  return reason ? new UsageError(reason, { file: displayPath(out) }) : e;
}
