import { promises as fs, constants, existsSync, linkSync, renameSync, unlinkSync } from 'node:fs';
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const RETRYABLE = new Set(['EPERM', 'EACCES', 'EBUSY']);

/** Windows virus scanners and indexers hold files briefly: retry the rename for up to ~2 s. */
export async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (!RETRYABLE.has(code) || attempt >= 20) throw e;
      await sleep(Math.min(20 * 2 ** attempt, 200));
    }
  }
}

/**
 * renameWithRetry without yielding to the event loop: renames made one after another this way cannot be split by an
 * interruption (a signal's handler runs between event-loop turns, never inside them).
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
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array, opts: WriteOptions = {}): Promise<void> {
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
  if (force) await renameWithRetry(tmp, file);
  else await placeWithoutClobber(tmp, file);
  pending.delete(tmp);
  await fsyncDir(path.dirname(path.resolve(file)));
}

/**
 * commitTemp without yielding to the event loop, for a set of files placed one after another (an interruption falls
 * before the set or after it, never inside it); the caller fsyncs the folder once the set is in place.
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

/** link() fails if the target exists, so no other writer can be clobbered between check and rename. */
export async function placeWithoutClobber(tmp: string, file: string): Promise<void> {
  try {
    await fs.link(tmp, file);
    await fs.unlink(tmp);
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new FileExistsError(file);
    // File systems without hard links (FAT, some network shares): check, then rename.
  }
  const exists = await fs.stat(file).then(() => true, () => false);
  if (exists) throw new FileExistsError(file);
  await renameWithRetry(tmp, file);
}
