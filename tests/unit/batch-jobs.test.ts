// The default --jobs: a small batch is scored on the main thread (a worker costs more to start than it saves), a
// larger one by one worker per FILES_PER_WORKER answer files; and the main-thread pool keeps the pool's contract.
import { describe, expect, it } from 'vitest';
import { FILES_PER_WORKER, REPORT_FILES_PER_WORKER } from '../../src/app/batch/files-per-worker';
import { MainThreadPool } from '../../src/app/batch/main-thread';
import type { Unit, UnitPart } from '../../src/app/batch/parts';
import { defaultJobs } from '../../src/app/batch/workers';

const files = (n: number) => Array.from({ length: n }, () => ({ kind: 'answer' }));
describe('default number of workers', () => {
  it('none (the main thread) below FILES_PER_WORKER answer files, one more per FILES_PER_WORKER, at most the CPUs', () => {
    expect(defaultJobs([], 2)).toBe(0);
    expect(defaultJobs(files(1), 2)).toBe(0);
    expect(defaultJobs(files(FILES_PER_WORKER - 1), 2)).toBe(0);
    expect(defaultJobs(files(FILES_PER_WORKER), 2)).toBe(1);
    expect(defaultJobs(files(FILES_PER_WORKER * 2 - 1), 2)).toBe(1);
    expect(defaultJobs(files(FILES_PER_WORKER * 2), 2)).toBe(2);
    expect(defaultJobs(files(100_000), 2)).toBe(2);
    expect(defaultJobs(files(100_000), 8)).toBe(8);
    expect(defaultJobs(files(100_000), 1)).toBe(1);
  });
  it('with --reports a worker pays for itself sooner: one per REPORT_FILES_PER_WORKER files', () => {
    expect(REPORT_FILES_PER_WORKER).toBeLessThan(FILES_PER_WORKER);
    expect(defaultJobs(files(REPORT_FILES_PER_WORKER - 1), 2, REPORT_FILES_PER_WORKER)).toBe(0);
    expect(defaultJobs(files(REPORT_FILES_PER_WORKER), 2, REPORT_FILES_PER_WORKER)).toBe(1);
    expect(defaultJobs(files(REPORT_FILES_PER_WORKER * 3), 2, REPORT_FILES_PER_WORKER)).toBe(2);
  });
  it('a table is one worker’s work; rejected inputs cost nothing', () => {
    expect(defaultJobs([{ kind: 'xlsx' }], 4)).toBe(1);
    expect(defaultJobs([{ kind: 'xlsx' }, { kind: 'csv' }, { kind: 'csv' }], 4)).toBe(3);
    expect(defaultJobs([{ kind: 'csv' }, ...files(FILES_PER_WORKER)], 4)).toBe(2);
    expect(defaultJobs(Array.from({ length: 5000 }, () => ({ kind: 'reject' })), 4)).toBe(0);
  });
});

describe('a small batch on the main thread (MainThreadPool)', () => {
  const units = (n: number) => ({ length: n, at: (index: number): Unit => ({ index, path: `f${index}`, shown: `f${index}`, kind: 'answer' }) });
  const part = (name: string): UnitPart => ({ companies: [], rejected: [], notes: [name] });

  it('hands each input’s parts over, then the input done, in input order; an input that throws is crashed and the batch goes on', async () => {
    const seen: string[] = [];
    const processor = {
      startNote: async () => 'no rules',
      run: async (u: Unit, emit: (p: UnitPart) => void) => {
        if (u.index === 1) throw new Error('boom');
        emit(part(`${u.index}a`));
        emit(part(`${u.index}b`));
      },
    };
    await new MainThreadPool(units(3), processor, {
      consume: async (i, p) => {
        seen.push(`consume ${i} ${p.notes[0]}`);
      },
      done: (i) => {
        seen.push(`done ${i}`);
      },
      crashed: (i, detail, how) => {
        seen.push(`crashed ${i} ${detail} ${how}`);
      },
      note: (text) => {
        seen.push(`note ${text}`);
      },
    }).run();
    expect(seen).toEqual(['note no rules', 'consume 0 0a', 'consume 0 0b', 'done 0', 'crashed 1 boom threw', 'done 1', 'consume 2 2a', 'consume 2 2b', 'done 2']);
  });

  it('stop(): no further input is started', async () => {
    const done: number[] = [];
    const pool: MainThreadPool = new MainThreadPool(units(5), { startNote: async () => undefined, run: async () => undefined }, {
      consume: () => undefined,
      done: (i) => {
        done.push(i);
        if (i === 1) pool.stop();
      },
      crashed: () => undefined,
    });
    await pool.run();
    expect(done).toEqual([0, 1]);
  });
});
