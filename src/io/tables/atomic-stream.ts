import { createWriteStream, promises as fs, rmSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { assertReplaceableSync, commitTempSync, FileExistsError, fsyncDir, outputTarget, trackedTempPath, untrackTemp, writtenInPlace } from '../atomic-write.js';

/**
 * The streaming twin of writeFileAtomic (src/io/atomic-write.ts), for outputs too large to hold in memory:
 * a temporary file in the same folder, fsync, then link (no overwrite) or rename (--force), then fsync the folder.
 * A reader sees the old file or the new one, never a torn one; an interrupted run leaves no temporary file.
 */
export interface AtomicStream {
  stream: WriteStream;
  /** finish, then place. */
  commit(): Promise<void>;
  /** Close and fsync the temporary file, not yet in place (a set of files is placed together, after all are written). */
  finish(): Promise<void>;
  /** Put the finished file in place (link, or rename with --force). */
  place(): Promise<void>;
  /** place() without yielding (a set placed together); the folder is not fsynced. */
  placeSync(): void;
  /** With --force: FileInUseError when the file to be replaced is open in another program (checked for a whole set before any is placed). */
  assertPlaceable(): void;
  abort(): Promise<void>;
}

/**
 * Fail early (before a long batch) when a target exists and --force was not given, or, with --force, when it is open in
 * another program (Excel, WPS, Word: FileInUseError) and could not be replaced at the end.
 */
export async function assertWritable(file: string, force: boolean): Promise<void> {
  if (writtenInPlace(file)) return;
  if (force) return assertReplaceableSync(file);
  const exists = await fs.stat(file).then(() => true, () => false);
  if (exists) throw new FileExistsError(file);
}

export async function openAtomicStream(output: string, opts: { force?: boolean } = {}): Promise<AtomicStream> {
  const target = outputTarget(output);
  if ('inPlace' in target) return openInPlace(target.inPlace);
  const file = target.path;
  const tmp = trackedTempPath(file);
  const stream = createWriteStream(tmp, { flags: 'wx', mode: 0o644 });
  await opened(stream);
  const closed = () => closeStream(stream);
  const finish = async () => {
    await closed();
    const h = await fs.open(tmp, 'r+');
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  };
  const placeSync = () => {
    try {
      commitTempSync(tmp, file, Boolean(opts.force));
    } catch (e) {
      if (e instanceof FileExistsError) {
        rmSync(tmp, { force: true });
        untrackTemp(tmp);
      }
      throw e;
    }
  };
  const place = async () => {
    placeSync();
    await fsyncDir(path.dirname(path.resolve(file)));
  };
  return {
    stream,
    finish,
    place,
    placeSync,
    assertPlaceable: () => {
      if (opts.force) assertReplaceableSync(file);
    },
    async commit() {
      await finish();
      await place();
    },
    async abort() {
      stream.destroy();
      await fs.unlink(tmp).catch(() => undefined);
      untrackTemp(tmp);
    },
  };
}

/** A device or a pipe (outputTarget), open as `fd`: written in place, nothing to place or to remove. */
async function openInPlace(fd: number): Promise<AtomicStream> {
  const stream = createWriteStream('', { fd });
  const finish = () => closeStream(stream);
  return {
    stream,
    finish,
    commit: finish,
    place: async () => undefined,
    placeSync: () => undefined,
    assertPlaceable: () => undefined,
    async abort() {
      stream.destroy();
    },
  };
}

const opened = (stream: WriteStream) =>
  new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });

const closeStream = (stream: WriteStream) =>
  new Promise<void>((resolve, reject) => {
    if (stream.closed) return resolve();
    stream.once('close', () => resolve());
    stream.once('error', reject);
    if (!stream.writableEnded) stream.end();
  });

/** Write to a stream, waiting when its buffer is full. */
export function write(stream: NodeJS.WritableStream, chunk: string | Uint8Array): Promise<void> | void {
  if (!stream.write(chunk)) return new Promise((resolve) => stream.once('drain', () => resolve()));
}
