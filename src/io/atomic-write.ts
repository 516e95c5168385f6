import { promises as fs, close as closeFd, closeSync, constants, existsSync, linkSync, lstatSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeFile as writeFd } from 'node:fs';
import { promisify } from 'node:util';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { FileExistsError, FileInUseError, inUseCode, pending } from './temp-files.js';

export { FileExistsError, FileInUseError, removeTempFilesSync } from './temp-files.js';

/** A temporary file beside `file` (same folder, so the final rename is atomic), removed on every exit path. */
export function trackedTempPath(file: string): string {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.zhizao-tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  pending.add(tmp);
  return tmp;
}
export const untrackTemp = (tmp: string) => pending.delete(tmp);

/**
 * Where an output goes. An existing character device or FIFO (/dev/null, a named pipe, the pipe behind /dev/stdout or a
 * shell's process substitution) is written in place, through an open descriptor: there is nothing to replace (no
 * --force needed) and a rename over it would put a regular file where it was. A FIFO nobody reads is refused at once
 * (ENXIO) rather than waited on. A block device or a socket is refused (ENOTREG). A symbolic link to a file is
 * followed: the file it names is replaced atomically, never the link. Anything else is a file path for the atomic write.
 */
export function outputTarget(file: string): { inPlace: number } | { path: string } {
  const kind = existingOutput(file);
  if (kind === 'fifo') return { inPlace: openFifoForWriting(file) };
  if (kind === 'device') return { inPlace: openSync(file, 'w') };
  if (kind === 'file') {
    try {
      if (lstatSync(file).isSymbolicLink()) return { path: realpathSync(file) };
    } catch {
      /* gone meanwhile: written as a new file */
    }
  }
  return { path: file };
}

/** Whether an existing output is written in place (a FIFO or a character device); throws ENOTREG for a block device or socket. */
export function writtenInPlace(file: string): boolean {
  const kind = existingOutput(file);
  return kind === 'fifo' || kind === 'device';
}

/** What stands at an output's path (links followed): nothing, a file or folder, a FIFO, a character device; ENOTREG for anything else. */
function existingOutput(file: string): 'none' | 'file' | 'fifo' | 'device' {
  let s;
  try {
    s = statSync(file);
  } catch {
    return 'none';
  }
  if (s.isFIFO()) return 'fifo';
  if (s.isCharacterDevice()) return 'device';
  if (!s.isFile() && !s.isDirectory()) throw Object.assign(new Error(`${file} is not a file`), { code: 'ENOTREG' });
  return 'file';
}

/** A FIFO opened for writing only when a reader holds it open: probed without blocking, then opened as usual. */
function openFifoForWriting(file: string): number {
  if (constants.O_NONBLOCK === undefined) return openSync(file, 'w');
  // (the probe keeps the reader from seeing the end of the stream until the real descriptor is open)
  const probe = openSync(file, constants.O_WRONLY | constants.O_NONBLOCK);
  try {
    return openSync(file, 'w');
  } finally {
    closeSync(probe);
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

/** Unlink, retrying for about half a second as renameSyncWithRetry does; false when the file is still held. */
function unlinkSyncWithRetry(file: string): boolean {
  for (let attempt = 0; ; attempt++) {
    try {
      unlinkSync(file);
      return true;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (code === 'ENOENT') return true;
      if (!RETRYABLE.has(code) || attempt >= 5) return false;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.min(20 * 2 ** attempt, 200));
    }
  }
}

/**
 * Refuse (FileInUseError) an existing output that another program holds open, before anything replaces it: opening it
 * for writing and closing it again changes nothing, and fails on Windows while Excel, WPS or Word has it open. Any
 * other failure is left to the write itself (a read-only file on Linux is still replaced by the rename).
 */
export function assertReplaceableSync(file: string): void {
  let fd: number;
  try {
    if (!statSync(file).isFile()) return;
    fd = openSync(file, 'r+');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (inUseCode(code)) throw new FileInUseError(file, code!);
    return;
  }
  closeSync(fd);
}

/** A failed rename over `file`, said in terms of `file` when another program holds it (FileInUseError), else as it is. */
function renameError(e: unknown, file: string): unknown {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EBUSY' || (inUseCode(code) && existsSync(file))) return new FileInUseError(file, code!);
  return e;
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
 * A device or a pipe is written in place, a link's file replaced (outputTarget).
 */
export async function writeFileAtomic(output: string, data: string | Uint8Array, opts: WriteOptions = {}): Promise<void> {
  const target = outputTarget(output);
  if ('inPlace' in target) {
    try {
      await promisify(writeFd)(target.inPlace, data);
    } finally {
      await promisify(closeFd)(target.inPlace);
    }
    return;
  }
  const file = target.path;
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
    // (a temp file still held by another program stays in `pending`: tried again at exit)
    if (pending.has(tmp)) await fs.unlink(tmp).then(() => pending.delete(tmp), (e: NodeJS.ErrnoException) => e.code === 'ENOENT' && pending.delete(tmp));
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
  if (force) {
    try {
      renameSyncWithRetry(tmp, file);
    } catch (e) {
      throw renameError(e, file);
    }
  } else {
    let linked = false;
    try {
      linkSync(tmp, file);
      linked = true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(file);
      // File systems without hard links (FAT, some network shares): check, then rename.
    }
    if (linked) {
      // The target is in place and complete: the write has succeeded. The temp file's other name is housekeeping — a
      // scanner holding the just-written file (EPERM, EBUSY on Windows) must not turn the write into a failure; one
      // still held stays in `pending` and is tried again at exit (removeTempFilesSync).
      if (!unlinkSyncWithRetry(tmp)) return;
    } else {
      if (existsSync(file)) throw new FileExistsError(file);
      renameSyncWithRetry(tmp, file);
    }
  }
  pending.delete(tmp);
}
