/**
 * An output that is a pipe or a device (a FIFO, /dev/null, the pipe of a shell's process substitution) is written in
 * place: no --force is asked for, and the atomic rename never puts a regular file where the pipe or device was
 * (as root, `report -o /dev/null --force` used to replace /dev/null with the report). Through the built CLI.
 */
import { spawn, spawnSync, execFileSync, type ChildProcess } from 'node:child_process';
import { lstatSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, EXAMPLES, FIXTURES, tempDir, zhizao } from '../helpers/cli';

const dir = tempDir('zhizao-devices-');
const readers: ChildProcess[] = [];
// a reader left waiting on a FIFO that was replaced (the defect) is not left behind
afterAll(() => {
  for (const r of readers) r.kill();
  rmSync(dir, { recursive: true, force: true });
});

/** A FIFO in the test folder with a reader copying it to a file; `done` resolves when the reader has read it all. */
function fifoWithReader(name: string): { fifo: string; copy: string; done: Promise<number | null> } {
  const fifo = path.join(dir, name);
  const copy = path.join(dir, `${name}.copy`);
  execFileSync('mkfifo', [fifo]);
  const reader = spawn('sh', ['-c', 'exec cat "$0" > "$1"', fifo, copy], { stdio: 'ignore' });
  readers.push(reader);
  return { fifo, copy, done: new Promise((resolve) => reader.on('exit', resolve)) };
}

describe.skipIf(process.platform === 'win32')('an output that is a pipe is written in place (POSIX FIFOs)', () => {
  // without --force no "exists" refusal; with it, still the pipe, not a regular file renamed over it
  it.each([
    ['without --force', 'report.md', []],
    ['with --force', 'forced.md', ['--force']],
  ])('report -o FIFO %s: written through the pipe, and the FIFO is still a FIFO', async (_label, name, extra) => {
    const { fifo, copy, done } = fifoWithReader(name);
    const r = zhizao(['report', path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), '-o', fifo, ...extra]);
    expect(r.stderr).not.toMatch(/exists|已存在/);
    expect(r.code).toBe(0);
    expect(await done).toBe(0);
    expect(readFileSync(copy, 'utf8')).toMatch(/^# /);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it('batch -o FIFO.json: the whole result streams through the pipe', async () => {
    const { fifo, copy, done } = fifoWithReader('batch.json');
    const r = zhizao(['batch', path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), path.join(FIXTURES, 'plants', 'frozen-food.yaml'), '-o', fifo]);
    expect(r.code).toBe(0);
    expect(await done).toBe(0);
    const result = JSON.parse(readFileSync(copy, 'utf8')) as { companies: unknown[] };
    expect(result.companies).toHaveLength(2);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it('a FIFO nobody reads is refused at once with a clear message, not waited on for ever (review of this session, M1)', () => {
    const fifo = path.join(dir, 'unread.md');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    const r = zhizao(['report', path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), '-o', fifo], { env: { LANG: 'en_US.UTF-8' }, timeout: 20_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('it is a pipe and nothing is reading it');
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it('a socket (like a block device) is refused, even with --force (review of this session, M2)', async () => {
    const sock = path.join(dir, 'socket.md');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(sock, resolve));
    try {
      const r = zhizao(['report', path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), '-o', sock, '--force'], { env: { LANG: 'en_US.UTF-8' } });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('it is a device or a socket, not a file');
      expect(statSync(sock).isSocket()).toBe(true);
    } finally {
      server.close();
    }
  });

  it('a symbolic link is followed: the file it names is replaced, the link stays; /dev/stdout redirected to a file likewise (review of this session, M3)', () => {
    const target = path.join(dir, 'target.md');
    const link = path.join(dir, 'link.md');
    writeFileSync(target, 'old\n');
    symlinkSync(target, link);
    expect(zhizao(['report', path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), '-o', link, '--force']).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(readFileSync(target, 'utf8')).toMatch(/^# /);
    // a link like /dev/stdout (to /proc/self/fd/1), with the standard output redirected to a file
    const stdoutLink = path.join(dir, 'stdout');
    symlinkSync('/proc/self/fd/1', stdoutLink);
    const captured = path.join(dir, 'captured.md');
    const sh = spawnSync('sh', ['-c', 'exec "$0" "$1" report "$2" -o "$3" --force > "$4"', process.execPath, BIN, path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), stdoutLink, captured]);
    expect(sh.status, String(sh.stderr)).toBe(0);
    expect(lstatSync(stdoutLink).isSymbolicLink()).toBe(true);
    expect(readFileSync(captured, 'utf8')).toMatch(/^# /);
  });

  it('a regular file that exists is still refused without --force', () => {
    const out = path.join(dir, 'kept.md');
    expect(zhizao(['report', path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), '-o', out]).code).toBe(0);
    const again = zhizao(['report', path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), '-o', out]);
    expect(again.code).toBe(2); // a usage matter: the option that allows it is named
    expect(again.stderr).toMatch(/--force/);
  });
});
