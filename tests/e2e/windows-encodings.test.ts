/**
 * Text encodings Windows tools write (audit finding 6): UTF-16 with a BOM (Notepad "Unicode", Excel/WPS "Unicode 文本",
 * tab separated) is read as such, and a UTF-8 file with a BOM stays UTF-8 despite one stray byte. Through the built CLI.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, FIXTURES, tempDir, zhizao } from '../helpers/cli';

const SURVEY = path.join(FIXTURES, 'batch', 'survey');
const MAP = path.join(SURVEY, 'wjx-map.yaml');
const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const companies = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { companies: { company: string }[] }).companies.map((c) => c.company);

describe('UTF-16 with a BOM', () => {
  it('validate: an answer file saved as Notepad "Unicode" is valid, as its UTF-8 original', () => {
    const dir = tempDir();
    const yaml = readFileSync(path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), 'utf8');
    writeFileSync(path.join(dir, 'u16.zhizao.yaml'), utf16le(yaml));
    const r = zhizao(['validate', 'u16.zhizao.yaml'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(zhizao(['score', 'u16.zhizao.yaml', '--json'], { cwd: dir }).stdout).toBe(zhizao(['score', path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), '--json'], { cwd: dir }).stdout);
  });

  it('batch: an Excel/WPS "Unicode 文本" export (UTF-16 LE, tabs, CRLF) gives the companies of the CSV', () => {
    const dir = tempDir();
    // the first ten lines of the survey (no quoted cells), as Excel saves them as Unicode text
    const lines = readFileSync(path.join(SURVEY, 'wjx-survey.csv'), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).slice(0, 10);
    writeFileSync(path.join(dir, 'u8.csv'), '\uFEFF' + lines.join('\r\n') + '\r\n');
    writeFileSync(path.join(dir, 'u16.csv'), utf16le(lines.map((l) => l.replace(/,/g, '\t')).join('\r\n') + '\r\n'));
    const a = zhizao(['batch', 'u8.csv', '--map', MAP, '-o', 'a.json'], { cwd: dir });
    const b = zhizao(['batch', 'u16.csv', '--map', MAP, '-o', 'b.json'], { cwd: dir });
    expect(b.code, b.stderr).toBe(a.code);
    expect(b.stderr).not.toMatch(/no header row/);
    expect(companies(path.join(dir, 'b.json'))).toEqual(companies(path.join(dir, 'a.json')));
    expect(companies(path.join(dir, 'b.json')).length).toBeGreaterThan(5);
  });
});

describe('UTF-16 without a BOM', () => {
  it('validate and score read an answer file saved as UTF-16 without its byte-order mark (was "(top level): expected an object")', () => {
    const dir = tempDir();
    const yaml = readFileSync(path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), 'utf8');
    writeFileSync(path.join(dir, 'u16-nobom.zhizao.yaml'), Buffer.from(yaml, 'utf16le'));
    const r = zhizao(['validate', 'u16-nobom.zhizao.yaml'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(zhizao(['score', 'u16-nobom.zhizao.yaml', '--json'], { cwd: dir }).stdout).toBe(zhizao(['score', path.join(EXAMPLES, 'discrete-machinery.zhizao.yaml'), '--json'], { cwd: dir }).stdout);
  });
});

describe('a UTF-8 file with a BOM and one stray byte', () => {
  it('batch: that line is named, every other row read as UTF-8 (no mojibake, no "no header row")', () => {
    const dir = tempDir();
    const bytes = readFileSync(path.join(SURVEY, 'wjx-survey.csv'));
    const lines = bytes.toString('latin1').split('\n');
    lines[5] = lines[5]!.replace(',', '\xa0,');
    writeFileSync(path.join(dir, 'stray.csv'), Buffer.from(lines.join('\n'), 'latin1'));
    const r = zhizao(['batch', 'stray.csv', '--map', MAP, '-o', 's.json'], { cwd: dir });
    expect(r.stderr).not.toMatch(/no header row/);
    expect(r.stderr).toMatch(/stray\.csv \(row 6\):6:1 .*line 6 could not be read: the file is marked as UTF-8 but this line holds a byte that is not UTF-8/);
    zhizao(['batch', path.join(SURVEY, 'wjx-survey.csv'), '--map', MAP, '-o', 'all.json'], { cwd: dir });
    const all = companies(path.join(dir, 'all.json'));
    const got = companies(path.join(dir, 's.json'));
    expect(got.length).toBe(all.length - 1);
    expect(got.every((c) => all.includes(c))).toBe(true);
  });
});
