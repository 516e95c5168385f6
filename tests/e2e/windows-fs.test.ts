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

describe('an output open in Excel, WPS or Word (replacing it fails: EBUSY, or EPERM on Windows)', () => {
  const IN_USE_EN = /cannot write (\S+): the file is in use by another program, probably open in Excel, WPS or Word; close it there and run the command again/;
  const IN_USE_ZH = /无法写入 (\S+)：该文件正被其他程序占用，可能已在 Excel、WPS 或 Word 中打开；请先关闭该文件，再重新运行/;
  const survey = ['batch', path.join(SURVEY, 'wjx-survey.csv'), '--map', path.join(SURVEY, 'wjx-map.yaml')];

  it('batch -o OUT.csv --force, one file of the set opened during the run: none is replaced, the open one is named', () => {
    const dir = tempDir();
    expect(zhizao([...survey, '-o', 'r.csv'], { cwd: dir }).code).toBeLessThan(2);
    const names = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort();
    expect(names).toEqual(['r.csv', 'r.plan.csv', 'r.problems.csv', 'r.rejected.csv', 'r.summary.csv']);
    const before = names.map((f) => readFileSync(path.join(dir, f)));
    // (the start-up check passes; the summary, placed last, is opened in Excel while the batch runs)
    const r = onWindows([...survey, '-o', 'r.csv', '--force', '--lang', 'zh'], dir, { ZZ_LOCKED: 'r\\.summary\\.csv$', ZZ_LOCK_SKIP: '1' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(IN_USE_ZH);
    expect(IN_USE_ZH.exec(r.stderr)![1]).toBe('r.summary.csv');
    expect(r.stderr).not.toMatch(/内部错误|zhizao-tmp|EBUSY/);
    // every file of the set is the previous run's, and no temporary file is left
    expect(names.map((f) => readFileSync(path.join(dir, f)))).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(names);
  });

  it('batch -o OUT.xlsx --force with OUT.xlsx open: refused at start-up, before any input is scored', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'big.xlsx'), 'old');
    const r = onWindows(['batch', EXAMPLES, '-o', 'big.xlsx', '--force'], dir, { ZZ_LOCKED: 'big\\.xlsx$' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(new RegExp(`^${IN_USE_EN.source}$`));
    expect(IN_USE_EN.exec(r.stderr)![1]).toBe('big.xlsx');
    expect(r.stdout).toBe('');
    expect(readFileSync(path.join(dir, 'big.xlsx'), 'utf8')).toBe('old');
  });

  it('report -o FILE --force with FILE open: the file named, not the temp file, not "internal error"', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '报告.md'), 'old');
    const r = onWindows(['report', EXAMPLE, '-o', '报告.md', '--force', '--lang', 'zh'], dir, { ZZ_LOCKED: '报告\\.md$' });
    expect(r.code).toBe(2);
    expect(IN_USE_ZH.exec(r.stderr)?.[1]).toBe('报告.md');
    expect(r.stderr).not.toMatch(/内部错误|zhizao-tmp/);
    expect(readFileSync(path.join(dir, '报告.md'), 'utf8')).toBe('old');
  });

  it('batch --reports DIR --force with an old report open in Word: that report named, not "internal error"', () => {
    const dir = tempDir();
    expect(zhizao([...survey, '-o', 'r.json', '--reports', 'rep', '--format', 'md'], { cwd: dir }).code).toBeLessThan(2);
    const report = readdirSync(path.join(dir, 'rep')).find((f) => f.endsWith('.md'))!;
    const r = onWindows([...survey, '-o', 'r.json', '--reports', 'rep', '--format', 'md', '--force'], dir, { ZZ_LOCKED: `/rep/${report.replace(/[.]/g, '\\.')}$` });
    expect(r.code).toBe(2);
    expect(IN_USE_EN.exec(r.stderr)?.[1]).toBe(`rep/${report}`);
    expect(r.stderr).not.toMatch(/internal error|zhizao-tmp/);
  });
});
