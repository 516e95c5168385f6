import { FileExistsError, writeFileAtomic } from '../io/atomic-write.js';
import { UsageError } from './errors.js';
import { displayPath } from '../io/paths.js';
import type { Context } from './program.js';

/** Write a command's product: to stdout when OUT is absent or '-', else atomically to the file (no overwrite without --force). */
export async function writeOutput(ctx: Context, content: string | Uint8Array, out: string | undefined): Promise<void> {
  if (out === undefined || out === '-') {
    process.stdout.write(content);
    return;
  }
  try {
    await writeFileAtomic(out, content, { force: Boolean(ctx.opts.force) });
  } catch (e) {
    throw unwritable(e, out);
  }
  ctx.term.say(ctx.term.t({ zh: `已写入 ${displayPath(out)}`, en: `wrote ${displayPath(out)}` }));
}

const REASONS: Record<string, { zh: string; en: string }> = {
  ENOENT: { zh: '所在文件夹不存在', en: 'its folder does not exist' },
  EISDIR: { zh: '这是一个文件夹', en: 'it is a folder' },
  EPERM: { zh: '没有写入权限', en: 'permission denied' },
  EACCES: { zh: '没有写入权限', en: 'permission denied' },
  ENOSPC: { zh: '磁盘已满', en: 'the disk is full' },
  EROFS: { zh: '文件系统只读', en: 'the file system is read-only' },
};

/** A file-system error while writing OUT, said in terms of the user's path (never the temp file's). */
export function unwritable(e: unknown, out: string): unknown {
  if (e instanceof FileExistsError) return e;
  const code = (e as NodeJS.ErrnoException).code ?? '';
  const reason = REASONS[code];
  if (!reason) return e;
  const shown = displayPath(out);
  return new UsageError(`cannot write ${shown}: ${reason.en} / 无法写入 ${shown}：${reason.zh}`);
}
