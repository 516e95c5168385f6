// An output open in Excel/WPS/Word: which errors mean "in use", and how the command line says it (audit finding 5).
import { describe, expect, it } from 'vitest';
import { unwritable, UsageError } from '../../src/app/errors';
import { FileInUseError, inUseCode } from '../../src/io/temp-files';
import { formatMessage } from '../../src/messages/catalogue';

describe('inUseCode', () => {
  it('EBUSY (a sharing violation) means in use everywhere', () => {
    expect(inUseCode('EBUSY', 'linux')).toBe(true);
    expect(inUseCode('EBUSY', 'win32')).toBe(true);
  });
  it('EPERM/EACCES mean in use on Windows (ERROR_ACCESS_DENIED for a target open in Excel), permissions elsewhere', () => {
    for (const code of ['EPERM', 'EACCES']) {
      expect(inUseCode(code, 'win32')).toBe(true);
      expect(inUseCode(code, 'linux')).toBe(false);
      expect(inUseCode(code, 'darwin')).toBe(false);
    }
    expect(inUseCode('ENOENT', 'win32')).toBe(false);
    expect(inUseCode(undefined, 'win32')).toBe(false);
  });
});

describe('unwritable: an output in use is said in plain words, naming the output', () => {
  it('FileInUseError names the locked file (of a set, the one that is open)', () => {
    const e = unwritable(new FileInUseError('r.summary.csv', 'EBUSY'), 'r.csv');
    expect(e).toBeInstanceOf(UsageError);
    expect((e as UsageError).code).toBe('cli.unwritable-in-use');
    expect((e as UsageError).args).toEqual({ file: 'r.summary.csv' });
  });
  it('a raw EBUSY names the output, never the temp file of the error', () => {
    const raw = Object.assign(new Error("EBUSY: resource busy or locked, rename '.a.md.zhizao-tmp-1-2' -> 'a.md'"), { code: 'EBUSY' });
    const e = unwritable(raw, 'a.md') as UsageError;
    expect(e.code).toBe('cli.unwritable-in-use');
    expect(e.message).not.toMatch(/zhizao-tmp/);
  });
  it('both languages tell the user to close the file in Excel/WPS/Word and run again', () => {
    expect(formatMessage('cli.unwritable-in-use', { file: '报告.md' }, 'zh')).toMatch(/^无法写入 报告\.md：.*Excel、WPS 或 Word.*请先关闭该文件，再重新运行$/);
    expect(formatMessage('cli.unwritable-in-use', { file: 'a.md' }, 'en')).toMatch(/^cannot write a\.md: .*Excel, WPS or Word; close it there and run the command again$/);
  });
});
