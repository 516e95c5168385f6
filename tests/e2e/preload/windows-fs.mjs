// Simulates, on Linux, the file-system failures zhizao meets on Windows (tests/e2e/windows-fs.test.ts). Loaded with
// NODE_OPTIONS=--import=<this file>; it swaps in its own version of a few `fs` functions, which the bundle calls
// at run time. Each failure is switched on by an environment variable:
//   ZZ_RM_BUSY=<n|always>     removing the batch's spool folder (zhizao-batch-*) fails n times (a scanner holding a
//                             spool file just closed; a folder whose files are still open without POSIX delete)
//   ZZ_UNLINK_BUSY=<n|always> unlinking a temp file (*.zhizao-tmp-*) fails n times with EPERM (a scanner or
//                             OneDrive holding the file just written)
//   ZZ_LOCKED=<regex>         files whose path matches are open in Excel/WPS/Word: renaming over them, unlinking
//                             them and opening them for writing fail with ZZ_LOCK_CODE (EBUSY unless told);
//                             ZZ_LOCK_SKIP=<n>: the first n openings for writing succeed (opened in Excel later)
//   ZZ_INTERRUPT_AFTER=<n>    Ctrl-C (SIGINT to itself) once n report files (links/renames into a folder named
//                             by ZZ_INTERRUPT_DIR) are in place
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const counter = (v) => {
  let left = v === 'always' ? Infinity : Number(v ?? 0);
  return () => left-- > 0;
};
const error = (code, syscall, p, q) => Object.assign(new Error(`${code}: simulated Windows failure, ${syscall} '${p}'${q ? ` -> '${q}'` : ''}`), { code, syscall, path: String(p), ...(q ? { dest: String(q) } : {}) });

if (process.env.ZZ_RM_BUSY) {
  const fail = counter(process.env.ZZ_RM_BUSY);
  const spool = (p) => /zhizao-batch-/.test(String(p));
  const rm = fs.promises.rm;
  fs.promises.rm = async function (p) {
    if (spool(p) && fail()) throw error('EBUSY', 'rmdir', p);
    return rm.apply(this, arguments);
  };
  const rmSync = fs.rmSync;
  fs.rmSync = function (p) {
    if (spool(p) && fail()) throw error('EPERM', 'rmdir', p);
    return rmSync.apply(this, arguments);
  };
}

if (process.env.ZZ_UNLINK_BUSY) {
  const fail = counter(process.env.ZZ_UNLINK_BUSY);
  const unlinkSync = fs.unlinkSync;
  fs.unlinkSync = function (p) {
    if (/\.zhizao-tmp-/.test(String(p)) && fail()) throw error('EPERM', 'unlink', p);
    return unlinkSync.apply(this, arguments);
  };
  const unlink = fs.promises.unlink;
  fs.promises.unlink = async function (p) {
    if (/\.zhizao-tmp-/.test(String(p)) && fail()) throw error('EPERM', 'unlink', p);
    return unlink.apply(this, arguments);
  };
}

if (process.env.ZZ_LOCKED) {
  const re = new RegExp(process.env.ZZ_LOCKED);
  const code = process.env.ZZ_LOCK_CODE || 'EBUSY';
  const locked = (p) => re.test(String(p));
  const renameSync = fs.renameSync;
  fs.renameSync = function (from, to) {
    if (locked(to) || locked(from)) throw error(code, 'rename', from, to);
    return renameSync.apply(this, arguments);
  };
  const unlinkSync = fs.unlinkSync;
  fs.unlinkSync = function (p) {
    if (locked(p)) throw error(code, 'unlink', p);
    return unlinkSync.apply(this, arguments);
  };
  // opening for writing (r+, w, a, or numeric flags with O_WRONLY/O_RDWR); reading stays possible, as with Excel
  const writing = (flags) => (typeof flags === 'number' ? (flags & 3) !== 0 : typeof flags === 'string' && /[wa+]/.test(flags));
  let skip = Number(process.env.ZZ_LOCK_SKIP ?? 0);
  const refused = (p, flags) => locked(p) && writing(flags) && skip-- <= 0;
  const openSync = fs.openSync;
  fs.openSync = function (p, flags) {
    if (refused(p, flags)) throw error(code, 'open', p);
    return openSync.apply(this, arguments);
  };
  const open = fs.promises.open;
  fs.promises.open = async function (p, flags) {
    if (refused(p, flags)) throw error(code, 'open', p);
    return open.apply(this, arguments);
  };
}

if (process.env.ZZ_INTERRUPT_AFTER) {
  let left = Number(process.env.ZZ_INTERRUPT_AFTER);
  const dir = process.env.ZZ_INTERRUPT_DIR;
  const placed = (to) => {
    if (dir && String(to).includes(dir) && !/\.zhizao-tmp-/.test(String(to)) && --left === 0) process.kill(process.pid, 'SIGINT');
  };
  for (const name of ['linkSync', 'renameSync']) {
    const orig = fs[name];
    fs[name] = function (from, to) {
      const r = orig.apply(this, arguments);
      placed(to);
      return r;
    };
  }
}

// (named imports of node:fs see the functions swapped in)
syncBuiltinESMExports();
