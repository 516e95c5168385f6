import { promises as fs } from 'node:fs';
import path from 'node:path';
import { displayPath } from './paths.js';

export type InputKind = 'answer' | 'csv' | 'xlsx' | 'binary-spreadsheet' | 'unsupported' | 'missing' | 'no-match' | 'empty-folder';
export interface InputItem {
  /** Absolute path (the pattern itself for no-match). */
  path: string;
  /** As printed in messages and output: relative to the working directory, forward slashes. */
  shown: string;
  kind: InputKind;
}

const KIND_BY_EXT: Record<string, InputKind> = {
  '.yaml': 'answer',
  '.yml': 'answer',
  '.json': 'answer',
  '.csv': 'csv',
  '.xlsx': 'xlsx',
  '.xls': 'binary-spreadsheet',
  '.et': 'binary-spreadsheet',
};
export const kindOf = (file: string): InputKind => KIND_BY_EXT[path.extname(file).toLowerCase()] ?? 'unsupported';

/** Files that are never inputs: hidden files, Office lock files (~$book.xlsx), our own temporary files. */
const skipName = (name: string) => name.startsWith('.') || name.startsWith('~$') || name.includes('.zhizao-tmp-');
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const hasGlob = (s: string) => /[*?]/.test(s);

/** Split a pattern on "/" (and "\" on Windows, where shells do not expand globs and paths use backslashes). */
function segments(pattern: string): string[] {
  return pattern.split(process.platform === 'win32' ? /[\\/]/ : /\//);
}

/** A glob (`*`, `?`, `**`) as a regular expression over forward-slash relative paths. */
export function globRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      i++;
      if (pattern[i + 1] === '/') {
        i++;
        re += '(?:[^/]+/)*';
      } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, process.platform === 'win32' ? 'i' : '');
}

async function walk(dir: string, maxDepth: number, seen: Set<string>, out: string[], depth = 0): Promise<void> {
  let real: string;
  try {
    real = await fs.realpath(dir);
  } catch {
    return;
  }
  if (seen.has(real)) return; // symlink loop
  seen.add(real);
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => byName(a.name, b.name));
  for (const e of entries) {
    if (skipName(e.name)) continue;
    const p = path.join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      const st = await fs.stat(p).catch(() => undefined);
      isDir = Boolean(st?.isDirectory());
      isFile = Boolean(st?.isFile());
    }
    if (isDir && depth + 1 < maxDepth) await walk(p, maxDepth, seen, out, depth + 1);
    else if (isFile) out.push(p);
  }
}

/**
 * Turn command-line inputs into an ordered list of files: files as given, folders recursively (answer files and
 * tables, sorted by name), globs expanded here (so they work on Windows too). The same file is listed once.
 * Inputs that cannot be used (missing, no match, .xls…) are kept in the list with their kind, to be reported.
 */
export async function expandInputs(args: readonly string[], exclude: ReadonlySet<string> = new Set()): Promise<InputItem[]> {
  const out: InputItem[] = [];
  const listed = new Set<string>();
  const add = (abs: string, kind: InputKind = kindOf(abs)) => {
    const key = process.platform === 'win32' ? abs.toLowerCase() : abs;
    if (listed.has(key) || exclude.has(key)) return;
    listed.add(key);
    out.push({ path: abs, shown: displayPath(abs), kind });
  };
  const usable = (f: string) => kindOf(f) !== 'unsupported';
  for (const arg of args) {
    if (!hasGlob(arg)) {
      const abs = path.resolve(arg);
      const st = await fs.stat(abs).catch(() => undefined);
      if (!st) out.push({ path: abs, shown: displayPath(abs), kind: 'missing' });
      else if (st.isDirectory()) {
        const files: string[] = [];
        await walk(abs, Infinity, new Set(), files);
        const before = out.length;
        for (const f of files) if (usable(f)) add(f);
        if (out.length === before && !files.some(usable)) out.push({ path: abs, shown: displayPath(abs), kind: 'empty-folder' });
      } else add(abs);
      continue;
    }
    const segs = segments(arg);
    const firstGlob = segs.findIndex(hasGlob);
    const baseSegs = segs.slice(0, firstGlob);
    const base = path.resolve(baseSegs.length ? (baseSegs.join('/') || '/') : '.');
    const rest = segs.slice(firstGlob).join('/');
    const re = globRegExp(rest);
    const depth = rest.includes('**') ? Infinity : segs.length - firstGlob;
    const files: string[] = [];
    await walk(base, depth, new Set(), files);
    const before = out.length;
    let matched = false;
    for (const f of files) {
      const rel = path.relative(base, f).split(path.sep).join('/');
      if (re.test(rel) && usable(f)) {
        matched = true;
        add(f);
      }
    }
    if (!matched && out.length === before) out.push({ path: arg, shown: arg, kind: 'no-match' });
  }
  return out;
}
