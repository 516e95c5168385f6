import { createWriteStream, promises as fs, unlinkSync, type WriteStream } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { FileExistsError } from '../atomic-write.js';

/**
 * The streaming twin of writeFileAtomic (src/io/atomic-write.ts), for outputs too large to hold in memory:
 * a temporary file in the same folder, fsync, then link (no overwrite) or rename (--force), then fsync the folder.
 * A reader sees the old file or the new one, never a torn one; an interrupted run leaves no temporary file.
 */
const pending = new Set<string>();
let hooked = false;
function cleanupOnExit() {
  if (hooked) return;
  hooked = true;
  process.once('exit', () => {
    for (const f of pending) {
      try {
        unlinkSync(f);
      } catch {
        /* gone */
      }
    }
  });
}

export interface AtomicStream {
  stream: WriteStream;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/** Fail early (before a long batch) when a target exists and --force was not given. */
export async function assertWritable(file: string, force: boolean): Promise<void> {
  if (force) return;
  const exists = await fs.stat(file).then(() => true, () => false);
  if (exists) throw new FileExistsError(file);
}

const RETRYABLE = new Set(['EPERM', 'EACCES', 'EBUSY']);
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (e) {
      if (!RETRYABLE.has((e as NodeJS.ErrnoException).code ?? '') || attempt >= 20) throw e;
      await new Promise((r) => setTimeout(r, Math.min(20 * 2 ** attempt, 200)));
    }
  }
}

export async function openAtomicStream(file: string, opts: { force?: boolean } = {}): Promise<AtomicStream> {
  cleanupOnExit();
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.zhizao-tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  pending.add(tmp);
  const stream = createWriteStream(tmp, { flags: 'wx', mode: 0o644 });
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  const closed = () =>
    new Promise<void>((resolve, reject) => {
      if (stream.closed) return resolve();
      stream.once('close', () => resolve());
      stream.once('error', reject);
      if (!stream.writableEnded) stream.end();
    });
  return {
    stream,
    async commit() {
      await closed();
      const h = await fs.open(tmp, 'r+');
      try {
        await h.sync();
      } finally {
        await h.close();
      }
      if (opts.force) await renameWithRetry(tmp, file);
      else {
        try {
          await fs.link(tmp, file);
          await fs.unlink(tmp);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
            await fs.unlink(tmp).catch(() => undefined);
            pending.delete(tmp);
            throw new FileExistsError(file);
          }
          if (await fs.stat(file).then(() => true, () => false)) throw new FileExistsError(file);
          await renameWithRetry(tmp, file);
        }
      }
      pending.delete(tmp);
      if (process.platform !== 'win32') {
        const d = await fs.open(dir, 'r').catch(() => undefined);
        await d?.sync().catch(() => undefined);
        await d?.close();
      }
    },
    async abort() {
      stream.destroy();
      await fs.unlink(tmp).catch(() => undefined);
      pending.delete(tmp);
    },
  };
}

/** Write to a stream, waiting when its buffer is full. */
export function write(stream: NodeJS.WritableStream, chunk: string | Uint8Array): Promise<void> | void {
  if (!stream.write(chunk)) return new Promise((resolve) => stream.once('drain', () => resolve()));
}
