import { promises as fs } from 'node:fs';
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
    const st = await fs.stat(file);
    if (!st.isFile()) return { ok: false, diagnostics: [diag('input.unreadable', shown, FIRST, { detail: 'not a regular file' })] };
    if (st.size > limits.maxBytes) return { ok: false, diagnostics: [diag('input.too-large', shown, FIRST, { size: st.size, limit: limits.maxBytes })] };
    return { ok: true, bytes: await fs.readFile(file) };
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { size?: number };
    if (err.code === 'ENOENT') return { ok: false, diagnostics: [diag('input.not-found', shown, FIRST)] };
    if (err.code === 'ETOOLARGE') return { ok: false, diagnostics: [diag('input.too-large', shown, FIRST, { size: err.size ?? 0, limit: limits.maxBytes })] };
    return { ok: false, diagnostics: [diag('input.unreadable', shown, FIRST, { detail: err.code ?? err.message })] };
  }
}

/** Read a text file (UTF-8 with or without BOM, else GB18030). */
export async function readText(file: string, shown: string, limits: Limits): Promise<ReadResult> {
  const r = await readBytes(file, shown, limits);
  if (!r.ok) return r;
  const { text, encoding } = decodeText(r.bytes);
  return { ok: true, text, bytes: r.bytes, encoding };
}
