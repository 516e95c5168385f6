import { promises as fs, constants, existsSync, linkSync, renameSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { FileExistsError, pending } from './temp-files.js';

export { FileExistsError, removeTempFilesSync } from './temp-files.js';

/** A temporary file beside `file` (same folder, so the final rename is atomic), removed on every exit path. */
export function trackedTempPath(file: string): string {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.zhizao-tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  pending.add(tmp);
  return tmp;
}
export const untrackTemp = (tmp: string) => pending.delete(tmp);

/**
 * An existing output that is not a file nor a folder: a device (/dev/null), a FIFO, or the pipe behind /dev/stdout
 * or a shell's process substitution. It is written in place: there is nothing to replace (no --force needed) and
 * nothing to tear, and a rename over it would put a regular file where the device was.
 */
export function isStreamTarget(file: string): boolean {
  try {
    const s = statSync(file);
    return !s.isFile() && !s.isDirectory();
  } catch {
    return false;
  }
}

const RETRYABLE = new Set(['EPERM', 'EACCES', 'EBUSY']);

/**
 * Rename, retrying for about 3.5 s when Windows virus scanners and indexers hold the file briefly; without yielding to
 * the event loop, so that renames made one after another cannot be split by an interruption (a signal's handler
 * runs between event-loop turns, never inside them).
 */
export function renameSyncWithRetry(from: string, to: string): void {
  for (let attempt = 0; ; attempt++) {
    try {
      renameSync(from, to);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (!RETRYABLE.has(code) || attempt >= 20) throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.min(20 * 2 ** attempt, 200));
    }
  }
}

export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return; // directories cannot be opened for fsync on Windows
  let h: fs.FileHandle | undefined;
  try {
    h = await fs.open(dir, constants.O_RDONLY);
    await h.sync();
  } catch {
    /* some file systems refuse; the rename is still atomic */
  } finally {
    await h?.close();
  }
}

export interface WriteOptions {
  /** Replace an existing file (otherwise FileExistsError). */
  force?: boolean;
}

/**
 * Atomic, durable write: a temp file in the same folder, fsync, rename over the target, fsync the folder.
 * A reader sees the old file or the new one, never a torn one. Without `force`, an existing file is never replaced.
 * A device or a pipe (isStreamTarget) is written in place.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array, opts: WriteOptions = {}): Promise<void> {
  if (isStreamTarget(file)) return fs.writeFile(file, data);
  const tmp = trackedTempPath(file);
  try {
    const h = await fs.open(tmp, 'wx', 0o644);
    try {
      await h.writeFile(data);
      await h.sync();
    } finally {
      await h.close();
    }
    await commitTemp(tmp, file, Boolean(opts.force));
  } finally {
    if (pending.has(tmp)) {
      pending.delete(tmp);
      await fs.unlink(tmp).catch(() => undefined);
    }
  }
}

/** Put a finished temp file in place: rename over (force) or link without clobbering, then fsync the folder. */
export async function commitTemp(tmp: string, file: string, force: boolean): Promise<void> {
  commitTempSync(tmp, file, force);
  await fsyncDir(path.dirname(path.resolve(file)));
}

/**
 * commitTemp without the folder's fsync and without yielding to the event loop: a set of files placed one after
 * another this way is placed whole or not at all when the run is interrupted; the caller fsyncs the folder once.
 * link() fails if the target exists, so no other writer can be clobbered between check and rename.
 */
export function commitTempSync(tmp: string, file: string, force: boolean): void {
  if (force) renameSyncWithRetry(tmp, file);
  else {
    let linked = false;
    try {
      linkSync(tmp, file);
      linked = true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(file);
      // File systems without hard links (FAT, some network shares): check, then rename.
    }
    if (linked) unlinkSync(tmp);
    else {
      if (existsSync(file)) throw new FileExistsError(file);
      renameSyncWithRetry(tmp, file);
    }
  }
  pending.delete(tmp);
}
