/**
 * An output that is a pipe or a device (a FIFO, /dev/null, the pipe of a shell's process substitution) is written in
 * place: no --force is asked for, and the atomic rename never puts a regular file where the pipe or device was
 * (as root, `report -o /dev/null --force` used to replace /dev/null with the report). Through the built CLI.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES, FIXTURES, tempDir, zhizao } from '../helpers/cli';

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
  it('report -o FIFO: written through the pipe without --force, and the FIFO is still a FIFO', async () => {
    const { fifo, copy, done } = fifoWithReader('report.md');
    const r = zhizao(['report', path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), '-o', fifo]);
    expect(r.stderr).not.toMatch(/exists|已存在/);
    expect(r.code).toBe(0);
    expect(await done).toBe(0);
    expect(readFileSync(copy, 'utf8')).toMatch(/^# /);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it('report -o FIFO --force: still the pipe, not a regular file renamed over it', async () => {
    const { fifo, copy, done } = fifoWithReader('forced.md');
    const r = zhizao(['report', path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), '-o', fifo, '--force']);
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

  it('a regular file that exists is still refused without --force', () => {
    const out = path.join(dir, 'kept.md');
    expect(zhizao(['report', path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), '-o', out]).code).toBe(0);
    const again = zhizao(['report', path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), '-o', out]);
    expect(again.code).toBe(2); // a usage matter: the option that allows it is named
    expect(again.stderr).toMatch(/--force/);
  });
});
