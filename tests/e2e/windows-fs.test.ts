/**
 * What Windows does to files that Linux does not, simulated with a preload (tests/e2e/preload/windows-fs.cjs) that
 * makes one `fs` call fail as it fails there: a virus scanner, the indexer or OneDrive holding a file just written or
 * closed (EBUSY/EPERM), a spool folder that cannot be removed while its files are open, an output open in Excel/WPS/Word.
 * Through the built CLI.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, FIXTURES, tempDir, zhizao } from '../helpers/cli';

const PRELOAD = path.join(__dirname, 'preload', 'windows-fs.mjs');
const EXAMPLE = path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml');
const SURVEY = path.join(FIXTURES, 'batch', 'survey');
const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;

/** The CLI with the preload and the given failures switched on. */
const onWindows = (args: string[], cwd: string, env: Record<string, string>) => zhizao(args, { cwd, env: { NODE_OPTIONS: `--import=${PRELOAD}`, ...env } });

describe('housekeeping after the outputs are written never fails a finished run', () => {
  it('batch: a spool folder that cannot be removed is left with a one-line note; exit 0, the workbook written', () => {
    const dir = tempDir();
    const r = onWindows(['batch', EXAMPLES, '-o', 'ok.xlsx'], dir, { ZZ_RM_BUSY: 'always' });
    expect(r.stderr).not.toMatch(/internal error|内部错误|EBUSY/);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.match(/temporary folder .*zhizao-batch-\S+ could not be removed/g)).toHaveLength(1);
    expect(statSync(path.join(dir, 'ok.xlsx')).size).toBeGreaterThan(1000);
  });

  it('batch in Chinese: the note in Chinese', () => {
    const dir = tempDir();
    const r = onWindows(['batch', EXAMPLES, '-o', 'ok.json', '--lang', 'zh'], dir, { ZZ_RM_BUSY: '1' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/临时文件夹 .*zhizao-batch-\S+ 未能删除/);
  });

  it.each([
    ['held for a moment', '1'],
    ['held until exit', 'always'],
  ])('report -o: a temp file %s after the report is in place: exit 0 and the report complete (no "permission denied", nothing to retry)', (_label, times) => {
    const dir = tempDir();
    const r = onWindows(['report', EXAMPLE, '-o', 'rpt.md'], dir, { ZZ_UNLINK_BUSY: times });
    expect(r.stderr).not.toMatch(/permission denied|internal error/);
    expect(r.code, r.stderr).toBe(0);
    const plain = zhizao(['report', EXAMPLE, '-o', 'plain.md'], { cwd: dir });
    expect(plain.code).toBe(0);
    expect(readFileSync(path.join(dir, 'rpt.md'), 'utf8')).toBe(readFileSync(path.join(dir, 'plain.md'), 'utf8'));
    if (times === '1') expect(readdirSync(dir).filter((f) => f.includes('zhizao-tmp'))).toEqual([]);
  });
});

describe('an interrupted batch --reports whose spool folder cannot be removed (Windows without POSIX delete)', () => {
  const args = (extra: string[] = []) => ['batch', path.join(SURVEY, 'wjx-survey.csv'), '--map', path.join(SURVEY, 'wjx-map.yaml'), '-o', 'r.json', '--reports', 'rep', '--format', 'md', ...extra];

  it('a reports folder this run created is still removed, with no stack trace', () => {
    const dir = tempDir();
    const r = onWindows(args(), dir, { ZZ_RM_BUSY: 'always', ZZ_INTERRUPT_AFTER: '2', ZZ_INTERRUPT_DIR: path.join(dir, 'rep') });
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.stderr).toMatch(/interrupted: the unfinished reports folder rep was removed/);
    expect(r.code).toBe(130);
    expect(existsSync(path.join(dir, 'rep'))).toBe(false);
  });

  it('a reports folder that had files (--force) is marked INCOMPLETE, with no stack trace', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'rep'));
    writeFileSync(path.join(dir, 'rep', 'earlier.txt'), 'x');
    const r = onWindows(args(['--force', '--lang', 'zh']), dir, { ZZ_RM_BUSY: 'always', ZZ_INTERRUPT_AFTER: '2', ZZ_INTERRUPT_DIR: path.join(dir, 'rep') });
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.stderr).toMatch(/已中断：报告文件夹 rep 不完整/);
    expect(r.code).toBe(130);
    expect(readdirSync(path.join(dir, 'rep'))).toContain('_未完成-INCOMPLETE.txt');
  });
});
