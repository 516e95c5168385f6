import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { diag, type Diagnostic } from '../../core/diagnostics.js';
import { decodeText } from '../../io/decode.js';
import { parse as parseYaml } from 'yaml';
import { parseAnswerYaml } from '../../core/yaml-fast.js';

const FIRST = { line: 1, column: 1 };

import { dataDepth, nestingDepth, parseSource, type Limits, type ParseResult, type Source } from '../../core/source.js';

/**
 * Parsing dominates batch time. Well-formed files take a fast path (JSON.parse for .json; for YAML the plain
 * `parse` without a line counter); positions are computed only when a diagnostic needs one (locate() re-parses
 * with parseSource, lazily). A file that fails the fast path is parsed again by parseSource to explain why.
 */
export type FastParse = { ok: true; source: Source; exact?: () => Source } | { ok: false; diagnostics: Diagnostic[] };

export function parseFast(text: string, file: string, shown: string, limits: Limits): FastParse {
  if (text.length <= limits.maxBytes && nestingDepth(text) <= limits.maxDepth) {
    let data: unknown;
    let ok = false;
    try {
      // JSON nests only through brackets (bounded by nestingDepth above) and the fast YAML reader bounds its own
      // depth; only what the `yaml` package parsed needs the depth walk.
      if (path.extname(file).toLowerCase() === '.json') {
        data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
        ok = true;
      } else {
        data = parseAnswerYaml(text, limits.maxDepth);
        ok = data !== undefined;
        if (!ok) {
          data = parseYaml(text, { maxAliasCount: limits.maxAliases, uniqueKeys: true, strict: true, prettyErrors: false, logLevel: 'error' });
          ok = dataDepth(data, limits.maxDepth) <= limits.maxDepth;
        }
      }
    } catch {
      ok = false;
    }
    if (ok) {
      // Positions are not tracked on the fast path: a file whose check finds errors is checked again with an
      // exact source (exact()), so that every error printed has its true line and column. Warnings are only counted.
      const exact = (): Source => {
        const r = parseSource(text, shown, limits);
        return r.ok ? r.source : { file: shown, data, locate: () => FIRST };
      };
      return { ok: true, source: { file: shown, data, locate: () => FIRST }, exact };
    }
  }
  return parseSource(text, shown, limits);
}


/**
 * Read an answer file synchronously: in a worker thread blocking is free, and it avoids two round trips through
 * libuv's thread pool (shared by all workers) per file. Same checks as read-input.ts: regular file, size limit
 * checked before reading, UTF-8 with or without BOM, else GB18030.
 */
export function readTextSync(file: string, shown: string, limits: Limits): { ok: true; text: string } | { ok: false; diagnostics: Diagnostic[] } {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, diagnostics: [diag('input.unreadable', shown, FIRST, { detail: 'not a regular file' })] };
    if (st.size > limits.maxBytes) return { ok: false, diagnostics: [diag('input.too-large', shown, FIRST, { size: st.size, limit: limits.maxBytes })] };
    const buf = Buffer.allocUnsafe(st.size);
    let off = 0;
    while (off < st.size) {
      const n = readSync(fd, buf, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    return { ok: true, text: decodeText(buf.subarray(0, off)).text };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') return { ok: false, diagnostics: [diag('input.not-found', shown, FIRST)] };
    return { ok: false, diagnostics: [diag('input.unreadable', shown, FIRST, { detail: err.code ?? err.message })] };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
