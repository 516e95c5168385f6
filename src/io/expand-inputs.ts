import { promises as fs } from 'node:fs';
import path from 'node:path';
import { BINARY_SPREADSHEETS, isOfficeDocument, OTHER_SPREADSHEETS } from './file-kind.js';
import { InputList, type InputKind } from './input-list.js';
import { displayPath } from './paths.js';

export { InputList, type InputItem, type InputKind } from './input-list.js';

const KIND_BY_EXT: Record<string, InputKind> = {
  '.yaml': 'answer',
  '.yml': 'answer',
  '.json': 'answer',
  '.csv': 'csv',
  '.xlsx': 'xlsx',
};
/**
 * What a file is to a batch, by its name. Spreadsheets and office documents it cannot read are kinds of their own, so
 * that a folder scan lists them as rejected (with how to fix it) instead of skipping them like any other file.
 */
export const kindOf = (file: string): InputKind => {
  const ext = path.extname(file).toLowerCase();
  const known = KIND_BY_EXT[ext];
  if (known) return known;
  if (BINARY_SPREADSHEETS.has(ext)) return 'binary-spreadsheet';
  if (OTHER_SPREADSHEETS.has(ext)) return 'other-spreadsheet';
  return isOfficeDocument(ext) ? 'document' : 'unsupported';
};

/** Files that are never inputs: hidden files, Office lock files (~$book.xlsx), our own temporary files. */
const skipName = (name: string) => name.startsWith('.') || name.startsWith('~$') || name.includes('.zhizao-tmp-');
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const hasGlob = (s: string) => /[*?]/.test(s);

/**
 * `-`: one answer file read from standard input. It is listed under this path (shown as `<stdin>`) in its place among
 * the inputs; the batch reads it in its main thread and hands the workers a copy (they cannot read its stdin).
 */
export const STDIN = '-';

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

/** Visit every file under `dir` (sorted by name, depth first), as its folder and name. */
async function walk(dir: string, maxDepth: number, seen: Set<string>, visit: (dir: string, name: string) => void, depth = 0): Promise<void> {
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
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      const st = await fs.stat(path.join(dir, e.name)).catch(() => undefined);
      isDir = Boolean(st?.isDirectory());
      isFile = Boolean(st?.isFile());
    }
    if (isDir && depth + 1 < maxDepth) await walk(path.join(dir, e.name), maxDepth, seen, visit, depth + 1);
    else if (isFile) visit(dir, e.name);
  }
}

/**
 * Turn command-line inputs into an ordered list of files: files as given, folders recursively (answer files and
 * tables, sorted by name), globs expanded here (so they work on Windows too). The same file is listed once.
 * Inputs that cannot be used (missing, no match, .xls…) are kept in the list with their kind, to be reported.
 */
export async function expandInputs(args: readonly string[], exclude: ReadonlySet<string> = new Set()): Promise<InputList> {
  const out = new InputList();
  const keyOf = (abs: string) => (process.platform === 'win32' ? abs.toLowerCase() : abs);
  const excluded = new Set([...exclude].map(keyOf));
  // A file's full path is built only when it could be excluded (its name is an excluded file's name): a folder of
  // 100,000 answer files would otherwise make 100,000 paths of garbage, and grow the heap for the whole batch.
  const excludedNames = new Set([...excluded].map((f) => path.basename(f)));
  // One folder or pattern cannot list a file twice; only several inputs need a set of every path seen.
  const listed = args.length > 1 ? new Set<string>() : undefined;
  let stdinListed = false;
  const add = (dir: string, name: string, kind: InputKind = kindOf(name)) => {
    if (listed || excludedNames.has(keyOf(name))) {
      const key = keyOf(path.join(dir, name));
      if (listed?.has(key) || excluded.has(key)) return;
      listed?.add(key);
    }
    out.addFile(dir, name, kind);
  };
  for (const arg of args) {
    if (arg === STDIN) {
      // standard input can be read once: `-` given twice is listed once, like a file
      if (!stdinListed) out.add(STDIN, 'answer', displayPath(STDIN));
      stdinListed = true;
      continue;
    }
    if (!hasGlob(arg)) {
      const abs = path.resolve(arg);
      const st = await fs.stat(abs).catch(() => undefined);
      if (!st) out.add(abs, 'missing');
      else if (st.isDirectory()) {
        let anyUsable = false;
        await walk(abs, Infinity, new Set(), (dir, name) => {
          const kind = kindOf(name);
          if (kind === 'unsupported') return;
          anyUsable = true;
          add(dir, name, kind);
        });
        if (!anyUsable) out.add(abs, 'empty-folder');
      } else add(path.dirname(abs), path.basename(abs));
      continue;
    }
    const segs = segments(arg);
    const firstGlob = segs.findIndex(hasGlob);
    const baseSegs = segs.slice(0, firstGlob);
    const base = path.resolve(baseSegs.length ? (baseSegs.join('/') || '/') : '.');
    const rest = segs.slice(firstGlob).join('/');
    const re = globRegExp(rest);
    const depth = rest.includes('**') ? Infinity : segs.length - firstGlob;
    let matched = false;
    const before = out.length;
    await walk(base, depth, new Set(), (dir, name) => {
      const rel = path.relative(base, path.join(dir, name)).split(path.sep).join('/');
      if (re.test(rel) && kindOf(name) !== 'unsupported') {
        matched = true;
        add(dir, name);
      }
    });
    if (!matched && out.length === before) out.add(arg, 'no-match', arg);
  }
  return out;
}
