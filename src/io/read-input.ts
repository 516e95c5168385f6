import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { decodeText } from './decode.js';
import { diag, type Diagnostic } from '../core/diagnostics.js';
import type { Limits } from '../core/source.js';

export type ReadResult = { ok: true; text: string; bytes: Buffer; encoding: string } | { ok: false; diagnostics: Diagnostic[] };

const FIRST = { line: 1, column: 1 };

async function readStdin(limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > limit) throw Object.assign(new Error('too large'), { code: 'ETOOLARGE', size });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Read raw bytes, refusing files above the size limit before reading them. `-` is standard input. */
export async function readBytes(file: string, shown: string, limits: Limits): Promise<{ ok: true; bytes: Buffer } | { ok: false; diagnostics: Diagnostic[] }> {
  try {
    if (file === '-') return { ok: true, bytes: await readStdin(limits.maxBytes) };
    // Synchronous reads: a command waits for its input anyway, and each asynchronous call is a round trip through
    // libuv's thread pool (started on first use) at every start-up.
    const refused = sizeProblem(statSync(file), shown, limits);
    if (refused) return { ok: false, diagnostics: [refused] };
    return { ok: true, bytes: readFileSync(file) };
  } catch (e) {
    return { ok: false, diagnostics: [readProblem(e, shown, limits)] };
  }
}

/** A file that is not a regular file or is above the size limit is refused before it is read. */
function sizeProblem(st: { isFile(): boolean; isDirectory(): boolean; size: number }, shown: string, limits: Limits): Diagnostic | undefined {
  if (st.isDirectory()) return diag('input.is-folder', shown, FIRST);
  if (!st.isFile()) return diag('input.not-regular', shown, FIRST);
  if (st.size > limits.maxBytes) return diag('input.too-large', shown, FIRST, { size: st.size, limit: limits.maxBytes });
  return undefined;
}

function readProblem(e: unknown, shown: string, limits: Limits): Diagnostic {
  const err = e as NodeJS.ErrnoException & { size?: number };
  if (err.code === 'ENOENT') return diag('input.not-found', shown, FIRST);
  if (err.code === 'ETOOLARGE') return diag('input.too-large', shown, FIRST, { size: err.size ?? 0, limit: limits.maxBytes });
  return diag('input.unreadable', shown, FIRST, { detail: err.code ?? err.message });
}

/** Read a text file (UTF-8 with or without BOM, else GB18030). */
export async function readText(file: string, shown: string, limits: Limits): Promise<ReadResult> {
  const r = await readBytes(file, shown, limits);
  if (!r.ok) return r;
  const { text, encoding } = decodeText(r.bytes);
  return { ok: true, text, bytes: r.bytes, encoding };
}

/**
 * Read a text file synchronously, with the same checks as readText (regular file, size limit before reading,
 * UTF-8 with or without BOM, else GB18030). For batch workers: in a worker thread blocking is free, and it avoids
 * two round trips per file through libuv's thread pool, which all workers share.
 */
export function readTextSync(file: string, shown: string, limits: Limits): { ok: true; text: string } | { ok: false; diagnostics: Diagnostic[] } {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const st = fstatSync(fd);
    const refused = sizeProblem(st, shown, limits);
    if (refused) return { ok: false, diagnostics: [refused] };
    const buf = Buffer.allocUnsafe(st.size);
    let off = 0;
    while (off < st.size) {
      const n = readSync(fd, buf, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    return { ok: true, text: decodeText(buf.subarray(0, off)).text };
  } catch (e) {
    return { ok: false, diagnostics: [readProblem(e, shown, limits)] };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
