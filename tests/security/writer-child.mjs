// Child process for tests/security/crash-safety.test.ts: drives dist/io/atomic-write.js the way the CLI does.
//   node writer-child.mjs loop TARGET          rewrite TARGET forever, alternating self-verifying contents; prints
//                                              "ready" after the first complete write, then "wrote N" after each
//   node writer-child.mjs once TARGET [force]  one write, then a normal exit (exit 0; 3 on FileExistsError; 4 other)
//   node writer-child.mjs exit-midway TARGET   start a large write and call process.exit(0) while it is in flight
//   node writer-child.mjs signal-midway TARGET start a large write and wait to be interrupted (SIGINT/SIGTERM)
// Every content is "ZHIZAO-ATOMIC len=<bytes> sha256=<hex> v=<n>\n<body>", so that a reader can tell a complete
// file from a torn one. Like main.ts, temp files are removed on the 'exit' event.
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic, removeTempFilesSync, FileExistsError } from '../../dist/io/atomic-write.js';

const [mode, target, flag] = process.argv.slice(2);
process.once('exit', removeTempFilesSync);

export function content(v, size) {
  const body = randomBytes(Math.ceil((size * 3) / 4)).toString('base64').slice(0, size);
  const sha = createHash('sha256').update(body).digest('hex');
  return `ZHIZAO-ATOMIC len=${Buffer.byteLength(body)} sha256=${sha} v=${v}\n${body}`;
}

if (mode === 'loop') {
  // Sizes from 1 KB to 2 MB so that kills land in open, write, fsync, link/rename and the folder fsync.
  const sizes = [1024, 64 * 1024, 256 * 1024, 1024 * 1024];
  for (let v = 0; ; v++) {
    await writeFileAtomic(target, content(v, sizes[v % sizes.length]), { force: true });
    process.stdout.write(v === 0 ? 'ready\n' : `wrote ${v}\n`);
  }
} else if (mode === 'once') {
  try {
    await writeFileAtomic(target, content(0, 4096), { force: flag === 'force' });
  } catch (e) {
    process.stderr.write(`${e?.code ?? e?.name}: ${e?.message}\n`);
    process.exitCode = e instanceof FileExistsError ? 3 : 4;
  }
} else if (mode === 'exit-midway') {
  // Exit (as a command that calls process.exit would) once the temp file exists and the data is being written.
  const big = content(0, 64 * 1024 * 1024);
  const dir = path.dirname(path.resolve(target));
  writeFileAtomic(target, big, { force: true }).catch(() => {});
  const poll = setInterval(() => {
    if (readdirSync(dir).some((n) => n.includes('.zhizao-tmp-'))) {
      clearInterval(poll);
      process.exit(0);
    }
  }, 1);
} else if (mode === 'signal-midway') {
  const big = content(0, 8 * 1024 * 1024);
  // Keep a write in flight until the parent interrupts us.
  const again = () => writeFileAtomic(target, big, { force: true }).then(again, again);
  again();
  process.stdout.write('ready\n');
  setInterval(() => {}, 1000);
} else {
  process.stderr.write(`unknown mode ${mode}\n`);
  process.exitCode = 2;
}
