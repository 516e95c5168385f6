// The default --jobs: a small batch is read by one worker (a second one would cost more to start than it saves).
import { describe, expect, it } from 'vitest';
import { FILES_PER_WORKER } from '../../src/app/batch/files-per-worker';
import { defaultJobs } from '../../src/app/batch/workers';

const files = (n: number) => Array.from({ length: n }, () => ({ kind: 'answer' }));
describe('default number of workers', () => {
  it('one worker for a small batch, one more per FILES_PER_WORKER answer files, at most the CPUs', () => {
    expect(defaultJobs([], 2)).toBe(1);
    expect(defaultJobs(files(1), 2)).toBe(1);
    expect(defaultJobs(files(FILES_PER_WORKER * 2 - 1), 2)).toBe(1);
    expect(defaultJobs(files(FILES_PER_WORKER * 2), 2)).toBe(2);
    expect(defaultJobs(files(100_000), 2)).toBe(2);
    expect(defaultJobs(files(100_000), 8)).toBe(8);
    expect(defaultJobs(files(100_000), 1)).toBe(1);
  });
  it('a table is one worker’s work; rejected inputs cost nothing', () => {
    expect(defaultJobs([{ kind: 'xlsx' }], 4)).toBe(1);
    expect(defaultJobs([{ kind: 'xlsx' }, { kind: 'csv' }, { kind: 'csv' }], 4)).toBe(3);
    expect(defaultJobs([{ kind: 'csv' }, ...files(FILES_PER_WORKER)], 4)).toBe(2);
    expect(defaultJobs(Array.from({ length: 5000 }, () => ({ kind: 'reject' })), 4)).toBe(1);
  });
});
