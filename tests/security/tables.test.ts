// Issue #11: corrupted spreadsheets (found by the table fuzzer, tests/fuzz/tables.fuzz.test.ts) are refused as
// unreadable input, never an internal error; a batch with a bad workbook still scores the good inputs.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE, expectClean, runCli, SECURITY, removeTempDirs, tempDir } from './helpers.js';

afterAll(removeTempDirs);

const FIXTURES = path.join(SECURITY, 'fixtures');
let dir: string;
beforeAll(() => {
  dir = tempDir('zhizao-tables-');
  for (const f of ['corrupt-styles.xlsx', 'corrupt-central-directory.xlsx']) copyFileSync(path.join(FIXTURES, f), path.join(dir, f));
  writeFileSync(path.join(dir, 'good.yaml'), readFileSync(EXAMPLE));
});

// Regression (fixed; src/io/tables/zip-guard.ts readCentralDirectory; src/io/tables/xlsx-read.ts / table-input.ts):
//  - corrupt-central-directory.xlsx: one flipped byte in a central-directory entry makes readCentralDirectory read
//    past the end of the buffer (RangeError from Buffer.readUInt16LE: no bounds check on p + 46 + name + extra +
//    comment lengths);
//  - corrupt-styles.xlsx: a corrupted xl/styles.xml reaches the exceljs fallback, whose jszip throws "Bug :
//    uncompressed data size mismatch".
// `validate` then prints "internal error: …" (exit 2) and `batch` says the input "stopped the worker".
// Fix: bounds-check every offset in readCentralDirectory (return {ok: false, code: 'xlsx.not-zip'}); wrap the
// exceljs load in xlsx-read.ts/form.ts in try/catch and return/yield 'xlsx.unreadable' with the error's message,
// so readTableInput keeps its promise "never throws for bad input". Since 2026-12-06 a part whose inflated size is
// not its declared size is refused by checkZip itself, before any row is read: the shared strings are now read
// first, so the sheet (stored before the damaged styles part) would otherwise be read and the damage met after it.
describe('corrupted XLSX files are "cannot be read" (exit 1), never an internal error', () => {
  it.each(['corrupt-styles.xlsx', 'corrupt-central-directory.xlsx'])('validate %s', (f) => {
    const r = runCli(['validate', f], { cwd: dir });
    expectClean(r, expect);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^${f.replace('.', '\\.')}:1:1 error .*(cannot be read|not a zip|save it again)`, 'm'));
  });
});

describe('a batch with corrupted workbooks still scores the good inputs', () => {
  it('good.yaml is scored, both workbooks are listed as rejected with a location, exit 1', () => {
    const r = runCli(['batch', 'good.yaml', 'corrupt-styles.xlsx', 'corrupt-central-directory.xlsx', '--json', '--jobs', '1'], { cwd: dir });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).not.toMatch(/internal error/);
    const out = JSON.parse(r.stdout) as { companies: { file: string }[]; rejected: { file: string; line: number; column: number }[] };
    expect(out.companies.map((c) => c.file)).toEqual(['good.yaml']);
    expect(out.rejected.map((x) => x.file).sort()).toEqual(['corrupt-central-directory.xlsx', 'corrupt-styles.xlsx']);
    for (const x of out.rejected) expect(x.line).toBeGreaterThanOrEqual(1);
  });
});
