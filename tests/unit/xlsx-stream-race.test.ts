import fs from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/io/tables/cells';
import { DEFAULT_TABLE_LIMITS } from '../../src/io/tables/limits';
import { openWorkbook, readXlsxRows, tableSheet } from '../../src/io/tables/xlsx-read';

// exceljs's streaming reader defers a worksheet that comes before xl/sharedStrings.xml (as exceljs writes them) to a
// temporary file (the `tmp` package), read back once every entry of the archive has been seen. Since 2026-12-06 the
// shared strings are handed to it first, so no sheet is deferred: the races below cannot happen, and these tests
// keep it so (a deferral would call tmp.file, which the first test counts).
const tmp = createRequire(createRequire(import.meta.url).resolve('exceljs'))('tmp') as { file: (...args: unknown[]) => void };

async function workbook(extraSheet = false): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('答卷');
  ws.addRow(['company', 'industry', 'date', 'key_processes_total']);
  ws.addRow(['己重工有限公司', 'discrete', new Date(Date.UTC(2026, 7, 15)), 4]);
  if (extraSheet) wb.addWorksheet('说明').addRow(['notes', 'not read']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function read(buf: Buffer): Promise<CellValue[][]> {
  const opened = await openWorkbook(buf, DEFAULT_TABLE_LIMITS.zip);
  if (!opened.ok) throw new Error(opened.detail);
  const rows: CellValue[][] = [];
  for await (const item of readXlsxRows(opened.book, tableSheet(opened.book)!)) if (!('error' in item)) rows.push(item.cells);
  return rows;
}

/** Whatever a callback-style function is called with, it runs `ms` later. */
function delayed<F extends (...args: never[]) => unknown>(f: F, ms: number, when: (...args: Parameters<F>) => boolean = () => true): F {
  return ((...args: Parameters<F>) => {
    if (!when(...args)) return f(...args);
    setTimeout(() => f(...args), ms);
    return undefined;
  }) as F;
}

describe('XLSX streaming reader races (exceljs + unzipper)', () => {
  // While exceljs waits for the temporary file, unzipper can reach the end of the archive and end its entry stream
  // with the later entries still queued in it: they are lost, xl/sharedStrings.xml among them, and the sheet read
  // back gives every text cell as an index ({ sharedString: n }). A batch rejected such a table as having no header
  // (the flaky e2e "a worker crash on one input rejects that input only": 7 companies where 8 were expected).
  // A slow temporary file makes the race certain.
  it('a sheet whose shared strings were lost is read again whole, not as string indices', async () => {
    const buf = await workbook();
    const file = tmp.file;
    let deferred = 0;
    const slow = delayed(file, 30);
    tmp.file = ((...args: unknown[]) => (deferred++, (slow as (...a: unknown[]) => void)(...args))) as typeof file;
    try {
      for (let i = 0; i < 3; i++) expect((await read(buf)).map((r) => r.slice(0, 2))).toEqual([['company', 'industry'], ['己重工有限公司', 'discrete']]);
    } finally {
      tmp.file = file;
    }
    expect(deferred).toBe(0);
  });

  // A deferred sheet we skip (not the table's) comes with a file stream still opening, and exceljs removes the file at
  // once: the open failed with an uncaught ENOENT (in a batch worker, a crash). A slow open makes it certain.
  it('a deferred sheet that is not read leaves no uncaught error behind', async () => {
    const buf = await workbook(true);
    const uncaught: unknown[] = [];
    const catcher = (e: unknown) => uncaught.push(e);
    const listeners = process.listeners('uncaughtException');
    process.removeAllListeners('uncaughtException');
    process.on('uncaughtException', catcher);
    const open = fs.open;
    fs.open = delayed(open, 20, (p) => String(p).startsWith(tmpdir()));
    try {
      for (let i = 0; i < 3; i++) expect((await read(buf)).map((r) => r[0])).toEqual(['company', '己重工有限公司']);
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      fs.open = open;
      process.removeListener('uncaughtException', catcher);
      for (const l of listeners) process.on('uncaughtException', l);
    }
    expect(uncaught).toEqual([]);
  });
});
